//! A GeoJSON FeatureCollection of Points to a TripMap story: each point is a stop, its
//! properties give title, description (HTML), date and media, under the names the Mapbox
//! storytelling and Leaflet storymap templates and common exports use. Other geometries are
//! reported as text-only steps; other properties as ignored.

use super::{coordinate, dates, html, media, string, text, unique_id, Format, Report};
use crate::story::{Person, Problem, Stop, Story, Text, What};
use serde_json::{Map, Value};

/// Property names read for each stop field, first match wins (compared without case).
const TITLE: [&str; 5] = ["title", "name", "headline", "chapter", "place"];
const DESCRIPTION: [&str; 4] = ["description", "text", "body", "content"];
const DATE: [&str; 2] = ["date", "when"];
const MEDIA: [&str; 5] = ["media", "media link", "image", "img", "url"];
const CAPTION: [&str; 2] = ["caption", "media caption"];
const CREDIT: [&str; 2] = ["credit", "media credit"];

/// Imports a FeatureCollection value; problems carry paths into it (`features[2].geometry`).
pub fn import(value: &Value) -> Result<(Story, Report), Vec<Problem>> {
    let mut report = Report { format: Some(Format::GeoJson), ..Report::default() };
    let Some(features) = value.get("features").and_then(Value::as_array) else {
        return Err(vec![Problem::new("", What::MissingField, &[("field", "features")])]);
    };
    let mut problems = Vec::new();
    let mut stops: Vec<Stop> = Vec::new();
    let mut ids = Vec::new();
    for (i, f) in features.iter().enumerate() {
        let path = format!("features[{i}]");
        let empty = Map::new();
        let props = f.get("properties").and_then(Value::as_object).unwrap_or(&empty);
        let pick = |names: &[&str]| -> String {
            text(props.iter().find(|(k, _)| names.contains(&k.to_ascii_lowercase().as_str())).map(|(_, v)| v))
        };
        let title = html::plain(&pick(&TITLE));
        let geometry = f.get("geometry").unwrap_or(&Value::Null);
        if geometry.get("type").and_then(Value::as_str) != Some("Point") {
            let kind = geometry.get("type").and_then(Value::as_str).unwrap_or("no geometry");
            let name = if title.is_empty() { String::new() } else { format!(" “{title}”") };
            report.text_only.push(format!("{path}{name} ({kind}, not a point)"));
            continue;
        }
        let xy = geometry.get("coordinates").and_then(Value::as_array);
        let Some(xy) = xy.filter(|c| c.len() >= 2) else {
            problems.push(Problem::new(format!("{path}.geometry"), What::MissingField, &[("field", "coordinates")]));
            continue;
        };
        let lon = coordinate(xy.first(), format!("{path}.geometry.coordinates"), "[0]", 180.0, &mut problems);
        let lat = coordinate(xy.get(1), format!("{path}.geometry.coordinates"), "[1]", 90.0, &mut problems);
        let (Some(lat), Some(lon)) = (lat, lon) else { continue };
        let body = html::clean(&pick(&DESCRIPTION));
        report.drop_all(body.dropped.clone());
        let (date, when) = dates(&pick(&DATE), &format!("{path}.properties.date"), &mut report);
        let media = media(&pick(&MEDIA), &pick(&CAPTION), &pick(&CREDIT), &format!("{path}.properties.media"), &mut report);
        let known = [&TITLE[..], &DESCRIPTION, &DATE, &MEDIA, &CAPTION, &CREDIT].concat();
        for key in props.keys().filter(|k| !known.contains(&k.to_ascii_lowercase().as_str())) {
            report.ignore(format!("properties.{key}"));
        }
        let name = if title.is_empty() { format!("Stop {}", stops.len() + 1) } else { title };
        stops.push(Stop {
            id: unique_id(&name, stops.len() + 1, &mut ids),
            name: Text::Plain(name),
            headline: Text::default(),
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
        return Err(vec![Problem::new("features", What::NoStops, &[])]);
    }
    let mut title = html::plain(&[string(value, "title"), string(value, "name")].into_iter().find(|t| !t.is_empty()).unwrap_or_default());
    if title.is_empty() {
        title = stops[0].name.to_string();
        report.notes.push(format!("the collection has no \"title\" or \"name\": the title is \"{title}\""));
    }
    let standfirst = html::plain(&string(value, "description"));
    report.stops = stops.len();
    let story = Story {
        lang: "en".to_string(),
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
