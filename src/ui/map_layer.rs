use super::gestures::Gestures;
use super::{use_map, Countries, MapContext, Mode};
use crate::format::{decimal, fixed};
use crate::path::num;
use crate::scene::{DENSE_STOPS, HIT_R, MARKER_NUM_DY, MARKER_R};
use crate::story::TravelMode;
use crate::zoom::View;
use geo::{coord, Coord};
use leptos::prelude::*;

/// Which screens a drawing is for: the static map holds one for phones and one for the rest
/// (the CSS shows the one that fits); the live map is laid out for the screen it is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screens {
    #[default]
    All,
    Wide,
    Narrow,
}

/// The SVG map. Sea, countries, borders and routes are drawn in scene pixels under the view's
/// transform (strokes do not scale); markers, labels and the scale bar are drawn at their
/// transformed positions, so they keep their size at any zoom.
#[component]
pub fn MapLayer(#[prop(optional)] screens: Screens) -> impl IntoView {
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
    let dense = ctx.story.stops.len() > DENSE_STOPS;
    let (c1, c2, c3, c4, c5, c6) = (ctx.clone(), ctx.clone(), ctx.clone(), ctx.clone(), ctx.clone(), ctx.clone());
    let hint = g.hint;
    let live = ctx.mode == Mode::Live;
    let zoomed = Memo::new(move |_| view.get().k > 1.0);
    view! {
        <svg
            class="tripmap__svg"
            class:is-zoomed=zoomed
            class:is-dense=dense
            class:is-wide=screens == Screens::Wide
            class:is-narrow=screens == Screens::Narrow
            viewBox=move || format!("0 0 {} {}", decimal(size().0, 2), decimal(size().1, 2))
            width=move || decimal(size().0, 2)
            height=move || decimal(size().1, 2)
            role="group"
            aria-label=label
            aria-describedby=ctx.id("desc")
            // Out of the flow even without the stylesheet: the map area's size decides the
            // drawing's, never the other way round (that would be a resize loop). The static
            // map has its stylesheet first, and no style attribute (a strict CSP blocks them).
            style:position=live.then_some("absolute")
            style:inset=live.then_some("0")
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
        {live.then(|| view! { <p class="tripmap__hint" class:is-shown=move || hint.get() aria-hidden="true">{hint_text}</p> })}
    }
}

/// Sea, graticule, countries (trip countries highlighted, outlined by their coasts) and land
/// borders; drawn afresh when the scene changes (the map was resized), or the static map's,
/// carried onto the scene by a transform.
#[component]
fn BaseLayer() -> impl IntoView {
    let ctx = use_map();
    let scene = ctx.scene;
    // Where the countries were drawn, carried onto this scene (their strokes do not scale).
    let refit = move |drawn_for: crate::scene::Fit| {
        move || {
            scene.with(|s| {
                let (k, tx, ty) = s.as_deref().map_or((1.0, 0.0, 0.0), |s| drawn_for.refit_to(&s.fit()));
                let (k, tx, ty) = (fixed(k, 6), fixed(tx, 2), fixed(ty, 2));
                format!("matrix({k} 0 0 {k} {tx} {ty})")
            })
        }
    };
    match ctx.countries {
        Countries::Reused { layer, fit } => {
            let holder = NodeRef::<leptos::svg::G>::new();
            holder.on_load(move |g| {
                let _ = g.append_child(&layer);
            });
            view! { <g class="tripmap__base-reused" transform=refit(fit) node_ref=holder></g> }.into_any()
        }
        #[cfg(not(target_arch = "wasm32"))]
        Countries::Shared { fit } => view! { <use href=format!("#{}", ctx.id("base")) transform=refit(fit) /> }.into_any(),
        #[cfg(any(not(target_arch = "wasm32"), feature = "standalone"))]
        Countries::Drawn(_) => {
            let (mode, base_id) = (ctx.mode, ctx.id("base"));
            (move || scene.with(|s| s.as_deref().map(|s| base_layer(s, base_id.clone(), mode)))).into_any()
        }
    }
}

/// The base layer; on the static map it says what fit it was drawn with (`data-fit`), for the
/// live map that takes it over.
#[cfg(any(not(target_arch = "wasm32"), feature = "standalone"))]
fn base_layer(s: &crate::scene::Scene, id: String, mode: Mode) -> impl IntoView {
    let fit = (mode != Mode::Live).then(|| s.fit().to_attr());
    let countries = s
        .countries
        .iter()
        .map(|c| view! { <path class="tripmap__country" class:is-visited=c.visited data-country=c.id.clone() d=c.d.clone() /> })
        .collect_view();
    view! {
        <g class="tripmap__base" id=id data-fit=fit transform=s.base_units.transform() aria-hidden="true">
            <path class="tripmap__sphere" d=s.sphere.clone() />
            <path class="tripmap__graticule" d=s.graticule.clone() />
            {countries}
            <path class="tripmap__borders" d=s.borders.clone() />
        </g>
    }
}

/// Legs as geodesic curves; the leg into the selected stop stands out and draws itself.
#[component]
fn RouteLayer() -> impl IntoView {
    let MapContext { scene, selected, view, mode, .. } = use_map();
    move || scene.with(|s| s.as_deref().map(|s| route_layer(s, selected, view, mode)))
}

fn route_layer(scene: &crate::scene::Scene, selected: RwSignal<Option<usize>>, view: RwSignal<View>, mode: Mode) -> impl IntoView {
    let legs = scene
        .legs
        .iter()
        .map(|leg| {
            let to = leg.to;
            // The leg into the selected stop draws itself along pathLength="1", which would
            // stretch a dashed mode's dashes as well: those stand out by weight alone.
            let solid = matches!(leg.mode, TravelMode::Flight | TravelMode::Road);
            view! {
                <g class="tripmap__leg" class:is-selected=move || selected.get() == Some(to)>
                    <path
                        class="tripmap__leg-line"
                        data-leg=leg.key.clone()
                        data-mode=leg.mode.as_str()
                        data-distance-km=leg.distance_km.to_string()
                        d=leg.d.clone()
                        color=leg.color.given()
                        data-palette=leg.color.palette()
                        pathLength=solid.then_some("1")
                    />
                </g>
            }
        })
        .collect_view();
    // The zoom factor for the legs' stroke widths, set here and not on the <svg>: a custom
    // property changed on an ancestor of every country path restyles them all on every frame
    // of a fly-to. The static map never zooms (and may carry no style attribute).
    let k = move || (mode == Mode::Live).then(|| fixed(view.get().k, 4));
    view! { <g class="tripmap__routes" style:--tripmap-k=k>{legs}</g> }
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
        .map(|(i, leg)| {
            let l = move || labels.with(|l| l.legs[i].clone());
            let text = ctx.isolate(&ctx.locale.km(leg.km()));
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
        .map(|i| {
            Memo::new(move |_| scene.with(|s| s.as_ref().map_or(coord! { x: 0.0, y: 0.0 }, |s| view.get().apply(coord! { x: s.stops[i].x, y: s.stops[i].y }))))
        })
        .collect();
    let markers = (0..ctx.story.stops.len())
        .map(|i| {
            let stop = &ctx.story.stops[i];
            let selected = ctx.selected;
            let is_selected = move || selected.get() == Some(i);
            let (on_click, on_key) = (ctx.clone(), ctx.clone());
            let pos = at[i];
            let l = move || labels.with(|l| l.stops[i].clone());
            let hit = view! {
                <circle class="tripmap__hit" cx=move || num(pos.get().x) cy=move || num(pos.get().y) r=num(HIT_R) />
                <circle class="tripmap__marker" cx=move || num(pos.get().x) cy=move || num(pos.get().y) r=num(MARKER_R) />
                <text class="tripmap__label" x=move || num(l().x) y=move || num(l().y) text-anchor=move || l().anchor visibility=move || shown(l().visible)>{ctx.isolate(&labels.with_untracked(|l| l.stops[i].text.clone()))}</text>
            };
            match ctx.mode {
                Mode::Live => view! {
                    <g
                        class="tripmap__stop"
                        class:is-selected=is_selected
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
                        {hit}
                    </g>
                }
                .into_any(),
                #[cfg(not(target_arch = "wasm32"))]
                Mode::Picture => view! { <g class="tripmap__stop" data-stop=stop.id.clone()>{hit}</g> }.into_any(),
                // HTML alone opens the card: a button over the marker, naming its popover.
                #[cfg(not(target_arch = "wasm32"))]
                Mode::Static => {
                    let (x, y) = pos.get_untracked().x_y();
                    view! {
                        <g class="tripmap__stop" data-stop=stop.id.clone()>
                            {hit}
                            <foreignObject x=num(x - HIT_R) y=num(y - HIT_R) width=num(2.0 * HIT_R) height=num(2.0 * HIT_R)>
                                <button type="button" class="tripmap__stop-open" popovertarget=ctx.card_id(i) aria-label=stop.name.to_string()></button>
                            </foreignObject>
                        </g>
                    }
                    .into_any()
                }
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
