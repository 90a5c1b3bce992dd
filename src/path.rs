//! SVG path strings from projected coordinates: the last step of the pipeline.
//!
//! Coordinates are screen pixels, written with one decimal: a tenth of a pixel is below what a
//! screen shows even zoomed 4×, and it keeps the DOM small.

use geo::Coord;
use std::fmt::Write;

/// Appends a polyline (`M … L …`) to `d`.
///
/// ```
/// use geo::coord;
/// let mut d = String::new();
/// tripmap::path::push_line(&mut d, &[coord! { x: 1.0, y: 2.25 }, coord! { x: 3.0, y: 4.0 }]);
/// assert_eq!(d, "M1,2.3L3,4");
/// ```
pub fn push_line(d: &mut String, points: &[Coord]) {
    for (i, p) in points.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        push_number(d, p.x);
        d.push(',');
        push_number(d, p.y);
    }
}

/// Appends a closed ring (`M … L … Z`) to `d`.
///
/// ```
/// use geo::coord;
/// let mut d = String::new();
/// tripmap::path::push_ring(&mut d, &[coord! { x: 0.0, y: 0.0 }, coord! { x: 1.0, y: 0.0 }, coord! { x: 0.0, y: 1.0 }]);
/// assert_eq!(d, "M0,0L1,0L0,1Z");
/// ```
pub fn push_ring(d: &mut String, ring: &[Coord]) {
    if ring.len() >= 3 {
        push_line(d, ring);
        d.push('Z');
    }
}

/// Writes a number with at most one decimal, no trailing `.0`, no `-0`.
fn push_number(d: &mut String, v: f64) {
    let r = (v * 10.0).round() / 10.0;
    let r = if r == 0.0 { 0.0 } else { r };
    let _ = write!(d, "{r}");
}

/// Formats a number for an SVG attribute the same way paths do.
pub fn num(v: f64) -> String {
    let mut s = String::new();
    push_number(&mut s, v);
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(super::num(-0.04), "0");
        assert_eq!(super::num(12.345), "12.3");
        assert_eq!(super::num(-7.0), "-7");
    }
}
