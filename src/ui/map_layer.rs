use super::{use_map, MapContext};
use crate::path::num;
use crate::scene::MARKER_R;
use leptos::prelude::*;

/// The SVG map: sea, countries, borders, routes and stop markers.
#[component]
pub fn MapLayer() -> impl IntoView {
    let ctx = use_map();
    let (w, h) = (ctx.scene.width, ctx.scene.height);
    let names: Vec<&str> = ctx.story.stops.iter().map(|s| s.name.as_str()).collect();
    let label = format!("Map of the trip: {}", names.join(" → "));
    view! {
        <svg class="tripmap__svg" viewBox=format!("0 0 {w} {h}") width=w height=h role="group" aria-label=label>
            <BaseLayer />
            <RouteLayer />
            <StopMarkers />
            <ScaleBar />
        </svg>
    }
}

/// Sea, graticule, countries (trip countries highlighted), coastlines and borders.
#[component]
fn BaseLayer() -> impl IntoView {
    let s = use_map().scene;
    let countries = s
        .countries
        .iter()
        .map(|c| {
            let class = if c.visited { "tripmap__country is-visited" } else { "tripmap__country" };
            view! { <path class=class data-country=c.id.clone() d=c.d.clone() /> }
        })
        .collect_view();
    view! {
        <g class="tripmap__base" aria-hidden="true">
            <path class="tripmap__sphere" d=s.sphere.clone() />
            <path class="tripmap__graticule" d=s.graticule.clone() />
            {countries}
            <path class="tripmap__coast" d=s.coastlines.clone() />
            <path class="tripmap__borders" d=s.borders.clone() />
        </g>
    }
}

/// Legs as geodesic curves with their distances; the leg into the selected stop stands out.
#[component]
fn RouteLayer() -> impl IntoView {
    let MapContext { scene, selected, .. } = use_map();
    let legs = scene
        .legs
        .iter()
        .map(|leg| {
            let to = leg.to;
            let class = move || if selected.get() == Some(to) { "tripmap__leg is-selected" } else { "tripmap__leg" };
            let l = &leg.label;
            view! {
                <g class=class>
                    <path class="tripmap__leg-line" data-leg=leg.key.clone() data-distance-km=leg.distance_km.to_string() d=leg.d.clone() />
                    <text class="tripmap__leg-label" x=num(l.x) y=num(l.y) text-anchor=l.anchor aria-hidden="true">{l.text.clone()}</text>
                </g>
            }
        })
        .collect_view();
    view! { <g class="tripmap__routes">{legs}</g> }
}

/// One focusable marker per stop, in trip order, with its name label.
#[component]
fn StopMarkers() -> impl IntoView {
    let ctx = use_map();
    let markers = ctx
        .scene
        .stops
        .iter()
        .map(|s| {
            let i = s.index;
            let stop = &ctx.story.stops[i];
            let selected = ctx.selected;
            let is_selected = move || selected.get() == Some(i);
            let (on_click, on_key) = (ctx.clone(), ctx.clone());
            let (x, y, l) = (num(s.x), num(s.y), &s.label);
            view! {
                <g
                    class=move || if is_selected() { "tripmap__stop is-selected" } else { "tripmap__stop" }
                    data-stop=stop.id.clone()
                    role="button"
                    tabindex="0"
                    aria-label=stop.name.clone()
                    aria-pressed=move || is_selected().to_string()
                    on:click=move |_| on_click.toggle(i)
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            on_key.toggle(i);
                        }
                    }
                >
                    <circle class="tripmap__hit" cx=x.clone() cy=y.clone() r="22" />
                    <circle class="tripmap__marker" cx=x cy=y r=num(MARKER_R) />
                    <text class="tripmap__label" x=num(l.x) y=num(l.y) text-anchor=l.anchor>{l.text.clone()}</text>
                </g>
            }
        })
        .collect_view();
    // Numbers sit in their own layer, outside the buttons, so that each button's visible text
    // is exactly its accessible name (the stop's name); clicks pass through them.
    let numbers = ctx
        .scene
        .stops
        .iter()
        .map(|s| view! { <text class="tripmap__marker-num" x=num(s.x) y=num(s.y + 4.0) text-anchor="middle">{s.index + 1}</text> })
        .collect_view();
    view! {
        <g class="tripmap__stops-layer">{markers}</g>
        <g class="tripmap__numbers" aria-hidden="true">{numbers}</g>
    }
}

/// A scale bar, true at the map's centre.
#[component]
fn ScaleBar() -> impl IntoView {
    let s = use_map().scene;
    let b = &s.scale_bar;
    let d = format!("M{},{}v4h{}v-4", num(b.x), num(b.y - 4.0), num(b.width));
    view! {
        <g class="tripmap__scale" aria-hidden="true">
            <path class="tripmap__scale-bar" d=d />
            <text class="tripmap__scale-label" x=num(b.x) y=num(b.y - 8.0)>{b.label.clone()}</text>
        </g>
    }
}
