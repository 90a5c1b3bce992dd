//! Scale benchmark: a 500-stop story, parsed, laid out and labelled, natively in release mode.
//! `cargo bench --bench scale` prints medians; results are recorded in bench/RESULTS.md.
//! Not a test: nothing here passes or fails on time. Native only (the basemap is compiled in
//! natively); a wasm32 build of the workspace's targets (clippy) gets an empty `main`.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

use std::time::{Duration, Instant};
use tripmap::basemap::Basemap;
use tripmap::scene::Scene;
use tripmap::story::Story;
use tripmap::zoom::View;

/// A long tour: `n` stops on a loop round Europe and the Mediterranean, a day apart.
pub fn tour(n: usize) -> String {
    let stops: Vec<String> = (0..n)
        .map(|i| {
            let t = i as f64 / n as f64 * std::f64::consts::TAU;
            let (lat, lon) = (45.0 + 10.0 * t.sin() + (i % 7) as f64 * 0.3, 10.0 + 22.0 * t.cos() + (i % 5) as f64 * 0.4);
            format!(r#"{{"id":"s{i}","name":"Stop {i}","lat":{lat:.4},"lon":{lon:.4},"date":"2024-01-01"}}"#)
        })
        .collect();
    format!(r#"{{"title":"Tour","traveller":{{"name":"X"}},"stops":[{}]}}"#, stops.join(","))
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let basemap = Basemap::natural_earth();
    for n in [4, 50, 500] {
        let json = if n == 4 { tripmap::story::DEFAULT_STORY_JSON.to_string() } else { tour(n) };
        let parse = time(9, || Story::from_json(&json).unwrap());
        let story = Story::from_json(&json).unwrap().localized("en");
        let build = time(5, || Scene::build(&story, basemap, 800.0, 600.0));
        let scene = Scene::build(&story, basemap, 800.0, 600.0);
        let labels = time(5, || scene.labels_at(View { k: 2.0, x: -400.0, y: -300.0 }));
        let shown = scene.labels.stops.iter().filter(|l| l.visible).count();
        println!("{n:>4} stops: parse {:>8.2?}  scene {:>8.2?}  labels for a view {:>8.2?}  stop labels shown {shown}/{n}", parse, build, labels);
    }
}
