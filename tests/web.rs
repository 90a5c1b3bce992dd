//! Component tests in a real browser (headless Chromium via wasm-bindgen-test-runner).
//! Each test mounts into a fresh element, acts as a reader would, waits a tick, and checks the DOM.
#![cfg(target_arch = "wasm32")]

use leptos::task::tick;
use tripmap::embed::mount_element;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The default story, which the loader hands a map that names none (the wasm carries none).
const DEFAULT_STORY: &str = include_str!("../data/story.json");

/// A fresh `<figure data-tripmap>` in the page, 900 px wide, with a story inside (the default
/// one for `None`).
fn host(json: Option<&str>) -> HtmlElement {
    host_with(json, &[], None)
}

/// The same, with attributes on the figure and, optionally, inside a `<div lang=…>`.
fn host_with(json: Option<&str>, attrs: &[(&str, &str)], parent_lang: Option<&str>) -> HtmlElement {
    // What the loader fetches for maps without a static map of their own (once; later calls keep it).
    tripmap::embed::set_basemap(include_str!("../data/countries.topo.json")).unwrap();
    let doc = document();
    let el: HtmlElement = doc.create_element("figure").unwrap().dyn_into().unwrap();
    el.set_attribute("data-tripmap", "").unwrap();
    for (k, v) in attrs {
        el.set_attribute(k, v).unwrap();
    }
    el.style().set_property("width", "900px").unwrap();
    el.style().set_property("height", "640px").unwrap();
    let script = doc.create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_text_content(Some(json.unwrap_or(DEFAULT_STORY)));
    el.append_child(&script).unwrap();
    match parent_lang {
        Some(lang) => {
            let parent = doc.create_element("div").unwrap();
            parent.set_attribute("lang", lang).unwrap();
            parent.append_child(&el).unwrap();
            doc.body().unwrap().append_child(&parent).unwrap();
        }
        None => {
            doc.body().unwrap().append_child(&el).unwrap();
        }
    }
    el
}

async fn mounted(json: Option<&str>) -> HtmlElement {
    mounted_with(json, &[], None).await
}

/// The mount point inside the map's shadow root, where the component's elements are.
fn inside(el: &HtmlElement) -> HtmlElement {
    let view = el.query_selector("tripmap-view").unwrap().expect("a <tripmap-view> in the host");
    view.shadow_root().expect("an open shadow root").first_element_child().unwrap().dyn_into().unwrap()
}

/// Resolves after the next animation frame (layout, ResizeObserver callbacks and paint).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    tick().await;
}

/// The open card: the live map holds every stop's card, the others `hidden`.
const OPEN: &str = "[data-card]:not([hidden])";

/// Stop `id`'s card, if it is open.
fn open(id: &str) -> String {
    format!(r#"[data-card="{id}"]:not([hidden])"#)
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).and_then(|e| e.text_content()).unwrap_or_default()
}

fn click(el: &Element) {
    let init = EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&Event::new_with_event_init_dict("click", &init).unwrap()).unwrap();
}

fn key(el: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    el.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn the_default_story_mounts_with_every_hook() {
    let el = mounted(None).await;
    assert!(find(&el, ".tripmap svg").is_some());
    assert_eq!(count(&el, "[data-stop]"), 4);
    let stop = find(&el, r#"[data-stop="bogota"]"#).unwrap();
    assert_eq!(stop.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(stop.get_attribute("aria-label").as_deref(), Some("Bogotá"));
    let km: Vec<(String, String)> = (0..3)
        .map(|i| {
            let leg = el.query_selector_all("[data-leg]").unwrap().item(i).unwrap().dyn_into::<Element>().unwrap();
            (leg.get_attribute("data-leg").unwrap(), leg.get_attribute("data-distance-km").unwrap())
        })
        .collect();
    assert_eq!(km, [("washington-bogota", "3798"), ("bogota-santiago", "4239"), ("santiago-lima", "2457")].map(|(a, b)| (a.to_string(), b.to_string())));
    assert!(find(&el, r#"[data-country="COL"].is-visited"#).is_some());
    assert!(find(&el, r#"[data-country="BRA"]:not(.is-visited)"#).is_some());
    assert_eq!(count(&el, OPEN), 0, "no card until a stop is chosen");
    assert_eq!(text(&el, ".tripmap__title"), "Blinken's tour of Colombia, Chile and Peru");
}

#[wasm_bindgen_test]
async fn clicking_a_marker_opens_its_card_and_the_close_button_closes_it() {
    let el = mounted(None).await;
    click(&find(&el, r#"[data-stop="lima"]"#).unwrap());
    tick().await;
    let card = find(&el, &open("lima")).expect("Lima's card is open");
    let t = card.text_content().unwrap();
    for needle in ["Stop 4 of 4", "October", "2022", "Pedro Castillo", "President of Peru", "$240m", "1.2m+", "AS/COA Online"] {
        assert!(t.contains(needle), "card lacks {needle:?}: {t}");
    }
    assert!(find(&el, r#"[data-stop="lima"].is-selected"#).is_some());
    assert!(find(&el, ".tripmap__leg.is-selected [data-leg=\"santiago-lima\"]").is_some(), "the leg into Lima is highlighted");
    assert_eq!(count(&el, ".tripmap__leg.is-selected"), 1);

    click(&find(&el, &format!("{OPEN} .tripmap__close")).unwrap());
    tick().await;
    assert_eq!(count(&el, OPEN), 0);
    assert_eq!(count(&el, ".is-selected"), 0);
}

#[wasm_bindgen_test]
async fn every_card_is_made_ahead_hidden_and_a_click_only_shows_it() {
    let el = mounted(None).await;
    // Made once the map runs, one a task.
    for _ in 0..30 {
        next_frame().await;
        if count(&el, "[data-card]") == 4 {
            break;
        }
    }
    assert_eq!(count(&el, "[data-card][hidden]"), 4);
    assert_eq!(count(&el, ".is-unseen"), 0, "laid out unseen, then hidden again");
    let santiago = find(&el, r#"[data-card="santiago"]"#).unwrap();
    click(&find(&el, r#"[data-stop="santiago"]"#).unwrap());
    tick().await;
    assert_eq!(find(&el, OPEN).as_ref(), Some(&santiago), "the card made ahead is the one shown");
    assert_eq!(count(&el, "[data-card]"), 4);
    click(&find(&el, r#"[data-stop="lima"]"#).unwrap());
    tick().await;
    assert_eq!(count(&el, OPEN), 1);
    assert!(santiago.has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn an_arrow_key_in_a_card_moves_focus_into_the_next_card_at_once() {
    let el = mounted(None).await;
    let shadow = || el.get_root_node().dyn_into::<web_sys::ShadowRoot>().unwrap();
    click(&find(&el, r#"[data-stop="bogota"]"#).unwrap());
    tick().await;
    let bogota: HtmlElement = find(&el, &open("bogota")).unwrap().dyn_into().unwrap();
    bogota.focus().unwrap();
    key(&bogota, "ArrowRight");
    tick().await;
    // Before the next task: a held key's next press must still land in the map, not on the page.
    let active = shadow().active_element().expect("focus stays in the map");
    assert_eq!(active.get_attribute("data-card").as_deref(), Some("santiago"));
    assert!(!active.has_attribute("hidden"));
    key(&active, "ArrowRight");
    tick().await;
    assert!(find(&el, &open("lima")).is_some(), "the second press went on to Lima");
}

#[wasm_bindgen_test]
async fn enter_on_a_focused_marker_opens_the_card_and_another_stop_replaces_it() {
    let el = mounted(None).await;
    key(&find(&el, r#"[data-stop="santiago"]"#).unwrap(), "Enter");
    tick().await;
    assert!(text(&el, &open("santiago")).contains("$38bn"));
    click(&find(&el, ".tripmap__stop-list li:nth-child(2) button").unwrap());
    tick().await;
    assert_eq!(count(&el, OPEN), 1);
    assert!(find(&el, &open("bogota")).is_some());
}

#[wasm_bindgen_test]
async fn two_maps_on_a_page_keep_their_own_state() {
    let a = mounted(None).await;
    let b = mounted(Some(
        r#"{"title":"Two stops","traveller":{"name":"A"},"stops":[
            {"id":"paris","name":"Paris","lat":48.86,"lon":2.35,"date":"2024-05-01"},
            {"id":"rome","name":"Rome","lat":41.9,"lon":12.5,"date":"2024-05-02"}]}"#,
    ))
    .await;
    assert_eq!(count(&b, "[data-stop]"), 2);
    click(&find(&b, r#"[data-stop="rome"]"#).unwrap());
    tick().await;
    assert!(find(&b, &open("rome")).is_some());
    assert_eq!(count(&a, OPEN), 0, "the other map is untouched");
    assert!(find(&b, r#"[data-country="ITA"].is-visited"#).is_some());
}

#[wasm_bindgen_test]
async fn a_broken_story_shows_every_problem_instead_of_a_map() {
    let el = mounted(Some(
        r#"{"title":"Bad","traveller":{"name":"A"},"stops":[
            {"id":"a","name":"A","lat":95,"lon":0,"date":"2024-05-01"},
            {"id":"a","name":"B","lat":0,"lon":-180.25,"date":"2024-05-02"}],
            "legs":[{"from":"a","to":"quito"}]}"#,
    ))
    .await;
    assert!(find(&el, "svg").is_none(), "no half-drawn map");
    let panel = text(&el, r#".tripmap--error[role="alert"]"#);
    // Numbers as the story wrote them (the engine writes them: the wasm has no float printing).
    for needle in [
        "stops[0].lat: 95 is outside -90..90",
        "stops[1].lon: -180.25 is outside -180..180",
        r#"stops[1].id "a" is used twice"#,
        r#"legs[0].to "quito" is not a stop"#,
    ] {
        assert!(panel.contains(needle), "panel lacks {needle:?}: {panel}");
    }
    // No story at all: the wasm carries none of its own; it asks the loader (which hands it
    // story.json), having touched nothing.
    let bare: HtmlElement = document().create_element("figure").unwrap().dyn_into().unwrap();
    document().body().unwrap().append_child(&bare).unwrap();
    let err = mount_element(bare.clone()).err().expect("the map asks for a story");
    assert!(err.as_string().unwrap_or_default().contains("needs a story"));
    assert!(!bare.has_attribute("data-tripmap-mounted"));
    // What the quick read refuses (broken JSON, an unknown field, even deep in the story, a
    // key written twice, which JSON.parse would quietly keep the last of, a wrong type) only
    // the checker module can word: the map asks the loader for it (it throws), having touched
    // nothing.
    for json in [
        "{ not json",
        r#"{"title":"T","stops":[{"id":"a","name":"A","lat":1,"lon":0,"lattitude":1}]}"#,
        r#"{"title":"T","traveller":{"name":"A","nmae":"B"},"stops":[{"id":"a","name":"A","lat":1,"lon":0}]}"#,
        r#"{"title":"T","stops":[{"id":"a","name":{"en":"A","en":"B"},"lat":1,"lon":0}]}"#,
        r#"{"title":"T","title":"U","stops":[{"id":"a","name":"A","lat":1,"lon":0}]}"#,
        r#"{"title":"T","stops":[{"id":"a","name":"A","lat":"north","lon":0}]}"#,
    ] {
        let el = host(Some(json));
        let err = mount_element(el.clone()).err().expect("the map asks for the checker");
        assert!(err.as_string().unwrap_or_default().contains("needs the checker"), "{json}");
        assert!(el.query_selector("tripmap-view").unwrap().is_none(), "nothing touched");
        assert!(!el.has_attribute("data-tripmap-mounted"));
    }
}

#[wasm_bindgen_test]
async fn legs_are_drawn_in_their_modes_with_a_key_and_a_track_file_not_read_in_is_refused() {
    let el = mounted(Some(
        r#"{"title":"T","stops":[{"id":"dover","name":"Dover","lat":51.1279,"lon":1.3134},{"id":"calais","name":"Calais","lat":50.9513,"lon":1.8587},{"id":"paris","name":"Paris","lat":48.8566,"lon":2.3522}],
            "legs":[{"from":"dover","to":"calais","mode":"ferry","path":{"type":"LineString","coordinates":[[1.3134,51.1279],[1.45,51.06],[1.8587,50.9513]]}},
                    {"from":"calais","to":"paris","mode":"rail"}]}"#,
    ))
    .await;
    let modes: Vec<String> = (0..2)
        .map(|i| el.query_selector_all(".tripmap__leg-line").unwrap().item(i).unwrap().unchecked_into::<Element>().get_attribute("data-mode").unwrap())
        .collect();
    assert_eq!(modes, ["ferry", "rail"]);
    assert_eq!(text(&el, ".tripmap__legend"), "RailFerry");
    click(&find(&el, r#"[data-stop="calais"]"#).unwrap());
    tick().await;
    assert!(text(&el, r#"[data-card="calais"] .tripmap__arrival"#).contains("By ferry, "), "the card says how");
    // A story that still names a track file did not come through the loader, which reads them
    // in: the panel says so rather than drawing the leg without its track.
    let el = mounted(Some(r#"{"title":"T","stops":[{"id":"a","name":"A","lat":1,"lon":0},{"id":"b","name":"B","lat":1,"lon":1}],"legs":[{"from":"a","to":"b","path":"day1.gpx"}]}"#)).await;
    assert!(find(&el, "svg").is_none(), "no half-drawn map");
    assert!(text(&el, ".tripmap--error").contains("legs[0].path: could not be loaded (day1.gpx: tripmap.js reads track files in)"));
}

#[wasm_bindgen_test]
async fn story_text_is_shown_as_text_never_run_as_html() {
    let el = mounted(Some(
        r#"{"title":"<img src=x onerror=alert(1)>","traveller":{"name":"<b>X</b>"},
            "sources":[{"id":"s","name":"<script>alert(2)</script>","url":"javascript:alert(3)"}],
            "stops":[{"id":"a","name":"<i>A</i>","lat":0,"lon":0,"date":"2024-05-01","sources":["s"]}]}"#,
    ))
    .await;
    // The javascript: link is refused outright.
    assert!(text(&el, ".tripmap--error").contains(r#"sources[0].url "javascript:alert(3)" is not an http or https link"#));

    let el = mounted(Some(
        r#"{"title":"<img src=x onerror=alert(1)>","traveller":{"name":"<b>X</b>"},
            "sources":[{"id":"s","name":"<script>alert(2)</script>"}],
            "stops":[{"id":"a","name":"<i>A</i>","lat":0,"lon":0,"date":"2024-05-01","sources":["s"]}]}"#,
    ))
    .await;
    assert_eq!(text(&el, ".tripmap__title"), "<img src=x onerror=alert(1)>");
    click(&find(&el, r#"[data-stop="a"]"#).unwrap());
    tick().await;
    assert!(text(&el, OPEN).contains("<script>alert(2)</script>"));
    assert_eq!(count(&el, "img, b, i, .tripmap script"), 0, "no element was created from story text");
}

async fn mounted_with(json: Option<&str>, attrs: &[(&str, &str)], parent_lang: Option<&str>) -> HtmlElement {
    let el = host_with(json, attrs, parent_lang);
    mount_element(el.clone()).unwrap();
    // The map is drawn once its area has been measured (a ResizeObserver, before a paint):
    // usually the next frame, on a busy machine a few later.
    for _ in 0..20 {
        next_frame().await;
        if count(&inside(&el), "[data-stop], .tripmap--error") > 0 {
            break;
        }
    }
    inside(&el)
}

#[wasm_bindgen_test]
async fn the_page_language_picks_the_story_and_interface_language() {
    let es = mounted_with(None, &[], Some("es-CO")).await;
    assert_eq!(text(&es, ".tripmap__title"), "La gira de Blinken por Colombia, Chile y Perú");
    assert_eq!(text(&es, ".tripmap__step-status"), "4 paradas");
    assert_eq!(find(&es, ".tripmap").unwrap().get_attribute("dir").as_deref(), Some("ltr"));
    click(&find(&es, r#"[data-stop="lima"]"#).unwrap());
    tick().await;
    let card = text(&es, &open("lima"));
    assert!(card.contains("Parada 4 de 4 · Perú") && card.contains("6–7 de octubre de 2022") && card.contains("presidente del Perú"), "{card}");

    let ar = mounted_with(None, &[], Some("ar")).await;
    let root = find(&ar, ".tripmap").unwrap();
    assert_eq!(root.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(root.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(text(&ar, ".tripmap__title"), "جولة بلينكن في كولومبيا وتشيلي وبيرو");
    assert!(text(&ar, r#"[data-stop="bogota"]"#).contains("بوغوتا"), "map labels in Arabic");

    // data-lang on the embed wins over the page.
    let en = mounted_with(None, &[("data-lang", "en")], Some("ar")).await;
    assert_eq!(text(&en, ".tripmap__step-status"), "4 stops");
}

#[wasm_bindgen_test]
async fn digits_follow_the_documented_option() {
    let arabic = mounted_with(None, &[("data-lang", "ar"), ("data-digits", "arabic")], None).await;
    assert_eq!(text(&arabic, ".tripmap__step-status"), "٤ محطات");
    assert!(text(&arabic, ".tripmap__leg-labels").contains("٣٬٧٩٨"), "{}", text(&arabic, ".tripmap__leg-labels"));
    let latin = mounted_with(None, &[("data-lang", "ar"), ("data-digits", "latin")], None).await;
    assert_eq!(text(&latin, ".tripmap__step-status"), "4 محطات");
}

#[wasm_bindgen_test]
async fn a_missing_translation_falls_back_to_the_story_language_field_by_field() {
    let json = r#"{"lang":"en","title":{"en":"Hello","es":"Hola"},"standfirst":{"en":"Only English"},
        "traveller":{"name":"A"},"stops":[
        {"id":"a","name":{"en":"Rome","ar":"روما"},"lat":41.9,"lon":12.5,"date":"2024-05-01"},
        {"id":"b","name":"Paris","lat":48.86,"lon":2.35,"date":"2024-05-02"}]}"#;
    let ar = mounted_with(Some(json), &[("data-lang", "ar")], None).await;
    assert_eq!(text(&ar, ".tripmap__title"), "Hello", "no Arabic title: the story's English");
    assert_eq!(text(&ar, ".tripmap__standfirst"), "Only English");
    assert!(text(&ar, r#"[data-stop="a"]"#).contains("روما"));
    assert_eq!(text(&ar, ".tripmap__step-status"), "محطتان", "interface in Arabic");
    let fr = mounted_with(Some(json), &[("data-lang", "fr")], None).await;
    assert_eq!(text(&fr, ".tripmap__title"), "Hello");
    assert_eq!(text(&fr, ".tripmap__step-status"), "2 stops", "no French interface: English");
}

#[wasm_bindgen_test]
async fn the_error_panel_speaks_the_page_language() {
    let json = r#"{"title":"T","traveller":{"name":"X"},"stops":[{"id":"a","name":"A","lat":95,"lon":200,"date":"2024-01-01"}]}"#;
    let es = mounted_with(Some(json), &[], Some("es")).await;
    let panel = text(&es, ".tripmap--error");
    assert!(panel.starts_with("No se pudo dibujar este mapa: su historia tiene 2 problemas."), "{panel}");
    assert!(panel.contains("stops[0].lon: 200 está fuera de -180..180"), "{panel}");
    assert!(panel.contains("stops[0].lat: 95 está fuera de -90..90"), "{panel}");
    let ar = mounted_with(Some(json), &[], Some("ar")).await;
    let panel = text(&ar, ".tripmap--error");
    assert!(panel.contains("stops[0].lat: 95 خارج النطاق -90..90"), "{panel}");
    assert_eq!(find(&ar, ".tripmap--error").unwrap().get_attribute("dir").as_deref(), Some("rtl"));
}

#[wasm_bindgen_test]
async fn the_map_lives_in_its_own_shadow_root_and_leaves_the_page_alone() {
    let el = host(None);
    mount_element(el.clone()).unwrap();
    next_frame().await;
    assert!(document().query_selector(".tripmap").unwrap().is_none(), "nothing of the map in the page's own tree");
    assert!(inside(&el).query_selector(".tripmap [data-stop]").unwrap().is_some());
    assert_eq!(el.query_selector_all("script").unwrap().length(), 1, "nothing added to the page's tree but the map's host (its story was there)");
}

#[wasm_bindgen_test]
async fn the_handle_selects_closes_and_destroys() {
    let el = host(None);
    let handle = mount_element(el.clone()).unwrap();
    next_frame().await;
    assert!(handle.select("lima"));
    tick().await;
    let root = inside(&el);
    assert!(find(&root, &open("lima")).is_some(), "the page opened Lima");
    assert!(!handle.select("quito"), "no such stop");
    handle.close();
    tick().await;
    assert_eq!(count(&root, OPEN), 0);
    handle.destroy();
    assert!(el.query_selector("tripmap-view").unwrap().is_none(), "the map is gone");
    assert!(!el.has_attribute("data-tripmap-mounted"));
    assert!(handle.element().is_none());
}

#[wasm_bindgen_test]
async fn a_scroll_step_opens_its_stop_without_focus_event_or_url_and_the_whole_trip_step_closes_it() {
    let el = host(None);
    let handle = mount_element(el.clone()).unwrap();
    next_frame().await;
    let url = web_sys::window().unwrap().location().href().unwrap();
    let events = std::rc::Rc::new(std::cell::Cell::new(0));
    let seen = events.clone();
    let on_select = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || seen.set(seen.get() + 1));
    el.add_event_listener_with_callback("tripmap:select", on_select.as_ref().unchecked_ref()).unwrap();
    assert!(handle.step("santiago"));
    tick().await;
    next_frame().await;
    // A second frame: what a selection sends the page after its card's frame (the event, the
    // link) has been sent by then.
    next_frame().await;
    let root = inside(&el);
    assert!(find(&root, &open("santiago")).is_some(), "the step opened Santiago");
    assert!(text(&root, ".tripmap__step-status").starts_with("Santiago, "), "the live region names the stop");
    assert_eq!(events.get(), 0, "no tripmap:select: the reader chose nothing");
    assert_eq!(web_sys::window().unwrap().location().href().unwrap(), url, "the URL is left alone");
    assert!(root.get_root_node().unchecked_into::<web_sys::ShadowRoot>().active_element().is_none(), "focus stays on the page");
    assert!(!handle.step("quito"), "no such stop");
    assert!(handle.step(""));
    tick().await;
    assert_eq!(count(&root, OPEN), 0, "the whole-trip step closes the card");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_resized_map_refits_and_keeps_the_open_stop() {
    let el = host(None);
    mount_element(el.clone()).unwrap();
    next_frame().await;
    let root = inside(&el);
    click(&find(&root, r#"[data-stop="bogota"]"#).unwrap());
    next_frame().await;
    let width = |root: &HtmlElement| find(root, ".tripmap__svg").unwrap().get_attribute("width").unwrap().parse::<f64>().unwrap();
    let before = width(&root);
    el.style().set_property("width", "420px").unwrap();
    next_frame().await;
    next_frame().await;
    let after = width(&root);
    assert!(after < before && after <= 420.0, "re-fitted: {before} -> {after}");
    assert!(find(&root, &open("bogota")).is_some(), "still open");
    assert!(find(&root, r#"[data-stop="bogota"].is-selected"#).is_some());
}

#[wasm_bindgen_test]
async fn data_theme_dark_turns_the_map_dark() {
    let dark = mounted_with(None, &[("data-theme", "dark")], None).await;
    assert!(find(&dark, ".tripmap.is-dark").is_some());
    let light = mounted(None).await;
    assert!(find(&light, ".tripmap.is-dark").is_none());
}

#[wasm_bindgen_test]
async fn a_malformed_page_language_still_gives_a_whole_map() {
    // CMSes write lang="en_US"; Intl throws on such tags, which must never stop a map half-drawn.
    for lang in ["en_US", "en-!!", "es_CO", "ar-x"] {
        let el = mounted_with(None, &[("data-lang", lang)], None).await;
        assert_eq!(count(&el, "[data-stop]"), 4, "{lang}");
        click(&find(&el, r#"[data-stop="lima"]"#).unwrap());
        tick().await;
        assert!(text(&el, &open("lima")).contains("2022"), "{lang}: the card has its dates");
    }
    let es = mounted_with(None, &[("data-lang", "es_CO")], None).await;
    assert_eq!(text(&es, ".tripmap__step-status"), "4 paradas", "es_CO is Spanish");
}

/// A stop with a headline, a time as written, rich text and a photo on another site.
const RICH: &str = r#"{"title":"Rich","stops":[
    {"id":"a","name":"Lima","lat":-12,"lon":-77,"when":"Spring 1862","headline":"By the sea",
     "text":[["Plain, ",{"text":"stressed","em":true},", ",{"text":"strong","strong":true}," and ",{"text":"a link","href":"https://example.org/x"}],["Line one\nline two"]],
     "media":{"url":"https://img.example.org/a.jpg","caption":"The coast","credit":"Agency"}},
    {"id":"b","name":"Quito","lat":-0.2,"lon":-78.5,"date":"2024-05-02"}]}"#;

#[wasm_bindgen_test]
async fn a_card_shows_headline_time_as_written_rich_text_and_media_as_a_link() {
    let root = mounted(Some(RICH)).await;
    assert_eq!(text(&root, ".tripmap__stop-list li:first-child .tripmap__stop-date"), "Spring 1862");
    click(&find(&root, r#"[data-stop="a"]"#).unwrap());
    tick().await;
    let card = find(&root, &open("a")).expect("the card");
    assert_eq!(text(&card, ".tripmap__card-title"), "By the sea");
    assert!(text(&card, ".tripmap__kicker").contains("Lima"), "the place moves above the headline");
    assert_eq!(text(&card, ".tripmap__dates"), "Spring 1862");
    assert_eq!(count(&card, ".tripmap__dates time"), 0, "no machine date for a time as written");
    assert_eq!(count(&card, ".tripmap__text p"), 2);
    assert_eq!(text(&card, ".tripmap__text em"), "stressed");
    assert_eq!(text(&card, ".tripmap__text strong"), "strong");
    let link = find(&card, ".tripmap__text a").unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://example.org/x"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert_eq!(text(&card, ".tripmap__text p:last-child"), "Line one\nline two");
    // No opt-in: the photo is a link, nothing is loaded.
    assert_eq!(count(&card, "img"), 0);
    assert_eq!(text(&card, ".tripmap__media a"), "See the photo on img.example.org");
    assert_eq!(text(&card, ".tripmap__media figcaption"), "The coast — Agency");
    assert_eq!(text(&card, ".tripmap__h"), "", "no traveller, no meetings: no 'met' heading");
}

#[wasm_bindgen_test]
async fn with_data_remote_images_the_photo_is_shown_lazily_with_its_caption_as_alt() {
    let root = mounted_with(Some(RICH), &[("data-remote-images", "")], None).await;
    click(&find(&root, r#"[data-stop="a"]"#).unwrap());
    tick().await;
    let img = find(&root, r#"[data-card="a"] .tripmap__media img"#).expect("the photo");
    assert_eq!(img.get_attribute("src").as_deref(), Some("https://img.example.org/a.jpg"));
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    assert_eq!(img.get_attribute("alt").as_deref(), Some("The coast"));
}
