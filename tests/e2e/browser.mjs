// Launches Debian's Chromium through playwright-core with the flags this machine needs, and
// opens pages that record console errors, page errors and every request.
// Never downloads a browser: if /usr/bin/chromium is missing the tests fail, loudly.
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import { serve } from './server.mjs';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const root = fileURLToPath(new URL('../../', import.meta.url));
export const artifacts = root + 'tests/e2e/artifacts';
export const defaultStory = JSON.parse(readFileSync(root + 'data/story.json', 'utf8'));
const axeSource = readFileSync(root + 'node_modules/axe-core/axe.min.js', 'utf8');

/**
 * One static server for dist/ and one browser for a test file: started before its tests,
 * closed after them. Returns an object whose `server` and `browser` are set once started.
 */
export function setup() {
  const env = {};
  before(async () => {
    env.server = await serve(root + 'dist', root + 'tests/e2e/fixtures');
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A headless Chromium; playwright gives it a fresh, empty profile directory. */
export async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/setup --browsers`);
  if (!existsSync(root + 'dist/tripmap.js')) throw new Error('dist/tripmap.js missing: run `trunk build --release` first');
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
}

/** A live map's stop marker: a static map's markers carry `data-stop` too, but are no buttons. */
export const LIVE_STOP = '.tripmap [data-stop][role="button"]';

/**
 * The reader points at every static map on the page, which starts its live map (a static map
 * waits for intent): for tests about the live map on pages that have one.
 */
export async function intent(page) {
  await page.evaluate(() => {
    for (const v of document.querySelectorAll('[data-tripmap] > tripmap-view[data-tripmap-static]')) v.dispatchEvent(new PointerEvent('pointerenter'));
  });
}

/**
 * Opens `url` in a new context (options: viewport, hasTouch, isMobile, reducedMotion, colorScheme)
 * and waits for the first live map (`waitFor`: another selector, or null for none). `problems` collects console errors and warnings, page errors and failed
 * requests; `requests` every URL asked for.
 */
export async function open(browser, url, { waitFor = LIVE_STOP, ...options } = {}) {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(url);
  if (waitFor) {
    await intent(page);
    await page.waitForSelector(waitFor, { timeout: 20_000 });
  }
  return { page, context, problems, requests, close: () => context.close() };
}

/**
 * A browser context whose pages have two helpers for the maps' shadow roots (which
 * `document.querySelector` does not enter): `deepActive()`, the focused element inside any
 * shadow root, and `deepQueryAll(selector)`, matches in the document and every shadow root.
 */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.addInitScript(() => {
    window.deepActive = () => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a;
    };
    window.deepQueryAll = (selector, root = document) => {
      const found = [...root.querySelectorAll(selector)];
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...window.deepQueryAll(selector, el.shadowRoot));
      return found;
    };
  });
  return context;
}

/** axe-core's violations of any impact on the whole page, one line each. */
export async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** A story text in one language: plain strings as they are, translations by language. */
export const tr = (t, lang = 'en') => (t == null ? t : typeof t === 'string' ? t : t[lang] ?? t.en);

/** The story a page's first map shows: its data-story file, its embedded JSON, else the default story. */
export async function storyOf(page) {
  const json = await page.evaluate(async () => {
    const el = document.querySelector('[data-tripmap]');
    if (el.dataset.story) return (await fetch(el.dataset.story)).text();
    return el.querySelector('script[type="application/json"]')?.textContent;
  });
  return json ? JSON.parse(json) : defaultStory;
}

/** The legs of a story: explicit, or consecutive stops. */
export function legsOf(story) {
  return story.legs ?? story.stops.slice(1).map((s, i) => ({ from: story.stops[i].id, to: s.id }));
}

/** The view transform of the first map: { k, x, y }. */
export async function viewOf(page) {
  const t = await page.locator('.tripmap__zoom').first().getAttribute('transform');
  const [x, y, k] = t.match(/-?[\d.]+/g).map(Number);
  return { k, x, y };
}

/** Bounding boxes of every visible label on the first map, in page pixels. */
export async function labelBoxes(page) {
  return page.evaluate(() =>
    window.deepQueryAll('.tripmap__label, .tripmap__leg-label').filter((t) => getComputedStyle(t).visibility !== 'hidden').map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }),
  );
}

export function overlapping(boxes) {
  const pairs = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 0.5 && h > 0.5) pairs.push(`${a.text} / ${b.text}`);
    }
  }
  return pairs;
}

/** A stop's dates as the page's Intl formats them for `locale` (what the card must show). */
export async function intlDates(page, stop, locale) {
  return page.evaluate(([start, end, locale]) => {
    const f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const d = (s) => new Date(s + 'T00:00:00Z');
    return end && end !== start ? f.formatRange(d(start), d(end)) : f.format(d(start));
  }, [stop.date, stop.end_date, locale]);
}
