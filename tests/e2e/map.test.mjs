// The trip map, end to end, on the built dist/ (issue: the trip map, end to end).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, axe, artifacts, defaultStory as story, root, tr, intlDates } from './browser.mjs';

const env = setup();

test('the default story loads with no console error and no request off its origin', async () => {
  const { page, problems, requests, close } = await open(env.browser, env.server.url + '/');
  assert.equal(await page.locator('.tripmap').count(), 1);
  assert.equal(await page.locator('[data-stop]').count(), story.stops.length);
  assert.equal(await page.locator('[data-leg]').count(), story.legs.length);
  assert.ok((await page.locator('[data-country]').count()) > 20, 'countries drawn');
  assert.equal(await page.locator('h2.tripmap__title').textContent(), tr(story.title));
  const foreign = requests.filter((u) => !u.startsWith(env.server.url) && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests to other hosts');
  for (const file of ['/tripmap.js', '/tripmap.css', '/tripmap-core.js', '/tripmap-core_bg.wasm']) {
    assert.ok(requests.includes(env.server.url + file), `${file} loaded by its stable name`);
  }
  assert.deepEqual(problems, []);
  await page.screenshot({ path: `${artifacts}/default-1280.png`, fullPage: true });
  await close();
});

test('clicking each stop opens its card with the facts from the story', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/');
  for (const [i, stop] of story.stops.entries()) {
    // Back to the whole trip first: a fly-to may have taken the next marker out of view.
    if (i > 0) await page.click('button[aria-label="Show the whole trip"]');
    await page.click(`[data-stop="${stop.id}"]`);
    const card = page.locator(`[data-card="${stop.id}"]`);
    await card.waitFor();
    const text = await card.textContent();
    const expected = [
      `Stop ${i + 1} of ${story.stops.length}`,
      tr(stop.name),
      await intlDates(page, stop, 'en'),
      ...(stop.meetings ?? []).flatMap((m) => m.with.flatMap((p) => [tr(p.name), tr(p.role)])),
      ...(stop.topics ?? []).map((t) => tr(t)),
      ...(stop.scheduled ?? []).map((t) => tr(t)),
      ...(stop.figures ?? []).flatMap((f) => [tr(f.value), tr(f.label)]),
      ...(stop.quote ? [tr(stop.quote.text), tr(stop.quote.by)] : []),
      ...stop.sources.map((id) => tr(story.sources.find((s) => s.id === id).name)),
    ];
    for (const e of expected) assert.ok(text.includes(e), `${stop.id} card lacks "${e}"`);
    // What the reports give only as planned is marked so, and only that.
    const planned = (stop.meetings ?? []).filter((m) => m.scheduled).length;
    assert.equal(await card.locator('.tripmap__meetings li.is-scheduled .tripmap__scheduled-mark').count(), planned, `${stop.id}: scheduled meetings marked`);
    assert.equal(await card.locator('.tripmap__meetings .tripmap__scheduled-mark').count(), planned);
    if (stop.scheduled) assert.ok(text.includes('Scheduled, as announced'), `${stop.id}: the scheduled items have their heading`);
    assert.equal(await page.locator('[data-card]:not([hidden])').count(), 1);
    assert.equal(await page.locator(`[data-stop="${stop.id}"]`).getAttribute('aria-pressed'), 'true');
    const leg = story.legs.find((l) => l.to === stop.id);
    if (leg) {
      assert.equal(await page.locator(`.tripmap__leg.is-selected [data-leg="${leg.from}-${leg.to}"]`).count(), 1, 'leg highlighted');
    }
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `${artifacts}/card-${stop.id}-1280.png` });
  }
  // The figures the issue names are on the cards.
  await page.locator('.tripmap__stop-list button', { hasText: 'Santiago' }).click();
  assert.match(await page.locator('[data-card="santiago"]').textContent(), /\$38bn.*\$57\.7bn/s);
  await page.locator('.tripmap__stop-list button', { hasText: 'Lima' }).click();
  assert.match(await page.locator('[data-card="lima"]').textContent(), /\$240m.*1\.2m\+/s);
  await page.click('[data-card]:not([hidden]) .tripmap__close');
  assert.equal(await page.locator('[data-card]:not([hidden])').count(), 0, 'the close button closes the card');
  assert.deepEqual(problems, []);
  await close();
});

// A live map's hidden cards keep their layout (`content-visibility: hidden`), so that a click
// restyles its card instead of laying its text out: for that, a hidden card must sit where no one
// sees it, out of the flow, at exactly the width it shows at, beside the map and as a sheet.
for (const width of [1280, 375]) {
  test(`${width} px: a hidden card is laid out unseen, out of the flow, at the width it shows at`, async () => {
    const { page, problems, close } = await open(env.browser, env.server.url + '/', { viewport: { width, height: 900 } });
    // Every card is made ahead (one a task) once the map runs.
    await page.waitForFunction((n) => deepQueryAll('.tripmap [data-card][hidden]').length === n, story.stops.length);
    const hidden = () => page.evaluate(() => deepQueryAll('.tripmap [data-card][hidden]').map((c) => {
      const s = getComputedStyle(c);
      return { id: c.dataset.card, width: c.getBoundingClientRect().width, shown: c.checkVisibility({ visibilityProperty: true }), skipped: s.contentVisibility, flow: s.position };
    }));
    // The hidden cards take no room: the side column is as tall and as long with them gone.
    const room = () => page.evaluate(() => {
      const col = deepQueryAll('.tripmap__aside-scroll')[0];
      return [col.scrollHeight, col.getBoundingClientRect().height, col.scrollWidth];
    });
    const withCards = await room();
    await page.evaluate(() => deepQueryAll('.tripmap [data-card][hidden]').forEach((c) => (c.style.display = 'none')));
    assert.deepEqual(withCards, await room(), 'the side column without the hidden cards');
    await page.evaluate(() => deepQueryAll('.tripmap [data-card][hidden]').forEach((c) => c.style.removeProperty('display')));
    const cards = await hidden();
    for (const c of cards) {
      assert.equal(c.shown, false, `${c.id}: unseen`);
      assert.equal(c.skipped, 'hidden', `${c.id}: its content skipped, its layout kept`);
      assert.notEqual(c.flow, 'static', `${c.id}: out of the flow`);
    }
    const before = Object.fromEntries(cards.map((c) => [c.id, c.width]));
    for (const stop of story.stops.slice(0, 2)) {
      await page.locator('.tripmap__stop-list button', { hasText: tr(stop.name) }).click();
      const card = page.locator(`[data-card="${stop.id}"]`);
      await card.waitFor();
      assert.equal((await card.boundingBox()).width, before[stop.id], `${stop.id}: shown at the width it was laid out at`);
      assert.equal(await card.evaluate((c) => getComputedStyle(c).contentVisibility), 'visible');
    }
    assert.deepEqual(problems, []);
    await close();
  });
}

test('axe-core finds no accessibility violation, with the card closed and open', async () => {
  const { page, close } = await open(env.browser, env.server.url + '/');
  assert.deepEqual(await axe(page), [], 'card closed');
  await page.click('[data-stop="bogota"]');
  await page.locator('[data-card="bogota"]').waitFor();
  assert.deepEqual(await axe(page), [], 'card open');
  await close();
});
