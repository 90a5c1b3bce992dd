// Embedding on news sites, end to end on the demo pages: many maps, the JS API, isolation from
// hostile CSS, responsive re-fit, network and CSP, lazy start without layout shift, themes,
// one wasm per page, and the iframe option.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, newContext, axe, artifacts, root, intent } from './browser.mjs';
import { serveWith, CSP } from './server.mjs';

const env = setup();
const DEMO_PAGES = ['/index.html', '/two-stories.html', '/hostile.html', '/csp.html', '/iframe.html', '/east-asia.html'];
const origin = (u) => new URL(u).origin;

/** Scrolls through the whole page, so that every lazy map starts. */
async function scrollThrough(page) {
  await page.evaluate(async () => {
    for (let y = 0; y <= document.documentElement.scrollHeight; y += innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
}

/** Waits until `n` maps on the page have their stops drawn (pointing at static maps first: they
 *  start their live maps on the reader's intent). */
async function mapsReady(page, n, timeout = 20_000) {
  if (n === 0) return;
  await intent(page);
  await page.waitForFunction((n) => window.deepQueryAll('.tripmap [data-stop]').length > 0 && document.querySelectorAll('[data-tripmap-mounted]').length >= n && window.deepQueryAll('.tripmap__svg').length >= n, n, { timeout });
}

/** How many maps a demo page shows in its own document (the iframe page has them in frames). */
const mapsOn = (path) => ({ '/two-stories.html': 2, '/iframe.html': 0 })[path] ?? 1;

test('many maps: independent, no duplicate ids, ARIA resolved inside each map, a JS API with select and destroy', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/index.html');
  await page.goto(env.server.url + '/two-stories.html');
  await scrollThrough(page);
  await mapsReady(page, 2);
  const ids = await page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll('tripmap-view')].map((v) => v.shadowRoot)];
    const out = { duplicates: [], unresolved: [] };
    for (const r of roots) {
      const seen = new Set();
      for (const el of r.querySelectorAll('[id]')) (seen.has(el.id) ? out.duplicates.push(el.id) : seen.add(el.id));
      for (const el of r.querySelectorAll('[aria-describedby], [aria-labelledby], [aria-controls]')) {
        for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-controls']) {
          for (const id of (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) if (!r.getElementById(id)) out.unresolved.push(`${attr}=${id}`);
        }
      }
    }
    const all = [...document.querySelectorAll('tripmap-view')].flatMap((v) => [...v.shadowRoot.querySelectorAll('[id]')].map((e) => e.id));
    out.acrossMaps = all.length - new Set(all).size;
    return out;
  });
  assert.deepEqual(ids, { duplicates: [], unresolved: [], acrossMaps: 0 });
  // Selecting on one map leaves the other alone.
  await page.locator('#asia [data-stop="seoul"]').click();
  await page.locator('#asia [data-card="seoul"]').waitFor();
  assert.equal(await page.locator('#americas [data-card]:not([hidden])').count(), 0);

  // The JS API: mount a story into a new element, select a stop, destroy the map.
  const events = await page.evaluate(async () => {
    const heard = [];
    document.addEventListener('tripmap:select', (e) => heard.push(e.detail.stopId));
    const el = document.createElement('div');
    el.id = 'api';
    document.querySelector('main').prepend(el);
    const story = { title: 'API', traveller: { name: 'X' }, stops: [{ id: 'oslo', name: 'Oslo', lat: 59.91, lon: 10.75, date: '2024-01-01' }, { id: 'riga', name: 'Riga', lat: 56.95, lon: 24.11, date: '2024-01-02' }] };
    window.__handle = await window.TripMap.mount(el, story);
    return heard;
  });
  await page.locator('#api [data-stop="riga"]').waitFor();
  assert.equal(await page.evaluate(() => window.__handle.select('riga')), true);
  assert.equal(await page.evaluate(() => window.__handle.select('nowhere')), false);
  await page.locator('#api [data-card="riga"]').waitFor();
  assert.deepEqual(events, [], 'a page-driven selection is not reported as a reader\'s');
  assert.equal(await page.evaluate(() => window.__handle.element.id), 'api');
  await page.evaluate(() => window.__handle.destroy());
  assert.equal(await page.locator('#api tripmap-view').count(), 0, 'destroyed');
  assert.equal(await page.locator('#asia [data-card="seoul"]:not([hidden])').count(), 1, 'the other maps go on');
  assert.deepEqual(problems, []);
  await close();
});

/** Every element of the first map, with its box relative to the map and its key styles. */
async function mapSignature(page) {
  return page.evaluate(() => {
    const map = document.querySelector('tripmap-view').shadowRoot.querySelector('.tripmap');
    const base = map.getBoundingClientRect();
    return [map, ...map.querySelectorAll('*')].map((e) => {
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      const box = [r.left - base.left, r.top - base.top, r.width, r.height].map((v) => Math.round(v));
      return `${e.tagName}.${e.getAttribute('class') ?? ''} ${box} ${s.fontSize} ${s.lineHeight} ${s.letterSpacing} ${s.fill} ${s.color} ${s.display}`;
    });
  });
}

test('hostile CSS: Bootstrap 5 and global rules change nothing in the map, and the map changes nothing on the page', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/hostile.html');
  // The same map, same box and font, with and without the page's stylesheets. (The page may
  // style its own [data-tripmap] element, here a dotted border: that box is set alike for both.)
  await page.evaluate(() => {
    const el = document.querySelector('[data-tripmap]');
    el.style.width = '900px';
    el.style.border = '0';
    // At the same place on screen too, so that the two screenshots can be compared pixel by pixel.
    Object.assign(el.style, { position: 'fixed', left: '0px', top: '0px', zIndex: '10' });
    el.style.setProperty('--tripmap-font', 'sans-serif');
  });
  await page.waitForTimeout(300);
  const hostile = await mapSignature(page);
  const shotHostile = await page.locator('tripmap-view').screenshot();
  await page.evaluate(() => {
    for (const s of document.styleSheets) if (/bootstrap|hostile/.test(s.href ?? '')) s.disabled = true;
  });
  await page.waitForTimeout(300);
  const plain = await mapSignature(page);
  const shotPlain = await page.locator('tripmap-view').screenshot();
  assert.ok(hostile.length > 100);
  assert.deepEqual(hostile, plain, 'every element of the map: same box and styles');
  assert.ok(shotHostile.equals(shotPlain), 'pixel-identical screenshots');
  await page.evaluate(() => {
    for (const s of document.styleSheets) s.disabled = false;
  });
  await page.waitForTimeout(200);
  await page.locator('tripmap-view').screenshot({ path: `${artifacts}/hostile-map.png` });
  // It works: 44 px buttons, a marker opens its card, the keyboard steps on.
  const zoom = await page.locator('button[aria-label="Zoom in"]').boundingBox();
  assert.ok(zoom.width >= 44 && zoom.height >= 44, `zoom button ${zoom.width}×${zoom.height}`);
  await page.locator('[data-stop="bogota"]').click();
  await page.locator('[data-card="bogota"]').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.locator('[data-card="santiago"]').waitFor();
  // Nothing leaks out: the page's own rules are all it has, plus tripmap.css's [data-tripmap] rules.
  const leaks = await page.evaluate(() => {
    const out = [];
    for (const s of document.styleSheets) {
      if (!/tripmap/.test(s.href ?? '')) continue;
      // A selector list split at its own commas, not those inside :is(), :not() or :has().
      const topLevel = (list) => {
        const parts = [''];
        let depth = 0;
        for (const c of list) {
          depth += c === '(' ? 1 : c === ')' ? -1 : 0;
          if (c === ',' && depth === 0) parts.push('');
          else parts[parts.length - 1] += c;
        }
        return parts;
      };
      const walk = (rules) => {
        for (const r of rules) {
          // The map's element, or a scrolling story's steps (TripMap's own attributes both);
          // what stands between a map and its last step is reached only from the map's rule.
          if (r.selectorText && !topLevel(r.selectorText).every((sel) => /^\[data-tripmap(-step)?\]/.test(sel.trim()))) out.push(r.selectorText);
          if (r.cssRules) walk(r.cssRules);
        }
      };
      walk(s.cssRules);
    }
    const look = getComputedStyle(document.getElementById('lookalike'));
    return { out, lookalike: [look.fontSize, look.fontWeight], button: getComputedStyle(document.getElementById('page-button')).backgroundColor, styleSheets: document.styleSheets.length };
  });
  assert.deepEqual(leaks.out, [], 'page-level rules only on [data-tripmap]');
  assert.deepEqual(leaks.lookalike, ['10px', '400'], 'a page element named like TripMap keeps the page style');
  assert.equal(leaks.button, 'rgba(0, 0, 0, 0)', 'button{all:unset} still rules the page\'s own buttons');
  assert.deepEqual(problems, []);
  await close();
});

test('responsive: fits 300 to 1600 px, re-fits on resize, keeps the open stop; data-height sets the height', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/index.html', { viewport: { width: 1700, height: 1000 } });
  await page.evaluate(() => (document.querySelector('.article').style.maxWidth = 'none'));
  await page.locator('[data-stop="lima"]').click();
  await page.locator('[data-card="lima"]').waitFor();
  for (const width of [300, 600, 1000, 1600]) {
    await page.evaluate((w) => (document.querySelector('[data-tripmap]').style.width = `${w}px`), width);
    await page.waitForTimeout(400);
    const m = await page.evaluate(() => {
      const host = document.querySelector('[data-tripmap]').getBoundingClientRect();
      const shadow = document.querySelector('tripmap-view').shadowRoot;
      const area = shadow.querySelector('.tripmap__map').getBoundingClientRect();
      const svg = shadow.querySelector('.tripmap__svg');
      const [, , vw, vh] = svg.getAttribute('viewBox').split(' ').map(Number);
      const tm = shadow.querySelector('.tripmap').getBoundingClientRect();
      return { host: host.width, hostH: host.height, area: [area.width, area.height], view: [vw, vh], overflow: tm.right - host.right, markers: [...shadow.querySelectorAll('.tripmap__marker')].map((c) => c.getBoundingClientRect()).filter((r) => r.left < area.left - 1 || r.right > area.right + 1).length };
    });
    assert.equal(Math.round(m.host), width);
    assert.ok(Math.abs(m.view[0] - m.area[0]) <= 1 && Math.abs(m.view[1] - m.area[1]) <= 1, `projection re-fitted to the map area at ${width}: ${JSON.stringify(m)}`);
    assert.ok(m.overflow <= 0.5, `nothing sticks out at ${width}`);
    assert.equal(await page.locator('[data-stop="lima"].is-selected').count(), 1, `Lima still open at ${width}`);
    await page.locator('tripmap-view').screenshot({ path: `${artifacts}/responsive-${width}.png` });
  }
  // data-height: a fixed height, whatever the width.
  await page.evaluate(() => {
    const el = document.createElement('div');
    el.setAttribute('data-tripmap', '');
    el.setAttribute('data-height', '480');
    el.id = 'fixed';
    document.querySelector('main').prepend(el);
  });
  await page.locator('#fixed [data-stop]').first().waitFor();
  assert.equal(await page.evaluate(() => document.getElementById('fixed').getBoundingClientRect().height), 480);
  assert.deepEqual(problems, []);
  await close();
});

test('network: every request stays on the origin that served tripmap.js, even from another host and path; no web font', async () => {
  for (const path of DEMO_PAGES) {
    const { page, requests, problems, close } = await open(env.browser, env.server.url + path, { waitFor: null });
    await scrollThrough(page);
    await mapsReady(page, mapsOn(path));
    await page.waitForTimeout(path === '/iframe.html' ? 1500 : 300);
    const off = requests.filter((u) => origin(u) !== env.server.url && !u.startsWith('data:'));
    assert.deepEqual(off, [], `${path}: no request off its origin`);
    assert.deepEqual(requests.filter((u) => /\.(woff2?|ttf|otf)(\?|$)/.test(u)), [], `${path}: no web font`);
    assert.deepEqual(problems, [], path);
    await close();
  }
  // A CDN: the page on one origin, TripMap from another origin under a versioned path.
  const cdn = await serveWith({ prefix: '/cdn/tripmap/1.0' }, root + 'dist');
  try {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${env.server.url}/cdn.html?from=${encodeURIComponent(cdn.url + '/cdn/tripmap/1.0/')}`);
    await page.locator('[data-stop="lima"]').click();
    await page.locator('[data-card="lima"]').waitFor();
    const fromCdn = requests.filter((u) => u.startsWith(cdn.url));
    assert.deepEqual(requests.filter((u) => !u.startsWith(cdn.url) && !u.startsWith(env.server.url)), [], 'only the page and the CDN');
    // The page has no static map: the standalone map module, and the basemap.
    for (const f of ['tripmap.js', 'tripmap-standalone.js', 'tripmap-standalone_bg.wasm', 'tripmap-map.css', 'countries.topo.json']) {
      assert.ok(fromCdn.includes(`${cdn.url}/cdn/tripmap/1.0/${f}`), `${f} found next to tripmap.js`);
    }
    await context.close();
  } finally {
    await cdn.close();
  }
});

test('CSP: the demo pages run under the strict policy, sent as a header, with no violation', async () => {
  for (const path of DEMO_PAGES) {
    const context = await newContext(env.browser, { colorScheme: 'dark' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const res = await page.goto(env.server.url + path);
    assert.equal(res.headers()['content-security-policy'], CSP, `${path} is served with the policy`);
    await scrollThrough(page);
    await mapsReady(page, mapsOn(path));
    await page.waitForTimeout(path === '/iframe.html' ? 1500 : 200);
    if (path === '/csp.html') {
      await page.locator('[data-stop="santiago"]').click();
      await page.locator('[data-card="santiago"]').waitFor();
      await page.locator('button[aria-label="Zoom in"]').click();
      await page.waitForTimeout(600);
      assert.equal(await page.locator('#csp-status').textContent(), 'No Content-Security-Policy violation so far.');
    }
    assert.deepEqual(await page.evaluate(() => window.__violations), [], `${path}: no violation`);
    await context.close();
  }
});

test('lazy start: nothing is fetched until a map nears the screen; the placeholder holds the final size; CLS is 0', async () => {
  const { page, requests, problems, close } = await open(env.browser, env.server.url + '/index.html');
  // The article with the map on screen: no layout shift at all while it loads and starts.
  const cls = await page.evaluate(
    () =>
      new Promise((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(sum), 1000);
      }),
  );
  assert.equal(cls, 0, 'cumulative layout shift');
  requests.length = 0;
  await page.goto(env.server.url + '/two-stories.html');
  await page.waitForTimeout(800);
  const placeholder = await page.evaluate(() => [...document.querySelectorAll('[data-tripmap]')].map((e) => e.getBoundingClientRect().height));
  assert.deepEqual(requests.filter((u) => /tripmap-(core|standalone)|\.wasm|\.json/.test(u)), [], 'no wasm before a map is near');
  assert.equal(await page.locator('[data-tripmap-mounted]').count(), 0);
  // Scroll to just above the first map: within a screen, so it starts.
  await page.evaluate(() => window.scrollTo(0, document.getElementById('americas').offsetTop - innerHeight * 1.5));
  await page.locator('#americas [data-stop]').first().waitFor();
  assert.equal(await page.locator('#asia[data-tripmap-mounted]').count(), 0, 'the far map waits');
  await page.evaluate(() => document.getElementById('asia').scrollIntoView());
  await page.locator('#asia [data-stop]').first().waitFor();
  const after = await page.evaluate(() => [...document.querySelectorAll('[data-tripmap]')].map((e) => e.getBoundingClientRect().height));
  assert.deepEqual(after, placeholder, 'each map is exactly the size its placeholder held');
  assert.deepEqual(problems, []);
  await close();
});

test('a deep link to a map far down the page starts that map at once, opens its stop and brings it into view', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/two-stories.html?tripmap-asia=seoul', { waitFor: '#asia [data-card="seoul"]' });
  const box = await page.locator('#asia').boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box.y >= -1 && box.y < viewport.height, `the map is on screen: ${box.y}`);
  assert.equal(await page.locator('#asia [data-stop="seoul"].is-selected').count(), 1);
  assert.deepEqual(problems, []);
  await close();
});

test('a data-story file that cannot be loaded, or lives on another host, gets an error panel naming it', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(env.server.url + '/east-asia.html');
  await page.locator('#asia [data-stop="tokyo"]').waitFor();
  await page.evaluate(() => {
    for (const [id, src] of [['missing', 'stories/missing.json'], ['elsewhere', 'https://example.com/story.json']]) {
      const el = document.createElement('figure');
      el.setAttribute('data-tripmap', '');
      el.setAttribute('data-story', src);
      el.id = id;
      document.querySelector('main').prepend(el);
    }
  });
  const missing = page.locator('#missing .tripmap--error[role="alert"]');
  await missing.waitFor();
  assert.match(await missing.textContent(), /data-story: could not be loaded \(stories\/missing\.json: HTTP 404\)/);
  const elsewhere = page.locator('#elsewhere .tripmap--error[role="alert"]');
  await elsewhere.waitFor();
  assert.match(await elsewhere.textContent(), /https:\/\/example\.com is neither this page's site nor TripMap's/);
  assert.ok(errors.some((e) => e.includes('data-story: could not be loaded')), 'in the console too');
  assert.equal(await page.locator('#asia [data-stop]').count(), 7, 'the good map goes on');
  await context.close();
});

test('one wasm per page: two maps, one fetch and one compile of the module and the styles', async () => {
  // Maps without a static map: the standalone module, and never the lean one.
  const { page, requests, problems, close } = await open(env.browser, env.server.url + '/index.html');
  requests.length = 0;
  await page.goto(env.server.url + '/two-stories.html');
  await scrollThrough(page);
  await mapsReady(page, 2);
  const count = (f) => requests.filter((u) => u.endsWith('/' + f)).length;
  assert.deepEqual(['tripmap-standalone_bg.wasm', 'tripmap-standalone.js', 'tripmap-map.css', 'tripmap-core_bg.wasm'].map(count), [1, 1, 1, 0]);
  assert.deepEqual(problems, []);
  await close();
});

/** Relative luminance contrast of two CSS rgb() colours (WCAG 2). */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('themes: custom properties, data-theme="dark", prefers-color-scheme; AA contrast for text and markers in both', async () => {
  for (const [name, options, theme] of [['light', {}, null], ['dark', {}, 'dark'], ['auto-dark', { colorScheme: 'dark' }, 'auto']]) {
    const { page, problems, close } = await open(env.browser, env.server.url + '/index.html', options);
    if (theme) {
      await page.evaluate((t) => {
        const el = document.querySelector('[data-tripmap]');
        el.setAttribute('data-theme', t);
        window.TripMap.mount(el);
      }, theme);
      await page.waitForTimeout(300);
    }
    await page.locator('[data-stop="bogota"]').click();
    await page.locator('[data-card="bogota"]').waitFor();
    const c = await page.evaluate(() => {
      const s = document.querySelector('tripmap-view').shadowRoot;
      const style = (sel) => getComputedStyle(s.querySelector(sel));
      return {
        dark: s.querySelector('.tripmap').classList.contains('is-dark'),
        marker: style('.tripmap__stop:not(.is-selected) .tripmap__marker').fill,
        land: style('.tripmap__country:not(.is-visited)').fill,
        visited: style('.tripmap__country.is-visited').fill,
        sea: style('.tripmap__sphere').fill,
        number: style('.tripmap__marker-num').fill,
        label: style('.tripmap__label').fill,
        halo: style('.tripmap__label').stroke,
      };
    });
    assert.equal(c.dark, name !== 'light', `${name}: dark or not`);
    for (const ground of ['land', 'visited', 'sea']) assert.ok(contrast(c.marker, c[ground]) >= 3, `${name}: marker on ${ground} ${contrast(c.marker, c[ground]).toFixed(2)}`);
    assert.ok(contrast(c.number, c.marker) >= 4.5, `${name}: number on marker ${contrast(c.number, c.marker).toFixed(2)}`);
    assert.ok(contrast(c.label, c.halo) >= 4.5, `${name}: label on its halo ${contrast(c.label, c.halo).toFixed(2)}`);
    assert.deepEqual(await axe(page), [], `${name}: axe-core, colour contrast included`);
    await page.locator('tripmap-view').screenshot({ path: `${artifacts}/theme-${name}.png` });
    assert.deepEqual(problems, []);
    await close();
  }
  // A page's own colours, through the documented custom properties.
  const { page, close } = await open(env.browser, env.server.url + '/index.html');
  await page.evaluate(() => document.querySelector('[data-tripmap]').style.setProperty('--tripmap-route', 'rgb(0, 100, 0)'));
  assert.equal(await page.locator('.tripmap__marker').first().evaluate((m) => getComputedStyle(m).fill), 'rgb(0, 100, 0)');
  await close();
});

test('iframe: embed.html tells pym.js, Datawrapper and AMP parents its height; deep links work inside', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/index.html');
  await page.addInitScript(() => {
    window.__messages = [];
    window.addEventListener('message', (e) => window.__messages.push(e.data));
  });
  await page.goto(env.server.url + '/iframe.html');
  const pym = page.locator('#pym-map iframe');
  await pym.waitFor();
  const plain = page.locator('iframe[data-tripmap-embed]');
  await plain.scrollIntoViewIfNeeded();
  await page.frameLocator('#pym-map iframe').locator('[data-stop="tokyo"]').waitFor();
  await page.frameLocator('iframe[data-tripmap-embed]').locator('[data-card="lima"]').waitFor();
  await page.waitForTimeout(500);
  const inner = await page.frameLocator('#pym-map iframe').locator('[data-tripmap]').evaluate((e) => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.equal(parseInt(await pym.getAttribute('height'), 10), inner, 'pym.js sized its iframe to the map');
  const plainInner = await page.frameLocator('iframe[data-tripmap-embed]').locator('[data-tripmap]').evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.equal(Number(await plain.getAttribute('height')), plainInner, 'the five documented lines sized the plain iframe');
  const kinds = await page.evaluate(() => ({
    pym: window.__messages.some((m) => typeof m === 'string' && /^pymxPYMx.+xPYMxheightxPYMx\d+$/.test(m)),
    datawrapper: window.__messages.some((m) => m?.['datawrapper-height'] && Object.values(m['datawrapper-height'])[0] > 0),
    amp: window.__messages.some((m) => m?.sentinel === 'amp' && m.type === 'embed-size' && m.height > 0),
  }));
  assert.deepEqual(kinds, { pym: true, datawrapper: true, amp: true });
  await page.screenshot({ path: `${artifacts}/iframe.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await close();
});
