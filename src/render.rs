//! The map as static markup, rendered natively at build time by the same Leptos components
//! that draw the live map (`crate::ui`, [`Drawing::Static`]):
//!
//! - [`embed_html`]: the graphic as the embed's own HTML, a `<tripmap-view>` with a declarative
//!   shadow root (the map's stylesheet, headline, map, stop list, every card). Put inside the
//!   page's `<figure data-tripmap>` at build time, it is on screen with the page's first paint,
//!   kept apart from the page's CSS like the live map, and does the reader's main job without any
//!   script: each stop's marker and list button open its card (a popover), Escape closes it. The
//!   live map replaces it when the wasm starts, keeping an open card open.
//! - [`standalone_svg`]: one self-contained SVG (headline, map, credit, its styles inside) for
//!   print and social images.
//!
//! What no component draws stays here: the declarative shadow root around the graphic (Leptos's
//! `view!` cannot write one) and the standalone SVG's page.
//!
//! ```
//! use tripmap::render::{standalone_svg, Options};
//! use tripmap::story::Story;
//! let svg = standalone_svg(&Story::default_story(), &Options::default());
//! assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
//! assert!(svg.contains("Bogotá"));
//! ```

use crate::basemap::Basemap;
use crate::format::Digits;
use crate::i18n::{is_rtl, isolate};
use crate::labels::text_width;
use crate::path::num;
use crate::story::{checked_key, Story};
use crate::ui::{Countries, Drawing, Language, MapContext, MapLayer, Mode, Parts, Theme, TripMap};
use leptos::context::Provider;
use leptos::prelude::*;
use std::fmt::Write;

/// The map's own stylesheet, put inside a standalone SVG.
const MAP_CSS: &str = include_str!("../www/tripmap-map.css");

/// What to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The map area's size in pixels (the drawing scales to the area it is shown in).
    pub width: f64,
    pub height: f64,
    /// The language to show the story in ("" for the story's own).
    pub lang: String,
    pub dark: bool,
    /// Where the embed's shadow root finds the map's stylesheet, relative to the page.
    pub stylesheet: String,
    /// The embed also holds a drawing for a phone's map area of this size (shown below 600 px).
    pub narrow: Option<(f64, f64)>,
    /// The story's JSON text, when the page hands the map exactly this text: the embed is then
    /// stamped with its [`checked_key`] (`data-tripmap-checked`), and the lean map module draws
    /// the live map over it without checking the story again.
    pub checked_text: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 720.0,
            height: 450.0,
            lang: String::new(),
            dark: false,
            stylesheet: "tripmap-map.css".into(),
            narrow: Some((358.0, 298.0)),
            checked_text: None,
        }
    }
}

impl Options {
    fn theme(&self) -> Theme {
        if self.dark {
            Theme::Dark
        } else {
            Theme::Light
        }
    }
}

/// The graphic as the embed's static HTML: a `<tripmap-view>` whose declarative shadow root
/// holds the map's stylesheet link and the [`TripMap`] component rendered natively. Marked
/// `data-tripmap-static` with the story's [`Story::geometry_key`]: the live map takes its place,
/// and reuses its countries when the key is its own story's.
pub fn embed_html(story: &Story, o: &Options) -> String {
    let graphic = Owner::new().with(|| {
        let drawing = Drawing::Static { width: o.width.max(1.0), height: o.height.max(1.0), narrow: o.narrow };
        let (story, countries, lang, theme) = (story.clone(), Countries::Drawn(Basemap::natural_earth()), o.lang.clone(), o.theme());
        view! { <TripMap story countries drawing link_param=None open=None lang theme /> }.to_html()
    });
    let graphic = without_markers(&graphic);
    let language = Language::choose(&o.lang, story, Digits::Locale).key();
    let checked = o.checked_text.as_deref().map(|text| format!(" {}=\"{}\"", crate::ui::CHECKED_ATTR, checked_key(text, &language))).unwrap_or_default();
    format!(
        r#"<tripmap-view {}="{}"{checked}{}><template shadowrootmode="open"><link rel="stylesheet" href="{}"><div class="tripmap-mount">{graphic}</div></template></tripmap-view>"#,
        crate::ui::STATIC_ATTR,
        story.geometry_key(),
        if story.steps.is_empty() { String::new() } else { format!(" {} {}", crate::ui::STEPS_ATTR, crate::ui::SCROLLY_ATTR) },
        esc(&o.stylesheet),
    )
}

/// Headline band height above the map in a standalone SVG, per line of headline.
const TITLE_LINE_PX: f64 = 30.0;
const CREDIT_LINE_PX: f64 = 16.0;
const PAD: f64 = 16.0;

/// One self-contained SVG: the headline (wrapped), the map at `width` × `height` (the
/// components' drawing, as on the static map), the credit; the map's stylesheet inside with its
/// theme written out, so it renders the same in a browser, Inkscape, resvg or a print pipeline
/// that reads CSS but knows no custom properties.
pub fn standalone_svg(story: &Story, o: &Options) -> String {
    page_svg(story, o, Page::MapSize)
}

/// A social-card image (PNG): the standalone SVG laid out to exactly `width` × `height` px
/// (headline and credit inside), drawn by resvg with DejaVu Sans, which the command carries
/// (`data/fonts`), so it always has a font for Latin and Arabic text.
///
/// ```
/// use tripmap::render::{social_png, Options};
/// let png = social_png(&tripmap::story::Story::default_story(), &Options { width: 1200.0, height: 630.0, ..Options::default() }).unwrap();
/// assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
/// assert_eq!((u32::from_be_bytes(png[16..20].try_into().unwrap()), u32::from_be_bytes(png[20..24].try_into().unwrap())), (1200, 630));
/// ```
#[cfg(feature = "png")]
pub fn social_png(story: &Story, o: &Options) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let svg = page_svg(story, o, Page::Exact);
    let mut opt = usvg::Options::default();
    let fonts = opt.fontdb_mut();
    fonts.load_font_data(include_bytes!("../data/fonts/DejaVuSans.ttf").to_vec());
    fonts.load_font_data(include_bytes!("../data/fonts/DejaVuSans-Bold.ttf").to_vec());
    // Every family the stylesheet names falls back to the generic one.
    fonts.set_sans_serif_family("DejaVu Sans");
    opt.font_family = "DejaVu Sans".into();
    let tree = usvg::Tree::from_str(&svg, &opt).map_err(|e| format!("the SVG does not read: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("the image has no size")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("the PNG does not encode: {e}"))
}

/// What `width` × `height` measure on the standalone page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    /// The map; headline and credit come on top (print).
    MapSize,
    /// The whole page; the map takes what the headline and credit leave (social images).
    Exact,
}

fn page_svg(story: &Story, o: &Options, page: Page) -> String {
    let w = o.width.max(1.0);
    let language = Language::choose(&o.lang, story, Digits::Locale);
    let story = story.localized(&language.text);
    let rtl = is_rtl(language.strings.lang);
    let title = wrap(story.title.as_str(), w - 2.0 * PAD, 24.0);
    let top = PAD + title.len() as f64 * TITLE_LINE_PX;
    let credit = wrap(story.credit.as_str(), w - 2.0 * PAD, 12.0);
    let credit_h = if credit.is_empty() { 0.0 } else { 12.0 + credit.len() as f64 * CREDIT_LINE_PX };
    let owner = Owner::new();
    let ctx = owner.with(|| MapContext::new(story.clone(), Countries::Drawn(Basemap::natural_earth()), Parts::Drawn, Mode::Picture, w, None, &language));
    let keys = crate::ui::legend_keys(&ctx);
    // The key in rows of entries LEGEND_COL_PX wide.
    let per_row = (((w - 2.0 * PAD) / LEGEND_COL_PX).floor() as usize).max(1);
    let legend_h = if keys.is_empty() { 0.0 } else { 8.0 + keys.len().div_ceil(per_row) as f64 * CREDIT_LINE_PX };
    let credit_h = credit_h + legend_h;
    let h = match page {
        Page::MapSize => o.height.max(1.0),
        Page::Exact => (o.height - top - credit_h).max(MIN_PICTURE_MAP_PX),
    };
    let total = top + h + credit_h;
    let map = owner.with(|| {
        ctx.resize(w, h);
        without_markers(&view! { <Provider value=ctx><MapLayer /></Provider> }.to_html())
    });
    let mut out = String::with_capacity(160_000);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" lang="{}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"><style>{}</style><g class="tripmap{}"><rect class="tripmap__print-page" width="{}" height="{}"/>"#,
        num(w),
        num(total),
        num(w),
        num(total),
        esc(language.strings.lang),
        resolved_css(o.dark),
        if o.dark { " is-dark" } else { "" },
        num(w),
        num(total)
    );
    // Text starts at the reading side. Said with the anchor and an isolate, not `direction`,
    // which not every SVG renderer reads (resvg does not), as the map's labels do.
    let (x, anchor) = if rtl { (w - PAD, "end") } else { (PAD, "start") };
    for (i, line) in title.iter().enumerate() {
        let _ = write!(
            out,
            r#"<text class="tripmap__print-title" x="{}" y="{}" text-anchor="{anchor}">{}</text>"#,
            num(x),
            num(PAD + 22.0 + i as f64 * TITLE_LINE_PX),
            esc(&isolate(line, rtl))
        );
    }
    let _ = write!(out, r#"<g transform="translate(0 {})">{map}</g>"#, num(top));
    // The key under the map, as the HTML one: a sample of each line, then its name.
    for (i, key) in keys.iter().enumerate() {
        let (row, col) = (i / per_row, i % per_row);
        let y = top + h + 20.0 + row as f64 * CREDIT_LINE_PX;
        let sx = if rtl { w - PAD - col as f64 * LEGEND_COL_PX - 26.0 } else { PAD + col as f64 * LEGEND_COL_PX };
        let tx = if rtl { sx - 6.0 } else { sx + 32.0 };
        out.push_str(&crate::ui::key_line(key, format!("M{},{}h26", num(sx), num(y - 4.0))).to_html());
        let _ = write!(
            out,
            r#"<text class="tripmap__print-credit" x="{}" y="{}" text-anchor="{anchor}">{}</text>"#,
            num(tx),
            num(y),
            esc(&isolate(&key.name, rtl))
        );
    }
    for (i, line) in credit.iter().enumerate() {
        let _ = write!(
            out,
            r#"<text class="tripmap__print-credit" x="{}" y="{}" text-anchor="{anchor}">{}</text>"#,
            num(x),
            num(top + h + legend_h + 20.0 + i as f64 * CREDIT_LINE_PX),
            esc(&isolate(line, rtl))
        );
    }
    out.push_str("</g></svg>\n");
    out
}

/// Width of one entry of the standalone picture's key (sample, gap and name), px.
const LEGEND_COL_PX: f64 = 150.0;

/// The smallest map a social image is given, however long its headline.
const MIN_PICTURE_MAP_PX: f64 = 100.0;

/// The map's stylesheet with the theme's custom properties written out (`var(--_land)` →
/// `#f3f0e8`, each the default of its public `--tripmap-…` property) and the zoom factor, which
/// a standalone picture never changes, taken as 1: what SVG renderers without custom
/// properties need.
fn resolved_css(dark: bool) -> String {
    let mut css = strip_comments(MAP_CSS);
    let block = |selector: &str| css.split_once(selector).and_then(|(_, rest)| rest.split_once('}')).map_or(String::new(), |(b, _)| b.to_string());
    let mut vars: Vec<(String, String)> = vec![];
    let blocks = [block(".tripmap {"), if dark { block(".tripmap.is-dark {") } else { String::new() }];
    for decl in blocks.iter().flat_map(|b| b.split(';')) {
        let Some((name, value)) = decl.trim().split_once(':') else { continue };
        let Some(name) = name.trim().strip_prefix("--_") else { continue };
        let value = value.trim();
        // `var(--tripmap-land, #f3f0e8)`: the public property's default.
        let value = value.strip_prefix("var(").and_then(|v| v.strip_suffix(')')).and_then(|v| v.split_once(',')).map_or(value, |(_, d)| d.trim());
        vars.retain(|(n, _)| n != name);
        vars.push((name.to_string(), value.to_string()));
    }
    for (name, value) in &vars {
        css = css.replace(&format!("var(--_{name})"), value);
    }
    css = css.replace("var(--tripmap-k, 1)", "1");
    // `calc(2.2px / 1)` → `2.2px`.
    let mut out = String::with_capacity(css.len());
    let mut rest = css.as_str();
    while let Some(i) = rest.find("calc(") {
        let Some(j) = rest[i..].find(')') else { break };
        let inner = &rest[i + 5..i + j];
        out.push_str(&rest[..i]);
        match inner.strip_suffix(" / 1") {
            Some(value) if !value.contains('(') => out.push_str(value),
            _ => out.push_str(&rest[i..=i + j]),
        }
        rest = &rest[i + j + 1..];
    }
    out.push_str(rest);
    out
}

/// CSS without its `/* … */` comments.
fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
    }
    out.push_str(rest);
    out
}

/// Leptos's HTML without the `<!>` comments it marks text-node boundaries with for hydration:
/// the live map replaces the static one instead of hydrating it, and a standalone SVG is XML,
/// where `<!>` is no comment. (Story text is escaped, so no `<!>` of its own can be in it.)
fn without_markers(html: &str) -> String {
    html.replace("<!>", "")
}

/// Greedy word wrap by estimated width (labels' estimate: generous, so lines never overflow).
fn wrap(text: &str, width: f64, font_px: f64) -> Vec<String> {
    let mut lines: Vec<String> = vec![];
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if text_width(&format!("{line} {word}"), font_px) * 0.8 <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Text for HTML or XML, in content or a double-quoted attribute.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::Scene;

    #[test]
    fn a_static_map_drawn_from_the_text_the_page_hands_the_map_is_stamped_checked() {
        let json = crate::story::DEFAULT_STORY_JSON;
        let story = Story::default_story();
        let stamped = embed_html(&story, &Options { checked_text: Some(json.into()), ..Options::default() });
        let (key, checked) = (story.geometry_key(), checked_key(json, "en en"));
        assert!(stamped.starts_with(&format!(r#"<tripmap-view data-tripmap-static="{key}" data-tripmap-checked="{checked}"><template"#)));
        assert!(!embed_html(&story, &Options::default()).contains("data-tripmap-checked"), "no text, no stamp: the live map checks the story itself");
    }

    #[test]
    fn embed_html_holds_the_map_stops_and_cards_in_a_declarative_shadow_root() {
        let html = embed_html(&Story::default_story(), &Options::default());
        let key = Story::default_story().geometry_key();
        assert!(html.starts_with(&format!(r#"<tripmap-view data-tripmap-static="{key}"><template shadowrootmode="open"><link rel="stylesheet" href="tripmap-map.css"><div class="tripmap-mount"><div "#)));
        assert!(
            html.ends_with(r#"<span hidden class="tripmap__complete"></span></div></div></template></tripmap-view>"#),
            "the marker of a complete map comes last"
        );
        assert!(!html.contains("<!>"), "no hydration markers");
        assert!(!html.contains("style="), "no style attribute: a strict CSP blocks them");
        let scene = Scene::build(&Story::default_story(), Basemap::natural_earth(), 720.0, 450.0);
        // The same drawing as the live view's: every country and leg path of the scene.
        for leg in &scene.legs {
            assert!(
                html.contains(&format!(r#"data-leg="{}" data-mode="flight" data-distance-km="{}" d="{}""#, leg.key, leg.distance_km, leg.d)),
                "leg {}",
                leg.key
            );
        }
        assert_eq!(html.matches("class=\"tripmap__country").count(), scene.countries.len(), "countries drawn once");
        // The base layer in whole tenths of a pixel, under the transform that makes them pixels.
        assert!(html.contains(r#"" transform="scale(.1)" aria-hidden="true" class="tripmap__base">"#));
        assert!(scene.countries.iter().all(|c| html.contains(&format!(r#"d="{}""#, c.d)) && !c.d.contains('.')));
        // Two drawings, desktop and phone, the phone's reusing the countries.
        assert_eq!(html.matches(r#"class="tripmap__marker""#).count(), 8);
        let phone = Scene::build(&Story::default_story(), Basemap::natural_earth(), 358.0, 298.0);
        assert!(html.contains(r#"<svg viewBox="0 0 358 298""#));
        assert!(phone.legs.iter().all(|leg| html.contains(&format!(r#"d="{}""#, leg.d))));
        assert_eq!(html.matches("<use href=\"#tripmap-").count(), 1);
        let single = embed_html(&Story::default_story(), &Options { narrow: None, ..Options::default() });
        assert_eq!(single.matches(r#"class="tripmap__marker""#).count(), 4);
        assert!(!single.contains("is-wide") && !single.contains("<use"));
        assert!(html.contains(r#"<span class="tripmap__stop-name">Bogotá</span><span class="tripmap__stop-date">October 3"#));
        assert!(html.contains(">Blinken"), "the headline");
    }

    #[test]
    fn every_stop_opens_its_card_with_html_alone() {
        let story = Story::default_story();
        let html = embed_html(&story, &Options::default());
        for stop in &story.stops {
            let card = format!(r#"<section data-card="{}" aria-label="{}" tabindex="-1" id="tripmap-"#, stop.id, stop.name.get("en", "en"));
            assert_eq!(html.matches(&card).count(), 1, "{}: one card", stop.id);
            let id = html.split(&card).nth(1).unwrap().split('"').next().unwrap();
            let id = format!("tripmap-{id}");
            assert!(id.ends_with(&format!("-card-{}", stop.id)), "{id}");
            assert!(html.contains(&format!(r#"id="{id}" popover="auto""#)), "{id} is a popover");
            // Its markers (desktop and phone), its list button and its close button name it.
            assert_eq!(html.matches(&format!(r#"popovertarget="{id}""#)).count(), 4, "{id}: 2 markers, the list, the close button");
            assert!(html.contains(&format!(r#"popovertarget="{id}" popovertargetaction="hide""#)));
            assert!(html.contains(&format!(r#"<g data-stop="{}" class="tripmap__stop">"#, stop.id)), "{}: the documented hook", stop.id);
        }
    }

    #[test]
    fn a_story_with_steps_carries_them_after_its_stage_and_says_so_on_its_host() {
        let mut story = Story::default_story();
        assert!(!embed_html(&story, &Options::default()).contains("data-steps"), "no steps, no mark");
        story.steps = serde_json::from_str(r#"[{"text":"The trip <b>starts</b>"},{"stop":"lima","text":{"en":"Lima","es":"Lima, en el Perú"}}]"#).unwrap();
        let html = embed_html(&story, &Options::default());
        assert!(html.starts_with(&format!(r#"<tripmap-view data-tripmap-static="{}" data-steps data-scrolly>"#, story.geometry_key())));
        let stage = html.find(r#"<div class="tripmap__stage">"#).expect("the graphic in its stage");
        let steps = html.find(r#"<div class="tripmap__steps">"#).expect("the steps after it");
        assert!(stage < steps);
        assert!(html.contains(r#"<p data-tripmap-step="" class="tripmap__step-text">The trip &lt;b&gt;starts&lt;/b&gt;</p>"#), "text, never HTML");
        assert!(html.contains(r#"<p data-tripmap-step="lima" class="tripmap__step-text">Lima</p>"#));
        let es = embed_html(&story, &Options { lang: "es".into(), ..Options::default() });
        assert!(es.contains(r#"data-tripmap-step="lima" class="tripmap__step-text">Lima, en el Perú</p>"#), "in the reader's language");
    }

    #[test]
    fn story_text_is_escaped_and_the_language_chosen() {
        let mut story = Story::default_story();
        story.title = crate::story::Text::from("<script>alert(1)</script> & \"q\"");
        let html = embed_html(&story, &Options::default());
        assert!(!html.contains("<script>"));
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;") || html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"q\"")
        );
        let ar = embed_html(&Story::default_story(), &Options { lang: "ar".into(), ..Options::default() });
        assert!(ar.contains(r#"lang="ar" dir="rtl""#));
        assert!(ar.contains("أكتوبر"), "dates in Arabic");
        assert!(ar.contains('\u{2067}'), "labels isolated");
        assert!(ar.contains("مقرر"), "the scheduled mark in Arabic");
    }

    #[test]
    fn standalone_svg_wraps_the_headline_and_carries_its_styles() {
        let o = Options { width: 400.0, height: 300.0, ..Options::default() };
        let svg = standalone_svg(&Story::default_story(), &o);
        assert!(svg.contains(".tripmap__country"), "the stylesheet is inside");
        assert!(!svg.contains("var(--_"), "with its theme written out");
        let lines = svg.matches("tripmap__print-title").count() - resolved_css(false).matches("tripmap__print-title").count();
        assert!(lines >= 2, "a long headline wraps in 400 px: {lines}");
        assert!(
            svg.contains(r#"<g transform="translate(0 "#) && svg.contains(r#"<svg viewBox="0 0 400 300" width="400" height="300""#),
            "the map below the headline"
        );
        assert!(!svg.contains("<!>"), "well-formed XML");
        assert!(!svg.contains("popovertarget=") && !svg.contains("<button"), "nothing to click in a picture");
        // In pixels, under no transform: SVG readers such as resvg would scale the strokes too.
        assert!(svg.contains(r#"" aria-hidden="true" class="tripmap__base">"#) && !svg.contains("scale(.1)"), "the picture's base layer");
    }

    #[test]
    fn the_static_map_the_svg_and_the_png_draw_the_legs_in_their_modes_with_the_key() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/stories/");
        let json = std::fs::read_to_string(format!("{dir}kilimanjaro.json")).unwrap();
        let (story, _) =
            crate::import::read_file("kilimanjaro.json", &json, &mut |f| std::fs::read_to_string(format!("{dir}{f}")).map_err(|e| e.to_string())).unwrap();
        let o = Options::default();
        let (html, svg) = (embed_html(&story, &o), standalone_svg(&story, &o));
        let scene = Scene::build(&story, Basemap::natural_earth(), o.width, o.height);
        for leg in &scene.legs {
            let drawn = format!(r#"data-leg="{}" data-mode="{}" data-distance-km="{}" d="{}""#, leg.key, leg.mode.as_str(), leg.distance_km, leg.d);
            assert!(html.contains(&drawn) && svg.contains(&drawn), "{drawn}");
        }
        for name in ["Road", "On foot"] {
            assert!(html.contains(&format!("<span>{name}</span>")), "the static map's key: {name}");
            assert!(svg.contains(&format!(">{name}</text>")), "the picture's key: {name}");
        }
        assert_eq!(svg.matches(r#"data-mode="walk" d="M"#).count(), 1, "the picture's key samples each mode once");
        // No key when there is one mode only.
        assert!(!standalone_svg(&Story::default_story(), &o).contains("data-mode=\"flight\" d=\"M"));
        #[cfg(feature = "png")]
        assert!(social_png(&story, &Options { width: 600.0, height: 400.0, ..o }).is_ok());
    }

    #[test]
    fn every_route_colour_reads_on_land_and_sea_in_both_themes() {
        // WCAG 2 relative luminance and contrast ratio; lines need 3:1 against what they cross.
        let luminance = |hex: &str| {
            let h = hex.trim_start_matches('#');
            let c = |i: usize| {
                let v = u8::from_str_radix(&h[i..i + 2], 16).unwrap() as f64 / 255.0;
                if v <= 0.04045 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * c(0) + 0.7152 * c(2) + 0.0722 * c(4)
        };
        let contrast = |a: &str, b: &str| {
            let (a, b) = (luminance(a), luminance(b));
            (a.max(b) + 0.05) / (a.min(b) + 0.05)
        };
        for dark in [false, true] {
            let css = resolved_css(dark);
            let colour = |class: &str, property: &str| {
                let rule = css.split(class).nth(1).unwrap_or_else(|| panic!("{class}")).split('}').next().unwrap();
                rule.split(property).nth(1).unwrap().split(';').next().unwrap().trim().to_string()
            };
            let grounds = [".tripmap__country {", ".tripmap__country.is-visited {", ".tripmap__sphere {"].map(|g| colour(g, "fill:"));
            let lines = [
                ".tripmap__leg-line {",
                r#".tripmap__leg-line[data-palette="2"] {"#,
                r#".tripmap__leg-line[data-palette="3"] {"#,
                r#".tripmap__leg-line[data-palette="4"] {"#,
            ];
            for line in lines {
                let stroke = colour(line, "stroke:");
                for ground in &grounds {
                    assert!(contrast(&stroke, ground) >= 3.0, "dark {dark}: {line} {stroke} on {ground}: {:.2}", contrast(&stroke, ground));
                }
            }
        }
    }

    #[test]
    fn the_pictures_stylesheet_has_its_theme_written_out() {
        let (light, dark) = (resolved_css(false), resolved_css(true));
        assert!(light.contains(".tripmap__country { fill: #f3f0e8; stroke: #9fb6c8;"), "the land's default");
        assert!(dark.contains("#2b3541"), "the dark land");
        assert!(!light.contains("var(--_") && !dark.contains("var(--_"));
        assert!(!light.contains("var(--tripmap-k"), "the zoom factor is 1");
        assert!(light.contains("stroke-width: 2.2px"), "calc(2.2px / 1) is 2.2px");
        assert_eq!(strip_comments("a /* b */ c /* d"), "a  c ");
    }

    #[cfg(feature = "png")]
    #[test]
    fn a_social_card_is_the_size_asked_for_and_drawn_in_the_map_colours() {
        let png = social_png(&Story::default_story(), &Options { width: 1200.0, height: 630.0, ..Options::default() }).unwrap();
        let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
        assert_eq!((size(16), size(20)), (1200, 630));
        // Decoded again: the land, the visited countries and the route are in their colours,
        // so the stylesheet applied (unstyled, every shape would be black).
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
        let has = |rgb: (u8, u8, u8)| pixmap.pixels().iter().any(|p| (p.red(), p.green(), p.blue()) == rgb);
        assert!(has((0xf3, 0xf0, 0xe8)), "land");
        assert!(has((0xf9, 0xdc, 0xae)), "visited countries");
        assert!(has((0xdb, 0xe7, 0xf0)), "sea");
        let black = pixmap.pixels().iter().filter(|p| (p.red(), p.green(), p.blue(), p.alpha()) == (0, 0, 0, 255)).count();
        assert!(black < pixmap.pixels().len() / 100, "no shape left unstyled ({black} black pixels)");
    }

    #[test]
    fn wrap_keeps_words_whole() {
        assert_eq!(wrap("one two three", 1000.0, 24.0), vec!["one two three"]);
        assert_eq!(wrap("one two three", 60.0, 24.0), vec!["one", "two", "three"]);
        assert!(wrap("", 100.0, 24.0).is_empty());
    }
}
