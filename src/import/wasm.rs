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

/// `json`, a TripMap story whose legs name track files, with those files read in: `files` maps
/// each name to `{"text": "…"}` (as fetched) or `{"error": "HTTP 404"}`. Returns
/// `{"story": {…}}`, or `{"problems": […]}` naming the leg and the file.
#[wasm_bindgen(js_name = inlineTracks)]
pub fn inline_tracks(json: &str, files: &str) -> String {
    /// One file as the loader fetched it.
    #[derive(serde::Deserialize)]
    struct Fetched {
        text: Option<String>,
        error: Option<String>,
    }
    let files: std::collections::HashMap<String, Fetched> = serde_json::from_str(files).unwrap_or_default();
    let mut load = |name: &str| match files.get(name) {
        Some(Fetched { text: Some(text), .. }) => Ok(text.clone()),
        Some(Fetched { error: Some(error), .. }) => Err(error.clone()),
        _ => Err("not fetched".into()),
    };
    let out = match super::read(json).and_then(|(mut story, _)| super::tracks::inline(&mut story, &mut load).map(|()| story)) {
        Ok(story) => serde_json::json!({ "story": story }),
        Err(problems) => serde_json::json!({ "problems": problems }),
    };
    out.to_string()
}
