//! Label placement without overlaps: each label tries sixteen positions round its anchor (eight
//! directions, two distances) and takes the cheapest, where overlapping another label or marker costs far more than grazing a route.
//!
//! Greedy, in the order given (put the most important labels first): good enough for the tens
//! of labels a trip map carries, and stable, so a label never jumps when a later one moves.

use geo::{coord, Coord, Rect};

/// Where a label goes relative to its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    East,
    West,
    NorthEast,
    SouthEast,
    NorthWest,
    SouthWest,
    North,
    South,
}

/// Order of preference: beside the point first, as cartographers place point labels.
const SIDES: [Side; 8] = [Side::East, Side::West, Side::NorthEast, Side::SouthEast, Side::NorthWest, Side::SouthWest, Side::North, Side::South];

/// A label to place: its anchor point, the gap to keep from it, and its size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelRequest {
    pub anchor: Coord,
    pub gap: f64,
    pub width: f64,
    pub height: f64,
}

/// Where a label went: the box it covers and the SVG text anchor point and alignment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub side: Side,
    pub bbox: Rect,
    /// Baseline start point for SVG `<text>` with [`Placement::text_anchor`].
    pub text_x: f64,
    pub text_y: f64,
    pub text_anchor: &'static str,
    /// Cost paid: 0 means no overlap with anything and fully inside the bounds.
    pub cost: f64,
}

/// What labels must avoid: hard obstacles (markers, route ends) and soft ones (route bodies).
#[derive(Debug, Clone, Default)]
pub struct Obstacles {
    pub hard: Vec<Rect>,
    pub soft: Vec<Rect>,
}

/// Places labels one after another.
pub trait LabelLayout {
    /// ```
    /// use geo::{coord, Rect};
    /// use tripmap::labels::{Greedy, LabelLayout, LabelRequest, Obstacles};
    /// let bounds = Rect::new(coord! { x: 0.0, y: 0.0 }, coord! { x: 300.0, y: 200.0 });
    /// let label = |x| LabelRequest { anchor: coord! { x: x, y: 100.0 }, gap: 6.0, width: 60.0, height: 16.0 };
    /// // Two points 40 px apart: the second label must not sit on the first.
    /// let placed = Greedy.place(&[label(100.0), label(140.0)], &Obstacles::default(), bounds);
    /// assert!(!tripmap::labels::overlaps(placed[0].bbox, placed[1].bbox));
    /// ```
    fn place(&self, requests: &[LabelRequest], obstacles: &Obstacles, bounds: Rect) -> Vec<Placement>;
}

/// Tries eight positions round each anchor, at the requested gap and then farther out, and
/// keeps the cheapest.
#[derive(Debug, Clone, Copy, Default)]
pub struct Greedy;

/// Cost weight of overlapping a label, a hard obstacle or the bounds: a placement whose cost
/// reaches this overlaps something it must not.
pub const HARD: f64 = 1000.0;
const SOFT: f64 = 2.0;

impl LabelLayout for Greedy {
    fn place(&self, requests: &[LabelRequest], obstacles: &Obstacles, bounds: Rect) -> Vec<Placement> {
        // Spatial grids keep each candidate's checks to its neighbourhood: linear in the number
        // of labels instead of quadratic (a 500-stop trip has ~1,000 labels and ~20,000 route
        // points to avoid).
        let cell = requests.iter().map(|r| r.width.max(r.height)).fold(32.0, f64::max);
        let hard = Grid::new(&obstacles.hard, bounds, cell);
        let soft = Grid::new(&obstacles.soft, bounds, cell);
        let mut labels = Grid::new(&[], bounds, cell);
        let mut placed: Vec<Placement> = Vec::with_capacity(requests.len());
        for r in requests {
            let best = [1.0, 2.5]
                .iter()
                .flat_map(|&reach| SIDES.iter().map(move |&side| (reach, side)))
                .enumerate()
                .map(|(rank, (reach, side))| {
                    let mut p = candidate(r, side, r.gap * reach);
                    let outside = area(p.bbox) - overlap(p.bbox, bounds);
                    let on_labels = labels.overlap(p.bbox);
                    let on_hard = hard.overlap(p.bbox);
                    let on_soft = soft.overlap(p.bbox);
                    p.cost = HARD * (outside + on_labels + on_hard) + SOFT * on_soft;
                    (p.cost + rank as f64 * 0.5, p)
                })
                .min_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, p)| p)
                .expect("sixteen candidates");
            labels.insert(best.bbox);
            placed.push(best);
        }
        placed
    }
}

/// Boxes bucketed by a uniform grid over the bounds (boxes outside land in the edge cells).
struct Grid {
    origin: Coord,
    cell: f64,
    cols: usize,
    rows: usize,
    boxes: Vec<Rect>,
    cells: Vec<Vec<usize>>,
    /// Per box, the last query that counted it, so a box in several cells counts once.
    seen: std::cell::RefCell<(u32, Vec<u32>)>,
}

impl Grid {
    fn new(boxes: &[Rect], bounds: Rect, cell: f64) -> Grid {
        let cols = ((bounds.width() / cell).ceil() as usize).clamp(1, 512);
        let rows = ((bounds.height() / cell).ceil() as usize).clamp(1, 512);
        let mut g = Grid {
            origin: bounds.min(),
            cell,
            cols,
            rows,
            boxes: Vec::new(),
            cells: vec![Vec::new(); cols * rows],
            seen: std::cell::RefCell::new((0, Vec::new())),
        };
        for &b in boxes {
            g.insert(b);
        }
        g
    }

    fn span(&self, b: Rect) -> (std::ops::RangeInclusive<usize>, std::ops::RangeInclusive<usize>) {
        let at = |v: f64, o: f64, n: usize| (((v - o) / self.cell).floor().max(0.0) as usize).min(n - 1);
        (
            at(b.min().x, self.origin.x, self.cols)..=at(b.max().x, self.origin.x, self.cols),
            at(b.min().y, self.origin.y, self.rows)..=at(b.max().y, self.origin.y, self.rows),
        )
    }

    fn insert(&mut self, b: Rect) {
        if !(b.min().x.is_finite() && b.min().y.is_finite() && b.max().x.is_finite() && b.max().y.is_finite()) {
            return;
        }
        let i = self.boxes.len();
        self.boxes.push(b);
        self.seen.get_mut().1.push(0);
        let (xs, ys) = self.span(b);
        for y in ys {
            for x in xs.clone() {
                self.cells[y * self.cols + x].push(i);
            }
        }
    }

    /// Total area the boxes share with `b`.
    fn overlap(&self, b: Rect) -> f64 {
        let mut seen = self.seen.borrow_mut();
        seen.0 += 1;
        let stamp = seen.0;
        let (xs, ys) = self.span(b);
        let mut total = 0.0;
        for y in ys {
            for x in xs.clone() {
                for &i in &self.cells[y * self.cols + x] {
                    if seen.1[i] != stamp {
                        seen.1[i] = stamp;
                        total += overlap(b, self.boxes[i]);
                    }
                }
            }
        }
        total
    }
}

fn candidate(r: &LabelRequest, side: Side, g: f64) -> Placement {
    let (w, h, a) = (r.width, r.height, r.anchor);
    // Diagonal positions sit a little closer, as the corner of the box is farther away.
    let d = g * 0.7;
    let (x0, y0, text_anchor) = match side {
        Side::East => (a.x + g, a.y - h / 2.0, "start"),
        Side::West => (a.x - g - w, a.y - h / 2.0, "end"),
        Side::NorthEast => (a.x + d, a.y - d - h, "start"),
        Side::SouthEast => (a.x + d, a.y + d, "start"),
        Side::NorthWest => (a.x - d - w, a.y - d - h, "end"),
        Side::SouthWest => (a.x - d - w, a.y + d, "end"),
        Side::North => (a.x - w / 2.0, a.y - g - h, "middle"),
        Side::South => (a.x - w / 2.0, a.y + g, "middle"),
    };
    let bbox = Rect::new(coord! { x: x0, y: y0 }, coord! { x: x0 + w, y: y0 + h });
    let text_x = match text_anchor {
        "start" => x0,
        "end" => x0 + w,
        _ => x0 + w / 2.0,
    };
    // Baseline: cap height sits about 0.7 of the box down for a one-line label.
    let text_y = y0 + h * 0.78;
    Placement { side, bbox, text_x, text_y, text_anchor, cost: 0.0 }
}

fn area(r: Rect) -> f64 {
    r.width() * r.height()
}

/// Area shared by two boxes.
fn overlap(a: Rect, b: Rect) -> f64 {
    let w = a.max().x.min(b.max().x) - a.min().x.max(b.min().x);
    let h = a.max().y.min(b.max().y) - a.min().y.max(b.min().y);
    if w > 0.0 && h > 0.0 {
        w * h
    } else {
        0.0
    }
}

/// True when two boxes share any area.
pub fn overlaps(a: Rect, b: Rect) -> bool {
    overlap(a, b) > 0.0
}

/// A square box of half-size `r` round a point: how markers and route points are avoided.
pub fn square(center: Coord, r: f64) -> Rect {
    Rect::new(coord! { x: center.x - r, y: center.y - r }, coord! { x: center.x + r, y: center.y + r })
}

/// Rough width of a label in pixels: 0.72 em a character, the widest average advance of the
/// common default bold sans faces (DejaVu Sans Bold, Debian's default, measures up to 0.70 em;
/// Helvetica and Roboto about 0.6). Generous on purpose: a wide box only costs room, a narrow
/// one lets labels collide.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().count() as f64 * font_px * 0.72 + 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds() -> Rect {
        Rect::new(coord! { x: 0.0, y: 0.0 }, coord! { x: 400.0, y: 400.0 })
    }

    #[test]
    fn prefers_east_when_free_and_flips_at_the_edge() {
        let r = |x| LabelRequest { anchor: coord! { x: x, y: 200.0 }, gap: 8.0, width: 80.0, height: 16.0 };
        let p = Greedy.place(&[r(100.0), r(380.0)], &Obstacles::default(), bounds());
        assert_eq!(p[0].side, Side::East);
        assert_eq!(p[0].cost, 0.0);
        assert_eq!(p[1].side, Side::West, "no room east of x=380");
        assert!(p[1].bbox.max().x <= 400.0);
    }

    #[test]
    fn a_crowd_of_labels_never_overlaps_when_room_allows() {
        let reqs: Vec<LabelRequest> =
            (0..6).map(|i| LabelRequest { anchor: coord! { x: 200.0, y: 100.0 + 30.0 * i as f64 }, gap: 8.0, width: 70.0, height: 16.0 }).collect();
        let markers = Obstacles { hard: reqs.iter().map(|r| square(r.anchor, 6.0)).collect(), soft: vec![] };
        let p = Greedy.place(&reqs, &markers, bounds());
        for (i, a) in p.iter().enumerate() {
            assert_eq!(a.cost, 0.0, "label {i} at {:?}", a.side);
            for b in &p[i + 1..] {
                assert!(!overlaps(a.bbox, b.bbox));
            }
        }
    }

    #[test]
    fn estimated_widths_cover_measured_dejavu_sans_bold() {
        // getBBox() widths measured in Debian's Chromium with DejaVu Sans Bold.
        for (text, px, measured) in [("Bangkok", 14.0, 68.7), ("Hong Kong", 14.0, 86.4), ("866 km", 12.0, 49.7), ("1,152 km", 12.0, 62.6)] {
            assert!(text_width(text, px) >= measured, "{text}: {} < {measured}", text_width(text, px));
        }
    }

    #[test]
    fn the_grid_counts_exactly_what_a_brute_force_sum_counts() {
        // A small deterministic generator: boxes of all sizes, some across many cells, some
        // outside the bounds.
        let mut seed = 12345u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / (1u64 << 31) as f64
        };
        let mut rand_box = || {
            let (x, y) = (next() * 600.0 - 100.0, next() * 600.0 - 100.0);
            let (w, h) = (next() * 150.0, next() * 60.0);
            Rect::new(coord! { x: x, y: y }, coord! { x: x + w, y: y + h })
        };
        let boxes: Vec<Rect> = (0..300).map(|_| rand_box()).collect();
        let grid = Grid::new(&boxes, bounds(), 40.0);
        for _ in 0..300 {
            let q = rand_box();
            let brute: f64 = boxes.iter().map(|&b| overlap(q, b)).sum();
            assert!((grid.overlap(q) - brute).abs() < 1e-6);
        }
    }

    #[test]
    fn avoids_hard_obstacles() {
        let r = LabelRequest { anchor: coord! { x: 200.0, y: 200.0 }, gap: 8.0, width: 60.0, height: 16.0 };
        let block_east = Obstacles { hard: vec![square(coord! { x: 240.0, y: 200.0 }, 10.0)], soft: vec![] };
        let p = Greedy.place(&[r], &block_east, bounds());
        assert_ne!(p[0].side, Side::East);
        assert!(!overlaps(p[0].bbox, block_east.hard[0]));
    }
}
