//! Pointer, wheel and double-click handling on the map: drag to pan, pinch and Ctrl + wheel to
//! zoom, double-click or double-tap to zoom in. A plain wheel is left to the page (it scrolls
//! the article) and only shows a hint, as good news maps do.

use super::MapContext;
use crate::zoom::View;
use geo::{coord, Coord};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MouseEvent, PointerEvent, WheelEvent};

/// A pointer counts as dragging once it has moved this far (screen px), not before: a tap on
/// a marker stays a tap.
const DRAG_PX: f64 = 5.0;
/// Two taps closer than this in time (ms) and space (px) are a double tap.
const DOUBLE_TAP_MS: f64 = 300.0;
const DOUBLE_TAP_PX: f64 = 30.0;

#[derive(Default)]
pub struct GestureState {
    /// Pointers down: id, where it went down, where it was last (scene px).
    pointers: Vec<(i32, Coord, Coord)>,
    dragging: bool,
    last_tap: Option<(f64, Coord)>,
    /// When a double tap last zoomed, so the browser's own dblclick after it is ignored.
    tapped_zoom_at: f64,
}

/// The map's gesture handlers, sharing one state.
#[derive(Clone, Copy)]
pub struct Gestures {
    state: StoredValue<GestureState, LocalStorage>,
    /// Show the "Ctrl + scroll" hint.
    pub hint: RwSignal<bool>,
}

impl Gestures {
    pub fn new() -> Self {
        Gestures { state: StoredValue::new_local(GestureState::default()), hint: RwSignal::new(false) }
    }

    pub fn pointer_down(self, ctx: &MapContext, ev: PointerEvent) {
        if ev.pointer_type() == "mouse" && ev.button() != 0 {
            return;
        }
        let Some(p) = scene_point(ctx, &ev) else { return };
        self.state.update_value(|s| {
            s.pointers.retain(|(id, ..)| *id != ev.pointer_id());
            s.pointers.push((ev.pointer_id(), p, p));
            if s.pointers.len() == 1 {
                s.dragging = false;
            }
        });
    }

    pub fn pointer_move(self, ctx: &MapContext, ev: PointerEvent) {
        let Some(p) = scene_point(ctx, &ev) else { return };
        let (w, h) = ctx.size();
        let mut capture = false;
        let mut next: Option<View> = None;
        self.state.update_value(|s| {
            let Some(idx) = s.pointers.iter().position(|(id, ..)| *id == ev.pointer_id()) else { return };
            let view = ctx.view.get_untracked();
            if s.pointers.len() >= 2 {
                let other = s.pointers[if idx == 0 { 1 } else { 0 }].2;
                let last = s.pointers[idx].2;
                let (d0, d1) = (dist(last, other), dist(p, other));
                if d0 > 1.0 {
                    let (m0, m1) = (mid(last, other), mid(p, other));
                    next = Some(view.zoom_about(m0, d1 / d0, w, h).pan(m1.x - m0.x, m1.y - m0.y, w, h));
                }
                s.dragging = true;
            } else {
                let (start, last) = (s.pointers[idx].1, s.pointers[idx].2);
                if !s.dragging && dist(start, p) >= DRAG_PX {
                    s.dragging = true;
                    capture = true;
                }
                if s.dragging {
                    next = Some(view.pan(p.x - last.x, p.y - last.y, w, h));
                }
            }
            s.pointers[idx].2 = p;
        });
        if capture {
            if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let _ = el.set_pointer_capture(ev.pointer_id());
            }
        }
        if let Some(v) = next {
            ctx.set_view(v);
        }
    }

    pub fn pointer_up(self, ctx: &MapContext, ev: PointerEvent) {
        // Only a touch tap needs its place (a double tap zooms there): a mouse's pointer-up, the
        // start of every click, skips the layout read.
        let touch = ev.pointer_type() == "touch";
        let p = if touch { scene_point(ctx, &ev) } else { None };
        let now = js_sys::Date::now();
        let mut zoom_at: Option<Coord> = None;
        self.state.update_value(|s| {
            let was_tap = !s.dragging && s.pointers.len() == 1;
            s.pointers.retain(|(id, ..)| *id != ev.pointer_id());
            if s.pointers.is_empty() {
                s.dragging = false;
            }
            if !touch || !was_tap {
                return;
            }
            let Some(p) = p else { return };
            match s.last_tap {
                Some((t, q)) if now - t < DOUBLE_TAP_MS && dist(p, q) < DOUBLE_TAP_PX => {
                    zoom_at = Some(p);
                    s.last_tap = None;
                    s.tapped_zoom_at = now;
                }
                _ => s.last_tap = Some((now, p)),
            }
        });
        if let Some(p) = zoom_at {
            zoom_in_at(ctx, p);
        }
    }

    pub fn double_click(self, ctx: &MapContext, ev: MouseEvent) {
        ev.prevent_default();
        let recent_tap = self.state.with_value(|s| js_sys::Date::now() - s.tapped_zoom_at < 600.0);
        if recent_tap {
            return;
        }
        if let Some(p) = scene_point(ctx, &ev) {
            zoom_in_at(ctx, p);
        }
    }

    pub fn wheel(self, ctx: &MapContext, ev: WheelEvent) {
        if !(ev.ctrl_key() || ev.meta_key()) {
            // Leave the wheel to the page; say how to zoom.
            self.hint.set(true);
            let hint = self.hint;
            // try_set: the map may have been destroyed by then.
            set_timeout(move || _ = hint.try_set(false), std::time::Duration::from_millis(1500));
            return;
        }
        ev.prevent_default();
        let Some(p) = scene_point(ctx, &ev) else { return };
        let step = if ev.delta_mode() == WheelEvent::DOM_DELTA_LINE { 0.05 } else { 0.002 };
        let factor = (-ev.delta_y() * step).clamp(-1.0, 1.0).exp();
        let (w, h) = ctx.size();
        ctx.set_view(ctx.view.get_untracked().zoom_about(p, factor, w, h));
    }
}

fn zoom_in_at(ctx: &MapContext, p: Coord) {
    let (w, h) = ctx.size();
    ctx.fly_to(ctx.view.get_untracked().zoom_about(p, 2.0, w, h), true);
}

/// The event's position in the map's own pixels (the SVG may be drawn larger or smaller).
fn scene_point(ctx: &MapContext, ev: &MouseEvent) -> Option<Coord> {
    let el: web_sys::Element = ev.current_target()?.dyn_into().ok()?;
    let r = el.get_bounding_client_rect();
    if r.width() <= 0.0 {
        return None;
    }
    let f = ctx.size().0 / r.width();
    Some(coord! { x: (ev.client_x() as f64 - r.left()) * f, y: (ev.client_y() as f64 - r.top()) * f })
}

fn dist(a: Coord, b: Coord) -> f64 {
    (a.x - b.x).hypot(a.y - b.y)
}

fn mid(a: Coord, b: Coord) -> Coord {
    coord! { x: (a.x + b.x) / 2.0, y: (a.y + b.y) / 2.0 }
}
