// TripMap loader: the one script a page embeds.
//
//   <link rel="stylesheet" href="…/tripmap.css">
//   <figure data-tripmap><script type="application/json">{…story…}</script></figure>
//   <script type="module" src="…/tripmap.js"></script>
//
// Everything else (the map's styles, the wasm glue, the wasm, the basemap) is found relative to this file's
// own URL, so the folder works from any path or host, and nothing is asked of any other host.
// Lazy: a map with a static map (written into the page at build time) shows itself and opens its
// cards without any script, so its wasm is fetched only when the reader shows intent (the
// pointer or focus enters it, a touch, a key, a click, a deep link to one of its stops, a
// scrolling story's step that selects one: tripmap-scrolly.js), or as it
// nears the viewport when the page says `data-load="visible"`. A map without one starts when it
// comes within about a screen of the viewport.
//
// Two map modules, each fetched once however many maps: the lean one (tripmap-core) draws the
// live map over a static map drawn from the very story text it is handed (`data-tripmap-checked`:
// the story's checks ran at build time, so it carries none of them, no error panel and no
// basemap); the standalone one (tripmap-standalone) draws every other map, and every error panel.
//
// A StoryMapJS or GeoJSON story works as it is: the loader then fetches the importer module
// (tripmap-import.js and its wasm, only on such pages) and hands the map the imported story.
// So does a story whose legs name track files (GPX, GeoJSON): the loader fetches them from the
// story's own site and the importer reads them in.
//
// For pages that want it, a small API, on `window.TripMap` and as this module's exports:
//   const map = await TripMap.mount(element, story);  // story: an object, JSON text, or none
//   map.select('lima'); map.step('lima'); map.close(); map.destroy();
// and a `tripmap:select` event (detail.stopId) bubbling from a map when a reader opens a stop.

const here = (file) => new URL(file, import.meta.url).href;

/**
 * One of the two map modules, loaded once, with the map's stylesheet: `core`, the lean one, which
 * draws the live map over a static map of the very story it is handed (checked when that was
 * drawn), or `standalone`, for every other map (its own checks, error panel and basemap).
 */
const mapModules = new Map();
function mapModule(name) {
  if (!mapModules.has(name)) {
    // The stylesheet is fetched alongside the module, not after it.
    const sheet = mapStyles();
    mapModules.set(
      name,
      loadModule(name).then(async (glue) => {
        const styles = await sheet;
        if (styles) glue.setStyles(styles);
        return glue;
      }),
    );
  }
  return mapModules.get(name);
}

/** The map module a map starts with: the lean one over a static map that says its story was checked. */
const firstModule = (el) => (staticMap(el)?.hasAttribute('data-tripmap-checked') ? 'core' : 'standalone');

let countries = null;
/**
 * The basemap (Natural Earth countries), fetched once and only for a map that has no static map
 * of its own in the page (`tripmap render --html`): a static map's countries are reused.
 */
function basemap() {
  countries ??= fetch(here('countries.topo.json')).then((res) => {
    if (!res.ok) throw new Error(`countries.topo.json: HTTP ${res.status}`);
    return res.text();
  });
  return countries;
}
/** The static map written into `el` at build time (`tripmap render --html`), if any. */
const staticMap = (el) => el.querySelector(':scope > [data-tripmap-static]');

/** The map module that drew each element's map, so that another one first takes it away. */
const drawnBy = new WeakMap();

/**
 * Mounts the map through `glue`, handing it what it asks for first (it throws, having touched
 * nothing): the standalone module, for a map the lean one does not draw; the basemap; or, for a
 * story its quick read refused, the checker module's list of every problem, which it mounts as
 * its error panel. `json`: the story given, else the one in `el`, if any.
 */
async function mountMap(glue, el, json, text) {
  try {
    return drawWith(glue, el, () => glue.mountElement(el, json));
  } catch (e) {
    const why = String(e?.message ?? e);
    if (why.includes('needs the standalone')) return mountMap(await mapModule('standalone'), el, json, text);
    if (why.includes('needs the checker')) {
      const problems = await problemsOf(json ?? text);
      return drawWith(glue, el, () => glue.mountProblems(el, problems));
    }
    if (!why.includes('needs the basemap')) throw e;
    glue.setBasemap(await basemap());
    return mountMap(glue, el, json, text);
  }
}

/** Mounts with `mount`, through `glue`, after removing a map another module drew in `el`. */
function drawWith(glue, el, mount) {
  const before = drawnBy.get(el);
  if (before && before !== glue) handles.get(el)?.destroy();
  const handle = mount();
  drawnBy.set(el, glue);
  return handle;
}

/** Every problem of a story the map could not read, worded by the checker module, as JSON. */
async function problemsOf(json) {
  try {
    return (await loadModule('check')).checkStory(json ?? '');
  } catch (e) {
    return JSON.stringify(oneProblem(`the story could not be checked (${e.message})`));
  }
}

const modules = new Map();
/**
 * Loads one of TripMap's wasm modules, once, only when a page needs it: a map module (above),
 * `import` (StoryMapJS and GeoJSON stories) or `check` (every problem of a story the map could
 * not read). The wasm is fetched alongside its glue rather than after it: one round trip fewer.
 */
function loadModule(name) {
  if (!modules.has(name)) {
    modules.set(
      name,
      (async () => {
        const wasm = fetch(here(`tripmap-${name}_bg.wasm`));
        const glue = await import(`./tripmap-${name}.js`);
        await glue.default({ module_or_path: wasm });
        return glue;
      })(),
    );
  }
  return modules.get(name);
}

/** A problem list of one problem in plain words, for the map's error panel (`mountProblems`). */
const oneProblem = (text) => [{ path: '', what: 'Other', args: [['text', text]] }];

/** True for a StoryMapJS (`{"storymap": {…}}`) or GeoJSON FeatureCollection story. */
function foreignFormat(json) {
  if (!json || !/"storymap"|"FeatureCollection"/.test(json)) return false;
  try {
    const v = JSON.parse(json);
    return typeof v?.storymap === 'object' || v?.type === 'FeatureCollection';
  } catch {
    return false; // broken JSON: the map reports where
  }
}

/**
 * A story in another format, imported: the TripMap story's JSON, or the problems found. What the
 * import changed (dropped HTML, ignored tile options) goes to the console for the developer.
 */
async function imported(json) {
  const out = await askImporter((m) => m.importStory(json), 'the importer could not run');
  if (out.problems) return out;
  console.info(`TripMap: ${out.report}`);
  return { json: JSON.stringify(out.story) };
}

/**
 * One call to the importer module, whose answer is JSON: `{ story, … }` or `{ problems }`. An
 * importer that cannot load or run is one problem, worded `failure (why)`.
 */
async function askImporter(call, failure) {
  try {
    return JSON.parse(call(await loadModule('import')));
  } catch (e) {
    return { problems: oneProblem(`${failure} (${e.message})`) };
  }
}

let styles = null;
/** The map's own styles as one constructable stylesheet, shared by every map's shadow root. */
function mapStyles() {
  styles ??= fetchStyles();
  return styles;
}
async function fetchStyles() {
  try {
    const css = await (await fetch(here('tripmap-map.css'))).text();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  } catch (e) {
    console.error('TripMap: could not load its styles', e);
    return null;
  }
}

/** The page side's stylesheet (box sizes), in case the page did not link it. */
function pageStyles() {
  const href = here('tripmap.css');
  if ([...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === href)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}

/** data-height for browsers without typed CSS attr(): set through the CSSOM (CSP-safe). */
function applyHeight(el) {
  const h = Number(el.dataset.height);
  if (h > 0 && !CSS.supports('height', 'attr(data-height px, 600px)')) el.style.height = `${h}px`;
}

/**
 * A file from the page's own site or this script's, by a name relative to `base`; any other
 * host is refused, so that a map never depends on a third party. `{ text }` or `{ error }`.
 */
async function fetchOwn(name, base) {
  const url = new URL(name, base);
  if (url.origin !== location.origin && url.origin !== new URL(import.meta.url).origin) {
    return { error: `${url.origin} is neither this page's site nor TripMap's` };
  }
  try {
    const res = await fetch(url);
    if (!res.ok) return { error: `HTTP ${res.status}` };
    return { text: await res.text() };
  } catch (e) {
    return { error: e.message };
  }
}

/**
 * A story named by `data-story="stories/x.json"`, and where its track files are found; for an
 * element with no story at all (neither named nor embedded), TripMap's default one.
 */
async function storyFrom(el) {
  const src = el.dataset.story;
  if (!src) return el.querySelector('script[type="application/json"]') ? { json: undefined } : defaultStory();
  const got = await fetchOwn(src, document.baseURI);
  if (got.error) return { error: `${src}: ${got.error}` };
  return { json: got.text, base: new URL(src, document.baseURI).href };
}

let defaultJson;
/**
 * The default story (`story.json` beside this script), fetched once per page and only for a
 * map that names no story: the map's wasm does not carry it, since a newsroom's map never
 * shows it.
 */
function defaultStory() {
  defaultJson ??= fetchOwn(here('story.json'), location.href).then((got) =>
    got.error ? { error: `TripMap's default story (story.json): ${got.error}` } : { json: got.text },
  );
  return defaultJson;
}

/** The track files a story's legs name (`"path": "tracks/day1.gpx"`). */
function trackFiles(json) {
  if (!json || !/"path"\s*:\s*"/.test(json)) return [];
  try {
    const legs = JSON.parse(json).legs;
    return Array.isArray(legs) ? [...new Set(legs.map((l) => l?.path).filter((p) => typeof p === 'string'))] : [];
  } catch {
    return []; // broken JSON: the map reports where
  }
}

/**
 * A story with its legs' track files fetched (relative to the story's file, or to the page)
 * and read in by the importer module, which parses GPX and GeoJSON: the story's JSON, or the
 * problems (a file that did not load or does not parse, named with its leg).
 */
async function withTracks(json, files, base) {
  const fetched = JSON.stringify(Object.fromEntries(await Promise.all(files.map(async (f) => [f, await fetchOwn(f, base)]))));
  const out = await askImporter((m) => m.inlineTracks(json, fetched), 'the importer could not read the track files');
  return out.problems ? out : { json: JSON.stringify(out.story) };
}

const toJson = (story) => (story == null ? undefined : typeof story === 'string' ? story : JSON.stringify(story));

/** Each mounted map's handle, by its element (for the scrolling story's steps). */
const handles = new WeakMap();

/** Maps starting by themselves (lazily, or from a deep link), so that none starts twice. */
const starting = new WeakMap();
function autoMount(el) {
  if (!starting.has(el)) starting.set(el, mount(el));
  return starting.get(el);
}

/**
 * Mounts a map into `el` now (again, if it has one): `story` if given, else `data-story`, the
 * embedded JSON, or the default.
 */
export async function mount(el, story) {
  lazily.unobserve(el);
  applyHeight(el);
  // Fetched alongside the wasm, not after it, when the map will need it.
  if (!staticMap(el)) basemap().catch(() => {});
  const first = mapModule(firstModule(el));
  first.catch(() => {}); // awaited below, unless the story did not load
  const given = await (story === undefined ? storyFrom(el) : { json: toJson(story) });
  let source = given;
  const text = source.json ?? el.querySelector('script[type="application/json"]')?.textContent;
  if (!source.error && foreignFormat(text)) source = await imported(text);
  const tracks = source.error || source.problems ? [] : trackFiles(source.json ?? text);
  if (tracks.length) source = await withTracks(source.json ?? text, tracks, given.base ?? document.baseURI);
  // A story to be drawn goes to the module chosen first; an error panel is the standalone one's.
  const glue = await (source.problems || source.error ? mapModule('standalone') : first);
  try {
    let handle;
    if (source.problems) handle = drawWith(glue, el, () => glue.mountProblems(el, JSON.stringify(source.problems)));
    else if (source.error) handle = drawWith(glue, el, () => glue.mountFailed(el, source.error));
    else handle = await mountMap(glue, el, source.json, text);
    handles.set(el, handle);
    // The live map's own steps (a story's `steps`) are new elements: follow them instead.
    if (steps || el.querySelector(':scope > [data-steps]')) followSteps();
    return handle;
  } catch (e) {
    // A JavaScript exception from inside the map (a Rust panic shows its own panel): never leave
    // a half-drawn map.
    glue.showCrash(el);
    throw e;
  }
}

/** Mounts every map on the page now, without waiting for it to come near the screen. */
export async function mountAll() {
  return Promise.all([...document.querySelectorAll('[data-tripmap]:not([data-tripmap-mounted])')].map(autoMount));
}

// Maps start when they come within about one screen of the viewport.
const lazily = new IntersectionObserver(
  (entries) => {
    for (const e of entries) {
      if (e.isIntersecting && !e.target.hasAttribute('data-tripmap-mounted')) {
        autoMount(e.target).catch((err) => notStarted(e.target, err));
      }
    }
  },
  { rootMargin: '100% 0px' },
);
const watched = new WeakSet();
function watch(root) {
  const els = root.matches?.('[data-tripmap]') ? [root] : [...root.querySelectorAll('[data-tripmap]')];
  for (const el of els) {
    if (watched.has(el)) continue;
    watched.add(el);
    applyHeight(el);
    if (!startOnIntent(el) || el.dataset.load === 'visible') lazily.observe(el);
  }
}

/**
 * A static map does the reader's main job by itself: its stops open their cards (popovers) with
 * no script at all. The reader's first sign of intent starts the live map; a card open then
 * stays open when the live map takes over (`mountElement` keeps it).
 */
function startOnIntent(el) {
  const host = staticMap(el);
  if (!host?.shadowRoot) return false;
  // One frame later: the event that shows intent may be the click that opens a card, whose
  // frame then does not wait for the loader's work.
  const start = () => afterNextFrame().then(() => autoMount(el)).catch((err) => notStarted(el, err));
  for (const type of ['pointerenter', 'focusin', 'touchstart', 'keydown', 'click']) host.addEventListener(type, start, { once: true, passive: true });
  whenIdle(() => layOutUnseen(host.shadowRoot));
  return true;
}

/** Resolves once the next frame has been rendered. */
const afterNextFrame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));

/** Runs `task` when the page is idle (Safari has no requestIdleCallback: a short delay there). */
const whenIdle = (task) => (window.requestIdleCallback ? requestIdleCallback(task, { timeout: 3000 }) : setTimeout(task, 500));

/**
 * Lays out a static map's first card once, unseen (`.is-unseen`), while the page is idle: the
 * first card a reader opens is then not the first text in the cards' faces to be shaped, which
 * otherwise runs inside the click that opens it (40–70 ms at 4× CPU, bench/RESULTS.md). The live
 * map does the same for its own cards (`ui::page::lay_out_unseen`).
 */
function layOutUnseen(root) {
  const card = root.querySelector('[data-card][popover]:not(:popover-open)');
  if (!card) return;
  card.classList.add('is-unseen');
  void card.offsetHeight;
  card.classList.remove('is-unseen');
}

/** Why a live map did not start; a static map, if there is one, stays and keeps working. */
function notStarted(el, err) {
  const kept = staticMap(el) ? ' The static map stays in place and keeps working.' : '';
  console.error(`TripMap: the live map did not start (${err?.message ?? err}).${kept}`);
}

/**
 * A shared link that opens a stop (`?tripmap=lima`, `?tripmap-asia=seoul`) means the reader came
 * for that map: it starts at once, wherever it is on the page, and is scrolled into view.
 */
async function openDeepLinks() {
  const params = new URLSearchParams(location.search);
  if (![...params.keys()].some((k) => k === 'tripmap' || k.startsWith('tripmap-'))) return;
  const maps = [...document.querySelectorAll('[data-tripmap]:not([data-tripmap-mounted])')];
  if (!maps.length) return;
  // Either module names the parameters; the lean one only if no map on the page needs the other.
  const glue = await mapModule(maps.every((el) => firstModule(el) === 'core') ? 'core' : 'standalone');
  for (const el of maps) {
    const param = glue.linkParam(el);
    if (!params.has(param)) continue;
    await autoMount(el);
    const box = el.getBoundingClientRect();
    if (box.top > innerHeight || box.bottom < 0) el.scrollIntoView({ block: 'start' });
  }
}

/**
 * What a scrolling story's step does to map `el`: on a static map it opens the step's card (a
 * popover, announced through the map's live region) and, as a sign of intent, starts the live
 * map, which carries on from whatever step is current once it runs; on a live map it flies.
 */
function stepTarget(el) {
  if (!el.matches('[data-tripmap]')) return null;
  el.setAttribute('data-tripmap-scrolly', '');
  staticMap(el)?.setAttribute('data-scrolly', '');
  let wanted = '';
  return {
    sticky: true,
    select(stop) {
      wanted = stop;
      const live = handles.get(el);
      if (live) return void live.step(stop);
      const root = staticMap(el)?.shadowRoot;
      if (root) openStatic(root, stop);
      if (!stop && root) return;
      autoMount(el)
        .then((h) => h?.step(wanted))
        .catch((err) => notStarted(el, err));
    },
  };
}

/** Opens stop `stop`'s card on a static map (none: closes the open one) without moving focus. */
function openStatic(root, stop) {
  const open = root.querySelector('[data-card]:popover-open');
  const card = stop ? root.querySelector(`[data-card="${CSS.escape(stop)}"][popover]`) : null;
  if (open && open !== card) open.hidePopover();
  if (!card || card.matches(':popover-open')) return;
  card.showPopover();
  const announcer = root.querySelector('[data-announcer]');
  if (announcer) announcer.textContent = card.getAttribute('aria-label') ?? '';
}

/** The scrolling stories' module, loaded once the page has a step. */
let steps = null;
function followSteps() {
  if (steps) return steps.then((refresh) => refresh());
  if (!document.querySelector('[data-tripmap-step], [data-tripmap] > [data-steps]')) return;
  steps = import('./tripmap-scrolly.js').then((m) => m.followSteps(stepTarget));
  steps.catch((err) => console.error('TripMap: the scrolling story could not start', err));
}

pageStyles();
watch(document);
followSteps();
openDeepLinks().catch((err) => console.error('TripMap:', err));
// CMSes and infinite scroll add content later: any [data-tripmap] that appears is watched too.
new MutationObserver((records) => {
  let added = false;
  for (const r of records) {
    for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      watch(n);
      added ||= n.matches('[data-tripmap], [data-tripmap-step]') || !!n.querySelector('[data-tripmap], [data-tripmap-step]');
    }
  }
  if (added) followSteps();
}).observe(document.documentElement, { childList: true, subtree: true });

window.TripMap = Object.freeze({ mount, mountAll });
