//! The native command.
//!
//! ```text
//! tripmap check story.json [more.json …]   every problem, one per line; exit 1 if any
//! tripmap import story.json                a StoryMapJS or GeoJSON story as a TripMap story on
//!                                          standard output, what changed on standard error
//! tripmap schema                           the JSON Schema of the story format
//! ```

use std::process::ExitCode;
use tripmap::import;

const USAGE: &str = "usage: tripmap check STORY.json [MORE.json …]\n       tripmap import STORYMAP.json|GEOJSON.json > STORY.json\n       tripmap schema";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") if args.len() > 1 => check(&args[1..]),
        Some("import") if args.len() == 2 => import(&args[1]),
        Some("schema") if args.len() == 1 => {
            print!("{}", tripmap::story::json_schema());
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Prints `file: problem` lines (or `file: ok`) and fails if any file has a problem. StoryMapJS
/// and GeoJSON files are checked as the map would read them (imported).
fn check(files: &[String]) -> ExitCode {
    let mut failed = false;
    for file in files {
        match std::fs::read_to_string(file) {
            Err(e) => {
                println!("{file}: cannot be read: {e}");
                failed = true;
            }
            Ok(json) => match import::read(&json) {
                Ok((story, report)) => {
                    let from = report.and_then(|r| r.format).map(|f| format!(" (imported from {})", f.name())).unwrap_or_default();
                    println!("{file}: ok, {} stops in {}{from}", story.stops.len(), story.languages().join(", "));
                }
                Err(problems) => {
                    failed = true;
                    for p in problems {
                        println!("{file}: {p}");
                    }
                }
            },
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The imported story (pretty JSON) on standard output, the report on standard error.
fn import(file: &str) -> ExitCode {
    let json = match std::fs::read_to_string(file) {
        Ok(json) => json,
        Err(e) => {
            eprintln!("{file}: cannot be read: {e}");
            return ExitCode::FAILURE;
        }
    };
    match import::read(&json) {
        Ok((story, Some(report))) => {
            println!("{}", serde_json::to_string_pretty(&story).expect("a story serializes"));
            eprint!("{report}");
            ExitCode::SUCCESS
        }
        Ok((_, None)) => {
            eprintln!("{file}: already a TripMap story; nothing to import");
            ExitCode::FAILURE
        }
        Err(problems) => {
            for p in problems {
                eprintln!("{file}: {p}");
            }
            ExitCode::FAILURE
        }
    }
}
