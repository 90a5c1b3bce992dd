//! The lean map module's parts taken from the static map ([`Parts::Adopted`](super::Parts)):
//! moved, as the build drew them, to where the components would draw them, and wired to the
//! live map. The static map names its cards' popovers in attributes (`popover`, `popovertarget`)
//! that the live map, which shows one card at a time itself, takes off.

use super::{MapContext, STATIC_IDS};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The static map's elements matching `selector`, moved into a box of no layout of its own
/// (`.tripmap__adopted`, `display: contents`) where the components would draw them; an `id` is
/// given this map's prefix (ARIA references point at it). `on_click` hears clicks inside them.
pub fn adopt(ctx: &MapContext, selector: &str, on_click: impl Fn(&Element) + 'static) -> impl IntoView {
    place(ctx, all(ctx, selector), on_click)
}

/// [`adopt`] for elements already found.
fn place(ctx: &MapContext, parts: Vec<Element>, on_click: impl Fn(&Element) + 'static) -> impl IntoView {
    let parts = SendWrapper::new(parts);
    let ids = ctx.ids.clone();
    let holder = NodeRef::<leptos::html::Div>::new();
    holder.on_load(move |h| {
        for part in parts.iter() {
            if let Some(rest) = part.id().strip_prefix(STATIC_IDS) {
                part.set_id(&format!("{ids}{rest}"));
            }
            let _ = h.append_child(part);
        }
    });
    let on_click = SendWrapper::new(on_click);
    view! {
        <div
            class="tripmap__adopted"
            node_ref=holder
            on:click=move |ev| {
                if let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                    on_click(&target)
                }
            }
        ></div>
    }
}

/// The static map's elements matching `selector`, in document order.
pub fn all(ctx: &MapContext, selector: &str) -> Vec<Element> {
    let super::Parts::Adopted(root) = &ctx.parts;
    let Ok(list) = root.query_selector_all(selector) else { return vec![] };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

/// The stop list: its buttons toggle their stops' cards and say which one is open
/// (`aria-pressed`), as the components' live list does.
pub fn stop_list(ctx: &MapContext) -> impl IntoView {
    let buttons = SendWrapper::new(all(ctx, ".tripmap__stop-button"));
    for b in buttons.iter() {
        let _ = b.remove_attribute("popovertarget");
    }
    let (selected, pressed) = (ctx.selected, buttons.clone());
    Effect::new(move |_| {
        let open = selected.get();
        for (i, b) in pressed.iter().enumerate() {
            let _ = b.set_attribute("aria-pressed", if open == Some(i) { "true" } else { "false" });
        }
    });
    let c = ctx.clone();
    adopt(ctx, ".tripmap__stop-list", move |target| {
        let Some(button) = target.closest(".tripmap__stop-button").ok().flatten() else { return };
        if let Some(i) = buttons.iter().position(|b| *b == button) {
            c.toggle(i);
        }
    })
}

/// Every stop's card, in stop order, as the live map shows them: one at a time (`hidden`), no
/// popover; a click on a card's close button closes it.
pub fn cards(ctx: &MapContext) -> (impl IntoView, Vec<HtmlElement>) {
    let found = all(ctx, "[data-card]");
    let cards: Vec<HtmlElement> = found.iter().filter_map(|c| c.clone().dyn_into().ok()).collect();
    for card in &cards {
        // Moving a popover closes it; a card the reader had open stays open (`Open::Kept`).
        for attr in ["popover", "id"] {
            let _ = card.remove_attribute(attr);
        }
        card.set_hidden(true);
        let _ = card.class_list().remove_1("is-unseen");
    }
    for close in all(ctx, ".tripmap__card .tripmap__close") {
        for attr in ["popovertarget", "popovertargetaction"] {
            let _ = close.remove_attribute(attr);
        }
    }
    let c = ctx.clone();
    let view = place(ctx, found, move |target| {
        if target.closest(".tripmap__close").ok().flatten().is_some() {
            c.close();
        }
    });
    (view, cards)
}
