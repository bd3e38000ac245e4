// A small static server for a built site, as a plain host serves `public/`:
// `index.html` for folder URLs (a folder URL without its trailing slash is
// redirected to it), content types by extension, and for a miss the
// language's own `404.html` (`/en/...` → `/en/404.html`, else `/404.html`)
// with status 404. It listens on 127.0.0.1 on a free port and serves
// nothing outside the site folder.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
};

/** The content type of a file name (`application/octet-stream` when unknown). */
export function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function fileAt(p) {
  try {
    const s = await stat(p);
    return s;
  } catch {
    return null;
  }
}

/**
 * Starts serving `root`. Resolves to `{ origin, close() }`, `origin` being
 * `http://127.0.0.1:PORT`. With `{ gzipEncoding: true }`, `.gz` files go
 * out with `Content-Encoding: gzip`, as some hosts send them (Apache's
 * `AddEncoding gzip .gz`): the browser inflates them before a script sees
 * them.
 */
export async function serve(root, { gzipEncoding = false } = {}) {
  const top = await realpath(root);

  // The file for a decoded URL path, or null. Symlinks that lead out of the
  // site are not followed.
  async function resolve(urlPath) {
    const parts = urlPath.split('/').filter((s) => s !== '');
    if (parts.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0'))) {
      return { forbidden: true };
    }
    let p = path.join(top, ...parts);
    let s = await fileAt(p);
    if (!s) return null;
    if (s.isDirectory()) {
      if (!urlPath.endsWith('/')) return { redirect: true };
      p = path.join(p, 'index.html');
      s = await fileAt(p);
      if (!s || !s.isFile()) return null;
    }
    const real = await realpath(p);
    if (real !== top && !real.startsWith(top + path.sep)) return { forbidden: true };
    return { file: real, size: s.size };
  }

  async function notFoundPage(urlPath) {
    const first = urlPath.split('/').filter(Boolean)[0];
    if (first && !first.includes('..')) {
      const own = path.join(top, first, '404.html');
      if ((await fileAt(own))?.isFile()) return own;
    }
    const site = path.join(top, '404.html');
    return (await fileAt(site))?.isFile() ? site : null;
  }

  function send(req, res, status, file, size, extra = {}) {
    res.writeHead(status, {
      'Content-Type': contentType(file),
      'Content-Length': size,
      'Cache-Control': 'no-store',
      ...extra,
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  }

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const url = new URL(req.url, 'http://127.0.0.1');
      let urlPath;
      try {
        urlPath = decodeURIComponent(url.pathname);
      } catch {
        res.writeHead(400).end('bad percent-encoding');
        return;
      }
      const found = await resolve(urlPath);
      if (found?.forbidden) {
        res.writeHead(403).end('forbidden');
      } else if (found?.redirect) {
        res.writeHead(301, { Location: url.pathname + '/' + url.search }).end();
      } else if (found) {
        const gz = gzipEncoding && found.file.endsWith('.gz');
        send(req, res, 200, found.file, found.size, gz ? { 'Content-Encoding': 'gzip' } : {});
      } else {
        const page = await notFoundPage(urlPath);
        if (!page) {
          res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
          return;
        }
        send(req, res, 404, page, (await stat(page)).size);
      }
    } catch (e) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(e));
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}
