// A small static file server for the built dist/, used by the end-to-end tests. It serves only
// from 127.0.0.1, with correct MIME types (wasm streaming compilation needs application/wasm).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves the first of `roots` that has the file (dist/ first, then test fixtures that must not
 * ship in dist/) on 127.0.0.1 at a free port; resolves to { url, close }.
 */
export async function serve(...roots) {
  const bases = roots.map((r) => resolve(r));
  const find = async (path) => {
    for (const base of bases) {
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) continue;
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        return { file, body: await readFile(file) };
      } catch {
        // not in this root
      }
    }
    return null;
  };
  const server = createServer(async (req, res) => {
    const found = await find(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(found.file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(found.body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}
