//! Checks a parsed story and reports every problem with its JSON path, in words an editor
//! understands: `stops[2].lat: 95 is outside -90..90`.

use super::{is_web_url, Date, Story, Text};
use std::collections::HashSet;

/// One thing wrong with a story: where (a JSON path like `stops[2].lat`) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { path: path.into(), message: message.into() }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A message that starts with the quoted value reads on from the path without a colon:
        // `stops[3].id "lima" is used twice`, `stops[2].lat: 95 is outside -90..90`.
        match (self.path.is_empty(), self.message.starts_with('"')) {
            (true, _) => f.write_str(&self.message),
            (false, true) => write!(f, "{} {}", self.path, self.message),
            (false, false) => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// Every problem in a parsed story, or `Ok` when later stages may trust it.
pub fn validate(story: &Story) -> Result<(), Vec<Problem>> {
    let mut p = Vec::new();
    if !is_language_code(&story.lang) {
        p.push(Problem::new("lang", format!("\"{}\" is not a language code like \"en\" or \"es\"", story.lang)));
    }
    let lang = story.lang.as_str();
    for (path, text) in [("title", &story.title), ("traveller.name", &story.traveller.name)] {
        if text.get(lang, lang).trim().is_empty() {
            p.push(Problem::new(path, "is empty"));
        }
    }
    for_each_text(story, &mut |path, text| {
        let Text::Translated(m) = text else { return };
        for code in m.keys().filter(|c| !is_language_code(c)) {
            p.push(Problem::new(path.clone(), format!("key \"{code}\" is not a language code like \"en\" or \"es\"")));
        }
        if m.get(lang).is_none_or(|t| t.trim().is_empty()) {
            p.push(Problem::new(path, format!("has no \"{lang}\" text, the story's own language")));
        }
    });

    let mut source_ids = HashSet::new();
    for (i, s) in story.sources.iter().enumerate() {
        check_id(&mut p, &format!("sources[{i}].id"), &s.id, &mut source_ids);
        if let Some(url) = &s.url {
            if !is_web_url(url) {
                p.push(Problem::new(format!("sources[{i}].url"), format!("\"{url}\" is not an http or https link")));
            }
        }
    }
    let known_source = |p: &mut Vec<Problem>, path: String, id: &str| {
        if !source_ids.contains(id) {
            p.push(Problem::new(path, format!("\"{id}\" is not a source")));
        }
    };

    if story.stops.is_empty() {
        p.push(Problem::new("stops", "has no stops; a map needs at least one"));
    }
    let mut stop_ids = HashSet::new();
    for (i, s) in story.stops.iter().enumerate() {
        let at = |field: &str| format!("stops[{i}].{field}");
        check_id(&mut p, &at("id"), &s.id, &mut stop_ids);
        if s.name.get(lang, lang).trim().is_empty() {
            p.push(Problem::new(at("name"), "is empty"));
        }
        check_range(&mut p, &at("lat"), s.lat, 90.0);
        check_range(&mut p, &at("lon"), s.lon, 180.0);
        let start = Date::parse(&s.date).map_err(|e| p.push(Problem::new(at("date"), e))).ok();
        if let Some(end) = &s.end_date {
            match (Date::parse(end), start) {
                (Err(e), _) => p.push(Problem::new(at("end_date"), e)),
                (Ok(end), Some(start)) if end < start => {
                    p.push(Problem::new(at("end_date"), format!("\"{}\" is before date \"{}\"", s.end_date.as_ref().unwrap(), s.date)))
                }
                _ => {}
            }
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

    for (i, leg) in story.legs.iter().flatten().enumerate() {
        for (field, id) in [("from", &leg.from), ("to", &leg.to)] {
            if !stop_ids.contains(id.as_str()) {
                p.push(Problem::new(format!("legs[{i}].{field}"), format!("\"{id}\" is not a stop")));
            }
        }
        if leg.from == leg.to {
            p.push(Problem::new(format!("legs[{i}]"), format!("goes from \"{}\" to itself", leg.from)));
        }
    }

    if p.is_empty() {
        Ok(())
    } else {
        Err(p)
    }
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
        f(at("summary"), &s.summary);
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
        for (j, fig) in s.figures.iter().enumerate() {
            f(at(&format!("figures[{j}].value")), &fig.value);
            f(at(&format!("figures[{j}].label")), &fig.label);
        }
        if let Some(q) = &s.quote {
            f(at("quote.text"), &q.text);
            f(at("quote.by"), &q.by);
        }
    }
}

/// A BCP 47-style code: a 2–3 letter language, then optional subtags ("en", "es-CO", "zh-Hant").
fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Ids appear in attributes and URLs, so they are kept to a safe alphabet, and unique.
fn check_id(p: &mut Vec<Problem>, path: &str, id: &str, seen: &mut HashSet<String>) {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if !ok {
        p.push(Problem::new(path, format!("\"{id}\" must be 1 to 64 of a-z, 0-9, - and _")));
    } else if !seen.insert(id.to_string()) {
        p.push(Problem::new(path, format!("\"{id}\" is used twice")));
    }
}

fn check_range(p: &mut Vec<Problem>, path: &str, value: f64, limit: f64) {
    if !(-limit..=limit).contains(&value) {
        p.push(Problem::new(path, format!("{value} is outside -{limit}..{limit}")));
    }
}
