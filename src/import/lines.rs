//! Tracks into legs, for the importers of GPX and GeoJSON: a track is cut at the stops it
//! passes (the nearest of its points to each stop, within
//! [`TRACK_END_TOLERANCE_KM`](crate::story::TRACK_END_TOLERANCE_KM)), and each piece between two
//! stops becomes a leg with that piece as its path. A track whose ends pass no stop gets a stop
//! there, named after the track.

use super::{Imported, Place, Report};
use crate::story::{Leg, LegPath, PathGeometry, TravelMode, TRACK_END_TOLERANCE_KM};
use geo::{Coord, Distance, Haversine, Point};

/// A line of the source: where it is (for the report), its name and mode, its points.
pub(super) struct Track {
    pub path: String,
    pub name: String,
    pub mode: Option<TravelMode>,
    pub points: Vec<Coord>,
}

/// A mode from the words GPS apps write in a track's `<type>` or a feature's `mode`.
///
/// ```
/// use tripmap::import::mode_from;
/// use tripmap::story::TravelMode;
/// assert_eq!(mode_from("Hiking"), Some(TravelMode::Walk));
/// assert_eq!(mode_from("road"), Some(TravelMode::Road));
/// assert_eq!(mode_from("alpineTour"), Some(TravelMode::Walk));
/// assert_eq!(mode_from("paragliding"), None);
/// ```
pub fn mode_from(word: &str) -> Option<TravelMode> {
    let w = word.to_ascii_lowercase();
    let has = |keys: &[&str]| keys.iter().any(|k| w.contains(k));
    if let Some(m) = TravelMode::ALL.into_iter().find(|m| m.as_str() == w) {
        return Some(m);
    }
    Some(if has(&["walk", "hik", "run", "foot", "trek", "alpine", "march"]) {
        TravelMode::Walk
    } else if has(&["driv", "car", "road", "motor", "bus", "cycl", "bik"]) {
        TravelMode::Road
    } else if has(&["rail", "train"]) {
        TravelMode::Rail
    } else if has(&["ferry", "boat", "sail", "ship"]) {
        TravelMode::Ferry
    } else if has(&["flight", "fly", "plane", "air"]) {
        TravelMode::Flight
    } else {
        return None;
    })
}

fn km(a: Coord, b: Coord) -> f64 {
    Haversine.distance(Point(a), Point(b)) / 1000.0
}

impl Imported {
    /// Cuts every track at the stops it passes into legs (stops added at ends that pass none).
    pub(super) fn cut_tracks(&mut self, tracks: Vec<Track>) -> Vec<Leg> {
        let mut legs = Vec::new();
        for t in tracks.into_iter().filter(|t| t.points.len() > 1) {
            let (first, last) = (t.points[0], t.points[t.points.len() - 1]);
            let name = if t.name.is_empty() { t.path.clone() } else { t.name.clone() };
            for (end, label) in [(first, name.clone()), (last, format!("{name} (end)"))] {
                if !self.stops.iter().any(|s| km(end, Coord { x: s.lon, y: s.lat }) <= TRACK_END_TOLERANCE_KM) {
                    self.report.notes.push(format!("{}: a stop added where it {} (\"{label}\")", t.path, if end == first { "starts" } else { "ends" }));
                    self.push(Place::at(label, end));
                }
            }
            // Each stop the track passes, at its nearest point (its ends pass one at least).
            let mut cuts: Vec<(usize, usize)> = vec![];
            for (si, s) in self.stops.iter().enumerate() {
                let at = Coord { x: s.lon, y: s.lat };
                let (j, d) = t.points.iter().enumerate().map(|(j, &p)| (j, km(p, at))).min_by(|a, b| a.1.total_cmp(&b.1)).expect("two points");
                if d <= TRACK_END_TOLERANCE_KM {
                    cuts.push((j, si));
                }
            }
            cuts.sort();
            if cuts.len() < 2 {
                self.report.notes.push(format!("{}: a loop (it passes one stop only), left out", t.path));
            }
            for w in cuts.windows(2) {
                let ((a, from), (b, to)) = (w[0], w[1]);
                if from == to || b <= a {
                    continue;
                }
                let path = PathGeometry::from_lines(vec![t.points[a..=b].to_vec()]);
                let (from, to) = (self.stops[from].id.clone(), self.stops[to].id.clone());
                legs.push(Leg { mode: t.mode, path: Some(LegPath::Line(path)), ..Leg::between(&from, &to) });
            }
            if t.mode.is_none() {
                self.report.notes.push(format!("{}: no mode the importer knows; its legs are drawn as flights until they say \"mode\"", t.path));
            }
        }
        legs
    }
}

impl Report {
    /// Counts a line the import made legs of.
    pub(super) fn tracks(&mut self, n: usize) {
        if n > 0 {
            self.notes.push(format!("{n} leg{} along the source's lines", if n == 1 { "" } else { "s" }));
        }
    }
}
