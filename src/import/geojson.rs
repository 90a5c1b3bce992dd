//! A GeoJSON FeatureCollection of Points and lines to a TripMap story: each point is a stop,
//! its properties give title, description (HTML), date and media, under the names the Mapbox
//! storytelling and Leaflet storymap templates and common exports use; each LineString or
//! MultiLineString becomes legs along it (cut at the stops it passes, `lines`), in the mode
//! its `mode` property names. Other geometries are reported as text-only steps; other
//! properties as ignored.

use super::lines::{mode_from, Track};
use super::{coordinate, dates, html, media, string, text, Format, Imported, Place, Report};
use crate::story::{Problem, Story, What};
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
    let mut out = Imported::new(Format::GeoJson);
    let Some(features) = value.get("features").and_then(Value::as_array) else {
        return Err(vec![Problem::new("", What::MissingField, &[("field", "features")])]);
    };
    let known = [&TITLE[..], &DESCRIPTION, &DATE, &MEDIA, &CAPTION, &CREDIT, &["mode"]].concat();
    let mut tracks = Vec::new();
    for (i, f) in features.iter().enumerate() {
        let path = format!("features[{i}]");
        let empty = Map::new();
        let props = f.get("properties").and_then(Value::as_object).unwrap_or(&empty);
        let pick = |names: &[&str]| text(props.iter().find(|(k, _)| names.contains(&k.to_ascii_lowercase().as_str())).map(|(_, v)| v));
        let title = html::plain(&pick(&TITLE));
        let geometry = f.get("geometry").unwrap_or(&Value::Null);
        if let Some(lines) = lines_of(geometry) {
            let mode = props.get("mode").and_then(Value::as_str).and_then(mode_from);
            for (j, points) in lines.into_iter().enumerate() {
                tracks.push(Track { path: format!("{path}.geometry.coordinates[{j}]"), name: title.clone(), mode, points });
            }
            continue;
        }
        if geometry.get("type").and_then(Value::as_str) != Some("Point") {
            let kind = geometry.get("type").and_then(Value::as_str).unwrap_or("no geometry");
            let name = if title.is_empty() { String::new() } else { format!(" “{title}”") };
            out.report.text_only.push(format!("{path}{name} ({kind}, not a point)"));
            continue;
        }
        let Some(xy) = geometry.get("coordinates").and_then(Value::as_array).filter(|c| c.len() >= 2) else {
            out.problems.push(Problem::new(format!("{path}.geometry"), What::MissingField, &[("field", "coordinates")]));
            continue;
        };
        let lon = coordinate(xy.first(), format!("{path}.geometry.coordinates"), "[0]", 180.0, &mut out.problems);
        let lat = coordinate(xy.get(1), format!("{path}.geometry.coordinates"), "[1]", 90.0, &mut out.problems);
        let (Some(lat), Some(lon)) = (lat, lon) else { continue };
        let body = html::clean(&pick(&DESCRIPTION));
        out.report.drop_all(body.dropped.clone());
        let (date, when) = dates(&pick(&DATE), &format!("{path}.properties.date"), &mut out.report);
        let media = media(&pick(&MEDIA), &pick(&CAPTION), &pick(&CREDIT), &format!("{path}.properties.media"), &mut out.report);
        for key in props.keys().filter(|k| !known.contains(&k.to_ascii_lowercase().as_str())) {
            out.report.ignore(format!("properties.{key}"));
        }
        out.push(Place { name: title, headline: String::new(), lat, lon, date, when, text: body.text, media });
    }
    out.legs = out.cut_tracks(tracks);
    let n = out.legs.len();
    out.report.tracks(n);
    let title = html::plain(&[string(value, "title"), string(value, "name")].into_iter().find(|t| !t.is_empty()).unwrap_or_default());
    out.finish("features", "the collection has no \"title\" or \"name\"", "en".to_string(), title, html::plain(&string(value, "description")))
}

/// The lines of a LineString or MultiLineString geometry (positions with two numbers or more).
fn lines_of(geometry: &Value) -> Option<Vec<Vec<geo::Coord>>> {
    let coords = geometry.get("coordinates")?.as_array()?;
    let line = |ps: &Vec<Value>| -> Vec<geo::Coord> { ps.iter().filter_map(|p| Some(geo::Coord { x: p.get(0)?.as_f64()?, y: p.get(1)?.as_f64()? })).collect() };
    match geometry.get("type")?.as_str()? {
        "LineString" => Some(vec![line(coords)]),
        "MultiLineString" => Some(coords.iter().filter_map(Value::as_array).map(line).collect()),
        _ => None,
    }
}
