//! The page side: mounts a map (or an error panel) into a `[data-tripmap]` element, each in its
//! own shadow root, and the JS API around it (`mountElement`, `mountFailed`, the
//! handle's `select`/`close`/`destroy`, `setStyles`). The loader (www/tripmap.js) decides when
//! (lazily, as maps near the screen) and fetches the shared stylesheet. The page services the
//! components call live in `ui::page`.
//!
//! Why a shadow root: a news page's CSS (`svg{max-width:100%}`, `button{all:unset}`,
//! `path{fill:black}`, Bootstrap) cannot reach inside it, and the map's CSS cannot leak out.
//! `<figure>` cannot host one, so the map lives in an inner `<tripmap-view>` element.

#[cfg(feature = "standalone")]
use crate::basemap::Basemap;
use crate::format::Digits;
use crate::scene::Fit;
use crate::story::Story;
#[cfg(feature = "standalone")]
use crate::story::{Problem, What};
use crate::ui::{Command, Countries, Drawing, Open, Parts, Theme, TripMap};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Attribute set on a host element once mounted: the loader's `mountAll` and lazy start skip it.
const MOUNTED: &str = "data-tripmap-mounted";
/// The inner element that holds the shadow root.
const VIEW_TAG: &str = "tripmap-view";
/// Width assumed for a host that has no layout yet (hidden, or detached): it only picks the
/// first layout (narrow or not) until the map is measured.
const FALLBACK_WIDTH_PX: f64 = 720.0;

/// One mounted map.
struct Mounted {
    /// The page's `[data-tripmap]` element.
    element: HtmlElement,
    /// The `<tripmap-view>` inside it, host of the shadow root.
    view_host: Element,
    /// Dropping it unmounts the Leptos view and runs its cleanups.
    unmount: Option<Box<dyn std::any::Any>>,
    /// Requests from the JS API to the map (none for an error panel).
    commands: Option<RwSignal<Option<Command>>>,
    stop_ids: Vec<String>,
}

thread_local! {
    /// The component stylesheet (a `CSSStyleSheet`), shared by every map's shadow root.
    static STYLES: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    static MAPS: RefCell<HashMap<u32, Mounted>> = RefCell::new(HashMap::new());
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// A mounted map, as the JS API returns it: `handle.select("lima")`, `handle.destroy()`.
#[wasm_bindgen]
pub struct MapHandle {
    id: u32,
}

#[wasm_bindgen]
impl MapHandle {
    /// Opens stop `stop_id`'s card and flies to it, as if the reader had chosen it (without
    /// moving focus or sending `tripmap:select`). False if the map has no such stop.
    pub fn select(&self, stop_id: &str) -> bool {
        self.command(|ids| ids.iter().any(|s| s == stop_id).then(|| Command::Select(stop_id.to_string())))
    }

    /// A scrolling story's step reached the reading line: opens stop `stop_id`'s card and flies
    /// to it, or with `""` closes the card and shows the whole trip. Leaves focus and the page's
    /// URL alone and sends no event. False if the map has no such stop.
    pub fn step(&self, stop_id: &str) -> bool {
        self.command(|ids| match stop_id {
            "" => Some(Command::Step(None)),
            id => ids.iter().any(|s| s == id).then(|| Command::Step(Some(id.to_string()))),
        })
    }

    /// Closes the open card, if any.
    pub fn close(&self) {
        self.command(|_| Some(Command::Close));
    }

    /// Removes the map and everything it added; the element is left as it was before.
    pub fn destroy(&self) {
        destroy(self.id);
    }

    /// The `[data-tripmap]` element the map lives in (undefined once destroyed).
    #[wasm_bindgen(getter)]
    pub fn element(&self) -> Option<HtmlElement> {
        MAPS.with_borrow(|m| m.get(&self.id).map(|m| m.element.clone()))
    }

    fn command(&self, make: impl FnOnce(&[String]) -> Option<Command>) -> bool {
        let Some((signal, cmd)) = MAPS.with_borrow(|m| {
            let m = m.get(&self.id)?;
            Some((m.commands?, make(&m.stop_ids)?))
        }) else {
            return false;
        };
        signal.set(Some(cmd));
        true
    }
}

/// The stylesheet every map adopts into its shadow root (from the loader, which fetches
/// tripmap-map.css once per page). Maps mounted before it arrives get it too.
#[wasm_bindgen(js_name = setStyles)]
pub fn set_styles(sheet: JsValue) {
    STYLES.with_borrow_mut(|s| *s = Some(sheet));
    MAPS.with_borrow(|maps| {
        for m in maps.values() {
            if let Some(root) = m.view_host.shadow_root() {
                adopt_styles(&root);
            }
        }
    });
}

/// Mounts a map into `el`: the story `json` (a string) if given, else the story embedded in
/// `el`. An element already holding a map gets the new one instead. Throws (touching nothing)
/// if it has no story (the loader then gives it the default one); in the standalone module, if
/// the map needs the basemap and has not been given it (`setBasemap`) or if only the checker
/// can word its problems; in the lean one, for anything but a static map's own checked story.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element_with(el: HtmlElement, json: Option<String>) -> Result<MapHandle, JsValue> {
    mount_source(el, json.map_or(Source::Embedded, Source::Given))
}

/// Mounts an error panel into `el`: the story named by its `data-story` attribute could not be
/// loaded, for `reason`.
#[cfg(feature = "standalone")]
#[wasm_bindgen(js_name = mountFailed)]
pub fn mount_failed(el: HtmlElement, reason: String) -> MapHandle {
    // An error panel needs no basemap: this mount cannot ask for one.
    mount_source(el, Source::NotLoaded(reason)).unwrap_or(MapHandle { id: 0 })
}

/// Mounts an error panel listing `problems` (JSON, as the importer and checker modules report
/// them) into `el`: a StoryMapJS or GeoJSON story that could not be imported, or a story the
/// map's quick read refused.
#[cfg(feature = "standalone")]
#[wasm_bindgen(js_name = mountProblems)]
pub fn mount_problems(el: HtmlElement, problems: String) -> MapHandle {
    let problems = match crate::js_json::read::<Vec<Problem>>(&problems) {
        Ok((list, _)) if !list.is_empty() => list,
        // The map's reader and the checker disagree (a bug): the panel still says what happened.
        Ok(_) => vec![Problem::new("", What::Other, &[("text", "the map could not read the story, yet the checker found nothing wrong in it")])],
        Err(why) => vec![Problem::new("", What::Other, &[("text", &format!("the list of problems is unreadable ({why})"))])],
    };
    // An error panel needs no basemap: this mount cannot ask for one.
    mount_source(el, Source::Problems(problems)).unwrap_or(MapHandle { id: 0 })
}

/// Reads the story embedded in `el` and mounts the map (or the error panel) into it (Rust API,
/// for tests and for pages that mount maps themselves). `Err` as for `mountElement`.
pub fn mount_element(el: HtmlElement) -> Result<MapHandle, JsValue> {
    mount_source(el, Source::Embedded)
}

/// What a map is mounted from.
enum Source {
    /// The story embedded in the element (`<script type="application/json">`).
    Embedded,
    /// A story given as JSON text.
    Given(String),
    /// Straight to an error panel: a `data-story` file that did not load, and why.
    #[cfg(feature = "standalone")]
    NotLoaded(String),
    /// Straight to an error panel: problems found by another module.
    #[cfg(feature = "standalone")]
    Problems(Vec<Problem>),
}

/// Why a map gets an error panel instead: its story's problems.
#[cfg(feature = "standalone")]
type Refused = Vec<Problem>;
/// The lean module shows no error panel: a story it cannot draw goes to the standalone module.
#[cfg(not(feature = "standalone"))]
type Refused = std::convert::Infallible;

/// `Err` (nothing touched): the map needs what it has not been given (see [`mount_element_with`]).
fn mount_source(el: HtmlElement, source: Source) -> Result<MapHandle, JsValue> {
    install_panic_hook();
    let reading = match source {
        Source::Embedded => story_and_countries(&el, &embedded_story(&el).ok_or_else(|| JsValue::from_str(NEEDS_STORY))?)?,
        Source::Given(json) => story_and_countries(&el, &json)?,
        #[cfg(feature = "standalone")]
        Source::NotLoaded(reason) => Err(vec![Problem::new("data-story", What::NotLoaded, &[("reason", &reason)])]),
        #[cfg(feature = "standalone")]
        Source::Problems(problems) => Err(problems),
    };
    // A card the reader opened on the static map stays open (read before the static map goes).
    let kept = open_static_card(&el);

    if let Some(id) = MAPS.with_borrow(|m| m.iter().find(|(_, m)| m.element == el).map(|(id, _)| *id)) {
        destroy(id);
    }
    let id = NEXT_ID.with(|n| n.replace(n.get() + 1));
    let Some((view_host, container)) = shadow_container(&el) else { return Ok(MapHandle { id }) };
    if reading.as_ref().is_ok_and(|(s, ..)| !s.steps.is_empty()) {
        let _ = view_host.set_attribute(crate::ui::STEPS_ATTR, "");
        let _ = view_host.set_attribute(crate::ui::SCROLLY_ATTR, "");
    }
    let _ = el.set_attribute(MOUNTED, "");
    let width = match view_host.client_width() {
        w if w > 0 => w as f64,
        _ => FALLBACK_WIDTH_PX,
    };
    let lang = page_language(&el);
    let (digits, theme, remote_images) = (page_digits(&el), Theme::parse(&el.get_attribute("data-theme").unwrap_or_default()), page_remote_images(&el));
    let mut mounted = Mounted { element: el.clone(), view_host, unmount: None, commands: None, stop_ids: vec![] };
    match reading {
        Ok((story, countries, parts)) => {
            let commands = RwSignal::new(None);
            mounted.commands = Some(commands);
            mounted.stop_ids = story.stops.iter().map(|s| s.id.clone()).collect();
            let param = link_param(&el);
            // A deep link wins over a card left open on the static map.
            let open = crate::ui::page::read_link(Some(&param)).map(Open::Link).or(kept);
            let drawing = Drawing::Live { container_px: width, commands: Some(commands), parts };
            let link_param = Some(param);
            let handle = leptos::mount::mount_to(container, move || {
                view! { <TripMap story countries drawing link_param open lang digits theme remote_images /> }
            });
            mounted.unmount = Some(Box::new(handle));
        }
        #[cfg(feature = "standalone")]
        Err(problems) => {
            let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            web_sys::console::error_1(&format!("TripMap: the story has problems:\n{}", lines.join("\n")).into());
            let handle = leptos::mount::mount_to(container, move || view! { <crate::ui::ErrorPanel problems lang /> });
            mounted.unmount = Some(Box::new(handle));
        }
    }
    MAPS.with_borrow_mut(|m| m.insert(id, mounted));
    Ok(MapHandle { id })
}

/// The story's JSON embedded in `el`, if any.
fn embedded_story(el: &HtmlElement) -> Option<String> {
    el.query_selector(r#"script[type="application/json"]"#).ok().flatten().and_then(|s| s.text_content()).filter(|t| !t.trim().is_empty())
}

/// The story read from `json` and what it is drawn with: the countries of the static map, if it
/// was drawn for this very trip, else drawn from the basemap, which must have been provided by
/// now; every other part drawn by the components. Or the problems validation found.
#[cfg(feature = "standalone")]
fn story_and_countries(el: &HtmlElement, json: &str) -> Result<Result<(Story, Countries, Parts), Refused>, JsValue> {
    let story = match read(json)? {
        Ok(story) => story,
        Err(problems) => return Ok(Err(problems)),
    };
    let countries = static_countries(el, &story).or_else(|| Basemap::shared().map(Countries::Drawn)).ok_or_else(|| JsValue::from_str(NEEDS_BASEMAP))?;
    Ok(Ok((story, countries, Parts::Drawn)))
}

/// The lean module draws a live map only over a static map of the very story it is handed, as
/// checked and drawn in the map's language (the host's stamp is the text's
/// [`checked_key`](crate::story::checked_key)), on that map's countries and with its other parts
/// ([`Parts::Adopted`]): it carries neither the checks, nor their wordings, nor the error panel,
/// nor the basemap, nor the cards. Anything else (a page asking for other digits, or for remote
/// images, which a static map never shows) goes to the standalone module.
#[cfg(not(feature = "standalone"))]
fn story_and_countries(el: &HtmlElement, json: &str) -> Result<Result<(Story, Countries, Parts), Refused>, JsValue> {
    let refused = || JsValue::from_str(NEEDS_STANDALONE);
    let host = static_host(el).ok_or_else(refused)?;
    let (story, _) = crate::js_json::read::<Story>(json).map_err(|_| refused())?;
    let (digits, remote_images) = (page_digits(el), page_remote_images(el));
    let language = crate::ui::Language::choose(&page_language(el), &story, digits).key();
    let checked = host.get_attribute(crate::ui::CHECKED_ATTR);
    if digits != Digits::Locale || remote_images || checked.as_deref() != Some(crate::story::checked_key(json, &language).as_str()) {
        return Err(refused());
    }
    let countries = static_countries(el, &story).ok_or_else(refused)?;
    let root = host.shadow_root().and_then(|r| r.query_selector(".tripmap").ok().flatten()).ok_or_else(refused)?;
    Ok(Ok((story, countries, Parts::Adopted(send_wrapper::SendWrapper::new(root)))))
}

/// What the lean module throws for a map it does not draw (no static map, or one drawn from
/// other text): the loader then mounts it with the standalone module (`tripmap-standalone.js`).
#[cfg(not(feature = "standalone"))]
const NEEDS_STANDALONE: &str = "TripMap: needs the standalone map module";

/// What a mount throws when the map needs the basemap and has not been given it: the loader
/// then fetches `countries.topo.json`, calls `setBasemap` and mounts again.
#[cfg(feature = "standalone")]
const NEEDS_BASEMAP: &str = "TripMap: needs the basemap (setBasemap)";

/// What a mount throws when it is given no story: the wasm carries none of its own; the loader
/// hands it the default story (`story.json`) when the page names none.
const NEEDS_STORY: &str = "TripMap: needs a story (the loader fetches story.json when the page names none)";

/// What a mount throws for a story the quick read refuses (broken JSON, a wrong type, an
/// unknown field): the loader then asks the checker module (`checkStory`) for every problem,
/// worded, and mounts them (`mountProblems`). The map's wasm carries no every-problem reader.
#[cfg(feature = "standalone")]
const NEEDS_CHECKER: &str = "TripMap: needs the checker (checkStory)";

/// A story's JSON read in the map: the story, or the problems validation found; `Err` (nothing
/// touched) when only the checker module can word what is wrong. A story that still names track
/// files was not handed over by the loader (which reads them in through the importer module): it
/// is refused rather than drawn without its tracks. What is only worth a warning goes to the
/// console.
#[cfg(feature = "standalone")]
fn read(json: &str) -> Result<Result<Story, Vec<Problem>>, JsValue> {
    #[cfg(feature = "reader")]
    let read = Story::from_json(json);
    #[cfg(not(feature = "reader"))]
    let read = crate::js_json::read_story(json).ok_or_else(|| JsValue::from_str(NEEDS_CHECKER))?;
    Ok(read.and_then(|story| {
        let unread: Vec<Problem> = story
            .track_files()
            .into_iter()
            .map(|(i, file)| Problem::new(format!("legs[{i}].path"), What::NotLoaded, &[("reason", &format!("{file}: tripmap.js reads track files in"))]))
            .collect();
        if !unread.is_empty() {
            return Err(unread);
        }
        for w in crate::story::warnings(&story) {
            web_sys::console::warn_1(&format!("TripMap: {w}").into());
        }
        Ok(story)
    }))
}

/// Hands the map the Natural Earth basemap (`countries.topo.json`, as fetched), once per page:
/// maps without a static map of their own draw their countries from it.
#[cfg(feature = "standalone")]
#[wasm_bindgen(js_name = setBasemap)]
pub fn set_basemap(json: &str) -> Result<(), JsValue> {
    Basemap::provide(|| crate::js_json::read_basemap(json))
        .map(|_| ())
        .map_err(|why| JsValue::from_str(&format!("TripMap: the basemap does not decode ({why})")))
}

/// The countries of `el`'s static map (`tripmap render --html`), taken for reuse, if it was
/// drawn for `story`'s trip (its key is the story's [`Story::geometry_key`]).
fn static_countries(el: &HtmlElement, story: &Story) -> Option<Countries> {
    let host = static_host(el)?;
    if host.get_attribute(crate::ui::STATIC_ATTR)? != story.geometry_key() {
        web_sys::console::warn_1(
            &"TripMap: the static map in this element was made for another story (re-run `tripmap prerender`); drawing the countries afresh".into(),
        );
        return None;
    }
    let root = host.shadow_root()?;
    let layer = root.query_selector(".tripmap__base[data-fit]").ok().flatten()?;
    let fit = Fit::parse(&layer.get_attribute("data-fit")?)?;
    Some(Countries::Reused { layer: send_wrapper::SendWrapper::new(layer), fit })
}

/// The `<tripmap-view data-tripmap-static>` written into `el` at build time, if any.
fn static_host(el: &HtmlElement) -> Option<Element> {
    el.query_selector(&format!(":scope > [{}]", crate::ui::STATIC_ATTR)).ok().flatten()
}

/// The card open on `el`'s static map, if any (a popover the reader opened before the live map
/// ran), and whether focus is inside that map.
fn open_static_card(el: &HtmlElement) -> Option<Open> {
    let root = static_host(el)?.shadow_root()?;
    let card = root.query_selector("[data-card]:popover-open").ok().flatten()?;
    Some(Open::Kept { stop: card.get_attribute("data-card")?, focus: root.active_element().is_some() })
}

/// Creates `<tripmap-view>` in `el` with an open shadow root holding the shared stylesheet and
/// an empty mount point, in place of a static map. Other content of `el` (a page's own
/// no-script fallback) is hidden meanwhile.
fn shadow_container(el: &HtmlElement) -> Option<(Element, HtmlElement)> {
    let doc = el.owner_document()?;
    // A static map written at build time (`tripmap render --html`) makes way: removed in the
    // task that mounts the live map, which is laid out before the next paint, so no frame shows
    // neither; and the page holds one `<tripmap-view>` per map, as before.
    if let Ok(statics) = el.query_selector_all(&format!(":scope > [{}]", crate::ui::STATIC_ATTR)) {
        for i in 0..statics.length() {
            if let Some(node) = statics.item(i) {
                let _ = el.remove_child(&node);
            }
        }
    }
    let children = el.children();
    for i in 0..children.length() {
        if let Some(child) = children.item(i).and_then(|c| c.dyn_into::<HtmlElement>().ok()) {
            if child.tag_name() != "SCRIPT" {
                let _ = child.style().set_property_with_priority("display", "none", "important");
                let _ = child.set_attribute("data-tripmap-hidden", "");
            }
        }
    }
    let host: HtmlElement = doc.create_element(VIEW_TAG).ok()?.dyn_into().ok()?;
    // Inline and !important through CSSOM (allowed under a strict CSP): the page's CSS may not
    // resize or hide the map's box.
    let style = host.style();
    for (k, v) in [("display", "block"), ("position", "relative"), ("width", "100%"), ("height", "100%"), ("margin", "0"), ("padding", "0")] {
        let _ = style.set_property_with_priority(k, v, "important");
    }
    // A map driven by a scrolling story's steps (marked by the loader) keeps its card within its
    // own box: on a phone the text being read is below it.
    if el.has_attribute("data-tripmap-scrolly") {
        let _ = host.set_attribute(crate::ui::SCROLLY_ATTR, "");
    }
    el.append_child(&host).ok()?;
    let root = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).ok()?;
    adopt_styles(&root);
    let container: HtmlElement = doc.create_element("div").ok()?.dyn_into().ok()?;
    container.set_class_name("tripmap-mount");
    root.append_child(&container).ok()?;
    Some((host.into(), container))
}

fn adopt_styles(root: &web_sys::ShadowRoot) {
    if let Some(sheet) = STYLES.with_borrow(|s| s.clone()) {
        let _ = js_sys::Reflect::set(root, &"adoptedStyleSheets".into(), &js_sys::Array::of1(&sheet));
    }
}

fn destroy(id: u32) {
    let Some(m) = MAPS.with_borrow_mut(|maps| maps.remove(&id)) else { return };
    drop(m.unmount);
    m.view_host.remove();
    let _ = m.element.remove_attribute(MOUNTED);
    if let Ok(hidden) = m.element.query_selector_all("[data-tripmap-hidden]") {
        for i in 0..hidden.length() {
            if let Some(el) = hidden.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
                let _ = el.style().remove_property("display");
                let _ = el.remove_attribute("data-tripmap-hidden");
            }
        }
    }
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
    // The panic may have happened with the registry borrowed: then there is nothing safe to do.
    let Ok(Ok(hosts)) = MAPS.try_with(|m| m.try_borrow().map(|m| m.values().map(|m| m.element.clone()).collect::<Vec<_>>())) else {
        return;
    };
    for el in hosts {
        crash_panel(el);
    }
}

/// Puts the "this map stopped" panel into `el`'s map, with plain DOM calls. For the loader too,
/// when a call into the map threw a JavaScript exception (which is no Rust panic, so the hook
/// never sees it) and left the map half-built.
#[wasm_bindgen(js_name = showCrash)]
pub fn crash_panel(el: HtmlElement) {
    let root = el.query_selector(VIEW_TAG).ok().flatten().and_then(|v| v.shadow_root());
    let (Some(root), Some(doc)) = (root, el.owner_document()) else { return };
    let t = crate::i18n::Strings::for_lang(&page_language(&el));
    let (Ok(panel), Ok(p)) = (doc.create_element("div"), doc.create_element("p")) else { return };
    let _ = panel.set_attribute("class", "tripmap tripmap--error tripmap--crashed");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("lang", t.lang);
    let _ = panel.set_attribute("dir", if crate::i18n::is_rtl(t.lang) { "rtl" } else { "ltr" });
    let _ = p.set_attribute("class", "tripmap__error-title");
    p.set_text_content(Some(t.crashed));
    let _ = panel.append_child(&p);
    root.set_text_content(None);
    // A static map's shadow root had its stylesheet as a <link>, just removed.
    adopt_styles(&root);
    let _ = root.append_child(&panel);
}

/// Fault injection for the end-to-end test of the panic hook: panics inside TripMap. A page
/// calling it only stops its own maps, which is what the test checks. Test builds only.
#[cfg(feature = "fault-injection")]
#[wasm_bindgen(js_name = faultForTesting)]
pub fn fault_for_testing() {
    panic!("fault injected by TripMap's panic-hook test");
}

/// The URL parameter that holds a map's open stop: `tripmap` for the page's first map,
/// `tripmap-<id>` for a host element with an `id`, else `tripmap-<n>` by document order.
/// Exported for the loader, which starts a deep-linked map at once instead of lazily.
#[wasm_bindgen(js_name = linkParam)]
pub fn link_param(el: &HtmlElement) -> String {
    if !el.id().is_empty() {
        return format!("tripmap-{}", el.id());
    }
    let index = el
        .owner_document()
        .and_then(|d| d.query_selector_all("[data-tripmap]").ok())
        .and_then(|list| (0..list.length()).find(|&i| list.item(i).is_some_and(|n| n == ***el)))
        .unwrap_or(0);
    match index {
        0 => "tripmap".to_string(),
        i => format!("tripmap-{}", i + 1),
    }
}

/// The digits the page asks for (`data-digits`).
fn page_digits(el: &HtmlElement) -> Digits {
    Digits::parse(&el.get_attribute("data-digits").unwrap_or_default())
}

/// Whether the page opts in to stops' remote images (`data-remote-images`, not `"false"`).
fn page_remote_images(el: &HtmlElement) -> bool {
    el.get_attribute("data-remote-images").is_some_and(|v| !v.trim().eq_ignore_ascii_case("false"))
}

/// The language the page asks for: `data-lang` on the embed, else the nearest `lang` attribute
/// up to `<html lang>`; "" when there is none (the story's own language is used).
fn page_language(el: &HtmlElement) -> String {
    if let Some(lang) = el.get_attribute("data-lang").filter(|l| !l.trim().is_empty()) {
        return lang;
    }
    el.closest("[lang]").ok().flatten().and_then(|e| e.get_attribute("lang")).unwrap_or_default()
}
