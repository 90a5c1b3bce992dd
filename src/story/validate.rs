//! Checks a parsed story and reports every problem with its JSON path, in words an editor
//! understands: `stops[2].lat: 95 is outside -90..90`.

use super::{is_hex_color, is_web_url, Date, LegPath, Problem, Story, Text, What, TRACK_END_TOLERANCE_KM};
use crate::format::{fixed, shortest};
use std::collections::HashSet;

/// Every problem in a parsed story, or `Ok` when later stages may trust it.
pub fn validate(story: &Story) -> Result<(), Vec<Problem>> {
    let mut p = Vec::new();
    if !is_language_code(&story.lang) {
        p.push(Problem::new("lang", What::LangCode, &[("value", &story.lang)]));
    }
    let lang = story.lang.as_str();
    if story.title.get(lang, lang).trim().is_empty() {
        p.push(Problem::new("title", What::Empty, &[]));
    }
    // The traveller is optional, but a role without a name is a slip.
    if !story.traveller.is_empty() && story.traveller.name.get(lang, lang).trim().is_empty() {
        p.push(Problem::new("traveller.name", What::Empty, &[]));
    }
    for_each_text(story, &mut |path, text| {
        let Text::Translated(m) = text else { return };
        for code in m.keys().filter(|c| !is_language_code(c)) {
            p.push(Problem::new(path.clone(), What::KeyLangCode, &[("value", code)]));
        }
        if m.get(lang).is_none_or(|t| t.trim().is_empty()) {
            p.push(Problem::new(path, What::NoOwnText, &[("lang", lang)]));
        }
    });

    let mut source_ids = HashSet::new();
    for (i, s) in story.sources.iter().enumerate() {
        check_id(&mut p, &format!("sources[{i}].id"), &s.id, &mut source_ids);
        if let Some(url) = &s.url {
            if !is_web_url(url) {
                p.push(Problem::new(format!("sources[{i}].url"), What::NotWebUrl, &[("value", url)]));
            }
        }
    }
    let known_source = |p: &mut Vec<Problem>, path: String, id: &str| {
        if !source_ids.contains(id) {
            p.push(Problem::new(path, What::NotASource, &[("value", id)]));
        }
    };

    if story.stops.is_empty() {
        p.push(Problem::new("stops", What::NoStops, &[]));
    }
    let mut stop_ids = HashSet::new();
    for (i, s) in story.stops.iter().enumerate() {
        let at = |field: &str| format!("stops[{i}].{field}");
        check_id(&mut p, &at("id"), &s.id, &mut stop_ids);
        if s.name.get(lang, lang).trim().is_empty() {
            p.push(Problem::new(at("name"), What::Empty, &[]));
        }
        check_range(&mut p, &at("lat"), s.lat, 90.0);
        check_range(&mut p, &at("lon"), s.lon, 180.0);
        let date = s.date.as_deref().unwrap_or("");
        let start = s.date.as_ref().and_then(|d| Date::parse(d).map_err(|e| p.push(e.problem(at("date")))).ok());
        if let Some(end) = &s.end_date {
            match (Date::parse(end), start) {
                (Err(e), _) => p.push(e.problem(at("end_date"))),
                (Ok(end), Some(start)) if end < start => {
                    p.push(Problem::new(at("end_date"), What::BeforeDate, &[("value", s.end_date.as_deref().unwrap_or("")), ("date", date)]))
                }
                _ => {}
            }
        }
        for (j, para) in s.text.iter().enumerate() {
            for (k, href) in para.iter().enumerate().filter_map(|(k, r)| Some((k, r.href()?))) {
                if !is_web_url(href) {
                    p.push(Problem::new(at(&format!("text[{j}][{k}].href")), What::NotWebUrl, &[("value", href)]));
                }
            }
        }
        if let Some(m) = s.media.as_ref().filter(|m| !is_web_url(&m.url)) {
            p.push(Problem::new(at("media.url"), What::NotWebUrl, &[("value", &m.url)]));
        }
        for (j, id) in s.sources.iter().enumerate() {
            known_source(&mut p, at(&format!("sources[{j}]")), id);
        }
        for (j, f) in s.figures.iter().enumerate() {
            if let Some(id) = &f.source {
                known_source(&mut p, at(&format!("figures[{j}].source")), id);
            }
        }
        if let Some(id) = s.quote.as_ref().and_then(|q| q.source.as_ref()) {
            known_source(&mut p, at("quote.source"), id);
        }
    }

    let mut route_ids = HashSet::new();
    for (i, r) in story.routes.iter().enumerate() {
        check_id(&mut p, &format!("routes[{i}].id"), &r.id, &mut route_ids);
        if r.name.get(lang, lang).trim().is_empty() {
            p.push(Problem::new(format!("routes[{i}].name"), What::Empty, &[]));
        }
        if let Some(c) = r.color.as_ref().filter(|c| !is_hex_color(c)) {
            p.push(Problem::new(format!("routes[{i}].color"), What::NotAColor, &[("value", c)]));
        }
    }
    for (i, leg) in story.legs.iter().flatten().enumerate() {
        for (field, id) in [("from", &leg.from), ("to", &leg.to)] {
            if !stop_ids.contains(id.as_str()) {
                p.push(Problem::new(format!("legs[{i}].{field}"), What::NotAStop, &[("value", id)]));
            }
        }
        if leg.from == leg.to {
            p.push(Problem::new(format!("legs[{i}]"), What::ToItself, &[("value", &leg.from)]));
        }
        if let Some(r) = leg.route.as_ref().filter(|r| !route_ids.contains(r.as_str())) {
            p.push(Problem::new(format!("legs[{i}].route"), What::NotARoute, &[("value", r)]));
        }
        match &leg.path {
            Some(LegPath::File(name)) if !is_track_file(name) => p.push(Problem::new(format!("legs[{i}].path"), What::NotATrackFile, &[("value", name)])),
            Some(LegPath::Line(g)) => check_path(&mut p, &format!("legs[{i}]"), g),
            _ => {}
        }
    }

    for (i, step) in story.steps.iter().enumerate() {
        if !step.stop.is_empty() && !stop_ids.contains(step.stop.as_str()) {
            p.push(Problem::new(format!("steps[{i}].stop"), What::NotAStop, &[("value", &step.stop)]));
        }
        if step.text.is_empty() {
            p.push(Problem::new(format!("steps[{i}].text"), What::Empty, &[]));
        }
    }

    if p.is_empty() {
        Ok(())
    } else {
        Err(p)
    }
}

/// The positions of a leg's track: each line at least two, each position in range, as
/// `legs[0].path.coordinates[2][1]: 95 is outside -90..90`.
fn check_path(p: &mut Vec<Problem>, leg: &str, g: &super::PathGeometry) {
    if matches!(g, super::PathGeometry::MultiLineString { coordinates } if coordinates.is_empty()) {
        p.push(Problem::new(format!("{leg}.path.coordinates"), What::FewPositions, &[]));
    }
    for (at, positions) in g.positions() {
        if positions.len() < 2 {
            p.push(Problem::new(format!("{leg}.{at}"), What::FewPositions, &[]));
        }
        for (j, pos) in positions.iter().enumerate() {
            match pos[..] {
                [lon, lat, ..] => {
                    check_range(p, &format!("{leg}.{at}[{j}][0]"), lon, 180.0);
                    check_range(p, &format!("{leg}.{at}[{j}][1]"), lat, 90.0);
                }
                _ => p.push(Problem::new(format!("{leg}.{at}[{j}]"), What::ShortPosition, &[])),
            }
        }
    }
}

/// A `.gpx`, `.geojson` or `.json` file name: the tracks the loader and `tripmap` read.
pub fn is_track_file(name: &str) -> bool {
    [".gpx", ".geojson", ".json"].iter().any(|e| has_extension(name, e))
}

/// A GPX file's name (anything else is read as JSON).
pub fn is_gpx(name: &str) -> bool {
    has_extension(name, ".gpx")
}

/// The file part of `name` (before any `?` or `#`) ends with `ext` (any case) and has a stem.
fn has_extension(name: &str, ext: &str) -> bool {
    let lower = name.split(['?', '#']).next().unwrap_or("").to_ascii_lowercase();
    lower.ends_with(ext) && lower.len() > ext.len()
}

/// What is worth a word but does not stop the map (`tripmap check` and the console say it):
/// a track whose ends lie more than [`TRACK_END_TOLERANCE_KM`] from its leg's stops. Only
/// meaningful on a validated story.
pub fn warnings(story: &Story) -> Vec<Problem> {
    use geo::{Distance, Geodesic, Point};
    let mut p = Vec::new();
    let legs = story.legs.iter().flatten().enumerate();
    for (i, leg) in legs {
        let Some(LegPath::Line(g)) = &leg.path else { continue };
        let lines = g.lines();
        let (Some(first), Some(last)) = (lines.first().and_then(|l| l.first()), lines.last().and_then(|l| l.last())) else { continue };
        for (end, what, id) in [(first, What::FarStart, &leg.from), (last, What::FarEnd, &leg.to)] {
            let Some(stop) = story.stops.iter().find(|s| &s.id == id) else { continue };
            let km = Geodesic.distance(Point::new(end.x, end.y), Point::new(stop.lon, stop.lat)) / 1000.0;
            if km > TRACK_END_TOLERANCE_KM {
                p.push(Problem::new(format!("legs[{i}].path"), what, &[("km", &fixed(km, 0)), ("stop", id)]));
            }
        }
    }
    p
}

/// Calls `f` with the JSON path and value of every text field of the story.
pub fn for_each_text(story: &Story, f: &mut dyn FnMut(String, &Text)) {
    f("title".into(), &story.title);
    f("standfirst".into(), &story.standfirst);
    f("credit".into(), &story.credit);
    f("traveller.name".into(), &story.traveller.name);
    f("traveller.role".into(), &story.traveller.role);
    for (i, s) in story.sources.iter().enumerate() {
        f(format!("sources[{i}].name"), &s.name);
    }
    for (i, s) in story.stops.iter().enumerate() {
        let at = |field: &str| format!("stops[{i}].{field}");
        f(at("name"), &s.name);
        f(at("place"), &s.place);
        f(at("when"), &s.when);
        f(at("headline"), &s.headline);
        f(at("summary"), &s.summary);
        if let Some(m) = &s.media {
            f(at("media.caption"), &m.caption);
            f(at("media.credit"), &m.credit);
        }
        for (j, m) in s.meetings.iter().enumerate() {
            for (k, person) in m.with.iter().enumerate() {
                f(at(&format!("meetings[{j}].with[{k}].name")), &person.name);
                f(at(&format!("meetings[{j}].with[{k}].role")), &person.role);
            }
            if let Some(about) = &m.about {
                f(at(&format!("meetings[{j}].about")), about);
            }
        }
        for (j, t) in s.topics.iter().enumerate() {
            f(at(&format!("topics[{j}]")), t);
        }
        for (j, t) in s.scheduled.iter().enumerate() {
            f(at(&format!("scheduled[{j}]")), t);
        }
        for (j, fig) in s.figures.iter().enumerate() {
            f(at(&format!("figures[{j}].value")), &fig.value);
            f(at(&format!("figures[{j}].label")), &fig.label);
        }
        if let Some(q) = &s.quote {
            f(at("quote.text"), &q.text);
            f(at("quote.by"), &q.by);
        }
    }
    for (i, st) in story.steps.iter().enumerate() {
        f(format!("steps[{i}].text"), &st.text);
    }
    for (i, r) in story.routes.iter().enumerate() {
        f(format!("routes[{i}].name"), &r.name);
    }
}

/// A BCP 47-style code: a 2–3 letter language, then optional subtags ("en", "es-CO", "zh-Hant").
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Ids appear in attributes and URLs, so they are kept to a safe alphabet, and unique.
fn check_id(p: &mut Vec<Problem>, path: &str, id: &str, seen: &mut HashSet<String>) {
    let ok = !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if !ok {
        p.push(Problem::new(path, What::BadId, &[("value", id)]));
    } else if !seen.insert(id.to_string()) {
        p.push(Problem::new(path, What::UsedTwice, &[("value", id)]));
    }
}

fn check_range(p: &mut Vec<Problem>, path: &str, value: f64, limit: f64) {
    if !(-limit..=limit).contains(&value) {
        p.push(Problem::new(path, What::Outside, &[("value", &shortest(value)), ("limit", &shortest(limit))]));
    }
}
