//! The story format: what a newsroom writes in JSON, read with serde and checked field by field.
//!
//! [`Story::from_json`] is the one way in: it parses, then [`validate`]s, and either returns a
//! story that every later stage may trust (coordinates in range, ids unique, legs pointing at
//! stops) or every problem found, each with its JSON path.

mod date;
mod leg;
// The every-problem reader (feature `reader`): not in the map's wasm.
#[cfg(feature = "reader")]
mod parse;
mod problem;
mod rich;
mod text;
// The checks and their problems: the lean map module reads only stories the build checked.
#[cfg(not(lean))]
mod validate;

pub use date::{Date, DateError, DateRange};
pub use leg::{is_hex_color, LegColor, LegPath, PathGeometry, Route, TravelMode, NOT_A_PATH, ROUTE_PALETTE, TRACK_END_TOLERANCE_KM};
pub use problem::{Problem, What};
pub use rich::{plain_text, push_run, Marked, Paragraph, RichText, Run};
pub use text::Text;
#[cfg(not(lean))]
pub use validate::{for_each_text, is_gpx, is_language_code, is_track_file, validate, warnings};

use serde::{Deserialize, Serialize};

/// The default story (Blinken in Colombia, Chile and Peru), compiled into native builds (the
/// command, the static maps, the tests). The map's wasm does not carry it: a newsroom's map shows
/// its own story, and a page that shows this one gets it as a file (`story.json`, fetched by
/// the loader).
#[cfg(not(target_arch = "wasm32"))]
pub const DEFAULT_STORY_JSON: &str = include_str!("../../data/story.json");

/// A trip told as a sequence of stops.
// The fields left out of the lean map module (`cfg(lean)`) are what only the headline, the
// credit and the cards show: it takes those from the static map (not in the doc comment, which
// is the JSON Schema's description).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
// The lean map module reads only text the build checked, and not every field of it.
#[cfg_attr(not(lean), serde(deny_unknown_fields))]
pub struct Story {
    /// The story's own language (BCP 47 code such as "en"): where a text has no translation into
    /// the reader's language, this one is shown.
    #[serde(default = "default_lang")]
    pub lang: String,
    /// Headline above the map.
    pub title: Text,
    /// One or two sentences under the headline.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    #[cfg(not(lean))]
    pub standfirst: Text,
    /// Credit line under the map (who made the graphic, where the facts come from).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    #[cfg(not(lean))]
    pub credit: Text,
    /// Who travels; shown on cards as the person meeting others. Optional: a story imported
    /// from StoryMapJS or GeoJSON has no traveller.
    #[serde(default, skip_serializing_if = "Person::is_empty")]
    #[cfg(not(lean))]
    pub traveller: Person,
    /// The reports that the cards cite, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg(not(lean))]
    pub sources: Vec<Source>,
    /// The stops in trip order.
    pub stops: Vec<Stop>,
    /// Legs between stops. Absent: one leg between each pair of consecutive stops.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legs: Option<Vec<Leg>>,
    /// Routes the legs belong to (`legs[i].route`), when the story has more than one: each
    /// with its name and colour in the legend.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Route>,
    /// A scrolling story told by the figure itself (for a CMS that takes one embed block): each
    /// step's text, in order, scrolls beside or under the map and opens its stop as it crosses
    /// the reading line. Pages that have paragraphs of their own mark them `data-tripmap-step`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
}

/// One step of a scrolling story: a stop's id (`""`, or none, for the whole trip) and its text.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Step {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub stop: String,
    pub text: Text,
}

/// A person and their role at the time, e.g. "Gustavo Petro", "President of Colombia".
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: Text,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub role: Text,
}

/// A report the story draws on.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// How a reader would name it: outlet, author, headline.
    pub name: Text,
    /// Link to the report; http or https only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One place on the trip and what happened there.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(lean), serde(deny_unknown_fields))]
pub struct Stop {
    /// Stable id used in links, hooks (`data-stop`) and legs: lowercase letters, digits, `-`, `_`.
    pub id: String,
    /// Place name as shown on the map, e.g. "Bogotá".
    pub name: Text,
    /// Country or region line on the card, e.g. "Colombia".
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    #[cfg(not(lean))]
    pub place: Text,
    /// Latitude in degrees, -90..90.
    pub lat: f64,
    /// Longitude in degrees, -180..180.
    pub lon: f64,
    /// First day at the stop, `YYYY-MM-DD`. Optional (imported stories may have none, or a
    /// date that is no calendar day: that goes in `when`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Last day, if the stop lasts more than one day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// When, as written, for a time that is no calendar day ("Spring 1862"); shown where there is
    /// no `date`.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub when: Text,
    /// A headline for the card, above the place name (StoryMapJS slides have one).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    #[cfg(not(lean))]
    pub headline: Text,
    /// What happened there, in a sentence or two.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    #[cfg(not(lean))]
    pub summary: Text,
    /// Longer text with paragraphs, emphasis and links (in the story's own language).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg(not(lean))]
    pub text: RichText,
    /// A photo, video or post from another site: shown as a link unless the page opts in to
    /// remote images (`data-remote-images`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg(not(lean))]
    pub media: Option<Media>,
    /// Who the traveller met.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg(not(lean))]
    pub meetings: Vec<Meeting>,
    /// What was discussed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg(not(lean))]
    pub topics: Vec<Text>,
    /// What the reports give only as planned (an announced visit, an agenda item), which the
    /// card shows apart, marked as scheduled: never told as if it happened.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg(not(lean))]
    pub scheduled: Vec<Text>,
    /// Key numbers, e.g. "$240m" for "new U.S. aid for migrants in the region".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg(not(lean))]
    pub figures: Vec<Figure>,
    /// One short quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg(not(lean))]
    pub quote: Option<Quote>,
    /// Ids of the reports this card draws on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg(not(lean))]
    pub sources: Vec<String>,
}

/// Media on another site, with its caption and credit.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Media {
    /// http or https only.
    pub url: String,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub caption: Text,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub credit: Text,
}

/// What a media URL points at, judged from the URL alone (nothing is fetched to find out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    Image,
    Video,
    Post,
    Page,
}

impl MediaKind {
    /// The kind's name in the `data-media` hook.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Video => "video",
            MediaKind::Post => "post",
            MediaKind::Page => "page",
        }
    }
}

impl Media {
    /// ```
    /// use tripmap::story::{Media, MediaKind};
    /// let m = |url: &str| Media { url: url.into(), caption: Default::default(), credit: Default::default() }.kind();
    /// assert_eq!(m("https://example.org/a/photo.JPG?w=800"), MediaKind::Image);
    /// assert_eq!(m("https://www.youtube.com/watch?v=x"), MediaKind::Video);
    /// assert_eq!(m("https://twitter.com/SecBlinken/status/1"), MediaKind::Post);
    /// assert_eq!(m("https://example.org/story"), MediaKind::Page);
    /// ```
    pub fn kind(&self) -> MediaKind {
        let lower = self.url.to_ascii_lowercase();
        let rest = lower.split_once("://").map_or(lower.as_str(), |(_, r)| r);
        let path = rest.find(['/', '?', '#']).map_or("", |i| &rest[i..]).split(['?', '#']).next().unwrap_or("");
        let host = self.host().to_ascii_lowercase();
        let host_is = |names: &[&str]| names.iter().any(|n| host == *n || host.ends_with(&format!(".{n}")));
        if [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"].iter().any(|e| path.ends_with(e)) {
            MediaKind::Image
        } else if host_is(&["youtube.com", "youtu.be", "vimeo.com", "dailymotion.com"]) || [".mp4", ".webm"].iter().any(|e| path.ends_with(e)) {
            MediaKind::Video
        } else if host_is(&["twitter.com", "x.com", "instagram.com", "facebook.com", "bsky.app", "threads.net", "mastodon.social"]) {
            MediaKind::Post
        } else {
            MediaKind::Page
        }
    }

    /// The site the media is on, without `www.`: what the card's link names.
    ///
    /// ```
    /// use tripmap::story::Media;
    /// let m = Media { url: "https://www.youtube.com/watch?v=x".into(), caption: Default::default(), credit: Default::default() };
    /// assert_eq!(m.host(), "youtube.com");
    /// ```
    pub fn host(&self) -> &str {
        let rest = self.url.split_once("://").map_or(self.url.as_str(), |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        host.strip_prefix("www.").unwrap_or(host)
    }
}

/// A meeting: who, and optionally what about.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub with: Vec<Person>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<Text>,
    /// The reports give the meeting only as planned: the card marks it "scheduled".
    #[serde(default, skip_serializing_if = "is_false")]
    pub scheduled: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A key figure and what it measures.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub value: Text,
    pub label: Text,
    /// Id of the report the figure comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A quote and who said it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub text: Text,
    pub by: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A leg of the trip, by stop ids, and how it was travelled.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Leg {
    pub from: String,
    pub to: String,
    /// `flight` (the default), `road`, `rail`, `ferry`, `walk`, or `none` (no line). The card
    /// says "by road" only for a mode the story gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<TravelMode>,
    /// The way the leg went: a GeoJSON `LineString` / `MultiLineString`, or a `.gpx` /
    /// `.geojson` file on the story's own site. Absent: the geodesic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<LegPath>,
    /// The id of one of the story's `routes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
}

impl Leg {
    /// A leg with nothing but its stops (the default flight).
    pub fn between(from: &str, to: &str) -> Leg {
        Leg { from: from.into(), to: to.into(), mode: None, path: None, route: None }
    }
}

impl Story {
    /// Parses and validates a story. On failure, every problem found, each with its JSON path.
    ///
    /// ```
    /// use tripmap::story::Story;
    /// let story = Story::from_json(tripmap::story::DEFAULT_STORY_JSON).unwrap();
    /// assert!(story.stops.len() >= 2);
    ///
    /// let bad = r#"{"title":"t","traveller":{"name":"x"},"stops":[
    ///   {"id":"a","name":"A","lat":95,"lon":0,"date":"2022-10-03"}]}"#;
    /// let problems = Story::from_json(bad).unwrap_err();
    /// assert_eq!(problems[0].to_string(), "stops[0].lat: 95 is outside -90..90");
    /// ```
    #[cfg(feature = "reader")]
    pub fn from_json(json: &str) -> Result<Story, Vec<Problem>> {
        parse::parse(json)
    }

    /// [`Story::from_json`] for JSON already read (as `import::read` has it).
    #[cfg(feature = "reader")]
    pub fn from_value(value: serde_json::Value) -> Result<Story, Vec<Problem>> {
        parse::parse_value(value)
    }

    /// The quick read: the JSON straight into the types, then validated. `None` when the typed
    /// read refuses it (broken JSON, a wrong type, an unknown field, a duplicate key): only the
    /// every-problem reader ([`Story::from_json`], feature `reader`) can word that. Most stories
    /// are well formed. The map's wasm reads the same way through the browser's `JSON.parse`
    /// (`js_json::read_story`) and carries no JSON reader of its own.
    ///
    /// ```
    /// use tripmap::story::Story;
    /// assert!(Story::read_quick(tripmap::story::DEFAULT_STORY_JSON).unwrap().is_ok());
    /// let far = r#"{"title":"t","stops":[{"id":"a","name":"A","lat":95,"lon":0}]}"#;
    /// assert_eq!(Story::read_quick(far).unwrap().unwrap_err()[0].to_string(), "stops[0].lat: 95 is outside -90..90");
    /// assert!(Story::read_quick(r#"{"title":"t","stops":[{"id":"a","lattitude":1}]}"#).is_none());
    /// ```
    #[cfg(any(not(target_arch = "wasm32"), feature = "reader"))]
    pub fn read_quick(json: &str) -> Option<Result<Story, Vec<Problem>>> {
        let story = serde_json::from_str::<Story>(json).ok()?;
        Some(validate(&story).map(|()| story))
    }

    /// The same story with every text resolved to `lang` (falling back, field by field, to the
    /// story's own language): what the map and the cards show.
    ///
    /// ```
    /// use tripmap::story::Story;
    /// let story = Story::default_story().localized("es");
    /// assert_eq!(story.stops[3].place.as_str(), "Perú");
    /// ```
    pub fn localized(&self, lang: &str) -> Story {
        let d = self.lang.as_str();
        let r = |t: &Text| t.resolve(lang, d);
        #[cfg(not(lean))]
        let person = |p: &Person| Person { name: r(&p.name), role: r(&p.role) };
        Story {
            lang: lang.to_string(),
            title: r(&self.title),
            #[cfg(not(lean))]
            standfirst: r(&self.standfirst),
            #[cfg(not(lean))]
            credit: r(&self.credit),
            #[cfg(not(lean))]
            traveller: person(&self.traveller),
            #[cfg(not(lean))]
            sources: self.sources.iter().map(|s| Source { name: r(&s.name), ..s.clone() }).collect(),
            stops: self
                .stops
                .iter()
                .map(|s| Stop {
                    name: r(&s.name),
                    #[cfg(not(lean))]
                    place: r(&s.place),
                    #[cfg(not(lean))]
                    summary: r(&s.summary),
                    when: r(&s.when),
                    #[cfg(not(lean))]
                    headline: r(&s.headline),
                    #[cfg(not(lean))]
                    media: s.media.as_ref().map(|m| Media { caption: r(&m.caption), credit: r(&m.credit), ..m.clone() }),
                    #[cfg(not(lean))]
                    meetings: s
                        .meetings
                        .iter()
                        .map(|m| Meeting { with: m.with.iter().map(person).collect(), about: m.about.as_ref().map(r), scheduled: m.scheduled })
                        .collect(),
                    #[cfg(not(lean))]
                    topics: s.topics.iter().map(r).collect(),
                    #[cfg(not(lean))]
                    scheduled: s.scheduled.iter().map(r).collect(),
                    #[cfg(not(lean))]
                    figures: s.figures.iter().map(|f| Figure { value: r(&f.value), label: r(&f.label), ..f.clone() }).collect(),
                    #[cfg(not(lean))]
                    quote: s.quote.as_ref().map(|q| Quote { text: r(&q.text), by: r(&q.by), ..q.clone() }),
                    ..s.clone()
                })
                .collect(),
            legs: self.legs.clone(),
            routes: self.routes.iter().map(|rt| Route { name: r(&rt.name), ..rt.clone() }).collect(),
            steps: self.steps.iter().map(|st| Step { text: r(&st.text), ..st.clone() }).collect(),
        }
    }

    /// The languages the story has text in: its own first, then every translation given.
    #[cfg(not(lean))]
    pub fn languages(&self) -> Vec<String> {
        let mut langs = vec![self.lang.clone()];
        for_each_text(self, &mut |_, t| {
            for l in t.languages() {
                if !langs.iter().any(|x| x == l) {
                    langs.push(l.to_string());
                }
            }
        });
        langs
    }

    /// A fingerprint of what the map's projection depends on (every stop's coordinates and
    /// the legs): a static map carries it, so that the live map reuses that drawing's countries
    /// only for the very same trip. FNV-1a, 64 bits, in hex.
    ///
    /// ```
    /// use tripmap::story::Story;
    /// let (a, mut b) = (Story::default_story(), Story::default_story());
    /// assert_eq!(a.geometry_key(), b.geometry_key());
    /// assert_eq!(a.geometry_key(), a.localized("es").geometry_key(), "the language does not count");
    /// b.stops[1].lat += 0.01;
    /// assert_ne!(a.geometry_key(), b.geometry_key());
    /// ```
    pub fn geometry_key(&self) -> String {
        let mut h = Fnv::new();
        let mut eat = |bytes: &[u8]| h.eat(bytes);
        for s in &self.stops {
            eat(&s.lat.to_le_bytes());
            eat(&s.lon.to_le_bytes());
        }
        for (a, b, leg) in self.leg_specs() {
            eat(&(a as u64).to_le_bytes());
            eat(&(b as u64).to_le_bytes());
            let Some(leg) = leg else { continue };
            eat(leg.mode.unwrap_or_default().as_str().as_bytes());
            match &leg.path {
                Some(LegPath::Line(g)) => {
                    for line in g.lines() {
                        eat(b"|");
                        for c in line {
                            eat(&c.x.to_le_bytes());
                            eat(&c.y.to_le_bytes());
                        }
                    }
                }
                Some(LegPath::File(name)) => eat(name.as_bytes()),
                None => {}
            }
        }
        h.hex()
    }

    /// The default story, compiled into native builds.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn default_story() -> Story {
        Story::read_quick(DEFAULT_STORY_JSON).and_then(Result::ok).expect("data/story.json is valid (checked by tests)")
    }

    /// The legs as stop indices with their leg: the explicit `legs`, or, for a story without
    /// `legs`, consecutive stops (with no leg of their own). Only meaningful on a validated story.
    pub fn leg_specs(&self) -> Vec<(usize, usize, Option<&Leg>)> {
        let index = |id: &str| self.stops.iter().position(|s| s.id == id);
        match &self.legs {
            Some(legs) => legs.iter().filter_map(|l| Some((index(&l.from)?, index(&l.to)?, Some(l)))).collect(),
            None => (1..self.stops.len()).map(|i| (i - 1, i, None)).collect(),
        }
    }

    /// The track files its legs name (`"path": "tracks/day1.gpx"`), by leg index: what has to
    /// be read in before the map can be drawn.
    pub fn track_files(&self) -> Vec<(usize, &str)> {
        let legs = self.legs.iter().flatten().enumerate();
        legs.filter_map(|(i, l)| match &l.path {
            Some(LegPath::File(name)) => Some((i, name.as_str())),
            _ => None,
        })
        .collect()
    }

    /// A route's index and colour, by id.
    pub fn route(&self, id: &str) -> Option<(usize, LegColor)> {
        let i = self.routes.iter().position(|r| r.id == id)?;
        let color = self.routes[i].color.clone().map_or(LegColor::Palette(i % ROUTE_PALETTE), LegColor::Given);
        Some((i, color))
    }

    /// The source with this id.
    #[cfg(not(lean))]
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

impl Stop {
    /// The days at this stop, if it has a date. Only meaningful on a validated story.
    pub fn dates(&self) -> Option<DateRange> {
        let start = Date::parse(self.date.as_deref()?).ok()?;
        let end = self.end_date.as_deref().and_then(|d| Date::parse(d).ok()).unwrap_or(start);
        Some(DateRange { start, end })
    }
}

impl Person {
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.role.is_empty()
    }
}

fn default_lang() -> String {
    "en".to_string()
}

/// How many object keys well-formed JSON text spells, a key written twice counted twice. A
/// reader that keeps one of each (the browser's `JSON.parse`) met fewer: that is how the map's
/// wasm refuses a duplicate key, as serde_json refuses a duplicate field.
///
/// ```
/// assert_eq!(tripmap::story::keys_written(r#"{"a": {"b": "x:\"y\":"}, "c": [{"a": 1}]}"#), 4);
/// assert_eq!(tripmap::story::keys_written(r#"["a", "b" ]"#), 0);
/// ```
pub fn keys_written(json: &str) -> usize {
    let bytes = json.as_bytes();
    let (mut keys, mut i) = (0, 0);
    while i < bytes.len() {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        // A string: to its closing quote, over escapes; a key when a colon follows it.
        i += 1;
        while i < bytes.len() && bytes[i] != b'"' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        i += 1;
        let rest = bytes.get(i..).unwrap_or_default();
        if rest.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b':') {
            keys += 1;
        }
    }
    keys
}

/// The JSON Schema of the story format, generated from these types (committed as
/// `data/story.schema.json`, which editors' tools can check stories against).
#[cfg(not(target_arch = "wasm32"))]
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(Story);
    schema.insert("title".into(), "TripMap story".into());
    serde_json::to_string_pretty(&schema).expect("a schema serializes") + "\n"
}

/// The stamp of a story's JSON text checked at build time and drawn in `language` (the languages
/// of its text and of the interface, as `ui::Language::key` writes them): a static map drawn
/// from exactly this text, by this version of TripMap, carries it (`data-tripmap-checked`), so
/// that the live map over it may skip the checks the build already ran and take the parts the
/// build drew (and so carry neither: the lean map module). FNV-1a, 64 bits, in hex, over the
/// version, the language and the text byte for byte.
///
/// ```
/// use tripmap::story::checked_key;
/// let text = r#"{"title": "Bogotá", "stops": []}"#;
/// assert_eq!(checked_key(text, "en en"), checked_key(text, "en en"));
/// assert_ne!(checked_key(text, "en en"), checked_key(&text.replace(": ", ":"), "en en"), "whitespace counts: the text is what was checked");
/// assert_ne!(checked_key(text, "en en"), checked_key(text, "es es"), "drawn in another language");
/// ```
pub fn checked_key(json: &str, language: &str) -> String {
    let mut h = Fnv::new();
    for part in [env!("CARGO_PKG_VERSION"), language, json] {
        h.eat(part.as_bytes());
        h.eat(b"\n");
    }
    h.hex()
}

/// 64-bit FNV-1a: small, and enough for a stamp that guards against a stale file, not an
/// adversary (the page's own author writes both the stamp and the story).
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn eat(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}

/// True for an absolute http or https URL: the only links a story may carry.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && url.len() > lower.find("//").unwrap() + 2
}
