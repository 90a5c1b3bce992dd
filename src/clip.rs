//! Clipping projected geometry to the map's box, so the SVG carries only what can be seen.
//!
//! Two classic algorithms, each a trait: [`ClipRing`] (Sutherland–Hodgman, for filled shapes:
//! the result is one ring, with edges along the box where the shape leaves it, which fills
//! correctly) and [`ClipLine`] (Liang–Barsky per segment, for strokes such as borders and
//! routes, which split into several pieces).

use geo::{coord, Coord, Rect};

/// Clips a closed ring (first point not repeated) to a rectangle.
pub trait ClipRing {
    /// ```
    /// use geo::{coord, Rect};
    /// use tripmap::clip::ClipRing;
    /// let square = [coord! { x: -5.0, y: -5.0 }, coord! { x: 5.0, y: -5.0 }, coord! { x: 5.0, y: 5.0 }, coord! { x: -5.0, y: 5.0 }];
    /// let view = Rect::new(coord! { x: 0.0, y: 0.0 }, coord! { x: 10.0, y: 10.0 });
    /// let clipped = square.clip_ring(view);
    /// assert_eq!(clipped.len(), 4);
    /// assert!(clipped.iter().all(|c| c.x >= 0.0 && c.y >= 0.0));
    /// ```
    fn clip_ring(&self, rect: Rect) -> Vec<Coord>;
}

impl ClipRing for [Coord] {
    fn clip_ring(&self, rect: Rect) -> Vec<Coord> {
        /// Whether a point is inside one edge of the rectangle (given its min and max corners).
        type Inside = fn(Coord, Coord, Coord) -> bool;
        let (min, max) = (rect.min(), rect.max());
        let mut ring: Vec<Coord> = self.to_vec();
        // One pass per edge: keep what is inside, add the crossing where an edge crosses.
        let edges: [(Inside, usize, f64); 4] =
            [(|p, lo, _| p.x >= lo.x, 0, min.x), (|p, _, hi| p.x <= hi.x, 0, max.x), (|p, lo, _| p.y >= lo.y, 1, min.y), (|p, _, hi| p.y <= hi.y, 1, max.y)];
        for (inside, axis, value) in edges {
            if ring.is_empty() {
                break;
            }
            let input = std::mem::take(&mut ring);
            let mut prev = *input.last().unwrap();
            for &cur in &input {
                let (ci, pi) = (inside(cur, min, max), inside(prev, min, max));
                if ci != pi {
                    ring.push(crossing(prev, cur, axis, value));
                }
                if ci {
                    ring.push(cur);
                }
                prev = cur;
            }
        }
        if ring.len() < 3 {
            ring.clear();
        }
        ring
    }
}

fn crossing(a: Coord, b: Coord, axis: usize, value: f64) -> Coord {
    if axis == 0 {
        let t = (value - a.x) / (b.x - a.x);
        coord! { x: value, y: a.y + t * (b.y - a.y) }
    } else {
        let t = (value - a.y) / (b.y - a.y);
        coord! { x: a.x + t * (b.x - a.x), y: value }
    }
}

/// Clips an open polyline to a rectangle; the visible pieces, in order.
pub trait ClipLine {
    /// ```
    /// use geo::{coord, Rect};
    /// use tripmap::clip::ClipLine;
    /// // In, out, in again: two pieces.
    /// let line = [coord! { x: 1.0, y: 1.0 }, coord! { x: 1.0, y: 20.0 }, coord! { x: 2.0, y: 1.0 }];
    /// let view = Rect::new(coord! { x: 0.0, y: 0.0 }, coord! { x: 10.0, y: 10.0 });
    /// let pieces = line.clip_line(view);
    /// assert_eq!(pieces.len(), 2);
    /// assert_eq!(pieces[0], vec![coord! { x: 1.0, y: 1.0 }, coord! { x: 1.0, y: 10.0 }]);
    /// ```
    fn clip_line(&self, rect: Rect) -> Vec<Vec<Coord>>;
}

impl ClipLine for [Coord] {
    fn clip_line(&self, rect: Rect) -> Vec<Vec<Coord>> {
        let mut pieces: Vec<Vec<Coord>> = Vec::new();
        let mut current: Vec<Coord> = Vec::new();
        for w in self.windows(2) {
            match clip_segment(w[0], w[1], rect) {
                Some((a, b)) => {
                    if current.last() != Some(&a) {
                        if current.len() > 1 {
                            pieces.push(std::mem::take(&mut current));
                        }
                        current.clear();
                        current.push(a);
                    }
                    current.push(b);
                }
                None => {
                    if current.len() > 1 {
                        pieces.push(std::mem::take(&mut current));
                    }
                    current.clear();
                }
            }
        }
        if current.len() > 1 {
            pieces.push(current);
        }
        pieces
    }
}

/// Liang–Barsky: the part of segment a→b inside the rectangle.
fn clip_segment(a: Coord, b: Coord, rect: Rect) -> Option<(Coord, Coord)> {
    let (d, mut t0, mut t1) = (b - a, 0.0_f64, 1.0_f64);
    let (min, max) = (rect.min(), rect.max());
    for (p, q) in [(-d.x, a.x - min.x), (d.x, max.x - a.x), (-d.y, a.y - min.y), (d.y, max.y - a.y)] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| {
        if t == 0.0 {
            a
        } else if t == 1.0 {
            b
        } else {
            a + d * t
        }
    };
    Some((at(t0), at(t1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> Rect {
        Rect::new(coord! { x: 0.0, y: 0.0 }, coord! { x: 10.0, y: 10.0 })
    }

    #[test]
    fn ring_outside_vanishes_and_ring_inside_is_kept() {
        let far = [coord! { x: 20.0, y: 20.0 }, coord! { x: 30.0, y: 20.0 }, coord! { x: 30.0, y: 30.0 }];
        assert!(far.clip_ring(view()).is_empty());
        let inside = [coord! { x: 1.0, y: 1.0 }, coord! { x: 2.0, y: 1.0 }, coord! { x: 2.0, y: 2.0 }];
        assert_eq!(inside.clip_ring(view()), inside.to_vec());
    }

    #[test]
    fn ring_covering_the_view_becomes_the_view() {
        let big = [coord! { x: -50.0, y: -50.0 }, coord! { x: 50.0, y: -50.0 }, coord! { x: 50.0, y: 50.0 }, coord! { x: -50.0, y: 50.0 }];
        let c = big.clip_ring(view());
        assert_eq!(c.len(), 4);
        for p in c {
            assert!((p.x == 0.0 || p.x == 10.0) && (p.y == 0.0 || p.y == 10.0), "{p:?}");
        }
    }

    #[test]
    fn line_wholly_inside_is_one_piece() {
        let l = [coord! { x: 1.0, y: 1.0 }, coord! { x: 2.0, y: 2.0 }, coord! { x: 3.0, y: 1.0 }];
        assert_eq!(l.clip_line(view()), vec![l.to_vec()]);
        let out = [coord! { x: -1.0, y: -1.0 }, coord! { x: -2.0, y: 20.0 }];
        assert!(out.clip_line(view()).is_empty());
    }
}
