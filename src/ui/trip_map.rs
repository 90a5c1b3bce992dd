use super::controls::{MapControls, Stepper};
use super::map_layer::MapLayer;
use super::stop_card::StopCard;
use super::stop_list::StopList;
use super::{map_width, Language, MapContext, Origin};
use crate::basemap::Basemap;
use crate::i18n::fill;
use crate::scene::Scene;
use crate::story::Story;
use leptos::prelude::*;

/// The whole graphic: headline, standfirst, map with its controls, stepper, stop list and
/// card, credit line. `container_px` is the width it is mounted into; the scene is laid out
/// for it. `link_param` names the URL parameter for deep links (`None`: no deep links).
/// `lang` is the language asked for by the page ("" for the story's own); `digits` is
/// `"latin"`, `"arabic"` or "" (the locale's own).
#[component]
pub fn TripMap(story: Story, container_px: f64, link_param: Option<String>, lang: String, #[prop(optional)] digits: String) -> impl IntoView {
    let language = Language::choose(&lang, &story, &digits);
    let story = story.localized(&language.text);
    let width = map_width(container_px).round();
    let scene = Scene::build_fitted(&story, Basemap::natural_earth(), width);
    let ctx = MapContext::new(story, scene, link_param, container_px, &language);
    provide_context(ctx.clone());
    let description = describe(&ctx);

    if let Some(id) = crate::embed::read_link(ctx.link_param.as_deref()) {
        if let Some(i) = ctx.story.stops.iter().position(|s| s.id == id) {
            ctx.select(i, Origin::Link);
        }
    }

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
    let root_class = if ctx.narrow { "tripmap is-narrow" } else { "tripmap" };
    view! {
        <div class=root_class id=ctx.ids.to_string() lang=ctx.strings.lang dir=if ctx.rtl { "rtl" } else { "ltr" } on:keydown=on_keydown>
            <header class="tripmap__header">
                <h2 class="tripmap__title">{story.title.to_string()}</h2>
                {standfirst}
            </header>
            <div class="tripmap__body">
                <div class="tripmap__map" id=ctx.id("map")>
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
    let (story, scene, t, locale) = (&ctx.story, &ctx.scene, ctx.strings, &ctx.locale);
    let n = story.stops.len();
    let total: u64 = scene.legs.iter().map(|l| l.distance_km).sum();
    let span = match (story.stops.first(), story.stops.last()) {
        (Some(a), Some(b)) => locale.date_range(crate::story::DateRange { start: a.dates().start, end: b.dates().end }),
        _ => String::new(),
    };
    let stops: Vec<String> =
        story.stops.iter().enumerate().map(|(i, s)| format!("{}. {}, {}", locale.number(i as u64 + 1), s.name, locale.date_range(s.dates()))).collect();
    let head = fill(
        t.description,
        &[
            ("name", story.traveller.name.as_str()),
            ("dates", &span),
            ("count", &t.stop_count(n, &locale.number(n as u64))),
            ("distance", &locale.km(total)),
        ],
    );
    format!("{head} {}. {}", stops.join("; "), t.description_keys)
}
