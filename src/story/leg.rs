//! How a leg was travelled: its mode (the line's style, the card's "by road"), the track it
//! followed (a GeoJSON line inline, or a GPX / GeoJSON file the loader reads in), and the route
//! it belongs to when a story has several.

use super::Text;
use crate::nested::Nested;
use geo::Coord;
use serde::{Deserialize, Serialize};

/// How the traveller went. `flight` (the default) is drawn as the WGS84 geodesic; the others
/// along the leg's `path` when it has one, else as a geodesic in their own style; `none` joins
/// the stops with no line at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum TravelMode {
    #[default]
    Flight,
    Road,
    Rail,
    Ferry,
    Walk,
    None,
}

impl TravelMode {
    /// Every mode, in the legend's order.
    pub const ALL: [TravelMode; 6] = [TravelMode::Flight, TravelMode::Road, TravelMode::Rail, TravelMode::Ferry, TravelMode::Walk, TravelMode::None];

    /// The name in the story format and in `data-mode`.
    pub fn as_str(self) -> &'static str {
        match self {
            TravelMode::Flight => "flight",
            TravelMode::Road => "road",
            TravelMode::Rail => "rail",
            TravelMode::Ferry => "ferry",
            TravelMode::Walk => "walk",
            TravelMode::None => "none",
        }
    }

    /// Whether the map draws a line for it.
    pub fn is_drawn(self) -> bool {
        self != TravelMode::None
    }
}

/// A leg's track: a GeoJSON geometry, or the name of a `.gpx` / `.geojson` file (relative to
/// the story's file, or to the page for a story embedded in it) that is read in before the map
/// is drawn (`import::tracks`).
// Read by hand (`PathVisitor`) rather than with serde's `untagged` and `tag`, which buffer the
// value first: in the map's wasm that buffering cost about 9 KB.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum LegPath {
    File(String),
    Line(PathGeometry),
}

/// What serde says of a `path` that is neither a file's name nor a line geometry; the
/// every-problem reader words it (`What::NotAPath`).
pub const NOT_A_PATH: &str = "a GeoJSON LineString or MultiLineString, or a track file's name";

/// A GeoJSON `LineString` or `MultiLineString` geometry: positions are `[lon, lat]` in
/// degrees (a third number, the height, is allowed and ignored).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "type")]
pub enum PathGeometry {
    LineString { coordinates: Vec<Vec<f64>> },
    MultiLineString { coordinates: Vec<Vec<Vec<f64>>> },
}

impl PathGeometry {
    /// Each line's positions as written, with their JSON path (`path.coordinates`,
    /// `path.coordinates[1]`): what validation checks.
    pub fn positions(&self) -> Vec<(String, &[Vec<f64>])> {
        match self {
            PathGeometry::LineString { coordinates } => vec![("path.coordinates".into(), coordinates)],
            PathGeometry::MultiLineString { coordinates } => {
                coordinates.iter().enumerate().map(|(i, ps)| (format!("path.coordinates[{i}]"), &ps[..])).collect()
            }
        }
    }

    /// The lines as coordinates (x longitude, y latitude). Positions with fewer than two numbers
    /// are left out (validation reports them).
    pub fn lines(&self) -> Vec<Vec<Coord>> {
        let line = |ps: &[Vec<f64>]| ps.iter().filter_map(|p| Some(Coord { x: *p.first()?, y: *p.get(1)? })).collect();
        self.positions().into_iter().map(|(_, ps)| line(ps)).collect()
    }

    /// The geometry of these lines: one line is a `LineString`.
    pub fn from_lines(mut lines: Vec<Vec<Coord>>) -> PathGeometry {
        let positions = |l: Vec<Coord>| l.into_iter().map(|c| vec![c.x, c.y]).collect();
        if lines.len() == 1 {
            PathGeometry::LineString { coordinates: positions(lines.remove(0)) }
        } else {
            PathGeometry::MultiLineString { coordinates: lines.into_iter().map(positions).collect() }
        }
    }
}

impl<'de> Deserialize<'de> for LegPath {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(PathVisitor)
    }
}

/// Reads a `path`: a string is a file's name; an object a geometry, whose `type` (in any
/// order with `coordinates`) says how deep its positions nest. Other members (`bbox`) are
/// skipped, as GeoJSON allows.
struct PathVisitor;

impl<'de> serde::de::Visitor<'de> for PathVisitor {
    type Value = LegPath;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(NOT_A_PATH)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<LegPath, E> {
        Ok(LegPath::File(v.to_owned()))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<LegPath, A::Error> {
        let (mut kind, mut coordinates) = (None::<String>, None::<Nested>);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => kind = Some(map.next_value()?),
                "coordinates" => coordinates = Some(map.next_value()?),
                _ => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        let not = || serde::de::Error::custom(format_args!("expected {NOT_A_PATH}"));
        let c = coordinates.ok_or_else(not)?;
        let geometry = match kind.as_deref() {
            Some("LineString") => PathGeometry::LineString { coordinates: c.positions().ok_or_else(not)? },
            Some("MultiLineString") => PathGeometry::MultiLineString { coordinates: c.position_lists().ok_or_else(not)? },
            _ => return Err(not()),
        };
        Ok(LegPath::Line(geometry))
    }
}

/// One of a story's routes (two delegations, the way out and the way back): its legs name it
/// (`"route": "<id>"`), and the legend shows its name in its colour.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub id: String,
    pub name: Text,
    /// `#rgb` or `#rrggbb`, used in both themes as given; absent: the next of TripMap's four
    /// route colours, which have a light and a dark version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

/// How many route colours TripMap has (`--_route`, `--_route-2` … in the stylesheet, each
/// checked at 3:1 or more against land and sea in both themes); routes beyond reuse them.
pub const ROUTE_PALETTE: usize = 4;

/// The colour a leg is drawn in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum LegColor {
    /// The map's route colour (legs of a story without routes).
    #[default]
    Default,
    /// The n-th of TripMap's route colours (0 is the default one).
    Palette(usize),
    /// The story's own, `#rgb` or `#rrggbb`.
    Given(String),
}

/// How far (km) a track's end may lie from its leg's stop before `tripmap check` and the
/// console warn: farther than a station or a harbour from the town it is named for.
pub const TRACK_END_TOLERANCE_KM: f64 = 25.0;

/// True for `#rgb` or `#rrggbb`.
pub fn is_hex_color(s: &str) -> bool {
    s.strip_prefix('#').is_some_and(|h| (h.len() == 3 || h.len() == 6) && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

impl LegColor {
    /// The `color` attribute of a story's own colour (the stylesheet strokes it `currentColor`).
    pub fn given(&self) -> Option<String> {
        match self {
            LegColor::Given(c) => Some(c.clone()),
            _ => None,
        }
    }

    /// The `data-palette` attribute of TripMap's second to last route colours (the stylesheet
    /// colours each in both themes; the first is the map's default route colour).
    pub fn palette(&self) -> Option<String> {
        match self {
            LegColor::Palette(i) if *i > 0 => Some((i + 1).to_string()),
            _ => None,
        }
    }
}
