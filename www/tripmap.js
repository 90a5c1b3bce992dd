// TripMap loader: the one script a page embeds.
//
//   <figure data-tripmap><script type="application/json">{…story…}</script></figure>
//   <script type="module" src="…/tripmap.js"></script>
//
// Everything else (styles, wasm glue, wasm) is found relative to this file's own URL, so the
// dist/ folder works from any path or host. The styles are loaded before the maps mount so
// that no unstyled map ever flashes.
import init, { mountAll } from './tripmap-core.js';

const here = (file) => new URL(file, import.meta.url).href;

function loadStyles() {
  const href = here('tripmap.css');
  const existing = [...document.querySelectorAll('link[rel="stylesheet"]')].find((l) => l.href === href);
  if (existing) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = link.onerror = () => resolve();
    document.head.append(link);
  });
}

await Promise.all([loadStyles(), init({ module_or_path: here('tripmap-core_bg.wasm') })]);
mountAll();

// CMSes and infinite scroll add content later: any [data-tripmap] that appears starts too.
// Mounting is idempotent (mounted hosts are marked), so one call per batch of changes is enough.
let pending = false;
new MutationObserver((records) => {
  const added = records.some((r) => [...r.addedNodes].some((n) => n.nodeType === 1 && (n.matches('[data-tripmap]') || n.querySelector('[data-tripmap]'))));
  if (added && !pending) {
    pending = true;
    queueMicrotask(() => {
      pending = false;
      mountAll();
    });
  }
}).observe(document.documentElement, { childList: true, subtree: true });
