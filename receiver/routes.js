'use strict';
// Routing and the read-only Open311 endpoints: discovery, services, requests, tokens, media.

const { sendJson, sendError, HttpError, parseIsoDate } = require('./util');
const { SERVICES, BY_CODE, listEntry, definition } = require('./services');
const { postRequest } = require('./post');
const { handleAdmin } = require('./admin');
const { publicBase, toRecord, toListRecord } = require('./records');

const DAY_MS = 24 * 3600 * 1000;
const MAX_SPAN_DAYS = 90;
const MAX_RESULTS = 1000;

function discovery(req, ctx) {
  const base = publicBase(req, ctx);
  return {
    changeset: '2026-01-01T00:00:00+08:00',
    contact: '长春市生态环境局 · 12369 环保举报热线',
    key_service: 'api_key 是公开的客户端标识，不是密钥 (the api_key is a public client identifier, not a secret).',
    endpoints: [{
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: base,
      changeset: '2026-01-01T00:00:00+08:00',
      type: 'production',
      formats: ['application/json'],
    }],
  };
}

function checkJurisdiction(query, ctx) {
  const j = query.get('jurisdiction_id');
  if (j && j !== ctx.cfg.jurisdiction) throw new HttpError(404, `未知的 jurisdiction_id “${j}”.`);
}

function listRequests(req, query, ctx) {
  checkJurisdiction(query, ctx);
  const split = (name) => (query.get(name) || '').split(',').map((s) => s.trim()).filter(Boolean);
  const ids = split('service_request_id');
  const base = publicBase(req, ctx);
  if (ids.length) {
    if (ids.length > MAX_RESULTS) throw new HttpError(400, `service_request_id 最多 ${MAX_RESULTS} 个.`);
    return ctx.store.query({ ids }).map((r) => toListRecord(r, ctx, base));
  }
  const statuses = split('status');
  for (const s of statuses) if (s !== 'open' && s !== 'closed') throw new HttpError(400, `status 只能是 open 或 closed，收到 “${s}”.`);
  const dateParam = (name) => {
    const v = query.get(name);
    if (!v) return undefined;
    const ms = parseIsoDate(v);
    if (Number.isNaN(ms)) throw new HttpError(400, `${name} 不是 ISO-8601 日期时间.`);
    return ms;
  };
  let from = dateParam('start_date');
  let to = dateParam('end_date');
  const span = MAX_SPAN_DAYS * DAY_MS;
  if (from === undefined && to === undefined) { to = Date.now() + DAY_MS; from = to - span - DAY_MS; }
  else if (from === undefined) from = to - span;
  else if (to === undefined) to = from + span;
  if (to < from) throw new HttpError(400, 'end_date 早于 start_date.');
  if (to - from > span + DAY_MS) throw new HttpError(400, `start_date 与 end_date 间隔不能超过 ${MAX_SPAN_DAYS} 天.`);
  return ctx.store.query({ codes: split('service_code'), statuses, fromMs: from, toMs: to, limit: MAX_RESULTS })
    .map((r) => toListRecord(r, ctx, base));
}

function serveMedia(req, res, id, ctx) {
  const m = /^[0-9a-f]{24}$/.test(id) ? ctx.store.media(id) : null;
  if (!m) return sendError(res, 404, `没有这张照片 (media ${id} not found).`);
  const etag = `"${m.sha256}"`;
  const headers = {
    'Content-Type': m.content_type,
    'Cache-Control': 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'",
    ETag: etag,
  };
  if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers); return res.end(); }
  res.writeHead(200, { ...headers, 'Content-Length': m.size });
  return res.end(req.method === 'HEAD' ? undefined : m.data);
}

function corsHeaders(req, ctx) {
  const origin = req.headers.origin;
  if (!origin || !ctx.cfg.allowOrigins.includes(origin)) return null;
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Expose-Headers': 'Retry-After, Idempotent-Replayed' };
}

/** Main request handler. */
async function handle(req, res, ctx) {
  const url = new URL(req.url, 'http://x');
  const { basePath } = ctx.cfg;
  if (url.pathname === '/__admin' || url.pathname.startsWith('/__admin/')) return handleAdmin(req, res, url, ctx);
  if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) {
    return sendError(res, 404, `Not found; Open311 endpoints live under ${basePath}/.`);
  }
  let rest;
  try { rest = decodeURIComponent(url.pathname.slice(basePath.length)); } catch { return sendError(res, 400, 'Bad URL encoding.'); }

  const cors = corsHeaders(req, ctx);
  if (cors) for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
  if (req.method === 'OPTIONS') {
    const h = cors ? {
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
      'Access-Control-Max-Age': '600',
    } : {};
    res.writeHead(204, { ...h, Allow: 'GET, HEAD, POST, OPTIONS', 'Content-Length': 0 });
    return res.end();
  }

  const mediaMatch = /^\/media\/([^/]+)$/.exec(rest);
  if (mediaMatch) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    return serveMedia(req, res, mediaMatch[1], ctx);
  }
  const m = /^\/(.+)\.([A-Za-z0-9]+)$/.exec(rest);
  if (!m) return sendError(res, 404, `Not found: ${rest || '/'}; use e.g. ${basePath}/services.json.`);
  const [, route, fmt] = m;
  if (fmt.toLowerCase() !== 'json') {
    return sendError(res, 400, `本端点只提供 JSON 格式，请使用 .json (only the JSON format is served; "${fmt}" is not).`);
  }
  const isGet = req.method === 'GET' || req.method === 'HEAD';
  const query = url.searchParams;

  if (route === 'requests') {
    if (req.method === 'POST') return postRequest(req, res, ctx, { query, base: publicBase(req, ctx) });
    if (!isGet) return sendError(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD, POST, OPTIONS' });
    return sendJson(res, 200, listRequests(req, query, ctx));
  }
  if (!isGet) return sendError(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD, OPTIONS' });
  if (route === 'discovery') return sendJson(res, 200, discovery(req, ctx));
  if (route === 'services') {
    checkJurisdiction(query, ctx);
    return sendJson(res, 200, SERVICES.map((s) => listEntry(s, ctx.batch.on)));
  }
  let sm = /^services\/([^/]+)$/.exec(route);
  if (sm) {
    checkJurisdiction(query, ctx);
    const s = BY_CODE.get(sm[1]);
    if (!s) return sendError(res, 404, `未知的 service_code “${sm[1]}”.`);
    return sendJson(res, 200, definition(s));
  }
  sm = /^requests\/([^/]+)$/.exec(route);
  if (sm) {
    checkJurisdiction(query, ctx);
    const row = ctx.store.get(sm[1]);
    if (!row) return sendError(res, 404, `没有编号为 ${sm[1]} 的举报 (service request not found).`);
    return sendJson(res, 200, [toRecord(row, ctx, publicBase(req, ctx))]);
  }
  sm = /^tokens\/([^/]+)$/.exec(route);
  if (sm) {
    checkJurisdiction(query, ctx);
    const row = ctx.store.byToken(sm[1]);
    if (!row) return sendError(res, 404, `未知的 token “${sm[1]}”.`);
    // Not processed yet (held): the token is known, its id not given (Open311 leaves it out).
    if (ctx.batch.isHeld(row.token)) return sendJson(res, 200, [{ token: row.token }]);
    return sendJson(res, 200, [{ service_request_id: row.service_request_id, token: row.token }]);
  }
  return sendError(res, 404, `Not found: ${rest}.`);
}

module.exports = { handle };
