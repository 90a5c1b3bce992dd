//! Legs as geodesics on the WGS84 ellipsoid: the shortest path a plane would roughly follow.
//!
//! One algorithm, one trait: [`GeodesicRoute`] turns a start and an end (longitude, latitude in
//! degrees) into a densified [`Route`] with its length, using Karney's method through
//! [`geo::Geodesic`]. Points are dense enough (at most [`MAX_SEGMENT_M`] apart and never fewer
//! than [`MIN_SEGMENTS`] segments) that the projected polyline reads as a smooth curve.
//! [`along`] measures a leg that followed a track instead: its length on the ellipsoid, point
//! to point.

use geo::{Coord, Densify, Distance, Geodesic, Length, Line, LineString, Point};

/// Mean radius of the Earth (IUGG), km: the sphere the projection is drawn on.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Longest gap between two route points, in metres.
pub const MAX_SEGMENT_M: f64 = 25_000.0;
/// Fewest segments per route, so that even short legs bend smoothly when zoomed.
pub const MIN_SEGMENTS: usize = 32;

/// A leg's line (a densified geodesic, or a track in one or more parts) and its length.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// Lines from start to end, longitude/latitude in degrees; longitudes may jump across
    /// ±180, which a rotated projection handles without a seam. A geodesic is one line; a
    /// track may have gaps between its parts, which are never drawn.
    pub parts: Vec<Vec<Coord>>,
    /// Length on the WGS84 ellipsoid, metres.
    pub distance_m: f64,
}

impl Route {
    /// Every point of every part, in order.
    pub fn points(&self) -> impl Iterator<Item = Coord> + '_ {
        self.parts.iter().flatten().copied()
    }

    /// Length in whole kilometres, as labels and `data-distance-km` show it.
    pub fn distance_km(&self) -> u64 {
        (self.distance_m / 1000.0).round() as u64
    }
}

/// Computes the geodesic route of a leg.
pub trait GeodesicRoute {
    /// The geodesic from the start to the end, densified.
    ///
    /// ```
    /// use geo::{coord, Line};
    /// use tripmap::geodesy::GeodesicRoute;
    /// // Bogotá to Santiago de Chile.
    /// let leg = Line::new(coord! { x: -74.0721, y: 4.711 }, coord! { x: -70.6693, y: -33.4489 });
    /// let route = leg.geodesic_route();
    /// assert_eq!(route.distance_km(), 4239); // GeographicLib: 4,238,670.0 m
    /// assert!(route.parts[0].len() > 100);
    /// ```
    fn geodesic_route(&self) -> Route;
}

impl GeodesicRoute for Line<f64> {
    fn geodesic_route(&self) -> Route {
        let distance_m = Geodesic.distance(Point(self.start), Point(self.end));
        let step = (distance_m / MIN_SEGMENTS as f64).min(MAX_SEGMENT_M);
        let mut points: Vec<Coord> = if step > 0.0 { Geodesic.densify(self, step).0 } else { vec![self.start, self.end] };
        // geo 0.33 can repeat the end point when the step divides the length almost exactly.
        points.dedup_by(|a, b| (a.x - b.x).abs() < 1e-12 && (a.y - b.y).abs() < 1e-12);
        Route { parts: vec![points], distance_m }
    }
}

/// A leg along a track: its length is the sum of the geodesics between consecutive points (the
/// gaps between parts are not counted), and its points are joined by geodesics too: a segment
/// longer than [`MAX_SEGMENT_M`] (a two-point GeoJSON line, a sparse route) is densified along
/// its geodesic, so that it bends as the Earth does and crosses the antimeridian the short way.
///
/// ```
/// use geo::coord;
/// // Dover to Calais as a ferry's track, bent out to sea: longer than the straight crossing.
/// let track = vec![vec![coord! { x: 1.3134, y: 51.1279 }, coord! { x: 1.45, y: 50.95 }, coord! { x: 1.8587, y: 50.9513 }]];
/// let route = tripmap::geodesy::along(track);
/// assert_eq!(route.distance_km(), 51);
/// ```
pub fn along(parts: Vec<Vec<Coord>>) -> Route {
    let parts: Vec<LineString> = parts.into_iter().map(LineString::from).collect();
    let distance_m = parts.iter().map(|p| Geodesic.length(p)).sum();
    Route { parts: parts.iter().map(|p| Geodesic.densify(p, MAX_SEGMENT_M).0).collect(), distance_m }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::coord;

    fn route(a: (f64, f64), b: (f64, f64)) -> Route {
        Line::new(coord! { x: a.0, y: a.1 }, coord! { x: b.0, y: b.1 }).geodesic_route()
    }

    #[test]
    fn lengths_match_geographiclib_reference_values() {
        // Reference: GeographicLib GeodSolve -i on WGS84 (Karney 2013), metres.
        // GeodSolve's documented example, JFK to LHR: 40.6 N 73.8 W to 51.6 N 0.5 W.
        let r = route((-73.8, 40.6), (-0.5, 51.6));
        assert!((r.distance_m - 5_551_759.400_319).abs() < 0.01, "{}", r.distance_m);
        // A quarter meridian, equator to pole: 10,001,965.7 m on WGS84.
        let r = route((0.0, 0.0), (0.0, 90.0));
        assert!((r.distance_m - 10_001_965.7).abs() < 1.0, "{}", r.distance_m);
        // One degree of longitude along the equator: 111,319.5 m.
        let r = route((0.0, 0.0), (1.0, 0.0));
        assert!((r.distance_m - 111_319.49).abs() < 0.1, "{}", r.distance_m);
    }

    #[test]
    fn routes_are_dense_start_and_end_at_the_stops() {
        let r = route((-77.0364, 38.8951), (-74.0721, 4.711));
        let points = &r.parts[0];
        assert_eq!(points.first(), Some(&coord! { x: -77.0364, y: 38.8951 }));
        assert_eq!(points.last(), Some(&coord! { x: -74.0721, y: 4.711 }));
        for w in points.windows(2) {
            let gap = Geodesic.distance(Point(w[0]), Point(w[1]));
            assert!(gap <= MAX_SEGMENT_M + 1.0 && gap > 1.0, "gap {gap}");
        }
        let short = route((0.0, 0.0), (0.01, 0.0));
        assert_eq!(short.parts[0].len(), MIN_SEGMENTS + 1);
    }

    #[test]
    fn a_leg_to_the_same_place_has_zero_length_and_two_points() {
        let r = route((10.0, 10.0), (10.0, 10.0));
        assert_eq!(r.distance_km(), 0);
        assert!(r.parts[0].len() <= 2);
    }

    #[test]
    fn crossing_the_antimeridian_takes_the_short_way() {
        // Tokyo to Honolulu: about 6,200 km, not round the world the other way.
        let r = route((139.69, 35.69), (-157.86, 21.31));
        assert!((6_100..6_300).contains(&r.distance_km()), "{}", r.distance_km());
    }

    #[test]
    fn a_track_measures_along_its_points_as_geographiclib_does() {
        // GeographicLib (WGS84): one degree of the equator 111,319.49 m; the quarter meridian
        // 10,001,965.73 m, the same in two halves as in one.
        let equator = along(vec![vec![coord! { x: 0.0, y: 0.0 }, coord! { x: 1.0, y: 0.0 }, coord! { x: 2.0, y: 0.0 }]]);
        assert!((equator.distance_m - 2.0 * 111_319.491).abs() < 0.1, "{}", equator.distance_m);
        let meridian = along(vec![vec![coord! { x: 0.0, y: 0.0 }, coord! { x: 0.0, y: 45.0 }, coord! { x: 0.0, y: 90.0 }]]);
        assert!((meridian.distance_m - 10_001_965.729).abs() < 1.0, "{}", meridian.distance_m);
        // Two parts: the gap between them is not travelled.
        let parts = along(vec![vec![coord! { x: 0.0, y: 0.0 }, coord! { x: 1.0, y: 0.0 }], vec![coord! { x: 5.0, y: 0.0 }, coord! { x: 6.0, y: 0.0 }]]);
        assert!((parts.distance_m - 2.0 * 111_319.491).abs() < 0.1);
        assert_eq!(parts.parts.len(), 2);
    }

    #[test]
    fn a_track_across_the_antimeridian_goes_the_short_way_in_short_steps() {
        // A road across 180° is 1° of the equator long, not 359°.
        let r = along(vec![vec![coord! { x: 179.5, y: 0.0 }, coord! { x: -179.5, y: 0.0 }]]);
        assert!((r.distance_m - 111_319.491).abs() < 0.1, "{}", r.distance_m);
        let pts = &r.parts[0];
        assert!(pts.len() >= 5, "densified: {}", pts.len());
        for w in pts.windows(2) {
            let gap = Geodesic.distance(Point(w[0]), Point(w[1]));
            assert!(gap <= MAX_SEGMENT_M + 1.0, "{gap}");
        }
    }
}
