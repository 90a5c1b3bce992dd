// The few lines a parent page needs when it runs neither pym.js nor Datawrapper's or AMP's
// scripts: size every <iframe data-tripmap-embed> from the height its map reports.
window.addEventListener('message', (e) => {
  const d = e.data;
  if (!d || d.sentinel !== 'amp' || d.type !== 'embed-size') return;
  for (const f of document.querySelectorAll('iframe[data-tripmap-embed]')) {
    if (f.contentWindow === e.source) f.height = String(d.height);
  }
});
