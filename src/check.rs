//! The checker module's one export, for the loader (www/tripmap.js), which loads this module only
//! when the map's quick read refused a story: the every-problem reader stays out of the map's
//! wasm, and a broken story still gets its full panel.

use wasm_bindgen::prelude::wasm_bindgen;

/// Every problem of the story `json`, as JSON text: `[{"path", "what", "args"}, …]`, as
/// `mountProblems` takes them (`[]` if the story reads after all).
#[wasm_bindgen(js_name = checkStory)]
pub fn check_story(json: &str) -> String {
    let problems = crate::story::Story::from_json(json).err().unwrap_or_default();
    serde_json::to_string(&problems).unwrap_or_else(|_| "[]".into())
}
