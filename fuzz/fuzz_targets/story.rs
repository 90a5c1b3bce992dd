//! Parse (as TripMap, StoryMapJS or GeoJSON, importing the latter two: HTML sanitized) +
//! validate + lay out any bytes: must never panic, only accept or report problems; and the quick
//! and the long way of reading a TripMap story must agree.
//! Run: `cargo +nightly fuzz run story fuzz/corpus/story -- -max_total_time=300` (see README).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tripmap::basemap::Basemap;
use tripmap::scene::Scene;
use tripmap::zoom::View;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else { return };
    // The map reads a story the quick way when it can (typed, straight from the text); it must
    // say exactly what the long way (through a JSON value, every problem found) says, and, from
    // the text, each key written twice (which a value keeps one of) besides.
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(json) {
        let words = |r: Result<tripmap::story::Story, Vec<tripmap::story::Problem>>| r.map_err(|p| p.iter().map(|p| p.to_string()).collect::<Vec<_>>());
        let long = words(tripmap::story::Story::from_value(value));
        let twice = tripmap::i18n::EN_PROBLEMS.written_twice;
        match words(tripmap::story::Story::from_json(json)) {
            Err(p) if p.iter().any(|m| m.ends_with(twice)) => {
                let rest: Vec<String> = p.into_iter().filter(|m| !m.ends_with(twice)).collect();
                assert_eq!(rest, long.err().unwrap_or_default());
            }
            quick => assert_eq!(quick, long),
        }
    }
    let story = match tripmap::import::read(json) {
        Ok((story, _report)) => story,
        Err(problems) => {
            assert!(!problems.is_empty());
            for p in problems {
                let _ = p.to_string();
            }
            return;
        }
    };
    // Long stories are the property tests' and the benchmark's business; keep runs fast.
    if story.stops.len() > 40 {
        return;
    }
    for lang in ["en", "ar"] {
        let story = story.localized(lang);
        let width = 320.0 + (data.len() % 900) as f64;
        let height = Scene::natural_height(&story, width);
        assert!(height.is_finite());
        let scene = Scene::build(&story, Basemap::natural_earth(), width, height);
        for i in 0..story.stops.len() {
            let view = scene.focus_view(i, 0.0);
            let labels = scene.labels_at(view);
            assert!(labels.stops.iter().all(|l| l.x.is_finite() && l.y.is_finite()));
        }
        let _ = scene.labels_at(View { k: 12.0, x: -width * 5.0, y: -height * 5.0 }.clamped(width, height));
    }
});
