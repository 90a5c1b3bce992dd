// Scrolling stories: any element with `data-tripmap-step="<stop id>"` is a step of the map
// before it in the document (or of the one its `data-tripmap-map="<id>"` names); "" is the
// whole trip. The step that crosses the reading line (the middle of the screen, or of what a
// map stuck above the text leaves uncovered; `data-tripmap-offset` on the map moves it:
// "0.3", "30%" or "240px" from the top) selects its stop. Loaded by tripmap.js (and by
// iframe-parent.js for maps in iframes) only on pages that have steps.
//
// No scroll handlers: one IntersectionObserver per map watches its steps against the part of
// the page above the reading line, so it reports exactly when a step's top or bottom crosses the
// line, however the page moved (a wheel, a key, a jump to an anchor, find-in-page). Several steps
// may change in one jump: the map acts once, in the next frame, on where the page is then.

/** Every kind of map a step can belong to: an embed, or an iframe holding one. */
const ANY_MAP = '[data-tripmap], iframe[data-tripmap-embed]';

/** The map `step` belongs to: the one it names, else the last map before it in the document. */
function mapOf(step) {
  const named = step.getAttribute('data-tripmap-map');
  if (named) return document.getElementById(named)?.closest(ANY_MAP) ?? null;
  let found = null;
  for (const map of document.querySelectorAll(ANY_MAP)) {
    const at = map.compareDocumentPosition(step);
    if (at & Node.DOCUMENT_POSITION_CONTAINED_BY || !(at & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    found = map;
  }
  return found;
}

/**
 * Every step on the page, in document order, each with its map when that is known already: the
 * page's own, then those a map's story carries in its shadow root (`steps` in the story).
 */
function allSteps() {
  const found = [...document.querySelectorAll('[data-tripmap-step]')].map((step) => [step, null]);
  for (const map of document.querySelectorAll('[data-tripmap]')) {
    const root = map.querySelector(':scope > tripmap-view')?.shadowRoot;
    for (const step of root?.querySelectorAll('[data-tripmap-step]') ?? []) found.push([step, map]);
  }
  return found;
}

/** `data-tripmap-offset` as px from the top of the viewport, if the map gives one. */
function offsetPx(map) {
  const m = /^\s*([\d.]+)\s*(px|%)?\s*$/.exec(map.getAttribute('data-tripmap-offset') ?? '');
  if (!m) return null;
  const v = Number(m[1]);
  if (m[2] === 'px') return v;
  return (m[2] === '%' ? v / 100 : v) * innerHeight;
}

/**
 * True when an ancestor clips the map (overflow hidden, auto or scroll, without scrolling
 * itself), which keeps `position: sticky` from working: the map then stays a plain figure.
 */
function stickyBlocked(map) {
  for (let a = map.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
    const { overflowX, overflowY } = getComputedStyle(a);
    const clips = /hidden|auto|scroll/.test(overflowX + overflowY);
    if (clips && !(a.scrollHeight > a.clientHeight && /auto|scroll/.test(overflowY))) return true;
  }
  return false;
}

/** One map and its steps, in document order. */
class Story {
  constructor(map, steps, target) {
    Object.assign(this, { map, steps, target, active: undefined, released: false, observer: null, line: 0, frame: 0 });
    // A story's own steps live inside the map, whose stage sticks within it: nothing to let go.
    const own = steps[0].getRootNode() !== document;
    this.sticky = target.sticky && !own && !stickyBlocked(map);
    // What stays on screen while the steps pass: the figure, or the story's stage inside it.
    this.pinned = own ? steps[0].getRootNode().querySelector('.tripmap__stage') ?? map : map;
    if (target.sticky && !own && !this.sticky) {
      for (const el of [map, ...steps]) el.setAttribute('data-tripmap-sticky', 'off');
      console.info('TripMap: an ancestor of this map clips it (overflow), so it cannot stay on screen; its steps still select its stops.', map);
    }
  }

  /** The reading line, in px from the top of the viewport. */
  readingLine() {
    const given = offsetPx(this.map);
    if (given != null) return given;
    // A map stuck above the text (narrow screens): the middle of the part below it. Which layout
    // is on, the stylesheets say (`--_pinned-above`, beside their breakpoint).
    const pinned = getComputedStyle(this.pinned);
    if (pinned.position === 'sticky' && pinned.getPropertyValue('--_pinned-above').trim() === '1') {
      const box = this.pinned.getBoundingClientRect();
      const top = parseFloat(pinned.top) || 0;
      return (top + box.height + innerHeight) / 2;
    }
    return innerHeight / 2;
  }

  /** (Re)starts watching, for the viewport's current size. */
  observe() {
    this.observer?.disconnect();
    this.line = this.readingLine();
    const below = Math.max(0, innerHeight - this.line);
    // The region watched: from far above the viewport down to the reading line. A step enters
    // it as its top crosses the line and lies wholly in it once its bottom has.
    this.observer = new IntersectionObserver(() => this.schedule(), {
      root: document,
      rootMargin: `${10 * innerHeight}px 0px ${-below}px 0px`,
      threshold: [0, 1],
    });
    for (const s of this.steps) this.observer.observe(s);
  }

  schedule() {
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  }

  /** Acts on where the page is now: the step at the reading line, and the map after the last. */
  update() {
    let active = null;
    for (const s of this.steps) {
      const box = s.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not displayed
      if (box.top > this.line) break;
      active = s;
    }
    if (active !== this.active) {
      const first = this.active === undefined;
      this.active = active;
      // On load above the first step nothing is selected: a deep link's card stays open.
      if (!(first && active === null)) this.target.select(active ? active.getAttribute('data-tripmap-step').trim() : '');
    }
    if (this.sticky) this.release(this.steps.at(-1).getBoundingClientRect().bottom <= this.line);
  }

  /**
   * Once the last step has passed the reading line, the map goes on with the page from where it
   * stands (relative, by the distance it had travelled stuck), and sticks again on the way back.
   */
  release(on) {
    if (on === this.released) return;
    this.released = on;
    const style = this.map.style;
    if (!on) {
      style.removeProperty('position');
      style.removeProperty('top');
      return;
    }
    const stuck = this.map.getBoundingClientRect().top;
    style.setProperty('position', 'relative');
    style.setProperty('top', '0px');
    const flow = this.map.getBoundingClientRect().top;
    style.setProperty('top', `${stuck - flow}px`);
  }

  stop() {
    this.observer?.disconnect();
    cancelAnimationFrame(this.frame);
    if (this.released) this.release(false);
  }
}

/**
 * Follows the page's steps for the maps `target` accepts: `target(map)` returns null for a map
 * this script does not drive, else `{ select(stopId), sticky }` (`select("")`: the whole trip;
 * `sticky`: the map is laid out by tripmap.css and is let go after its last step). Returns
 * `refresh()`, to call when steps or maps are added to the page.
 */
export function followSteps(target) {
  let stories = [];
  const targets = new WeakMap();
  function refresh() {
    const byMap = new Map();
    for (const [step, owner] of allSteps()) {
      const map = owner ?? mapOf(step);
      if (!map) {
        console.warn('TripMap: this step belongs to no map (none before it, or data-tripmap-map names none)', step);
        continue;
      }
      if (!byMap.has(map)) byMap.set(map, []);
      byMap.get(map).push(step);
    }
    const kept = new Map(stories.map((s) => [s.map, s]));
    const next = [];
    for (const [map, steps] of byMap) {
      if (!targets.has(map)) targets.set(map, target(map));
      const t = targets.get(map);
      if (!t) continue;
      const old = kept.get(map);
      if (old && old.steps.length === steps.length && old.steps.every((s, i) => s === steps[i])) {
        next.push(old);
        kept.delete(map);
        continue;
      }
      const story = new Story(map, steps, t);
      if (old) story.active = old.active;
      story.observe();
      next.push(story);
    }
    for (const old of kept.values()) old.stop();
    stories = next;
  }
  refresh();
  // The reading line moves with the viewport's height (a phone turned, a toolbar shown).
  let resizing = 0;
  addEventListener('resize', () => {
    resizing ||= requestAnimationFrame(() => {
      resizing = 0;
      for (const s of stories) s.observe();
    });
  });
  return refresh;
}
