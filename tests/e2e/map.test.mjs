// End-to-end tests on the built dist/ (trunk build --release), in Debian's Chromium.
// Run by scripts/test after the build; `node --test tests/e2e/` runs them alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = root + 'dist';
const artifacts = root + 'tests/e2e/artifacts';
const story = JSON.parse(readFileSync(root + 'data/story.json', 'utf8'));
const axeSource = readFileSync(root + 'node_modules/axe-core/axe.min.js', 'utf8');

let server, browser;

before(async () => {
  assert.ok(existsSync(`${dist}/tripmap.js`), 'dist/tripmap.js missing: run `trunk build --release` first');
  mkdirSync(artifacts, { recursive: true });
  server = await serve(dist);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and records console errors, page errors and every request's URL. */
async function open(path = '/', { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height });
  const problems = [];
  const requests = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(server.url + path);
  await page.waitForSelector('.tripmap [data-stop]', { timeout: 20_000 });
  return { page, problems, requests };
}

async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

function dates(stop) {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [y, m, d] = stop.date.split('-').map(Number);
  if (!stop.end_date) return `${d} ${months[m - 1]} ${y}`;
  const [, , d2] = stop.end_date.split('-').map(Number);
  return `${d}–${d2} ${months[m - 1]} ${y}`;
}

test('the default story loads with no console error and no request off its origin', async () => {
  const { page, problems, requests } = await open();
  assert.equal(await page.locator('.tripmap').count(), 1);
  assert.equal(await page.locator('[data-stop]').count(), story.stops.length);
  assert.equal(await page.locator('[data-leg]').count(), story.legs.length);
  assert.ok((await page.locator('[data-country]').count()) > 20, 'countries drawn');
  assert.equal(await page.locator('h2.tripmap__title').textContent(), story.title);
  const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests to other hosts');
  for (const file of ['/tripmap.js', '/tripmap.css', '/tripmap-core.js', '/tripmap-core_bg.wasm']) {
    assert.ok(requests.includes(server.url + file), `${file} loaded by its stable name`);
  }
  assert.deepEqual(problems, []);
  await page.screenshot({ path: `${artifacts}/default-1280.png`, fullPage: true });
  await page.close();
});

test('clicking each stop opens its card with the facts from the story', async () => {
  const { page, problems } = await open();
  for (const [i, stop] of story.stops.entries()) {
    await page.click(`[data-stop="${stop.id}"]`);
    const card = page.locator(`[data-card="${stop.id}"]`);
    await card.waitFor();
    const text = await card.textContent();
    const expected = [
      `Stop ${i + 1} of ${story.stops.length}`,
      stop.name,
      dates(stop),
      ...(stop.meetings ?? []).flatMap((m) => m.with.flatMap((p) => [p.name, p.role])),
      ...(stop.topics ?? []),
      ...(stop.figures ?? []).flatMap((f) => [f.value, f.label]),
      ...(stop.quote ? [stop.quote.text, stop.quote.by] : []),
      ...stop.sources.map((id) => story.sources.find((s) => s.id === id).name),
    ];
    for (const e of expected) assert.ok(text.includes(e), `${stop.id} card lacks "${e}"`);
    assert.equal(await page.locator('[data-card]').count(), 1);
    assert.equal(await page.locator(`[data-stop="${stop.id}"]`).getAttribute('aria-pressed'), 'true');
    const leg = story.legs.find((l) => l.to === stop.id);
    if (leg) {
      assert.equal(await page.locator(`.tripmap__leg.is-selected [data-leg="${leg.from}-${leg.to}"]`).count(), 1, 'leg highlighted');
    }
    await page.screenshot({ path: `${artifacts}/card-${stop.id}-1280.png` });
  }
  // The figures the issue names are on the cards.
  await page.click('[data-stop="santiago"]');
  assert.match(await page.locator('[data-card="santiago"]').textContent(), /\$38bn.*\$57\.7bn/s);
  await page.click('[data-stop="lima"]');
  assert.match(await page.locator('[data-card="lima"]').textContent(), /\$240m.*1\.2m\+/s);
  await page.click('[data-card] .tripmap__close');
  assert.equal(await page.locator('[data-card]').count(), 0, 'the close button closes the card');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a keyboard alone reaches every stop in trip order and opens its card', async () => {
  const { page, problems } = await open();
  const order = [];
  for (let i = 0; i < 40 && order.length < story.stops.length; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-stop'));
    if (id) order.push(id);
  }
  assert.deepEqual(order, story.stops.map((s) => s.id), 'Tab order is trip order');
  await page.keyboard.press('Enter');
  await page.locator(`[data-card="${order.at(-1)}"]`).waitFor();
  // A visible focus ring on the focused marker.
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement.querySelector('.tripmap__hit')).strokeWidth);
  assert.equal(ring, '3px');
  await page.keyboard.press(' ');
  assert.equal(await page.locator('[data-card]').count(), 0, 'Space on the same marker closes it again');
  assert.deepEqual(problems, []);
  await page.close();
});

test('axe-core finds no accessibility violation, with the card closed and open', async () => {
  const { page } = await open();
  assert.deepEqual(await axe(page), [], 'card closed');
  await page.click('[data-stop="bogota"]');
  await page.locator('[data-card="bogota"]').waitFor();
  assert.deepEqual(await axe(page), [], 'card open');
  await page.close();
});

test('on a phone the card opens under the map and everything fits the width', async () => {
  const { page, problems } = await open('/', { width: 375, height: 740 });
  await page.click('[data-stop="bogota"]');
  const card = page.locator('[data-card="bogota"]');
  await card.waitFor();
  const [mapBox, cardBox] = [await page.locator('.tripmap svg').boundingBox(), await card.boundingBox()];
  assert.ok(cardBox.y >= mapBox.y + mapBox.height, 'card below the map');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling');
  const hit = await page.locator('[data-stop="bogota"] .tripmap__hit').boundingBox();
  assert.ok(hit.width >= 24, `marker target ${hit.width}px`);
  await page.screenshot({ path: `${artifacts}/card-bogota-375.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});
