use super::use_map;
#[cfg(not(lean))]
use super::Mode;
use leptos::prelude::*;

/// The stops in order with their dates: a compact timeline that is also a second way to open
/// each card (and the text equivalent of the markers). On the static map each button opens its
/// card's popover by HTML alone.
#[component]
pub fn StopList() -> impl IntoView {
    let ctx = use_map();
    match ctx.parts {
        #[cfg(not(lean))]
        super::Parts::Drawn => drawn(ctx).into_any(),
        #[cfg(lean)]
        super::Parts::Adopted(_) => super::adopted::stop_list(&ctx).into_any(),
    }
}

#[cfg(not(lean))]
fn drawn(ctx: super::MapContext) -> impl IntoView {
    let items = ctx
        .story
        .stops
        .iter()
        .enumerate()
        .map(|(i, stop)| {
            let selected = ctx.selected;
            let on_click = ctx.clone();
            let live = ctx.mode == Mode::Live;
            view! {
                <li>
                    <button
                        type="button"
                        class="tripmap__stop-button"
                        aria-pressed=move || live.then(|| (selected.get() == Some(i)).to_string())
                        popovertarget=(!live).then(|| ctx.card_id(i))
                        on:click=move |_| on_click.toggle(i)
                    >
                        <span class="tripmap__stop-num" aria-hidden="true">{ctx.locale.number(i as u64 + 1)}</span>
                        <span class="tripmap__stop-name">{stop.name.to_string()}</span>
                        <span class="tripmap__stop-date">{ctx.when(stop)}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="tripmap__stop-list" aria-label=ctx.strings.stops>{items}</ol> }
}
