//! The page side: finds every `[data-tripmap]` element, reads the story JSON inside it (or uses
//! the default story), and mounts a map, or an error panel, into it. Exported to JS as
//! `mountAll`, which the loader (www/tripmap.js) calls once the module is ready. Also the few
//! page services the components need: deep links in the URL, focus, reduced motion.

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
    install_panic_hook();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return 0 };
    let Ok(list) = doc.query_selector_all("[data-tripmap]") else { return 0 };
    let mut mounted = 0;
    for i in 0..list.length() {
        if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
            if !el.has_attribute(MOUNTED) {
                let param = link_param(&el, i);
                mount_element_with_link(el, Some(param));
                mounted += 1;
            }
        }
    }
    mounted
}

/// Turns any panic into a visible panel instead of a frozen map. The release build aborts on
/// panic, which ends the wasm instance and with it every map on the page; before that, this
/// hook logs the panic (with its stack) and puts a panel in each map, built with plain DOM
/// calls rather than Leptos, whose runtime may be what failed.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            show_crash_panels();
        }));
    });
}

fn show_crash_panels() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(list) = doc.query_selector_all(&format!("[{MOUNTED}]")) else { return };
    for i in 0..list.length() {
        let Some(host) = list.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else { continue };
        let t = crate::i18n::Strings::for_lang(&page_language(&host));
        let (Ok(panel), Ok(p)) = (doc.create_element("div"), doc.create_element("p")) else { continue };
        let _ = panel.set_attribute("class", "tripmap tripmap--error tripmap--crashed");
        let _ = panel.set_attribute("role", "alert");
        let _ = panel.set_attribute("lang", t.lang);
        let _ = panel.set_attribute("dir", if crate::i18n::is_rtl(t.lang) { "rtl" } else { "ltr" });
        let _ = p.set_attribute("class", "tripmap__error-title");
        p.set_text_content(Some(t.crashed));
        let _ = panel.append_child(&p);
        host.set_text_content(None);
        let _ = host.append_child(&panel);
    }
}

/// Fault injection for the end-to-end test of the panic hook: panics inside TripMap. A page
/// calling it only stops its own maps, which is what the test checks.
#[wasm_bindgen(js_name = faultForTesting)]
pub fn fault_for_testing() {
    panic!("fault injected by TripMap's panic-hook test");
}

/// The URL parameter that holds a map's open stop: `tripmap` for the page's first map,
/// `tripmap-<id>` for a host element with an `id`, else `tripmap-<n>` by document order.
fn link_param(el: &HtmlElement, index: u32) -> String {
    match el.id() {
        id if !id.is_empty() => format!("tripmap-{id}"),
        _ if index == 0 => "tripmap".to_string(),
        _ => format!("tripmap-{}", index + 1),
    }
}

/// Reads the story embedded in `el` and mounts the map (or the error panel) into it, without
/// deep links (for tests and for pages that mount maps themselves).
pub fn mount_element(el: HtmlElement) {
    mount_element_with_link(el, None);
}

fn mount_element_with_link(el: HtmlElement, link_param: Option<String>) {
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
    let lang = page_language(&el);
    let digits = el.get_attribute("data-digits").unwrap_or_default().to_ascii_lowercase();
    match story {
        Ok(story) => leptos::mount::mount_to(el, move || view! { <TripMap story container_px=width link_param lang digits /> }).forget(),
        Err(problems) => {
            let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            web_sys::console::error_1(&format!("TripMap: the story has problems:\n{}", lines.join("\n")).into());
            leptos::mount::mount_to(el, move || view! { <ErrorPanel problems lang /> }).forget();
        }
    }
}

/// The language the page asks for: `data-lang` on the embed, else the nearest `lang` attribute
/// up to `<html lang>`; "" when there is none (the story's own language is used).
fn page_language(el: &HtmlElement) -> String {
    if let Some(lang) = el.get_attribute("data-lang").filter(|l| !l.trim().is_empty()) {
        return lang;
    }
    el.closest("[lang]").ok().flatten().and_then(|e| e.get_attribute("lang")).unwrap_or_default()
}

/// The stop id in the page's URL for this map's parameter.
pub fn read_link(param: Option<&str>) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    web_sys::Url::new(&href).ok()?.search_params().get(param?)
}

/// Puts the open stop into the page's URL (or takes it out) with `history.replaceState`:
/// no new history entry, the page's own hash, state and other parameters untouched.
pub fn write_link(param: Option<&str>, stop: Option<&str>) {
    let Some(param) = param else { return };
    let Some(window) = web_sys::window() else { return };
    let Ok(href) = window.location().href() else { return };
    let Ok(url) = web_sys::Url::new(&href) else { return };
    match stop {
        Some(id) => url.search_params().set(param, id),
        None => url.search_params().delete(param),
    }
    if let Ok(history) = window.history() {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url.href()));
    }
}

/// Tells the page a reader opened a stop: a `tripmap:select` event bubbling from the map's root
/// (`.tripmap`), with `detail.stopId`, for analytics.
pub fn announce_select(root_id: &str, stop_id: &str) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(root_id)) else { return };
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"stopId".into(), &stop_id.into());
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("tripmap:select", &init) {
        let _ = root.dispatch_event(&ev);
    }
}

/// Focuses the first element matching `selector`, HTML or SVG.
pub fn focus(selector: &str) {
    let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten()) else {
        return;
    };
    if let Some(html) = el.dyn_ref::<HtmlElement>() {
        let _ = html.focus();
    } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus();
    }
}

/// Share of the screen's height the bottom sheet may cover (its CSS max-height is 50vh).
const SHEET_SHARE: f64 = 0.5;

/// Phones: the card is a bottom sheet over the lower half of the screen. Scrolls the page so
/// that the map's top is near the screen's top, and returns how much of the map's height (in
/// scene pixels) the sheet will then cover, so that the fly-to frames the stop above it.
pub fn make_room_for_sheet(svg_selector: &str, scene_width: f64) -> f64 {
    let Some(window) = web_sys::window() else { return 0.0 };
    let Some(svg) = window.document().and_then(|d| d.query_selector(svg_selector).ok().flatten()) else { return 0.0 };
    let viewport_h = window.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let r = svg.get_bounding_client_rect();
    if r.width() <= 0.0 || viewport_h <= 0.0 {
        return 0.0;
    }
    const TOP_MARGIN: f64 = 8.0;
    let opts = web_sys::ScrollToOptions::new();
    opts.set_top(r.top() - TOP_MARGIN);
    opts.set_behavior(if prefers_reduced_motion() { web_sys::ScrollBehavior::Instant } else { web_sys::ScrollBehavior::Smooth });
    window.scroll_by_with_scroll_to_options(&opts);
    let visible = viewport_h * (1.0 - SHEET_SHARE) - TOP_MARGIN;
    (r.height() - visible).max(0.0) * scene_width / r.width()
}

/// True when the reader has asked the system for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}
