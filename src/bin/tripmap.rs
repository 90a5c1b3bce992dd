//! The native command.
//!
//! ```text
//! tripmap check story.json [more.json …]   every problem, one per line; exit 1 if any (warnings
//!                                          too, which do not fail)
//! tripmap import story.json|track.gpx      a StoryMapJS, GeoJSON or GPX story as a TripMap story on
//!                                          standard output, what changed on standard error
//! tripmap schema                           the JSON Schema of the story format
//! tripmap render story.json [-o map.svg]   the map as one SVG (print, social images); with
//!   [--html] [--width W] [--height H]      --html, the embed's static HTML (first paint,
//!   [--lang L] [--dark] [--stylesheet URL] no-JavaScript fallback) to put in its <figure>;
//!   [--narrow WxH|none] [--png]            with a second drawing for phones (default 358x298);
//!                                          with --png, a social-card image of exactly W × H
//! tripmap prerender page.html [more.html …] each <!-- tripmap:render ARGS --> in the pages
//!                                          becomes `render --html ARGS` (default story if
//!                                          none is named): the build's static maps
//! ```

use std::process::ExitCode;
use tripmap::import;

const USAGE: &str = "usage: tripmap check STORY.json [MORE.json …]
       tripmap import STORYMAP.json|GEOJSON.json|TRACK.gpx > STORY.json
       tripmap schema
       tripmap render STORY.json [-o OUT] [--html | --png] [--width W] [--height H] [--narrow WxH|none] [--lang L] [--dark] [--stylesheet URL]
       tripmap prerender PAGE.html [MORE.html …]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") if args.len() > 1 => check(&args[1..]),
        Some("import") if args.len() == 2 => import(&args[1]),
        Some("render") if args.len() > 1 => render(&args[1..]).unwrap_or_else(|e| {
            eprintln!("{e}\n{USAGE}");
            ExitCode::from(2)
        }),
        Some("prerender") if args.len() > 1 => prerender(&args[1..]),
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
            Ok(json) => match import::read_file(file, &json, &mut beside(file)) {
                Ok((story, report)) => {
                    let from = report.and_then(|r| r.format).map(|f| format!(" (imported from {})", f.name())).unwrap_or_default();
                    println!("{file}: ok, {} stops in {}{from}", story.stops.len(), story.languages().join(", "));
                    for w in tripmap::story::warnings(&story) {
                        println!("{file}: warning: {w}");
                    }
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

/// Reads the track files a story names, relative to the story's own file (as the loader
/// fetches them relative to its URL).
fn beside(story_file: &str) -> impl FnMut(&str) -> Result<String, String> {
    let dir = std::path::Path::new(story_file).parent().map(std::path::Path::to_path_buf).unwrap_or_default();
    move |name: &str| std::fs::read_to_string(dir.join(name)).map_err(|e| e.to_string())
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
    match import::read_file(file, &json, &mut beside(file)) {
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

/// What `render` (and a page's `<!-- tripmap:render … -->`) asks for.
struct RenderArgs {
    story: Option<String>,
    out: Option<String>,
    output: Output,
    options: tripmap::render::Options,
}

/// What `render` writes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Output {
    /// The standalone SVG (print).
    Svg,
    /// The embed's static HTML (`--html`).
    Html,
    /// A social-card image of exactly the size asked for (`--png`).
    Png,
}

fn render_args(args: &[String]) -> Result<RenderArgs, String> {
    let mut r = RenderArgs { story: None, out: None, output: Output::Svg, options: tripmap::render::Options::default() };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().cloned().ok_or(format!("{arg} needs a value"));
        let px = |v: String| v.parse::<f64>().ok().filter(|p| (100.0..=4000.0).contains(p)).ok_or(format!("{arg}: {v} is not a size in pixels (100 to 4000)"));
        match arg.as_str() {
            "-o" | "--output" => r.out = Some(value()?),
            "--html" => r.output = Output::Html,
            "--png" => r.output = Output::Png,
            "--dark" => r.options.dark = true,
            "--width" => r.options.width = px(value()?)?,
            "--height" => r.options.height = px(value()?)?,
            "--lang" => r.options.lang = value()?,
            "--stylesheet" => r.options.stylesheet = value()?,
            "--narrow" => {
                let v = value()?;
                r.options.narrow = match v.split_once('x') {
                    _ if v == "none" => None,
                    Some((w, h)) => Some((px(w.to_string())?, px(h.to_string())?)),
                    None => return Err(format!("--narrow: {v} is not WIDTHxHEIGHT or none")),
                };
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            _ if r.story.is_none() => r.story = Some(arg.clone()),
            _ => return Err(format!("one story at a time ({arg})")),
        }
    }
    Ok(r)
}

/// The story in `file` (a TripMap story, or one the importer reads), or the default story; `Err`
/// says why it cannot be drawn.
/// Also the file's text when the map is handed exactly that text: a TripMap story naming no
/// track files (the loader hands the map an imported or track-inlined story as new text).
fn story_for(file: Option<&str>) -> Result<(tripmap::story::Story, Option<String>), String> {
    use tripmap::story::{Story, DEFAULT_STORY_JSON};
    let Some(file) = file else { return Ok((Story::default_story(), Some(DEFAULT_STORY_JSON.to_string()))) };
    let json = std::fs::read_to_string(file).map_err(|e| format!("{file}: cannot be read: {e}"))?;
    // Whether a track file was read in: the loader then hands the map new text.
    let (mut read_in, mut from_beside) = (false, beside(file));
    let mut load = |name: &str| {
        read_in = true;
        from_beside(name)
    };
    let (story, report) =
        import::read_file(file, &json, &mut load).map_err(|problems| problems.iter().map(|p| format!("{file}: {p}")).collect::<Vec<_>>().join("\n"))?;
    // No report: a TripMap story, read as it is written (GPX and other formats are imported).
    let as_handed = report.is_none() && !read_in;
    Ok((story, as_handed.then_some(json)))
}

/// What `args` ask for: markup, or an image.
fn markup(args: &RenderArgs) -> Result<Vec<u8>, String> {
    let (story, checked_text) = story_for(args.story.as_deref())?;
    // The lean map module does not check the story again, so the build says what the browser's
    // console would have.
    for w in tripmap::story::warnings(&story) {
        eprintln!("{}: warning: {w}", args.story.as_deref().unwrap_or("the default story"));
    }
    Ok(match args.output {
        Output::Html => tripmap::render::embed_html(&story, &tripmap::render::Options { checked_text, ..args.options.clone() }).into_bytes(),
        Output::Svg => tripmap::render::standalone_svg(&story, &args.options).into_bytes(),
        Output::Png => tripmap::render::social_png(&story, &args.options)?,
    })
}

/// Renders a story as a standalone SVG or, with `--html`, as the embed's static HTML. `Err` is
/// a usage mistake.
fn render(args: &[String]) -> Result<ExitCode, String> {
    let args = render_args(args)?;
    if args.story.is_none() {
        return Err("which story?".into());
    }
    let markup = match markup(&args) {
        Ok(m) => m,
        Err(why) => {
            eprintln!("{why}");
            return Ok(ExitCode::FAILURE);
        }
    };
    match &args.out {
        Some(path) => {
            if let Err(e) = std::fs::write(path, markup) {
                eprintln!("{path}: cannot be written: {e}");
                return Ok(ExitCode::FAILURE);
            }
        }
        // A closed pipe (`| head`) is the reader's choice, not an error.
        None => {
            let _ = std::io::Write::write_all(&mut std::io::stdout(), &markup);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The comment a page puts inside its `<figure data-tripmap>` for a static map at build time.
const MARKER: &str = "<!-- tripmap:render";

/// Rewrites built pages in place: each `<!-- tripmap:render ARGS -->` becomes the embed's
/// static HTML (`render --html ARGS`; no story file: the default story).
fn prerender(pages: &[String]) -> ExitCode {
    for page in pages {
        let done = std::fs::read_to_string(page).map_err(|e| e.to_string()).and_then(|html| {
            let mut out = String::with_capacity(html.len() + 200_000);
            let mut rest = html.as_str();
            while let Some(at) = rest.find(MARKER) {
                let end = rest[at..].find("-->").ok_or("a tripmap:render comment is not closed")? + at;
                let words: Vec<String> = rest[at + MARKER.len()..end].split_whitespace().map(String::from).collect();
                let args = render_args(&words)?;
                out.push_str(&rest[..at]);
                out.push_str(&String::from_utf8_lossy(&markup(&RenderArgs { output: Output::Html, ..args })?));
                rest = &rest[end + 3..];
            }
            out.push_str(rest);
            std::fs::write(page, out).map_err(|e| e.to_string())
        });
        if let Err(why) = done {
            eprintln!("{page}: {why}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
