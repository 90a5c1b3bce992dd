//! Stories from elsewhere: Knight Lab's StoryMapJS JSON and GeoJSON point collections become
//! TripMap stories, with a [`Report`] of everything that did not come over as it was.
//!
//! [`read`] is the one door for any story JSON: the embed and `tripmap check` use it, so a page
//! can swap a StoryMapJS iframe for `[data-tripmap]` without touching the story file.

pub mod geojson;
pub mod gpx;
pub mod html;
mod lines;
pub mod storymap;
pub mod tracks;
#[cfg(target_arch = "wasm32")]
mod wasm;

use crate::story::{validate, Date, Leg, Media, Person, Problem, RichText, Stop, Story, Text, What};
pub use lines::mode_from;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

/// The formats [`read`] understands, recognised by their shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    TripMap,
    StoryMapJs,
    GeoJson,
    /// Not JSON: [`read_file`] knows it by the file's name.
    Gpx,
}

impl Format {
    /// `{"storymap": {...}}` is StoryMapJS, `{"type": "FeatureCollection"}` GeoJSON, anything
    /// else is read as a TripMap story (and its problems reported as such).
    pub fn of(value: &Value) -> Format {
        if value.get("storymap").is_some_and(Value::is_object) {
            Format::StoryMapJs
        } else if value.get("type").and_then(Value::as_str) == Some("FeatureCollection") {
            Format::GeoJson
        } else {
            Format::TripMap
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::TripMap => "TripMap",
            Format::StoryMapJs => "StoryMapJS",
            Format::GeoJson => "GeoJSON",
            Format::Gpx => "GPX",
        }
    }
}

/// What an import kept, left out, dropped and ignored; `tripmap import` prints it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    pub format: Option<Format>,
    pub stops: usize,
    /// Steps with text but no place (StoryMapJS slides without a location, GeoJSON features that
    /// are not points), by source path and headline: not on the map.
    pub text_only: Vec<String>,
    /// HTML dropped from editors' text: `"<script> (with its content)" → 2`.
    pub dropped: BTreeMap<String, usize>,
    /// Options with no meaning without tiles (`map_type`, `location.zoom`), with counts.
    pub ignored: BTreeMap<String, usize>,
    /// Anything else worth a line: a date kept as text, an embed code turned into its link.
    pub notes: Vec<String>,
}

impl Report {
    fn ignore(&mut self, option: impl Into<String>) {
        *self.ignored.entry(option.into()).or_default() += 1;
    }

    fn drop_all(&mut self, dropped: BTreeMap<String, usize>) {
        for (k, n) in dropped {
            *self.dropped.entry(k).or_default() += n;
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let counted = |m: &BTreeMap<String, usize>| m.iter().map(|(k, n)| if *n > 1 { format!("{k} ×{n}") } else { k.clone() }).collect::<Vec<_>>().join(", ");
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let format = self.format.map_or("", Format::name);
        writeln!(f, "Imported from {format}: {}, {}.", plural(self.stops, "stop", "stops"), plural(self.text_only.len(), "text-only step", "text-only steps"))?;
        for step in &self.text_only {
            writeln!(f, "  not on the map (no place): {step}")?;
        }
        if !self.dropped.is_empty() {
            writeln!(f, "Dropped from the text: {}.", counted(&self.dropped))?;
        }
        if !self.ignored.is_empty() {
            writeln!(f, "Ignored (no meaning on a TripMap map): {}.", counted(&self.ignored))?;
        }
        for note in &self.notes {
            writeln!(f, "Note: {note}")?;
        }
        Ok(())
    }
}

/// Any story JSON: a TripMap story as it is, a StoryMapJS or GeoJSON one imported. Every
/// problem found, each with its path in the JSON the editor wrote.
///
/// ```
/// use tripmap::import::read;
/// let storymap = r#"{"storymap": {"slides": [
///   {"type": "overview", "text": {"headline": "A day in Lima", "text": "<p>Where we went.</p>"}},
///   {"location": {"name": "Plaza Mayor", "lat": -12.046, "lon": -77.03, "zoom": 14},
///    "text": {"headline": "Morning", "text": "<p>Coffee <script>alert(1)</script></p>"}}]}}"#;
/// let (story, report) = read(storymap).unwrap();
/// assert_eq!(story.title.as_str(), "A day in Lima");
/// assert_eq!(story.stops[0].name.as_str(), "Plaza Mayor");
/// let report = report.unwrap();
/// assert_eq!(report.dropped["<script> (with its content)"], 1);
/// assert_eq!(report.ignored["location.zoom"], 1);
/// ```
pub fn read(json: &str) -> Result<(Story, Option<Report>), Vec<Problem>> {
    let value: Value = match serde_json::from_str(json) {
        Ok(v) => v,
        // The story reader words syntax errors (with line and column).
        Err(_) => return Story::from_json(json).map(|s| (s, None)),
    };
    let (story, report) = match Format::of(&value) {
        Format::TripMap => return Story::from_value(value).map(|s| (s, None)),
        Format::StoryMapJs => storymap::import(&value)?,
        Format::GeoJson => geojson::import(&value)?,
        Format::Gpx => unreachable!("Format::of never says GPX"),
    };
    validate(&story)?;
    Ok((story, Some(report)))
}

/// A story file as `tripmap` reads it: a GPX file (by its name) imported, any story JSON as
/// [`read`] has it, then its legs' track files read in through `load` (a file's text by the
/// name the story gives, relative to the story).
pub fn read_file(name: &str, text: &str, load: &mut dyn FnMut(&str) -> Result<String, String>) -> Result<(Story, Option<Report>), Vec<Problem>> {
    let (mut story, report) = if crate::story::is_gpx(name) {
        let (story, report) = gpx::import(text)?;
        (story, Some(report))
    } else {
        read(text)?
    };
    tracks::inline(&mut story, load)?;
    Ok((story, report))
}

/// What an importer reads for one place; [`Imported::push`] makes it a stop.
struct Place {
    name: String,
    headline: String,
    lat: f64,
    lon: f64,
    date: Option<String>,
    when: Text,
    text: RichText,
    media: Option<Media>,
}

impl Place {
    /// A place with nothing but its name and position.
    fn at(name: String, c: geo::Coord) -> Place {
        Place { name, headline: String::new(), lat: c.y, lon: c.x, date: None, when: Text::default(), text: vec![], media: None }
    }
}

/// An import under way: the stops so far, their ids, the legs, the problems and the report.
struct Imported {
    stops: Vec<Stop>,
    legs: Vec<Leg>,
    ids: Vec<String>,
    problems: Vec<Problem>,
    report: Report,
}

impl Imported {
    fn new(format: Format) -> Self {
        Imported { stops: vec![], legs: vec![], ids: vec![], problems: vec![], report: Report { format: Some(format), ..Report::default() } }
    }

    /// Adds a stop (a name made up if the source has none, an id made from the name).
    fn push(&mut self, p: Place) {
        let n = self.stops.len() + 1;
        let name = if p.name.is_empty() { format!("Stop {n}") } else { p.name };
        let headline = if p.headline == name { String::new() } else { p.headline };
        self.stops.push(Stop {
            id: unique_id(&name, n, &mut self.ids),
            name: Text::Plain(name),
            headline: Text::Plain(headline),
            place: Text::default(),
            lat: p.lat,
            lon: p.lon,
            date: p.date,
            end_date: None,
            when: p.when,
            summary: Text::default(),
            text: p.text,
            media: p.media,
            meetings: vec![],
            topics: vec![],
            scheduled: vec![],
            figures: vec![],
            quote: None,
            sources: vec![],
        });
    }

    /// The story, or every problem; `items` is the source's path for "no stops". A missing
    /// title becomes the first stop's headline or name, with a note saying why (`no_title`).
    fn finish(mut self, items: &str, no_title: &str, lang: String, title: String, standfirst: String) -> Result<(Story, Report), Vec<Problem>> {
        if !self.problems.is_empty() {
            return Err(self.problems);
        }
        let Some(first) = self.stops.first() else { return Err(vec![Problem::new(items, What::NoStops, &[])]) };
        let title = if title.is_empty() {
            let t = if first.headline.is_empty() { first.name.to_string() } else { first.headline.to_string() };
            self.report.notes.push(format!("{no_title}: the title is \"{t}\""));
            t
        } else {
            title
        };
        self.report.stops = self.stops.len();
        let story = Story {
            lang,
            title: Text::Plain(title),
            standfirst: Text::Plain(standfirst),
            credit: Text::default(),
            traveller: Person::default(),
            sources: vec![],
            stops: self.stops,
            legs: (!self.legs.is_empty()).then_some(self.legs),
            routes: vec![],
            steps: vec![],
        };
        Ok((story, self.report))
    }
}

/// A stop id from a name: lowercase ASCII letters and digits joined by `-`, unique in `taken`.
///
/// ```
/// use tripmap::import::unique_id;
/// let mut taken = vec![];
/// assert_eq!(unique_id("Bogotá, D.C.", 1, &mut taken), "bogota-d-c");
/// assert_eq!(unique_id("Bogotá, D.C.", 2, &mut taken), "bogota-d-c-2");
/// assert_eq!(unique_id("東京", 3, &mut taken), "stop-3");
/// ```
pub fn unique_id(name: &str, n: usize, taken: &mut Vec<String>) -> String {
    let mut id = String::new();
    for c in name.chars().map(|c| latin_base(c).to_ascii_lowercase()) {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let mut id: String = id.trim_end_matches('-').chars().take(48).collect();
    if id.is_empty() {
        id = format!("stop-{n}");
    }
    let base = id.clone();
    let mut k = 2;
    while taken.contains(&id) {
        id = format!("{base}-{k}");
        k += 1;
    }
    taken.push(id.clone());
    id
}

/// The unaccented letter of a Latin-1 accented one (`á` → `a`), so ids stay readable.
fn latin_base(c: char) -> char {
    const FROM: &str = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ";
    const TO: &str = "aaaaaaceeeeiiiinoooooouuuuyyAAAAAACEEEEIIIINOOOOOOUUUUY";
    FROM.chars().position(|f| f == c).and_then(|i| TO.chars().nth(i)).unwrap_or(c)
}

/// A date as editors write it: `2022-10-03`, `October 3, 2022`, `Thursday, 6 October 2022`,
/// `3 Oct 2022`, `2022/10/03`.
/// Anything else (`Spring 1862`, `10/03/2022`, which is ambiguous) is `None`: kept as text.
///
/// ```
/// use tripmap::import::calendar_day;
/// assert_eq!(calendar_day("October 3, 2022").as_deref(), Some("2022-10-03"));
/// assert_eq!(calendar_day("3 Oct. 2022").as_deref(), Some("2022-10-03"));
/// assert_eq!(calendar_day("2022/10/3").as_deref(), Some("2022-10-03"));
/// assert_eq!(calendar_day("Thursday, 6 October 2022").as_deref(), Some("2022-10-06"));
/// assert_eq!(calendar_day("Spring 1862"), None);
/// ```
pub fn calendar_day(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let mut words: Vec<String> =
        text.split(|c: char| c.is_whitespace() || c == ',' || c == '.').filter(|w| !w.is_empty()).map(str::to_ascii_lowercase).collect();
    if words.len() == 4 && WEEKDAYS.iter().any(|d| words[0].starts_with(d)) {
        words.remove(0);
    }
    let month = |w: &str| MONTHS.iter().position(|m| w.starts_with(m) && (w.len() <= 3 || w.len() >= 4 && w.len() <= 9)).map(|i| i as u32 + 1);
    let num = |w: &str| w.parse::<u32>().ok();
    let (y, m, d) = match words.as_slice() {
        [one] => {
            let parts: Vec<&str> = one.split(['-', '/']).collect();
            match parts.as_slice() {
                [y, m, d] if y.len() == 4 => (num(y)?, num(m)?, num(d)?),
                _ => return None,
            }
        }
        [m, d, y] if month(m).is_some() => (num(y)?, month(m)?, num(d)?),
        [d, m, y] if month(m).is_some() => (num(y)?, month(m)?, num(d)?),
        _ => return None,
    };
    let iso = format!("{y:04}-{m:02}-{d:02}");
    Date::parse(&iso).ok().map(|_| iso)
}

/// A stop's `date` and `when` from a date as written.
fn dates(written: &str, path: &str, report: &mut Report) -> (Option<String>, Text) {
    let written = written.trim();
    if written.is_empty() {
        return (None, Text::default());
    }
    match calendar_day(written) {
        Some(day) => (Some(day), Text::default()),
        None => {
            report.notes.push(format!("{path} \"{written}\" is no calendar day: shown as written"));
            (None, Text::Plain(written.to_string()))
        }
    }
}

/// Media from a URL or a pasted embed code, http(s) only; anything else reported and left out.
fn media(url: &str, caption: &str, credit: &str, path: &str, report: &mut Report) -> Option<Media> {
    let url = url.trim();
    if url.is_empty() {
        return None;
    }
    let link = if url.starts_with('<') {
        let link = html::first_link(url);
        match &link {
            Some(l) => report.notes.push(format!("{path}: embed code replaced by its link {l}")),
            None => report.notes.push(format!("{path}: embed code with no http(s) link, left out")),
        }
        link?
    } else if crate::story::is_web_url(url) {
        url.to_string()
    } else {
        report.notes.push(format!("{path} \"{url}\" is not an http or https link, left out"));
        return None;
    };
    Some(Media { url: link, caption: Text::Plain(html::plain(caption)), credit: Text::Plain(html::plain(credit)) })
}

/// A coordinate from a number or a numeric string, checked against ±`limit`.
fn coordinate(v: Option<&Value>, path: String, field: &str, limit: f64, problems: &mut Vec<Problem>) -> Option<f64> {
    let at = if field.starts_with('[') { format!("{path}{field}") } else { format!("{path}.{field}") };
    let x = match v {
        None | Some(Value::Null) => {
            problems.push(Problem::new(path, What::MissingField, &[("field", field)]));
            return None;
        }
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(s)) => s.trim().parse::<f64>().ok().filter(|x| x.is_finite()),
        Some(_) => None,
    };
    let Some(x) = x else {
        let found = v.map(Value::to_string).unwrap_or_default();
        problems.push(Problem::new(at, What::WrongType, &[("found", &found), ("expected", "number")]));
        return None;
    };
    if !(-limit..=limit).contains(&x) {
        problems.push(Problem::new(at, What::Outside, &[("value", &x.to_string()), ("limit", &limit.to_string())]));
        return None;
    }
    Some(x)
}

/// A string field of `v`, or "".
fn string(v: &Value, key: &str) -> String {
    text(v.get(key))
}

/// A string, or a number as written, or "".
fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}
