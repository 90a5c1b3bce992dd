// Readers on keyboard, touch, screen readers and phones; fly-to, zoom, full screen, deep links.
// Every test runs on the default story and on the second story (seven stops in Asia).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, axe, artifacts, root, storyOf, legsOf, viewOf, labelBoxes, overlapping, tr } from './browser.mjs';

const env = setup();

const PAGES = [
  { name: 'default', path: '/', param: 'tripmap' },
  { name: 'east-asia', path: '/east-asia.html', param: 'tripmap-asia' },
];

for (const p of PAGES) {
  test(`${p.name}: a keyboard alone walks the whole trip`, async () => {
    const { page, problems, close } = await open(env.browser, env.server.url + p.path);
    const story = await storyOf(page);
    const ids = story.stops.map((s) => s.id);
    // Tab reaches every stop in trip order, each with a visible focus ring.
    const order = [];
    for (let i = 0; i < 60 && order.length < ids.length; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => deepActive()?.getAttribute('data-stop'));
      if (id) {
        order.push(id);
        const ring = await page.evaluate(() => getComputedStyle(deepActive().querySelector('.tripmap__hit')).strokeWidth);
        assert.equal(ring, '3px', `focus ring on ${id}`);
      }
    }
    assert.deepEqual(order, ids, 'Tab order is trip order');
    // Enter opens the card and moves focus into it.
    await page.keyboard.press('Enter');
    await page.locator(`[data-card="${ids.at(-1)}"]`).waitFor();
    // Focus moves two frames after the card appears (its first layout stays out of the click's
    // task): give it those frames, then check.
    await page.waitForFunction((id) => deepActive()?.getAttribute('data-card') === id, ids.at(-1), { timeout: 2000 }).catch(() => {});
    assert.equal(await page.evaluate(() => deepActive().getAttribute('data-card')), ids.at(-1), 'focus in the card');
    // Home, then → through every stop; the stepper says where we are.
    await page.keyboard.press('Home');
    await page.locator(`[data-card="${ids[0]}"]`).waitFor();
    for (let i = 1; i < ids.length; i++) {
      await page.keyboard.press('ArrowRight');
      await page.locator(`[data-card="${ids[i]}"]`).waitFor();
      // What the live region says: the stop's name (for screen readers only), then where it is.
      const name = await page.locator(`[data-card="${ids[i]}"]`).getAttribute('aria-label');
      assert.equal(await page.locator('.tripmap__step-status').textContent(), `${name}, Stop ${i + 1} of ${ids.length}`);
    }
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator(`[data-card="${ids.at(-1)}"]:not([hidden])`).count(), 1, 'stays on the last stop');
    await page.keyboard.press('ArrowLeft');
    await page.locator(`[data-card="${ids.at(-2)}"]`).waitFor();
    await page.keyboard.press('End');
    await page.locator(`[data-card="${ids.at(-1)}"]`).waitFor();
    // Escape closes the card and returns focus to its marker.
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('[data-card]:not([hidden])').count(), 0);
    assert.equal(await page.evaluate(() => deepActive().getAttribute('data-stop')), ids.at(-1), 'focus back on the marker');
    assert.deepEqual(problems, []);
    await close();
  });

  test(`${p.name}: selecting a stop flies to it smoothly and draws its leg`, async () => {
    const { page, problems, close } = await open(env.browser, env.server.url + p.path);
    const story = await storyOf(page);
    const target = story.stops.at(-1);
    await page.locator('.tripmap__stop-list button', { hasText: tr(target.name) }).click();
    await page.waitForTimeout(60);
    const early = await viewOf(page);
    const drawing = await page.evaluate(() => window.deepQueryAll('.tripmap__leg-line').flatMap((e) => e.getAnimations()).length);
    await page.waitForTimeout(2800);
    const end = await viewOf(page);
    assert.ok(end.k > 1.05, `zoomed in on ${target.id}: ${JSON.stringify(end)}`);
    assert.notDeepEqual(early, end, 'moving, not jumping');
    assert.ok(drawing >= 1, 'the leg draws itself');
    const marker = await page.locator(`[data-stop="${target.id}"] .tripmap__marker`).boundingBox();
    const map = await page.locator('.tripmap__svg').boundingBox();
    assert.ok(marker.x > map.x && marker.x + marker.width < map.x + map.width && marker.y > map.y && marker.y + marker.height < map.y + map.height, 'stop in view');
    assert.deepEqual(overlapping(await labelBoxes(page)), [], 'labels apart when zoomed');
    // The overview control returns to the whole trip.
    await page.click('button[aria-label="Show the whole trip"]');
    await page.waitForTimeout(2800);
    assert.deepEqual(await viewOf(page), { k: 1, x: 0, y: 0 });
    assert.deepEqual(problems, []);
    await close();
  });

  test(`${p.name}: reduced motion: no animation at all`, async () => {
    const { page, problems, close } = await open(env.browser, env.server.url + p.path, { reducedMotion: 'reduce' });
    const story = await storyOf(page);
    await page.locator('.tripmap__stop-list button', { hasText: tr(story.stops[1].name) }).click();
    await page.locator(`[data-card="${story.stops[1].id}"]`).waitFor();
    await page.waitForTimeout(30);
    const first = await viewOf(page);
    assert.ok(first.k > 1, 'already at the stop');
    assert.equal(await page.evaluate(() => window.deepQueryAll('.tripmap__leg-line').flatMap((e) => e.getAnimations()).length), 0, 'no CSS animation');
    await page.waitForTimeout(700);
    assert.deepEqual(await viewOf(page), first, 'no fly-to frames');
    assert.deepEqual(problems, []);
    await close();
  });

  test(`${p.name}: a deep link opens its stop and selections keep the page's own URL`, async () => {
    const story = await (async () => {
      const o = await open(env.browser, env.server.url + p.path);
      const s = await storyOf(o.page);
      await o.close();
      return s;
    })();
    const stop = story.stops[2];
    const { page, problems, close } = await open(env.browser, `${env.server.url}${p.path}?page=7&${p.param}=${stop.id}#comments`);
    await page.locator(`[data-card="${stop.id}"]`).waitFor();
    const focused = await page.evaluate(() => deepActive() === document.body);
    assert.ok(focused, 'a deep link does not steal focus');
    const before = await page.evaluate(() => history.length);
    await page.locator('.tripmap__stop-list button', { hasText: tr(story.stops[3].name) }).click();
    await page.locator(`[data-card="${story.stops[3].id}"]`).waitFor();
    // The link is written after the card's frame (page::write_link), not in the click's task.
    const linked = (id) => page.waitForFunction(([param, id]) => new URL(location.href).searchParams.get(param) === id, [p.param, id], { timeout: 5000 });
    await linked(story.stops[3].id);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get(p.param), story.stops[3].id);
    assert.equal(url.searchParams.get('page'), '7', 'host parameters kept');
    assert.equal(url.hash, '#comments', 'host hash kept');
    assert.equal(await page.evaluate(() => history.length), before, 'no new history entries');
    await page.click('[data-card]:not([hidden]) .tripmap__close');
    await linked(null);
    assert.equal(new URL(page.url()).searchParams.has(p.param), false, 'closing removes the parameter');
    // A close right after a selection, in the same task: the selection's stop, written after the
    // frame, must not overtake it.
    await page.locator('.tripmap__stop-list button').first().focus();
    await page.evaluate(() => {
      window.__seen = [];
      document.addEventListener('tripmap:select', (e) => window.__seen.push(e.detail.stopId));
      const key = (k) => deepActive().dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
      key('End');
      key('Escape');
    });
    // The event, too, is sent after the card's frame (page::announce_select).
    await page.waitForFunction(() => window.__seen.length > 0, null, { timeout: 5000 });
    assert.deepEqual(await page.evaluate(() => window.__seen), [story.stops.at(-1).id], 'End selected the last stop');
    await page.waitForTimeout(300);
    assert.equal(new URL(page.url()).searchParams.has(p.param), false, 'a close in the same task as a selection leaves no stop in the link');
    assert.deepEqual(problems, []);
    await close();
  });

  test(`${p.name}: on a phone, tapping a stop opens a bottom sheet that leaves the stop visible`, async () => {
    const { page, problems, close } = await open(env.browser, env.server.url + p.path, {
      viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true,
    });
    const story = await storyOf(page);
    const stop = story.stops[1];
    await page.locator(`[data-stop="${stop.id}"]`).scrollIntoViewIfNeeded();
    await page.tap(`[data-stop="${stop.id}"]`);
    const card = page.locator(`[data-card="${stop.id}"]`);
    await card.waitFor();
    await page.waitForTimeout(1500);
    const sheet = await card.boundingBox();
    assert.ok(Math.abs(sheet.y + sheet.height - 667) < 2, `sheet at the bottom: ${JSON.stringify(sheet)}`);
    assert.ok(sheet.height <= 667 * 0.5 + 1, 'sheet covers at most half the screen');
    const m = await page.locator(`[data-stop="${stop.id}"] .tripmap__marker`).boundingBox();
    assert.ok(m.y >= 0 && m.y + m.height <= sheet.y, `stop visible above the sheet: ${JSON.stringify(m)}`);
    // Touch targets.
    for (const sel of ['.tripmap__ctl', '.tripmap__step', '[data-card]:not([hidden]) .tripmap__close', '.tripmap__stop-button']) {
      const b = await page.locator(sel).first().boundingBox();
      assert.ok(b.width >= 44 && b.height >= 44, `${sel} is ${b.width}×${b.height}`);
    }
    const hit = await page.locator(`[data-stop="${stop.id}"] .tripmap__hit`).boundingBox();
    assert.ok(hit.width >= 44 && hit.height >= 44, `marker target ${hit.width}×${hit.height}`);
    await page.screenshot({ path: `${artifacts}/${p.name}-sheet-375.png` });
    assert.deepEqual(problems, []);
    await close();
  });

  test(`${p.name}: zoom with buttons, Ctrl + wheel and double-click; drag to pan; a plain wheel scrolls`, async () => {
    const { page, problems, close } = await open(env.browser, env.server.url + p.path);
    const box = await page.locator('.tripmap__svg').boundingBox();
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    // A plain wheel leaves the map alone and shows how to zoom.
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(100);
    assert.equal((await viewOf(page)).k, 1);
    assert.equal(await page.locator('.tripmap__hint.is-shown').count(), 1, 'hint shown');
    // Ctrl + wheel zooms.
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await page.waitForTimeout(100);
    assert.ok((await viewOf(page)).k > 1.2, 'ctrl + wheel zooms in');
    await page.click('button[aria-label="Show the whole trip"]');
    await page.waitForTimeout(2600);
    // Buttons, bounded.
    for (let i = 0; i < 6; i++) {
      await page.click('button[aria-label="Zoom in"]');
      await page.waitForTimeout(400);
    }
    await page.waitForTimeout(2000);
    const deep = await viewOf(page);
    assert.equal(deep.k, 12, 'zoom stops at 12×');
    assert.deepEqual(overlapping(await labelBoxes(page)), [], 'labels apart at 12×');
    // Drag pans.
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    await page.mouse.move(centre.x + 80, centre.y + 40, { steps: 5 });
    await page.mouse.up();
    const panned = await viewOf(page);
    assert.ok(Math.abs(panned.x - deep.x) > 20 || Math.abs(panned.y - deep.y) > 20, 'drag pans');
    await page.click('button[aria-label="Zoom out"]');
    await page.waitForTimeout(2600);
    assert.equal((await viewOf(page)).k, 6);
    // Double-click zooms in about the point.
    await page.click('button[aria-label="Show the whole trip"]');
    await page.waitForTimeout(2600);
    await page.mouse.dblclick(centre.x, centre.y);
    await page.waitForTimeout(2600);
    assert.equal((await viewOf(page)).k, 2, 'double-click doubles the zoom');
    assert.deepEqual(problems, []);
    await close();
  });

  test(`${p.name}: full screen and back, with the keyboard working there`, async () => {
    const { page, problems, close } = await open(env.browser, env.server.url + p.path);
    const story = await storyOf(page);
    await page.click('button[aria-label="Full screen"]');
    await page.waitForFunction(() => document.fullscreenElement?.shadowRoot?.fullscreenElement?.classList.contains('tripmap'));
    await page.locator('button[aria-label="Full screen"][aria-pressed="true"]').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.locator(`[data-card="${story.stops[0].id}"]`).waitFor();
    await page.click('button[aria-label="Full screen"]');
    await page.waitForFunction(() => !document.fullscreenElement);
    await page.locator('button[aria-label="Full screen"][aria-pressed="false"]').waitFor();
    assert.deepEqual(problems, []);
    await close();
  });

  test(`${p.name}: screen readers get a name, a description and the stops as a list`, async () => {
    const { page, close } = await open(env.browser, env.server.url + p.path);
    const story = await storyOf(page);
    const svg = page.locator('.tripmap__svg');
    assert.match(await svg.getAttribute('aria-label'), /^Map of the trip: /);
    const desc = await page.locator('#' + (await svg.getAttribute('aria-describedby'))).textContent();
    assert.ok(desc.includes(`${story.stops.length} stops`) && story.stops.every((s) => desc.includes(tr(s.name))), desc);
    const items = await page.locator('ol.tripmap__stop-list > li').allTextContents();
    assert.equal(items.length, story.stops.length);
    story.stops.forEach((s, i) => assert.ok(items[i].includes(tr(s.name)), `list item ${i} is ${tr(s.name)}`));
    for (const s of story.stops) assert.equal(await page.locator(`[data-stop="${s.id}"]`).getAttribute('aria-label'), tr(s.name));
    await close();
  });

  test(`${p.name}: axe-core finds no violation on a phone or a desktop, card open or closed`, async () => {
    for (const viewport of [{ width: 375, height: 667 }, { width: 1280, height: 900 }]) {
      const { page, close } = await open(env.browser, env.server.url + p.path, { viewport });
      const story = await storyOf(page);
      assert.deepEqual(await axe(page), [], `${viewport.width}: closed`);
      await page.locator('.tripmap__stop-list button').nth(1).click();
      await page.locator(`[data-card="${story.stops[1].id}"]`).waitFor();
      await page.waitForTimeout(1200);
      assert.deepEqual(await axe(page), [], `${viewport.width}: open`);
      await close();
    }
  });

  test(`${p.name}: fits and works from 320 px; screenshots at 375, 768 and 1280`, async () => {
    for (const width of [320, 375, 768, 1280]) {
      const { page, problems, close } = await open(env.browser, env.server.url + p.path, { viewport: { width, height: 900 } });
      const story = await storyOf(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `${width}: no horizontal scrolling`);
      assert.deepEqual(overlapping(await labelBoxes(page)), [], `${width}: labels apart`);
      await page.locator('.tripmap__stop-list button').nth(2).click();
      await page.locator(`[data-card="${story.stops[2].id}"]`).waitFor();
      await page.waitForTimeout(2600);
      if (width !== 320) await page.screenshot({ path: `${artifacts}/${p.name}-${width}.png`, fullPage: true });
      assert.deepEqual(problems, []);
      await close();
    }
  });
}

test('touch: double-tap zooms in, pinch zooms, one finger pans when zoomed', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/', {
    viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true,
  });
  await page.evaluate(() => window.scrollBy(0, window.deepQueryAll('.tripmap__svg')[0].getBoundingClientRect().top - 10));
  const box = await page.locator('.tripmap__svg').boundingBox();
  // A spot of open sea, away from markers and controls.
  const at = { x: box.x + 40, y: box.y + box.height * 0.75 };
  assert.ok(at.y < 667, 'the spot is on screen');
  await page.touchscreen.tap(at.x, at.y);
  await page.waitForTimeout(80);
  await page.touchscreen.tap(at.x, at.y);
  await page.waitForTimeout(2600);
  assert.equal((await viewOf(page)).k, 2, 'double-tap doubles the zoom');

  const cdp = await page.context().newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  const c = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await touch('touchStart', [[c.x - 30, c.y], [c.x + 30, c.y]]);
  for (let i = 1; i <= 6; i++) await touch('touchMove', [[c.x - 30 - 10 * i, c.y], [c.x + 30 + 10 * i, c.y]]);
  await touch('touchEnd', []);
  const pinched = await viewOf(page);
  assert.ok(pinched.k > 3, `pinch spreads to zoom in: ${pinched.k}`);

  await touch('touchStart', [[c.x, c.y]]);
  for (let i = 1; i <= 5; i++) await touch('touchMove', [[c.x - 12 * i, c.y - 8 * i]]);
  await touch('touchEnd', []);
  const panned = await viewOf(page);
  assert.ok(Math.abs(panned.x - pinched.x) > 20, `one finger pans: ${JSON.stringify([pinched, panned])}`);
  assert.deepEqual(problems, []);
  await close();
});

test('legs of the second story are all drawn', async () => {
  const { page, close } = await open(env.browser, env.server.url + '/east-asia.html');
  const story = await storyOf(page);
  const legs = legsOf(story).map((l) => `${l.from}-${l.to}`);
  const drawn = await page.locator('[data-leg]').evaluateAll((els) => els.map((e) => e.getAttribute('data-leg')));
  assert.deepEqual(drawn, legs);
  assert.ok(story.stops.length >= 6);
  await close();
});
