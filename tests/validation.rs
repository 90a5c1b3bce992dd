//! Every message an editor can meet, exact text: all problems at once, each with its JSON path.
#![cfg(not(target_arch = "wasm32"))] // native tests: the basemap and the command are native

use tripmap::story::Story;

fn problems(json: &str) -> Vec<String> {
    Story::from_json(json).expect_err("the story has problems").iter().map(|p| p.to_string()).collect()
}

const HEAD: &str = r#""title":"T","traveller":{"name":"X"}"#;

fn stop(id: &str, extra: &str) -> String {
    format!(r#"{{"id":"{id}","name":"N","lat":1,"lon":2,"date":"2024-01-01"{extra}}}"#)
}

#[test]
fn the_issue_examples_word_for_word() {
    let json = format!(
        r#"{{{HEAD},"stops":[{},{},{},{}],"legs":[{{"from":"a","to":"quito"}}]}}"#,
        stop("a", r#","lattitude":5"#).replace(r#""lat":1,"#, ""),
        stop("b", ""),
        stop("c", "").replace(r#""lat":1"#, r#""lat":95"#),
        stop("b", ""),
    );
    let p = problems(&json);
    assert_eq!(
        p,
        [
            r#"stops[0]: unknown field "lattitude" (did you mean "lat"?)"#,
            r#"stops[0]: field "lat" is missing"#,
            "stops[2].lat: 95 is outside -90..90",
            r#"stops[3].id "b" is used twice"#,
            r#"legs[0].to "quito" is not a stop"#,
        ]
    );
}

#[test]
fn an_unknown_field_does_not_hide_other_problems_in_the_same_object() {
    let json = format!(r#"{{{HEAD},"stops":[{}]}}"#, stop("a", r#","colour":"red""#).replace(r#""lat":1"#, r#""lat":95"#));
    assert_eq!(problems(&json), [r#"stops[0]: unknown field "colour""#, "stops[0].lat: 95 is outside -90..90"]);
}

#[test]
fn json_syntax_errors_give_line_and_column() {
    let p = problems("{\n  \"title\": \"T\",\n  \"stops\": [\n}");
    assert_eq!(p.len(), 1);
    assert!(p[0].starts_with("the JSON is broken at line 4, column 1"), "{}", p[0]);
}

#[test]
fn wrong_types_are_named_and_reading_goes_on() {
    let json = format!(r#"{{{HEAD},"stops":[{},{}]}}"#, stop("a", "").replace(r#""lat":1"#, r#""lat":"north""#), stop("b", r#","topics":"trade""#));
    assert_eq!(problems(&json), [r#"stops[0].lat "north" is not a number"#, r#"stops[1].topics "trade" is not a list ([…])"#]);
    let json = format!(r#"{{{HEAD},"stops":[{}]}}"#, stop("a", r#","summery":"x","figures":[{"value":5,"label":"l"}]"#));
    assert_eq!(
        problems(&json),
        [
            r#"stops[0]: unknown field "summery" (did you mean "summary"?)"#,
            "stops[0].figures[0].value: 5 is not text (a string, or translations like {\"en\": \"…\"})"
        ]
    );
}

#[test]
fn every_problem_in_rich_text_is_named_at_its_run() {
    let text = r#","text":[["plain ",{"text":"x","emm":true}],[{"txt":"y"}],[5]]"#;
    let json = format!(r#"{{{HEAD},"stops":[{}]}}"#, stop("a", text));
    assert_eq!(
        problems(&json),
        [
            r#"stops[0].text[0][1]: unknown field "emm" (did you mean "em"?)"#,
            r#"stops[0].text[1][0]: unknown field "txt" (did you mean "text"?)"#,
            r#"stops[0].text[1][0]: field "text" is missing"#,
            "stops[0].text[2][0]: 5 is not a string",
        ]
    );
}

#[test]
fn semantic_checks_report_everything_in_one_go() {
    let json = format!(
        r#"{{"lang":"english","title":"","traveller":{{"name":"X"}},"sources":[{{"id":"s","name":"S","url":"javascript:alert(1)"}}],
            "stops":[{},{}]}}"#,
        stop("Bad Id", r#","sources":["nope"],"end_date":"2023-12-31""#).replace(r#""lon":2"#, r#""lon":-200"#),
        stop("b", r#","date":"2024-02-30""#).replace(r#","date":"2024-01-01""#, ""),
    );
    assert_eq!(
        problems(&json),
        [
            r#"lang "english" is not a language code like "en" or "es""#,
            "title: is empty",
            r#"sources[0].url "javascript:alert(1)" is not an http or https link"#,
            r#"stops[0].id "Bad Id" must be 1 to 64 of a-z, 0-9, - and _"#,
            "stops[0].lon: -200 is outside -180..180",
            r#"stops[0].end_date "2023-12-31" is before date "2024-01-01""#,
            r#"stops[0].sources[0] "nope" is not a source"#,
            r#"stops[1].date "2024-02-30" is not a day of that month"#,
        ]
    );
}

#[test]
fn translations_must_include_the_story_language() {
    let json = format!(r#"{{"title":{{"es":"Hola","EN":"x"}},"traveller":{{"name":"X"}},"stops":[{}]}}"#, stop("a", ""));
    assert_eq!(problems(&json), [r#"title: key "EN" is not a language code like "en" or "es""#, r#"title: has no "en" text, the story's own language"#]);
}

#[test]
fn a_story_needs_stops() {
    assert_eq!(problems(&format!(r#"{{{HEAD},"stops":[]}}"#)), ["stops: has no stops; a map needs at least one"]);
    assert_eq!(problems(&format!(r#"{{{HEAD}}}"#)), [r#"field "stops" is missing"#]);
}

#[test]
fn a_step_names_a_stop_and_has_a_text() {
    let json = format!(
        r#"{{{HEAD},"stops":[{},{}],"steps":[{{"text":"The whole trip"}},{{"stop":"bogata","text":"x"}},{{"stop":"b","text":""}},{{"stop":"a"}}]}}"#,
        stop("a", ""),
        stop("b", "")
    );
    assert_eq!(problems(&json), [r#"steps[3]: field "text" is missing"#, r#"steps[1].stop "bogata" is not a stop"#, "steps[2].text: is empty"]);
}

#[test]
fn every_problem_of_a_leg_with_a_mode_a_track_and_a_route_at_once() {
    let legs = r#"[
        {"from":"a","to":"b","mode":"raod"},
        {"from":"b","to":"c","mode":"walk","route":"back","path":{"type":"LineString","coordinates":[[2,1],[2.5,1.2],[3,95]]}},
        {"from":"c","to":"d","mode":"ferry","path":{"type":"MultiLineString","coordinates":[[[2,1]],[[200,1],[2,1],[7]]]}},
        {"from":"d","to":"a","path":"tracks/day4.kml"},
        {"from":"a","to":"c","path":{"type":"Polygon","coordinates":[]}},
        {"from":"b","to":"d","path":{"coordinates":[[2,1],[3,"x"]],"type":"LineString"}}]"#;
    let routes = r##"[{"id":"out","name":"Out","color":"red"},{"id":"in","name":""}]"##;
    let json = format!(r#"{{{HEAD},"stops":[{},{},{},{}],"routes":{routes},"legs":{legs}}}"#, stop("a", ""), stop("b", ""), stop("c", ""), stop("d", ""));
    assert_eq!(
        problems(&json),
        [
            r#"legs[0].mode "raod" is not one of "flight", "road", "rail", "ferry", "walk", "none" (did you mean "road"?)"#,
            "legs[4].path: expected a GeoJSON LineString or MultiLineString, or the name of a .gpx or .geojson file",
            r#"legs[5].path.coordinates[1][1] "x" is not a number"#,
            r#"routes[0].color "red" is not a colour (#rgb or #rrggbb)"#,
            "routes[1].name: is empty",
            r#"legs[1].route "back" is not a route"#,
            "legs[1].path.coordinates[2][1]: 95 is outside -90..90",
            "legs[2].path.coordinates[0]: a line needs at least two positions",
            "legs[2].path.coordinates[1][0][0]: 200 is outside -180..180",
            "legs[2].path.coordinates[1][2]: a position needs a longitude and a latitude",
            r#"legs[3].path "tracks/day4.kml" is not a .gpx or .geojson file"#,
        ]
    );
}

#[test]
fn a_track_that_ends_far_from_its_stop_is_a_warning_with_the_distance() {
    // Bogotá to Lima by road, the track stopping 1° of latitude (about 110 km) short of Lima.
    let json = r#"{"title":"T","stops":[{"id":"bogota","name":"Bogotá","lat":4.711,"lon":-74.0721},{"id":"lima","name":"Lima","lat":-12.0464,"lon":-77.0428}],
        "legs":[{"from":"bogota","to":"lima","mode":"road","path":{"type":"LineString","coordinates":[[-74.08,4.72],[-76,-5],[-77.0428,-11.0464]]}}]}"#;
    let story = Story::from_json(json).expect("a warning does not stop the map");
    let warnings: Vec<String> = tripmap::story::warnings(&story).iter().map(|p| p.to_string()).collect();
    assert_eq!(warnings, [r#"legs[0].path: the track ends 111 km from "lima""#]);
    let near = json.replace("-11.0464", "-12.1");
    assert!(tripmap::story::warnings(&Story::from_json(&near).unwrap()).is_empty(), "6 km is within the tolerance");
}
