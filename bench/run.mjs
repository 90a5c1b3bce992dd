// TripMap against the d3 reference, side by side in one run: bytes, map paint, time until a
// click works, click to card (on the map as it first shows, and on the live map), intent to
// live map, fly-to frames, wasm time, and (with --lighthouse) Lighthouse's
// mobile scores. Writes the medians, ratios, machine and date into bench/RESULTS.md between
// the `bench:start` / `bench:end` markers. Run through scripts/bench, which builds both first.
//
//   node bench/run.mjs [--runs 7] [--lighthouse]
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpus, totalmem, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { launch, CHROMIUM } from '../tests/e2e/browser.mjs';
import { serveWith, brotli11 } from '../tests/e2e/server.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 7;
const LIGHTHOUSE = args.includes('--lighthouse');
const THROTTLE = 4;

/** How each page shows its map; queried inside the map's shadow root for TripMap. */
const TARGETS = {
  // `marker`: a stop a click opens (TripMap's static map's does, by HTML alone); `live`: the same
  // stop on the running map (TripMap's live map: the marker is a button of its own).
  // `first`: what a reader clicks on the map as it first shows (TripMap's static map's button).
  TripMap: { dir: root + 'dist', map: '[data-tripmap]', drawn: 'path.tripmap__country', marker: '[data-stop="bogota"]', first: '.tripmap__svg.is-wide [data-stop="bogota"] .tripmap__stop-open', live: '[data-stop="bogota"][role="button"]', card: '[data-card="bogota"]' },
  d3: { dir: root + 'bench/d3/dist', map: '[data-d3map]', drawn: 'svg path', marker: '[data-stop="bogota"]', first: '[data-stop="bogota"]', live: '[data-stop="bogota"]', card: '[data-card="bogota"]' },
};

/** Page-side probes, installed before any page script: a rAF loop that notes the first frame
 *  with the map drawn and the first with a marker, and a long-task observer. */
const PROBE = ({ map, drawn, marker, live }) => {
  const find = (sel) => {
    const host = document.querySelector(map);
    if (!host) return null;
    // The map's own elements, or inside its shadow roots (TripMap's static map's, then its live map's).
    for (const root of [host, ...[...host.querySelectorAll('tripmap-view')].map((v) => v.shadowRoot)]) {
      const el = root?.querySelector(sel);
      if (el) return el;
    }
    return null;
  };
  // Drawn means on screen with its styles: a static map's shadow root shows nothing until its
  // stylesheet has arrived (unstyled, a path would be filled black), nor before all of it has
  // been parsed (it is not drawn until then; checkVisibility also sees an ancestor's opacity 0).
  const shown = (el) => el && el.getBoundingClientRect().width > 0 && getComputedStyle(el).fill !== 'rgb(0, 0, 0)'
    && el.checkVisibility({ opacityProperty: true });
  // A card counts once it shows: the static map holds every card, hidden until opened.
  const visible = (el) => el && el.checkVisibility({ visibilityProperty: true });
  window.__bench = { find, visible, longTasks: [] };
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__bench.longTasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  const loop = (now) => {
    const b = window.__bench;
    // A frame's callbacks run before its paint: what is found here is on screen this frame.
    if (b.drawn === undefined && shown(find(drawn))) b.drawn = now;
    // A click works once the marker is laid out (a static map's button over it opens its card).
    if (b.ready === undefined && find(marker)?.getBoundingClientRect().width > 0) b.ready = now;
    if (b.live === undefined && find(live)) b.live = now;
    if (b.drawn === undefined || b.ready === undefined || b.live === undefined) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
};

/** Click to card: from a real (trusted) click's time stamp to the first frame that shows the
 *  card, and the frame intervals of the fly-to that follows. */
const CLICK_PROBE = ({ card }) => {
  const b = window.__bench;
  b.frames = [];
  document.addEventListener('click', (e) => {
    b.clickAt = e.timeStamp;
    const loop = (now) => {
      if (b.cardAt === undefined && b.visible(b.find(card))) {
        b.cardAt = now;
        // The frame that shows the card is rendered (style, layout, paint) after its callbacks:
        // a task posted now runs once it is done, so the card is on screen by then.
        const ch = new MessageChannel();
        ch.port1.onmessage = () => (b.cardPainted = performance.now());
        ch.port2.postMessage(0);
      }
      b.frames.push(now);
      if (now - b.clickAt < 1500) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  }, { capture: true, once: true });
};

/** A fresh page at the bench's size and CPU throttling, with the probes for map `t`. */
async function throttledPage(browser, t) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(PROBE, t);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  return { context, page };
}

/** A click on the map as it first shows, in a load of its own: TripMap's static map opens the
 *  card by HTML alone (and starts its live map); the d3 map is live from the start. */
async function measureFirst(browser, name, url) {
  const t = TARGETS[name];
  const { context, page } = await throttledPage(browser, t);
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.drawn !== undefined && window.__bench.ready !== undefined, null, { timeout: 60_000 });
  await page.waitForTimeout(300);
  await page.evaluate(CLICK_PROBE, t);
  const box = await page.evaluateHandle((sel) => window.__bench.find(sel), t.first);
  const bb = await box.boundingBox();
  await page.mouse.click(bb.x + bb.width / 2, bb.y + bb.height / 2);
  await page.waitForFunction(() => window.__bench.cardPainted !== undefined, null, { timeout: 30_000 });
  const r = await page.evaluate(() => ({ firstToCard: window.__bench.cardAt - window.__bench.clickAt, firstToCardPainted: window.__bench.cardPainted - window.__bench.clickAt }));
  await context.close();
  return r;
}

async function measure(browser, name, url) {
  const t = TARGETS[name];
  const { context, page } = await throttledPage(browser, t);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  // TripMap starts lazily within a screen of the viewport: the map is in the first screen here.
  await page.waitForFunction(() => window.__bench.drawn !== undefined && window.__bench.ready !== undefined, null, { timeout: 60_000 });
  // The reader shows intent (TripMap's static map starts its live map then; d3's is live): what
  // the page has fetched until now is what a reader who only looks costs.
  await page.waitForTimeout(300);
  const untouched = [...requests];
  const intentAt = await page.evaluate(() => performance.now());
  await page.locator(t.map).hover();
  await page.waitForFunction(() => window.__bench.live !== undefined, null, { timeout: 60_000 });
  const load = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
    // A frame's callbacks can run before the page's first paint (Chromium holds the first paint
    // until enough is parsed): a map drawn before it is on screen at the first paint.
    const drawn = Math.max(window.__bench.drawn, fcp);
    return { fcp, drawn, ready: Math.max(window.__bench.ready, fcp), live: Math.max(window.__bench.live, fcp), wasmEnd: wasm?.responseEnd };
  });
  load.intentToLive = Math.max(0, load.live - intentAt);
  await page.locator(t.map).scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  // Click to card: a real (trusted) click; from the event's time stamp to the first frame that
  // shows the card, and the frame intervals of the fly-to that follows.
  await page.evaluate(CLICK_PROBE, t);
  // On the running map (TripMap's live one: the static map has made way by now).
  const box = await page.locator(t.live).boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => window.__bench.frames.length && window.__bench.frames.at(-1) - window.__bench.clickAt >= 1500, null, { timeout: 30_000 });
  const click = await page.evaluate(() => {
    const b = window.__bench;
    const gaps = b.frames.slice(1).map((f, i) => f - b.frames[i]).filter((_, i) => b.frames[i + 1] - b.clickAt < 1000);
    const long = b.longTasks.filter(([s]) => s >= b.clickAt).map(([, d]) => d);
    return { toCard: b.cardAt - b.clickAt, toCardPainted: b.cardPainted - b.clickAt, worstFrame: Math.max(...gaps), slowFrames: gaps.filter((g) => g > 17.5).length, longestTask: Math.max(0, ...long) };
  });
  await context.close();
  return { ...load, ...click, requests, untouched };
}

/** Everything the page loads but its HTML, each file brotli-11 compressed, as a CDN sends it;
 *  and the page's HTML apart (TripMap's holds its static map). */
function bytes(dir, requests) {
  let total = 0;
  let html = 0;
  const files = [];
  for (const path of new Set(requests.map((u) => new URL(u).pathname))) {
    const body = readFileSync(dir + (path === '/' ? '/index.html' : path));
    const br = brotli11(body).length;
    if (path === '/' || path.endsWith('.html')) {
      html += br;
      continue;
    }
    files.push([path.slice(1), br]);
    total += br;
  }
  return { total, html, files };
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

/** Lighthouse in a child process (asynchronously: the servers answering it run in this one). */
async function lighthouse(url) {
  const bin = root + 'bench/node_modules/.bin/lighthouse';
  const profile = mkdtempSync(tmpdir() + '/lh-');
  const flags = `--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=${profile}`;
  const { stdout: out } = await promisify(execFile)(bin, [url, '--output=json', '--quiet', '--only-categories=performance,accessibility,best-practices,seo', `--chrome-flags=${flags}`], {
    env: { ...process.env, CHROME_PATH: CHROMIUM },
    maxBuffer: 64 * 1024 * 1024,
  });
  const r = JSON.parse(out);
  const score = (c) => Math.round(r.categories[c].score * 100);
  const ms = (a) => Math.round(r.audits[a].numericValue);
  return { perf: score('performance'), a11y: score('accessibility'), bp: score('best-practices'), seo: score('seo'), fcp: ms('first-contentful-paint'), lcp: ms('largest-contentful-paint'), tbt: ms('total-blocking-time'), cls: r.audits['cumulative-layout-shift'].numericValue };
}

/** First contentful paint of a page without a map (one line of text; the demo article with its
 *  map box empty): the floors under both maps. */
async function floor(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
  await context.close();
  return fcp;
}

const servers = {
  TripMap: await serveWith({ brotli: true }, TARGETS.TripMap.dir),
  d3: await serveWith({ brotli: true }, TARGETS.d3.dir),
  blank: await serveWith({ brotli: true }, root + 'bench/blank'),
  article: await serveWith({ brotli: true }, root + 'bench/article/dist'),
};
const browser = await launch();
const runs = { TripMap: [], d3: [] };
const floors = { blank: [], article: [] };
for (let i = 0; i < RUNS; i++) {
  // Alternating, so that a slow spell on the machine falls on both.
  for (const name of i % 2 ? ['d3', 'TripMap'] : ['TripMap', 'd3']) {
    runs[name].push({ ...(await measure(browser, name, servers[name].url + '/')), ...(await measureFirst(browser, name, servers[name].url + '/')) });
    process.stdout.write('.');
  }
  for (const f of ['blank', 'article']) floors[f].push(await floor(browser, servers[f].url + '/'));
}
const version = browser.version();
await browser.close();
const lh = {};
if (LIGHTHOUSE) for (const name of ['TripMap', 'd3']) lh[name] = await lighthouse(servers[name].url + '/');
for (const s of Object.values(servers)) await s.close();
console.log();

const size = {};
const before = {};
for (const name of ['TripMap', 'd3']) {
  size[name] = bytes(TARGETS[name].dir + '/', runs[name][0].requests);
  before[name] = bytes(TARGETS[name].dir + '/', runs[name][0].untouched);
}
const m = (name, key) => median(runs[name].map((r) => r[key]));
/** The map's own files, brotli 11 (TripMap: the live map's wasm, its glue and its stylesheet, the
 *  performance issue's 160,000 B; d3: its bundle and stylesheet). */
const OWN = { TripMap: ['tripmap-core_bg.wasm', 'tripmap-core.js', 'tripmap-map.css'], d3: ['map.js', 'd3map.css'] };
const own = (name) => size[name].files.filter(([f]) => OWN[name].includes(f)).reduce((sum, [, b]) => sum + b, 0);
const rows = [
  ['Bytes before the reader does anything, brotli 11 (with the page HTML)', before.TripMap.total + before.TripMap.html, before.d3.total + before.d3.html, 'B'],
  ['The live map\'s own bytes, brotli 11 (TripMap: wasm, glue, map stylesheet; d3: its bundle and stylesheet)', own('TripMap'), own('d3'), 'B'],
  ['Bytes, brotli 11 (all but the page HTML)', size.TripMap.total, size.d3.total, 'B'],
  ['Page HTML, brotli 11 (TripMap\'s holds its static map)', size.TripMap.html, size.d3.html, 'B'],
  ['Page first contentful paint', m('TripMap', 'fcp'), m('d3', 'fcp'), 'ms'],
  ['Map on screen (first paint showing the whole styled map)', m('TripMap', 'drawn'), m('d3', 'drawn'), 'ms'],
  ['Click works (a click on a stop shows its card: TripMap\'s static map does)', m('TripMap', 'ready'), m('d3', 'ready'), 'ms'],
  ['Reader\'s intent (pointer over the map) → live map running', m('TripMap', 'intentToLive'), m('d3', 'intentToLive'), 'ms'],
  ['Click → first frame with the card (static map, as the page shows it; d3: its map then)', m('TripMap', 'firstToCard'), m('d3', 'firstToCard'), 'ms'],
  ['Click → that frame rendered (static map)', m('TripMap', 'firstToCardPainted'), m('d3', 'firstToCardPainted'), 'ms'],
  ['Click → first frame with the card (live map)', m('TripMap', 'toCard'), m('d3', 'toCard'), 'ms'],
  ['Click → that frame rendered (live map)', m('TripMap', 'toCardPainted'), m('d3', 'toCardPainted'), 'ms'],
  ['Fly-to: worst frame interval', m('TripMap', 'worstFrame'), m('d3', 'worstFrame'), 'ms'],
  ['Fly-to: frames over 17.5 ms', m('TripMap', 'slowFrames'), m('d3', 'slowFrames'), ''],
  ['Longest task after the click', m('TripMap', 'longestTask'), m('d3', 'longestTask'), 'ms'],
];
const fmt = (v, unit) => (Number.isFinite(v) ? `${Math.round(v).toLocaleString('en')}${unit ? ' ' + unit : ''}` : '–');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const cpu = cpus();
let md = `Measured ${new Date().toISOString().slice(0, 10)} by \`scripts/bench\` (${RUNS} runs of each, alternating; medians). `
  + `Machine: ${cpu.length} × ${cpu[0].model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GB; Chromium ${version}, headless, `
  + `CPU throttled ${THROTTLE}×, page 1280 × 900, served from 127.0.0.1 with brotli 11. Times are from navigation start.\n\n`
  + `| measure | TripMap | d3 reference | TripMap / d3 |\n|---|---:|---:|---:|\n`
  + rows.map(([label, a, b, unit]) => `| ${label} | ${fmt(a, unit)} | ${fmt(b, unit)} | ${ratio(a, b)} |`).join('\n') + '\n';
const wasmTail = median(runs.TripMap.map((r) => r.live - r.wasmEnd));
md += `\nThe floors, served and throttled the same way (medians): a page with one line of text paints first at ${fmt(median(floors.blank), 'ms')}; `
  + `the demo article with its map box empty and no script at ${fmt(median(floors.article), 'ms')}, the earliest any map in it can be on screen.\n`;
md += `\nTripMap, wasm received → live map ready (instantiate, parse, layout, render): ${fmt(wasmTail, 'ms')}.\n`;
// A map without a static map (or over one drawn from other text) runs the standalone module.
const standalone = bytes(TARGETS.TripMap.dir, ['tripmap-standalone_bg.wasm', 'tripmap-standalone.js', 'tripmap-map.css'].map((f) => `http://x/${f}`));
md += `\nA map without a static map runs the standalone map module instead: its own bytes (wasm, glue, map stylesheet) ${fmt(standalone.total, 'B')} (${standalone.files.map(([f, b]) => `${f} ${b.toLocaleString('en')}`).join(', ')}).\n`;
md += `\nBytes by file: TripMap ${size.TripMap.files.map(([f, b]) => `${f} ${b.toLocaleString('en')}`).join(', ')}; d3 ${size.d3.files.map(([f, b]) => `${f} ${b.toLocaleString('en')}`).join(', ')}.\n`;
if (LIGHTHOUSE) {
  md += `\nLighthouse ${JSON.parse(readFileSync(root + 'bench/node_modules/lighthouse/package.json', 'utf8')).version}, mobile preset (simulated slow 4G, 4× CPU), one run each:\n\n`
    + `| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n`
    + Object.entries(lh).map(([n, r]) => `| ${n} | ${r.perf} | ${r.a11y} | ${r.bp} | ${r.seo} | ${r.fcp} ms | ${r.lcp} ms | ${r.tbt} ms | ${r.cls.toFixed(3)} |`).join('\n') + '\n';
}
console.log(md);
const file = root + 'bench/RESULTS.md';
const results = readFileSync(file, 'utf8');
const block = `<!-- bench:start (written by scripts/bench) -->\n${md}<!-- bench:end -->`;
writeFileSync(file, results.includes('<!-- bench:start') ? results.replace(/<!-- bench:start[\s\S]*?<!-- bench:end -->/, block) : results + `\n## TripMap and the d3 reference, side by side\n\n${block}\n`);
