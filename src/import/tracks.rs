//! A leg's track file read into its story: `"path": "tracks/day1.gpx"` becomes the GeoJSON
//! line it holds, so that everything after (validation, the scene, the geometry key) sees
//! lines only. GPX through georust's `gpx` crate (tracks, else routes), GeoJSON through
//! `geojson` (every LineString and MultiLineString of a geometry, feature or collection).
//! `tripmap` reads the files from disk, the loader fetches them for the importer module.

use crate::story::{is_gpx, validate, LegPath, PathGeometry, Problem, Story, What};
use geo::Coord;

/// The lines a track file holds, from its text; `Err` says why it holds none.
///
/// ```
/// let gpx = r#"<gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
///   <trkpt lat="51.1279" lon="1.3134"/><trkpt lat="50.9513" lon="1.8587"/></trkseg></trk></gpx>"#;
/// let lines = tripmap::import::tracks::read("dover-calais.gpx", gpx).unwrap();
/// assert_eq!(lines[0][1], geo::coord! { x: 1.8587, y: 50.9513 });
/// ```
pub fn read(name: &str, text: &str) -> Result<Vec<Vec<Coord>>, Problem> {
    let bad = |detail: String| Problem::new("", What::BadTrackFile, &[("file", name), ("detail", &detail)]);
    let lines = if is_gpx(name) {
        let gpx = gpx::read(text.as_bytes()).map_err(|e| bad(e.to_string()))?;
        let tracks: Vec<Vec<Coord>> = gpx.tracks.iter().flat_map(|t| &t.segments).map(|s| s.points.iter().map(xy).collect()).collect();
        if tracks.iter().any(|t| !t.is_empty()) {
            tracks
        } else {
            gpx.routes.iter().map(|r| r.points.iter().map(xy).collect()).collect()
        }
    } else {
        let geojson: geojson::GeoJson = text.parse().map_err(|e: geojson::Error| bad(e.to_string()))?;
        let mut lines = Vec::new();
        let mut take = |g: &geojson::Geometry| push_lines(&g.value, &mut lines);
        match &geojson {
            geojson::GeoJson::Geometry(g) => take(g),
            geojson::GeoJson::Feature(f) => f.geometry.iter().for_each(take),
            geojson::GeoJson::FeatureCollection(c) => c.features.iter().flat_map(|f| &f.geometry).for_each(take),
        }
        lines
    };
    let lines: Vec<Vec<Coord>> = lines.into_iter().filter(|l| !l.is_empty()).collect();
    if lines.is_empty() {
        return Err(Problem::new("", What::NoTrack, &[("file", name)]));
    }
    Ok(lines)
}

/// A GPX point's position.
pub(super) fn xy(w: &gpx::Waypoint) -> Coord {
    Coord { x: w.point().x(), y: w.point().y() }
}

/// The LineStrings of a GeoJSON geometry (in a collection too), as coordinates.
pub(super) fn push_lines(g: &geojson::GeometryValue, out: &mut Vec<Vec<Coord>>) {
    let line = |ps: &Vec<geojson::Position>| ps.iter().filter(|p| p.len() >= 2).map(|p| Coord { x: p[0], y: p[1] }).collect();
    match g {
        geojson::GeometryValue::LineString { coordinates } => out.push(line(coordinates)),
        geojson::GeometryValue::MultiLineString { coordinates } => out.extend(coordinates.iter().map(line)),
        geojson::GeometryValue::GeometryCollection { geometries } => geometries.iter().for_each(|g| push_lines(&g.value, out)),
        _ => {}
    }
}

/// Reads every track file the story's legs name (`load` gives a file's text, or why it could
/// not be had) into the story, then, if there were any, checks it again (a track's positions
/// must be in range). The story must have been checked as it was read.
/// Problems name the leg: `legs[2].path: tracks/day3.gpx could not be loaded (HTTP 404)`.
pub fn inline(story: &mut Story, load: &mut dyn FnMut(&str) -> Result<String, String>) -> Result<(), Vec<Problem>> {
    let files: Vec<(usize, String)> = story.track_files().into_iter().map(|(i, f)| (i, f.to_string())).collect();
    if files.is_empty() {
        return Ok(()); // nothing changed since the story was read and checked
    }
    let mut problems = Vec::new();
    for (i, file) in files {
        let at = format!("legs[{i}].path");
        let read = load(&file)
            .map_err(|reason| Problem::new(at.clone(), What::NotLoaded, &[("reason", &format!("{file}: {reason}"))]))
            .and_then(|text| read(&file, &text).map_err(|p| Problem { path: at.clone(), ..p }));
        match read {
            Ok(lines) => {
                if let Some(leg) = story.legs.as_mut().and_then(|l| l.get_mut(i)) {
                    leg.path = Some(LegPath::Line(PathGeometry::from_lines(lines)));
                }
            }
            Err(p) => problems.push(p),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    validate(story)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> String {
        std::fs::read_to_string(format!("{}/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn gpx_tracks_routes_and_geojson_lines_are_read() {
        let machame = read("machame.gpx", &fixture("www/stories/tracks/kilimanjaro-machame.gpx")).unwrap();
        assert_eq!(machame.len(), 1);
        assert_eq!(machame[0].len(), 9);
        assert_eq!(machame[0][0], Coord { x: 37.238621, y: -3.173433 });
        let fc = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0,0]}},
            {"type":"Feature","properties":{},"geometry":{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2],[3,3,120]]]}}]}"#;
        assert_eq!(
            read("a.geojson", fc).unwrap(),
            vec![vec![Coord { x: 0.0, y: 0.0 }, Coord { x: 1.0, y: 1.0 }], vec![Coord { x: 2.0, y: 2.0 }, Coord { x: 3.0, y: 3.0 }]]
        );
        let route =
            r#"<gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"><rte><rtept lat="1" lon="2"/><rtept lat="3" lon="4"/></rte></gpx>"#;
        assert_eq!(read("r.gpx", route).unwrap()[0].len(), 2);
    }

    #[test]
    fn a_file_that_does_not_parse_or_holds_no_line_is_named() {
        assert_eq!(
            read("day1.gpx", "<gpx><trk>").unwrap_err().display_in(&crate::i18n::EN_PROBLEMS).split(" (").next().unwrap(),
            "day1.gpx does not read as a track"
        );
        let points = r#"{"type":"Point","coordinates":[0,0]}"#;
        assert_eq!(read("p.geojson", points).unwrap_err().to_string(), "p.geojson has no track, route or line in it");
    }

    #[test]
    fn inlined_files_are_checked_and_failures_name_the_leg() {
        let json = r#"{"title":"t","stops":[{"id":"a","name":"A","lat":-3.17,"lon":37.24},{"id":"b","name":"B","lat":-3.22,"lon":37.34}],
            "legs":[{"from":"a","to":"b","mode":"walk","path":"tracks/machame.gpx"}]}"#;
        let mut story = Story::from_json(json).unwrap();
        inline(&mut story, &mut |f| {
            if f == "tracks/machame.gpx" {
                Ok(fixture("www/stories/tracks/kilimanjaro-machame.gpx"))
            } else {
                Err("no such file".into())
            }
        })
        .unwrap();
        assert!(story.track_files().is_empty());
        assert!(matches!(&story.legs.as_ref().unwrap()[0].path, Some(LegPath::Line(PathGeometry::LineString { coordinates })) if coordinates.len() == 9));

        let mut story = Story::from_json(json).unwrap();
        let err = inline(&mut story, &mut |_| Err("HTTP 404".into())).unwrap_err();
        assert_eq!(err[0].to_string(), "legs[0].path: could not be loaded (tracks/machame.gpx: HTTP 404)");

        // GPX readers refuse a latitude out of range themselves; a GeoJSON file is checked after.
        let gpx = r#"<gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg><trkpt lat="95" lon="37"/><trkpt lat="-3" lon="37"/></trkseg></trk></gpx>"#;
        let mut story = Story::from_json(json).unwrap();
        let err = inline(&mut story, &mut |_| Ok(gpx.into())).unwrap_err();
        assert!(err[0].to_string().starts_with("legs[0].path: tracks/machame.gpx does not read as a track (invalid `latitude`"), "{}", err[0]);
        let far = r#"{"type":"LineString","coordinates":[[37.24,-3.17],[37,95]]}"#;
        let mut story = Story::from_json(&json.replace(".gpx", ".geojson")).unwrap();
        let err = inline(&mut story, &mut |_| Ok(far.into())).unwrap_err();
        assert_eq!(err[0].to_string(), "legs[0].path.coordinates[1][1]: 95 is outside -90..90");
    }
}
