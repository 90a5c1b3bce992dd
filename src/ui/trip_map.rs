use super::controls::{MapControls, Stepper};
use super::map_layer::MapLayer;
use super::stop_card::StopCard;
use super::stop_list::StopList;
use super::{Command, Countries, Language, MapContext, Origin, SHEET_PX};
use crate::i18n::fill;
use crate::story::Story;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The whole graphic: headline, standfirst, map with its controls, stepper, stop list and
/// card, credit line. It fills the box it is mounted into (`container_px` wide when mounted);
/// the map is laid out once its area is measured, and again whenever that changes size.
/// `countries`: drawn from the basemap, or reused from the page's static map.
/// `link_param` names the URL parameter for deep links (`None`: no deep links). `lang` is the language asked for by the
/// page ("" for the story's own); `digits` is `"latin"`, `"arabic"` or "" (the locale's own);
/// `theme` is `"dark"`, `"auto"` (the reader's system setting) or anything else for light.
/// `commands` carries requests from the page's script.
#[component]
pub fn TripMap(
    story: Story,
    countries: Countries,
    container_px: f64,
    link_param: Option<String>,
    lang: String,
    #[prop(optional)] digits: String,
    #[prop(optional)] theme: String,
    #[prop(optional)] commands: Option<RwSignal<Option<Command>>>,
    #[prop(optional)] remote_images: bool,
) -> impl IntoView {
    let language = Language::choose(&lang, &story, &digits);
    let story = story.localized(&language.text);
    let mut ctx = MapContext::new(story, countries, container_px, link_param, &language);
    ctx.remote_images = remote_images;
    provide_context(ctx.clone());
    let description = describe(&ctx);

    if let Some(id) = crate::embed::read_link(ctx.link_param.as_deref()) {
        if let Some(i) = ctx.story.stops.iter().position(|s| s.id == id) {
            ctx.select(i, Origin::Link);
        }
    }
    if let Some(commands) = commands {
        let c = ctx.clone();
        Effect::new(move |_| {
            if let Some(cmd) = commands.get() {
                c.run(&cmd);
            }
        });
    }
    let map_area = NodeRef::<leptos::html::Div>::new();
    fit_on_resize(&ctx, map_area);
    let dark = dark_theme(&theme);

    let keys = ctx.clone();
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let last = keys.story.stops.len() - 1;
        // Arrows follow the reading direction: in Arabic, ← is "next".
        let forward = if keys.rtl { -1 } else { 1 };
        match ev.key().as_str() {
            "ArrowRight" => keys.step(forward),
            "ArrowLeft" => keys.step(-forward),
            "Home" => keys.select(0, Origin::Reader),
            "End" => keys.select(last, Origin::Reader),
            "Escape" if keys.selected.get_untracked().is_some() => keys.close(),
            "+" | "=" => keys.zoom_by(2.0),
            "-" | "_" => keys.zoom_by(0.5),
            _ => return,
        }
        ev.prevent_default();
    };

    let story = ctx.story.clone();
    let standfirst = (!story.standfirst.is_empty()).then(|| view! { <p class="tripmap__standfirst">{story.standfirst.to_string()}</p> });
    let credit = (!story.credit.is_empty()).then(|| view! { <p class="tripmap__credit">{story.credit.to_string()}</p> });
    let narrow = ctx.narrow;
    let root_class = move || {
        let mut class = String::from("tripmap");
        if narrow.get() {
            class.push_str(" is-narrow");
        }
        if dark.get() {
            class.push_str(" is-dark");
        }
        class
    };
    view! {
        <div class=root_class node_ref=ctx.root id=ctx.ids.to_string() lang=ctx.strings.lang dir=if ctx.rtl { "rtl" } else { "ltr" } on:keydown=on_keydown>
            <header class="tripmap__header">
                <h2 class="tripmap__title">{story.title.to_string()}</h2>
                {standfirst}
            </header>
            <div class="tripmap__body">
                <div class="tripmap__map" id=ctx.id("map") node_ref=map_area style:position="relative">
                    <MapLayer />
                    <MapControls />
                </div>
                <div class="tripmap__aside">
                    <div class="tripmap__aside-scroll">
                        <Stepper />
                        <StopList />
                        <StopCard />
                    </div>
                </div>
            </div>
            <p class="tripmap__sr-only" id=ctx.id("desc")>{description}</p>
            {credit}
        </div>
    }
}

/// A text equivalent of the map for screen readers: who, how many stops, when, where, how far.
fn describe(ctx: &MapContext) -> String {
    let (story, t, locale) = (&ctx.story, ctx.strings, &ctx.locale);
    let n = story.stops.len();
    let total: u64 = ctx.trip.legs().map(|(_, _, km)| km).sum();
    let (first, last) = (story.stops.iter().find_map(|s| s.dates()), story.stops.iter().rev().find_map(|s| s.dates()));
    let stops: Vec<String> = story
        .stops
        .iter()
        .enumerate()
        .map(|(i, s)| match ctx.when(s) {
            w if w.is_empty() => format!("{}. {}", locale.number(i as u64 + 1), s.name),
            w => format!("{}. {}, {w}", locale.number(i as u64 + 1), s.name),
        })
        .collect();
    let (count, distance) = (t.stop_count(n, &locale.number(n as u64)), locale.km(total));
    let head = match (first, last) {
        (Some(a), Some(b)) if !story.traveller.name.is_empty() => {
            let span = locale.date_range(crate::story::DateRange { start: a.start, end: b.end });
            fill(t.description, &[("name", story.traveller.name.as_str()), ("dates", &span), ("count", &count), ("distance", &distance)])
        }
        _ => fill(t.description_plain, &[("count", &count), ("distance", &distance)]),
    };
    format!("{head} {}. {}", stops.join("; "), t.description_keys)
}

/// Keeps the scene fitted to the map area and the narrow layout in step with the map's width:
/// a ResizeObserver on the map area (the page resized, a phone turned, full screen).
fn fit_on_resize(ctx: &MapContext, map_area: NodeRef<leptos::html::Div>) {
    let c = ctx.clone();
    Effect::new(move |_| {
        let (Some(area), Some(root)) = (map_area.get(), c.root.get()) else { return };
        let c = c.clone();
        let on_resize = Closure::<dyn Fn()>::new(move || {
            let (w, h) = (area.client_width() as f64, area.client_height() as f64);
            // No size: hidden or taken off the page; keep the last fit.
            if w > 0.0 && h > 0.0 {
                c.narrow.set((root.client_width() as f64) < SHEET_PX);
                c.resize(w, h);
            }
        });
        let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else { return };
        if let Some(area) = map_area.get_untracked() {
            observer.observe(&area);
        }
        // Laid out now, in the task that mounts the map, not in the next frame's observer
        // callback: a static map this replaces is then never missing from a frame, even to a
        // frame callback (the observer's first call, same size, changes nothing).
        let _ = on_resize.as_ref().unchecked_ref::<js_sys::Function>().call0(&JsValue::NULL);
        let held = SendWrapper::new((observer, on_resize));
        on_cleanup(move || held.0.disconnect());
    });
}

/// Whether the map is dark: `theme` "dark" always, "auto" while the reader's system asks
/// for dark (followed live), otherwise never.
fn dark_theme(theme: &str) -> RwSignal<bool> {
    const QUERY: &str = "(prefers-color-scheme: dark)";
    let dark = RwSignal::new(theme == "dark" || (theme == "auto" && crate::embed::media_matches(QUERY)));
    if theme == "auto" {
        if let Some(list) = web_sys::window().and_then(|w| w.match_media(QUERY).ok().flatten()) {
            let on_change = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(move |ev: web_sys::MediaQueryListEvent| dark.set(ev.matches()));
            let _ = list.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
            let held = SendWrapper::new((list, on_change));
            on_cleanup(move || {
                let _ = held.0.remove_event_listener_with_callback("change", held.1.as_ref().unchecked_ref());
            });
        }
    }
    dark
}
