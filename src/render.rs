//! The map as static markup, written natively from the same [`Scene`] the Leptos view draws:
//!
//! - [`embed_html`]: the graphic as the embed's own HTML, a `<tripmap-view>` with a declarative
//!   shadow root (the map's stylesheet, headline, map, stop list). Put inside the page's
//!   `<figure data-tripmap>` at build time, it is on screen with the page's first paint, before
//!   any script runs, kept apart from the page's CSS like the live map; it is what readers
//!   without JavaScript see; the live map replaces it when the wasm starts.
//! - [`standalone_svg`]: one self-contained SVG (headline, map, credit, its styles inside) for
//!   print and social images.
//!
//! The markup uses the live view's class names (`ui::map_layer`), so `tripmap-map.css` styles
//! both alike; the end-to-end tests compare the two. Of the live map's `data-*` hooks it keeps
//! only `data-country` (the live map reuses the static countries): `data-stop`, `data-leg` and
//! the rest name what a page's script or a test can act on, which only the live map offers.
//! Its stops carry `data-static-stop`: the loader keeps a click on one until the live map runs.
//!
//! ```
//! use tripmap::render::{standalone_svg, Options};
//! use tripmap::story::Story;
//! let svg = standalone_svg(&Story::default_story(), &Options::default());
//! assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
//! assert!(svg.contains("Bogotá"));
//! ```

use crate::basemap::Basemap;
use crate::format::Format;
use crate::i18n::{isolate, is_rtl, Strings};
use crate::labels::text_width;
use crate::path::num;
use crate::scene::{Label, Scene, DENSE_STOPS, HIT_R, MARKER_NUM_DY, MARKER_R};
use crate::story::{Stop, Story};
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
}

impl Default for Options {
    fn default() -> Self {
        Options { width: 720.0, height: 450.0, lang: String::new(), dark: false, stylesheet: "tripmap-map.css".into(), narrow: Some((358.0, 298.0)) }
    }
}

/// A story resolved to one language and laid out, with what its texts are written with.
struct Static {
    story: Story,
    scene: Scene,
    strings: &'static Strings,
    format: Format,
    rtl: bool,
    dark: bool,
}

impl Static {
    fn new(story: &Story, o: &Options) -> Static {
        let lang = if o.lang.trim().is_empty() { story.lang.clone() } else { o.lang.trim().to_string() };
        let strings = Strings::for_lang(&lang);
        let story = story.localized(&crate::i18n::base_lang(&lang));
        let scene = Scene::build(&story, Basemap::natural_earth(), o.width.max(1.0), o.height.max(1.0));
        Static { story, scene, strings, format: Format::for_lang(&lang), rtl: is_rtl(strings.lang), dark: o.dark }
    }

    fn root_class(&self) -> &'static str {
        if self.dark {
            "tripmap is-dark"
        } else {
            "tripmap"
        }
    }

    fn when(&self, stop: &Stop) -> String {
        stop.dates().map_or_else(|| stop.when.to_string(), |r| self.format.date_range(r))
    }

    /// The map: the live view's layers at the overview, without its buttons. An `<svg>` of its
    /// own (with `class` added), or with `top`, a group that far down a standalone SVG
    /// (clipped to the map's area). `scene` is `self.scene` or another size of it; with
    /// `draw_base`, the base layer is drawn (id `tripmap-static-base`), else `self.scene`'s is
    /// reused through `<use>`.
    fn map(&self, out: &mut String, scene: &Scene, class: &str, top: Option<f64>, draw_base: bool) {
        let s = scene;
        let names: Vec<&str> = self.story.stops.iter().map(|s| s.name.as_str()).collect();
        let dense = if names.len() > DENSE_STOPS { " is-dense" } else { "" };
        let (w, h, label) = (num(s.width), num(s.height), esc(&self.strings.map_label(&names)));
        let close = match top {
            None => {
                let _ = write!(out, r#"<svg class="tripmap__svg{dense}{class}" viewBox="0 0 {w} {h}" role="img" aria-label="{label}">"#);
                "</svg>"
            }
            Some(y) => {
                let _ = write!(
                    out,
                    r#"<clipPath id="tripmap-map-area"><rect width="{w}" height="{h}"/></clipPath><g class="tripmap__svg{dense}{class}" transform="translate(0 {})" clip-path="url(#tripmap-map-area)" role="img" aria-label="{label}">"#,
                    num(y)
                );
                "</g>"
            }
        };
        out.push_str(r#"<g class="tripmap__zoom">"#);
        if draw_base {
            out.push_str(r#"<g class="tripmap__base" id="tripmap-static-base" aria-hidden="true">"#);
            let _ = write!(out, r#"<path class="tripmap__sphere" d="{}"/><path class="tripmap__graticule" d="{}"/>"#, s.sphere, s.graticule);
            for c in &s.countries {
                let class = if c.visited { "tripmap__country is-visited" } else { "tripmap__country" };
                let _ = write!(out, r#"<path class="{class}" data-country="{}" d="{}"/>"#, esc(&c.id), c.d);
            }
            let _ = write!(out, r#"<path class="tripmap__coast" d="{}"/><path class="tripmap__borders" d="{}"/></g>"#, s.coastlines, s.borders);
        } else {
            // The same countries, carried onto this size (its strokes do not scale).
            let (k, tx, ty) = self.scene.fit().refit_to(&s.fit());
            let _ = write!(out, r##"<use href="#tripmap-static-base" transform="matrix({k:.6} 0 0 {k:.6} {tx:.2} {ty:.2})"/>"##);
        }
        out.push_str(r#"<g class="tripmap__routes">"#);
        for leg in &s.legs {
            let _ = write!(
                out,
                r#"<g class="tripmap__leg"><path class="tripmap__leg-line" d="{}" pathLength="1"/></g>"#,
                leg.d
            );
        }
        out.push_str(r#"</g></g><g class="tripmap__leg-labels" aria-hidden="true">"#);
        for (leg, label) in s.legs.iter().zip(&s.labels.legs) {
            self.text(out, "tripmap__leg-label", label, &self.format.km(leg.distance_km));
        }
        out.push_str(r#"</g><g class="tripmap__stops-layer" aria-hidden="true">"#);
        for (i, stop) in s.stops.iter().enumerate() {
            let _ = write!(
                out,
                r#"<g class="tripmap__stop" data-static-stop="{}"><circle class="tripmap__hit" cx="{x}" cy="{y}" r="{}"/><circle class="tripmap__marker" cx="{x}" cy="{y}" r="{}"/>"#,
                esc(&self.story.stops[i].id),
                num(HIT_R),
                num(MARKER_R),
                x = num(stop.x),
                y = num(stop.y),
            );
            self.text(out, "tripmap__label", &s.labels.stops[i], &stop.name);
            out.push_str("</g>");
        }
        out.push_str(r#"</g><g class="tripmap__numbers" aria-hidden="true">"#);
        for (i, stop) in s.stops.iter().enumerate() {
            let _ = write!(out, r#"<text class="tripmap__marker-num" x="{}" y="{}" text-anchor="middle">{}</text>"#, num(stop.x), num(stop.y + MARKER_NUM_DY), self.format.number(i as u64 + 1));
        }
        let bar = &s.labels.scale_bar;
        let _ = write!(
            out,
            r#"</g><g class="tripmap__scale" aria-hidden="true"><path class="tripmap__scale-bar" d="{}"/><text class="tripmap__scale-label" x="{}" y="{}">{}</text></g>{close}"#,
            bar.path(),
            num(bar.x),
            num(bar.y - 8.0),
            esc(&isolate(&self.format.km(bar.km), self.rtl))
        );
    }

    /// A placed label; one with no room is left out, as the live view hides it.
    fn text(&self, out: &mut String, class: &str, l: &Label, text: &str) {
        if l.visible {
            let _ = write!(out, r#"<text class="{class}" x="{}" y="{}" text-anchor="{}">{}</text>"#, num(l.x), num(l.y), l.anchor, esc(&isolate(text, self.rtl)));
        }
    }
}

/// The graphic as the embed's static HTML: a `<tripmap-view>` whose declarative shadow root
/// holds the map's stylesheet link, the headline, the map, the stops with their dates and the
/// credit (the live view's structure and classes). Marked `data-tripmap-static` with the story's
/// [`Story::geometry_key`]: the live map takes its place, and reuses its countries when the
/// key is its own story's.
pub fn embed_html(story: &Story, o: &Options) -> String {
    let st = Static::new(story, o);
    let story = &st.story;
    let mut out = String::with_capacity(160_000);
    let _ = write!(
        out,
        r#"<tripmap-view data-tripmap-static="{}"><template shadowrootmode="open"><link rel="stylesheet" href="{}"><div class="tripmap-mount"><div class="{}" lang="{}" dir="{}"><header class="tripmap__header"><h2 class="tripmap__title">{}</h2>"#,
        story.geometry_key(),
        esc(&o.stylesheet),
        st.root_class(),
        esc(st.strings.lang),
        if st.rtl { "rtl" } else { "ltr" },
        esc(story.title.as_str())
    );
    if !story.standfirst.is_empty() {
        let _ = write!(out, r#"<p class="tripmap__standfirst">{}</p>"#, esc(story.standfirst.as_str()));
    }
    out.push_str(r#"</header><div class="tripmap__body"><div class="tripmap__map">"#);
    // A second drawing for phones, sharing the countries: the desktop one, scaled down to a
    // phone's map area, would have 6 px labels until the live map re-fits it (and for good
    // without JavaScript). The CSS shows the one that fits the map's width.
    // Its own countries are never drawn: laid out on no basemap.
    let narrow = o.narrow.map(|(w, h)| Scene::build(&st.story, Basemap::empty(), w, h));
    st.map(&mut out, &st.scene, if narrow.is_some() { " is-wide" } else { "" }, None, true);
    if let Some(narrow) = &narrow {
        st.map(&mut out, narrow, " is-narrow", None, false);
    }
    // The stepper's place, with its status only (its buttons need the live map): the list
    // stays where it is when the live map takes over.
    let _ = write!(
        out,
        r#"</div><div class="tripmap__aside"><div class="tripmap__aside-scroll"><div class="tripmap__stepper is-static"><span class="tripmap__step-status">{}</span></div><ol class="tripmap__stop-list" aria-label="{}">"#,
        esc(&st.strings.stop_count(story.stops.len(), &st.format.number(story.stops.len() as u64))),
        esc(st.strings.stops)
    );
    for (i, stop) in story.stops.iter().enumerate() {
        let _ = write!(
            out,
            r#"<li><div class="tripmap__stop-button" data-static-stop="{}"><span class="tripmap__stop-num" aria-hidden="true">{}</span><span class="tripmap__stop-name">{}</span><span class="tripmap__stop-date">{}</span></div></li>"#,
            esc(&stop.id),
            st.format.number(i as u64 + 1),
            esc(stop.name.as_str()),
            esc(&st.when(stop))
        );
    }
    out.push_str("</ol></div></div></div>");
    if !story.credit.is_empty() {
        let _ = write!(out, r#"<p class="tripmap__credit">{}</p>"#, esc(story.credit.as_str()));
    }
    // The last element: the stylesheet shows the static map once this has been parsed, so a
    // reader never sees a map with countries but no routes yet (pages are parsed piece by piece).
    out.push_str(r#"<span class="tripmap__complete" hidden></span></div></div></template></tripmap-view>"#);
    out
}

/// Headline band height above the map in a standalone SVG, per line of headline.
const TITLE_LINE_PX: f64 = 30.0;
const CREDIT_LINE_PX: f64 = 16.0;
const PAD: f64 = 16.0;

/// One self-contained SVG: the headline (wrapped), the map at `width` × `height`, the credit;
/// the map's stylesheet inside, so it renders the same in a browser, Inkscape or a print
/// pipeline that reads CSS.
pub fn standalone_svg(story: &Story, o: &Options) -> String {
    let st = Static::new(story, o);
    let (w, h) = (st.scene.width, st.scene.height);
    let title = wrap(st.story.title.as_str(), w - 2.0 * PAD, 24.0);
    let top = PAD + title.len() as f64 * TITLE_LINE_PX;
    let credit = wrap(st.story.credit.as_str(), w - 2.0 * PAD, 12.0);
    let total = top + h + if credit.is_empty() { 0.0 } else { 12.0 + credit.len() as f64 * CREDIT_LINE_PX };
    let mut out = String::with_capacity(160_000);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" lang="{}" direction="{}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"><style>{}</style><g class="{}"><rect class="tripmap__print-page" width="{}" height="{}"/>"#,
        num(w),
        num(total),
        num(w),
        num(total),
        esc(st.strings.lang),
        if st.rtl { "rtl" } else { "ltr" },
        MAP_CSS,
        st.root_class(),
        num(w),
        num(total)
    );
    // Text starts at the reading side (`start` follows `direction`).
    let x = if st.rtl { w - PAD } else { PAD };
    for (i, line) in title.iter().enumerate() {
        let _ = write!(out, r#"<text class="tripmap__print-title" x="{}" y="{}">{}</text>"#, num(x), num(PAD + 22.0 + i as f64 * TITLE_LINE_PX), esc(line));
    }
    st.map(&mut out, &st.scene, "", Some(top), true);
    for (i, line) in credit.iter().enumerate() {
        let _ = write!(out, r#"<text class="tripmap__print-credit" x="{}" y="{}">{}</text>"#, num(x), num(top + h + 20.0 + i as f64 * CREDIT_LINE_PX), esc(line));
    }
    out.push_str("</g></svg>\n");
    out
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

    #[test]
    fn embed_html_holds_the_map_and_stops_in_a_declarative_shadow_root() {
        let html = embed_html(&Story::default_story(), &Options::default());
        let key = Story::default_story().geometry_key();
        assert!(html.starts_with(&format!(r#"<tripmap-view data-tripmap-static="{key}"><template shadowrootmode="open"><link rel="stylesheet" href="tripmap-map.css">"#)));
        assert!(html.ends_with("</template></tripmap-view>"));
        let scene = Scene::build(&Story::default_story(), Basemap::natural_earth(), 720.0, 450.0);
        // The same drawing as the live view's: every country and leg path of the scene.
        for leg in &scene.legs {
            assert!(html.contains(&format!(r#"d="{}""#, leg.d)), "leg {}", leg.key);
        }
        assert_eq!(html.matches("<path class=\"tripmap__country").count(), scene.countries.len(), "countries drawn once");
        // Two drawings, desktop and phone, the phone's reusing the countries.
        assert_eq!(html.matches(r#"<circle class="tripmap__marker""#).count(), 8);
        let phone = Scene::build(&Story::default_story(), Basemap::natural_earth(), 358.0, 298.0);
        assert!(html.contains(r#"<svg class="tripmap__svg is-narrow" viewBox="0 0 358 298""#));
        assert!(phone.legs.iter().all(|leg| html.contains(&format!(r#"d="{}""#, leg.d))));
        assert_eq!(html.matches(r##"<use href="#tripmap-static-base""##).count(), 1);
        let single = embed_html(&Story::default_story(), &Options { narrow: None, ..Options::default() });
        assert_eq!(single.matches(r#"<circle class="tripmap__marker""#).count(), 4);
        assert!(!single.contains("is-wide") && !single.contains("<use"));
        assert!(html.contains(r#"<span class="tripmap__stop-name">Bogotá</span><span class="tripmap__stop-date">October 3"#));
        assert!(html.contains(">Blinken"), "the headline");
    }

    #[test]
    fn story_text_is_escaped_and_the_language_chosen() {
        let mut story = Story::default_story();
        story.title = crate::story::Text::from("<script>alert(1)</script> & \"q\"");
        let html = embed_html(&story, &Options::default());
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;"));
        let ar = embed_html(&Story::default_story(), &Options { lang: "ar".into(), ..Options::default() });
        assert!(ar.contains(r#"lang="ar" dir="rtl""#));
        assert!(ar.contains("أكتوبر"), "dates in Arabic");
        assert!(ar.contains('\u{2067}'), "labels isolated");
    }

    #[test]
    fn standalone_svg_wraps_the_headline_and_carries_its_styles() {
        let o = Options { width: 400.0, height: 300.0, ..Options::default() };
        let svg = standalone_svg(&Story::default_story(), &o);
        assert!(svg.contains(".tripmap__country"), "the stylesheet is inside");
        let lines = svg.matches("tripmap__print-title").count() - MAP_CSS.matches("tripmap__print-title").count();
        assert!(lines >= 2, "a long headline wraps in 400 px: {lines}");
        assert!(svg.contains(r#"<g class="tripmap__svg" transform="translate(0 "#), "the map below the headline");
        assert_eq!(svg.matches("<svg ").count(), 1, "one <svg> element, the map a group in it");
    }

    #[test]
    fn wrap_keeps_words_whole() {
        assert_eq!(wrap("one two three", 1000.0, 24.0), vec!["one two three"]);
        assert_eq!(wrap("one two three", 60.0, 24.0), vec!["one", "two", "three"]);
        assert!(wrap("", 100.0, 24.0).is_empty());
    }
}
