//! The `tripmap` command: `check` prints the same messages as the map, `schema` the committed
//! JSON Schema.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn tripmap(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tripmap")).args(args).output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn check_passes_the_default_story() {
    let (code, out) = tripmap(&["check", "data/story.json"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "data/story.json: ok, 4 stops in en, ar, es\n");
}

#[test]
fn check_prints_every_problem_and_fails() {
    let dir = std::env::temp_dir().join(format!("tripmap-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"title":"T","traveller":{"name":"X"},"stops":[
            {"id":"a","name":"A","lattitude":1,"lon":2,"date":"2024-01-01"},
            {"id":"a","name":"B","lat":95,"lon":2,"date":"2024-01-02"}]}"#,
    )
    .unwrap();
    let (code, out) = tripmap(&["check", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    let f = bad.display();
    assert_eq!(
        out,
        format!(
            "{f}: stops[0]: unknown field \"lattitude\" (did you mean \"lat\"?)\n{f}: stops[0]: field \"lat\" is missing\n{f}: stops[1].id \"a\" is used twice\n{f}: stops[1].lat: 95 is outside -90..90\n"
        )
    );
    let (code, out) = tripmap(&["check", "no-such-file.json"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("no-such-file.json: cannot be read"));
    assert_eq!(tripmap(&["frobnicate"]).0, 2);
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let (code, out) = tripmap(&["schema"]);
    assert_eq!(code, 0);
    let committed = std::fs::read_to_string("data/story.schema.json").unwrap();
    assert_eq!(out, committed, "data/story.schema.json is stale: run `cargo run -- schema > data/story.schema.json`");
    let schema: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(schema["properties"]["stops"]["type"], "array");
    assert_eq!(schema["additionalProperties"], false, "unknown fields are errors");
}
