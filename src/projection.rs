//! Map projections and fitting them to a trip: pure functions, no browser types.
//!
//! Shaped like d3-geo: a [`Projection`] maps longitude/latitude (degrees) to screen pixels
//! (y down) through a raw unit-sphere projection plus a scale and a translate, and
//! [`fit_extent`] picks the scale and translate that fit a set of points into a box.
//!
//! The map uses [`AzimuthalEqualArea`] centred on the trip (see ARCHITECTURE.md for why):
//! rotating the centre onto the trip means no seam at ±180° and no blow-up at the poles.

use geo::{coord, Coord, Rect};

/// A cartographic projection with a screen transform.
pub trait Projection: Sized {
    /// Projects onto the unit plane (y up), or `None` where the projection is not usable
    /// (too near its singular point).
    fn project_raw(&self, lonlat: Coord) -> Option<Coord>;
    /// Pixels per unit of the raw projection.
    fn scale(&self) -> f64;
    /// Screen position of the raw origin.
    fn translate(&self) -> Coord;
    /// The same projection with another scale and translate.
    fn with_transform(self, scale: f64, translate: Coord) -> Self;

    /// Projects to screen pixels, y down.
    fn project(&self, lonlat: Coord) -> Option<Coord> {
        let p = self.project_raw(lonlat)?;
        let (k, t) = (self.scale(), self.translate());
        Some(coord! { x: t.x + k * p.x, y: t.y - k * p.y })
    }
}

/// Lambert azimuthal equal-area, oblique, centred on any point of the globe.
///
/// ```
/// use geo::coord;
/// use tripmap::projection::{AzimuthalEqualArea, Projection};
/// let p = AzimuthalEqualArea::centered(coord! { x: -75.0, y: 0.0 });
/// // The centre projects to the origin; north is up (negative y on screen).
/// assert_eq!(p.project(coord! { x: -75.0, y: 0.0 }).unwrap(), coord! { x: 0.0, y: 0.0 });
/// assert!(p.project(coord! { x: -75.0, y: 10.0 }).unwrap().y < 0.0);
/// // The far side of the globe is left out rather than smeared round the rim.
/// assert!(p.project(coord! { x: 105.0, y: 0.0 }).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AzimuthalEqualArea {
    center: Coord,
    sin_phi0: f64,
    cos_phi0: f64,
    scale: f64,
    translate: Coord,
}

/// Points farther than this from the centre (degrees of arc) are not projected: near the
/// antipode the equal-area disc's rim stretches a point into a circle.
pub const MAX_ARC_DEG: f64 = 165.0;

impl AzimuthalEqualArea {
    /// Centred on `center` (longitude, latitude in degrees), unit scale, origin at (0, 0).
    pub fn centered(center: Coord) -> Self {
        let phi0 = center.y.to_radians();
        AzimuthalEqualArea { center, sin_phi0: phi0.sin(), cos_phi0: phi0.cos(), scale: 1.0, translate: coord! { x: 0.0, y: 0.0 } }
    }

    /// Cosine of the arc between the centre and a point.
    fn cos_arc(&self, lonlat: Coord) -> f64 {
        let (phi, dl) = (lonlat.y.to_radians(), (lonlat.x - self.center.x).to_radians());
        self.sin_phi0 * phi.sin() + self.cos_phi0 * phi.cos() * dl.cos()
    }
}

impl Projection for AzimuthalEqualArea {
    fn project_raw(&self, lonlat: Coord) -> Option<Coord> {
        let cos_c = self.cos_arc(lonlat);
        if !cos_c.is_finite() || cos_c < MAX_ARC_DEG.to_radians().cos() {
            return None;
        }
        let (phi, dl) = (lonlat.y.to_radians(), (lonlat.x - self.center.x).to_radians());
        let k = (2.0 / (1.0 + cos_c)).sqrt();
        Some(coord! {
            x: k * phi.cos() * dl.sin(),
            y: k * (self.cos_phi0 * phi.sin() - self.sin_phi0 * phi.cos() * dl.cos()),
        })
    }
    fn scale(&self) -> f64 {
        self.scale
    }
    fn translate(&self) -> Coord {
        self.translate
    }
    fn with_transform(self, scale: f64, translate: Coord) -> Self {
        AzimuthalEqualArea { scale, translate, ..self }
    }
}

/// Sets scale and translate so that `points` fill `extent` as far as the aspect ratio allows,
/// centred: d3's `fitExtent`. Points the projection cannot show are ignored; with fewer than two
/// distinct points the scale falls back to `max_scale`.
///
/// ```
/// use geo::{coord, Rect};
/// use tripmap::projection::{fit_extent, AzimuthalEqualArea, Projection};
/// let pts = [coord! { x: -10.0, y: -5.0 }, coord! { x: 10.0, y: 5.0 }];
/// let box_ = Rect::new(coord! { x: 20.0, y: 20.0 }, coord! { x: 620.0, y: 420.0 });
/// let p = fit_extent(AzimuthalEqualArea::centered(coord! { x: 0.0, y: 0.0 }), &pts, box_, 1e6);
/// let a = p.project(pts[0]).unwrap();
/// let b = p.project(pts[1]).unwrap();
/// // The wide pair spans the box's width exactly, centred vertically.
/// assert!((a.x - 20.0).abs() < 1e-6 && (b.x - 620.0).abs() < 1e-6);
/// assert!(((a.y + b.y) / 2.0 - 220.0).abs() < 1e-6);
/// ```
pub fn fit_extent<P: Projection>(projection: P, points: &[Coord], extent: Rect, max_scale: f64) -> P {
    let unit = projection.with_transform(1.0, coord! { x: 0.0, y: 0.0 });
    let projected: Vec<Coord> = points.iter().filter_map(|&p| unit.project(p)).collect();
    let (w, h) = (extent.width(), extent.height());
    let Some(bounds) = bounds(&projected) else {
        return unit.with_transform(max_scale, extent.center());
    };
    let (dx, dy) = (bounds.width(), bounds.height());
    let k = match (dx > 1e-12, dy > 1e-12) {
        (false, false) => max_scale,
        (true, false) => w / dx,
        (false, true) => h / dy,
        (true, true) => (w / dx).min(h / dy),
    }
    .min(max_scale);
    let c = bounds.center();
    let t = coord! { x: extent.center().x - k * c.x, y: extent.center().y - k * c.y };
    unit.with_transform(k, t)
}

/// Bounding box of points, or `None` for none.
pub fn bounds(points: &[Coord]) -> Option<Rect> {
    let first = *points.first()?;
    let (mut lo, mut hi) = (first, first);
    for p in points {
        lo = coord! { x: lo.x.min(p.x), y: lo.y.min(p.y) };
        hi = coord! { x: hi.x.max(p.x), y: hi.y.max(p.y) };
    }
    Some(Rect::new(lo, hi))
}

/// The point on the globe at the middle of a set of points: the normalised mean of their unit
/// vectors, so a trip across ±180° centres on the Pacific, not on Greenwich. Falls back to the
/// first point when the mean vanishes (points spread evenly round the globe).
///
/// ```
/// use geo::coord;
/// use tripmap::projection::spherical_centroid;
/// let c = spherical_centroid(&[coord! { x: 170.0, y: 0.0 }, coord! { x: -170.0, y: 0.0 }]);
/// assert!((c.x.abs() - 180.0).abs() < 1e-9 && c.y.abs() < 1e-9);
/// ```
pub fn spherical_centroid(points: &[Coord]) -> Coord {
    let (mut x, mut y, mut z) = (0.0, 0.0, 0.0);
    for p in points {
        let (lon, lat) = (p.x.to_radians(), p.y.to_radians());
        x += lat.cos() * lon.cos();
        y += lat.cos() * lon.sin();
        z += lat.sin();
    }
    let norm = (x * x + y * y + z * z).sqrt();
    if norm < 1e-9 * points.len().max(1) as f64 {
        return points.first().copied().unwrap_or(coord! { x: 0.0, y: 0.0 });
    }
    coord! { x: y.atan2(x).to_degrees(), y: (z / norm).asin().to_degrees() }
}

/// Arc between two points, degrees.
pub fn arc_deg(a: Coord, b: Coord) -> f64 {
    let (va, vb) = (unit(a), unit(b));
    (va.0 * vb.0 + va.1 * vb.1 + va.2 * vb.2).clamp(-1.0, 1.0).acos().to_degrees()
}

fn unit(p: Coord) -> (f64, f64, f64) {
    let (lon, lat) = (p.x.to_radians(), p.y.to_radians());
    (lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin())
}

fn from_unit(v: (f64, f64, f64)) -> Coord {
    let n = (v.0 * v.0 + v.1 * v.1 + v.2 * v.2).sqrt();
    coord! { x: v.1.atan2(v.0).to_degrees(), y: (v.2 / n).clamp(-1.0, 1.0).asin().to_degrees() }
}

/// Farthest a point may lie from the centre of a trip's projection, degrees: well inside
/// [`MAX_ARC_DEG`], so the trip never reaches the stretched rim.
pub const SAFE_ARC_DEG: f64 = 150.0;

/// The centre of a trip's projection: the [`spherical_centroid`], unless that leaves a point
/// more than [`SAFE_ARC_DEG`] away (antipodal stops, a trip round the globe); then the centre
/// of the smallest cap holding every point, approximated by Bădoiu–Clarkson steps toward the
/// farthest point. Up to 14 points always fit within 150° of some centre (15 caps of 30° are
/// needed to cover the sphere); longer round-the-world trips may leave a stop near the rim.
///
/// ```
/// use geo::coord;
/// use tripmap::projection::{arc_deg, trip_center};
/// // Exact antipodes: their centroid vanishes; the centre is 90° from both.
/// let (a, b) = (coord! { x: 20.0, y: 10.0 }, coord! { x: -160.0, y: -10.0 });
/// let c = trip_center(&[a, b]);
/// assert!((arc_deg(c, a) - 90.0).abs() < 0.5 && (arc_deg(c, b) - 90.0).abs() < 0.5);
/// ```
pub fn trip_center(points: &[Coord]) -> Coord {
    let c = spherical_centroid(points);
    let worst = |c: Coord| points.iter().map(|&p| arc_deg(c, p)).fold(0.0, f64::max);
    if worst(c) <= SAFE_ARC_DEG {
        return c;
    }
    let mut v = unit(c);
    let mut best = (worst(c), c);
    for i in 1..=400 {
        let far = points.iter().copied().max_by(|a, b| arc_deg(from_unit(v), *a).total_cmp(&arc_deg(from_unit(v), *b))).unwrap_or(c);
        let f = unit(far);
        let t = 1.0 / (i as f64 + 1.0);
        let mut next = (v.0 + (f.0 - v.0) * t, v.1 + (f.1 - v.1) * t, v.2 + (f.2 - v.2) * t);
        if (next.0 * next.0 + next.1 * next.1 + next.2 * next.2).sqrt() < 1e-6 {
            // Stepping straight through the globe's centre: go round instead.
            let axis = if v.2.abs() < 0.9 { (0.0, 0.0, 1.0) } else { (1.0, 0.0, 0.0) };
            next = (v.1 * axis.2 - v.2 * axis.1, v.2 * axis.0 - v.0 * axis.2, v.0 * axis.1 - v.1 * axis.0);
        }
        let n = (next.0 * next.0 + next.1 * next.1 + next.2 * next.2).sqrt();
        v = (next.0 / n, next.1 / n, next.2 / n);
        let candidate = from_unit(v);
        let w = worst(candidate);
        if w < best.0 {
            best = (w, candidate);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_area_keeps_areas() {
        // Two 1°×1° cells, one at the centre and one 40° away, project to the same area.
        let p = AzimuthalEqualArea::centered(coord! { x: 0.0, y: 0.0 });
        let area = |lon: f64, lat: f64| {
            let c = |x, y| p.project_raw(coord! { x: x, y: y }).unwrap();
            let (a, b, d) = (c(lon, lat), c(lon + 0.01, lat), c(lon, lat + 0.01));
            ((b.x - a.x) * (d.y - a.y) - (b.y - a.y) * (d.x - a.x)).abs() / (lat.to_radians().cos())
        };
        assert!((area(0.0, 0.0) / area(40.0, 30.0) - 1.0).abs() < 1e-3);
    }

    #[test]
    fn fit_centres_a_single_point() {
        let p = fit_extent(
            AzimuthalEqualArea::centered(coord! { x: 30.0, y: 50.0 }),
            &[coord! { x: 30.0, y: 50.0 }],
            Rect::new(coord! { x: 0.0, y: 0.0 }, coord! { x: 400.0, y: 300.0 }),
            2000.0,
        );
        assert_eq!(p.scale(), 2000.0);
        assert_eq!(p.project(coord! { x: 30.0, y: 50.0 }).unwrap(), coord! { x: 200.0, y: 150.0 });
    }

    #[test]
    fn centroid_of_the_poles_region_is_the_pole() {
        let c = spherical_centroid(&[coord! { x: 0.0, y: 80.0 }, coord! { x: 90.0, y: 80.0 }, coord! { x: 180.0, y: 80.0 }, coord! { x: -90.0, y: 80.0 }]);
        assert!((c.y - 90.0).abs() < 1e-9);
    }
}
