//! SVG path strings from projected coordinates: the last step of the pipeline.
//!
//! Coordinates are screen pixels rounded to tenths: a tenth of a pixel is below what a screen
//! shows even zoomed 4×. A path starts absolute and goes on in relative steps, each number as
//! short as SVG's grammar allows (`-.5`, no separator before a minus sign): the basemap is most of
//! a static map's HTML, and relative steps of a few pixels take about half the characters of
//! absolute coordinates (a page's HTML: 226 KB → 125 KB, its brotli 39 → 23 KB). The basemap goes
//! further ([`Units::Tenths`]): whole tenths under a `scale(.1)`, no decimal points (its paths
//! about a sixth shorter; the parser, and so the static map's first paint, waits on them).

use geo::Coord;
use std::fmt::Write;

/// How a path writes its numbers: both keep a tenth of a pixel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Units {
    /// Pixels with at most one decimal (`12.3`), for a path drawn in scene pixels.
    Pixels,
    /// Whole tenths of a pixel (`123`), for a path under its [`transform`](Units::transform)
    /// (with strokes that do not scale).
    Tenths,
}

impl Units {
    /// The transform that brings a path written in these units to scene pixels.
    pub fn transform(self) -> Option<&'static str> {
        match self {
            Units::Pixels => None,
            Units::Tenths => Some("scale(.1)"),
        }
    }
}

/// Appends a polyline to `d`: `M x,y` then `l dx,dy …`.
///
/// Steps are taken between rounded points, so rounding never accumulates along a line; a step
/// of zero is left out.
///
/// ```
/// use geo::coord;
/// use tripmap::path::{push_line, Units};
/// let line = [coord! { x: 1.0, y: 2.25 }, coord! { x: 3.0, y: 4.0 }, coord! { x: 2.5, y: 3.5 }];
/// let mut d = String::new();
/// push_line(&mut d, &line, Units::Pixels);
/// assert_eq!(d, "M1,2.3l2,1.7-.5-.5");
/// d.clear();
/// push_line(&mut d, &line, Units::Tenths);
/// assert_eq!(d, "M10,23l20,17-5-5");
/// ```
pub fn push_line(d: &mut String, points: &[Coord], units: Units) {
    let mut tenths = points.iter().map(|p| (tenths(p.x), tenths(p.y)));
    let Some(mut last) = tenths.next() else { return };
    d.push('M');
    let mut w = Numbers::new(units);
    w.push(d, last.0);
    w.push(d, last.1);
    let mut steps = Numbers::new(units);
    for p in tenths {
        if p == last {
            continue;
        }
        if !steps.started {
            d.push('l');
        }
        steps.push(d, p.0 - last.0);
        steps.push(d, p.1 - last.1);
        last = p;
    }
}

/// Appends a closed ring (`M … l … Z`) to `d`.
///
/// ```
/// use geo::coord;
/// let mut d = String::new();
/// let ring = [coord! { x: 0.0, y: 0.0 }, coord! { x: 1.0, y: 0.0 }, coord! { x: 0.0, y: 1.0 }];
/// tripmap::path::push_ring(&mut d, &ring, tripmap::path::Units::Pixels);
/// assert_eq!(d, "M0,0l1,0-1,1Z");
/// ```
pub fn push_ring(d: &mut String, ring: &[Coord], units: Units) {
    if ring.len() >= 3 {
        push_line(d, ring, units);
        d.push('Z');
    }
}

/// The absolute points (in pixels) of each subpath of a path this module wrote in `units` (`M`,
/// `l`, `Z`; also `L`).
///
/// ```
/// use geo::coord;
/// use tripmap::path::{points, push_line, Units};
/// let line = [coord! { x: 10.0, y: 20.0 }, coord! { x: 9.5, y: 21.0 }];
/// for units in [Units::Pixels, Units::Tenths] {
///     let mut d = String::new();
///     push_line(&mut d, &line, units);
///     assert_eq!(points(&d, units), [line.to_vec()]);
/// }
/// ```
pub fn points(d: &str, units: Units) -> Vec<Vec<Coord>> {
    let per_px = if units == Units::Tenths { 10.0 } else { 1.0 };
    let mut out: Vec<Vec<Coord>> = Vec::new();
    let (mut command, mut pending, mut at) = ('M', None::<f64>, Coord { x: 0.0, y: 0.0 });
    let mut rest = d;
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_alphabetic() {
            command = c;
            rest = &rest[1..];
            continue;
        }
        if c == ',' || c == ' ' {
            rest = &rest[1..];
            continue;
        }
        // A number: an optional sign, digits, at most one dot.
        let mut end = usize::from(c == '-');
        let mut dot = false;
        for ch in rest[end..].chars() {
            match ch {
                '0'..='9' => {}
                '.' if !dot => dot = true,
                _ => break,
            }
            end += 1;
        }
        let value: f64 = rest[..end].parse::<f64>().map_or(f64::NAN, |v| v / per_px);
        rest = &rest[end..];
        let Some(x) = pending.take() else {
            pending = Some(value);
            continue;
        };
        match command {
            'M' => {
                at = Coord { x, y: value };
                out.push(vec![at]);
                // Pairs after a moveto are lines (SVG's rule).
                command = 'L';
            }
            'L' => at = Coord { x, y: value },
            _ => at = Coord { x: at.x + x, y: at.y + value },
        }
        if let Some(line) = out.last_mut().filter(|line| line.last() != Some(&at)) {
            line.push(at);
        }
    }
    out
}

/// Writes a number in tenths with a leading zero, no trailing `.0`, no `-0`.
fn push_number(d: &mut String, v: f64) {
    write_tenths(d, tenths(v), true);
}

/// Formats a number for an SVG attribute the same way paths do.
pub fn num(v: f64) -> String {
    let mut s = String::new();
    push_number(&mut s, v);
    s
}

fn tenths(v: f64) -> i64 {
    (v * 10.0).round() as i64
}

/// Writes `t / 10`; integer arithmetic only (no float formatting in the wasm's hot path).
fn write_tenths(d: &mut String, t: i64, leading_zero: bool) {
    let (int, frac) = (t.unsigned_abs() / 10, t.unsigned_abs() % 10);
    if t < 0 {
        d.push('-');
    }
    if int > 0 || frac == 0 || leading_zero {
        let _ = write!(d, "{int}");
    }
    if frac > 0 {
        d.push('.');
        d.push(char::from(b'0' + frac as u8));
    }
}

/// A run of numbers, separated only where SVG's grammar needs it.
struct Numbers {
    units: Units,
    started: bool,
    /// Whether the last number written has a dot (a following `.5` then needs no separator).
    had_dot: bool,
}

impl Numbers {
    fn new(units: Units) -> Numbers {
        Numbers { units, started: false, had_dot: false }
    }

    fn push(&mut self, d: &mut String, t: i64) {
        let starts_with_dot = self.units == Units::Pixels && t > 0 && t < 10;
        if self.started && t >= 0 && !(starts_with_dot && self.had_dot) {
            d.push(',');
        }
        match self.units {
            Units::Pixels => write_tenths(d, t, false),
            Units::Tenths => {
                if t < 0 {
                    d.push('-');
                }
                let _ = write!(d, "{}", t.unsigned_abs());
            }
        }
        self.started = true;
        self.had_dot = self.units == Units::Pixels && t % 10 != 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::coord;

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(-7.0), "-7");
        assert_eq!(num(0.5), "0.5");
    }

    #[test]
    fn separators_only_where_the_grammar_needs_them() {
        let mut d = String::new();
        let pts = [(0.0, 0.0), (0.5, 0.3), (0.5, -0.2), (10.5, 0.0), (10.5, 0.0), (9.0, 1.0)].map(|(x, y)| coord! { x: x, y: y });
        push_line(&mut d, &pts, Units::Pixels);
        // .5 then .3 share no dot ambiguity; -.5 needs no comma; the repeated point is left out.
        assert_eq!(d, "M0,0l.5.3,0-.5,10,.2-1.5,1");
        d.clear();
        push_line(&mut d, &pts, Units::Tenths);
        assert_eq!(d, "M0,0l5,3,0-5,100,2-15,10");
    }

    #[test]
    fn points_round_trip_through_a_path() {
        let line: Vec<Coord> = (0..50).map(|i| coord! { x: (i as f64 * 1.37).sin() * 40.0 + 100.0, y: i as f64 * -0.73 }).collect();
        for units in [Units::Pixels, Units::Tenths] {
            let mut d = String::new();
            push_ring(&mut d, &line, units);
            push_line(&mut d, &line[..10], units);
            let back = points(&d, units);
            assert_eq!(back.len(), 2);
            for (p, q) in line.iter().zip(&back[0]) {
                // Tenths of a pixel, rounded once: the error never grows along the line.
                assert!((p.x - q.x).abs() <= 0.05 + 1e-9 && (p.y - q.y).abs() <= 0.05 + 1e-9, "{units:?}: {p:?} {q:?}");
            }
            assert_eq!(back[1].len(), 10);
        }
    }
}
