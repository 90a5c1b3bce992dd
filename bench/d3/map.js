// The d3 reference: what a newsroom developer would write instead of TripMap. d3-geo and
// topojson-client draw the same countries (world-atlas 50m, cut to the trip's region at build
// time), geodesic legs, numbered markers, labels and a card per stop, with a fly-to on click.
import { geoAzimuthalEqualArea, geoPath, geoCentroid, geoContains, geoDistance, geoGraticule10 } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import world from './dist/region.json';

const SVG = 'http://www.w3.org/2000/svg';
const el = (ns, tag, attrs = {}, text) => {
  const e = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
};
const t = (v) => (typeof v === 'string' ? v : v?.en ?? '');

for (const host of document.querySelectorAll('[data-d3map]')) draw(host, JSON.parse(host.querySelector('script').textContent));

function draw(host, story) {
  const W = host.clientWidth, H = Math.round(W * 0.62);
  const stops = story.stops.map((s) => [s.lon, s.lat]);
  const legs = { type: 'MultiLineString', coordinates: stops.slice(1).map((p, i) => [stops[i], p]) };
  const projection = geoAzimuthalEqualArea().rotate(geoCentroid(legs).map((x) => -x)).fitExtent([[40, 40], [W - 40, H - 40]], legs);
  const path = geoPath(projection);
  const countries = feature(world, world.objects.countries).features;
  const visited = new Set(countries.filter((c) => stops.some((p) => geoContains(c, p))).map((c) => c.id));

  host.append(el(null, 'h2', { class: 'd3-title' }, t(story.title)), el(null, 'p', { class: 'd3-standfirst' }, t(story.standfirst)));
  const svg = el(SVG, 'svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': t(story.title) });
  const g = el(SVG, 'g');
  svg.append(g);
  g.append(el(SVG, 'path', { d: path({ type: 'Sphere' }), fill: '#dde8f0' }));
  g.append(el(SVG, 'path', { d: path(geoGraticule10()), fill: 'none', stroke: '#fff', 'stroke-width': 0.5 }));
  for (const c of countries) g.append(el(SVG, 'path', { d: path(c), fill: visited.has(c.id) ? '#f6d8a8' : '#f2efe8' }));
  g.append(el(SVG, 'path', { d: path(mesh(world, world.objects.countries, (a, b) => a !== b)), fill: 'none', stroke: '#b9b2a6', 'stroke-width': 0.6 }));
  legs.coordinates.forEach((leg, i) => {
    g.append(el(SVG, 'path', { d: path({ type: 'LineString', coordinates: leg }), fill: 'none', stroke: '#b3261e', 'stroke-width': 2 }));
    const [x, y] = projection(geoInterpolateMid(leg));
    g.append(el(SVG, 'text', { x, y, 'font-size': 11, fill: '#7a1a14', 'text-anchor': 'middle' }, `${Math.round(geoDistance(...leg) * 6371).toLocaleString('en')} km`));
  });
  const card = el(null, 'section', { class: 'd3-card', hidden: '' });
  story.stops.forEach((s, i) => {
    const [x, y] = projection([s.lon, s.lat]);
    const m = el(SVG, 'g', { class: 'd3-stop', 'data-stop': s.id, tabindex: 0, role: 'button', 'aria-label': t(s.name), transform: `translate(${x},${y})` });
    m.append(el(SVG, 'circle', { r: 10, fill: '#b3261e', stroke: '#fff', 'stroke-width': 2 }), el(SVG, 'text', { y: 4, 'text-anchor': 'middle', fill: '#fff', 'font-size': 11 }, i + 1));
    m.append(el(SVG, 'text', { x: 14, y: 4, 'font-size': 13, 'font-weight': 700 }, t(s.name)));
    const open = () => { showCard(card, story, s); flyTo(g, W, H, x, y); };
    m.addEventListener('click', open);
    m.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && open());
    svg.append(m);
  });
  host.append(svg, card);
}

/** The midpoint of a leg along its great circle (for its distance label). */
function geoInterpolateMid([a, b]) {
  const r = Math.PI / 180, [l1, p1, l2, p2] = [a[0] * r, a[1] * r, b[0] * r, b[1] * r];
  const bx = Math.cos(p2) * Math.cos(l2 - l1), by = Math.cos(p2) * Math.sin(l2 - l1);
  const p = Math.atan2(Math.sin(p1) + Math.sin(p2), Math.hypot(Math.cos(p1) + bx, by));
  return [(l1 + Math.atan2(by, Math.cos(p1) + bx)) / r, p / r];
}

function showCard(card, story, s) {
  card.replaceChildren(
    el(null, 'h3', {}, t(s.name)),
    el(null, 'p', { class: 'd3-date' }, new Date(s.date).toLocaleDateString('en', { dateStyle: 'long', timeZone: 'UTC' })),
    el(null, 'p', {}, t(s.summary)),
    ...(s.meetings ?? []).map((m) => el(null, 'p', {}, m.with.map((p) => `${t(p.name)}, ${t(p.role)}`).join('; '))),
    el(null, 'ul', {}, null),
  );
  const ul = card.querySelector('ul');
  for (const topic of s.topics ?? []) ul.append(el(null, 'li', {}, t(topic)));
  card.hidden = false;
  card.dataset.card = s.id;
}

/** A 2× zoom onto the stop in 600 ms, as TripMap's fly-to does. */
function flyTo(g, W, H, x, y) {
  const start = performance.now(), k = 2;
  const step = (now) => {
    const f = Math.min(1, (now - start) / 600), e = f * f * (3 - 2 * f), s = 1 + (k - 1) * e;
    g.setAttribute('transform', `translate(${(W / 2 - x * s) * e + 0},${(H / 2 - y * s) * e}) scale(${s})`);
    if (f < 1) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}
