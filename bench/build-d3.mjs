// Builds the d3 reference into bench/d3/dist/: world-atlas 50m cut to the trip's region (arcs
// pruned), map.js bundled and minified with esbuild, and the demo article with the d3 map in
// place of TripMap's (same page, same story), so the two are compared on equal terms.
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { feature } from 'topojson-client';
import { geoBounds } from 'd3-geo';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = root + 'bench/d3/dist/';
mkdirSync(out, { recursive: true });
const story = JSON.parse(readFileSync(root + 'data/story.json', 'utf8'));
const world = JSON.parse(readFileSync(root + 'bench/node_modules/world-atlas/countries-50m.json', 'utf8'));

// The trip's box with 25° around it: what a fitted map of the trip can show.
const lons = story.stops.map((s) => s.lon), lats = story.stops.map((s) => s.lat);
const box = [Math.min(...lons) - 25, Math.min(...lats) - 25, Math.max(...lons) + 25, Math.max(...lats) + 25];
const countries = world.objects.countries;
const kept = countries.geometries.filter((g) => {
  const [[x0, y0], [x1, y1]] = geoBounds(feature(world, g));
  return x0 <= box[2] && x1 >= box[0] && y0 <= box[3] && y1 >= box[1];
});
// Keep only the arcs the kept countries use, renumbered.
const used = new Map();
const remap = (arcs) => arcs.map((a) => (Array.isArray(a) ? remap(a) : (() => {
  const i = a < 0 ? ~a : a;
  if (!used.has(i)) used.set(i, used.size);
  return a < 0 ? ~used.get(i) : used.get(i);
})()));
const geometries = kept.map((g) => ({ ...g, arcs: remap(g.arcs) }));
const arcs = [...used.keys()].map((i) => world.arcs[i]);
writeFileSync(out + 'region.json', JSON.stringify({ ...world, objects: { countries: { ...countries, geometries } }, arcs }));

await build({ entryPoints: [root + 'bench/d3/map.js'], bundle: true, minify: true, format: 'esm', outfile: out + 'map.js', logLevel: 'warning' });

/** The demo page with its map figure (and the static map in it, whose cards hold figures of
 *  their own) replaced by `figure`. */
const withFigure = (figure) => {
  const html = readFileSync(root + 'dist/index.html', 'utf8');
  const start = html.indexOf('<figure data-tripmap>');
  const inner = html.indexOf('</tripmap-view>', start);
  const end = html.indexOf('</figure>', inner < 0 ? start : inner) + '</figure>'.length;
  if (start < 0 || end < start) throw new Error('dist/index.html has no map figure: update bench/build-d3.mjs');
  return html.slice(0, start) + figure + html.slice(end);
};
const page = withFigure(`<figure data-d3map><script type="application/json">${JSON.stringify(story).replace(/</g, '\\u003c')}</script></figure>`)
  .replace('<script type="module" src="tripmap.js"></script>', '<script type="module" src="map.js"></script>')
  .replace('<link rel="stylesheet" href="tripmap.css">', '<link rel="stylesheet" href="d3map.css">');
if (!page.includes('data-d3map') || !page.includes('src="map.js"')) throw new Error('dist/index.html changed shape: update bench/build-d3.mjs');
writeFileSync(out + 'index.html', page);
for (const f of ['demo.css', 'favicon.svg']) copyFileSync(root + 'dist/' + f, out + f);
copyFileSync(root + 'bench/d3/d3map.css', out + 'd3map.css');

// The same article with its map box empty and no script: when this page paints first is the
// earliest any map inside it can be on screen.
const article = root + 'bench/article/dist/';
mkdirSync(article, { recursive: true });
const bare = withFigure('<figure data-tripmap></figure>')
  .replace('<script type="module" src="tripmap.js"></script>', '');
if (bare.includes('tripmap.js') || bare.includes('tripmap-view')) throw new Error('dist/index.html changed shape: update bench/build-d3.mjs');
writeFileSync(article + 'index.html', bare);
for (const f of ['demo.css', 'tripmap.css', 'favicon.svg']) copyFileSync(root + 'dist/' + f, article + f);
console.log(`d3 reference: ${kept.length} of ${countries.geometries.length} countries, ${arcs.length} arcs → bench/d3/dist/`);
