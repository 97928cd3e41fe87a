'use strict';
// /__admin: fault injection, batch mode, reset/wipe, stored rows, status changes. Loopback-only AND token-guarded.

const { sendJson, sendError, HttpError, isLoopback, utf8 } = require('./util');
const { readBody } = require('./limits');
const { sameSecret } = require('./validate');
const { toRecord, publicBase } = require('./records');

function allowed(req, ctx) {
  if (!isLoopback(req.socket.remoteAddress)) return false;
  // A request relayed by a proxy on this host looks like loopback; refuse anything that was forwarded.
  if (req.headers['x-forwarded-for'] || req.headers.forwarded || req.headers['x-real-ip']) return false;
  const auth = /^Bearer\s+(.+)$/i.exec(req.headers.authorization || '');
  const token = req.headers['x-admin-token'] || (auth && auth[1]);
  return !!token && !!ctx.cfg.adminToken && sameSecret(token, ctx.cfg.adminToken);
}

async function jsonBody(req) {
  const buf = await readBody(req, 64 * 1024);
  if (!buf.length) return {};
  try {
    const v = JSON.parse(utf8(buf, 'admin body'));
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
    return v;
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw new HttpError(400, 'admin body must be a JSON object');
  }
}

/** Everything stored for a request, including contact data and photo sizes (admin eyes only). */
function adminRow(row, ctx, base) {
  const media = ctx.store.mediaFor(row.seq).map((m) => ({
    id: m.id, url: `${base}/media/${m.id}`, content_type: m.content_type, size: m.size, sha256: m.sha256,
    filename: m.filename,
  }));
  return {
    ...toRecord(row, ctx, base),
    token: row.token,
    client_request_id: row.client_request_id,
    idempotency_key: row.idempotency_key,
    jurisdiction_id: row.jurisdiction_id,
    email: row.email,
    phone: row.phone,
    first_name: row.first_name,
    last_name: row.last_name,
    device_id: row.device_id,
    account_id: row.account_id,
    client_addr: row.client_addr,
    media,
  };
}

async function handleAdmin(req, res, url, ctx) {
  if (!allowed(req, ctx)) return sendError(res, 403, 'admin API: loopback and a valid admin token only.');
  const p = url.pathname.replace(/\/+$/, '');
  const base = publicBase(req, ctx);
  const method = req.method;

  if (p === '/__admin/faults') {
    if (method === 'GET') return sendJson(res, 200, { fault: ctx.faults.state() });
    if (method !== 'POST') return sendError(res, 405, 'Method not allowed.', { Allow: 'GET, POST' });
    const body = await jsonBody(req);
    return sendJson(res, 200, { fault: ctx.faults.set(body) });
  }
  if (p === '/__admin/batch') {
    if (method === 'GET') return sendJson(res, 200, ctx.batch.state());
    if (method !== 'POST') return sendError(res, 405, 'Method not allowed.', { Allow: 'GET, POST' });
    return sendJson(res, 200, ctx.batch.set(await jsonBody(req)));
  }
  if (p === '/__admin/reset' && method === 'POST') {
    const body = await jsonBody(req);
    ctx.faults.clear();
    ctx.batch.clear();
    ctx.limits.addr.clear();
    ctx.limits.device.clear();
    if (body.wipe === true) ctx.store.wipe();
    return sendJson(res, 200, { ok: true, wiped: body.wipe === true });
  }
  if (p === '/__admin/requests' && method === 'GET') {
    return sendJson(res, 200, ctx.store.all().map((r) => adminRow(r, ctx, base)));
  }
  const m = /^\/__admin\/requests\/([^/]+)\/status$/.exec(p);
  if (m && method === 'POST') {
    const id = decodeURIComponent(m[1]);
    const body = await jsonBody(req);
    if (body.status !== 'open' && body.status !== 'closed') throw new HttpError(400, 'status must be "open" or "closed"');
    if (body.status_notes !== undefined && body.status_notes !== null && typeof body.status_notes !== 'string') {
      throw new HttpError(400, 'status_notes must be a string');
    }
    // When the change happened (ISO-8601; default now): tests give closing times for the statistics.
    let at;
    if (body.updated_datetime !== undefined) {
      at = Date.parse(body.updated_datetime);
      if (typeof body.updated_datetime !== 'string' || Number.isNaN(at)) throw new HttpError(400, 'updated_datetime must be an ISO-8601 date-time');
    }
    const row = ctx.store.setStatus(id, body.status, body.status_notes, at);
    if (!row) return sendError(res, 404, `no service request ${id}`);
    return sendJson(res, 200, toRecord(row, ctx, base));
  }
  return sendError(res, 404, 'admin: unknown endpoint');
}

module.exports = { handleAdmin, adminRow };
