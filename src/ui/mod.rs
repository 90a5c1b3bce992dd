//! Leptos components: thin, named for what the reader sees. All geometry comes ready-made from
//! [`crate::scene::Scene`] and [`crate::zoom`]; components wire it to the DOM and to the map's
//! state in [`MapContext`]: the selected stop and the view (zoom and pan).

mod controls;
mod error_panel;
mod gestures;
pub mod intl;
mod map_layer;
mod stop_card;
mod stop_list;
mod trip_map;

pub use error_panel::ErrorPanel;
pub use trip_map::TripMap;

use crate::i18n::Strings;
use crate::scene::{Scene, SceneLabels};
use intl::Locale;
use crate::story::Story;
use crate::zoom::{ease, SmoothZoom, View};
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

/// Container width (px) from which the card sits beside the map instead of under it.
/// Must match the `@container` rules in www/tripmap.css.
pub const WIDE_PX: f64 = 760.0;
/// Width of the side column in the wide layout, gap included. Matches www/tripmap.css.
pub const ASIDE_PX: f64 = 344.0;
/// Below this container width the card is a bottom sheet. Matches www/tripmap.css.
pub const SHEET_PX: f64 = 600.0;

/// Width of the map drawing inside a container `container_px` wide.
pub fn map_width(container_px: f64) -> f64 {
    let w = if container_px >= WIDE_PX { container_px - ASIDE_PX } else { container_px };
    w.max(280.0)
}

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
    /// `requested`: from `data-lang` or the page's `lang` ("" for none); `digits`: from
    /// `data-digits`, `"latin"` (0–9) or `"arabic"` (٠–٩), else the locale's own.
    pub fn choose(requested: &str, story: &Story, digits: &str) -> Language {
        let requested = if requested.trim().is_empty() { story.lang.as_str() } else { requested.trim() };
        let strings = Strings::for_lang(requested);
        let base = crate::i18n::base_lang(requested);
        // Intl gets the page's full tag (es-CO) when the interface speaks its language.
        let mut locale = if base == strings.lang { requested.to_string() } else { strings.lang.to_string() };
        match digits {
            "latin" => locale.push_str("-u-nu-latn"),
            "arabic" => locale.push_str("-u-nu-arab"),
            _ => {}
        }
        Language { text: base, strings, locale: Locale(locale), rtl: crate::i18n::is_rtl(strings.lang) }
    }
}

/// How a selection came about: it decides whether focus moves into the card.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A reader's action: focus moves into the card so that it is announced.
    Reader,
    /// Restored from a deep link on load: focus stays where it is.
    Link,
}

/// One map's state, provided as context to its components.
#[derive(Clone)]
pub struct MapContext {
    pub story: Arc<Story>,
    pub scene: Arc<Scene>,
    /// The open stop.
    pub selected: RwSignal<Option<usize>>,
    /// Zoom and pan.
    pub view: RwSignal<View>,
    /// Labels and scale bar for the current view.
    pub labels: Memo<SceneLabels>,
    /// Prefix for this map's element ids.
    pub ids: Arc<str>,
    /// Query parameter holding the open stop in the page's URL, if deep links are on.
    pub link_param: Option<Arc<str>>,
    /// Whether the next card to open should take focus.
    focus_card: RwSignal<bool>,
    /// Bumped by every new animation; a running one stops when it sees a newer number.
    flight: RwSignal<u32>,
    /// The container is narrow: the card is a bottom sheet.
    pub narrow: bool,
    /// Interface strings in the map's language.
    pub strings: &'static Strings,
    /// Locale for dates and numbers.
    pub locale: Arc<Locale>,
    /// The language reads right to left: the interface mirrors (the map does not).
    pub rtl: bool,
}

impl MapContext {
    pub fn new(story: Story, scene: Scene, link_param: Option<String>, container_px: f64, language: &Language) -> Self {
        let scene = Arc::new(scene);
        let view = RwSignal::new(View::OVERVIEW);
        let labels = {
            let scene = scene.clone();
            Memo::new(move |_| scene.labels_at(view.get()))
        };
        MapContext {
            story: Arc::new(story),
            scene,
            selected: RwSignal::new(None),
            view,
            labels,
            ids: unique_prefix().into(),
            link_param: link_param.map(Into::into),
            focus_card: RwSignal::new(false),
            flight: RwSignal::new(0),
            narrow: container_px < SHEET_PX,
            strings: language.strings,
            locale: Arc::new(language.locale.clone()),
            rtl: language.rtl,
        }
    }

    /// A label for screen text in the map's direction: in a right-to-left language the text is
    /// isolated right to left (RLI … PDI), so "٤٬٢٣٩ كم" keeps its order inside the map's
    /// left-to-right drawing, where label anchors mean left and right.
    pub fn isolate(&self, text: &str) -> String {
        if self.rtl {
            format!("\u{2067}{text}\u{2069}")
        } else {
            text.to_string()
        }
    }

    /// An id for one of this map's elements.
    pub fn id(&self, part: &str) -> String {
        format!("{}-{part}", self.ids)
    }

    /// Opens stop `i`'s card and flies to it.
    pub fn select(&self, i: usize, origin: Origin) {
        if i >= self.story.stops.len() {
            return;
        }
        self.focus_card.set(origin == Origin::Reader);
        self.selected.set(Some(i));
        // On phones the card is a bottom sheet: bring the map up and frame the stop above it.
        let occluded = if self.narrow && origin == Origin::Reader {
            crate::embed::make_room_for_sheet(&format!("#{} .tripmap__svg", self.id("map")), self.scene.width)
        } else {
            0.0
        };
        self.fly_to(self.scene.focus_view(i, occluded), origin == Origin::Reader);
        crate::embed::write_link(self.link_param.as_deref(), Some(&self.story.stops[i].id));
        if origin == Origin::Reader {
            crate::embed::announce_select(&self.ids, &self.story.stops[i].id);
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

    /// Closes the card; focus goes back to the stop's marker.
    pub fn close(&self) {
        let Some(i) = self.selected.get_untracked() else { return };
        self.selected.set(None);
        crate::embed::write_link(self.link_param.as_deref(), None);
        crate::embed::focus(&format!("#{} [data-stop=\"{}\"]", self.id("map"), self.story.stops[i].id));
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

    /// Whether the card should take focus when it appears (read once).
    pub fn take_card_focus(&self) -> bool {
        let f = self.focus_card.get_untracked();
        self.focus_card.set(false);
        f
    }

    /// Back to the whole trip.
    pub fn overview(&self) {
        self.fly_to(View::OVERVIEW, true);
    }

    /// Zooms by `factor` about the map's centre.
    pub fn zoom_by(&self, factor: f64) {
        let (w, h) = (self.scene.width, self.scene.height);
        let target = self.view.get_untracked().zoom_about(geo::coord! { x: w / 2.0, y: h / 2.0 }, factor, w, h);
        self.fly_to(target, true);
    }

    /// Sets the view at once, ending any animation (gestures).
    pub fn set_view(&self, v: View) {
        self.flight.update(|g| *g += 1);
        self.view.set(v.clamped(self.scene.width, self.scene.height));
    }

    /// Moves to `target` smoothly (van Wijk–Nuij), or at once when the reader prefers reduced
    /// motion or `animate` is false.
    pub fn fly_to(&self, target: View, animate: bool) {
        let target = target.clamped(self.scene.width, self.scene.height);
        if !animate || crate::embed::prefers_reduced_motion() {
            self.set_view(target);
            return;
        }
        self.flight.update(|g| *g += 1);
        let generation = self.flight.get_untracked();
        let flight = self.view.get_untracked().flight_to(target, self.scene.width, self.scene.height);
        let start = js_sys::Date::now();
        let (view, current) = (self.view, self.flight);
        fn frame(view: RwSignal<View>, current: RwSignal<u32>, generation: u32, flight: crate::zoom::Flight, target: View, start: f64) {
            request_animation_frame(move || {
                if current.get_untracked() != generation {
                    return;
                }
                let t = (js_sys::Date::now() - start) / flight.duration_ms();
                if t >= 1.0 {
                    view.set(target);
                } else {
                    view.set(flight.at(ease(t)));
                    frame(view, current, generation, flight, target, start);
                }
            });
        }
        frame(view, current, generation, flight, target, start);
    }
}

fn use_map() -> MapContext {
    expect_context::<MapContext>()
}
