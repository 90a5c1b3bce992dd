// A page that swaps a StoryMapJS iframe for [data-tripmap] and keeps its story file as it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, open, root, artifacts, axe } from './browser.mjs';

const env = setup();
const html = readFileSync(root + 'tests/e2e/fixtures/storymap-hostile.html', 'utf8');
const storymap = JSON.parse(html.match(/<script type="application\/json">([\s\S]*?)<\/script>/)[1]).storymap;

test('a StoryMapJS story embedded directly: every located slide is a stop, its text kept, nothing run or loaded', async () => {
  const { page, problems, requests, close } = await open(env.browser, env.server.url + '/storymap-hostile.html');
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const info = [];
  page.on('console', (m) => m.type() === 'info' && info.push(m.text()));
  await page.reload(); // to hear the console from the start
  await page.locator('.tripmap [data-stop]').first().waitFor();

  const located = storymap.slides.filter((s) => s.location);
  const stops = page.locator('.tripmap [data-stop]');
  assert.equal(await stops.count(), located.length);
  assert.deepEqual(
    await page.locator('.tripmap__stop-name').allTextContents(),
    located.map((s) => s.location.name),
  );
  assert.equal(await page.locator('.tripmap__title').textContent(), 'Three capitals');

  // Bogotá's card: headline, place, date, paragraphs with emphasis and the https link only.
  await page.click('[data-stop="bogota"]');
  const card = page.locator('[data-card="bogota"]');
  await card.waitFor();
  assert.equal(await card.locator('.tripmap__card-title').textContent(), 'Colombia');
  assert.match(await card.locator('.tripmap__kicker').textContent(), /Bogotá/);
  assert.equal(await card.locator('time').getAttribute('datetime'), '2022-10-03');
  assert.deepEqual(await card.locator('.tripmap__text p').allTextContents(), [
    'Talks with Gustavo Petro on drug policy.',
    'See the notes and this.\nLine two',
  ]);
  assert.equal(await card.locator('.tripmap__text strong').textContent(), 'Gustavo Petro');
  assert.equal(await card.locator('.tripmap__text em').textContent(), 'drug policy');
  const links = await card.locator('.tripmap__text a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.rel]));
  assert.deepEqual(links, [['the notes', 'https://www.state.gov/', 'noopener noreferrer']]);

  // Media from another site is a link with caption and credit; nothing is fetched from it.
  const media = card.locator('.tripmap__media');
  assert.equal(await media.locator('img').count(), 0);
  assert.equal(await media.locator('a').getAttribute('href'), 'https://images.example.org/bogota.jpg');
  assert.equal(await media.locator('a').textContent(), 'See the photo on images.example.org');
  assert.equal(await media.locator('figcaption').textContent(), 'Bogotá skyline — Example Photo Agency');
  await page.click('[data-stop="santiago"]');
  await page.locator('[data-card="santiago"] .tripmap__media a').waitFor();
  assert.equal(await page.locator('[data-card="santiago"] time').getAttribute('datetime'), '2022-10-05', '"October 5, 2022" read as a date');
  assert.equal(await page.locator('[data-card="santiago"] .tripmap__media a').textContent(), 'Watch the video on youtube.com');
  await page.click('[data-stop="bogota"]');
  await card.waitFor();

  // Hover and click everything a reader could touch; no payload runs.
  for (const el of await page.locator('.tripmap__card:not([hidden]) *').all()) await el.hover({ force: true, timeout: 200 }).catch(() => {});
  await page.locator('.tripmap__text p').first().click();
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no payload ran');
  assert.deepEqual(dialogs, []);
  const foreign = await page.locator('.tripmap').evaluate((r) =>
    [...r.querySelectorAll('img, script, iframe, style:not(:empty), b, [onclick], [onmouseover], [onerror], a[href^="javascript"]')].map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(foreign, []);
  assert.ok(requests.every((u) => u.startsWith(env.server.url)), `no request off the origin: ${requests.filter((u) => !u.startsWith(env.server.url))}`);

  // The import report is in the console for the page's developer.
  assert.ok(info.some((t) => t.includes('Imported from StoryMapJS: 3 stops, 1 text-only step.') && t.includes('<script> (with its content)') && t.includes('map_type')), info.join('\n'));
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: `${artifacts}/storymap-card.png` });
  assert.deepEqual(problems, []);
  await close();
});

test('with data-remote-images a photo loads, lazily, with its caption as alt text', async () => {
  const { page, problems, requests, close } = await open(env.browser, env.server.url + '/storymap-hostile.html');
  // The same story with the photo on the page's own host (the demo CSP allows only 'self').
  await page.evaluate(() => {
    const json = JSON.parse(document.querySelector('#storymap script').textContent);
    json.storymap.slides[1].media.url = location.origin + '/favicon.svg';
    const el = document.createElement('figure');
    el.dataset.tripmap = '';
    el.dataset.remoteImages = '';
    el.id = 'with-images';
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(json);
    el.append(script);
    document.querySelector('main').append(el);
    el.scrollIntoView();
  });
  const map = page.locator('#with-images');
  await map.locator('[data-stop="bogota"]').click();
  const img = map.locator('[data-card="bogota"] .tripmap__media img');
  await img.waitFor();
  assert.equal(await img.getAttribute('loading'), 'lazy');
  assert.equal(await img.getAttribute('alt'), 'Bogotá skyline');
  await page.waitForFunction(() => {
    const el = document.querySelector('#with-images tripmap-view').shadowRoot.querySelector('.tripmap__media img');
    return el && el.complete && el.naturalWidth > 0;
  });
  assert.ok(requests.some((u) => u.endsWith('/favicon.svg')));
  // Video and post links stay links even then.
  await map.locator('[data-stop="santiago"]').click();
  assert.equal(await map.locator('[data-card="santiago"] .tripmap__media img').count(), 0);
  assert.deepEqual(problems, []);
  await close();
});

test('a StoryMapJS file named by data-story is imported; pages without one never load the importer', async () => {
  const demo = await open(env.browser, env.server.url + '/storymap.html');
  assert.equal(await demo.page.locator('.tripmap [data-stop]').count(), 4);
  assert.equal(await demo.page.locator('.tripmap__title').textContent(), 'Blinken in South America');
  assert.equal(demo.requests.filter((u) => u.includes('tripmap-import_bg.wasm')).length, 1);
  assert.ok(demo.requests.every((u) => u.startsWith(env.server.url)));
  assert.deepEqual(demo.problems, []);
  await demo.close();

  const plain = await open(env.browser, env.server.url + '/');
  assert.deepEqual(plain.requests.filter((u) => u.includes('tripmap-import')), [], 'a TripMap story needs no importer');
  await plain.close();
});

test('a StoryMapJS story that cannot be imported gets the error panel with paths into its own JSON', async () => {
  const { page, close } = await open(env.browser, env.server.url + '/storymap.html');
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.evaluate(() => {
    const el = document.createElement('figure');
    el.dataset.tripmap = '';
    el.id = 'broken';
    document.querySelector('main').append(el);
    return window.TripMap.mount(el, { storymap: { slides: [{ location: { name: 'Nowhere', lat: 95, lon: 'east' } }] } });
  });
  const panel = page.locator('#broken .tripmap--error');
  await panel.waitFor();
  const text = await panel.textContent();
  assert.ok(text.includes('storymap.slides[0].location.lat: 95 is outside -90..90'), text);
  assert.ok(text.includes('storymap.slides[0].location.lon "east" is not a number'), text);
  assert.ok(errors.some((e) => e.includes('storymap.slides[0].location.lat')), 'and in the console');
  assert.equal(await page.locator('#storymap [data-stop]').count(), 4, 'the other map keeps working');

  // A GeoJSON FeatureCollection given to the API goes the same way.
  await page.evaluate(() => {
    const el = document.createElement('figure');
    el.dataset.tripmap = '';
    el.id = 'geojson';
    document.querySelector('main').append(el);
    const point = (title, lon, lat) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { title, description: `<p>${title}<script>window.__xss=1<\/script></p>` } });
    return window.TripMap.mount(el, { type: 'FeatureCollection', name: 'Two points', features: [point('Quito', -78.5, -0.2), point('Lima', -77.04, -12.05)] });
  });
  await page.locator('#geojson [data-stop="lima"]').waitFor();
  assert.deepEqual(await page.locator('#geojson .tripmap__stop-name').allTextContents(), ['Quito', 'Lima']);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await close();
});
