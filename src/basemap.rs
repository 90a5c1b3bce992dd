//! The Natural Earth countries in `data/countries.topo.json`, decoded from TopoJSON.
//!
//! TopoJSON stores each shared border once (an "arc") and delta-encodes quantized points,
//! which keeps the data small. Decoding gives each country's shape, and the arcs' use counts
//! find the land borders (shared by two countries; the rest of an outline is coast).
//!
//! Natively the data is compiled in ([`Basemap::natural_earth`]). The map's wasm does not carry
//! it: a map whose page holds its static map (`tripmap render --html`) reuses that drawing's
//! countries, and only a map without one needs the data, which the loader fetches
//! (`countries.topo.json` beside it) and hands over once ([`Basemap::provide`]), read by the
//! browser's `JSON.parse` ([`Basemap::from_topology`]).

use crate::nested::Nested;
use geo::{coord, BoundingRect, Coord, Distance, Euclidean, Intersects, LineString, MultiPolygon, Point, Polygon, Rect};
use serde::Deserialize;
use std::sync::OnceLock;

/// The processed Natural Earth 1:50m countries (see tools/build-basemap.mjs).
#[cfg(not(target_arch = "wasm32"))]
pub const COUNTRIES_TOPOJSON: &str = include_str!("../data/countries.topo.json");

/// The Natural Earth basemap once decoded: compiled in natively, provided in the browser.
static NATURAL_EARTH: OnceLock<Basemap> = OnceLock::new();

/// How far (degrees) a stop may lie off the simplified coast and still count as in a country:
/// coastal capitals such as Lima sit right on it.
const COAST_TOLERANCE_DEG: f64 = 0.3;

/// Decoded countries and lines.
#[derive(Debug, Clone)]
pub struct Basemap {
    pub countries: Vec<Country>,
    /// Land borders: arcs shared by two countries. (The others, a single country's, are
    /// coast: the map draws them as the countries' outlines.)
    pub borders: Vec<Vec<Coord>>,
}

/// A country: ISO 3166-1 alpha-3 code, name, shape in longitude/latitude degrees.
#[derive(Debug, Clone)]
pub struct Country {
    pub id: String,
    pub name: String,
    pub shape: MultiPolygon<f64>,
    bbox: Option<Rect>,
}

/// A TopoJSON topology as read, before its arcs are decoded ([`Basemap::from_topology`]).
#[derive(Deserialize)]
pub struct Topology {
    transform: Transform,
    /// Each arc's delta-encoded points (the browser's reader copies them out in one go).
    pub(crate) arcs: Vec<Vec<[i64; 2]>>,
    objects: Objects,
}
#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}
#[derive(Deserialize)]
struct Objects {
    countries: Collection,
}
#[derive(Deserialize)]
struct Collection {
    geometries: Vec<Geometry>,
}
#[derive(Deserialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: String,
    arcs: Nested,
    id: String,
    properties: Properties,
}

/// A country's arcs by index (negative: reversed), ring by ring.
enum Arcs {
    Polygon(Vec<Vec<i64>>),
    MultiPolygon(Vec<Vec<Vec<i64>>>),
}

impl Arcs {
    /// The arcs of a geometry of type `kind`, as deep as it says; `None` for any other type or
    /// shape.
    fn of(kind: &str, arcs: Nested) -> Option<Arcs> {
        let ints = |rings: Vec<Vec<f64>>| rings.into_iter().map(|r| r.into_iter().map(|i| i as i64).collect()).collect();
        match kind {
            "Polygon" => Some(Arcs::Polygon(ints(arcs.positions()?))),
            "MultiPolygon" => Some(Arcs::MultiPolygon(arcs.position_lists()?.into_iter().map(ints).collect())),
            _ => None,
        }
    }
}
#[derive(Deserialize)]
struct Properties {
    name: String,
}

impl Basemap {
    /// The compiled-in Natural Earth basemap, decoded once.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn natural_earth() -> &'static Basemap {
        NATURAL_EARTH.get_or_init(|| Basemap::from_topojson(COUNTRIES_TOPOJSON).expect("data/countries.topo.json decodes (checked by tests)"))
    }

    /// The Natural Earth basemap if it is at hand: always natively; in the browser once
    /// [`Basemap::provide`] has been given it.
    pub fn shared() -> Option<&'static Basemap> {
        #[cfg(not(target_arch = "wasm32"))]
        return Some(Basemap::natural_earth());
        #[cfg(target_arch = "wasm32")]
        return NATURAL_EARTH.get();
    }

    /// Keeps the basemap `decode` gives (`data/countries.topo.json` as fetched, decoded by the
    /// browser's reader), once: later calls keep the first and decode nothing.
    #[cfg(target_arch = "wasm32")]
    pub fn provide(decode: impl FnOnce() -> Result<Basemap, String>) -> Result<&'static Basemap, String> {
        if let Some(map) = NATURAL_EARTH.get() {
            return Ok(map);
        }
        let map = decode()?;
        Ok(NATURAL_EARTH.get_or_init(|| map))
    }

    /// Decodes a TopoJSON topology whose `countries` object holds Polygons and MultiPolygons
    /// with an `id` and a `name` property.
    ///
    /// ```
    /// let topo = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},
    ///   "arcs":[[[0,0],[1,0],[0,1],[-1,0],[0,-1]]],
    ///   "objects":{"countries":{"type":"GeometryCollection","geometries":[
    ///     {"type":"Polygon","arcs":[[0]],"id":"AAA","properties":{"name":"Squareland"}}]}}}"#;
    /// let map = tripmap::basemap::Basemap::from_topojson(topo).unwrap();
    /// assert_eq!(map.countries[0].id, "AAA");
    /// assert!(map.borders.is_empty(), "one country: all coast");
    /// assert!(map.country_at(geo::coord! { x: 0.5, y: 0.5 }).is_some());
    /// ```
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_topojson(json: &str) -> Result<Basemap, String> {
        Basemap::from_topology(serde_json::from_str(json).map_err(|e| e.to_string())?)
    }

    /// The basemap of a topology already read (natively by serde_json, in the browser through
    /// `JSON.parse`): `Err` names a country whose geometry is not a polygon of arcs.
    pub fn from_topology(topo: Topology) -> Result<Basemap, String> {
        let arcs: Vec<Vec<Coord>> = topo.arcs.iter().map(|a| decode_arc(a, &topo.transform)).collect();
        let mut users: Vec<Vec<usize>> = vec![Vec::new(); arcs.len()];
        let mut countries = Vec::with_capacity(topo.objects.countries.geometries.len());
        for (ci, Geometry { kind, arcs: indices, id, properties: Properties { name } }) in topo.objects.countries.geometries.into_iter().enumerate() {
            let arcs_of = Arcs::of(&kind, indices).ok_or_else(|| format!("{id}: not a Polygon or MultiPolygon of arc indices"))?;
            let polygons: Vec<&Vec<Vec<i64>>> = match &arcs_of {
                Arcs::Polygon(p) => vec![p],
                Arcs::MultiPolygon(m) => m.iter().collect(),
            };
            let mut shape = Vec::new();
            for rings in polygons {
                let mut rings = rings.iter().map(|ring| {
                    for &i in ring {
                        let k = arc_index(i);
                        if let Some(u) = users.get_mut(k) {
                            if !u.contains(&ci) {
                                u.push(ci);
                            }
                        }
                    }
                    LineString::new(assemble_ring(ring, &arcs))
                });
                if let Some(exterior) = rings.next() {
                    shape.push(Polygon::new(exterior, rings.collect()));
                }
            }
            // Simplification can leave a speck of an island as a ring with no area: drop it,
            // unless it is all there is of the country (Vatican is below the data's grid).
            if shape.iter().any(|p| p.exterior().0.len() >= 4) {
                shape.retain(|p| p.exterior().0.len() >= 4);
            }
            let shape = MultiPolygon::new(shape);
            let bbox = shape.bounding_rect();
            countries.push(Country { id, name, shape, bbox });
        }
        let borders = arcs.into_iter().zip(users).filter(|(_, u)| u.len() > 1).map(|(arc, _)| arc).collect();
        Ok(Basemap { countries, borders })
    }

    /// The country a point lies in, or the nearest within a coastal tolerance.
    pub fn country_at(&self, lonlat: Coord) -> Option<&Country> {
        let p = Point(lonlat);
        let near = |c: &&Country| {
            c.bbox.is_some_and(|b| {
                let t = COAST_TOLERANCE_DEG;
                lonlat.x >= b.min().x - t && lonlat.x <= b.max().x + t && lonlat.y >= b.min().y - t && lonlat.y <= b.max().y + t
            })
        };
        let candidates: Vec<&Country> = self.countries.iter().filter(near).collect();
        if let Some(c) = candidates.iter().find(|c| c.shape.intersects(&p)) {
            return Some(c);
        }
        candidates
            .into_iter()
            .map(|c| (Euclidean.distance(&p, &c.shape), c))
            .filter(|(d, _)| *d <= COAST_TOLERANCE_DEG)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, c)| c)
    }
}

fn arc_index(i: i64) -> usize {
    if i >= 0 {
        i as usize
    } else {
        !i as usize
    }
}

fn decode_arc(arc: &[[i64; 2]], t: &Transform) -> Vec<Coord> {
    let (mut x, mut y) = (0i64, 0i64);
    arc.iter()
        .map(|[dx, dy]| {
            x += dx;
            y += dy;
            coord! { x: x as f64 * t.scale[0] + t.translate[0], y: y as f64 * t.scale[1] + t.translate[1] }
        })
        .collect()
}

/// Joins a ring's arcs; a negative index `~i` means arc `i` reversed. Consecutive arcs share
/// their joining point, which is kept once.
fn assemble_ring(ring: &[i64], arcs: &[Vec<Coord>]) -> Vec<Coord> {
    let mut out: Vec<Coord> = Vec::new();
    for &i in ring {
        let Some(arc) = arcs.get(arc_index(i)) else { continue };
        let mut points: Vec<Coord> = arc.clone();
        if i < 0 {
            points.reverse();
        }
        let skip = usize::from(!out.is_empty());
        out.extend(points.into_iter().skip(skip));
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))] // the basemap is compiled in natively only
mod tests {
    use super::*;

    #[test]
    fn natural_earth_decodes_with_iso_codes_and_lines() {
        let map = Basemap::natural_earth();
        assert_eq!(map.countries.len(), 240);
        assert!(map.countries.iter().all(|c| c.id.len() == 3 && c.id.bytes().all(|b| b.is_ascii_uppercase())));
        assert!(map.borders.len() > 300);
        for c in &map.countries {
            // Only a country smaller than one quantization step (0.036°) may collapse.
            let b = c.bbox.unwrap();
            let tiny = b.width() < 0.04 && b.height() < 0.04;
            for poly in &c.shape {
                let ring = &poly.exterior().0;
                assert!(tiny || ring.len() >= 4, "{} has a degenerate ring", c.id);
                assert_eq!(ring.first(), ring.last(), "{} ring not closed", c.id);
            }
        }
        let tiny: Vec<&str> = map.countries.iter().filter(|c| c.shape.0.iter().all(|p| p.exterior().0.len() < 4)).map(|c| c.id.as_str()).collect();
        assert_eq!(tiny, ["VAT"]);
    }

    #[test]
    fn finds_the_country_of_capitals_including_coastal_ones() {
        let map = Basemap::natural_earth();
        let at = |lon, lat| map.country_at(coord! { x: lon, y: lat }).map(|c| c.id.as_str());
        assert_eq!(at(-77.0364, 38.8951), Some("USA"));
        assert_eq!(at(-74.0721, 4.711), Some("COL"));
        assert_eq!(at(-70.6693, -33.4489), Some("CHL"));
        assert_eq!(at(-77.0428, -12.0464), Some("PER"));
        assert_eq!(at(139.69, 35.69), Some("JPN"));
        assert_eq!(at(-30.0, 0.0), None, "mid-Atlantic");
    }
}
