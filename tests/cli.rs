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

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tripmap-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn render_writes_a_standalone_svg_and_names_what_is_wrong() {
    let dir = scratch("render");
    let svg = dir.join("map.svg");
    let (code, out) = tripmap(&["render", "data/story.json", "-o", svg.to_str().unwrap(), "--width", "600", "--height", "400"]);
    assert_eq!((code, out.as_str()), (0, ""));
    let svg = std::fs::read_to_string(svg).unwrap();
    assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="600""#), "{}", &svg[..120]);
    assert!(svg.contains("Blinken") && svg.contains("Santiago") && svg.contains("tripmap__leg-line"));
    // The same story through the importer: a StoryMapJS file renders too.
    let (code, out) = tripmap(&["render", "www/stories/storymap-example.json"]);
    assert_eq!(code, 0);
    assert!(out.contains("<svg") && out.matches("tripmap__marker\"").count() >= 2);

    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"title":"T","stops":[{"id":"a","name":"A","lat":95,"lon":2}]}"#).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tripmap")).args(["render", bad.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("stops[0].lat: 95 is outside -90..90"));
    assert_eq!(tripmap(&["render", "data/story.json", "--width", "5"]).0, 2, "a size out of range is a usage error");
    assert_eq!(tripmap(&["render", "data/story.json", "--frob"]).0, 2);
}

#[test]
fn render_png_writes_a_social_card_of_the_size_asked_for() {
    let dir = scratch("png");
    let png = dir.join("card.png");
    let (code, out) = tripmap(&["render", "data/story.json", "--png", "-o", png.to_str().unwrap(), "--width", "1200", "--height", "630"]);
    assert_eq!((code, out.as_str()), (0, ""));
    let png = std::fs::read(png).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    assert_eq!((size(16), size(20)), (1200, 630), "exactly the card's size, headline and credit inside");
}

#[test]
fn prerender_puts_the_static_map_where_the_page_asks() {
    let dir = scratch("prerender");
    let page = dir.join("page.html");
    std::fs::write(&page, "<p>before</p><figure data-tripmap><!-- tripmap:render --lang es --width 500 --height 400 --></figure><p>after</p>").unwrap();
    let (code, _) = tripmap(&["prerender", page.to_str().unwrap()]);
    assert_eq!(code, 0);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with(r#"<p>before</p><figure data-tripmap><tripmap-view data-tripmap-static=""#));
    assert!(html.contains(r#""><template shadowrootmode="open">"#));
    assert!(html.ends_with("</template></tripmap-view></figure><p>after</p>"));
    assert!(html.contains(r#"lang="es""#) && html.contains(r#"viewBox="0 0 500 400""#) && html.contains("de octubre de 2022"));
    assert!(!html.contains("tripmap:render"));
    std::fs::write(&page, "<figure data-tripmap><!-- tripmap:render --width -->").unwrap();
    assert_eq!(tripmap(&["prerender", page.to_str().unwrap()]).0, 1, "a broken marker fails the build");
}

#[test]
fn check_reads_track_files_beside_the_story_and_warns_of_far_ends() {
    let (code, out) = tripmap(&["check", "www/stories/kilimanjaro.json"]);
    assert_eq!((code, out.as_str()), (0, "www/stories/kilimanjaro.json: ok, 11 stops in en\n"));
    let dir = std::env::temp_dir().join(format!("tripmap-cli-tracks-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("tracks")).unwrap();
    // The Machame track, its leg ending at Moshi instead of Mweka Gate (12.8 km away: within
    // the tolerance) and then at the airport (38 km: a warning), and a file not there.
    std::fs::copy("www/stories/tracks/kilimanjaro-machame.gpx", dir.join("tracks/t.gpx")).unwrap();
    let story = |to: &str, file: &str| {
        format!(
            r#"{{"title":"T","stops":[{{"id":"gate","name":"Gate","lat":-3.173433,"lon":37.238621}},{{"id":"moshi","name":"Moshi","lat":-3.3349,"lon":37.3404}},{{"id":"jro","name":"JRO","lat":-3.4294,"lon":37.0745}}],
            "legs":[{{"from":"gate","to":"{to}","mode":"walk","path":"{file}"}}]}}"#
        )
    };
    let file = dir.join("s.json");
    std::fs::write(&file, story("moshi", "tracks/t.gpx")).unwrap();
    let f = file.to_str().unwrap();
    assert_eq!(tripmap(&["check", f]), (0, format!("{f}: ok, 3 stops in en\n")));
    std::fs::write(&file, story("jro", "tracks/t.gpx")).unwrap();
    assert_eq!(tripmap(&["check", f]), (0, format!("{f}: ok, 3 stops in en\n{f}: warning: legs[0].path: the track ends 38 km from \"jro\"\n")));
    std::fs::write(&file, story("jro", "tracks/none.gpx")).unwrap();
    let (code, out) = tripmap(&["check", f]);
    assert_eq!(code, 1);
    assert!(out.starts_with(&format!("{f}: legs[0].path: could not be loaded (tracks/none.gpx: ")), "{out}");
}
