pub mod basemap;
pub mod clip;
pub mod geodesy;
pub mod labels;
pub mod path;
pub mod projection;
pub mod scene;
pub mod story;
