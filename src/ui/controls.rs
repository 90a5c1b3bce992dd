use super::{use_map, Mode};
use crate::zoom::View;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Zoom in and out, back to the whole trip, and full screen: buttons over the map's corner.
#[component]
pub fn MapControls() -> impl IntoView {
    let ctx = use_map();
    let t = ctx.strings;
    let (zin, zout, all) = (ctx.clone(), ctx.clone(), ctx.clone());
    let view = ctx.view;
    let fullscreen = RwSignal::new(false);
    let root = ctx.root;
    let toggle_fullscreen = move |_| {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        if doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        } else if let Some(root) = root.get_untracked() {
            let _ = root.request_fullscreen();
        }
    };
    Effect::new(move |_| {
        // Listen on the document: Escape can leave full screen without our button. The event
        // bubbles out of the shadow root; `:fullscreen` tells whether it is this map.
        let Some(el) = root.get() else { return };
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let handler = Closure::<dyn Fn()>::new(move || _ = fullscreen.try_set(el.matches(":fullscreen").unwrap_or(false)));
        let _ = doc.add_event_listener_with_callback("fullscreenchange", handler.as_ref().unchecked_ref());
        let held = SendWrapper::new((doc, handler));
        on_cleanup(move || {
            let _ = held.0.remove_event_listener_with_callback("fullscreenchange", held.1.as_ref().unchecked_ref());
        });
    });
    view! {
        <div class="tripmap__controls">
            <button type="button" class="tripmap__ctl" aria-label=t.zoom_in title=t.zoom_in on:click=move |_| zin.zoom_by(2.0)>
                "+"
            </button>
            <button type="button" class="tripmap__ctl" aria-label=t.zoom_out title=t.zoom_out disabled=move || view.get().k <= 1.0 on:click=move |_| zout.zoom_by(0.5)>
                "−"
            </button>
            <button type="button" class="tripmap__ctl" aria-label=t.whole_trip title=t.whole_trip disabled=move || view.get() == View::OVERVIEW on:click=move |_| all.overview()>
                <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
                    <path d="M3 8V3h5M12 3h5v5M17 12v5h-5M8 17H3v-5" fill="none" stroke="currentColor" stroke-width="2" />
                </svg>
            </button>
            <button
                type="button"
                class="tripmap__ctl"
                aria-pressed=move || fullscreen.get().to_string()
                aria-label=t.full_screen
                title=move || { if fullscreen.get() { t.exit_full_screen } else { t.full_screen } }
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
    let (t, locale) = (ctx.strings, ctx.locale.clone());
    let n = ctx.story.stops.len();
    let selected = ctx.selected;
    let (prev, next) = (ctx.clone(), ctx.clone());
    let status = move || match selected.get() {
        Some(i) => crate::i18n::fill(t.stop_of, &[("i", &locale.number(i as u64 + 1)), ("n", &locale.number(n as u64))]),
        None => t.stop_count(n, &locale.number(n as u64)),
    };
    // The static map has the status alone, at the live stepper's height: its buttons need the
    // live map, and the list stays where it is when the live map takes over.
    // The static map's live region is for the loader, which writes in the name of a stop it
    // opens for a scrolling story's step (a popover is announced by nothing else).
    if ctx.mode != Mode::Live {
        return view! {
            <div class="tripmap__stepper is-static">
                <span class="tripmap__step-status">{status}</span>
                <span class="tripmap__sr-only" aria-live="polite" data-announcer></span>
            </div>
        }
        .into_any();
    }
    // Announced on every change of stop, however it came about (a click, a key, a scroll step):
    // the stop's name first, which the visible status leaves to the card.
    let story = ctx.story.clone();
    let named = move || selected.get().map(|i| format!("{}{}", story.stops[i].name, t.comma));
    // The arrows point the way the text reads.
    let (back, forward) = if ctx.rtl { ("›", "‹") } else { ("‹", "›") };
    view! {
        <div class="tripmap__stepper">
            <button type="button" class="tripmap__step" aria-label=t.previous_stop disabled=move || selected.get() == Some(0) on:click=move |_| prev.step(-1)>
                <span aria-hidden="true">{back}</span>
                " "
                {t.previous}
            </button>
            <span class="tripmap__step-status" aria-live="polite">
                <span class="tripmap__sr-only">{named}</span>
                {status}
            </span>
            <button type="button" class="tripmap__step" aria-label=t.next_stop disabled=move || selected.get() == Some(n - 1) on:click=move |_| next.step(1)>
                {t.next}
                " "
                <span aria-hidden="true">{forward}</span>
            </button>
        </div>
    }
    .into_any()
}
