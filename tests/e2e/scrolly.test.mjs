// Scrolling stories (issue: scrollytelling): paragraphs marked data-tripmap-step drive the map
// before them. Each step is scrolled to the reading line and the open card checked, on a
// desktop and a phone, with and without motion, before and after the wasm, in several layouts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, axe, artifacts, defaultStory as story, viewOf } from './browser.mjs';

const env = setup();

/** The stop whose card map `sel` shows: its static map's open popover, or its live card. */
const openStop = (page, sel = '[data-tripmap]') =>
  page.evaluate((sel) => {
    const root = document.querySelector(sel)?.querySelector(':scope > tripmap-view')?.shadowRoot;
    if (!root) return undefined;
    const popover = root.querySelector('[data-card]:popover-open');
    if (popover) return popover.dataset.card;
    return root.querySelector('.tripmap__aside-scroll .tripmap__card:not([popover]):not([hidden])')?.dataset.card ?? null;
  }, sel);

/** Waits until map `sel` shows stop `want`'s card (null: none). */
async function expectOpen(page, want, sel = '[data-tripmap]', why = '') {
  let shown;
  for (let i = 0; i < 100 && (shown = await openStop(page, sel)) !== want; i++) await page.waitForTimeout(50);
  assert.equal(shown, want, `${why}: expected ${want}, the map shows ${shown}`);
}

/**
 * Scrolls (at once, as a jump would) so that the top of step `sel` stands `fraction` of the
 * screen's height from the top, just past it by 10 px.
 */
const scrollStepTo = (page, sel, fraction = 0.5) =>
  page.evaluate(
    ([sel, fraction]) => {
      const el = document.querySelector(sel);
      window.scrollTo({ top: el.getBoundingClientRect().top + scrollY - innerHeight * fraction + 10, behavior: 'instant' });
    },
    [sel, fraction],
  );

/** Waits for a keyboard scroll (which Chromium animates) to come to rest. */
const settle = (page) =>
  page.evaluate(
    () =>
      new Promise((done) => {
        let last = -1;
        const check = () => (scrollY === last ? done() : ((last = scrollY), setTimeout(check, 150)));
        check();
      }),
  );

/** The boxes of the map and of a step, in the viewport. */
const boxes = (page, step, map = '[data-tripmap]') =>
  page.evaluate(
    ([step, map]) => {
      const b = (el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      };
      return { map: b(document.querySelector(map)), step: b(document.querySelector(step)), h: innerHeight, w: innerWidth };
    },
    [step, map],
  );

const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
/** Selectors for scrolly.html's steps, in order, with their stops ("" for the whole trip). */
async function articleSteps(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-tripmap-step]')].map((s, i) => {
      s.id ||= `step-${i}`;
      return { sel: `#${s.id}`, stop: s.dataset.tripmapStep };
    }),
  );
}

test('desktop: each paragraph at the middle of the screen opens its stop, the map stays beside it, scrolling back goes back', async () => {
  const { page, problems, requests, close } = await open(env.browser, env.server.url + '/scrolly.html', { waitFor: null });
  const list = await articleSteps(page);
  assert.deepEqual(list.map((s) => s.stop), ['', ...story.stops.map((s) => s.id), ''], 'the article tells every stop in order');
  const history = await page.evaluate(() => history.length);
  const url = page.url();

  // Before any step: a figure like any other, the whole trip, no card, no wasm.
  assert.equal(await openStop(page), null);
  assert.ok(!requests.some((u) => u.endsWith('.wasm')), 'no wasm before the reader reaches a step');

  for (const { sel, stop } of list.slice(1, -1)) {
    await scrollStepTo(page, sel);
    await expectOpen(page, stop, '[data-tripmap]', `step ${stop}`);
    const { map, step, h } = await boxes(page, sel);
    assert.ok(map.top >= -1 && map.bottom <= h + 1, `${stop}: the map is on screen (${map.top}..${map.bottom})`);
    assert.ok(!overlap(map, step), `${stop}: the map does not cover the paragraph being read`);
    if (stop === 'bogota') await page.screenshot({ path: `${artifacts}/scrolly-desktop.png` });
  }
  // The live map took over once the reader reached a stop's step, and carried on.
  await page.waitForSelector('[data-tripmap][data-tripmap-mounted]');
  assert.equal(requests.filter((u) => u.endsWith('.wasm')).length, 1, 'one wasm request (neither the importer nor the checker)');

  // Back up: the step before takes over again.
  await scrollStepTo(page, list[2].sel);
  await expectOpen(page, list[2].stop, '[data-tripmap]', 'scrolled back');
  // The whole-trip step closes the card and fits the trip.
  await scrollStepTo(page, list.at(-1).sel);
  await expectOpen(page, null, '[data-tripmap]', 'the closing whole-trip step');
  for (let i = 0; i < 30 && (await viewOf(page)).k !== 1; i++) await page.waitForTimeout(100);
  assert.equal((await viewOf(page)).k, 1, 'back to the whole trip');
  // Scrolling never took focus, added a history entry or rewrote the URL.
  assert.equal(await page.evaluate(() => window.deepActive() === document.body), true, 'focus stays on the page');
  assert.equal(await page.evaluate(() => history.length), history, 'no history entries');
  assert.equal(page.url(), url, 'the URL is unchanged');
  assert.deepEqual(problems, []);
  await close();
});

test('desktop: a jump (End, Home, an anchor) lands on the right step with no backlog; the reader can still click in between', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/scrolly.html', { waitFor: null });
  const list = await articleSteps(page);
  await scrollStepTo(page, list[1].sel);
  await expectOpen(page, list[1].stop, '[data-tripmap]', 'first stop');
  await page.waitForSelector('[data-tripmap][data-tripmap-mounted]');
  // A jump over three steps: the map ends on the last stop's card, not on any on the way.
  const lima = list.findIndex((s) => s.stop === 'lima');
  await scrollStepTo(page, list[lima].sel);
  await expectOpen(page, 'lima', '[data-tripmap]', 'jumped to Lima');
  // The flight settles on Lima's view, and stays there (no queued flights to other stops).
  await page.waitForTimeout(1500);
  const settled = await viewOf(page);
  await page.waitForTimeout(300);
  assert.deepEqual(await viewOf(page), settled, 'no animation left running after the jump');
  // A reader's click opens another stop; the next step that crosses the line takes over. Bogotá
  // lies outside Lima's view: the whole trip first. Both are clicked where the reader sees them
  // (Playwright's own click first scrolls the page to a sticky map's control, by a screen and
  // more, which moves the steps).
  const clickOnScreen = async (locator) => {
    const b = await locator.boundingBox();
    await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
  };
  await clickOnScreen(page.locator('[data-tripmap] .tripmap__ctl[aria-label="Show the whole trip"]'));
  for (let i = 0; i < 30 && (await viewOf(page)).k !== 1; i++) await page.waitForTimeout(100);
  await clickOnScreen(page.locator('[data-tripmap] .tripmap [data-stop="bogota"][role="button"]').first());
  await expectOpen(page, 'bogota', '[data-tripmap]', 'the reader clicked Bogotá');
  await scrollStepTo(page, list[lima - 1].sel);
  await expectOpen(page, list[lima - 1].stop, '[data-tripmap]', 'the next step took over again');
  // End: past the last step, the whole trip; Home: back above every step, the whole trip too.
  // (With focus in the map, End is the map's own key for its last stop: the reader clicks the text first.)
  await page.click('h1');
  await page.keyboard.press('End');
  await settle(page);
  await expectOpen(page, null, '[data-tripmap]', 'End');
  await page.evaluate(() => document.querySelector('[data-tripmap-step="santiago"]').scrollIntoView({ block: 'center' }));
  await expectOpen(page, 'santiago', '[data-tripmap]', 'an element scrolled into view');
  await page.keyboard.press('Home');
  await settle(page);
  await expectOpen(page, null, '[data-tripmap]', 'Home');
  // After its last step the map scrolls on with the page.
  await page.keyboard.press('End');
  await settle(page);
  const end = await boxes(page, `${list.at(-1).sel}`);
  assert.ok(end.map.bottom < end.h, `past the story the map has gone on with the page (${end.map.bottom} of ${end.h})`);
  assert.deepEqual(problems, []);
  await close();
});

test('phone: the map stays above the text at most half the screen high, and each paragraph opens its stop', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, problems, close } = await open(env.browser, env.server.url + '/scrolly.html', {
      waitFor: null,
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
      colorScheme,
    });
    const list = await articleSteps(page);
    for (const [i, { sel, stop }] of list.slice(1, -1).entries()) {
      // At the middle of the screen, as the issue says, the paragraph's stop is open.
      await scrollStepTo(page, sel, 0.5);
      await expectOpen(page, stop, '[data-tripmap]', `phone ${colorScheme}: step ${stop}`);
      const { map, h } = await boxes(page, sel);
      assert.ok(map.top >= -1 && map.bottom - map.top <= h * 0.55, `${stop}: the map is on screen and at most about half of it (${map.top}..${map.bottom} of ${h})`);
      if (stop === 'santiago') {
        // The reading line is the middle of what the map leaves uncovered: a paragraph selects
        // its stop while it is still wholly below the map, not once it slides under it.
        await scrollStepTo(page, sel, 0.85);
        await expectOpen(page, list[i].stop, '[data-tripmap]', 'below the reading line, the step before holds');
        await scrollStepTo(page, sel, 0.72);
        await expectOpen(page, stop, '[data-tripmap]', 'at the reading line');
        const { map, step } = await boxes(page, sel);
        // The card stays inside the map's box: the paragraph below is not covered.
        const card = await page.evaluate(() => {
          const root = document.querySelector('[data-tripmap] > tripmap-view').shadowRoot;
          const c = root.querySelector('[data-card]:popover-open') ?? root.querySelector('.tripmap__aside-scroll .tripmap__card:not([popover]):not([hidden])');
          return c.getBoundingClientRect().bottom;
        });
        assert.ok(card <= map.bottom + 1, `the card ends within the map (${card} vs ${map.bottom})`);
        assert.ok(step.top >= map.bottom - 1, 'the paragraph is below the map');
        // The flight over, the stop stands in the part of the map the card leaves.
        await page.waitForTimeout(1500);
        const marker = await page.locator('[data-tripmap] .tripmap [data-stop="santiago"][role="button"]').first().boundingBox();
        assert.ok(marker.y + marker.height / 2 < card - 4 - (await page.evaluate(() => document.querySelector('[data-tripmap] > tripmap-view').shadowRoot.querySelector('.tripmap__aside-scroll .tripmap__card:not([popover]):not([hidden])').getBoundingClientRect().height)), 'the stop is framed above the card');
        await page.screenshot({ path: `${artifacts}/scrolly-phone-${colorScheme}.png` });
      }
    }
    assert.deepEqual(problems, []);
    await close();
  }
});

test('desktop, dark: the page and its live map follow the reader\'s dark setting', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/scrolly.html', { waitFor: null, colorScheme: 'dark' });
  const list = await articleSteps(page);
  const bogota = list.find((s) => s.stop === 'bogota');
  await scrollStepTo(page, bogota.sel);
  await page.waitForSelector('[data-tripmap][data-tripmap-mounted]');
  await expectOpen(page, 'bogota', '[data-tripmap]', 'dark');
  await page.waitForTimeout(1200);
  assert.equal(await page.locator('[data-tripmap] .tripmap').first().evaluate((e) => e.classList.contains('is-dark')), true, 'the map is dark');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(17, 22, 28)', 'the page is dark');
  await page.screenshot({ path: `${artifacts}/scrolly-desktop-dark.png` });
  assert.deepEqual(problems, []);
  await close();
});

test('reduced motion: the view changes at once, and the card still follows', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/scrolly.html', { waitFor: null, reducedMotion: 'reduce' });
  const list = await articleSteps(page);
  await scrollStepTo(page, list[1].sel);
  await page.waitForSelector('[data-tripmap][data-tripmap-mounted]');
  const santiago = list.find((s) => s.stop === 'santiago');
  await scrollStepTo(page, santiago.sel);
  await expectOpen(page, 'santiago', '[data-tripmap]', 'reduced motion');
  const first = await viewOf(page);
  await page.waitForTimeout(400);
  assert.deepEqual(await viewOf(page), first, 'no animation: the view was final in its first frame');
  assert.ok(first.k > 1, 'zoomed to the stop');
  assert.deepEqual(problems, []);
  await close();
});

test('with the wasm blocked, the static map follows the steps by itself, and announces each stop', async () => {
  const { page, context, close } = await open(env.browser, env.server.url + '/scrolly.html', { waitFor: null });
  await context.route('**/*.wasm', (route) => route.abort());
  const list = await articleSteps(page);
  for (const { sel, stop } of list.slice(1, -1)) {
    await scrollStepTo(page, sel);
    await expectOpen(page, stop, '[data-tripmap]', `static map, step ${stop}`);
    const said = await page.evaluate(() => document.querySelector('[data-tripmap] > tripmap-view').shadowRoot.querySelector('[data-announcer]').textContent);
    assert.equal(said, story.stops.find((s) => s.id === stop).name.en, 'the live region names the stop');
  }
  await scrollStepTo(page, list.at(-1).sel);
  await expectOpen(page, null, '[data-tripmap]', 'static map, whole trip');
  assert.equal(await page.evaluate(() => !!document.querySelector('[data-tripmap] > tripmap-view[data-tripmap-static]')), true, 'still the static map');
  assert.equal(await page.evaluate(() => window.deepActive() === document.body), true, 'focus stays on the page');
  await close();
});

test('the live map announces the stop a step selects, once, in its polite live region', async () => {
  const { page, close } = await open(env.browser, env.server.url + '/scrolly.html', { waitFor: null });
  const list = await articleSteps(page);
  await scrollStepTo(page, list[2].sel);
  await page.waitForSelector('[data-tripmap][data-tripmap-mounted]');
  await expectOpen(page, list[2].stop, '[data-tripmap]', 'live');
  const regions = await page.evaluate(() => [...document.querySelector('[data-tripmap] > tripmap-view').shadowRoot.querySelectorAll('[aria-live]')].map((r) => r.textContent.trim()));
  assert.equal(regions.length, 1, 'one live region');
  assert.ok(regions[0].startsWith(story.stops[1].name.en), `it names the stop: ${regions[0]}`);
  await close();
});

test('two maps on one page follow their own steps; a step can name its map; a clipping ancestor turns the sticky layout off', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/scrolly-cases.html', { waitFor: null });
  await scrollStepTo(page, '#a-bogota');
  await expectOpen(page, 'bogota', '#first', 'first map, Bogotá');
  await scrollStepTo(page, '#a-lima');
  await expectOpen(page, 'lima', '#first', 'first map, Lima');
  await scrollStepTo(page, '#b-seoul');
  await expectOpen(page, 'seoul', '#second', 'second map, Seoul');
  await expectOpen(page, 'lima', '#first', 'the first map keeps its last step');
  await scrollStepTo(page, '#a-santiago');
  await expectOpen(page, 'santiago', '#first', 'a named step reaches its map');
  await expectOpen(page, 'seoul', '#second', 'and not the map before it');
  await scrollStepTo(page, '#b-bangkok');
  await expectOpen(page, 'bangkok', '#second', 'second map, Bangkok');
  assert.equal(await page.getAttribute('#third', 'data-tripmap-sticky'), 'off', 'an overflow: hidden ancestor: no sticky layout');
  await scrollStepTo(page, '#c-hanoi');
  await expectOpen(page, 'hanoi', '#third', 'the steps still select its stops');
  assert.deepEqual(problems, []);
  await close();
});

test('right to left: the map stands at the inline end and follows the steps', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/scrolly-rtl.html', { waitFor: null });
  await scrollStepTo(page, '#s-bogota');
  await expectOpen(page, 'bogota', '[data-tripmap]', 'RTL, Bogotá');
  const { map, step } = await boxes(page, '#s-bogota');
  assert.ok(map.right <= step.left + 1, `the map is to the left of the text in an RTL page (${map.right} vs ${step.left})`);
  await scrollStepTo(page, '#s-santiago');
  await expectOpen(page, 'santiago', '[data-tripmap]', 'RTL, Santiago');
  assert.deepEqual(problems, []);
  await close();
});

test('a story that carries its own steps scrolls them beside its map, in one embed block', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/scrolly-block.html', { waitFor: null });
  await page.evaluate(() => document.querySelector('[data-tripmap]').scrollIntoView());
  await page.waitForSelector('[data-tripmap][data-tripmap-mounted]');
  const own = await page.evaluate(() => [...document.querySelector('[data-tripmap] > tripmap-view').shadowRoot.querySelectorAll('[data-tripmap-step]')].map((s) => s.dataset.tripmapStep));
  const file = await (await fetch(env.server.url + '/stories/east-asia-steps.json')).json();
  assert.deepEqual(own, file.steps.map((s) => s.stop ?? ''), 'every step of the story, in order');
  for (const [i, stop] of own.entries()) {
    if (!stop) continue;
    await page.evaluate((i) => {
      const s = document.querySelector('[data-tripmap] > tripmap-view').shadowRoot.querySelectorAll('[data-tripmap-step]')[i];
      window.scrollTo({ top: s.getBoundingClientRect().top + scrollY - innerHeight / 2 + 10, behavior: 'instant' });
    }, i);
    await expectOpen(page, stop, '[data-tripmap]', `own step ${stop}`);
    // The stage (map and card) stays on screen beside the text.
    const stage = await page.evaluate(() => document.querySelector('[data-tripmap] > tripmap-view').shadowRoot.querySelector('.tripmap__stage').getBoundingClientRect().top);
    assert.ok(Math.abs(stage) <= 1, `the map stays on screen (${stage})`);
    if (stop === 'shanghai') await page.screenshot({ path: `${artifacts}/scrolly-block.png` });
  }
  assert.deepEqual(problems, []);
  await close();
});

test('an iframe embed follows the parent page’s steps (iframe-parent.js)', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/scrolly-iframe.html', { waitFor: null });
  const frame = page.frameLocator('#framed');
  await frame.locator('[data-tripmap][data-tripmap-mounted]').waitFor({ timeout: 20_000 });
  // The live card of the map in an iframe.
  const shownIn = (f) => () => f.locator('[data-tripmap] > tripmap-view').evaluate((v) => v.shadowRoot.querySelector('.tripmap__aside-scroll .tripmap__card:not([popover]):not([hidden])')?.dataset.card ?? null);
  const shown = shownIn(frame);
  for (const [sel, want] of [['#f-santiago', 'santiago'], ['#f-lima', 'lima'], ['#f-whole', null]]) {
    await scrollStepTo(page, sel);
    await page.waitForTimeout(100);
    for (let i = 0; i < 50 && (await shown()) !== want; i++) await page.waitForTimeout(100);
    assert.equal(await shown(), want, `${sel} selects ${want} in the iframe`);
  }
  // The fixed-height iframe's own steps scroll inside it.
  const own = page.frameLocator('#own');
  await page.locator('#own').scrollIntoViewIfNeeded();
  await own.locator('[data-tripmap][data-tripmap-mounted]').waitFor({ timeout: 20_000 });
  const ownShown = shownIn(own);
  await own.locator('[data-tripmap] > tripmap-view').evaluate((v) => {
    const s = v.shadowRoot.querySelector('[data-tripmap-step="seoul"]');
    window.scrollTo({ top: s.getBoundingClientRect().top + scrollY - innerHeight / 2 + 10, behavior: 'instant' });
  });
  for (let i = 0; i < 50 && (await ownShown()) !== 'seoul'; i++) await page.waitForTimeout(100);
  assert.equal(await ownShown(), 'seoul', 'a step inside the iframe selects its stop');
  assert.deepEqual(problems, []);
  await close();
});

test('scrolly.html passes axe-core with a card open', async () => {
  const { page, close } = await open(env.browser, env.server.url + '/scrolly.html', { waitFor: null });
  const list = await articleSteps(page);
  await scrollStepTo(page, list[2].sel);
  await page.waitForSelector('[data-tripmap][data-tripmap-mounted]');
  await expectOpen(page, list[2].stop, '[data-tripmap]', 'axe');
  assert.deepEqual(await axe(page), []);
  await close();
});
