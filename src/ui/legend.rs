use super::{use_map, MapContext};
use crate::story::{LegColor, TravelMode};
use leptos::prelude::*;

/// One line of the key: a sample of a line's style and what it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendKey {
    /// `data-mode` of the sample (a route's sample is drawn as a road: solid).
    pub mode: TravelMode,
    pub color: LegColor,
    pub name: String,
}

/// What the key lists: each mode the drawn legs use, when they use more than one, then each
/// route, when there is more than one. Empty: no key. The HTML key and the standalone SVG's
/// both come from here.
pub fn legend_keys(ctx: &MapContext) -> Vec<LegendKey> {
    let t = ctx.strings;
    let modes = ctx.trip.modes();
    // The routes in the order the legs first name them (no sort: it would cost the wasm 3 KB).
    let mut routes: Vec<(usize, LegColor)> = Vec::new();
    for (i, color) in ctx.trip.legs().filter_map(|l| Some((l.route?, &l.color))) {
        if !routes.iter().any(|(r, _)| *r == i) {
            routes.push((i, color.clone()));
        }
    }
    let mut keys = Vec::new();
    if modes.len() > 1 {
        keys.extend(modes.into_iter().map(|mode| LegendKey { mode, color: LegColor::Default, name: t.mode_name(mode).to_string() }));
    }
    if routes.len() > 1 {
        keys.extend(routes.into_iter().map(|(i, color)| LegendKey { mode: TravelMode::Road, color, name: ctx.story.routes[i].name.to_string() }));
    }
    keys
}

/// A sample of a key's line along `d`, styled as the map's legs are (the HTML key's and the
/// standalone picture's).
pub fn key_line(k: &LegendKey, d: String) -> impl IntoView {
    view! { <path class="tripmap__leg-line" data-mode=k.mode.as_str() color=k.color.given() data-palette=k.color.palette() d=d /> }
}

/// What the lines mean, under the map: a sample of each line's style (as the map draws it)
/// and its name. The same markup on the static and the live map.
#[component]
pub fn Legend() -> impl IntoView {
    let ctx = use_map();
    match ctx.parts {
        #[cfg(not(lean))]
        super::Parts::Drawn => drawn(&ctx).into_any(),
        #[cfg(lean)]
        super::Parts::Adopted(_) => super::adopted::adopt(&ctx, ".tripmap__legend", |_| ()).into_any(),
    }
}

#[cfg(not(lean))]
fn drawn(ctx: &MapContext) -> impl IntoView {
    let keys = legend_keys(ctx);
    (!keys.is_empty()).then(|| {
        let items = keys
            .into_iter()
            .map(|k| {
                view! {
                    <li class="tripmap__legend-item">
                        <svg class="tripmap__legend-key" width="32" height="12" viewBox="0 0 32 12" aria-hidden="true">
                            {key_line(&k, "M3,6h26".into())}
                        </svg>
                        <span>{k.name}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="tripmap__legend" aria-label=ctx.strings.legend>{items}</ul> }
    })
}
