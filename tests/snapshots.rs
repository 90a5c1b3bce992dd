//! The components as rendered natively (the static map's markup), pinned: a card, the stop list
//! and the error panel of a small story. A change to the markup shows here as a diff to review;
//! `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` writes the new markup after review.
#![cfg(not(target_arch = "wasm32"))]

use leptos::prelude::*;
use tripmap::render::{embed_html, Options};
use tripmap::story::Story;
use tripmap::ui::ErrorPanel;

const STORY: &str = r#"{
  "title": "Two days in Lisbon and Madrid",
  "traveller": { "name": "Ana Example", "role": "Foreign Minister" },
  "sources": [{ "id": "wire", "name": "Wire report, 2 May 2024", "url": "https://example.com/report" }],
  "stops": [
    {
      "id": "lisbon", "name": "Lisbon", "place": "Portugal", "lat": 38.7223, "lon": -9.1393, "date": "2024-05-01",
      "summary": "Talks on energy links <b>&</b> trade.",
      "meetings": [
        { "with": [{ "name": "João Exemplo", "role": "Prime Minister" }], "about": "energy" },
        { "with": [{ "name": "Rui Exemplo", "role": "Mayor" }], "scheduled": true }
      ],
      "topics": ["Energy", "Trade"],
      "scheduled": ["A visit to the port"],
      "figures": [{ "value": "€2bn", "label": "planned interconnector investment", "source": "wire" }],
      "quote": { "text": "A good start.", "by": "Ana Example", "source": "wire" },
      "sources": ["wire"]
    },
    { "id": "madrid", "name": "Madrid", "place": "Spain", "lat": 40.4168, "lon": -3.7038, "date": "2024-05-02", "end_date": "2024-05-03", "sources": ["wire"] }
  ]
}"#;

/// The first piece of `html` from `start` to the end of the element it opens (`end` closes it).
fn piece<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let a = html.find(start).unwrap_or_else(|| panic!("no {start}"));
    let b = a + html[a..].find(end).unwrap_or_else(|| panic!("no {end} after {start}")) + end.len();
    &html[a..b]
}

/// Compares `markup` with `tests/snapshots/<name>.html` (written when UPDATE_SNAPSHOTS is set).
fn snapshot(name: &str, markup: &str) {
    let path = format!("{}/tests/snapshots/{name}.html", env!("CARGO_MANIFEST_DIR"));
    // One element a line, so that a change reads as a small diff.
    let markup = markup.replace("><", ">\n<") + "\n";
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &markup).unwrap();
    }
    let pinned = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        pinned == markup,
        "{name}: the markup changed; review, then UPDATE_SNAPSHOTS=1 cargo test --test snapshots\n--- pinned\n{pinned}\n--- now\n{markup}"
    );
}

fn static_map() -> String {
    embed_html(&Story::from_json(STORY).unwrap(), &Options { narrow: None, ..Options::default() })
}

#[test]
fn a_card() {
    snapshot("card", piece(&static_map(), r#"<section data-card="lisbon""#, "</section>"));
}

#[test]
fn the_stop_list() {
    let html = static_map();
    snapshot("stop-list", piece(&html, r#"<div class="tripmap__stepper is-static">"#, "</ol>"));
}

#[test]
fn the_error_panel() {
    let problems = Story::from_json(r#"{"title":"t","stops":[{"id":"a","name":"A","lat":95,"lon":0,"colour":"red"}]}"#).unwrap_err();
    let html = Owner::new().with(|| view! { <ErrorPanel problems lang="es".to_string() /> }.to_html());
    snapshot("error-panel", &html.replace("<!>", ""));
}
