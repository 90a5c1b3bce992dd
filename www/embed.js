// embed.html's script: picks the story from the URL, mounts the map, and tells the parent page
// the document's height whenever it changes, in the three conventions newsrooms already run:
//   pym.js:      "pymxPYMx<childId>xPYMxheightxPYMx<px>"  (childId comes from pym's own URL)
//   Datawrapper: { "datawrapper-height": { "<id>": <px> } }
//   AMP:         { sentinel: "amp", type: "embed-size", height: <px> }
import { mount } from './tripmap.js';

const params = new URLSearchParams(location.search);
const el = document.querySelector('[data-tripmap]');
const name = params.get('story');
if (name) el.dataset.story = `stories/${encodeURIComponent(name)}.json`;
for (const key of ['lang', 'theme', 'digits']) {
  const value = params.get(key);
  if (value) el.dataset[key] = value;
}

const pymId = params.get('childId');
const key = params.get('id') || name || 'embed.html';
let last = 0;
function tellParent() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (window.parent === window || height === last) return;
  last = height;
  if (pymId) window.parent.postMessage(['pym', pymId, 'height', height].join('xPYMx'), '*');
  window.parent.postMessage({ 'datawrapper-height': { [key]: height } }, '*');
  window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
}
new ResizeObserver(tellParent).observe(document.documentElement);
// pym's parent asks for the height again whenever it resizes the iframe.
window.addEventListener('message', (e) => {
  if (pymId && typeof e.data === 'string' && e.data.startsWith(`pymxPYMx${pymId}xPYMxwidth`)) {
    last = 0;
    tellParent();
  }
});
// An iframe is started when its parent loads it (loading="lazy" on the iframe defers that).
const map = mount(el);
map.then(tellParent);
// The parent page's scrolling story (iframe-parent.js) selects a step's stop: "" is the whole trip.
window.addEventListener('message', (e) => {
  const d = e.data;
  if (e.source !== window.parent || d?.type !== 'tripmap:step' || typeof d.stop !== 'string') return;
  map.then((handle) => handle.step(d.stop));
});
