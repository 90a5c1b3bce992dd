//! The page services the components call from their event handlers and effects (never from a
//! component's body, which also runs natively when the static map is rendered): deep links in
//! the URL, the `tripmap:select` event, focus, media queries, making room for a phone's sheet.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The stop id in the page's URL for this map's parameter.
pub fn read_link(param: Option<&str>) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    web_sys::Url::new(&href).ok()?.search_params().get(param?)
}

/// Puts the open stop into the page's URL (or takes it out) with `history.replaceState`:
/// no new history entry, the page's own hash, state and other parameters untouched.
///
/// Written after the frame that follows, not in the click's task: the URL is nothing the reader
/// sees at once, and writing it (3–4 ms at 4× CPU) would hold that frame, the one with the card,
/// back. Writes before then are coalesced per parameter, the last one winning, so a close right
/// after a click can never be overtaken by the click's stop.
pub fn write_link(param: Option<&str>, stop: Option<&str>) {
    thread_local! {
        static PENDING: std::cell::RefCell<Vec<(String, Option<String>)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let Some(param) = param else { return };
    let first = PENDING.with_borrow_mut(|pending| {
        let first = pending.is_empty();
        pending.retain(|(p, _)| p != param);
        pending.push((param.to_owned(), stop.map(str::to_owned)));
        first
    });
    if first {
        after_frame(|| PENDING.with_borrow_mut(|pending| replace_link(&std::mem::take(pending))));
    }
}

/// Runs `f` once the next frame is rendered: for what a reader's action needs done soon, but not
/// in the frame that shows what it changed (a task posted from the frame's callbacks runs after
/// the frame's style, layout and paint).
pub fn after_frame(f: impl FnOnce() + 'static) {
    // One copy of the frame and timer glue for every caller, not one per closure type.
    fn post(f: Box<dyn FnOnce()>) {
        leptos::prelude::request_animation_frame(move || leptos::prelude::set_timeout(f, std::time::Duration::ZERO));
    }
    post(Box::new(f));
}

/// Sets (or deletes) each parameter in the page's URL in one `history.replaceState`.
fn replace_link(links: &[(String, Option<String>)]) {
    let Some(window) = web_sys::window() else { return };
    let Ok(href) = window.location().href() else { return };
    let Ok(url) = web_sys::Url::new(&href) else { return };
    for (param, stop) in links {
        match stop {
            Some(id) => url.search_params().set(param, id),
            None => url.search_params().delete(param),
        }
    }
    if let Ok(history) = window.history() {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url.href()));
    }
}

/// Tells the page a reader opened a stop: a `tripmap:select` event bubbling from the map's root
/// out of its shadow root (composed) and up through the `[data-tripmap]` element, with
/// `detail.stopId`, for analytics.
///
/// Sent after the frame that shows the card: the page's listeners (analytics scripts, some of
/// them slow) run then, never in the task that frame waits for.
pub fn announce_select(root: Element, stop_id: String) {
    after_frame(move || dispatch_select(&root, &stop_id));
}

fn dispatch_select(root: &Element, stop_id: &str) {
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

/// Whether focus is inside an element under `root` matching `selector` (in the map's shadow
/// root, whose active element the page's `document.activeElement` does not show).
pub fn focus_within(root: &Element, selector: &str) -> bool {
    let active = shadow_root_of(root).and_then(|r| r.active_element());
    active.and_then(|a| a.closest(selector).ok().flatten()).is_some_and(|el| root.contains(Some(&el)))
}

/// Whether the map under `root` is driven by a scrolling story (its host has
/// [`super::SCROLLY_ATTR`]).
pub fn in_scrolly(root: &Element) -> bool {
    shadow_root_of(root).is_some_and(|r| r.host().has_attribute(super::SCROLLY_ATTR))
}

/// The shadow root the map's elements live in (`<tripmap-view>`'s).
fn shadow_root_of(el: &Element) -> Option<web_sys::ShadowRoot> {
    el.get_root_node().dyn_into().ok()
}

/// Moves focus into a card (screen readers announce it), scrolling it into view unless
/// `in_place`.
pub fn focus_card(card: &HtmlElement, in_place: bool) {
    let opts = web_sys::FocusOptions::new();
    opts.set_prevent_scroll(in_place);
    if card.is_connected() {
        let _ = card.focus_with_options(&opts);
    }
}

/// Focuses the first element under `root` matching `selector`, HTML or SVG.
pub fn focus(root: &Element, selector: &str) {
    let Some(el) = root.query_selector(selector).ok().flatten() else { return };
    if let Some(html) = el.dyn_ref::<HtmlElement>() {
        let _ = html.focus();
    } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus();
    }
}

/// Lays out the hidden card under `root` matching `selector` once where no one sees it
/// (`.is-unseen`): a hidden card is `content-visibility: hidden` at the width it shows at, so
/// the browser keeps that layout (and its text's faces and shapes), and showing the card later
/// restyles it without laying out its text.
pub fn lay_out_unseen(root: &Element, selector: &str) {
    let Some(el) = root.query_selector(selector).ok().flatten().and_then(|el| el.dyn_into::<HtmlElement>().ok()) else { return };
    if !el.hidden() {
        return;
    }
    let classes = el.class_list();
    let _ = classes.add_1("is-unseen");
    // Reading its size lays it out now.
    let _ = el.offset_height();
    let _ = classes.remove_1("is-unseen");
}

/// Share of the screen's height the bottom sheet may cover (its CSS max-height is 50vh).
const SHEET_SHARE: f64 = 0.5;

/// Phones: the card is a bottom sheet over the lower half of the screen. Scrolls the page so
/// that the map's top is near the screen's top, and returns how much of the map's height (in
/// scene pixels) the sheet will then cover, so that the fly-to frames the stop above it.
pub fn make_room_for_sheet(svg: &Element, scene_width: f64) -> f64 {
    let Some(window) = web_sys::window() else { return 0.0 };
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

/// A scrolling story's narrow map: the card is a sheet over the lower part of the graphic, up
/// to the share of its height its stylesheet gives (`--_sheet-share`; none outside a scrolling
/// story). Returns how much of the map's height (in scene pixels) the sheet covers, so that the
/// fly-to frames the stop above it; the page does not move.
pub fn sheet_within(root: &Element, svg: &Element, scene_width: f64) -> f64 {
    let share = web_sys::window()
        .and_then(|w| w.get_computed_style(root).ok().flatten())
        .and_then(|style| style.get_property_value("--_sheet-share").ok())
        .and_then(|v| crate::format::read_number(&v))
        .unwrap_or(0.0);
    let (outer, map) = (root.get_bounding_client_rect(), svg.get_bounding_client_rect());
    if share <= 0.0 || map.width() <= 0.0 {
        return 0.0;
    }
    let covered = share * outer.height() - (outer.bottom() - map.bottom());
    covered.max(0.0) * scene_width / map.width()
}

/// True when the reader has asked the system for reduced motion. Asked on every click and
/// scroll step: the query is parsed once, when the map is first on screen (`matchMedia` cost a
/// first click about 1.1 ms at the bench's 4× throttling), and its list answers live.
pub fn prefers_reduced_motion() -> bool {
    thread_local! {
        static REDUCE: Option<web_sys::MediaQueryList> =
            web_sys::window().and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten());
    }
    REDUCE.with(|list| list.as_ref().is_some_and(|l| l.matches()))
}

/// Keeps `matches` in step with a media query, live, until the owner is cleaned up (call it in an
/// effect: it is a browser call).
pub fn follow_media(query: &str, matches: leptos::prelude::RwSignal<bool>) {
    use leptos::prelude::*;
    let Some(list) = web_sys::window().and_then(|w| w.match_media(query).ok().flatten()) else { return };
    matches.set(list.matches());
    let on_change = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(move |ev: web_sys::MediaQueryListEvent| _ = matches.try_set(ev.matches()));
    let _ = list.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    let held = send_wrapper::SendWrapper::new((list, on_change));
    on_cleanup(move || {
        let _ = held.0.remove_event_listener_with_callback("change", held.1.as_ref().unchecked_ref());
    });
}

/// Whether a media query matches now.
pub fn media_matches(query: &str) -> bool {
    web_sys::window().and_then(|w| w.match_media(query).ok().flatten()).is_some_and(|m| m.matches())
}
