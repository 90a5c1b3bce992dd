//! TripMap: an embeddable trip map for news stories.
//!
//! Data flows one way: story JSON → [`story::Story`] (validated) → [`scene::Scene`] (geodesic
//! legs, fitted projection, clipped basemap, placed labels, all as SVG path strings) → the
//! Leptos view in [`ui`], mounted on the page by [`embed`]. Everything up to the scene is plain
//! Rust and tested natively; see ARCHITECTURE.md.

pub mod basemap;
pub mod clip;
pub mod format;
pub mod geodesy;
pub mod i18n;
#[cfg(feature = "import")]
pub mod import;
pub mod labels;
pub mod nested;
pub mod path;
pub mod projection;
// Build-time static maps: the components rendered natively.
#[cfg(not(target_arch = "wasm32"))]
pub mod render;
pub mod scene;
pub mod story;
pub mod zoom;

// The components: live in the browser, rendered natively into the static map. A wasm build
// with the `import` or `check` feature is that side module alone, without them.
#[cfg(not(all(target_arch = "wasm32", any(feature = "import", feature = "check"))))]
pub mod ui;
// The browser's `Intl`, for locales the native formatter does not write.
#[cfg(target_arch = "wasm32")]
pub mod intl;
// JSON read by the browser's `JSON.parse`: the map's wasm has no JSON reader of its own.
#[cfg(target_arch = "wasm32")]
pub mod js_json;
// The map on a page: mounting, the JS API, the panic hook.
#[cfg(all(target_arch = "wasm32", not(feature = "import"), not(feature = "check")))]
pub mod embed;
// The checker module's one export: every problem of a story the map's quick read refused.
#[cfg(all(target_arch = "wasm32", feature = "check"))]
pub mod check;
