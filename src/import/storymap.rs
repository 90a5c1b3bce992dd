//! Knight Lab's StoryMapJS JSON (`{"storymap": {"slides": [...]}}`, as its "advanced" page
//! documents it) to a TripMap story. The overview slide gives title and standfirst; each slide
//! with a location is a stop; slides without one are reported as text-only steps; tile options
//! are reported as ignored.

use super::{coordinate, dates, html, media, string, unique_id, Format, Report};
use crate::story::{is_language_code, Person, Problem, Stop, Story, Text, What};
use serde_json::Value;

/// Storymap-level options a TripMap map has no use for: all about tiles, zoom and lines.
const MAP_OPTIONS: [&str; 12] = [
    "map_type", "map_as_image", "map_subdomains", "map_background_color", "attribution", "zoomify", "calculate_zoom",
    "line_follows_path", "line_color", "line_opacity", "line_weight", "line_dash",
];

/// Imports a StoryMapJS value; problems carry paths into it (`storymap.slides[2].location.lat`).
pub fn import(value: &Value) -> Result<(Story, Report), Vec<Problem>> {
    let sm = &value["storymap"];
    let mut report = Report { format: Some(Format::StoryMapJs), ..Report::default() };
    let mut problems = Vec::new();
    if let Some(map) = sm.as_object() {
        for key in map.keys().filter(|k| !matches!(k.as_str(), "slides" | "language")) {
            let known = MAP_OPTIONS.contains(&key.as_str());
            report.ignore(if known { key.clone() } else { format!("{key} (unknown)") });
        }
    }
    let Some(slides) = sm.get("slides").and_then(Value::as_array) else {
        let what = if sm.get("slides").is_some() { What::WrongType } else { What::MissingField };
        let args: &[(&str, &str)] = match what {
            What::WrongType => &[("found", "slides"), ("found_kind", "object"), ("expected", "list")],
            _ => &[("field", "slides")],
        };
        return Err(vec![Problem::new("storymap", what, args)]);
    };
    let lang = match sm.get("language").and_then(Value::as_str) {
        Some(code) if is_language_code(code) => code.to_string(),
        Some(code) => {
            report.notes.push(format!("storymap.language \"{code}\" is not a language code: read as \"en\""));
            "en".to_string()
        }
        None => "en".to_string(),
    };

    let overview = slides.iter().position(|s| s.get("type").and_then(Value::as_str) == Some("overview"));
    let mut title = String::new();
    let mut standfirst = String::new();
    let mut stops: Vec<Stop> = Vec::new();
    let mut ids = Vec::new();
    for (i, slide) in slides.iter().enumerate() {
        let path = format!("storymap.slides[{i}]");
        let text = slide.get("text").cloned().unwrap_or(Value::Null);
        let headline = html::plain(&string(&text, "headline"));
        let body = html::clean(&string(&text, "text"));
        report.drop_all(body.dropped.clone());
        if slide.get("background").is_some_and(|b| !b.is_null()) {
            report.ignore("background");
        }
        if Some(i) == overview {
            title = headline;
            standfirst = crate::story::plain_text(&body.text).split_whitespace().collect::<Vec<_>>().join(" ");
            if slide.get("location").is_some() {
                report.ignore("location of the overview slide");
            }
            continue;
        }
        let given = |l: &Value, k: &str| l.get(k).is_some_and(|v| !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty()));
        let loc = slide.get("location").filter(|l| given(l, "lat") || given(l, "lon"));
        let Some(loc) = loc else {
            let name = if headline.is_empty() { "(no headline)".to_string() } else { format!("“{headline}”") };
            report.text_only.push(format!("{path} {name}"));
            continue;
        };
        for option in ["zoom", "icon", "iconSize", "line", "use_custom_icon"] {
            if loc.get(option).is_some() {
                report.ignore(format!("location.{option}"));
            }
        }
        let lat = coordinate(loc.get("lat"), format!("{path}.location"), "lat", 90.0, &mut problems);
        let lon = coordinate(loc.get("lon"), format!("{path}.location"), "lon", 180.0, &mut problems);
        let (Some(lat), Some(lon)) = (lat, lon) else { continue };
        let place = html::plain(&string(loc, "name"));
        let name = [&place, &headline].into_iter().find(|s| !s.is_empty()).cloned().unwrap_or_else(|| format!("Stop {}", stops.len() + 1));
        let (date, when) = dates(&string(slide, "date"), &format!("{path}.date"), &mut report);
        let m = slide.get("media").cloned().unwrap_or(Value::Null);
        let media = media(&string(&m, "url"), &string(&m, "caption"), &string(&m, "credit"), &format!("{path}.media.url"), &mut report);
        stops.push(Stop {
            id: unique_id(&name, stops.len() + 1, &mut ids),
            headline: Text::Plain(if headline == name { String::new() } else { headline }),
            name: Text::Plain(name),
            place: Text::default(),
            lat,
            lon,
            date,
            end_date: None,
            when,
            summary: Text::default(),
            text: body.text,
            media,
            meetings: vec![],
            topics: vec![],
            figures: vec![],
            quote: None,
            sources: vec![],
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if stops.is_empty() {
        return Err(vec![Problem::new("storymap.slides", What::NoStops, &[])]);
    }
    if title.is_empty() {
        title = stops[0].headline.to_string();
        if title.is_empty() {
            title = stops[0].name.to_string();
        }
        report.notes.push(format!("no overview slide with a headline: the title is \"{title}\""));
    }
    report.stops = stops.len();
    let story = Story {
        lang,
        title: Text::Plain(title),
        standfirst: Text::Plain(standfirst),
        credit: Text::default(),
        traveller: Person::default(),
        sources: vec![],
        stops,
        legs: None,
    };
    Ok((story, report))
}
