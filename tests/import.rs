//! `tripmap import` against committed golden files: each fixture (StoryMapJS, GeoJSON and GPX in
//! several real-world shapes; the HTML-heavy one is also the demo page's story) must give exactly
//! `tests/import/<name>.tripmap.json` and `<name>.report.txt`, and the result must pass
//! `tripmap check`. After a deliberate change,
//! `UPDATE_GOLDEN=1 cargo test --test import` rewrites the golden files; review the diff.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::Command;
use tripmap::import::{read, read_file};
use tripmap::story::Story;

/// (fixture, golden name)
const FIXTURES: [(&str, &str); 6] = [
    ("www/stories/storymap-example.json", "storymap-example"),
    ("tests/import/storymap-plain.json", "storymap-plain"),
    ("tests/import/geojson-points.json", "geojson-points"),
    ("tests/import/geojson-leaflet.json", "geojson-leaflet"),
    // Points and lines: legs along the lines, in the modes they name.
    ("tests/import/geojson-lines.json", "geojson-lines"),
    // GPX (georust/gpx's test file, MIT): named track points become stops, the track legs.
    ("www/stories/tracks/kilimanjaro-machame.gpx", "gpx-machame"),
];

fn golden(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| panic!("{} is missing: UPDATE_GOLDEN=1", path.display()));
    assert_eq!(actual, expected, "{} differs", path.display());
}

#[test]
fn every_fixture_imports_to_its_golden_story_and_report() {
    let dir = Path::new("tests/import");
    for (fixture, name) in FIXTURES {
        let json = std::fs::read_to_string(fixture).unwrap();
        let (story, report) = read_file(fixture, &json, &mut |_| Err("no track files here".into())).unwrap_or_else(|p| panic!("{name}: {p:?}"));
        let out = serde_json::to_string_pretty(&story).unwrap() + "\n";
        golden(&dir.join(format!("{name}.tripmap.json")), &out);
        golden(&dir.join(format!("{name}.report.txt")), &report.expect("an import has a report").to_string());
        // The output is a TripMap story that passes the checks as it is.
        assert_eq!(Story::from_json(&out).unwrap(), story, "{name}");
    }
}

#[test]
fn the_command_writes_the_story_and_the_report_and_check_accepts_both() {
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_tripmap")).args(args).output().unwrap();
    let out = run(&["import", "www/stories/storymap-example.json"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), std::fs::read_to_string("tests/import/storymap-example.tripmap.json").unwrap());
    assert_eq!(String::from_utf8(out.stderr).unwrap(), std::fs::read_to_string("tests/import/storymap-example.report.txt").unwrap());

    let out = run(&["check", "www/stories/storymap-example.json", "tests/import/storymap-example.tripmap.json"]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "www/stories/storymap-example.json: ok, 4 stops in en (imported from StoryMapJS)\ntests/import/storymap-example.tripmap.json: ok, 4 stops in en\n"
    );
    assert!(out.status.success());

    let out = run(&["import", "data/story.json"]);
    assert!(!out.status.success(), "a TripMap story is not imported again");
}

#[test]
fn problems_in_an_import_name_the_path_in_the_file_the_editor_wrote() {
    let problems = |json: &str| read(json).unwrap_err().iter().map(|p| p.to_string()).collect::<Vec<_>>();
    assert_eq!(
        problems(r#"{"storymap": {"slides": [{"location": {"lat": 95, "lon": "east"}}, {"location": {"lon": 2}}]}}"#),
        [
            "storymap.slides[0].location.lat: 95 is outside -90..90",
            "storymap.slides[0].location.lon \"east\" is not a number",
            "storymap.slides[1].location: field \"lat\" is missing",
        ]
    );
    assert_eq!(problems(r#"{"storymap": {"slides": [{"text": {"headline": "No place"}}]}}"#), ["storymap.slides: has no stops; a map needs at least one"]);
    assert_eq!(problems(r#"{"storymap": {}}"#), ["storymap: field \"slides\" is missing"]);
    assert_eq!(
        problems(r#"{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [200, 0]}}]}"#),
        ["features[0].geometry.coordinates[0]: 200 is outside -180..180"]
    );
}
