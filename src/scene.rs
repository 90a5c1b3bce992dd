//! The SVG model of one map, built from a validated story: every path string, marker and label
//! position the view draws. Plain data, no browser types: the Leptos view renders it, and the
//! native tests check it (finite numbers, labels apart, distances right).

use crate::basemap::Basemap;
use crate::clip::{ClipLine, ClipRing};
use crate::geodesy::{along, GeodesicRoute, Route};
use crate::labels::{self, Greedy, LabelLayout, LabelRequest, Obstacles};
use crate::path::{push_line, push_ring, Units};
use crate::projection::{fit_extent, trip_center, AzimuthalEqualArea, Projection, MAX_ARC_DEG};
use crate::story::{LegColor, LegPath, Story, TravelMode};
use crate::zoom::View;
use geo::{coord, Coord, Line, LineString, Rect, Simplify};

/// Stop label size, px.
pub const STOP_FONT_PX: f64 = 14.0;
/// Distance label size, px.
pub const LEG_FONT_PX: f64 = 12.0;
/// Marker radius, px: room for the stop's number inside. The hit area round it is 44 px across.
pub const MARKER_R: f64 = 10.0;
/// Radius of the invisible hit circle round a marker, px: a 44 px touch target and then some.
pub const HIT_R: f64 = 23.0;
/// How far below the marker's centre the baseline of its number sits, px (11 px bold digits).
pub const MARKER_NUM_DY: f64 = 4.0;
/// From this many stops on, markers are drawn small and unnumbered, so the route stays readable.
pub const DENSE_STOPS: usize = 40;
/// How far (scene px) a drawn track may stray from the recorded one: a fifth of a pixel at the
/// overview, a pixel at a fly-to's usual zoom (×5). Tracks carry a point every few metres; at
/// the size they are drawn at, most of them are not worth a byte.
pub const SIMPLIFY_PX: f64 = 0.2;
/// Route points this close (px) to a stop count as the route's end: labels must not cover them.
const ROUTE_END_PX: f64 = 36.0;
/// The map's buttons: a column this wide (px, margin included) down the top right corner.
/// Stops are fitted clear of it and labels avoid it. Matches `.tripmap__controls` in the CSS.
pub const CONTROLS_W: f64 = 60.0;
/// Height of that column: four 44 px buttons, gaps and margins.
pub const CONTROLS_H: f64 = 204.0;
/// The units of an on-screen map's base layer (sea, graticule, countries, borders): whole
/// tenths of a pixel, drawn under [`Units::transform`] (its strokes do not scale). The base
/// layer is most of a static map's HTML. A standalone picture's are pixels: SVG readers such as
/// resvg know no `vector-effect`, and would scale its strokes down tenfold.
pub const BASE_UNITS: Units = Units::Tenths;
/// With the `fault-injection` feature (test builds only), a stop with this id makes
/// [`Scene::build_trip`] panic: the component tests' way to reach the panic hook from a story.
#[cfg(feature = "fault-injection")]
pub const FAULT_STOP_ID: &str = "fault-injected";

/// Everything the view draws, in pixels of a `width` × `height` viewBox.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    /// The units of the base layer's paths (sphere to borders).
    pub base_units: Units,
    /// The visible part of the globe (sea colour).
    pub sphere: String,
    /// Parallels and meridians every 10°.
    pub graticule: String,
    /// Each country filled, its outline the coast (land borders are drawn over it).
    pub countries: Vec<CountryShape>,
    /// Land borders between countries.
    pub borders: String,
    pub legs: Vec<LegShape>,
    pub stops: Vec<StopShape>,
    /// Screen pixels per kilometre at the projection's centre, at the overview.
    pub px_per_km: f64,
    /// Labels and scale bar for the overview; [`Scene::labels_at`] gives them for any view.
    pub labels: SceneLabels,
}

/// Labels and scale bar laid out for one view, in screen pixels.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SceneLabels {
    /// One per stop, in stop order.
    pub stops: Vec<Label>,
    /// One per leg, in leg order.
    pub legs: Vec<Label>,
    pub scale_bar: ScaleBar,
}

/// A scale bar in the bottom-left corner, true at the projection's centre (an equal-area
/// azimuthal projection has no distortion there).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScaleBar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    /// The distance the bar stands for.
    pub km: u64,
}

impl ScaleBar {
    /// The bar as an SVG path: a bracket `width` px long, ticks up at both ends.
    pub fn path(&self) -> String {
        use crate::path::num;
        format!("M{},{}v4h{}v-4", num(self.x), num(self.y - 4.0), num(self.width))
    }
}

/// A country's filled shape.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryShape {
    /// ISO 3166-1 alpha-3 code.
    pub id: String,
    pub d: String,
    /// A stop of the trip lies in it.
    pub visited: bool,
}

/// A leg of the trip as drawn: a geodesic, or along its track.
#[derive(Debug, Clone, PartialEq)]
pub struct LegShape {
    /// Stop indices.
    pub from: usize,
    pub to: usize,
    /// Its line style (`data-mode`); never [`TravelMode::None`], which is not drawn.
    pub mode: TravelMode,
    pub color: LegColor,
    /// `"<from id>-<to id>"`, the `data-leg` hook.
    pub key: String,
    pub d: String,
    pub distance_km: u64,
    /// The route in scene pixels, for zooming to it and keeping labels off it.
    pub points: Vec<Coord>,
}

/// A stop's marker and label.
#[derive(Debug, Clone, PartialEq)]
pub struct StopShape {
    pub name: String,
    pub x: f64,
    pub y: f64,
}

/// A placed text label.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    pub x: f64,
    pub y: f64,
    /// SVG `text-anchor`: `start`, `middle` or `end`.
    pub anchor: &'static str,
    pub bbox: Rect,
    /// False when the label's point is out of view or it has no free spot: rather hidden than
    /// overlapping.
    pub visible: bool,
}

/// Where a layout of a given size puts the trip: its scale and its first stop. Fitting changes
/// only the projection's scale and offset (its centre is the trip's), so that is all it takes
/// to carry a drawing made for one size, such as a static map's countries, onto another.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub px_per_km: f64,
    pub first_stop: Coord,
}

impl Fit {
    /// The fit as the static map writes it (`data-fit` on its base layer), for the live map that
    /// reuses that layer: the scale and the first stop's place.
    ///
    /// ```
    /// use tripmap::scene::Fit;
    /// let fit = Fit { px_per_km: 0.123456789, first_stop: geo::coord! { x: 10.25, y: 300.5 } };
    /// assert_eq!(Fit::parse(&fit.to_attr()), Some(fit));
    /// assert_eq!(Fit::parse("1 2"), None);
    /// ```
    pub fn to_attr(&self) -> String {
        format!("{} {} {}", self.px_per_km, self.first_stop.x, self.first_stop.y)
    }

    /// Reads [`Fit::to_attr`] back.
    pub fn parse(attr: &str) -> Option<Fit> {
        let v: Vec<f64> = attr.split_whitespace().map(crate::format::read_number).collect::<Option<_>>()?;
        match v[..] {
            [px_per_km, x, y] if px_per_km > 0.0 => Some(Fit { px_per_km, first_stop: coord! { x: x, y: y } }),
            _ => None,
        }
    }

    /// What carries a drawing made at this fit onto `other`: `(k, tx, ty)`, x' = k·x + tx.
    pub fn refit_to(&self, other: &Fit) -> (f64, f64, f64) {
        let k = if self.px_per_km > 0.0 { other.px_per_km / self.px_per_km } else { 1.0 };
        let (a, b) = (self.first_stop, other.first_stop);
        (k, b.x - k * a.x, b.y - k * a.y)
    }
}

/// What a scene needs of a story that does not depend on the map's size: the legs as
/// geodesics or tracks and the country each stop lies in, the costly parts of a long trip.
/// Computed once per story; every re-fit of a resized map reuses it.
#[derive(Debug, Clone)]
pub struct Trip {
    legs: Vec<TripLeg>,
    visited: Vec<Option<String>>,
}

/// A drawn leg of the trip, whatever the map's size.
#[derive(Debug, Clone, PartialEq)]
pub struct TripLeg {
    /// Stop indices.
    pub from: usize,
    pub to: usize,
    pub mode: TravelMode,
    /// The story gives the mode (the card then says "by road").
    pub mode_given: bool,
    /// The index of its route among the story's `routes`.
    pub route: Option<usize>,
    pub color: LegColor,
    pub line: Route,
    /// The line is the story's track (simplified for the size it is drawn at), not a geodesic.
    pub tracked: bool,
}

impl TripLeg {
    /// Length in whole kilometres: along the track, or the geodesic.
    pub fn km(&self) -> u64 {
        self.line.distance_km()
    }
}

impl Trip {
    /// `basemap`: what the countries are drawn from, none when they come from elsewhere (the
    /// static map's, reused).
    pub fn new(story: &Story, basemap: Option<&Basemap>) -> Trip {
        let visited = match basemap {
            Some(basemap) => story.stops.iter().map(|s| basemap.country_at(coord! { x: s.lon, y: s.lat }).map(|c| c.id.clone())).collect(),
            None => vec![],
        };
        Trip { legs: trip_legs(story), visited }
    }

    /// Each drawn leg (not those of mode `none`), in leg order.
    pub fn legs(&self) -> impl Iterator<Item = &TripLeg> + '_ {
        self.legs.iter()
    }

    /// The modes the drawn legs use, in [`TravelMode::ALL`]'s order.
    pub fn modes(&self) -> Vec<TravelMode> {
        TravelMode::ALL.into_iter().filter(|m| self.legs.iter().any(|l| l.mode == *m)).collect()
    }
}

impl Scene {
    /// A good height for a map `width` px wide: the trip's own aspect ratio, kept between a
    /// letterbox and a tall portrait so the graphic neither shrinks to a strip nor dominates
    /// the page (for layouts that leave the height to the trip, and for tests).
    pub fn natural_height(story: &Story, width: f64) -> f64 {
        natural_height(story, &trip_legs(story), width)
    }

    /// Builds the scene of a validated story on a basemap.
    pub fn build(story: &Story, basemap: &Basemap, width: f64, height: f64) -> Scene {
        Scene::build_trip(story, &Trip::new(story, Some(basemap)), Some(basemap), BASE_UNITS, width, height)
    }

    /// The same, reusing the size-independent part of an earlier build (`trip` must be the
    /// story's own, made with the same `basemap`), its base layer written in `base_units`.
    /// Without a basemap the scene has no base layer (sea, graticule, countries, borders): the
    /// map shows another drawing's.
    pub fn build_trip(story: &Story, trip: &Trip, basemap: Option<&Basemap>, base_units: Units, width: f64, height: f64) -> Scene {
        #[cfg(feature = "fault-injection")]
        if story.stops.iter().any(|s| s.id == FAULT_STOP_ID) {
            panic!("fault injected: stop {FAULT_STOP_ID:?} (feature fault-injection)");
        }
        let routes = &trip.legs;
        let view = Rect::new(coord! { x: 0.0, y: 0.0 }, coord! { x: width, y: height });
        let projection = fit(story, routes, width, height);
        // Paths reach a little past the view so strokes do not end visibly at its edge.
        let clip_box = inset(view, -8.0);

        let stops: Vec<Coord> = stop_coords(story).iter().map(|&c| projection.project(c).unwrap_or(view.center())).collect();
        let visited = &trip.visited;

        let countries = basemap
            .map_or(&[][..], |b| &b.countries)
            .iter()
            .filter_map(|c| {
                let mut d = String::new();
                for poly in &c.shape {
                    for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
                        if let Some(projected) = project_all(&projection, &ring.0) {
                            push_ring(&mut d, &projected[..projected.len().saturating_sub(1)].clip_ring(clip_box), base_units);
                        }
                    }
                }
                (!d.is_empty()).then(|| CountryShape { id: c.id.clone(), d, visited: visited.iter().flatten().any(|v| *v == c.id) })
            })
            .collect();

        // `simplify`: a tolerance in pixels for lines drawn denser than they need (the
        // graticule's); the basemap's own lines keep every point, for the live map's zoom.
        let lines = |lines: &[Vec<Coord>], simplify: Option<f64>| {
            let mut d = String::new();
            for line in lines {
                for piece in project_pieces(&projection, line) {
                    for clipped in piece.clip_line(clip_box) {
                        match simplify {
                            Some(px) => push_line(&mut d, &LineString::from(clipped).simplify(px).0, base_units),
                            None => push_line(&mut d, &clipped, base_units),
                        }
                    }
                }
            }
            d
        };
        let (sphere, graticule, borders) = match basemap {
            Some(b) => (sphere_outline(&projection, clip_box, base_units), lines(&graticule_lines(), Some(GRATICULE_SIMPLIFY_PX)), lines(&b.borders, None)),
            None => Default::default(),
        };

        let legs = routes
            .iter()
            .map(|leg| {
                // A route passing near the far side of the globe comes in pieces: each is drawn
                // on its own, never joined across the gap; so do a track's parts. A track is
                // simplified for this size (a geodesic is as dense as it needs to be already).
                let pieces: Vec<Vec<Coord>> = leg
                    .line
                    .parts
                    .iter()
                    .flat_map(|part| project_pieces(&projection, part))
                    .map(|piece| if leg.tracked { LineString::from(piece).simplify(SIMPLIFY_PX).0 } else { piece })
                    .collect();
                let mut d = String::new();
                for piece in &pieces {
                    for clipped in piece.clip_line(clip_box) {
                        push_line(&mut d, &clipped, Units::Pixels);
                    }
                }
                let points = pieces.concat();
                let (from, to) = (leg.from, leg.to);
                let key = format!("{}-{}", story.stops[from].id, story.stops[to].id);
                LegShape { from, to, mode: leg.mode, color: leg.color.clone(), key, d, distance_km: leg.km(), points }
            })
            .collect();
        let stops = stops.iter().zip(&story.stops).map(|(p, stop)| StopShape { name: stop.name.as_str().to_string(), x: p.x, y: p.y }).collect();

        let px_per_km = projection.scale() / crate::geodesy::EARTH_RADIUS_KM;
        let mut scene = Scene {
            width,
            height,
            base_units,
            sphere,
            graticule,
            countries,
            borders,
            legs,
            stops,
            px_per_km,
            labels: SceneLabels { stops: vec![], legs: vec![], scale_bar: scale_bar(px_per_km, height) },
        };
        scene.labels = scene.labels_at(View::OVERVIEW);
        scene
    }

    /// Where "fly to stop `i`" ends: the stop and the leg that brought the traveller there (or,
    /// for the first stop, the leg leaving it), centred above `occluded_bottom` screen pixels.
    pub fn focus_view(&self, i: usize, occluded_bottom: f64) -> View {
        let stop = &self.stops[i];
        let mut points = vec![coord! { x: stop.x, y: stop.y }];
        let leg = self.legs.iter().find(|l| l.to == i).or_else(|| self.legs.iter().find(|l| l.from == i));
        if let Some(leg) = leg {
            points.extend_from_slice(&leg.points);
        }
        let bounds = crate::projection::bounds(&points).expect("at least the stop");
        View::fit(bounds, self.width, self.height, 48.0, occluded_bottom)
    }

    /// Where this scene puts the trip (see [`Fit`]).
    pub fn fit(&self) -> Fit {
        Fit { px_per_km: self.px_per_km, first_stop: self.stops.first().map_or(coord! { x: 0.0, y: 0.0 }, |s| coord! { x: s.x, y: s.y }) }
    }

    /// Labels and scale bar for a zoomed view: placed afresh in screen pixels, so that at any
    /// zoom they keep their size and never overlap each other, markers or route ends.
    pub fn labels_at(&self, view: View) -> SceneLabels {
        let bar = scale_bar(self.px_per_km * view.k, self.height);
        let stops: Vec<Coord> = self.stops.iter().map(|s| view.apply(coord! { x: s.x, y: s.y })).collect();
        let legs: Vec<Vec<Coord>> = self.legs.iter().map(|l| l.points.iter().map(|&p| view.apply(p)).collect()).collect();
        let view_box = Rect::new(coord! { x: 0.0, y: 0.0 }, coord! { x: self.width, y: self.height });
        let names: Vec<&str> = self.stops.iter().map(|s| s.name.as_str()).collect();
        let km: Vec<String> = self.legs.iter().map(|l| km_layout_text(l.distance_km)).collect();
        let (stops, legs) = place_labels(&names, &stops, &legs, &km, view_box, &bar);
        SceneLabels { stops, legs, scale_bar: bar }
    }
}

/// What a distance label is laid out for: as many characters as "4,239 km" (the digits, a
/// thousands mark a group, a space and a two-letter unit), which no interface language writes
/// longer. The scene knows no language; the view writes the text in the map's locale.
fn km_layout_text(km: u64) -> String {
    let digits = km.to_string().len();
    "0".repeat(digits + (digits - 1) / 3 + 3)
}

/// [`Scene::natural_height`] from legs already computed.
fn natural_height(story: &Story, routes: &[TripLeg], width: f64) -> f64 {
    let points = fit_points(story, routes);
    let p = AzimuthalEqualArea::centered(trip_center(&stop_coords(story)));
    let aspect = crate::projection::bounds(&points.iter().filter_map(|&c| p.project(c)).collect::<Vec<_>>())
        .map(|b| if b.width() > 1e-9 { b.height() / b.width() } else { 1.0 })
        .unwrap_or(1.0);
    let max = (width * 1.2).clamp(240.0, 720.0);
    let min = (width * 0.6).min(max);
    let aspect = if aspect.is_finite() { aspect } else { 1.0 };
    (width * aspect).clamp(min, max).round()
}

fn stop_coords(story: &Story) -> Vec<Coord> {
    story.stops.iter().map(|s| coord! { x: s.lon, y: s.lat }).collect()
}

/// The drawn legs: along their tracks, or as geodesics; legs of mode `none` are left out.
fn trip_legs(story: &Story) -> Vec<TripLeg> {
    let c = stop_coords(story);
    story
        .leg_specs()
        .into_iter()
        .filter_map(|(from, to, leg)| {
            let mode = leg.and_then(|l| l.mode).unwrap_or_default();
            if !mode.is_drawn() {
                return None;
            }
            let (line, tracked) = match leg.and_then(|l| l.path.as_ref()) {
                Some(LegPath::Line(g)) => (along(g.lines().into_iter().filter(|l| l.len() > 1).collect()), true),
                // A file not read in (only `import::tracks` reads them): the geodesic, as if it
                // had none. The embed refuses such a story before it gets here.
                _ => (Line::new(c[from], c[to]).geodesic_route(), false),
            };
            let (route, color) = match leg.and_then(|l| l.route.as_deref()).and_then(|id| story.route(id)) {
                Some((i, color)) => (Some(i), color),
                None => (None, LegColor::Default),
            };
            Some(TripLeg { from, to, mode, mode_given: leg.is_some_and(|l| l.mode.is_some()), route, color, line, tracked })
        })
        .collect()
}

fn fit_points(story: &Story, routes: &[TripLeg]) -> Vec<Coord> {
    let mut points = stop_coords(story);
    for leg in routes {
        points.extend(leg.line.points());
    }
    points
}

/// The projection centred on the trip and fitted to its stops and routes with room for labels.
fn fit(story: &Story, routes: &[TripLeg], width: f64, height: f64) -> AzimuthalEqualArea {
    let center = trip_center(&stop_coords(story));
    let pad_x = (width * 0.12).clamp(40.0, 120.0);
    let pad_y = (height * 0.08).clamp(28.0, 64.0);
    // Keep the trip clear of the buttons down the right edge.
    let right = pad_x.max(CONTROLS_W + 8.0);
    let extent = Rect::new(coord! { x: pad_x, y: pad_y }, coord! { x: width - right, y: height - pad_y });
    // A single stop (or stops at one place) shows about 1,500 km across; a walk across town,
    // at least 20 km: the basemap has no streets to show closer.
    let points = fit_points(story, routes);
    let one_place = points.iter().all(|p| (p.x - points[0].x).abs() < 1e-9 && (p.y - points[0].y).abs() < 1e-9);
    let across_km = if one_place { 1500.0 } else { 20.0 };
    let max_scale = width / (across_km / crate::geodesy::EARTH_RADIUS_KM);
    fit_extent(AzimuthalEqualArea::centered(center), &points, extent, max_scale)
}

fn inset(r: Rect, by: f64) -> Rect {
    Rect::new(coord! { x: r.min().x + by, y: r.min().y + by }, coord! { x: r.max().x - by, y: r.max().y - by })
}

/// Projects every point, or `None` if any cannot be (a ring near the antipode is left out
/// whole rather than drawn wrong).
fn project_all(p: &impl Projection, points: &[Coord]) -> Option<Vec<Coord>> {
    points.iter().map(|&c| p.project(c)).collect()
}

/// Projects a line, splitting it where points cannot be projected.
fn project_pieces(p: &impl Projection, points: &[Coord]) -> Vec<Vec<Coord>> {
    let mut pieces = vec![Vec::new()];
    for &c in points {
        match p.project(c) {
            Some(xy) => pieces.last_mut().unwrap().push(xy),
            None if !pieces.last().unwrap().is_empty() => pieces.push(Vec::new()),
            None => {}
        }
    }
    pieces.retain(|p| p.len() > 1);
    pieces
}

/// How far, in pixels, a drawn graticule line may stray from its curve. Densified every degree,
/// a meridian or parallel has a point every 6 px or so where a gentle curve needs one every
/// 30–60: the graticule was an eighth of the static map's page. At the deepest zoom
/// ([`crate::zoom::MAX_ZOOM`]) the error is still about a pixel.
pub const GRATICULE_SIMPLIFY_PX: f64 = 0.1;

/// Meridians and parallels every 10°, densified every degree so they curve.
fn graticule_lines() -> Vec<Vec<Coord>> {
    let mut lines = Vec::new();
    for lon in (-180..180).step_by(10) {
        lines.push((-80..=80).map(|lat| coord! { x: lon as f64, y: lat as f64 }).collect());
    }
    for lat in (-80..=80).step_by(10) {
        lines.push((-180..=180).map(|lon| coord! { x: lon as f64, y: lat as f64 }).collect());
    }
    lines
}

/// The rim of the projected globe (at [`MAX_ARC_DEG`]) clipped to the view.
fn sphere_outline(p: &AzimuthalEqualArea, clip_box: Rect, units: Units) -> String {
    let radius = p.scale() * 2.0 * (MAX_ARC_DEG.to_radians() / 2.0).sin();
    let t = p.translate();
    let ring: Vec<Coord> = (0..180)
        .map(|i| {
            let a = i as f64 / 180.0 * std::f64::consts::TAU;
            coord! { x: t.x + radius * a.cos(), y: t.y + radius * a.sin() }
        })
        .collect();
    let mut d = String::new();
    push_ring(&mut d, &ring.clip_ring(clip_box), units);
    d
}

/// The largest round distance (1, 2 or 5 × a power of ten, in km) that is at most 120 px long
/// at the projection's centre.
fn scale_bar(px_per_km: f64, height: f64) -> ScaleBar {
    let max_km = 120.0 / px_per_km;
    let magnitude = 10f64.powf(max_km.log10().floor());
    let km = [5.0, 2.0, 1.0].iter().map(|m| m * magnitude).find(|&k| k <= max_km).unwrap_or(magnitude);
    ScaleBar { x: 12.0, y: height - 14.0, width: km * px_per_km, km: km.round() as u64 }
}

/// Places stop names first (they matter most), then leg distances at each route's middle.
fn place_labels(names: &[&str], stops: &[Coord], legs_px: &[Vec<Coord>], leg_texts: &[String], view: Rect, bar: &ScaleBar) -> (Vec<Label>, Vec<Label>) {
    let mut obstacles = Obstacles { hard: stops.iter().map(|&s| labels::square(s, MARKER_R + 2.0)).collect(), soft: vec![] };
    // The map's buttons and the scale bar with its label are kept clear.
    obstacles.hard.push(Rect::new(coord! { x: view.max().x - CONTROLS_W, y: 0.0 }, coord! { x: view.max().x, y: CONTROLS_H }));
    let bar_w = bar.width.max(labels::text_width(&km_layout_text(bar.km), LEG_FONT_PX));
    obstacles.hard.push(Rect::new(coord! { x: bar.x - 4.0, y: bar.y - LEG_FONT_PX - 8.0 }, coord! { x: bar.x + bar_w + 4.0, y: bar.y + 6.0 }));
    for px in legs_px {
        let (Some(&first), Some(&last)) = (px.first(), px.last()) else { continue };
        let near = |a: Coord, b: Coord| (a - b).x.hypot((a - b).y) < ROUTE_END_PX;
        for &pt in px {
            // A leg's ends are the stretches next to its own two stops.
            let near_end = near(pt, first) || near(pt, last);
            let r = labels::square(pt, 2.0);
            if near_end {
                obstacles.hard.push(r);
            } else {
                obstacles.soft.push(r);
            }
        }
    }
    let stop_h = STOP_FONT_PX * 1.3;
    let mut requests: Vec<LabelRequest> = names
        .iter()
        .zip(stops)
        .map(|(name, &anchor)| LabelRequest { anchor, gap: MARKER_R + 5.0, width: labels::text_width(name, STOP_FONT_PX), height: stop_h })
        .collect();
    for (px, text) in legs_px.iter().zip(leg_texts) {
        let anchor = midpoint(px).unwrap_or(view.center());
        requests.push(LabelRequest { anchor, gap: 6.0, width: labels::text_width(text, LEG_FONT_PX), height: LEG_FONT_PX * 1.3 });
    }
    // Only labels whose point is in view take part; the others are hidden.
    let bounds = inset(view, 4.0);
    let in_view: Vec<usize> = (0..requests.len()).filter(|&i| contains(bounds, requests[i].anchor)).collect();
    let chosen: Vec<LabelRequest> = in_view.iter().map(|&i| requests[i]).collect();
    let placed = Greedy.place(&chosen, &obstacles, bounds);
    let texts: Vec<String> = names.iter().map(|n| n.to_string()).chain(leg_texts.iter().cloned()).collect();
    let mut out: Vec<Label> = requests
        .iter()
        .zip(texts)
        .map(|(r, text)| Label { text, x: r.anchor.x, y: r.anchor.y, anchor: "middle", bbox: Rect::new(r.anchor, r.anchor), visible: false })
        .collect();
    for (&i, p) in in_view.iter().zip(&placed) {
        let l = &mut out[i];
        (l.x, l.y, l.anchor, l.bbox, l.visible) = (p.text_x, p.text_y, p.text_anchor, p.bbox, p.cost < labels::HARD);
    }
    let legs = out.split_off(names.len());
    (out, legs)
}

fn contains(r: Rect, p: Coord) -> bool {
    p.x >= r.min().x && p.x <= r.max().x && p.y >= r.min().y && p.y <= r.max().y
}

/// The point halfway along a polyline.
fn midpoint(points: &[Coord]) -> Option<Coord> {
    let len = |w: &[Coord]| (w[1] - w[0]).x.hypot((w[1] - w[0]).y);
    let total: f64 = points.windows(2).map(len).sum();
    let mut walked = 0.0;
    for w in points.windows(2) {
        let l = len(w);
        if walked + l >= total / 2.0 && l > 0.0 {
            let t = (total / 2.0 - walked) / l;
            return Some(w[0] + (w[1] - w[0]) * t);
        }
        walked += l;
    }
    points.first().copied()
}

#[cfg(all(test, not(target_arch = "wasm32")))] // the basemap is compiled in natively only
mod tests {
    use super::*;
    use crate::labels::overlaps;

    fn default_scene(width: f64) -> (Story, Scene) {
        let story = Story::default_story().localized("en");
        let h = Scene::natural_height(&story, width);
        let scene = Scene::build(&story, Basemap::natural_earth(), width, h);
        (story, scene)
    }

    #[test]
    fn default_story_legs_have_geodesic_lengths() {
        let (_, scene) = default_scene(800.0);
        let legs: Vec<(&str, u64)> = scene.legs.iter().map(|l| (l.key.as_str(), l.distance_km)).collect();
        // GeographicLib (Karney) on WGS84: 3,797.8 km, 4,238.7 km, 2,457.5 km.
        assert_eq!(legs, [("washington-bogota", 3798), ("bogota-santiago", 4239), ("santiago-lima", 2457)]);
        assert_eq!(scene.labels.legs[1].text.chars().count(), "4,239 km".chars().count(), "laid out as wide as its text");
    }

    #[test]
    fn every_stop_is_inside_the_view_with_margin_and_every_number_is_finite() {
        for width in [320.0, 375.0, 800.0, 1600.0] {
            let (_, scene) = default_scene(width);
            for s in &scene.stops {
                assert!(s.x > 20.0 && s.x < scene.width - 20.0 && s.y > 20.0 && s.y < scene.height - 20.0, "{width}: {s:?}");
            }
            let base = scene.countries.iter().map(|c| c.d.as_str()).chain([scene.borders.as_str(), scene.sphere.as_str(), scene.graticule.as_str()]);
            let all = base.map(|d| (d, scene.base_units)).chain(scene.legs.iter().map(|l| (l.d.as_str(), Units::Pixels)));
            for (d, units) in all {
                let limit = width.max(scene.height) + 20.0;
                assert!(crate::path::points(d, units).concat().iter().flat_map(|c| [c.x, c.y]).all(|n| n.is_finite() && n > -20.0 && n < limit));
            }
        }
    }

    #[test]
    fn labels_do_not_overlap_each_other_markers_or_route_ends() {
        for width in [320.0, 375.0, 640.0, 800.0, 1280.0] {
            let (_, scene) = default_scene(width);
            assert!(scene.labels.stops.iter().chain(&scene.labels.legs).all(|l| l.visible), "{width}: every label shown at the overview");
            let mut boxes: Vec<Rect> = scene.labels.stops.iter().map(|l| l.bbox).collect();
            boxes.extend(scene.labels.legs.iter().map(|l| l.bbox));
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    assert!(!overlaps(*a, *b), "{width}: labels {a:?} and {b:?} overlap");
                }
                for s in &scene.stops {
                    assert!(!overlaps(*a, labels::square(coord! { x: s.x, y: s.y }, MARKER_R)), "{width}: label on a marker");
                }
                for leg in &scene.legs {
                    let pts = crate::path::points(&leg.d, Units::Pixels).concat();
                    for end in [pts[0], pts[pts.len() - 1]] {
                        assert!(!overlaps(*a, labels::square(end, 1.0)), "{width}: label on the end of {}", leg.key);
                    }
                }
                assert!(a.min().x >= 0.0 && a.max().x <= width && a.min().y >= 0.0 && a.max().y <= scene.height);
            }
        }
    }

    #[test]
    fn labels_stay_apart_at_every_fly_to_view_and_when_zoomed_deep() {
        for width in [375.0, 800.0] {
            let (story, scene) = default_scene(width);
            let mut views: Vec<View> = (0..story.stops.len()).map(|i| scene.focus_view(i, 0.0)).collect();
            views.push(View::OVERVIEW.zoom_about(coord! { x: width / 2.0, y: scene.height / 2.0 }, 8.0, width, scene.height));
            for view in views {
                let l = scene.labels_at(view);
                let boxes: Vec<Rect> = l.stops.iter().chain(&l.legs).filter(|l| l.visible).map(|l| l.bbox).collect();
                for (i, a) in boxes.iter().enumerate() {
                    for b in &boxes[i + 1..] {
                        assert!(!overlaps(*a, *b), "{width} {view:?}: {a:?} / {b:?}");
                    }
                    for s in &scene.stops {
                        let m = view.apply(coord! { x: s.x, y: s.y });
                        assert!(!overlaps(*a, labels::square(m, MARKER_R)), "{width} {view:?}: label on a marker");
                    }
                }
            }
            // Zoomed in, the scale bar stands for fewer kilometres.
            let deep = scene.labels_at(View { k: 4.0, x: 0.0, y: 0.0 });
            assert!(deep.scale_bar.km < scene.labels.scale_bar.km);
        }
    }

    #[test]
    fn fly_to_frames_the_stop_and_its_arrival_leg() {
        let (_, scene) = default_scene(800.0);
        let lima = scene.stops.iter().position(|s| s.name == "Lima").unwrap();
        let v = scene.focus_view(lima, 0.0);
        assert!(v.k > 1.2, "zooms in: {v:?}");
        let leg = scene.legs.iter().find(|l| l.to == lima).unwrap();
        for p in &leg.points {
            let q = v.apply(*p);
            assert!(q.x >= 0.0 && q.x <= scene.width && q.y >= 0.0 && q.y <= scene.height, "{q:?}");
        }
    }

    #[test]
    fn a_resize_reusing_the_trip_draws_what_a_fresh_build_draws() {
        let story = Story::default_story();
        let trip = Trip::new(&story, Some(Basemap::natural_earth()));
        for (w, h) in [(375.0, 300.0), (1256.0, 734.0)] {
            assert_eq!(
                Scene::build_trip(&story, &trip, Some(Basemap::natural_earth()), BASE_UNITS, w, h),
                Scene::build(&story, Basemap::natural_earth(), w, h)
            );
        }
    }

    #[test]
    fn a_scene_without_a_basemap_is_the_same_trip_without_its_base_layer() {
        // The live map over a static map: the countries are the static map's, reused.
        let story = Story::default_story();
        let bare = Scene::build_trip(&story, &Trip::new(&story, None), None, BASE_UNITS, 756.0, 546.0);
        let full = Scene::build(&story, Basemap::natural_earth(), 756.0, 546.0);
        assert!(bare.countries.is_empty() && bare.sphere.is_empty() && bare.graticule.is_empty() && bare.borders.is_empty());
        assert!(!full.countries.is_empty() && !full.sphere.is_empty());
        assert_eq!((bare.fit(), &bare.legs, &bare.stops, &bare.labels), (full.fit(), &full.legs, &full.stops, &full.labels));
    }

    #[test]
    fn the_scale_bar_is_a_round_distance_true_at_the_centre() {
        let (_, scene) = default_scene(800.0);
        let b = &scene.labels.scale_bar;
        assert!([500, 1_000, 2_000].contains(&b.km), "{}", b.km);
        assert!(b.width > 40.0 && b.width <= 120.0, "{}", b.width);
        for l in &scene.labels.stops {
            assert!(!overlaps(l.bbox, Rect::new(coord! { x: b.x, y: b.y - 20.0 }, coord! { x: b.x + b.width, y: b.y + 4.0 })));
        }
    }

    #[test]
    fn visited_countries_are_highlighted_and_only_those() {
        let (_, scene) = default_scene(800.0);
        let mut visited: Vec<&str> = scene.countries.iter().filter(|c| c.visited).map(|c| c.id.as_str()).collect();
        visited.sort();
        assert_eq!(visited, ["CHL", "COL", "PER", "USA"]);
        assert!(scene.countries.iter().any(|c| c.id == "BRA"), "neighbours are drawn too");
        assert!(!scene.countries.iter().any(|c| c.id == "AUS"), "the far side of the world is clipped away");
    }

    #[test]
    fn nothing_about_the_default_story_is_built_in() {
        // A different trip, other continent, across the antimeridian: Tokyo, Honolulu, Los Angeles.
        let json = r#"{"title":"Pacific","traveller":{"name":"X"},"stops":[
            {"id":"tokyo","name":"Tokyo","lat":35.69,"lon":139.69,"date":"2023-01-01"},
            {"id":"honolulu","name":"Honolulu","lat":21.31,"lon":-157.86,"date":"2023-01-02"},
            {"id":"la","name":"Los Angeles","lat":34.05,"lon":-118.24,"date":"2023-01-03"}]}"#;
        let story = Story::from_json(json).unwrap();
        let scene = Scene::build(&story, Basemap::natural_earth(), 800.0, 500.0);
        assert_eq!(scene.legs.len(), 2);
        for leg in &scene.legs {
            // No segment jumps across the map (the antimeridian seam).
            for w in crate::path::points(&leg.d, Units::Pixels).concat().windows(2) {
                assert!((w[1].x - w[0].x).abs() < 100.0, "jump in {}", leg.key);
            }
        }
        assert!(scene.countries.iter().any(|c| c.id == "JPN" && c.visited));
    }

    #[test]
    fn a_drawing_for_one_size_serves_another_under_its_refit() {
        let story = Story::default_story();
        let wide = Scene::build(&story, Basemap::natural_earth(), 756.0, 546.0);
        for (w, h) in [(358.0, 298.0), (1100.0, 500.0), (600.0, 900.0)] {
            let other = Scene::build(&story, Basemap::natural_earth(), w, h);
            let (k, tx, ty) = wide.fit().refit_to(&other.fit());
            for (a, b) in wide.legs.iter().zip(&other.legs) {
                for (p, q) in a.points.iter().zip(&b.points) {
                    assert!((k * p.x + tx - q.x).abs() < 0.01 && (k * p.y + ty - q.y).abs() < 0.01, "{w}x{h}: {p:?} -> {q:?}");
                }
            }
        }
    }

    #[test]
    fn the_graticule_is_drawn_with_a_fraction_of_its_points_within_a_tenth_of_a_pixel() {
        use geo::{Distance, Euclidean, MultiLineString};
        let story = Story::default_story();
        let (w, h) = (800.0, 500.0);
        let scene = Scene::build(&story, Basemap::natural_earth(), w, h);
        let drawn = MultiLineString::new(crate::path::points(&scene.graticule, scene.base_units).into_iter().map(LineString::from).collect());
        let drawn_points: usize = drawn.0.iter().map(|l| l.0.len()).sum();
        // Every point of the densified lines that falls inside the map lies on what is drawn.
        let projection = fit(&story, &trip_legs(&story), w, h);
        let inside: Vec<_> =
            graticule_lines().iter().flatten().filter_map(|c| projection.project(*c)).filter(|p| (0.0..w).contains(&p.x) && (0.0..h).contains(&p.y)).collect();
        assert!(drawn_points * 3 < inside.len(), "{drawn_points} points drawn for {}", inside.len());
        for p in inside {
            let d = Euclidean.distance(&geo::Point(p), &drawn);
            assert!(d <= GRATICULE_SIMPLIFY_PX + 0.08, "{p:?} is {d} px off");
        }
    }

    /// A story of two stops and one leg along `lines`, in `mode`.
    fn tracked(lines: Vec<Vec<Coord>>, mode: &str) -> Story {
        let (a, b) = (lines[0][0], *lines.last().unwrap().last().unwrap());
        let geometry = serde_json::to_string(&crate::story::PathGeometry::from_lines(lines)).unwrap();
        let json = format!(
            r#"{{"title":"T","stops":[{{"id":"a","name":"A","lat":{},"lon":{}}},{{"id":"b","name":"B","lat":{},"lon":{}}}],
            "legs":[{{"from":"a","to":"b","mode":"{mode}","path":{geometry}}}]}}"#,
            a.y, a.x, b.y, b.x
        );
        Story::from_json(&json).unwrap()
    }

    #[test]
    fn a_long_track_is_drawn_simplified_within_a_fraction_of_a_pixel() {
        // A real recording: 3,540 points round Grainau, Bavaria (georust/gpx's test file, MIT).
        let gpx = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tracks/garmin-grainau.gpx")).unwrap();
        let all = crate::import::tracks::read("grainau.gpx", &gpx).unwrap();
        let lines = vec![all.into_iter().max_by_key(Vec::len).unwrap()];
        let recorded = lines[0].len();
        assert!(recorded > 3000, "{recorded}");
        let story = tracked(lines.clone(), "walk");
        let scene = Scene::build(&story, Basemap::natural_earth(), 800.0, 500.0);
        let leg = &scene.legs[0];
        assert_eq!(leg.mode, TravelMode::Walk);
        let drawn = crate::path::points(&leg.d, Units::Pixels).concat();
        assert!(drawn.len() * 6 < recorded, "{} of {recorded} points drawn", drawn.len());
        // Every recorded point lies within the tolerance (and the path's tenth-of-a-pixel
        // rounding) of the drawn line.
        let projection = fit(&story, &trip_legs(&story), 800.0, 500.0);
        let line = LineString::from(drawn);
        for c in &lines[0] {
            use geo::{Distance, Euclidean};
            let p = geo::Point(projection.project(*c).unwrap());
            let d = Euclidean.distance(&p, &line);
            assert!(d <= SIMPLIFY_PX + 0.08, "{d}");
        }
        // Its length is measured on the recorded track, not on what is drawn.
        assert_eq!(leg.distance_km, crate::geodesy::along(lines).distance_km());
    }

    #[test]
    fn legs_carry_their_mode_and_none_is_not_drawn() {
        let json = r#"{"title":"T","stops":[{"id":"a","name":"A","lat":51.1279,"lon":1.3134},{"id":"b","name":"B","lat":50.9513,"lon":1.8587},{"id":"c","name":"C","lat":48.8566,"lon":2.3522},{"id":"d","name":"D","lat":45.76,"lon":4.84}],
            "legs":[{"from":"a","to":"b","mode":"ferry"},{"from":"b","to":"c","mode":"rail"},{"from":"c","to":"d","mode":"none"}]}"#;
        let story = Story::from_json(json).unwrap();
        let scene = Scene::build(&story, Basemap::natural_earth(), 800.0, 500.0);
        let modes: Vec<(&str, TravelMode)> = scene.legs.iter().map(|l| (l.key.as_str(), l.mode)).collect();
        assert_eq!(modes, [("a-b", TravelMode::Ferry), ("b-c", TravelMode::Rail)]);
        // Without a track, a ferry's leg is the geodesic (42.9 km, GeographicLib).
        assert_eq!(scene.legs[0].distance_km, 43);
        assert_eq!(scene.labels.legs.len(), 2);
    }

    #[test]
    fn a_track_across_the_antimeridian_is_drawn_without_a_jump() {
        // Round Taveuni, Fiji, which 180° crosses.
        let lines =
            vec![vec![coord! { x: 179.87, y: -16.80 }, coord! { x: 179.99, y: -16.9 }, coord! { x: -179.95, y: -16.95 }, coord! { x: -179.88, y: -17.05 }]];
        let scene = Scene::build(&tracked(lines, "road"), Basemap::natural_earth(), 800.0, 500.0);
        let pts = crate::path::points(&scene.legs[0].d, Units::Pixels).concat();
        assert!(pts.len() >= 2);
        for w in pts.windows(2) {
            assert!((w[1].x - w[0].x).abs() < 400.0, "jump {w:?}");
        }
        assert!((20..=40).contains(&scene.legs[0].distance_km), "{}", scene.legs[0].distance_km);
    }
}
