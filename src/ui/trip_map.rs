use super::controls::{MapControls, Stepper};
use super::legend::Legend;
use super::map_layer::{MapLayer, Screens};
use super::stop_card::StopCard;
use super::stop_list::StopList;
use super::{use_map, Countries, Drawing, Language, MapContext, Mode, Open, Origin, Parts, Theme, SHEET_PX};
use crate::format::Digits;
#[cfg(not(lean))]
use crate::i18n::fill;
use crate::story::Story;
use leptos::context::Provider;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The whole graphic: headline, standfirst, map with its controls, stepper, stop list and
/// card, credit line; live in the browser or static at build time (`drawing`).
/// `countries`: drawn from the basemap, or reused from the page's static map. `link_param`
/// names the URL parameter for deep links (`None`: no deep links); `open`: a card open from the
/// start. `lang` is the language asked for by the page ("" for the story's own).
#[component]
pub fn TripMap(
    story: Story,
    countries: Countries,
    drawing: Drawing,
    link_param: Option<String>,
    open: Option<Open>,
    #[prop(optional)] lang: String,
    #[prop(optional)] digits: Digits,
    #[prop(optional)] theme: Theme,
    #[prop(optional)] remote_images: bool,
) -> impl IntoView {
    let language = Language::choose(&lang, &story, digits);
    let story = story.localized(&language.text);
    let (mode, container_px, parts) = match &drawing {
        Drawing::Live { container_px, parts, .. } => (Mode::Live, *container_px, parts.clone()),
        #[cfg(not(target_arch = "wasm32"))]
        Drawing::Static { width, .. } => (Mode::Static, *width, Parts::Drawn),
    };
    let mut ctx = MapContext::new(story, countries, parts, mode, container_px, link_param, &language);
    ctx.remote_images = remote_images;
    provide_context(ctx.clone());
    let dark = RwSignal::new(theme == Theme::Dark);
    let map_area = NodeRef::<leptos::html::Div>::new();

    // The static map is laid out now, for its given size; the live one once its area is measured.
    let phone: Option<MapContext> = match drawing {
        #[cfg(not(target_arch = "wasm32"))]
        Drawing::Static { width, height, narrow } => {
            ctx.resize(width, height);
            let fit = ctx.scene.with_untracked(|s| s.as_ref().map(|s| s.fit()));
            narrow.zip(fit).map(|((w, h), fit)| ctx.redrawn(Countries::Shared { fit }, w, h))
        }
        Drawing::Live { commands, .. } => {
            if let Some(commands) = commands {
                let c = ctx.clone();
                Effect::new(move |_| {
                    if let Some(cmd) = commands.get() {
                        c.run(&cmd);
                    }
                });
            }
            fit_on_resize(&ctx, map_area, open);
            follow_system_theme(theme, dark);
            // The reduced-motion query, which every selection asks, parsed once the map is on
            // screen rather than in the reader's first click.
            Effect::new(|_| super::page::after_frame(|| _ = super::page::prefers_reduced_motion()));
            None
        }
    };
    let live = mode == Mode::Live;

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
    let narrow = ctx.narrow;
    // The static map's drawings: the wide one, and the phone's sharing its countries; the CSS
    // shows the one that fits.
    let (screens, phone) = match phone {
        Some(phone) => (Screens::Wide, Some(view! { <Provider value=phone><MapLayer screens=Screens::Narrow /></Provider> })),
        None => (Screens::All, None),
    };
    // A story that tells its own scrolling story: the graphic (its stage) stays on screen (sticky)
    // beside or above the steps' text, which the loader follows as it does a page's own
    // paragraphs. Without steps the stage is no box of its own (`display: contents`).
    let has_steps = !story.steps.is_empty();
    view! {
        <div
            class="tripmap"
            class:has-steps=has_steps
            class:is-narrow=move || narrow.get()
            class:is-dark=move || dark.get()
            node_ref=ctx.root
            id=ctx.ids.to_string()
            lang=ctx.strings.lang
            dir=if ctx.rtl { "rtl" } else { "ltr" }
            on:keydown=on_keydown
        >
            <div class="tripmap__stage">
                <Header />
                <div class="tripmap__body">
                    <div class="tripmap__map" id=ctx.id("map") node_ref=map_area style:position=live.then_some("relative")>
                        <MapLayer screens />
                        {phone}
                        {live.then(|| view! { <MapControls /> })}
                    </div>
                    <div class="tripmap__aside">
                        <div class="tripmap__aside-scroll">
                            <Stepper />
                            <StopList />
                            <StopCard />
                        </div>
                    </div>
                </div>
                <Legend />
                <Description />
                <Credit />
            </div>
            {has_steps.then(|| view! { <StepTexts /> })}
            // The static map's last element: its stylesheet shows the map once this has been
            // parsed, so a reader never sees countries without routes (pages arrive in pieces).
            {(!live).then(|| view! { <span class="tripmap__complete" hidden></span> })}
        </div>
    }
}

/// The headline and the standfirst.
#[component]
fn Header() -> impl IntoView {
    let ctx = use_map();
    match ctx.parts {
        #[cfg(not(lean))]
        Parts::Drawn => {
            let story = ctx.story;
            let standfirst = (!story.standfirst.is_empty()).then(|| view! { <p class="tripmap__standfirst">{story.standfirst.to_string()}</p> });
            view! {
                <header class="tripmap__header">
                    <h2 class="tripmap__title">{story.title.to_string()}</h2>
                    {standfirst}
                </header>
            }
            .into_any()
        }
        #[cfg(lean)]
        Parts::Adopted(_) => super::adopted::adopt(&ctx, ".tripmap__header", |_| ()).into_any(),
    }
}

/// Who made the graphic, where the facts come from.
#[component]
fn Credit() -> impl IntoView {
    let ctx = use_map();
    match ctx.parts {
        #[cfg(not(lean))]
        Parts::Drawn => (!ctx.story.credit.is_empty()).then(|| view! { <p class="tripmap__credit">{ctx.story.credit.to_string()}</p> }).into_any(),
        #[cfg(lean)]
        Parts::Adopted(_) => super::adopted::adopt(&ctx, ".tripmap__credit", |_| ()).into_any(),
    }
}

/// The story's own steps (`steps` in the story): ordinary paragraphs in reading order, each
/// marked with its stop like a page's `data-tripmap-step` paragraph.
#[component]
fn StepTexts() -> impl IntoView {
    let ctx = use_map();
    match ctx.parts {
        #[cfg(not(lean))]
        Parts::Drawn => {
            let steps = ctx
                .story
                .steps
                .iter()
                .map(|st| view! { <p class="tripmap__step-text" data-tripmap-step=st.stop.clone()>{st.text.to_string()}</p> })
                .collect_view();
            view! { <div class="tripmap__steps">{steps}</div> }.into_any()
        }
        #[cfg(lean)]
        Parts::Adopted(_) => super::adopted::adopt(&ctx, ".tripmap__steps", |_| ()).into_any(),
    }
}

/// A text equivalent of the map for screen readers (the map's `aria-describedby`).
#[component]
fn Description() -> impl IntoView {
    let ctx = use_map();
    match ctx.parts {
        #[cfg(not(lean))]
        Parts::Drawn => view! { <p class="tripmap__sr-only" id=ctx.id("desc")>{describe(&ctx)}</p> }.into_any(),
        #[cfg(lean)]
        Parts::Adopted(_) => super::adopted::adopt(&ctx, &format!("#{}-desc", super::STATIC_IDS), |_| ()).into_any(),
    }
}

/// Who, how many stops, when, where, how far.
#[cfg(not(lean))]
fn describe(ctx: &MapContext) -> String {
    let (story, t, locale) = (&ctx.story, ctx.strings, &ctx.locale);
    let n = story.stops.len();
    let total: u64 = ctx.trip.legs().map(|l| l.km()).sum();
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
/// `open`: the card open from the start, opened once the first layout is there: a deep link's,
/// framed; or the one open on the static map this map replaced, where the view stays the whole
/// trip, as the static map showed it.
fn fit_on_resize(ctx: &MapContext, map_area: NodeRef<leptos::html::Div>, open: Option<Open>) {
    let c = ctx.clone();
    Effect::new(move |_| {
        let (Some(area), Some(root)) = (map_area.get(), c.root.get()) else { return };
        let ctx_after_fit = c.clone();
        let c = c.clone();
        let on_resize = Closure::<dyn Fn()>::new(move || {
            let (w, h) = (area.client_width() as f64, area.client_height() as f64);
            // No size: hidden or taken off the page; keep the last fit.
            if w > 0.0 && h > 0.0 {
                // The graphic's width, which is the root's unless the story's own steps stand beside it.
                let graphic = area.parent_element().map_or(root.client_width(), |body| body.client_width());
                c.narrow.set((graphic as f64) < SHEET_PX);
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
        match &open {
            Some(Open::Link(id)) => {
                if let Some(i) = ctx_after_fit.stop_index(id) {
                    ctx_after_fit.select(i, Origin::Link);
                }
            }
            Some(Open::Kept { stop, focus }) => {
                if let Some(i) = ctx_after_fit.stop_index(stop) {
                    ctx_after_fit.keep_open(i, *focus);
                }
            }
            None => {}
        }
        let held = SendWrapper::new((observer, on_resize));
        on_cleanup(move || held.0.disconnect());
    });
}

/// With [`Theme::Auto`], keeps `dark` in step with the reader's system setting, live.
fn follow_system_theme(theme: Theme, dark: RwSignal<bool>) {
    if theme == Theme::Auto {
        Effect::new(move |_| super::page::follow_media("(prefers-color-scheme: dark)", dark));
    }
}
