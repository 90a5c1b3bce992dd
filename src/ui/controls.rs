use super::use_map;
use crate::zoom::View;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Zoom in and out, back to the whole trip, and full screen: buttons over the map's corner.
#[component]
pub fn MapControls() -> impl IntoView {
    let ctx = use_map();
    let (zin, zout, all) = (ctx.clone(), ctx.clone(), ctx.clone());
    let view = ctx.view;
    let fullscreen = RwSignal::new(false);
    let root_id = ctx.ids.to_string();
    let toggle_fullscreen = move |_| {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        if doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        } else if let Some(root) = doc.get_element_by_id(&root_id) {
            let _ = root.request_fullscreen();
        }
    };
    let root = ctx.ids.to_string();
    Effect::new(move |_| {
        // Listen on the document: Escape can leave full screen without our button.
        let doc = web_sys::window().and_then(|w| w.document());
        if let Some(doc) = doc {
            let root = root.clone();
            let handler = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                let d = web_sys::window().and_then(|w| w.document());
                let on = d.and_then(|d| d.fullscreen_element()).is_some_and(|e| e.id() == root);
                fullscreen.set(on);
            });
            let _ = doc.add_event_listener_with_callback("fullscreenchange", handler.as_ref().unchecked_ref());
            handler.forget();
        }
    });
    view! {
        <div class="tripmap__controls">
            <button type="button" class="tripmap__ctl" aria-label="Zoom in" title="Zoom in" on:click=move |_| zin.zoom_by(2.0)>
                "+"
            </button>
            <button type="button" class="tripmap__ctl" aria-label="Zoom out" title="Zoom out" disabled=move || view.get().k <= 1.0 on:click=move |_| zout.zoom_by(0.5)>
                "−"
            </button>
            <button type="button" class="tripmap__ctl" aria-label="Show the whole trip" title="Show the whole trip" disabled=move || view.get() == View::OVERVIEW on:click=move |_| all.overview()>
                <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
                    <path d="M3 8V3h5M12 3h5v5M17 12v5h-5M8 17H3v-5" fill="none" stroke="currentColor" stroke-width="2" />
                </svg>
            </button>
            <button
                type="button"
                class="tripmap__ctl"
                aria-pressed=move || fullscreen.get().to_string()
                aria-label="Full screen"
                title=move || { if fullscreen.get() { "Exit full screen" } else { "Full screen" } }
                on:click=toggle_fullscreen
            >
                <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
                    <path d="M2 7V2h5M13 2h5v5M18 13v5h-5M7 18H2v-5M6 6h8v8H6z" fill="none" stroke="currentColor" stroke-width="1.8" />
                </svg>
            </button>
        </div>
    }
}

/// Previous and next, and where the reader is: "Stop 2 of 4".
#[component]
pub fn Stepper() -> impl IntoView {
    let ctx = use_map();
    let n = ctx.story.stops.len();
    let selected = ctx.selected;
    let (prev, next) = (ctx.clone(), ctx.clone());
    let status = move || match selected.get() {
        Some(i) => format!("Stop {} of {n}", i + 1),
        None if n == 1 => "1 stop".to_string(),
        None => format!("{n} stops"),
    };
    view! {
        <div class="tripmap__stepper">
            <button type="button" class="tripmap__step" aria-label="Previous stop" disabled=move || selected.get() == Some(0) on:click=move |_| prev.step(-1)>
                <span aria-hidden="true">"‹"</span>
                " Previous"
            </button>
            <span class="tripmap__step-status" aria-live="polite">{status}</span>
            <button type="button" class="tripmap__step" aria-label="Next stop" disabled=move || selected.get() == Some(n - 1) on:click=move |_| next.step(1)>
                "Next "
                <span aria-hidden="true">"›"</span>
            </button>
        </div>
    }
}
