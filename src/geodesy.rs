//! Legs as geodesics on the WGS84 ellipsoid: the shortest path a plane would roughly follow.
//!
//! One algorithm, one trait: [`GeodesicRoute`] turns a start and an end (longitude, latitude in
//! degrees) into a densified [`Route`] with its length, using Karney's method through
//! [`geo::Geodesic`]. Points are dense enough (at most [`MAX_SEGMENT_M`] apart and never fewer
//! than [`MIN_SEGMENTS`] segments) that the projected polyline reads as a smooth curve.

use geo::{Coord, Densify, Distance, Geodesic, Line, Point};

/// Mean radius of the Earth (IUGG), km: the sphere the projection is drawn on.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Longest gap between two route points, in metres.
pub const MAX_SEGMENT_M: f64 = 25_000.0;
/// Fewest segments per route, so that even short legs bend smoothly when zoomed.
pub const MIN_SEGMENTS: usize = 32;

/// A densified geodesic and its length.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// Points from start to end, longitude/latitude in degrees; longitudes may jump across
    /// ±180, which a rotated projection handles without a seam.
    pub points: Vec<Coord>,
    /// Length on the WGS84 ellipsoid, metres.
    pub distance_m: f64,
}

impl Route {
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
    /// assert!(route.points.len() > 100);
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
        Route { points, distance_m }
    }
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
        assert_eq!(r.points.first(), Some(&coord! { x: -77.0364, y: 38.8951 }));
        assert_eq!(r.points.last(), Some(&coord! { x: -74.0721, y: 4.711 }));
        for w in r.points.windows(2) {
            let gap = Geodesic.distance(Point(w[0]), Point(w[1]));
            assert!(gap <= MAX_SEGMENT_M + 1.0 && gap > 1.0, "gap {gap}");
        }
        let short = route((0.0, 0.0), (0.01, 0.0));
        assert_eq!(short.points.len(), MIN_SEGMENTS + 1);
    }

    #[test]
    fn a_leg_to_the_same_place_has_zero_length_and_two_points() {
        let r = route((10.0, 10.0), (10.0, 10.0));
        assert_eq!(r.distance_km(), 0);
        assert!(r.points.len() <= 2);
    }

    #[test]
    fn crossing_the_antimeridian_takes_the_short_way() {
        // Tokyo to Honolulu: about 6,200 km, not round the world the other way.
        let r = route((139.69, 35.69), (-157.86, 21.31));
        assert!((6_100..6_300).contains(&r.distance_km()), "{}", r.distance_km());
    }
}
