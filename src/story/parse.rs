//! Reading a story's JSON and reporting every problem in it at once.
//!
//! serde stops at the first error. To list them all, the JSON is read into a value, then
//! deserialized again and again: each error is recorded in plain words and repaired in the
//! value (an unknown field dropped, a wrong value replaced by a placeholder of the right type),
//! until the story reads. Semantic checks ([`super::validate`]) then run on the repaired story,
//! except under paths already reported, so no field is reported twice.

use super::problem::{Problem, What};
use super::{validate, Story};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_path_to_error::Segment;
use std::cell::RefCell;

/// More structural problems than this in one story are not worth listing one by one.
const MAX_REPAIRS: usize = 200;

/// Parses and validates; every problem found, each with its JSON path.
pub fn parse(json: &str) -> Result<Story, Vec<Problem>> {
    // Keys written twice first, from the text: serde_json refuses a struct's field twice but
    // keeps the last of a map's key (a translation) or of one in a value it ignores, as the
    // browser's JSON.parse keeps the last of any, and the value read below has one of each.
    // Then, most stories being well formed, straight into the types (about twice as fast as
    // through a JSON value) and checked; anything that read refuses goes the long way, which
    // finds and words every problem.
    let twice = written_twice(json);
    if twice.is_empty() {
        if let Some(read) = Story::read_quick(json) {
            return read;
        }
    }
    let value: Value = serde_json::from_str(json).map_err(|e| vec![syntax_problem(&e)])?;
    match parse_value(value) {
        read if twice.is_empty() => read,
        read => Err(twice.into_iter().chain(read.err().unwrap_or_default()).collect()),
    }
}

/// Every key written a second time in its object, by path (`stops[0].name`).
fn written_twice(json: &str) -> Vec<Problem> {
    let found = RefCell::new(Vec::new());
    // Broken JSON: the syntax problem is reported by the read that follows.
    let _ = Walk { path: String::new(), found: &found }.deserialize(&mut serde_json::Deserializer::from_str(json));
    found.into_inner()
}

/// A walk over any JSON value that notes the keys written twice.
struct Walk<'a> {
    path: String,
    found: &'a RefCell<Vec<Problem>>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        for i in 0.. {
            if seq.next_element_seed(Walk { path: format!("{}[{i}]", self.path), found: self.found })?.is_none() {
                break;
            }
        }
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = if self.path.is_empty() { key.clone() } else { format!("{}.{key}", self.path) };
            if !seen.insert(key) {
                self.found.borrow_mut().push(Problem::new(path.clone(), What::WrittenTwice, &[]));
            }
            map.next_value_seed(Walk { path, found: self.found })?;
        }
        Ok(())
    }
}

/// The same for JSON already read into a value.
pub fn parse_value(mut value: Value) -> Result<Story, Vec<Problem>> {
    let mut problems: Vec<Problem> = Vec::new();
    // Paths that hold a placeholder we put there: errors under them are ours, not the editor's.
    let mut placeholders: Vec<String> = Vec::new();
    for _ in 0..MAX_REPAIRS {
        match serde_path_to_error::deserialize::<_, Story>(&value) {
            Ok(story) => {
                // Semantic checks see placeholders where values were wrong or missing: what they
                // say there is already reported. Everything else is the editor's to hear.
                if let Err(semantic) = validate(&story) {
                    problems.extend(semantic.into_iter().filter(|p| !placeholders.iter().any(|r| is_under(&p.path, r))));
                }
                return if problems.is_empty() { Ok(story) } else { Err(problems) };
            }
            Err(e) => {
                let path: Vec<Segment> = e.path().iter().cloned().collect();
                let message = e.inner().to_string();
                let ours = placeholders.iter().any(|p| is_under(&path_string(&path), p));
                let Some(repair) = Repair::for_error(&message) else {
                    problems.push(plain(&path, &message));
                    return Err(problems);
                };
                if !ours {
                    problems.push(plain(&path, &message));
                }
                if !repair.apply(&mut value, &path, &mut placeholders) {
                    return Err(problems);
                }
            }
        }
    }
    problems.push(Problem::new("", What::TooMany, &[]));
    Err(problems)
}

fn syntax_problem(e: &serde_json::Error) -> Problem {
    let what = e.to_string();
    let what = what.split(" at line").next().unwrap_or(&what).to_string();
    Problem::new("", What::BrokenJson, &[("line", &e.line().to_string()), ("column", &e.column().to_string()), ("detail", &what)])
}

/// True when `path` is `parent` or inside it (`stops[0].lat` is under `stops[0]`).
fn is_under(path: &str, parent: &str) -> bool {
    path == parent || path.strip_prefix(parent).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

fn path_string(path: &[Segment]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Segment::Seq { index } => s.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(key);
            }
            Segment::Unknown => s.push_str(".?"),
        }
    }
    s
}

/// Between two backticks, serde's way of quoting names.
fn quoted(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}

/// serde's message in an editor's words, with the field's path.
fn plain(path: &[Segment], message: &str) -> Problem {
    let message = message.split(" at line").next().unwrap_or(message);
    if message.starts_with("unknown field") {
        // serde puts the unknown field itself at the end of the path; name the object instead.
        let names = quoted(message);
        let field = names.first().copied().unwrap_or("?");
        let at = if matches!(path.last(), Some(Segment::Map { key }) if key == field) { &path[..path.len() - 1] } else { path };
        let name = strsim_closest(field, &names[1..]).unwrap_or("");
        return Problem::new(path_string(at), What::UnknownField, &[("field", field), ("name", name)]);
    }
    if message.starts_with("unknown variant") {
        // "unknown variant `raod`, expected one of `flight`, `road`, …"
        let names = quoted(message);
        let (value, allowed) = names.split_first().map_or(("?", &[][..]), |(v, rest)| (*v, rest));
        let expected = allowed.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
        let name = strsim_closest(value, allowed).unwrap_or("");
        return Problem::new(path_string(path), What::UnknownValue, &[("value", value), ("expected", &expected), ("name", name)]);
    }
    if message.contains(super::NOT_A_PATH) {
        return Problem::new(path_string(path), What::NotAPath, &[]);
    }
    if let Some(field) = message.strip_prefix("missing field ").map(|m| m.trim_matches('`')) {
        return Problem::new(path_string(path), What::MissingField, &[("field", field)]);
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        let inner = quoted(found).first().copied().unwrap_or("");
        let (found, kind) = match found.split(' ').next().unwrap_or("") {
            // serde quotes strings with double quotes already: `string "north"`.
            "string" => (found["string ".len()..].to_string(), ""),
            "integer" | "floating" | "boolean" => (inner.to_string(), ""),
            "sequence" => (String::new(), "list"),
            "map" => (String::new(), "object"),
            other => (other.to_string(), ""),
        };
        return Problem::new(path_string(path), What::WrongType, &[("found", &found), ("found_kind", kind), ("expected", &expectation(expected))]);
    }
    Problem::new(path_string(path), What::Other, &[("text", &message.replace('`', "\""))])
}

/// serde's "expected f64" as a word the problem templates translate.
fn expectation(expected: &str) -> String {
    match expected {
        e if e.starts_with("f64") || e.starts_with("f32") => "number".into(),
        e if e.starts_with("a string, or translations") => "text".into(),
        e if e.contains("sequence") => "list".into(),
        e if e.starts_with("struct") || e.contains("map") => "object".into(),
        e if e.contains("string") => "string".into(),
        e => e.replace('`', "\""),
    }
}

/// The nearest name to a misspelt one, if it is near enough to be what was meant. Jaro–Winkler
/// weighs a shared beginning, so "lattitude" finds "lat" and "summery" finds "summary".
fn strsim_closest<'a>(field: &str, names: &[&'a str]) -> Option<&'a str> {
    names
        .iter()
        .map(|n| (strsim::jaro_winkler(&field.to_lowercase(), n), *n))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n)
}

/// How to repair the value after an error so that reading can go on.
enum Repair {
    /// Drop the unknown field.
    Remove,
    /// Replace the value (or insert the missing field) with a placeholder.
    Replace(Value),
    /// Insert a missing field with a placeholder (its type is found on the next pass).
    Insert(String),
}

impl Repair {
    fn for_error(message: &str) -> Option<Repair> {
        if message.starts_with("unknown field") {
            return Some(Repair::Remove);
        }
        if message.starts_with("unknown variant") {
            // The first name allowed stands in for it.
            return Some(Repair::Replace(Value::String(quoted(message).get(1)?.to_string())));
        }
        if message.contains(super::NOT_A_PATH) {
            return Some(Repair::Replace(Value::Null));
        }
        if let Some(field) = message.strip_prefix("missing field ") {
            return Some(Repair::Insert(field.split_whitespace().next()?.trim_matches('`').to_string()));
        }
        let expected = message.split(", expected ").nth(1)?;
        let placeholder = match expected {
            e if e.starts_with('f') || e.starts_with('u') || e.starts_with('i') => Value::from(0.0),
            e if e.contains("sequence") => Value::Array(vec![]),
            e if e.starts_with("struct") || e.contains("map") => Value::Object(Default::default()),
            _ => Value::String(String::new()),
        };
        Some(Repair::Replace(placeholder))
    }

    fn apply(self, root: &mut Value, path: &[Segment], placeholders: &mut Vec<String>) -> bool {
        match self {
            Repair::Remove => {
                let Some((Segment::Map { key }, parent)) = path.split_last() else { return false };
                let Some(obj) = at(root, parent).and_then(Value::as_object_mut) else { return false };
                obj.remove(key).is_some()
            }
            Repair::Replace(v) => match at(root, path) {
                Some(slot) if *slot != v => {
                    *slot = v;
                    placeholders.push(path_string(path));
                    true
                }
                _ => false,
            },
            Repair::Insert(field) => {
                let Some(obj) = at(root, path).and_then(Value::as_object_mut) else { return false };
                if obj.contains_key(&field) {
                    return false;
                }
                obj.insert(field.clone(), Value::Null);
                let mut p = path.to_vec();
                p.push(Segment::Map { key: field });
                placeholders.push(path_string(&p));
                true
            }
        }
    }
}

/// The value at a path.
fn at<'a>(root: &'a mut Value, path: &[Segment]) -> Option<&'a mut Value> {
    path.iter().try_fold(root, |v, seg| match seg {
        Segment::Seq { index } => v.get_mut(*index),
        Segment::Map { key } => v.get_mut(key.as_str()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick read and the long one agree, on good stories and on broken ones.
    #[test]
    fn the_quick_read_agrees_with_the_long_one() {
        let stories = [
            crate::story::DEFAULT_STORY_JSON,
            include_str!("../../www/stories/east-asia.json"),
            include_str!("../../tests/import/storymap-example.tripmap.json"),
            include_str!("../../tests/import/geojson-points.tripmap.json"),
            // Well formed but wrong: only validation can tell.
            r#"{"title":"t","traveller":{"name":"x"},"stops":[{"id":"a","name":"A","lat":95,"lon":0,"date":"2022-10-03"},{"id":"a","name":"B","lat":1,"lon":0,"date":"2022-10-02"}]}"#,
            // Refused by the quick read: an unknown field, a wrong type.
            r#"{"title":"t","stops":[{"id":"a","name":"A","lat":1,"lon":0,"lattitude":2}]}"#,
            r#"{"title":"t","stops":[{"id":"a","name":"A","lat":"north","lon":0}]}"#,
        ];
        for json in stories {
            let long = parse_value(serde_json::from_str(json).unwrap());
            assert_eq!(
                parse(json).map_err(|p| p.iter().map(|p| p.to_string()).collect::<Vec<_>>()),
                long.map_err(|p| p.iter().map(|p| p.to_string()).collect()),
                "{json}"
            );
        }
    }

    /// A key written twice is a problem wherever it is, in a struct (which serde_json refuses)
    /// or in translations (which it would keep the last of), and the rest is still checked.
    #[test]
    fn a_key_written_twice_is_reported_with_its_path() {
        let json = r#"{"title":"t","title":"u","stops":[{"id":"a","name":{"en":"A","en":"B"},"lat":95,"lon":0}]}"#;
        let problems: Vec<String> = parse(json).unwrap_err().iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            [
                "title: is written twice (a reader keeps only one)",
                "stops[0].name.en: is written twice (a reader keeps only one)",
                "stops[0].lat: 95 is outside -90..90"
            ]
        );
        let once = r#"{"title":"t","stops":[{"id":"a","name":{"en":"A","es":"A"},"lat":1,"lon":0}]}"#;
        assert!(parse(once).is_ok());
    }
}
