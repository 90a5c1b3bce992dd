//! A GPX file to a TripMap story: its waypoints (or, if it has none, its named track and route
//! points) become stops, its tracks and routes legs along them (cut at the stops they pass,
//! `lines`), in the mode their `<type>` names.

use super::lines::{mode_from, Track};
use super::tracks::xy;
use super::{Format, Imported, Place, Report};
use crate::story::{Problem, Story, What};

/// Imports a GPX file's text; problems say why it does not read.
///
/// ```
/// let gpx = r#"<gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">
///   <wpt lat="51.1279" lon="1.3134"><name>Dover</name></wpt><wpt lat="50.9513" lon="1.8587"><name>Calais</name></wpt>
///   <trk><name>Crossing</name><type>ferry</type><trkseg><trkpt lat="51.12" lon="1.32"/><trkpt lat="51.05" lon="1.6"/><trkpt lat="50.96" lon="1.85"/></trkseg></trk></gpx>"#;
/// let (story, _) = tripmap::import::gpx::import(gpx).unwrap();
/// assert_eq!(story.stops[1].name.as_str(), "Calais");
/// let leg = &story.legs.unwrap()[0];
/// assert_eq!((leg.from.as_str(), leg.to.as_str(), leg.mode), ("dover", "calais", Some(tripmap::story::TravelMode::Ferry)));
/// ```
pub fn import(text: &str) -> Result<(Story, Report), Vec<Problem>> {
    let gpx = gpx::read(text.as_bytes()).map_err(|e| vec![Problem::new("", What::BadTrackFile, &[("file", "the GPX file"), ("detail", &e.to_string())])])?;
    let mut out = Imported::new(Format::Gpx);
    let place = |w: &gpx::Waypoint| {
        let mut p = Place::at(w.name.clone().unwrap_or_default(), xy(w));
        if let Some(desc) = w.description.as_ref().or(w.comment.as_ref()).filter(|d| !d.trim().is_empty()) {
            p.text = vec![vec![crate::story::Run::Plain(desc.trim().to_string())]];
        }
        p
    };
    let named: Vec<&gpx::Waypoint> = if gpx.waypoints.is_empty() {
        let on_tracks = gpx.tracks.iter().flat_map(|t| &t.segments).flat_map(|s| &s.points);
        on_tracks.chain(gpx.routes.iter().flat_map(|r| &r.points)).filter(|w| w.name.as_ref().is_some_and(|n| !n.trim().is_empty())).collect()
    } else {
        gpx.waypoints.iter().collect()
    };
    for w in named {
        out.push(place(w));
    }
    let mut tracks = Vec::new();
    for (i, t) in gpx.tracks.iter().enumerate() {
        for (j, s) in t.segments.iter().enumerate() {
            let path = if t.segments.len() > 1 { format!("trk[{i}].trkseg[{j}]") } else { format!("trk[{i}]") };
            tracks.push(Track {
                path,
                name: t.name.clone().unwrap_or_default(),
                mode: t.type_.as_deref().and_then(mode_from),
                points: s.points.iter().map(xy).collect(),
            });
        }
    }
    for (i, r) in gpx.routes.iter().enumerate() {
        tracks.push(Track {
            path: format!("rte[{i}]"),
            name: r.name.clone().unwrap_or_default(),
            mode: r.type_.as_deref().and_then(mode_from),
            points: r.points.iter().map(xy).collect(),
        });
    }
    out.legs = out.cut_tracks(tracks);
    let n = out.legs.len();
    out.report.tracks(n);
    let meta = gpx.metadata.as_ref();
    let title = meta.and_then(|m| m.name.clone()).or_else(|| gpx.tracks.first().and_then(|t| t.name.clone())).unwrap_or_default();
    let about = meta.and_then(|m| m.description.clone()).unwrap_or_default();
    out.finish("wpt", "the file has no <name>", "en".to_string(), title, about)
}
