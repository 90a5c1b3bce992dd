// The few lines a parent page needs when it runs neither pym.js nor Datawrapper's or AMP's
// scripts: size every <iframe data-tripmap-embed> from the height its map reports.
window.addEventListener('message', (e) => {
  const d = e.data;
  if (!d || d.sentinel !== 'amp' || d.type !== 'embed-size') return;
  for (const f of document.querySelectorAll('iframe[data-tripmap-embed]')) {
    if (f.contentWindow === e.source) f.height = String(d.height);
  }
});

// A scrolling story around an iframe: the parent page's `data-tripmap-step` elements select the
// stops of the iframe before them (or of the one `data-tripmap-map` names), by message. The
// module is fetched from beside this script, and only on a page that has steps.
const followFrameSteps = (here) => {
  if (!here || !document.querySelector('[data-tripmap-step]')) return;
  // The message says only which stop to show, so any origin may read it; a frame that was not
  // ready for it (still loading, or lazy) is told again once it has loaded.
  const frame = (el) => {
    if (!el.matches('iframe[data-tripmap-embed]')) return null;
    let last = null;
    const send = () => last != null && el.contentWindow?.postMessage({ type: 'tripmap:step', stop: last }, '*');
    el.addEventListener('load', send);
    return {
      sticky: false,
      select(stop) {
        last = stop;
        send();
      },
    };
  };
  import(new URL('tripmap-scrolly.js', here).href)
    .then((m) => m.followSteps(frame))
    .catch((err) => console.error('TripMap: the scrolling story could not start', err));
};
// This script may run in the <head>, before the steps are parsed.
const here = document.currentScript?.src;
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => followFrameSteps(here));
else followFrameSteps(here);
