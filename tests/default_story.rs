//! The default story as the reports tell it, in step in its three languages: the same figures
//! and dates in every language, every text translated, every figure and quote citing a report
//! the card names, and what was only scheduled kept apart from what happened.
#![cfg(not(target_arch = "wasm32"))] // native tests: the basemap and the command are native

use tripmap::story::{for_each_text, Stop, Story, Text};

const LANGS: [&str; 3] = ["en", "es", "ar"];

/// The numbers a text states, in a form every language shares: "1.2" and "1,2" are one number,
/// "1,200" (a thousands group) is 1200; "$38bn" and "US$38.000 M" are both 38,000 (millions).
fn numbers(text: &str) -> Vec<f64> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = vec![];
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || (matches!(chars[i], '.' | ',') && chars.get(i + 1).is_some_and(char::is_ascii_digit))) {
            i += 1;
        }
        let raw: String = chars[start..i].iter().collect();
        // A separator followed by exactly three digits groups thousands; any other is decimal.
        let groups: Vec<&str> = raw.split(['.', ',']).collect();
        let value: f64 = if groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3) {
            groups.concat().parse().unwrap()
        } else {
            raw.replace(',', ".").parse().unwrap()
        };
        // Billions right after the number, as the three languages write them (millions are
        // the unit the rest is in).
        let rest: String = chars[i..].iter().collect::<String>().trim_start().to_lowercase();
        let billions = rest.starts_with("bn") || rest.starts_with("مليار");
        out.push(if billions { value * 1_000.0 } else { value });
        i += 1;
    }
    out
}

fn each_text(story: &Story) -> Vec<(String, Text)> {
    let mut all = vec![];
    for_each_text(story, &mut |path, t| all.push((path, t.clone())));
    all
}

#[test]
fn every_text_is_in_english_spanish_and_arabic() {
    for (path, t) in each_text(&Story::default_story()) {
        if t.is_empty() {
            continue;
        }
        for lang in LANGS {
            assert!(t.languages().contains(&lang), "{path} has no {lang}");
            assert!(!t.get(lang, "zz").trim().is_empty(), "{path}.{lang} is empty");
        }
    }
}

#[test]
fn every_language_states_the_same_numbers() {
    for (path, t) in each_text(&Story::default_story()) {
        let en = numbers(t.get("en", "en"));
        for lang in ["es", "ar"] {
            assert_eq!(numbers(t.get(lang, "en")), en, "{path}: {lang} says other numbers than en");
        }
    }
}

#[test]
fn the_number_reader_reads_as_each_language_writes() {
    assert_eq!(numbers("$38bn"), [38_000.0]);
    assert_eq!(numbers("US$38.000 M"), [38_000.0]);
    assert_eq!(numbers("38 مليار دولار"), [38_000.0]);
    assert_eq!(numbers("more than 1.2 million, 3 October 2022"), [1.2, 3.0, 2022.0]);
    assert_eq!(numbers("más de 1,2 millones"), [1.2]);
    assert_eq!(numbers("+US$1.000 M"), numbers("$1bn+"));
    assert_ne!(numbers("$240m"), numbers("$230m"));
}

#[test]
fn every_figure_and_quote_cites_a_report_the_card_names() {
    let story = Story::default_story();
    for stop in &story.stops {
        let cited = |id: &Option<String>, what: &str| {
            let id = id.as_deref().unwrap_or_else(|| panic!("{}: a {what} without its source", stop.id));
            assert!(stop.sources.iter().any(|s| s == id), "{}: {what} cites {id}, which the card does not list", stop.id);
            assert!(story.source(id).is_some(), "{id} is no source");
        };
        for f in &stop.figures {
            cited(&f.source, "figure");
        }
        if let Some(q) = &stop.quote {
            cited(&q.source, "quote");
        }
    }
}

fn stop<'a>(story: &'a Story, id: &str) -> &'a Stop {
    story.stops.iter().find(|s| s.id == id).unwrap()
}

/// What only the State Department's announcement before the trip gives (the Arabic report)
/// is marked as scheduled, never told as done.
#[test]
fn what_was_only_announced_is_marked_scheduled() {
    let story = Story::default_story();
    let lima = stop(&story, "lima");
    let almagro = lima.meetings.iter().find(|m| m.with.iter().any(|p| p.name.get("en", "en") == "Luis Almagro")).unwrap();
    assert!(almagro.scheduled, "the meeting with Almagro is only announced");
    assert!(lima.meetings.iter().filter(|m| !m.scheduled).count() >= 3, "Castillo, Landa and Généus were met");
    let santiago = stop(&story, "santiago");
    let en = |t: &Text| t.get("en", "en").to_lowercase();
    assert!(!en(&santiago.summary).contains("electricity"), "the electricity coordinator visit is not reported as done");
    assert!(santiago.scheduled.iter().any(|t| en(t).contains("electricity coordinator")));
    assert!(santiago.meetings.iter().all(|m| m.about.as_ref().is_none_or(|a| !en(a).contains("migration"))), "migration was only on the announced agenda");
    let bogota = stop(&story, "bogota");
    assert!(bogota.topics.iter().all(|t| !en(t).contains("human rights") && !en(t).contains("climate")));
    for s in &story.stops {
        assert!(!en(&s.summary).contains("first meeting"), "{}: no report says it was their first", s.id);
    }
}

#[test]
fn the_headline_holds_with_the_dates() {
    let story = Story::default_story();
    let title = story.title.get("en", "en").to_lowercase();
    assert!(!title.contains("four days") && !title.contains("week"), "3–7 October is neither four days nor a week: {title}");
}
