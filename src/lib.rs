//! TripMap: an embeddable trip map for news stories.
//!
//! Data flows one way: story JSON → [`story::Story`] (validated) → [`scene::Scene`] (geodesic
//! legs, fitted projection, clipped basemap, placed labels, all as SVG path strings) → the
//! Leptos view in [`ui`], mounted on the page by [`embed`]. Everything up to the scene is plain
//! Rust and tested natively; see ARCHITECTURE.md.

pub mod basemap;
pub mod clip;
pub mod geodesy;
pub mod i18n;
pub mod labels;
pub mod path;
pub mod projection;
pub mod scene;
pub mod story;
pub mod zoom;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;
