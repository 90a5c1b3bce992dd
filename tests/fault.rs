//! The panic hook, proved with a story: in a build with the `fault-injection` feature, a stop
//! whose id is `FAULT_STOP_ID` panics while the map lays out its scene (inside the
//! ResizeObserver callback, mid-mount). A test binary of its own, because a panic ends the wasm
//! instance it happens in.
#![cfg(all(target_arch = "wasm32", feature = "fault-injection"))]

use tripmap::embed::mount_element;
use tripmap::scene::FAULT_STOP_ID;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn host(json: &str) -> HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: HtmlElement = doc.create_element("figure").unwrap().dyn_into().unwrap();
    el.set_attribute("data-tripmap", "").unwrap();
    el.style().set_property("width", "900px").unwrap();
    el.style().set_property("height", "640px").unwrap();
    let script = doc.create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_text_content(Some(json));
    el.append_child(&script).unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

fn shadow(el: &HtmlElement) -> web_sys::ShadowRoot {
    el.query_selector("tripmap-view").unwrap().unwrap().shadow_root().unwrap()
}

/// Resolves after the next animation frame, with plain JS (the wasm side may have stopped).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn story(second_id: &str) -> String {
    format!(
        r#"{{"title":"Two stops","traveller":{{"name":"A"}},"stops":[
            {{"id":"paris","name":"Paris","lat":48.86,"lon":2.35,"date":"2024-05-01"}},
            {{"id":"{second_id}","name":"Rome","lat":41.9,"lon":12.5,"date":"2024-05-02"}}]}}"#
    )
}

#[wasm_bindgen_test]
async fn a_story_that_trips_an_internal_fault_stops_every_map_with_a_panel() {
    // What the loader fetches for maps without a static map of their own.
    tripmap::embed::set_basemap(include_str!("../data/countries.topo.json")).unwrap();
    let healthy = host(&story("rome"));
    mount_element(healthy.clone()).unwrap();
    let stops = || shadow(&healthy).query_selector_all("[data-stop]").unwrap().length();
    for _ in 0..10 {
        if stops() > 0 {
            break;
        }
        next_frame().await;
    }
    assert_eq!(stops(), 2, "the first map is drawn");

    let faulty = host(&story(FAULT_STOP_ID));
    mount_element(faulty.clone()).unwrap();
    for _ in 0..10 {
        if shadow(&faulty).query_selector(".tripmap--crashed").unwrap().is_some() {
            break;
        }
        next_frame().await;
    }

    // The release build aborts on panic, ending the instance both maps run in: each says so
    // rather than freezing half-drawn.
    for (name, el) in [("faulty", &faulty), ("healthy", &healthy)] {
        let root = shadow(el);
        let panel = root.query_selector(".tripmap--crashed").unwrap();
        let panel = panel.unwrap_or_else(|| panic!("the {name} map shows the crash panel"));
        assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
        assert!(panel.text_content().unwrap().contains("internal error"), "{name}: {:?}", panel.text_content());
        assert_eq!(root.query_selector_all("[data-stop], svg").unwrap().length(), 0, "{name}: no half-drawn map");
    }
}
