//! Every corner of the globe: the projection fit, routes and labels stay finite and sensible.
//! No NaN in any attribute, no line drawn across the whole map, no stop off the map.
#![cfg(not(target_arch = "wasm32"))] // native tests: the basemap and the command are native

use geo::coord;
use tripmap::basemap::Basemap;
use tripmap::path::Units;
use tripmap::projection::{arc_deg, trip_center, SAFE_ARC_DEG};
use tripmap::scene::Scene;
use tripmap::story::Story;

fn story(stops: &[(&str, f64, f64)]) -> Story {
    let stops: Vec<String> = stops
        .iter()
        .enumerate()
        .map(|(i, (name, lat, lon))| format!(r#"{{"id":"s{i}","name":"{name}","lat":{lat},"lon":{lon},"date":"2024-01-{:02}"}}"#, i % 28 + 1))
        .collect();
    let json = format!(r#"{{"title":"T","traveller":{{"name":"X"}},"stops":[{}]}}"#, stops.join(","));
    Story::from_json(&json).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The invariants every scene must keep, at several sizes.
fn check(story: &Story) -> Vec<Scene> {
    let points: Vec<_> = story.stops.iter().map(|s| coord! { x: s.lon, y: s.lat }).collect();
    let c = trip_center(&points);
    for (s, p) in story.stops.iter().zip(&points) {
        assert!(arc_deg(c, *p) <= SAFE_ARC_DEG, "{} is {}° from the centre", s.name, arc_deg(c, *p));
    }
    [320.0, 800.0]
        .iter()
        .map(|&w| {
            let h = Scene::natural_height(story, w);
            assert!(h.is_finite() && h >= w * 0.6 - 0.5, "height {h}");
            let scene = Scene::build(story, Basemap::natural_earth(), w, h);
            for s in &scene.stops {
                assert!(s.x.is_finite() && s.y.is_finite(), "{s:?}");
                assert!(s.x >= 8.0 && s.x <= w - 8.0 && s.y >= 8.0 && s.y <= h - 8.0, "stop off the map: {s:?} in {w}×{h}");
                let under_buttons = s.x > w - tripmap::scene::CONTROLS_W && s.y < tripmap::scene::CONTROLS_H;
                assert!(!under_buttons, "stop under the map's buttons: {s:?}");
            }
            let base = scene.countries.iter().map(|c| c.d.as_str()).chain([scene.borders.as_str(), scene.sphere.as_str(), scene.graticule.as_str()]);
            let legs = scene.legs.iter().map(|l| (l.d.as_str(), Units::Pixels));
            for (d, units) in base.map(|d| (d, scene.base_units)).chain(legs) {
                for n in tripmap::path::points(d, units).concat().iter().flat_map(|c| [c.x, c.y]) {
                    assert!(n.is_finite() && n > -20.0 && n < w.max(h) + 20.0, "{n} in a path");
                }
            }
            for leg in &scene.legs {
                // Within each subpath (each "M…"), no segment jumps across the map.
                for pts in tripmap::path::points(&leg.d, Units::Pixels) {
                    for w2 in pts.windows(2) {
                        let jump = (w2[1].x - w2[0].x).hypot(w2[1].y - w2[0].y);
                        assert!(jump < w.max(h) * 0.5, "{}: a segment of {jump} px jumps across the map", leg.key);
                    }
                }
            }
            // Stops far apart (more than a twentieth of the trip's span, on the sphere) are drawn
            // apart: a stop the projection could not place would sit on top of another.
            let span = points.iter().flat_map(|a| points.iter().map(move |b| arc_deg(*a, *b))).fold(0.0, f64::max);
            for (i, a) in story.stops.iter().enumerate() {
                for (j, b) in story.stops.iter().enumerate().skip(i + 1) {
                    let far = arc_deg(points[i], points[j]) > (span / 20.0).max(0.5);
                    let (p, q) = (&scene.stops[i], &scene.stops[j]);
                    if far {
                        assert!((p.x - q.x).hypot(p.y - q.y) > 2.0, "{} and {} drawn on top of each other", a.name, b.name);
                    }
                }
            }
            for l in scene.labels.stops.iter().chain(&scene.labels.legs) {
                assert!(l.x.is_finite() && l.y.is_finite());
            }
            scene
        })
        .collect()
}

#[test]
fn across_the_antimeridian() {
    let s = story(&[("Tokyo", 35.69, 139.69), ("Honolulu", 21.31, -157.86), ("Los Angeles", 34.05, -118.24)]);
    check(&s);
}

#[test]
fn near_the_poles() {
    let s = story(&[("Christchurch", -43.53, 172.64), ("McMurdo Station", -77.85, 166.67), ("South Pole", -90.0, 0.0)]);
    check(&s);
    let n = story(&[("Longyearbyen", 78.22, 15.65), ("North Pole", 90.0, 0.0), ("Alert", 82.5, -62.35)]);
    check(&n);
}

#[test]
fn two_consecutive_stops_at_the_same_place_and_a_single_stop() {
    let s = story(&[("Geneva", 46.2, 6.15), ("Geneva again", 46.2, 6.15), ("Bern", 46.95, 7.45)]);
    let scenes = check(&s);
    assert_eq!(scenes[1].legs[0].distance_km, 0);
    let one = story(&[("Nairobi", -1.29, 36.82)]);
    let scenes = check(&one);
    assert!(scenes[1].legs.is_empty());
}

#[test]
fn nearly_antipodal_stops() {
    // Madrid and Wellington are nearly antipodal.
    let s = story(&[("Madrid", 40.42, -3.7), ("Wellington", -41.29, 174.78)]);
    check(&s);
    let exact = story(&[("A", 10.0, 20.0), ("B", -10.0, -160.0)]);
    check(&exact);
}

#[test]
fn round_the_world() {
    let s = story(&[
        ("London", 51.5, -0.13),
        ("Dubai", 25.2, 55.27),
        ("Singapore", 1.35, 103.82),
        ("Sydney", -33.87, 151.21),
        ("Honolulu", 21.31, -157.86),
        ("San Francisco", 37.77, -122.42),
        ("New York", 40.71, -74.0),
        ("London again", 51.5, -0.13),
    ]);
    check(&s);
}

mod property {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // Each case builds two full scenes; 64 cases keep the suite to a few seconds. The seed is
        // fixed so that CI on an unchanged tree never fails by chance. To explore, switch to
        // `RngSeed::Random` with more cases locally; failures found are kept (and replayed
        // first) in globe.proptest-regressions. 800 random cases passed on 2026-11-24.
        #![proptest_config(ProptestConfig { cases: 64, rng_seed: proptest::test_runner::RngSeed::Fixed(20_221_003), ..ProptestConfig::default() })]

        /// Any valid story, anywhere on Earth: finite paths inside the view, stops on the map
        /// and apart, no segment across the map.
        #[test]
        fn any_valid_story_gives_a_sane_scene(stops in prop::collection::vec((-89.9f64..89.9, -180.0f64..180.0), 1..7)) {
            let named: Vec<(String, f64, f64)> = stops.iter().enumerate().map(|(i, (lat, lon))| (format!("Stop {i}"), *lat, *lon)).collect();
            let refs: Vec<(&str, f64, f64)> = named.iter().map(|(n, a, b)| (n.as_str(), *a, *b)).collect();
            check(&story(&refs));
        }
    }
}
