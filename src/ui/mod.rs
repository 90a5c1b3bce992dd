//! Leptos components: thin, named for what the reader sees. All geometry comes ready-made from
//! [`crate::scene::Scene`] and [`crate::zoom`]; components wire it to the DOM and to the map's
//! state in [`MapContext`]: the selected stop and the view (zoom and pan).
//!
//! The same components draw the live map in the browser ([`Drawing::Live`]) and, rendered to
//! HTML natively at build time, the static map ([`Drawing::Static`], see `crate::render`). A
//! component's body therefore runs natively too: the browser is called only from event handlers,
//! effects and the leaf modules [`page`] and `crate::intl`.

#[cfg(lean)]
mod adopted;
#[cfg(not(lean))]
mod card_body;
mod controls;
mod error_panel;
mod gestures;
mod legend;
mod map_layer;
pub mod page;
mod stop_card;
mod stop_list;
mod trip_map;

pub use error_panel::ErrorPanel;
pub use legend::{key_line, legend_keys, LegendKey};
pub use map_layer::MapLayer;
pub use trip_map::TripMap;

use crate::basemap::Basemap;
use crate::format::{Digits, Locale};
use crate::i18n::Strings;
use crate::scene::{Fit, Scene, SceneLabels, Trip};
use crate::story::Story;
use crate::zoom::{ease, SmoothZoom, View};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Below this container width the card is a sheet over the map. Matches www/tripmap-map.css.
pub const SHEET_PX: f64 = 600.0;
/// Marks a page's static map (the `<tripmap-view>` written at build time), with the story's
/// [`Story::geometry_key`](crate::story::Story::geometry_key): the live map takes its place and
/// reuses its countries when the key is its own story's.
pub const STATIC_ATTR: &str = "data-tripmap-static";
/// On a static map drawn from a story's JSON text as the page hands it to the map, with that
/// text's [`checked_key`](crate::story::checked_key): the checks ran when it was drawn, so the
/// lean map module (`tripmap-core`) draws the live map over it without them.
pub const CHECKED_ATTR: &str = "data-tripmap-checked";
/// Set on the `<tripmap-view>` host of a map whose story has its own steps: the page side's
/// stylesheet (tripmap.css) then lets the figure grow to hold them.
pub const STEPS_ATTR: &str = "data-steps";
/// Set on the `<tripmap-view>` host of a map that a scrolling story drives (its story's own
/// steps, or the page's, as the loader finds them): the map's stylesheet keeps its card within
/// the map's box and makes way for the steps.
pub const SCROLLY_ATTR: &str = "data-scrolly";
/// On screens this narrow the sheet covers the screen's lower half. Matches www/tripmap-map.css.
const SHEET_MEDIA: &str = "(max-width: 599px)";

/// The static map's prefix for `id`s: its shadow root scopes them, and fixed ones keep the
/// build's output the same from one build to the next.
#[cfg(any(not(target_arch = "wasm32"), lean))]
const STATIC_IDS: &str = "tripmap";

/// A prefix unique on the page, for `id`s that ARIA attributes point at.
fn unique_prefix() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("tripmap-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The language a map is shown in, worked out from the page and the story.
#[derive(Debug, Clone)]
pub struct Language {
    /// Language for story text (fallback per field to the story's own).
    pub text: String,
    pub strings: &'static Strings,
    pub locale: Locale,
    pub rtl: bool,
}

impl Language {
    /// `requested`: from `data-lang` or the page's `lang` ("" for none, then the story's own).
    pub fn choose(requested: &str, story: &Story, digits: Digits) -> Language {
        let requested = if requested.trim().is_empty() { story.lang.as_str() } else { requested.trim() };
        let strings = Strings::for_lang(requested);
        let base = crate::i18n::base_lang(requested);
        // Intl gets the page's full tag (es-CO) when the interface speaks its language.
        let tag = if base == strings.lang { requested } else { strings.lang };
        let locale = Locale::for_tag(tag, strings.lang, digits);
        Language { text: base, strings, locale, rtl: crate::i18n::is_rtl(strings.lang) }
    }

    /// What a static map drawn in this language is stamped with besides its story's text
    /// ([`checked_key`](crate::story::checked_key)): the languages of the story's text and of
    /// the interface. Dates and numbers follow from the latter: the build writes them natively,
    /// as the lean map module does (it has no `Intl`).
    pub fn key(&self) -> String {
        format!("{} {}", self.text, self.strings.lang)
    }
}

/// A map's colours (`data-theme`), parsed once at the boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Any other value: a map that turned dark on its own inside a white article would clash.
    #[default]
    Light,
    Dark,
    /// Follows the reader's system setting, live.
    Auto,
}

impl Theme {
    /// `"dark"` or `"auto"` (any case); anything else is light.
    pub fn parse(s: &str) -> Theme {
        match s.trim().to_ascii_lowercase().as_str() {
            "dark" => Theme::Dark,
            "auto" => Theme::Auto,
            _ => Theme::Light,
        }
    }
}

/// What a map is drawn as, with what each needs.
#[derive(Clone)]
pub enum Drawing {
    /// In the browser: laid out for its measured box (mounted into a box `container_px` wide)
    /// and again whenever it changes, one card open at a time, zoom, pan and the page's commands.
    /// `parts`: where the parts that stay as they are come from.
    Live { container_px: f64, commands: Option<RwSignal<Option<Command>>>, parts: Parts },
    /// At build time, for a map area of `width` × `height` px, with a second drawing for a
    /// phone's map area of `narrow` (shown below 600 px) sharing the first one's countries: every
    /// card is in it, opened by HTML alone (popovers). Native builds only: the wasm never draws
    /// a static map, and so carries none of its code.
    #[cfg(not(target_arch = "wasm32"))]
    Static { width: f64, height: f64, narrow: Option<(f64, f64)> },
}

/// How the components draw a map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// [`Drawing::Live`].
    Live,
    /// [`Drawing::Static`].
    #[cfg(not(target_arch = "wasm32"))]
    Static,
    /// The map alone as a picture, nothing to click (a standalone SVG for print and images).
    #[cfg(not(target_arch = "wasm32"))]
    Picture,
}

impl Mode {
    /// The units its base layer is written in (see [`crate::scene::BASE_UNITS`]).
    fn base_units(self) -> crate::path::Units {
        match self {
            #[cfg(not(target_arch = "wasm32"))]
            Mode::Picture => crate::path::Units::Pixels,
            _ => crate::scene::BASE_UNITS,
        }
    }
}

/// A card open when the map starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Open {
    /// Restored from a deep link: framed, focus stays where it is.
    Link(String),
    /// Open on the static map this map replaces: it stays open as it was (the view stays the
    /// whole trip); `focus` when focus was inside the static map, and then moves into the card.
    Kept { stop: String, focus: bool },
}

/// How a card that appears takes focus (moving focus into it makes screen readers announce it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardFocus {
    No,
    /// Scrolled into view if need be (a reader opened it), except in a phone's sheet or a
    /// scrolling story ([`MapContext::focus_in_place`]).
    IntoView,
    /// Where it is: the card a reader opened on the static map, kept by the live map, which
    /// must not move the page or its column.
    InPlace,
}

/// How a selection came about: it decides focus, animation and the `tripmap:select` event.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A reader's action: the map flies, focus moves into the card so that it is announced,
    /// and the page hears of it.
    Reader,
    /// The page's script (the JS API): the map flies; focus stays where it is; no event.
    Page,
    /// Restored from a deep link on load: no animation, focus stays where it is.
    Link,
    /// A step of a scrolling story crossed the reading line: the map flies; focus stays where
    /// it is; no event, and the page's URL is left alone (a scroll is no reader's choice to share).
    Step,
}

/// A request from the page's script to one map (see `embed::MapHandle`).
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Select(String),
    Close,
    /// A scrolling story's step: its stop's id, or none for the whole trip.
    Step(Option<String>),
}

/// Where a map's countries come from.
#[derive(Clone)]
pub enum Countries {
    /// Drawn from the basemap for each scene: natively, and in the standalone map module for a
    /// map without a static map (the lean one has no basemap).
    #[cfg(any(not(target_arch = "wasm32"), feature = "standalone"))]
    Drawn(&'static Basemap),
    /// Reused from the page's static map: its base layer (sea, graticule, countries, coasts,
    /// borders), drawn with `fit`, whose [`Fit::refit_to`] places it on every scene of this map.
    Reused { layer: SendWrapper<web_sys::Element>, fit: Fit },
    /// The static map's phone drawing: the first drawing's base layer (drawn with `fit`),
    /// shown again through `<use>`.
    #[cfg(not(target_arch = "wasm32"))]
    Shared { fit: Fit },
}

impl Countries {
    /// What scenes draw their countries from: the basemap, or none when they come from elsewhere.
    fn basemap(&self) -> Option<&'static Basemap> {
        match self {
            #[cfg(any(not(target_arch = "wasm32"), feature = "standalone"))]
            Countries::Drawn(b) => Some(b),
            Countries::Reused { .. } => None,
            #[cfg(not(target_arch = "wasm32"))]
            Countries::Shared { .. } => None,
        }
    }
}

/// Where the parts of a map that stay as they are while the reader uses it come from: the
/// headline, the stop list, the cards, the key, the text description, the credit and the story's
/// own steps.
#[derive(Clone)]
pub enum Parts {
    /// Drawn by the components from the story: natively, and in the standalone map module.
    #[cfg(not(lean))]
    Drawn,
    /// The lean map module's: taken from the page's static map (its root, `.tripmap`), which the
    /// build drew from this very text in this very language (the host's `data-tripmap-checked`,
    /// see [`checked_key`](crate::story::checked_key)). The live map moves each part into its own
    /// tree where the components would draw it, and wires the stop list's and cards' buttons.
    #[cfg(lean)]
    Adopted(SendWrapper<web_sys::Element>),
}

/// One map's state, provided as context to its components.
#[derive(Clone)]
pub struct MapContext {
    pub story: Arc<Story>,
    /// The story's geodesics, distances and countries, computed once for every size.
    pub trip: Arc<Trip>,
    /// The drawing for the map area's size; none until the area has been measured (so a map
    /// is laid out once, at its real size), replaced when it changes size.
    pub scene: RwSignal<Option<Arc<Scene>>>,
    /// The open stop.
    pub selected: RwSignal<Option<usize>>,
    /// Zoom and pan.
    pub view: RwSignal<View>,
    /// Labels and scale bar for the current scene and view.
    pub labels: Memo<SceneLabels>,
    /// Prefix for this map's element ids.
    pub ids: Arc<str>,
    /// Query parameter holding the open stop in the page's URL, if deep links are on.
    pub link_param: Option<Arc<str>>,
    /// The map's root element (`.tripmap`), inside its shadow root.
    pub root: NodeRef<leptos::html::Div>,
    /// Whether, and how, the next card to open takes focus.
    focus_card: StoredValue<CardFocus>,
    /// Bumped by every new animation; a running one stops when it sees a newer number.
    flight: StoredValue<u32>,
    /// How much of the map area's bottom the open card covers, where the view frames its stop
    /// above it (px): the map may move up by as much (see [`View::clamped_over`]).
    occluded: StoredValue<f64>,
    /// The container is narrow: the card is a sheet over the map.
    pub narrow: RwSignal<bool>,
    /// Interface strings in the map's language.
    pub strings: &'static Strings,
    /// Locale for dates and numbers.
    pub locale: Arc<Locale>,
    /// The language reads right to left: the interface mirrors (the map does not).
    pub rtl: bool,
    /// The countries' source.
    pub countries: Countries,
    /// The source of the parts that stay as they are.
    pub parts: Parts,
    /// Live in the browser, or static HTML made at build time.
    pub mode: Mode,
    /// The page opted in to loading stops' remote images (`data-remote-images`); otherwise
    /// media are links and nothing is fetched from another host.
    pub remote_images: bool,
}

impl MapContext {
    /// `container_px`: the width of the box the map is mounted into. The scene comes with the
    /// first [`MapContext::resize`], once the map area has been measured.
    pub fn new(story: Story, countries: Countries, parts: Parts, mode: Mode, container_px: f64, link_param: Option<String>, language: &Language) -> Self {
        let trip = Trip::new(&story, countries.basemap());
        let scene = RwSignal::new(None::<Arc<Scene>>);
        let view = RwSignal::new(View::OVERVIEW);
        let labels = labels_of(scene, view);
        MapContext {
            story: Arc::new(story),
            trip: Arc::new(trip),
            scene,
            selected: RwSignal::new(None),
            view,
            labels,
            // Unique on the page for a live map; the static map's shadow root scopes its ids, and
            // fixed ones keep the build's output the same from one build to the next.
            ids: match mode {
                Mode::Live => unique_prefix().into(),
                #[cfg(not(target_arch = "wasm32"))]
                Mode::Static | Mode::Picture => STATIC_IDS.into(),
            },
            link_param: link_param.map(Into::into),
            root: NodeRef::new(),
            focus_card: StoredValue::new(CardFocus::No),
            flight: StoredValue::new(0),
            occluded: StoredValue::new(0.0),
            narrow: RwSignal::new(container_px < SHEET_PX),
            strings: language.strings,
            locale: Arc::new(language.locale.clone()),
            rtl: language.rtl,
            countries,
            parts,
            mode,
            remote_images: false,
        }
    }

    /// The same map drawn a second time, for a map area of `width` × `height` px, with
    /// `countries`: the static map's phone drawing.
    pub fn redrawn(&self, countries: Countries, width: f64, height: f64) -> MapContext {
        let scene = RwSignal::new(Some(Arc::new(Scene::build_trip(&self.story, &self.trip, countries.basemap(), self.mode.base_units(), width, height))));
        let view = RwSignal::new(View::OVERVIEW);
        MapContext { scene, view, labels: labels_of(scene, view), countries, ..self.clone() }
    }

    /// The scene's size in pixels ((0, 0) before the first measurement).
    pub fn size(&self) -> (f64, f64) {
        self.scene.with_untracked(|s| s.as_ref().map_or((0.0, 0.0), |s| (s.width, s.height)))
    }

    /// Re-fits the map to a map area of `width` × `height` px: a new scene, the same open stop
    /// framed again (or the whole trip), no animation.
    pub fn resize(&self, width: f64, height: f64) {
        let (w, h) = (width.round().max(MIN_MAP_PX), height.round().max(MIN_MAP_PX));
        let (cw, ch) = self.size();
        if (cw - w).abs() < 1.0 && (ch - h).abs() < 1.0 {
            return;
        }
        // The first fit, or a re-fit: the open stop framed again, or the whole trip.
        let scene = Scene::build_trip(&self.story, &self.trip, self.countries.basemap(), self.mode.base_units(), w, h);
        let view = match self.selected.get_untracked() {
            Some(i) => scene.focus_view(i, 0.0).clamped(w, h),
            None => View::OVERVIEW,
        };
        self.flight.update_value(|g| *g += 1);
        self.scene.set(Some(Arc::new(scene)));
        self.view.set(view);
    }

    /// A label for screen text in the map's direction: in a right-to-left language the text is
    /// isolated right to left (RLI … PDI), so "٤٬٢٣٩ كم" keeps its order inside the map's
    /// left-to-right drawing, where label anchors mean left and right.
    pub fn isolate(&self, text: &str) -> String {
        crate::i18n::isolate(text, self.rtl)
    }

    /// An id for one of this map's elements.
    pub fn id(&self, part: &str) -> String {
        format!("{}-{part}", self.ids)
    }

    /// The id of stop `i`'s card in the static map, which its buttons open (`popovertarget`).
    pub fn card_id(&self, i: usize) -> String {
        self.id(&format!("card-{}", self.story.stops[i].id))
    }

    /// The first element of this map matching `selector`.
    fn find(&self, selector: &str) -> Option<web_sys::Element> {
        self.root.get_untracked()?.query_selector(selector).ok().flatten()
    }

    /// Whether focus moving into a card must leave the page where it is: a phone's sheet, or a
    /// scrolling story, whose map stays on screen while a scroll would move the reader's text
    /// (and with it the step that selects a stop).
    pub fn focus_in_place(&self) -> bool {
        self.narrow.get_untracked() || self.root.get_untracked().is_some_and(|r| page::in_scrolly(&r))
    }

    /// When a stop was, for the card and the list: its dates in the reader's locale, else the
    /// time as written (`when`), else nothing.
    pub fn when(&self, stop: &crate::story::Stop) -> String {
        match stop.dates() {
            Some(range) => self.locale.date_range(range),
            None => stop.when.to_string(),
        }
    }

    /// Opens stop `i`'s card and flies to it.
    pub fn select(&self, i: usize, origin: Origin) {
        if i >= self.story.stops.len() {
            return;
        }
        // Focus in the card that is about to hide would fall to the page, and with it the keys
        // that follow (a held arrow key): it moves into the new card as soon as that shows (the
        // view updates in this task's microtasks), before any other key.
        let card_focused = origin == Origin::Reader && self.root.get_untracked().is_some_and(|r| page::focus_within(&r, "[data-card]"));
        self.focus_card.set_value(if origin == Origin::Reader && !card_focused { CardFocus::IntoView } else { CardFocus::No });
        self.selected.set(Some(i));
        if card_focused {
            let ctx = self.clone();
            queue_microtask(move || {
                let shown = format!("[data-card=\"{}\"]:not([hidden])", ctx.story.stops[i].id);
                if let Some(card) = ctx.find(&shown).and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
                    page::focus_card(&card, ctx.focus_in_place());
                }
            });
        }
        // Before the first measurement there is nothing to fly over: the first fit frames it.
        if let Some(scene) = self.scene.get_untracked() {
            // On phones the card is a bottom sheet: bring the map up and frame the stop above it.
            let occluded = match origin {
                _ if !self.narrow.get_untracked() => 0.0,
                Origin::Reader if page::media_matches(SHEET_MEDIA) => {
                    self.find(".tripmap__svg").map_or(0.0, |svg| page::make_room_for_sheet(&svg, scene.width))
                }
                Origin::Step => match (self.root.get_untracked(), self.find(".tripmap__svg")) {
                    (Some(root), Some(svg)) => page::sheet_within(&root, &svg, scene.width),
                    _ => 0.0,
                },
                _ => 0.0,
            };
            self.occluded.set_value(occluded);
            // A jump (a deep link's, or for a reader who asked for reduced motion) shows with the card.
            if origin == Origin::Link || page::prefers_reduced_motion() {
                self.fly_to(scene.focus_view(i, occluded), false);
            } else {
                self.fly_to_after_frame(i);
            }
        }
        if origin != Origin::Step {
            page::write_link(self.link_param.as_deref(), Some(&self.story.stops[i].id));
        }
        if let (Origin::Reader, Some(root)) = (origin, self.root.get_untracked()) {
            page::announce_select(root.into(), self.story.stops[i].id.clone());
        }
    }

    /// Opens stop `i`'s card as it was open on the static map this map replaced: the view stays
    /// as it is, no event, and the URL too (the static map never wrote the card into it, and a
    /// card a scrolling story's step opened is no reader's choice to share); focus moves into
    /// the card only if it was inside the map.
    pub fn keep_open(&self, i: usize, focus: bool) {
        if i < self.story.stops.len() {
            self.focus_card.set_value(if focus { CardFocus::InPlace } else { CardFocus::No });
            self.selected.set(Some(i));
        }
    }

    /// The index of the stop with this id.
    pub fn stop_index(&self, id: &str) -> Option<usize> {
        self.story.stops.iter().position(|s| s.id == id)
    }

    /// Carries out a request from the page's script.
    pub fn run(&self, command: &Command) {
        match command {
            Command::Select(id) => {
                if let Some(i) = self.stop_index(id) {
                    self.select(i, Origin::Page);
                }
            }
            Command::Close => {
                self.clear();
            }
            Command::Step(Some(id)) => {
                if let Some(i) = self.stop_index(id) {
                    self.select(i, Origin::Step);
                }
            }
            Command::Step(None) => {
                // Not `clear`: a scroll leaves the URL alone.
                self.deselect();
                self.overview();
            }
        }
    }

    /// Opens stop `i`, or closes it if it is open.
    pub fn toggle(&self, i: usize) {
        if self.selected.get_untracked() == Some(i) {
            self.close();
        } else {
            self.select(i, Origin::Reader);
        }
    }

    /// Closes the card, if one is open; returns the stop it showed.
    fn clear(&self) -> Option<usize> {
        let i = self.deselect()?;
        page::write_link(self.link_param.as_deref(), None);
        Some(i)
    }

    /// Closes the card, if one is open, touching nothing outside the map; returns its stop.
    fn deselect(&self) -> Option<usize> {
        let i = self.selected.get_untracked()?;
        self.selected.set(None);
        self.occluded.set_value(0.0);
        Some(i)
    }

    /// Closes the card; focus goes back to the stop's marker.
    pub fn close(&self) {
        let Some(i) = self.clear() else { return };
        if let Some(root) = self.root.get_untracked() {
            page::focus(&root, &format!("[data-stop=\"{}\"]", self.story.stops[i].id));
        }
    }

    /// Opens the next (`+1`) or previous (`-1`) stop; from no stop, the first or the last.
    pub fn step(&self, delta: i32) {
        let n = self.story.stops.len() as i32;
        let next = match self.selected.get_untracked() {
            Some(i) => (i as i32 + delta).clamp(0, n - 1),
            None if delta > 0 => 0,
            None => n - 1,
        };
        self.select(next as usize, Origin::Reader);
    }

    /// Whether, and how, the card should take focus when it appears (read once).
    pub fn take_card_focus(&self) -> CardFocus {
        let f = self.focus_card.get_value();
        self.focus_card.set_value(CardFocus::No);
        f
    }

    /// Back to the whole trip.
    pub fn overview(&self) {
        self.occluded.set_value(0.0);
        self.fly_to(View::OVERVIEW, true);
    }

    /// Zooms by `factor` about the map's centre.
    pub fn zoom_by(&self, factor: f64) {
        let (w, h) = self.size();
        let target = self.view.get_untracked().zoom_about(geo::coord! { x: w / 2.0, y: h / 2.0 }, factor, w, h);
        self.fly_to(target, true);
    }

    /// Sets the view at once, ending any animation (gestures).
    pub fn set_view(&self, v: View) {
        let (w, h) = self.size();
        if w <= 0.0 {
            return;
        }
        self.flight.update_value(|g| *g += 1);
        self.view.set(v.clamped_over(w, h, self.occluded.get_value()));
    }

    /// Flies to stop `i` once the frame that shows the card is rendered, as a d3 transition starts
    /// on the next frame: the flight's set-up (its target, its path) is kept out of the task that
    /// frame waits for. Any view change before then (another stop, a gesture, a zoom, the whole
    /// trip) wins.
    fn fly_to_after_frame(&self, i: usize) {
        self.flight.update_value(|g| *g += 1);
        let generation = self.flight.get_value();
        let ctx = self.clone();
        page::after_frame(move || {
            if ctx.flight.try_get_value() != Some(generation) {
                return;
            }
            if let Some(scene) = ctx.scene.get_untracked() {
                ctx.fly_to(scene.focus_view(i, ctx.occluded.get_value()), true);
            }
        });
    }

    /// Moves to `target` smoothly (van Wijk–Nuij), or at once when the reader prefers reduced
    /// motion or `animate` is false.
    pub fn fly_to(&self, target: View, animate: bool) {
        let (w, h) = self.size();
        if w <= 0.0 {
            return;
        }
        let target = target.clamped_over(w, h, self.occluded.get_value());
        if !animate || page::prefers_reduced_motion() {
            self.set_view(target);
            return;
        }
        self.flight.update_value(|g| *g += 1);
        let generation = self.flight.get_value();
        let flight = self.view.get_untracked().flight_to(target, w, h);
        let (view, current) = (self.view, self.flight);
        // `start`: none until the first frame, which only starts the clock. It shows what the
        // reader's action changed (a card) without the view's work (labels, every moved element).
        fn frame(view: RwSignal<View>, current: StoredValue<u32>, generation: u32, flight: crate::zoom::Flight, target: View, start: Option<f64>) {
            request_animation_frame(move || {
                // A newer animation took over, or the map was destroyed meanwhile.
                if current.try_get_value() != Some(generation) {
                    return;
                }
                let Some(start) = start else {
                    return frame(view, current, generation, flight, target, Some(js_sys::Date::now()));
                };
                let t = (js_sys::Date::now() - start) / flight.duration_ms();
                if t >= 1.0 {
                    view.set(target);
                } else {
                    view.set(flight.at(ease(t)));
                    frame(view, current, generation, flight, target, Some(start));
                }
            });
        }
        frame(view, current, generation, flight, target, None);
    }
}

/// Labels and scale bar for whatever scene and view the signals hold.
fn labels_of(scene: RwSignal<Option<Arc<Scene>>>, view: RwSignal<View>) -> Memo<SceneLabels> {
    Memo::new(move |_| scene.with(|s| s.as_ref().map(|s| s.labels_at(view.get())).unwrap_or_default()))
}

/// The smallest map area drawn, either way (px).
const MIN_MAP_PX: f64 = 120.0;

fn use_map() -> MapContext {
    // Not `expect_context`: its panic message prints the type name with `{:?}`, which keeps
    // core's string escaping and Unicode tables in the wasm (bench/RESULTS.md).
    use_context::<MapContext>().expect("a map component inside its TripMap")
}
