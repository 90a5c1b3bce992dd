// Counts Content-Security-Policy violations on the page and shows the count. Loaded as a
// plain script in <head> so that it listens before anything else runs.
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'}`);
  show();
});
function show() {
  const out = document.getElementById('csp-status');
  if (!out) return;
  const n = window.__cspViolations.length;
  out.textContent = n === 0 ? 'No Content-Security-Policy violation so far.' : `${n} Content-Security-Policy violation(s): ${window.__cspViolations.join('; ')}`;
  out.classList.toggle('is-bad', n > 0);
}
document.addEventListener('DOMContentLoaded', show);
