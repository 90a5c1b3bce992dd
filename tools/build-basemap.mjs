// Builds data/countries.topo.json from Natural Earth 1:50m via the npm package world-atlas@2.0.2.
//
//   npm ci && node tools/build-basemap.mjs
//
// Steps: `npm pack` the exact package version, read countries-50m.json, give every country its
// ISO 3166-1 alpha-3 code (world-atlas keys them by the numeric code), simplify on the sphere
// for the largest size we draw, drop specks, and write a compact TopoJSON. The output is
// committed, so neither the build nor CI needs this script; rerun it only to change the data.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import { feature, quantize } from 'topojson-client';
import { presimplify, simplify, filter, filterWeight, sphericalRingArea, sphericalTriangleArea } from 'topojson-simplify';

const PACKAGE = 'world-atlas@2.0.2';
// Smallest triangle area kept, in steradians: below about a pixel at the widest map we draw
// (a 1600 px map spanning about 60 degrees).
const MIN_WEIGHT = 5e-7;
// Grid of the quantized coordinates: 1e4 steps across the world's width is 0.036 degrees,
// about a pixel at that widest map.
const QUANTIZATION = 1e4;
// Islands smaller than this (steradians, about 40 km²) are dropped.
const MIN_RING_AREA = 1e-6;
// Countries whose largest ring is below this (steradians, about 400 km²) are kept unsimplified.
const SMALL_COUNTRY_AREA = 1e-5;
// Natural Earth areas without an ISO 3166-1 code get codes from the user-assigned X range.
const USER_ASSIGNED = {
  Kosovo: 'XKX',
  Somaliland: 'XSL',
  'N. Cyprus': 'XNC',
  'Indian Ocean Ter.': 'XIO',
  'Siachen Glacier': 'XSG',
};

const dir = mkdtempSync(join(tmpdir(), 'world-atlas-'));
execFileSync('npm', ['pack', PACKAGE, '--pack-destination', dir, '--silent'], { stdio: 'inherit' });
execFileSync('tar', ['xzf', join(dir, 'world-atlas-2.0.2.tgz'), '-C', dir]);
const topology = JSON.parse(readFileSync(join(dir, 'package', 'countries-50m.json'), 'utf8'));
delete topology.objects.land;

for (const g of topology.objects.countries.geometries) {
  const name = g.properties.name;
  const code = g.id === undefined ? USER_ASSIGNED[name] : countries.numericToAlpha3(g.id);
  if (!code) throw new Error(`no alpha-3 code for ${name} (${g.id})`);
  g.id = code;
  g.properties = { name };
}

// Drop specks, but never a whole country: each keeps at least its largest ring, so that a
// story with a stop in Monaco or the Maldives still finds and highlights it. Small countries'
// largest rings keep every point, or simplification would collapse them to a line.
const areaOf = (t, ring) => sphericalRingArea(feature(t, { type: 'Polygon', arcs: [ring] }).geometry.coordinates[0], false);
const largest = new Set();
for (const g of topology.objects.countries.geometries) {
  const polygons = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
  const exteriors = polygons.map((p) => p[0]).filter(Boolean);
  if (exteriors.length) largest.add(exteriors.reduce((a, b) => (areaOf(topology, b) > areaOf(topology, a) ? b : a)));
}
// Some territories share their country's numeric code (Ashmore and Cartier Is. is 036, as is
// Australia): merge them into one MultiPolygon under the larger one's name.
const byId = new Map();
for (const g of topology.objects.countries.geometries) {
  const polygons = g.type === 'Polygon' ? [g.arcs] : g.arcs;
  const seen = byId.get(g.id);
  if (!seen) {
    byId.set(g.id, { type: 'MultiPolygon', arcs: polygons, id: g.id, properties: g.properties });
  } else {
    if (polygons.length > seen.arcs.length) seen.properties = g.properties;
    seen.arcs = seen.arcs.concat(polygons);
  }
}
topology.objects.countries.geometries = [...byId.values()].map((g) =>
  g.arcs.length === 1 ? { ...g, type: 'Polygon', arcs: g.arcs[0] } : g,
);

let out = presimplify(topology, sphericalTriangleArea);
for (const ring of largest) {
  if (areaOf(out, ring) < SMALL_COUNTRY_AREA) {
    for (const i of ring) for (const point of out.arcs[i < 0 ? ~i : i]) point[2] = Infinity;
  }
}
out = simplify(out, MIN_WEIGHT);
const bigEnough = filterWeight(out, MIN_RING_AREA, sphericalRingArea);
out = filter(out, (ring, interior) => largest.has(ring) || bigEnough(ring, interior));
out = quantize(out, QUANTIZATION);
out.source = `Natural Earth 1:50m admin-0 countries (public domain) via npm ${PACKAGE} (ISC)`;

const path = new URL('../data/countries.topo.json', import.meta.url);
writeFileSync(path, JSON.stringify(out));
const n = out.objects.countries.geometries.length;
const points = out.arcs.reduce((s, a) => s + a.length, 0);
console.log(`wrote data/countries.topo.json: ${n} countries, ${out.arcs.length} arcs, ${points} points, ${readFileSync(path).length} bytes`);
