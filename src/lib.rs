pub mod clip;
pub mod geodesy;
pub mod path;
pub mod projection;
pub mod story;
