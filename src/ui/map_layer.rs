use super::gestures::Gestures;
use super::{use_map, Countries, MapContext};
use crate::path::num;
use crate::scene::{DENSE_STOPS, HIT_R, MARKER_NUM_DY, MARKER_R};
use crate::zoom::View;
use geo::{coord, Coord};
use leptos::prelude::*;

/// The SVG map. Sea, countries, borders and routes are drawn in scene pixels under the view's
/// transform (strokes do not scale); markers, labels and the scale bar are drawn at their
/// transformed positions, so they keep their size at any zoom.
#[component]
pub fn MapLayer() -> impl IntoView {
    let ctx = use_map();
    let scene = ctx.scene;
    // Drawn once the map area has been measured and the scene laid out for it.
    let ready = Memo::new(move |_| scene.with(Option::is_some));
    let size = move || scene.with(|s| s.as_ref().map_or((0.0, 0.0), |s| (s.width, s.height)));
    let names: Vec<&str> = ctx.story.stops.iter().map(|s| s.name.as_str()).collect();
    let label = ctx.strings.map_label(&names);
    let hint_text = ctx.strings.wheel_hint;
    let view = ctx.view;
    let g = Gestures::new();
    // Many stops: small markers without numbers, so the route stays readable.
    let dense = if ctx.story.stops.len() > DENSE_STOPS { " is-dense" } else { "" };
    let (c1, c2, c3, c4, c5, c6) = (ctx.clone(), ctx.clone(), ctx.clone(), ctx.clone(), ctx.clone(), ctx.clone());
    let hint = g.hint;
    view! {
        <svg
            class=move || {
                let zoomed = if view.get().k > 1.0 { " is-zoomed" } else { "" };
                format!("tripmap__svg{zoomed}{dense}")
            }
            viewBox=move || format!("0 0 {} {}", size().0, size().1)
            width=move || size().0
            height=move || size().1
            role="group"
            aria-label=label
            aria-describedby=ctx.id("desc")
            // Out of the flow even without the stylesheet: the map area's size decides the
            // drawing's, never the other way round (that would be a resize loop).
            style:position="absolute"
            style:inset="0"
            on:pointerdown=move |ev| g.pointer_down(&c1, ev)
            on:pointermove=move |ev| g.pointer_move(&c2, ev)
            on:pointerup=move |ev| g.pointer_up(&c3, ev)
            on:pointercancel=move |ev| g.pointer_up(&c4, ev)
            on:dblclick=move |ev| g.double_click(&c5, ev)
            on:wheel=move |ev| g.wheel(&c6, ev)
        >
            <Show when=move || ready.get()>
                <g class="tripmap__zoom" transform=move || view.get().to_svg()>
                    <BaseLayer />
                    <RouteLayer />
                </g>
                <LegLabels />
                <StopMarkers />
                <ScaleBar />
            </Show>
        </svg>
        <p class=move || { if hint.get() { "tripmap__hint is-shown" } else { "tripmap__hint" } } aria-hidden="true">
            {hint_text}
        </p>
    }
}

/// Sea, graticule, countries (trip countries highlighted), coastlines and borders; drawn
/// afresh when the scene changes (the map was resized), or the static map's, carried onto the
/// scene by a transform.
#[component]
fn BaseLayer() -> impl IntoView {
    let ctx = use_map();
    let scene = ctx.scene;
    match (ctx.countries, ctx.reused_fit) {
        (Countries::Reused { layer, .. }, Some(drawn_for)) => {
            let holder = NodeRef::<leptos::svg::G>::new();
            holder.on_load(move |g| {
                let _ = g.append_child(&layer);
            });
            let transform = move || {
                scene.with(|s| {
                    let (k, tx, ty) = s.as_deref().map_or((1.0, 0.0, 0.0), |s| drawn_for.refit_to(&s.fit()));
                    format!("matrix({k:.6} 0 0 {k:.6} {tx:.2} {ty:.2})")
                })
            };
            view! { <g class="tripmap__base-reused" transform=transform node_ref=holder></g> }.into_any()
        }
        _ => (move || scene.with(|s| s.as_deref().map(base_layer))).into_any(),
    }
}

fn base_layer(s: &crate::scene::Scene) -> impl IntoView {
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

/// Legs as geodesic curves; the leg into the selected stop stands out and draws itself.
#[component]
fn RouteLayer() -> impl IntoView {
    let MapContext { scene, selected, view, .. } = use_map();
    move || scene.with(|s| s.as_deref().map(|s| route_layer(s, selected, view)))
}

fn route_layer(scene: &crate::scene::Scene, selected: RwSignal<Option<usize>>, view: RwSignal<View>) -> impl IntoView {
    let legs = scene
        .legs
        .iter()
        .map(|leg| {
            let to = leg.to;
            let class = move || if selected.get() == Some(to) { "tripmap__leg is-selected" } else { "tripmap__leg" };
            view! {
                <g class=class>
                    <path class="tripmap__leg-line" data-leg=leg.key.clone() data-distance-km=leg.distance_km.to_string() d=leg.d.clone() pathLength="1" />
                </g>
            }
        })
        .collect_view();
    // The zoom factor for the legs' stroke widths, set here and not on the <svg>: a custom
    // property changed on an ancestor of every country path restyles them all on every frame
    // of a fly-to.
    view! { <g class="tripmap__routes" style:--tripmap-k=move || format!("{:.4}", view.get().k)>{legs}</g> }
}

/// Distances beside the legs, placed for the current view.
#[component]
fn LegLabels() -> impl IntoView {
    let ctx = use_map();
    let labels = ctx.labels;
    // The legs and their distances are the same at any size: only the labels' places change.
    let items = ctx
        .trip
        .legs()
        .enumerate()
        .map(|(i, (_, _, km))| {
            let l = move || labels.with(|l| l.legs[i].clone());
            let text = ctx.isolate(&ctx.locale.km(km));
            view! {
                <text class="tripmap__leg-label" x=move || num(l().x) y=move || num(l().y) text-anchor=move || l().anchor visibility=move || shown(l().visible)>
                    {text}
                </text>
            }
        })
        .collect_view();
    view! { <g class="tripmap__leg-labels" aria-hidden="true">{items}</g> }
}

/// One focusable marker per stop, in trip order, with its name label.
#[component]
fn StopMarkers() -> impl IntoView {
    let ctx = use_map();
    let (view, labels, scene) = (ctx.view, ctx.labels, ctx.scene);
    // Each stop's place on the screen: where the scene puts it, under the current view. One
    // memo per stop, shared by its marker and its number.
    let at: Vec<Memo<Coord>> = (0..ctx.story.stops.len())
        .map(|i| Memo::new(move |_| scene.with(|s| s.as_ref().map_or(coord! { x: 0.0, y: 0.0 }, |s| view.get().apply(coord! { x: s.stops[i].x, y: s.stops[i].y })))))
        .collect();
    let markers = (0..ctx.story.stops.len())
        .map(|i| {
            let stop = &ctx.story.stops[i];
            let selected = ctx.selected;
            let is_selected = move || selected.get() == Some(i);
            let (on_click, on_key) = (ctx.clone(), ctx.clone());
            let pos = at[i];
            let l = move || labels.with(|l| l.stops[i].clone());
            view! {
                <g
                    class=move || { if is_selected() { "tripmap__stop is-selected" } else { "tripmap__stop" } }
                    data-stop=stop.id.clone()
                    role="button"
                    tabindex="0"
                    aria-label=stop.name.to_string()
                    aria-pressed=move || is_selected().to_string()
                    on:click=move |_| on_click.toggle(i)
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            ev.stop_propagation();
                            on_key.toggle(i);
                        }
                    }
                >
                    <circle class="tripmap__hit" cx=move || num(pos.get().x) cy=move || num(pos.get().y) r=num(HIT_R) />
                    <circle class="tripmap__marker" cx=move || num(pos.get().x) cy=move || num(pos.get().y) r=num(MARKER_R) />
                    <text class="tripmap__label" x=move || num(l().x) y=move || num(l().y) text-anchor=move || l().anchor visibility=move || shown(l().visible)>{ctx.isolate(&labels.with_untracked(|l| l.stops[i].text.clone()))}</text>
                </g>
            }
        })
        .collect_view();
    // Numbers sit in their own layer, outside the buttons, so that each button's visible text
    // is exactly its accessible name (the stop's name); clicks pass through them.
    let numbers = (0..ctx.story.stops.len())
        .map(|i| {
            let p = at[i];
            view! { <text class="tripmap__marker-num" x=move || num(p.get().x) y=move || num(p.get().y + MARKER_NUM_DY) text-anchor="middle">{ctx.locale.number(i as u64 + 1)}</text> }
        })
        .collect_view();
    view! {
        <g class="tripmap__stops-layer">{markers}</g>
        <g class="tripmap__numbers" aria-hidden="true">{numbers}</g>
    }
}

/// A scale bar, true at the map's centre, for the current zoom.
#[component]
fn ScaleBar() -> impl IntoView {
    let ctx = use_map();
    let labels = ctx.labels;
    let bar = move || labels.with(|l| l.scale_bar.clone());
    let c = ctx.clone();
    let text = move || c.isolate(&c.locale.km(bar().km));
    let d = move || bar().path();
    view! {
        <g class="tripmap__scale" aria-hidden="true">
            <path class="tripmap__scale-bar" d=d />
            <text class="tripmap__scale-label" x=move || num(bar().x) y=move || num(bar().y - 8.0)>{text}</text>
        </g>
    }
}

/// SVG `visibility` for a label that may have no room.
fn shown(visible: bool) -> &'static str {
    if visible {
        "visible"
    } else {
        "hidden"
    }
}
