//! Zoom and pan of a drawn map: bounded view transforms, "fly to" targets, and smooth zooming
//! after van Wijk and Nuij ("Smooth and efficient zooming and panning", 2003), the same
//! interpolation as d3's `interpolateZoom`.
//!
//! A [`View`] maps scene pixels to screen pixels: `screen = k · scene + (x, y)`. The identity is
//! the overview. Paths are drawn in scene pixels under the view's transform; markers and labels
//! are drawn at their transformed positions, so they keep their screen size at any zoom.

use geo::{coord, Coord, Rect};

/// Deepest zoom: 12× the overview.
pub const MAX_ZOOM: f64 = 12.0;
/// Zoom used by "fly to" at most; deeper is for the reader's own zooming.
pub const MAX_FLY_ZOOM: f64 = 6.0;

/// A view transform: `screen = k · scene + (x, y)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub k: f64,
    pub x: f64,
    pub y: f64,
}

impl Default for View {
    fn default() -> Self {
        View::OVERVIEW
    }
}

impl View {
    /// The whole map.
    pub const OVERVIEW: View = View { k: 1.0, x: 0.0, y: 0.0 };

    /// Scene → screen.
    pub fn apply(&self, p: Coord) -> Coord {
        coord! { x: self.k * p.x + self.x, y: self.k * p.y + self.y }
    }

    /// Screen → scene.
    pub fn invert(&self, p: Coord) -> Coord {
        coord! { x: (p.x - self.x) / self.k, y: (p.y - self.y) / self.k }
    }

    /// The SVG `transform` attribute value.
    pub fn to_svg(&self) -> String {
        use crate::format::fixed;
        format!("translate({},{}) scale({})", fixed(self.x, 2), fixed(self.y, 2), fixed(self.k, 5))
    }

    /// Keeps zoom within 1..=[`MAX_ZOOM`] and the map covering the whole box: a reader can never
    /// pan the map away or zoom out past the overview.
    ///
    /// ```
    /// use tripmap::zoom::View;
    /// let v = View { k: 0.5, x: 100.0, y: 0.0 }.clamped(800.0, 600.0);
    /// assert_eq!(v, View::OVERVIEW);
    /// let v = View { k: 2.0, x: 50.0, y: -2000.0 }.clamped(800.0, 600.0);
    /// assert_eq!((v.x, v.y), (0.0, -600.0));
    /// ```
    pub fn clamped(self, width: f64, height: f64) -> View {
        self.clamped_over(width, height, 0.0)
    }

    /// As [`View::clamped`], where a card covers the box's lowest `occluded_bottom` px: the map
    /// may then move up by as much, so that a stop near its bottom edge can be framed above the
    /// card (what it uncovers lies under the card).
    ///
    /// ```
    /// use tripmap::zoom::View;
    /// let v = View { k: 1.0, x: 0.0, y: -90.0 };
    /// assert_eq!(v.clamped(800.0, 600.0).y, 0.0);
    /// assert_eq!(v.clamped_over(800.0, 600.0, 200.0).y, -90.0);
    /// assert_eq!(View { y: -300.0, ..v }.clamped_over(800.0, 600.0, 200.0).y, -200.0);
    /// ```
    pub fn clamped_over(self, width: f64, height: f64, occluded_bottom: f64) -> View {
        let k = if self.k.is_finite() { self.k.clamp(1.0, MAX_ZOOM) } else { 1.0 };
        // max/min, not f64::clamp: clamp's assertion on its bounds would bring core's float
        // printing into the wasm for its message.
        let fix = |v: f64, size: f64, slack: f64| if v.is_finite() { v.max(size - k * size - slack).min(0.0) } else { 0.0 };
        View { k, x: fix(self.x, width, 0.0), y: fix(self.y, height, occluded_bottom.max(0.0)) }
    }

    /// Zooms by `factor` keeping the scene point under screen point `at` in place.
    ///
    /// ```
    /// use geo::coord;
    /// use tripmap::zoom::View;
    /// let at = coord! { x: 200.0, y: 100.0 };
    /// let v = View::OVERVIEW.zoom_about(at, 2.0, 800.0, 600.0);
    /// assert_eq!(v.k, 2.0);
    /// assert_eq!(v.apply(View::OVERVIEW.invert(at)), at);
    /// ```
    pub fn zoom_about(self, at: Coord, factor: f64, width: f64, height: f64) -> View {
        let p = self.invert(at);
        let k = (self.k * factor).clamp(1.0, MAX_ZOOM);
        View { k, x: at.x - k * p.x, y: at.y - k * p.y }.clamped(width, height)
    }

    /// Moves by a screen offset.
    pub fn pan(self, dx: f64, dy: f64, width: f64, height: f64) -> View {
        View { x: self.x + dx, y: self.y + dy, ..self }.clamped(width, height)
    }

    /// The view showing `bounds` (scene pixels) with `pad` screen pixels round it, centred in the
    /// part of the box above `occluded_bottom` pixels (covered by a bottom sheet on phones).
    ///
    /// ```
    /// use geo::{coord, Rect};
    /// use tripmap::zoom::View;
    /// let b = Rect::new(coord! { x: 100.0, y: 100.0 }, coord! { x: 200.0, y: 150.0 });
    /// let v = View::fit(b, 800.0, 600.0, 50.0, 0.0);
    /// assert!(v.k > 1.0);
    /// let c = v.apply(coord! { x: 150.0, y: 125.0 });
    /// assert!((c.x - 400.0).abs() < 1e-9 && (c.y - 300.0).abs() < 1e-9);
    /// ```
    pub fn fit(bounds: Rect, width: f64, height: f64, pad: f64, occluded_bottom: f64) -> View {
        let visible_h = (height - occluded_bottom).max(height * 0.3);
        let (bw, bh) = (bounds.width().max(1.0), bounds.height().max(1.0));
        let k = ((width - 2.0 * pad).max(1.0) / bw).min((visible_h - 2.0 * pad).max(1.0) / bh).clamp(1.0, MAX_FLY_ZOOM);
        let c = bounds.center();
        View { k, x: width / 2.0 - k * c.x, y: visible_h / 2.0 - k * c.y }.clamped_over(width, height, height - visible_h)
    }
}

/// A smooth zoom from one view to another, sampled with `at(t)` for t in 0..=1.
#[derive(Debug, Clone, Copy)]
pub struct Flight {
    from: (f64, f64, f64),
    d: (f64, f64),
    d1: f64,
    r0: f64,
    s: f64,
    size: (f64, f64),
}

const RHO: f64 = std::f64::consts::SQRT_2;

/// Interpolates between two views along the path that feels shortest: zoom out, pan, zoom in.
pub trait SmoothZoom {
    /// ```
    /// use tripmap::zoom::{SmoothZoom, View};
    /// let to = View { k: 4.0, x: -1200.0, y: -900.0 };
    /// let flight = View::OVERVIEW.flight_to(to, 800.0, 600.0);
    /// assert_eq!(flight.at(0.0), View::OVERVIEW);
    /// let end = flight.at(1.0);
    /// assert!((end.k - 4.0).abs() < 1e-9 && (end.x + 1200.0).abs() < 1e-6);
    /// assert!(flight.duration_ms() > 300.0 && flight.duration_ms() < 3000.0);
    /// ```
    fn flight_to(self, to: View, width: f64, height: f64) -> Flight;
}

impl SmoothZoom for View {
    fn flight_to(self, to: View, width: f64, height: f64) -> Flight {
        // A view as (centre x, centre y, visible width) in scene pixels.
        let as_cw = |v: View| ((width / 2.0 - v.x) / v.k, (height / 2.0 - v.y) / v.k, width / v.k);
        let (a, b) = (as_cw(self), as_cw(to));
        let d = (b.0 - a.0, b.1 - a.1);
        let d2 = d.0 * d.0 + d.1 * d.1;
        let (w0, w1) = (a.2, b.2);
        let (d1, r0, s) = if d2 < 1e-12 {
            (0.0, 0.0, (w1 / w0).ln() / RHO)
        } else {
            let d1 = d2.sqrt();
            let b0 = (w1 * w1 - w0 * w0 + 4.0 * d2) / (2.0 * w0 * 2.0 * d1);
            let b1 = (w1 * w1 - w0 * w0 - 4.0 * d2) / (2.0 * w1 * 2.0 * d1);
            let r0 = ((b0 * b0 + 1.0).sqrt() - b0).ln();
            let r1 = ((b1 * b1 + 1.0).sqrt() - b1).ln();
            (d1, r0, (r1 - r0) / RHO)
        };
        Flight { from: a, d, d1, r0, s, size: (width, height) }
    }
}

impl Flight {
    /// Milliseconds the flight should take: d3's choice, proportional to the path length,
    /// kept between 250 ms and 2.5 s.
    pub fn duration_ms(&self) -> f64 {
        let ms = self.s.abs() * 1000.0 * RHO / std::f64::consts::SQRT_2;
        if ms.is_finite() {
            ms.clamp(250.0, 2500.0)
        } else {
            250.0
        }
    }

    /// The view at time `t` (0 = start, 1 = end).
    pub fn at(&self, t: f64) -> View {
        let t = t.clamp(0.0, 1.0);
        let (ux0, uy0, w0) = self.from;
        let (cx, cy, w) = if self.d1 == 0.0 {
            (ux0 + t * self.d.0, uy0 + t * self.d.1, w0 * (RHO * t * self.s).exp())
        } else {
            let s = t * self.s;
            let u = w0 / (2.0 * self.d1) * (self.r0.cosh() * (RHO * s + self.r0).tanh() - self.r0.sinh());
            (ux0 + u * self.d.0, uy0 + u * self.d.1, w0 * self.r0.cosh() / (RHO * s + self.r0).cosh())
        };
        let (width, height) = self.size;
        let k = width / w;
        View { k, x: width / 2.0 - k * cx, y: height / 2.0 - k * cy }
    }
}

/// Eases a linear time fraction: slow in, slow out.
pub fn ease(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flights_zoom_out_in_the_middle_of_a_long_pan() {
        let to = View { k: 4.0, x: -2400.0, y: -1800.0 };
        let f = View { k: 4.0, x: 0.0, y: 0.0 }.flight_to(to, 800.0, 600.0);
        let mid = f.at(0.5);
        assert!(mid.k < 4.0, "zooms out on the way: {mid:?}");
        for i in 0..=20 {
            let v = f.at(i as f64 / 20.0);
            assert!(v.k.is_finite() && v.x.is_finite() && v.y.is_finite());
        }
    }

    #[test]
    fn a_flight_to_the_same_view_is_still() {
        let v = View { k: 2.0, x: -100.0, y: -50.0 };
        let f = v.flight_to(v, 800.0, 600.0);
        let mid = f.at(0.5);
        assert!((mid.k - 2.0).abs() < 1e-9 && (mid.x + 100.0).abs() < 1e-6);
    }

    #[test]
    fn fit_leaves_room_for_a_bottom_sheet() {
        let b = Rect::new(coord! { x: 100.0, y: 100.0 }, coord! { x: 120.0, y: 120.0 });
        let v = View::fit(b, 375.0, 450.0, 40.0, 200.0);
        let c = v.apply(b.center());
        assert!(c.y < 250.0, "centre sits above the sheet: {c:?}");
        assert!(v.k <= MAX_FLY_ZOOM);
    }

    #[test]
    fn zooming_is_bounded() {
        let mut v = View::OVERVIEW;
        for _ in 0..10 {
            v = v.zoom_about(coord! { x: 10.0, y: 10.0 }, 2.0, 800.0, 600.0);
        }
        assert_eq!(v.k, MAX_ZOOM);
        for _ in 0..10 {
            v = v.zoom_about(coord! { x: 10.0, y: 10.0 }, 0.5, 800.0, 600.0);
        }
        assert_eq!(v, View::OVERVIEW);
    }
}
