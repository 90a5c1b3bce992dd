// Hostile and broken input end to end: story text is text, links are http(s), broken stories
// get an error panel while the other maps on the page keep working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, open, root, artifacts, intent } from './browser.mjs';

const env = setup();

test('a story full of XSS payloads renders them as visible text and runs nothing', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/xss.html');
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const html = readFileSync(root + 'tests/e2e/fixtures/xss.html', 'utf8');
  const story = JSON.parse(html.match(/<script type="application\/json">([\s\S]*?)<\/script>/)[1]);
  await page.click('[data-stop="a"]');
  await page.locator('[data-card="a"]').waitFor();
  // Hover and click everything a reader could touch.
  for (const el of await page.locator('.tripmap *').all()) await el.hover({ force: true, timeout: 200 }).catch(() => {});
  await page.click('.tripmap__summary');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no payload ran');
  assert.deepEqual(dialogs, []);
  // No element was made from story text: only TripMap's own tags are in the map.
  const foreign = await page.locator('.tripmap').evaluate((root) =>
    [...root.querySelectorAll('img, script, iframe, style, details, math, b, p[onclick], a[href^="javascript"], [onerror], [onload], [onmouseover]')]
      .filter((e) => !e.classList.contains('tripmap__summary') || e.getAttribute('onclick'))
      .map((e) => e.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(foreign, []);
  // The payloads are on screen, as text.
  const text = await page.locator('.tripmap').textContent();
  const stop = story.stops[0];
  for (const t of [story.title, story.standfirst, story.credit, stop.name, stop.place, stop.summary, stop.topics[0], stop.figures[0].value, stop.figures[0].label, stop.quote.text]) {
    assert.ok(text.includes(t), `shown as text: ${t}`);
  }
  assert.equal(await page.locator('[data-stop="a"]').getAttribute('aria-label'), stop.name, 'attribute holds the text, inert');
  // The source's https link is kept (its query is escaped by the browser).
  const href = await page.locator('.tripmap__sources a').getAttribute('href');
  assert.equal(href, 'https://example.com/?q=<script>');
  await page.screenshot({ path: `${artifacts}/xss-card.png` });
  assert.deepEqual(problems, []);
  await close();
});

test('a broken story shows the error panel and the console, and the other maps keep working', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(env.server.url + '/east-asia.html');
  await page.waitForSelector('[data-stop]');
  // Listening first: the new figure may start by itself (it is near the screen) before
  // mountAll is called.
  const checker = [];
  page.on('request', (r) => r.url().includes('tripmap-check') && checker.push(r.url()));
  // Add a broken map and a good one, then mount them as a page that loads later would.
  await page.evaluate(() => {
    const broken = document.createElement('figure');
    broken.setAttribute('data-tripmap', '');
    broken.id = 'broken';
    broken.innerHTML = '<script type="application/json">{"title":"T","traveller":{"name":"X","name":"Y"},"stops":[{"id":"a","name":"A","lat":95,"lon":0,"date":"2024-01-01","lattitude":3},{"id":"<img src=x onerror=window.__xss=1>","name":"B","lat":0,"lon":0,"date":"2024-01-01"}]}<\/script>';
    document.querySelector('main').append(broken);
  });
  await page.evaluate(() => window.TripMap.mountAll());
  const panel = page.locator('#broken .tripmap--error[role="alert"]');
  await panel.waitFor();
  // The map's quick read refused the story (an unknown field, a key written twice): the checker
  // module worded it.
  assert.equal(checker.filter((u) => u.endsWith('.wasm')).length, 1, 'the checker module, fetched for the broken story');
  const t = await panel.textContent();
  assert.ok(t.includes('stops[0]: unknown field "lattitude" (did you mean "lat"?)') && t.includes('stops[0].lat: 95 is outside -90..90'), t);
  assert.ok(t.includes('stops[1].id "<img src=x onerror=window.__xss=1>" must be 1 to 64 of a-z, 0-9, - and _'), t);
  // A key written twice, which the browser's JSON.parse would quietly keep the last of.
  assert.ok(t.includes('traveller.name: is written twice (a reader keeps only one)'), t);
  assert.equal(await page.locator('#broken img').count(), 0, 'the payload in the message is text');
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.locator('#broken svg').count(), 0, 'no half-drawn map');
  assert.ok(errors.some((e) => e.includes('stops[0].lat: 95 is outside -90..90')), 'the same messages in the console');
  // The first map still works.
  await page.locator('#asia [data-stop="seoul"]').click();
  await page.locator('#asia [data-card="seoul"]').waitFor();
  await context.close();
});

test('the release build carries no test fault: a panic is proved by the component tests, with a story (tests/fault.rs)', async () => {
  // `faultForTesting` and the fault-injection stop are built only with the `fault-injection`
  // feature, which the component test of the panic hook (every map gets its panel) turns on.
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.url + '/es.html');
  await intent(page);
  await page.waitForSelector('[data-stop][role="button"]');
  for (const module of ['/tripmap-core.js', '/tripmap-standalone.js']) {
    const exported = await page.evaluate(async (m) => Object.keys(await import(m)), module);
    assert.ok(exported.includes('mountElement'), exported.join(', '));
    assert.ok(!exported.some((k) => /ForTesting$/.test(k)), `no test fault in the release build: ${module}: ${exported.join(', ')}`);
  }
  await context.close();
});

test('a JavaScript exception thrown inside a map while it starts becomes the same panel, never a half-drawn map', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  // A browser API that fails mid-mount: Intl.NumberFormat, which the map uses for digits or a
  // locale it does not write itself (en, es and ar it writes natively): Latin digits here (the
  // standalone module's, since the static map was drawn with the locale's own).
  await page.addInitScript(() => {
    Intl.NumberFormat = function () {
      throw new TypeError('Intl.NumberFormat broken for the test');
    };
  });
  await page.route('**/index.html', async (route) => {
    const res = await route.fetch();
    route.fulfill({ response: res, body: (await res.text()).replace('<figure data-tripmap>', '<figure data-tripmap data-digits="latin">') });
  });
  await page.goto(env.server.url + '/index.html');
  await intent(page);
  const panel = page.locator('[data-tripmap] .tripmap--crashed[role="alert"]');
  await panel.waitFor();
  assert.equal(await panel.textContent(), 'This map stopped because of an internal error. Reload the page to see it again.');
  assert.equal(await page.locator('[data-tripmap] svg').count(), 0, 'nothing half-drawn left');
  assert.ok(errors.some((e) => e.includes('Intl.NumberFormat broken')), 'the exception is in the console');
  await context.close();
});

test('a 500-stop story renders and stays usable: small markers, thinned labels, keyboard works', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(env.server.url + '/east-asia.html');
  await page.waitForSelector('[data-stop]');
  await page.evaluate(() => {
    const stops = Array.from({ length: 500 }, (_, i) => {
      const t = (i / 500) * 2 * Math.PI;
      return { id: `s${i}`, name: `Stop ${i}`, lat: 45 + 10 * Math.sin(t) + (i % 7) * 0.3, lon: 10 + 22 * Math.cos(t) + (i % 5) * 0.4, date: '2024-01-01' };
    });
    const fig = document.createElement('figure');
    fig.setAttribute('data-tripmap', '');
    fig.id = 'big';
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify({ title: 'Five hundred stops', traveller: { name: 'X' }, stops });
    fig.append(script);
    document.querySelector('main').append(fig);
    window.__t0 = performance.now();
  });
  await page.evaluate(() => window.TripMap.mountAll());
  await page.locator('#big [data-stop="s499"]').waitFor({ state: 'attached' });
  const ms = await page.evaluate(() => performance.now() - window.__t0);
  console.log(`500-stop story mounted in ${ms.toFixed(0)} ms (recorded in bench/RESULTS.md, not asserted)`);
  assert.equal(await page.locator('#big [data-stop]').count(), 500);
  assert.equal(await page.locator('#big .tripmap__svg.is-dense').count(), 1, 'small markers');
  const shown = await page.locator('#big .tripmap__label').evaluateAll((ls) => ls.filter((l) => getComputedStyle(l).visibility !== 'hidden').length);
  assert.ok(shown > 0 && shown < 500, `labels thinned: ${shown} shown`);
  await page.locator('#big [data-stop="s0"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.locator('#big [data-card="s0"]').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.locator('#big [data-card="s1"]').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('maps added to the page later start by themselves, and selections are announced as tripmap:select', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/east-asia.html');
  await page.evaluate(() => {
    window.__selected = [];
    document.addEventListener('tripmap:select', (e) => window.__selected.push([e.target.closest('[data-tripmap]').id, e.detail.stopId]));
    // As a CMS or an infinite scroll would: new content arrives after the page has loaded.
    const later = document.createElement('section');
    later.innerHTML = '<figure data-tripmap id="later"><script type="application/json">{"title":"Later","traveller":{"name":"X"},"stops":[{"id":"oslo","name":"Oslo","lat":59.91,"lon":10.75,"date":"2024-01-01"},{"id":"riga","name":"Riga","lat":56.95,"lon":24.11,"date":"2024-01-02"}]}<\/script></figure>';
    document.querySelector('main').append(later);
  });
  await page.locator('#later [data-stop="riga"]').waitFor();
  await page.locator('#later [data-stop="riga"]').click();
  await page.locator('#asia .tripmap__stop-list button').first().click();
  await page.waitForFunction(() => window.__selected.length === 2);
  assert.deepEqual(await page.evaluate(() => window.__selected), [['later', 'riga'], ['asia', 'tokyo']]);
  assert.deepEqual(problems, []);
  await close();
});
