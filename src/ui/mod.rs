//! Leptos components: thin, named for what the reader sees. All geometry comes ready-made from
//! [`crate::scene::Scene`]; components only wire it to the DOM and to the selection signal.

mod error_panel;
mod map_layer;
mod stop_card;
mod stop_list;
mod trip_map;

pub use error_panel::ErrorPanel;
pub use trip_map::TripMap;

use crate::scene::Scene;
use crate::story::Story;
use leptos::prelude::*;
use std::sync::Arc;

/// Container width (px) from which the card sits beside the map instead of under it.
/// Must match the `@container` rule in www/tripmap.css.
pub const WIDE_PX: f64 = 760.0;
/// Width of the side column in the wide layout, gap included. Matches www/tripmap.css.
pub const ASIDE_PX: f64 = 344.0;

/// Width of the map drawing inside a container `container_px` wide.
pub fn map_width(container_px: f64) -> f64 {
    let w = if container_px >= WIDE_PX { container_px - ASIDE_PX } else { container_px };
    w.max(280.0)
}

/// One map's state, provided as context to its components: the story and its scene (fixed
/// once mounted) and the selected stop.
#[derive(Clone)]
pub struct MapContext {
    pub story: Arc<Story>,
    pub scene: Arc<Scene>,
    pub selected: RwSignal<Option<usize>>,
}

impl MapContext {
    /// Opens stop `i`'s card, or closes it if it is already open.
    pub fn toggle(&self, i: usize) {
        self.selected.update(|s| *s = if *s == Some(i) { None } else { Some(i) });
    }
}

fn use_map() -> MapContext {
    expect_context::<MapContext>()
}
