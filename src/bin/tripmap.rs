//! The native command.
//!
//! ```text
//! tripmap check story.json [more.json …]   every problem, one per line; exit 1 if any
//! tripmap schema                          the JSON Schema of the story format
//! ```

use std::process::ExitCode;
use tripmap::story::Story;

const USAGE: &str = "usage: tripmap check STORY.json [MORE.json …]\n       tripmap schema";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") if args.len() > 1 => check(&args[1..]),
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

/// Prints `file: problem` lines (or `file: ok`) and fails if any file has a problem.
fn check(files: &[String]) -> ExitCode {
    let mut failed = false;
    for file in files {
        match std::fs::read_to_string(file) {
            Err(e) => {
                println!("{file}: cannot be read: {e}");
                failed = true;
            }
            Ok(json) => match Story::from_json(&json) {
                Ok(story) => println!("{file}: ok, {} stops in {}", story.stops.len(), story.languages().join(", ")),
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
