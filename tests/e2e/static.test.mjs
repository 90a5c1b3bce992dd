// The static map the build writes into the page (scripts/prerender, `tripmap render --html`):
// on screen before any script runs, what readers without JavaScript get, and replaced by the
// live map without a layout shift (issue: performance).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { setup, open, newContext, axe, artifacts, defaultStory as story, root, tr, intlDates, LIVE_STOP, intent } from './browser.mjs';

const env = setup();

/** The map area size index.html asks the build to render for (its tripmap:render comment). */
const [, staticW, staticH] = readFileSync(root + 'index.html', 'utf8').match(/tripmap:render --width (\d+) --height (\d+)/).map(Number);

/** What a map's shadow root shows: its SVG's element classes in order, legs, list texts. */
const SNAPSHOT = (root) => {
  const svg = root.querySelector('.tripmap__svg');
  return {
    classes: [...svg.querySelectorAll('[class]')].map((e) => e.classList[0]).filter((c) => !['tripmap__hit', 'tripmap__base-reused', 'tripmap__stop-open'].includes(c)),
    legs: [...svg.querySelectorAll('.tripmap__leg-line')].map((p) => p.getAttribute('d')),
    viewBox: svg.getAttribute('viewBox'),
    title: root.querySelector('.tripmap__title').textContent,
    names: [...root.querySelectorAll('.tripmap__stop-name')].map((e) => e.textContent),
    dates: [...root.querySelectorAll('.tripmap__stop-date')].map((e) => e.textContent),
    countries: svg.querySelectorAll('.tripmap__country').length,
    visited: svg.querySelectorAll('.tripmap__country.is-visited').length,
    labels: [...svg.querySelectorAll('.tripmap__label')].map((e) => e.textContent),
  };
};

test('without JavaScript the page shows the static map: headline, countries, legs, stops and dates', async () => {
  const context = await newContext(env.browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.server.url + '/');
  const host = page.locator('[data-tripmap] > tripmap-view[data-tripmap-static]');
  assert.equal(await host.count(), 1);
  // Declarative shadow DOM: the page's CSS cannot reach in, as with the live map.
  const snap = await host.evaluate((el, f) => new Function(`return (${f})`)()(el.shadowRoot), SNAPSHOT.toString());
  assert.equal(snap.title, tr(story.title));
  assert.deepEqual(snap.names, story.stops.map((s) => tr(s.name)));
  assert.equal(snap.legs.length, story.legs.length);
  assert.ok(snap.countries > 20, `${snap.countries} countries`);
  assert.equal(snap.visited, 4, 'the trip’s four countries stand out');
  assert.deepEqual(snap.labels, story.stops.map((s) => tr(s.name)), 'every stop labelled');
  assert.equal(snap.viewBox, `0 0 ${staticW} ${staticH}`);
  // Styled (the stylesheet in its shadow root has applied): countries are not painted black.
  const fill = await host.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.tripmap__country')).fill);
  assert.notEqual(fill, 'rgb(0, 0, 0)');
  const box = await page.locator('[data-tripmap]').boundingBox();
  assert.ok(box.height >= 600, `the box keeps its height: ${box.height}`);
  // The documented hooks, as on the live map.
  const hooks = await host.evaluate((el) => ({
    stops: [...el.shadowRoot.querySelectorAll('.tripmap__svg.is-wide [data-stop]')].map((e) => e.dataset.stop),
    legs: [...el.shadowRoot.querySelectorAll('.tripmap__svg.is-wide [data-leg]')].map((e) => [e.dataset.leg, Number(e.dataset.distanceKm)]),
    countries: el.shadowRoot.querySelectorAll('[data-country]').length,
  }));
  assert.deepEqual(hooks.stops, story.stops.map((s) => s.id));
  assert.deepEqual(hooks.legs.map(([l]) => l), story.legs.map((l) => `${l.from}-${l.to}`));
  assert.ok(hooks.legs.every(([, km]) => km > 1000), 'distances on the legs');
  assert.ok(hooks.countries > 20);
  await page.locator('[data-tripmap]').screenshot({ path: `${artifacts}/static-nojs.png` });
  await context.close();
});

/** The static map's open card (a popover), or null. */
const openCard = (page) => page.locator('tripmap-view[data-tripmap-static]').evaluate((el) => el.shadowRoot.querySelector('[data-card]:popover-open')?.dataset.card ?? null);

/** Clicks each stop of the static map (marker, list, keyboard) and checks its card opens and closes. */
async function staticStopsWork(page, shot) {
  const host = page.locator('tripmap-view[data-tripmap-static]');
  for (const stop of story.stops) {
    await host.locator(`.tripmap__svg.is-wide [data-stop="${stop.id}"] .tripmap__stop-open`).click();
    assert.equal(await openCard(page), stop.id, `a click on ${stop.id} opens its card`);
    const text = await host.locator(`[data-card="${stop.id}"]`).textContent();
    assert.ok(text.includes(tr(stop.summary)), `${stop.id}: the card holds its summary`);
    for (const id of stop.sources) assert.ok(text.includes(tr(story.sources.find((s) => s.id === id).name)), `${stop.id}: source ${id} named`);
    if (stop.id === 'bogota' && shot) await page.screenshot({ path: `${artifacts}/${shot}` });
    await page.keyboard.press('Escape');
    assert.equal(await openCard(page), null, `Escape closes ${stop.id}`);
  }
  // The stop list opens cards the same way; the close button closes them.
  await host.locator('.tripmap__stop-button', { hasText: tr(story.stops[2].name) }).click();
  assert.equal(await openCard(page), story.stops[2].id);
  await host.locator(`[data-card="${story.stops[2].id}"] .tripmap__close`).click();
  assert.equal(await openCard(page), null, 'the close button closes the card');
  // The keyboard: a marker is a button, Enter opens its card.
  await host.locator(`.tripmap__svg.is-wide [data-stop="${story.stops[3].id}"] .tripmap__stop-open`).focus();
  await page.keyboard.press('Enter');
  assert.equal(await openCard(page), story.stops[3].id, 'Enter on a marker opens its card');
  await page.keyboard.press('Escape');
}

test('without JavaScript each stop of the static map opens its card, and Escape closes it', async () => {
  const context = await newContext(env.browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.server.url + '/');
  await staticStopsWork(page, 'static-nojs-card.png');
  await context.close();
});

test('with every .wasm request blocked the static map keeps working, and the console says why the live map did not start', async () => {
  const context = await newContext(env.browser);
  await context.route('**/*.wasm', (r) => r.abort());
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(env.server.url + '/');
  await staticStopsWork(page, 'static-nowasm-card.png');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('tripmap-view[data-tripmap-static]').count(), 1, 'the static map stays');
  assert.equal(await page.locator('.tripmap--error').count(), 0, 'no crash panel over a working map');
  assert.ok(errors.some((e) => e.includes('the live map did not start') && e.includes('static map stays')), errors.join('\n'));
  await context.close();
});

test('printed, the static map and the live one give the map, then every card with its sources, then the credit', async () => {
  for (const js of [false, true]) {
    const context = await newContext(env.browser, { javaScriptEnabled: js });
    const page = await context.newPage();
    await page.goto(env.server.url + '/');
    if (js) {
      await intent(page);
      await page.waitForSelector(LIVE_STOP);
    }
    await page.emulateMedia({ media: 'print' });
    // The live map lays out its print list when the print media query starts to match.
    await page.waitForFunction((n) => document.querySelector('[data-tripmap] tripmap-view').shadowRoot.querySelectorAll('[data-card]').length >= n, story.stops.length);
    const printed = await page.evaluate(() => {
      const root = document.querySelector('[data-tripmap] tripmap-view').shadowRoot;
      const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
      const cards = [...root.querySelectorAll('[data-card]')].filter(shown);
      const map = [...root.querySelectorAll('.tripmap__svg')].filter(shown);
      const credit = root.querySelector('.tripmap__credit');
      const buttons = [...root.querySelectorAll('button')].filter(shown);
      const top = (e) => e.getBoundingClientRect().top;
      return {
        cards: cards.map((c) => c.dataset.card),
        ordered: cards.every((c, i) => i === 0 || top(c) > top(cards[i - 1])),
        mapFirst: map.length === 1 && top(map[0]) < top(cards[0]),
        mapWidth: map[0]?.getBoundingClientRect().width,
        pageWidth: document.documentElement.clientWidth,
        creditLast: top(credit) > top(cards.at(-1)),
        buttons: buttons.length,
        sources: cards.map((c) => c.querySelectorAll('.tripmap__sources li').length),
      };
    });
    const label = js ? 'live' : 'static';
    assert.deepEqual(printed.cards, story.stops.map((s) => s.id), `${label}: every card, in trip order`);
    assert.ok(printed.ordered && printed.mapFirst && printed.creditLast, `${label}: map, cards, credit: ${JSON.stringify(printed)}`);
    assert.ok(printed.mapWidth > printed.pageWidth * 0.8, `${label}: the map at the page's width`);
    assert.equal(printed.buttons, 0, `${label}: no controls`);
    assert.deepEqual(printed.sources, story.stops.map((s) => s.sources.length), `${label}: every card's sources`);
    await page.pdf({ path: `${artifacts}/print-${label}.pdf`, format: 'A4' });
    await context.close();
  }
});

test('the no-JavaScript page passes axe-core', async () => {
  // axe itself is a script: run it with JavaScript on, in a page whose own scripts never run
  // (the loader is blocked), so what is checked is the static map alone.
  const context = await newContext(env.browser);
  await context.route('**/tripmap.js', (r) => r.abort());
  const page = await context.newPage();
  await page.goto(env.server.url + '/');
  assert.equal(await page.locator('tripmap-view[data-tripmap-static]').count(), 1, 'the static map is still there');
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('the live map takes the static map’s place: same drawing, same texts, no layout shift', async () => {
  const context = await newContext(env.browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.server.url + '/');
  const before = await page.locator('tripmap-view[data-tripmap-static]').evaluate((el, f) => new Function(`return (${f})`)()(el.shadowRoot), SNAPSHOT.toString());
  const boxBefore = await page.locator('[data-tripmap]').boundingBox();
  await context.close();

  // Every frame from the first that shows the map must show it: the takeover never leaves a
  // frame with neither the static nor the live map (a flash of the empty box).
  const frames = await newContext(env.browser);
  await frames.addInitScript(() => {
    window.__frames = [];
    const loop = () => {
      const shown = [...document.querySelectorAll('[data-tripmap] tripmap-view')].some((v) => {
        const c = v.shadowRoot?.querySelector('.tripmap__country');
        // Styled, laid out, and not a static map still arriving (not drawn until whole).
        return c && getComputedStyle(c).fill !== 'rgb(0, 0, 0)' && c.getBoundingClientRect().width > 0 && c.checkVisibility({ opacityProperty: true });
      });
      window.__frames.push(shown);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  const watched = await frames.newPage();
  await watched.goto(env.server.url + '/');
  await intent(watched);
  await watched.waitForSelector(LIVE_STOP);
  await watched.waitForTimeout(200);
  const shown = await watched.evaluate(() => window.__frames);
  const first = shown.indexOf(true);
  assert.ok(first >= 0, 'the map was on screen');
  assert.deepEqual(shown.slice(first).filter((s) => !s), [], `a frame without the map, of ${shown.length - first} after it first appeared: ${shown.slice(first).map(Number).join('')}`);
  await frames.close();

  const { page: live, problems, requests, close } = await open(env.browser, env.server.url + '/', {});
  await live.evaluate(() => {
    window.__shifts = [];
    new PerformanceObserver((l) => window.__shifts.push(...l.getEntries().map((e) => e.value))).observe({ type: 'layout-shift', buffered: true });
  });
  assert.equal(await live.locator('tripmap-view').count(), 1, 'the static map made way');
  assert.equal(await live.locator('tripmap-view[data-tripmap-static]').count(), 0);
  const area = await live.locator('.tripmap__map').evaluate((m) => [m.clientWidth, m.clientHeight]);
  assert.deepEqual(area, [staticW, staticH], 'index.html renders its static map at the live map area’s desktop size');
  const after = await live.locator('tripmap-view').evaluate((el, f) => new Function(`return (${f})`)()(el.shadowRoot), SNAPSHOT.toString());
  // Drawn by the same Rust code at the same size: the very same legs, layers in the same order.
  assert.deepEqual(after.legs, before.legs);
  // Its countries are the static map's own, moved over: the basemap is never fetched.
  assert.equal(await live.locator('.tripmap__base-reused > .tripmap__base').count(), 1);
  assert.equal(after.countries, before.countries);
  assert.deepEqual(requests.filter((u) => u.endsWith('countries.topo.json')), [], 'no basemap request');
  assert.equal(after.viewBox, before.viewBox);
  assert.deepEqual(after.classes, before.classes, 'the static markup follows the live view’s structure');
  assert.equal(after.title, before.title);
  assert.deepEqual(after.names, before.names);
  // Dates written natively at build time read as the browser's Intl writes them.
  assert.deepEqual(before.dates, await Promise.all(story.stops.map((s) => intlDates(live, s, 'en'))));
  assert.deepEqual(after.dates, before.dates);
  assert.deepEqual(await live.locator('[data-tripmap]').boundingBox(), boxBefore, 'the figure did not move or resize');
  assert.deepEqual(await live.evaluate(() => window.__shifts), [], 'no layout shift');
  assert.deepEqual(problems, []);
  await close();
});

test('the static map appears whole: no frame shows its countries without its routes and markers', async (t) => {
  // A page's parser hands a static map over in pieces as its HTML arrives, and the browser paints
  // between them. Made certain here: the page comes in two parts, cut after the countries and
  // before the routes, half a second apart (other files are the test server's). Every frame is
  // sampled as it is rendered.
  const html = readFileSync(root + 'dist/index.html', 'utf8');
  const cut = html.indexOf('class="tripmap__leg-line"');
  assert.ok(cut > html.indexOf('class="tripmap__country'), 'index.html holds a static map, countries before legs');
  const server = createServer((req, res) => {
    if (req.url !== '/') return res.writeHead(302, { location: env.server.url + req.url }).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.write(html.slice(0, cut));
    setTimeout(() => res.end(html.slice(cut)), 500);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const context = await newContext(env.browser);
  // Closed however the test ends: an open page or server would keep the test run from finishing.
  t.after(async () => {
    await context.close();
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  });
  await context.route('**/tripmap.js', (r) => r.abort());
  await context.addInitScript(() => {
    window.__frames = [];
    const loop = () => {
      const root = document.querySelector('[data-tripmap] tripmap-view')?.shadowRoot;
      const map = root?.querySelector('.tripmap');
      const country = root?.querySelector('.tripmap__country');
      if (map && country) {
        const count = (sel) => root.querySelectorAll(sel).length;
        const visible = country.checkVisibility({ opacityProperty: true }) && getComputedStyle(country).fill !== 'rgb(0, 0, 0)';
        window.__frames.push({ visible, countries: count('.tripmap__country'), legs: count('.tripmap__leg-line'), markers: count('.tripmap__marker') });
      }
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.__frames.some((f) => f.visible));
  const frames = await page.evaluate(() => window.__frames);
  const whole = frames.at(-1);
  assert.equal(whole.legs, story.legs.length * 2, 'both drawings hold every leg');
  const partial = frames.filter((f) => f.countries < whole.countries || f.legs < whole.legs || f.markers < whole.markers);
  assert.ok(partial.length >= 2, `the half page was on screen for a while (${partial.length} frames)`);
  assert.deepEqual(partial.filter((f) => f.visible), [], 'a frame showed part of the static map');
});

test('a map without a static map fetches the basemap, once, however many maps the page holds', async () => {
  const { page, problems, requests, close } = await open(env.browser, env.server.url + '/two-stories.html', { waitFor: null });
  await page.evaluate(() => window.TripMap.mountAll());
  await page.waitForFunction(() => window.deepQueryAll('.tripmap [data-stop]').length >= 2 && window.deepQueryAll('.tripmap__country').length > 40);
  assert.equal(requests.filter((u) => u.endsWith('/countries.topo.json')).length, 1);
  assert.equal(await page.locator('.tripmap__base-reused').count(), 0, 'drawn from the basemap');
  assert.deepEqual(problems, []);
  await close();
});

test('a static map made for another story is not reused: the map says so and draws its own countries', async () => {
  // The demo page with its static map, given another trip in the figure: stale markup, as when a
  // story changed and the page was not prerendered again.
  const other = { title: 'Elsewhere', stops: [{ id: 'a', name: 'Oslo', lat: 59.91, lon: 10.75 }, { id: 'b', name: 'Rome', lat: 41.9, lon: 12.5 }] };
  const page0 = readFileSync(root + 'dist/index.html', 'utf8');
  const stale = page0.replace(/(<figure data-tripmap>)/, `$1<script type="application/json">${JSON.stringify(other)}</script>`);
  assert.notEqual(stale, page0);
  const context = await newContext(env.browser);
  await context.route('**/stale.html', (r) => r.fulfill({ body: stale, contentType: 'text/html' }));
  const page = await context.newPage();
  const warnings = [];
  const requests = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(env.server.url + '/stale.html');
  await intent(page);
  await page.waitForSelector('.tripmap [data-stop="b"]');
  await page.waitForFunction(() => window.deepQueryAll('.tripmap__country').length > 20);
  assert.equal(await page.locator('.tripmap__base-reused').count(), 0);
  assert.equal(requests.filter((u) => u.endsWith('/countries.topo.json')).length, 1);
  assert.ok(warnings.some((w) => w.includes('made for another story')), warnings.join('\n'));
  // The lean module refused a story its static map was not drawn from; the standalone one drew it.
  const wasm = (name) => requests.filter((u) => u.endsWith(`/tripmap-${name}_bg.wasm`)).length;
  assert.deepEqual([wasm('core'), wasm('standalone')], [1, 1]);
  await context.close();
});

test('over its own static map the live map is the lean module: no standalone module, no basemap, no checks again', async () => {
  const { page, requests, problems, close } = await open(env.browser, env.server.url + '/', { waitFor: null });
  const host = page.locator('[data-tripmap] > tripmap-view[data-tripmap-static]');
  assert.match(await host.getAttribute('data-tripmap-checked'), /^[0-9a-f]{16}$/, 'the build stamped the story it checked');
  // The parts that stay as they are, marked before the live map runs.
  const PARTS = ['.tripmap__header', '.tripmap__stop-list', '[data-card="bogota"]', '[data-card="lima"]', '.tripmap__credit', '[id$="-desc"]'];
  await host.evaluate((el, parts) => parts.forEach((p) => (el.shadowRoot.querySelector(p).__static = true)), PARTS);
  await intent(page);
  await page.locator(LIVE_STOP).first().waitFor();
  await page.locator('.tripmap [data-stop="bogota"][role="button"]').click();
  const card = page.locator('tripmap-view:not([data-tripmap-static]) [data-card="bogota"]');
  await card.waitFor();
  assert.equal(await page.locator('.tripmap__base-reused').count(), 1, "the static map's countries, reused");
  const fetched = (name) => requests.filter((u) => u.endsWith('/' + name)).length;
  assert.deepEqual(['tripmap-core_bg.wasm', 'tripmap-standalone_bg.wasm', 'tripmap-check_bg.wasm', 'countries.topo.json'].map(fetched), [1, 0, 0, 0]);
  // The lean module took the static map's own headline, stop list, cards, credit and
  // description (the build drew them from this text in this language) and wired them up.
  const live = page.locator('[data-tripmap] > tripmap-view:not([data-tripmap-static])');
  assert.deepEqual(await live.evaluate((el, parts) => parts.map((p) => el.shadowRoot.querySelector(p)?.__static === true), PARTS), PARTS.map(() => true));
  assert.deepEqual(
    await live.evaluate((el) => {
      const r = el.shadowRoot;
      const svg = r.querySelector('.tripmap__svg');
      return {
        popovers: r.querySelectorAll('[popover], [popovertarget]').length,
        shown: [...r.querySelectorAll('[data-card]')].filter((c) => !c.hidden).map((c) => c.dataset.card),
        pressed: [...r.querySelectorAll('.tripmap__stop-button')].map((b) => b.getAttribute('aria-pressed')),
        described: !!r.getElementById(svg.getAttribute('aria-describedby'))?.textContent.includes('Blinken'),
      };
    }),
    { popovers: 0, shown: ['bogota'], pressed: ['false', 'true', 'false', 'false'], described: true },
  );
  // Its buttons work as the live map's own: the list opens Lima, the card's × closes it.
  await page.locator('tripmap-view:not([data-tripmap-static]) .tripmap__stop-button').nth(3).click();
  await page.locator('tripmap-view:not([data-tripmap-static]) [data-card="lima"]:not([hidden])').waitFor();
  assert.equal(await card.evaluate((c) => c.hidden), true, 'one card at a time');
  await page.locator('tripmap-view:not([data-tripmap-static]) [data-card="lima"] .tripmap__close').click();
  await page.waitForFunction(() => window.deepQueryAll('[data-card]').every((c) => c.hidden));
  // The link is written after the frame (page::write_link): Lima's, then the close's.
  await page.waitForFunction(() => new URL(location.href).searchParams.get('tripmap') === null, null, { timeout: 5000 });
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => new URL(location.href).searchParams.get('tripmap')), null, 'closed: the link says so');
  assert.deepEqual(problems, []);
  await close();
});

test('a page asking for another language or other digits than its static map was drawn in gets the standalone module, which draws them', async () => {
  for (const [attr, expect] of [
    ['data-lang="es"', (t) => /Parada 1 de 4|4 paradas/.test(t)],
    ['data-digits="arabic"', (t) => /[٠-٩]/.test(t)],
  ]) {
    const context = await newContext(env.browser);
    await context.route('**/asked.html', async (r) => {
      const body = readFileSync(root + 'dist/index.html', 'utf8').replace('<figure data-tripmap>', `<figure data-tripmap ${attr}>`);
      r.fulfill({ body, contentType: 'text/html' });
    });
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(env.server.url + '/asked.html');
    await intent(page);
    await page.locator(LIVE_STOP).first().waitFor();
    const wasm = (name) => requests.filter((u) => u.endsWith(`/tripmap-${name}_bg.wasm`)).length;
    assert.deepEqual([wasm('core'), wasm('standalone')], [1, 1], attr);
    const status = await page.locator('tripmap-view:not([data-tripmap-static]) .tripmap__step-status').textContent();
    assert.ok(expect(status), `${attr}: ${status}`);
    await context.close();
  }
});

test('a static map whose story text changed since it was drawn (same trip) goes to the standalone module, which checks it and reuses the countries', async () => {
  // story.json edited after the build: a stop renamed, and a link the checks refuse. The lean
  // module must not draw a story the build never checked.
  const edited = structuredClone(story);
  edited.stops[1].name = 'Bogotá (edited)';
  const context = await newContext(env.browser);
  await context.route('**/story.json', (r) => r.fulfill({ body: JSON.stringify(edited), contentType: 'application/json' }));
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(env.server.url + '/');
  await intent(page);
  await page.locator('.tripmap [data-stop="bogota"][role="button"]').waitFor();
  await page.waitForFunction(() => window.deepQueryAll('.tripmap .tripmap__stop-name').some((e) => e.textContent === 'Bogotá (edited)'));
  assert.equal(await page.locator('.tripmap__base-reused').count(), 1, 'the same trip: the static map’s countries still serve');
  const wasm = (name) => requests.filter((u) => u.endsWith(`/tripmap-${name}_bg.wasm`)).length;
  assert.deepEqual([wasm('core'), wasm('standalone'), requests.filter((u) => u.endsWith('/countries.topo.json')).length], [1, 1, 0]);
  // And a story that fails its checks gets its panel, not a map drawn unchecked.
  edited.stops[1].lat = 95;
  await page.reload();
  await intent(page);
  const panel = page.locator('.tripmap--error[role="alert"]');
  await panel.waitFor();
  assert.match(await panel.textContent(), /stops\[1\]\.lat: 95 is outside -90\.\.90/);
  await context.close();
});

test('a card opened on the static map opens at once and stays open when the live map takes over, focus kept', async () => {
  const context = await newContext(env.browser);
  // The map's code arrives late, as on a slow connection.
  await context.route('**/tripmap-core_bg.wasm', async (route) => {
    await new Promise((done) => setTimeout(done, 1500));
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(env.server.url + '/');
  const marker = page.locator('tripmap-view[data-tripmap-static] .tripmap__svg.is-wide [data-stop="lima"] .tripmap__stop-open');
  assert.equal(await marker.evaluate((e) => getComputedStyle(e).cursor), 'pointer');
  await marker.click();
  assert.equal(await openCard(page), 'lima', 'the card is open at once, before any wasm');
  const before = await page.locator('tripmap-view[data-tripmap-static] [data-card="lima"]').boundingBox();
  const scrolled = await page.evaluate(() => scrollY);
  await page.waitForSelector(LIVE_STOP);
  await page.locator('tripmap-view:not([data-tripmap-static]) [data-card="lima"]').waitFor();
  assert.equal(await page.locator('[data-stop="lima"].is-selected').count(), 1, 'the live map has it selected');
  assert.equal(await page.locator('[data-card]:not([hidden])').count(), 1);
  // Focus was inside the map (on the marker): it is in the live card now.
  await page.waitForFunction(() => window.deepActive()?.closest?.('[data-card]')?.dataset.card === 'lima');
  const after = await page.locator('[data-card="lima"]').boundingBox();
  assert.ok(Math.abs(after.x - before.x) < 2 && Math.abs(after.width - before.width) < 2, `the card stays in its column: ${JSON.stringify([before, after])}`);
  assert.ok(Math.abs(after.y - before.y) < 2, `the card stays where it was: ${before.y} → ${after.y}`);
  assert.equal(await page.evaluate(() => scrollY), scrolled, 'the page did not scroll');
  await page.screenshot({ path: `${artifacts}/static-takeover-card.png` });
  await context.close();
});

test('on a phone, the static map shown is the one drawn for a phone: labels at full size, the same countries', async () => {
  const context = await newContext(env.browser, { javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(env.server.url + '/');
  const host = page.locator('[data-tripmap] > tripmap-view[data-tripmap-static]');
  const seen = await host.evaluate((el) => {
    const shown = [...el.shadowRoot.querySelectorAll('.tripmap__svg')].filter((s) => getComputedStyle(s).display !== 'none');
    const label = shown[0]?.querySelector('.tripmap__label');
    const box = shown[0]?.getBoundingClientRect();
    return { shown: shown.map((s) => [...s.classList].join(' ')), labelPx: label?.getBoundingClientRect().height, reuses: !!shown[0]?.querySelector('use[href$="-base"]'), width: box?.width };
  });
  assert.deepEqual(seen.shown, ['tripmap__svg is-narrow']);
  assert.ok(seen.reuses, 'its countries are the desktop drawing’s');
  // Drawn at 14 px for about this size: scaled from the desktop drawing they would be about 7.
  assert.ok(seen.labelPx >= 13, `stop labels ${seen.labelPx} px tall`);
  assert.ok(seen.width > 300, `the drawing fills the map area: ${seen.width}`);
  await page.locator('[data-tripmap]').screenshot({ path: `${artifacts}/static-nojs-375.png` });
  await context.close();
});

test('a page with a static map fetches no wasm until the reader shows intent; data-load="visible" starts it at once', async () => {
  const wasm = (requests) => requests.filter((u) => u.endsWith('.wasm'));
  // Pointing at the map, then focus (the keyboard) and a tap, each on a page of its own.
  const ways = {
    pointer: (page) => page.locator('[data-tripmap]').hover(),
    focus: async (page) => {
      await page.locator('h1').click();
      for (let i = 0; i < 8 && !(await page.evaluate(() => !!window.deepActive()?.closest?.('.tripmap'))); i++) await page.keyboard.press('Tab');
    },
    touch: (page) => page.locator('tripmap-view[data-tripmap-static] .tripmap__svg.is-narrow [data-stop="lima"] .tripmap__stop-open').tap(),
  };
  for (const [way, act] of Object.entries(ways)) {
    const mobile = way === 'touch' ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {};
    const { page, requests, problems, close } = await open(env.browser, env.server.url + '/', { waitFor: null, ...mobile });
    await page.waitForTimeout(800);
    assert.deepEqual(wasm(requests), [], `${way}: no wasm before the reader does anything`);
    assert.equal(await page.locator('tripmap-view[data-tripmap-static]').count(), 1);
    await act(page);
    await page.waitForSelector(LIVE_STOP);
    assert.equal(wasm(requests).length, 1, `${way}: the map's wasm, once`);
    if (way === 'touch') assert.equal(await page.locator('[data-card="lima"]:not([hidden])').count(), 1, 'the tapped card is open on the live map');
    assert.deepEqual(problems, []);
    await close();
  }
  // data-load="visible": the map starts as it nears the viewport, as a map without a static map does.
  const context = await newContext(env.browser);
  await context.route('**/', async (route) => {
    const res = await route.fetch();
    route.fulfill({ response: res, body: (await res.text()).replace('<figure data-tripmap>', '<figure data-tripmap data-load="visible">') });
  });
  const page = await context.newPage();
  await page.goto(env.server.url + '/');
  await page.waitForSelector(LIVE_STOP);
  await context.close();
});

test('once the page is idle a static map lays its first card out unseen: never shown, never opened, left as it was', async () => {
  const context = await newContext(env.browser);
  // Watch the first card from the moment the page is parsed (before the page is idle): every
  // class change, whether any frame shows it, and any popover toggle.
  await context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const card = document.querySelector('tripmap-view[data-tripmap-static]').shadowRoot.querySelector('[data-card][popover]');
      window.__unseen = { classes: [], shown: false, toggles: 0, id: card.dataset.card };
      // Class changes in one task reach the observer together: each record keeps the value before it.
      new MutationObserver((records) => {
        window.__unseen.classes.push(...records.map((r) => r.oldValue ?? ''), card.className);
      }).observe(card, { attributeFilter: ['class'], attributeOldValue: true });
      card.addEventListener('toggle', () => window.__unseen.toggles++);
      const frame = () => {
        window.__unseen.shown ||= card.checkVisibility({ visibilityProperty: true });
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(env.server.url + '/');
  await page.waitForFunction(() => window.__unseen?.classes.length >= 3, null, { timeout: 10_000 });
  const seen = await page.evaluate(() => window.__unseen);
  assert.ok(seen.classes.some((c) => c.split(' ').includes('is-unseen')), `laid out with .is-unseen: ${seen.classes}`);
  assert.ok(!seen.classes.at(-1).split(' ').includes('is-unseen'), 'and the class is gone after');
  assert.equal(seen.shown, false, 'no frame shows it');
  assert.equal(seen.toggles, 0, 'no popover opened');
  // It still opens as ever.
  await page.locator(`tripmap-view[data-tripmap-static] .tripmap__svg.is-wide [data-stop="${seen.id}"] .tripmap__stop-open`).click();
  await page.waitForSelector(`[data-card="${seen.id}"]:popover-open, [data-card="${seen.id}"]:not([hidden])`);
  assert.deepEqual(problems, []);
  await context.close();
});
