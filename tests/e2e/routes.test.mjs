// Routes as they were travelled: legs in their modes' styles along their tracks (a GPX file
// read in by the importer), the key, the card's "By road, 34 km from …", several routes with
// their colours, and the error panel for a track that is missing or broken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, open, newContext, axe, artifacts, root, LIVE_STOP } from './browser.mjs';

const env = setup();
const story = JSON.parse(readFileSync(root + 'www/stories/kilimanjaro.json', 'utf8'));

/** Each drawn leg of a map's (wide) drawing: key, mode, distance, number of points drawn. */
const LEGS = (svg) =>
  [...svg.querySelectorAll('.tripmap__leg-line')].map((p) => ({
    leg: p.dataset.leg,
    mode: p.dataset.mode,
    km: Number(p.dataset.distanceKm),
    // path.rs writes one comma-joined coordinate pair per point.
    points: (p.getAttribute('d').match(/,/g) ?? []).length,
  }));

test('a trip by road and on foot: the walk along its GPX track, each mode its own line, a key, "On foot, 46 km" on the card, static and live alike', async () => {
  // Without JavaScript: the static map the build drew, with the track file read at build time.
  const context = await newContext(env.browser, { javaScriptEnabled: false });
  const still = await context.newPage();
  await still.goto(env.server.url + '/road-trip.html');
  const host = still.locator('#kilimanjaro > tripmap-view[data-tripmap-static]');
  const drawn = await host.evaluate((el, f) => new Function(`return (${f})`)()(el.shadowRoot.querySelector('.tripmap__svg.is-wide')), LEGS.toString());
  assert.deepEqual(drawn.map(({ leg, mode }) => [leg, mode]), [['jro-machame-gate', 'road'], ['machame-gate-mweka-gate', 'walk'], ['mweka-gate-moshi', 'road']]);
  assert.equal(drawn[1].points, 9, "the walk follows the track's nine points");
  assert.ok(drawn[0].points > 9, 'a leg without a track is the densified geodesic');
  // 46 km along the track's camps; the road legs (no track) are geodesics.
  assert.equal(drawn[1].km, 46);
  assert.deepEqual(await host.locator('.tripmap__legend-item').allTextContents(), ['Road', 'On foot']);
  // The lines differ without colour: weight and dashes.
  const styles = await host.evaluate((el) => [...el.shadowRoot.querySelectorAll('.tripmap__svg.is-wide .tripmap__leg-line')].map((p) => {
    const s = getComputedStyle(p);
    return [s.strokeWidth, s.strokeDasharray];
  }));
  assert.notDeepEqual(styles[0], styles[1]);
  assert.equal(styles[1][1] === 'none', false, 'the walk is dotted');
  // The static card (a popover) says how the traveller got there.
  await host.locator('.tripmap__svg.is-wide [data-stop="mweka-gate"] .tripmap__stop-open').click();
  assert.match(await host.locator('[data-card="mweka-gate"] .tripmap__arrival').textContent(), /On foot, 46 km from Machame Gate/);
  await still.screenshot({ path: `${artifacts}/road-trip-static.png` });
  await context.close();

  // Live: the loader fetches the track file beside the story and the importer reads it in;
  // the live map draws what the static map drew.
  const { page, problems, requests, close } = await open(env.browser, env.server.url + '/road-trip.html');
  const live = await page.locator('#kilimanjaro .tripmap__svg').evaluate((svg, f) => new Function(`return (${f})`)()(svg), LEGS.toString());
  assert.deepEqual(live.map(({ leg, mode, km }) => [leg, mode, km]), drawn.map(({ leg, mode, km }) => [leg, mode, km]));
  assert.ok(requests.some((u) => u.endsWith('/stories/tracks/kilimanjaro-machame.gpx')), 'the track file is fetched');
  assert.ok(requests.some((u) => /tripmap-import_bg\.wasm$/.test(u)), 'by the importer module');
  assert.ok(requests.every((u) => u.startsWith(env.server.url)), 'from the page\'s own site only');
  await page.locator('#kilimanjaro [data-stop="moshi"]').click();
  const card = page.locator('#kilimanjaro [data-card="moshi"]');
  await card.waitFor();
  assert.match(await card.locator('.tripmap__arrival').textContent(), /By road, 13 km from Mweka Gate/);
  assert.equal(await page.locator('#kilimanjaro .tripmap__leg.is-selected .tripmap__leg-line').getAttribute('data-mode'), 'road');
  // A stop the track passes without a leg of its own: a card with no arrival line.
  // (From the stop list: the map has flown to Moshi, so the summit is out of view.)
  await page.locator('#kilimanjaro .tripmap__stop-list button', { hasText: 'Uhuru Peak' }).click();
  await page.locator('#kilimanjaro [data-card="uhuru-peak"]').waitFor();
  assert.equal(await page.locator('#kilimanjaro [data-card="uhuru-peak"] .tripmap__arrival').count(), 0);
  assert.deepEqual(await page.locator('#kilimanjaro .tripmap__legend-item').allTextContents(), ['Road', 'On foot']);
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: `${artifacts}/road-trip-live.png` });
  assert.deepEqual(problems, []);
  await close();
});

test('several routes keep their colours and the key names them; a GeoJSON track file is measured along', async () => {
  const { page, close } = await open(env.browser, env.server.url + '/routes-cases.html', { waitFor: null });
  await page.evaluate(() => window.TripMap.mountAll());
  const map = page.locator('#two-routes');
  await map.locator(LIVE_STOP).first().waitFor();
  const legs = await map.locator('.tripmap__svg').evaluate((svg, f) => new Function(`return (${f})`)()(svg), LEGS.toString());
  assert.deepEqual(legs.map(({ leg, mode }) => [leg, mode]), [['dover-calais', 'ferry'], ['calais-paris', 'rail'], ['paris-london', 'flight']]);
  // Along the track file's four points, longer than the straight crossing (43 km).
  assert.ok(legs[0].km > 43 && legs[0].km < 50, `${legs[0].km}`);
  const strokes = await map.locator('.tripmap__leg-line').evaluateAll((ps) => ps.map((p) => getComputedStyle(p).stroke));
  assert.equal(strokes[0], strokes[1], 'the way out: one colour');
  assert.equal(strokes[2], 'rgb(0, 121, 107)', "the way back: the story's colour");
  assert.deepEqual(await map.locator('.tripmap__legend-item').allTextContents(), ['Flight', 'Rail', 'Ferry', 'The way out', 'The way back']);
  const dashes = await map.locator('.tripmap__leg-line').evaluateAll((ps) => ps.map((p) => getComputedStyle(p).strokeDasharray));
  assert.equal(new Set(dashes).size, 3, `each mode its own dashes: ${dashes}`);
  await map.screenshot({ path: `${artifacts}/routes-two.png` });

  // The card's words in the page's language.
  for (const [id, words] of [['es', /^Por carretera, \d+ km desde Bogotá$/], ['ar', /بالقطار/]]) {
    const m = page.locator(`#${id}`);
    await m.locator('[data-stop="b"]').click();
    await m.locator('[data-card="b"]').waitFor();
    assert.match(await m.locator('[data-card="b"] .tripmap__arrival').textContent(), words);
  }
  await close();
});

test('a track file that is missing or does not parse: the panel names the leg and the file, nothing half-drawn', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/routes-cases.html', { waitFor: null });
  await page.evaluate(() => window.TripMap.mountAll());
  for (const [id, text] of [
    ['missing', 'legs[0].path: could not be loaded (tracks/missing.gpx: HTTP 404)'],
    ['broken', 'legs[0].path: tracks/broken.gpx does not read as a track ('],
  ]) {
    const panel = page.locator(`#${id} .tripmap--error`);
    await panel.waitFor();
    assert.ok((await panel.locator('li').first().textContent()).startsWith(text), await panel.textContent());
    assert.equal(await page.locator(`#${id} .tripmap__svg`).count(), 0, 'no map drawn');
  }
  assert.ok(problems.some((p) => p.includes('tracks/missing.gpx')), 'and said in the console');
  await close();
});
