use super::controls::{MapControls, Stepper};
use super::map_layer::MapLayer;
use super::stop_card::StopCard;
use super::stop_list::StopList;
use super::{map_width, MapContext, Origin};
use crate::basemap::Basemap;
use crate::scene::{format_km, Scene};
use crate::story::Story;
use leptos::prelude::*;

/// The whole graphic: headline, standfirst, map with its controls, stepper, stop list and
/// card, credit line. `container_px` is the width it is mounted into; the scene is laid out
/// for it. `link_param` names the URL parameter for deep links (`None`: no deep links).
#[component]
pub fn TripMap(story: Story, container_px: f64, link_param: Option<String>) -> impl IntoView {
    let width = map_width(container_px).round();
    let height = Scene::natural_height(&story, width);
    let scene = Scene::build(&story, Basemap::natural_earth(), width, height);
    let description = describe(&story, &scene);
    let ctx = MapContext::new(story, scene, link_param, container_px);
    provide_context(ctx.clone());

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
        match ev.key().as_str() {
            "ArrowRight" => keys.step(1),
            "ArrowLeft" => keys.step(-1),
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
    let standfirst = (!story.standfirst.is_empty()).then(|| view! { <p class="tripmap__standfirst">{story.standfirst.clone()}</p> });
    let credit = (!story.credit.is_empty()).then(|| view! { <p class="tripmap__credit">{story.credit.clone()}</p> });
    let root_class = if ctx.narrow { "tripmap is-narrow" } else { "tripmap" };
    view! {
        <div class=root_class id=ctx.ids.to_string() on:keydown=on_keydown>
            <header class="tripmap__header">
                <h2 class="tripmap__title">{story.title.clone()}</h2>
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
fn describe(story: &Story, scene: &Scene) -> String {
    let n = story.stops.len();
    let total: u64 = scene.legs.iter().map(|l| l.distance_km).sum();
    let stops: Vec<String> = story.stops.iter().enumerate().map(|(i, s)| format!("{}. {}, {}", i + 1, s.name, s.dates())).collect();
    let span = match (story.stops.first(), story.stops.last()) {
        (Some(a), Some(b)) => crate::story::DateRange { start: a.dates().start, end: b.dates().end }.to_string(),
        _ => String::new(),
    };
    let stops_word = if n == 1 { "stop" } else { "stops" };
    let legs = if scene.legs.is_empty() { String::new() } else { format!(", {} in all", format_km(total)) };
    format!("Map of {}'s trip, {span}: {n} {stops_word}{legs}. {}. Use the arrow keys to step through the stops.", story.traveller.name, stops.join("; "))
}
