// A plain static file server for the built site, as a government web server would host it:
// no SPA fallback (deep links work through the per-route index.html copies), a real 404 page,
// brotli/gzip so transfer sizes are realistic, the hosting headers the README recommends, and
// an optional proxy to the Open311 receiver. Used by `make serve`, the e2e tests and benches.
//
//   node e2e/serve.mjs --dir dist --port 8080 [--prefix /sthjj/env/] [--csp] [--no-compress]
//                      [--proxy /open311/=http://127.0.0.1:8081] [--host 127.0.0.1]
//                      [--mount /cfg-bad/=dist:e2e/fixtures/sites/bad-config[:another-overlay]] …
//                      [--cors] [--csp-value '<policy>'] [--widget-frame-ancestors '<origins>']
//                      [--proxy-port-cookie <name>] [--define name=value] …
//
// --cors sends Access-Control-Allow-Origin: * on js/wasm/css/json/csv files (what the
// <cc-env-widget> custom element needs from the site). --csp-value sends the given policy on
// HTML instead of the site's (e2e host pages). With --csp, widget.html and widget-aqi.html get the
// site's policy with frame-ancestors set to --widget-frame-ancestors (default *): they are meant
// to be framed.
//
// --proxy-port-cookie names a cookie whose value, a port number, sends that request's proxied
// traffic to the same path on 127.0.0.1:<port> instead: each Playwright worker has a receiver of
// its own, and its browser context carries the cookie (e2e/tests/receiver.ts).
//
// --define name=value replaces `{{name}}` in served HTML and config.json files (e.g. the site's
// origin in the e2e host pages, which depends on the ports of the run).
//
// A mount serves a build under another path with an overlay directory whose files take
// precedence (a different config.json, broken feeds). An overlay's `_status.json` maps relative
// paths to an HTTP status to answer instead (e.g. {"data/x.json": 500}). An overlay's config.json
// may name this server under a second origin with `{{port}}` (`http://localhost:{{port}}/…`, for
// data on another origin than the page's 127.0.0.1). Tests swap data exactly as a deployer
// would: by swapping files on a real server.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const flag = (name) => args.includes(name);
const all = (name) => args.flatMap((a, i) => (a === name && i + 1 < args.length ? [args[i + 1]] : []));

const root = path.resolve(opt('--dir', 'dist'));
const port = Number(opt('--port', '8080'));
const host = opt('--host', '127.0.0.1');
const slash = (p) => (p.endsWith('/') ? p : p + '/');
const mounts = [
  { prefix: slash(opt('--prefix', '/')), dir: root, overlays: [] },
  ...all('--mount').map((m) => {
    const [prefix, dirs] = m.split('=');
    const [dir, ...overlays] = dirs.split(':');
    return { prefix: slash(prefix), dir: path.resolve(dir), overlays: overlays.map((o) => path.resolve(o)) };
  }),
].sort((a, b) => b.prefix.length - a.prefix.length);
const compress = !flag('--no-compress');
const proxies = all('--proxy').map((p) => {
  const [from, to] = p.split('=');
  return { from, to: new URL(to) };
});
const portCookie = opt('--proxy-port-cookie', null);
const defines = all('--define').map((d) => {
  const i = d.indexOf('=');
  return [`{{${d.slice(0, i)}}}`, d.slice(i + 1)];
});
const connectExtra = all('--connect-src').join(' ');
const cspValue = opt('--csp-value', null);
const cors = flag('--cors');
const widgetAncestors = opt('--widget-frame-ancestors', '*');
const CORS_TYPES = new Set(['.js', '.mjs', '.wasm', '.css', '.json', '.csv']);

// The Content-Security-Policy the README tells deployers to send (README "Hosting").
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  `connect-src 'self'${connectExtra ? ' ' + connectExtra : ''}`,
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.csv', '.svg', '.txt', '.webmanifest']);
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

const cache = new Map();
function encoded(file, stat, encoding, withPort) {
  const templated = withPort || (defines.length > 0 && file.endsWith('.html'));
  // The inode too: a deploy that swaps a symlinked directory serves another file at the same path.
  const key = `${file}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${encoding}:${templated}`;
  if (!cache.has(key)) {
    let raw = fs.readFileSync(file);
    if (templated) {
      let text = raw.toString('utf8').replaceAll('{{port}}', String(server.address().port));
      for (const [name, value] of defines) text = text.replaceAll(name, value);
      raw = Buffer.from(text);
    }
    const body = encoding === 'br'
      ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
      : encoding === 'gzip' ? zlib.gzipSync(raw, { level: 9 }) : raw;
    cache.set(key, body);
  }
  return cache.get(key);
}

function headersFor(file, ext) {
  const h = {
    'Content-Type': TYPES[ext] || 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Vary': 'Accept-Encoding',
  };
  h['Cache-Control'] = HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
  if (flag('--csp') && ext === '.html') {
    h['Content-Security-Policy'] = ['widget.html', 'widget-aqi.html'].includes(path.basename(file))
      ? CSP.replace("frame-ancestors 'self'", `frame-ancestors ${widgetAncestors}`)
      : CSP;
  }
  if (cspValue && ext === '.html') h['Content-Security-Policy'] = cspValue;
  if (cors && CORS_TYPES.has(ext)) h['Access-Control-Allow-Origin'] = '*';
  return h;
}

function send(req, res, file, status = 200, withPort = false) {
  const stat = fs.statSync(file);
  const ext = path.extname(file).toLowerCase();
  const headers = headersFor(file, ext);
  const accept = String(req.headers['accept-encoding'] || '');
  const encoding = compress && COMPRESSIBLE.has(ext)
    ? (/\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null)
    : null;
  const body = encoded(file, stat, encoding, withPort);
  if (encoding) headers['Content-Encoding'] = encoding;
  headers['Content-Length'] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function notFound(req, res, mount) {
  const page = path.join(mount ? mount.dir : root, '404.html');
  if (fs.existsSync(page)) return send(req, res, page, 404);
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('404 Not Found');
}

/** The port named by the --proxy-port-cookie cookie of `req`, if any. */
function cookiePort(req) {
  if (!portCookie) return null;
  for (const part of String(req.headers.cookie || '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === portCookie && /^\d{1,5}$/.test(value ?? '')) return value;
  }
  return null;
}

function proxy(req, res, rule) {
  const target = new URL(req.url.slice(rule.from.length), rule.to.href.endsWith('/') ? rule.to : rule.to.href + '/');
  const port = cookiePort(req);
  if (port) {
    target.hostname = '127.0.0.1';
    target.port = port;
  }
  const upstream = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
    res.writeHead(up.statusCode || 502, up.headers);
    up.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify([{ code: 502, description: 'report receiver unreachable' }]));
  });
  req.pipe(upstream);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://local');
  const rule = proxies.find((p) => url.pathname.startsWith(p.from));
  if (rule) return proxy(req, res, rule);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' });
    return res.end();
  }
  let pathname;
  try { pathname = decodeURIComponent(url.pathname); } catch { return notFound(req, res); }
  const exact = mounts.find((m) => pathname + '/' === m.prefix);
  if (exact) {
    res.writeHead(301, { Location: exact.prefix + url.search });
    return res.end();
  }
  const mount = mounts.find((m) => pathname.startsWith(m.prefix));
  if (!mount) return notFound(req, res, mount);
  const rel = pathname.slice(mount.prefix.length);
  for (const overlay of mount.overlays) {
    const statusFile = path.join(overlay, '_status.json');
    if (fs.existsSync(statusFile)) {
      const status = JSON.parse(fs.readFileSync(statusFile, 'utf8'))[rel];
      if (status) {
        res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
        return res.end(`fixture status ${status}`);
      }
    }
    const over = path.join(overlay, rel);
    if (over.startsWith(overlay) && rel && fs.existsSync(over) && fs.statSync(over).isFile()) {
      return send(req, res, over, 200, path.basename(over) === 'config.json');
    }
  }
  const file = path.join(mount.dir, rel);
  if (!file.startsWith(mount.dir)) return notFound(req, res, mount);
  let stat;
  try { stat = fs.statSync(file); } catch { return notFound(req, res, mount); }
  if (stat.isDirectory()) {
    if (!pathname.endsWith('/')) {
      // As nginx and Apache do for a directory: redirect to the slash form.
      res.writeHead(301, { Location: pathname + '/' + url.search });
      return res.end();
    }
    const index = path.join(file, 'index.html');
    return fs.existsSync(index) ? send(req, res, index) : notFound(req, res);
  }
  return send(req, res, file);
});

// --port 0 takes a free port; the line printed names the real one.
server.listen(port, host, () => {
  const { port: real } = server.address();
  for (const m of mounts) console.log(`serving ${m.dir}${m.overlays.map((o) => ' + ' + o).join('')} at http://${host}:${real}${m.prefix}${flag('--csp') ? ' (strict CSP)' : ''}`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
