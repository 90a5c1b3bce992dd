//! The importer module's one export, for the loader (www/tripmap.js), which loads this module
//! only for a story in another format and hands the result to the map.

use wasm_bindgen::prelude::wasm_bindgen;

/// `json` in any format [`super::read`] knows, as JSON text: `{"story": {…}, "report": "…"}`
/// (the report empty for a TripMap story), or `{"problems": [{"path", "what", "args"}, …]}`.
#[wasm_bindgen(js_name = importStory)]
pub fn import_story(json: &str) -> String {
    let out = match super::read(json) {
        Ok((story, report)) => serde_json::json!({ "story": story, "report": report.map(|r| r.to_string()).unwrap_or_default() }),
        Err(problems) => serde_json::json!({ "problems": problems }),
    };
    out.to_string()
}
