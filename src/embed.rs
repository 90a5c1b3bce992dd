//! The page side: finds every `[data-tripmap]` element, reads the story JSON inside it (or uses
//! the default story), and mounts a map, or an error panel, into it. Exported to JS as
//! `mountAll`, which the loader (www/tripmap.js) calls once the module is ready.

use crate::story::Story;
use crate::ui::{ErrorPanel, TripMap};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Attribute set on a host element once mounted, so a second `mountAll` leaves it alone.
const MOUNTED: &str = "data-tripmap-mounted";
/// Width assumed for a host that has no layout yet (hidden, or detached).
const FALLBACK_WIDTH_PX: f64 = 720.0;

/// Mounts every `[data-tripmap]` element on the page not mounted yet; returns how many.
#[wasm_bindgen(js_name = mountAll)]
pub fn mount_all() -> u32 {
    console_error_panic_hook::set_once();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return 0 };
    let Ok(list) = doc.query_selector_all("[data-tripmap]") else { return 0 };
    let mut mounted = 0;
    for i in 0..list.length() {
        if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
            if !el.has_attribute(MOUNTED) {
                mount_element(el);
                mounted += 1;
            }
        }
    }
    mounted
}

/// Reads the story embedded in `el` and mounts the map (or the error panel) into it.
pub fn mount_element(el: HtmlElement) {
    let _ = el.set_attribute(MOUNTED, "");
    let json = el
        .query_selector(r#"script[type="application/json"]"#)
        .ok()
        .flatten()
        .and_then(|s| s.text_content())
        .filter(|t| !t.trim().is_empty());
    let story = match json {
        Some(json) => Story::from_json(&json),
        None => Ok(Story::default_story()),
    };
    let width = match el.client_width() {
        w if w > 0 => w as f64,
        _ => FALLBACK_WIDTH_PX,
    };
    match story {
        Ok(story) => leptos::mount::mount_to(el, move || view! { <TripMap story container_px=width /> }).forget(),
        Err(problems) => {
            let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            web_sys::console::error_1(&format!("TripMap: the story has problems:\n{}", lines.join("\n")).into());
            leptos::mount::mount_to(el, move || view! { <ErrorPanel problems=lines /> }).forget();
        }
    }
}
