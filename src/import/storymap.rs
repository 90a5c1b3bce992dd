//! Knight Lab's StoryMapJS JSON (`{"storymap": {"slides": [...]}}`, as its "advanced" page
//! documents it) to a TripMap story. The overview slide gives title and standfirst; each slide
//! with a location is a stop; slides without one are reported as text-only steps; tile options
//! are reported as ignored.

use super::{coordinate, dates, html, media, string, Format, Imported, Place, Report};
use crate::story::{is_language_code, plain_text, Problem, Story, What};
use serde_json::Value;

/// Storymap-level options a TripMap map has no use for: all about tiles, zoom and lines.
const MAP_OPTIONS: [&str; 12] = [
    "map_type",
    "map_as_image",
    "map_subdomains",
    "map_background_color",
    "attribution",
    "zoomify",
    "calculate_zoom",
    "line_follows_path",
    "line_color",
    "line_opacity",
    "line_weight",
    "line_dash",
];

/// Imports a StoryMapJS value; problems carry paths into it (`storymap.slides[2].location.lat`).
pub fn import(value: &Value) -> Result<(Story, Report), Vec<Problem>> {
    let sm = &value["storymap"];
    let mut out = Imported::new(Format::StoryMapJs);
    if let Some(map) = sm.as_object() {
        for key in map.keys().filter(|k| !matches!(k.as_str(), "slides" | "language")) {
            let known = MAP_OPTIONS.contains(&key.as_str());
            out.report.ignore(if known { key.clone() } else { format!("{key} (unknown)") });
        }
    }
    let Some(slides) = sm.get("slides").and_then(Value::as_array) else {
        let problem = match sm.get("slides") {
            Some(_) => Problem::new("storymap.slides", What::WrongType, &[("found_kind", "object"), ("expected", "list")]),
            None => Problem::new("storymap", What::MissingField, &[("field", "slides")]),
        };
        return Err(vec![problem]);
    };
    let lang = match sm.get("language").and_then(Value::as_str) {
        Some(code) if is_language_code(code) => code.to_string(),
        Some(code) => {
            out.report.notes.push(format!("storymap.language \"{code}\" is not a language code: read as \"en\""));
            "en".to_string()
        }
        None => "en".to_string(),
    };

    let overview = slides.iter().position(|s| s.get("type").and_then(Value::as_str) == Some("overview"));
    let (mut title, mut standfirst) = (String::new(), String::new());
    for (i, slide) in slides.iter().enumerate() {
        let path = format!("storymap.slides[{i}]");
        let text = slide.get("text").cloned().unwrap_or(Value::Null);
        let headline = html::plain(&string(&text, "headline"));
        let body = html::clean(&string(&text, "text"));
        out.report.drop_all(body.dropped.clone());
        if slide.get("background").is_some_and(|b| !b.is_null()) {
            out.report.ignore("background");
        }
        if Some(i) == overview {
            title = headline;
            standfirst = plain_text(&body.text).split_whitespace().collect::<Vec<_>>().join(" ");
            if slide.get("location").is_some() {
                out.report.ignore("location of the overview slide");
            }
            continue;
        }
        let given = |l: &Value, k: &str| l.get(k).is_some_and(|v| !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty()));
        let Some(loc) = slide.get("location").filter(|l| given(l, "lat") || given(l, "lon")) else {
            let name = if headline.is_empty() { "(no headline)".to_string() } else { format!("“{headline}”") };
            out.report.text_only.push(format!("{path} {name}"));
            continue;
        };
        for option in ["zoom", "icon", "iconSize", "line", "use_custom_icon"] {
            if loc.get(option).is_some() {
                out.report.ignore(format!("location.{option}"));
            }
        }
        let lat = coordinate(loc.get("lat"), format!("{path}.location"), "lat", 90.0, &mut out.problems);
        let lon = coordinate(loc.get("lon"), format!("{path}.location"), "lon", 180.0, &mut out.problems);
        let (Some(lat), Some(lon)) = (lat, lon) else { continue };
        let place = html::plain(&string(loc, "name"));
        let (date, when) = dates(&string(slide, "date"), &format!("{path}.date"), &mut out.report);
        let m = slide.get("media").cloned().unwrap_or(Value::Null);
        let media = media(&string(&m, "url"), &string(&m, "caption"), &string(&m, "credit"), &format!("{path}.media.url"), &mut out.report);
        let name = if place.is_empty() { headline.clone() } else { place };
        out.push(Place { name, headline, lat, lon, date, when, text: body.text, media });
    }
    out.finish("storymap.slides", "no overview slide with a headline", lang, title, standfirst)
}
