// A small static file server for the built dist/, used by the end-to-end tests. It serves only
// from 127.0.0.1, with correct MIME types (wasm streaming compilation needs application/wasm).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gpx': 'application/gpx+xml',
  '.geojson': 'application/geo+json',
};

/** The policy the demo pages are served with (as `trunk serve` does, see Trunk.toml). */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * Serves the first of `roots` that has the file (dist/ first, then test fixtures that must not
 * ship in dist/) on 127.0.0.1 at a free port; resolves to { url, close }. Pages from the first
 * root get the demo's Content-Security-Policy (fixtures do not: the XSS test must prove that
 * nothing runs without one). Every response allows any origin, as a CDN's would. With
 * `prefix`, files are served under that path only (`/cdn/tripmap/tripmap.js`). With `brotli`,
 * responses are compressed at level 11 for clients that accept it, as a CDN would send them
 * (the benchmark's setting; the tests read plain bytes).
 */
export async function serve(...roots) {
  return serveWith({}, ...roots);
}

/** Brotli level 11, the setting the byte budgets are counted in. */
export const brotli11 = (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });

export async function serveWith({ prefix = '', brotli = false }, ...roots) {
  const compressed = new Map();
  const bases = roots.map((r) => resolve(r));
  const find = async (path) => {
    for (const base of bases) {
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) continue;
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        return { file, body: await readFile(file), csp: base === bases[0] };
      } catch {
        // not in this root
      }
    }
    return null;
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const found = path.startsWith(prefix) ? await find(path.slice(prefix.length) || '/') : null;
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[extname(found.file)] ?? 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'no-store', 'access-control-allow-origin': '*' };
    if (found.csp && type.startsWith('text/html')) headers['content-security-policy'] = CSP;
    let body = found.body;
    if (brotli && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!compressed.has(found.file)) compressed.set(found.file, brotli11(body));
      body = compressed.get(found.file);
      headers['content-encoding'] = 'br';
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}
