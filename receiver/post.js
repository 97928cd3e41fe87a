'use strict';
// POST requests.json: fault injection, rate limits, body limits, validation, deduplication, storage.

const crypto = require('node:crypto');
const { sendJson, sendError, HttpError } = require('./util');
const { readBody, drain, checkPhotos } = require('./limits');
const { parseForm } = require('./form');
const { validatePost } = require('./validate');
const { tokenNotice } = require('./db');

const FAULT_MODES = new Set(['500', '429', '400', 'hang', 'slow']);

/** Injected failures for the next N POST requests.json (tests only; set through /__admin/faults). */
class Faults {
  constructor() { this.clear(); }
  clear() { this.current = null; }
  set({ mode, count = 1, retry_after: retryAfter = 5, description, delay_ms: delayMs = 1000 } = {}) {
    mode = String(mode);
    if (!FAULT_MODES.has(mode)) throw new HttpError(400, `mode must be one of ${[...FAULT_MODES].join(', ')}`);
    if (!Number.isInteger(count) || count < 0) throw new HttpError(400, 'count must be a whole number');
    if (!Number.isInteger(retryAfter) || retryAfter < 0) throw new HttpError(400, 'retry_after must be whole seconds');
    if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > 60000) throw new HttpError(400, 'delay_ms must be whole milliseconds, at most 60000');
    this.current = count > 0
      ? { mode, remaining: count, retry_after: retryAfter, description: description || null, ...(mode === 'slow' ? { delay_ms: delayMs } : {}) }
      : null;
    return this.state();
  }
  /** Decides (and consumes) the fault for one arriving POST, before anything is read or stored. */
  take() {
    const f = this.current;
    if (!f) return null;
    f.remaining -= 1;
    if (f.remaining <= 0) this.current = null;
    return { ...f };
  }
  state() { return this.current ? { ...this.current } : null; }
}

/**
 * Batch answers switched at run time (tests; set through /__admin/batch). While `batch` is on,
 * POSTs answer with a token, as `--batch` does. While `hold` is on, the tokens handed out stay
 * unprocessed: tokens/{token}.json answers without a service_request_id, as a real batch
 * endpoint does before its batch has run, until hold is turned off. Held tokens live in memory
 * (a restart releases them); reset returns to the start-up flags.
 */
class Batch {
  constructor(startOn) { this.startOn = !!startOn; this.clear(); }
  clear() {
    this.on = this.startOn;
    this.hold = false;
    this.held = new Set();
  }
  set({ batch, hold } = {}) {
    for (const [name, v] of [['batch', batch], ['hold', hold]]) {
      if (v !== undefined && typeof v !== 'boolean') throw new HttpError(400, `${name} must be true or false`);
    }
    if (batch !== undefined) this.on = batch;
    if (hold !== undefined) {
      this.hold = hold;
      if (!hold) this.held.clear();
    }
    return this.state();
  }
  /** A token was handed out for a new request. */
  issued(token) { if (this.hold) this.held.add(token); }
  isHeld(token) { return this.held.has(token); }
  state() { return { batch: this.on, hold: this.hold, held: this.held.size }; }
}

function clientAddr(req, cfg) {
  let addr = req.socket.remoteAddress || '';
  if (cfg.trustProxy && req.headers['x-forwarded-for']) {
    const hops = String(req.headers['x-forwarded-for']).split(',').map((s) => s.trim()).filter(Boolean);
    if (hops.length) addr = hops[hops.length - 1]; // the hop our own proxy appended
  }
  return addr.replace(/^::ffff:(?=\d+\.)/, '');
}

async function applyFault(fault, req, res, ctx) {
  // Read the body first so the client gets the answer, not a reset while it is still sending.
  try { await readBody(req, ctx.cfg.maxBody); } catch { drain(req); }
  if (fault.mode === 'hang') {
    ctx.hanging.add(res);
    res.on('close', () => ctx.hanging.delete(res));
    return; // never answer; the socket stays open until the client gives up or we shut down
  }
  if (fault.mode === '429') {
    return sendError(res, 429, fault.description || '请求过于频繁，请稍后再试 (injected fault: too many requests).',
      { 'Retry-After': String(fault.retry_after) });
  }
  if (fault.mode === '400') {
    return sendError(res, 400, fault.description || '受理系统暂时无法处理该举报 (injected fault: general error).');
  }
  return sendError(res, 500, fault.description || '服务器内部错误，举报未保存 (injected fault: internal error, nothing stored).',
    fault.retry_after ? { 'Retry-After': String(fault.retry_after) } : {});
}

function responseBody(row) {
  // The stored notice names the case number, which a batch answer does not give yet.
  if (row.token) return [{ token: row.token, service_notice: tokenNotice(row.token) }];
  return [{ service_request_id: row.service_request_id, service_notice: row.service_notice, account_id: null }];
}

function tooMany(res, seconds, who) {
  return sendError(res, 429, `提交过于频繁，请 ${seconds} 秒后再试 (rate limit per ${who}; retry after ${seconds} s).`,
    { 'Retry-After': String(seconds) });
}

async function postRequest(req, res, ctx, { query }) {
  const { cfg, limits } = ctx;
  const fault = ctx.faults.take();
  // A slow receiver: the POST is handled as usual, after the delay.
  if (fault && fault.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delay_ms));
  else if (fault) return applyFault(fault, req, res, ctx);

  const addr = clientAddr(req, cfg);
  const addrWait = limits.addr.retryAfter(addr);
  if (addrWait) { drain(req); return tooMany(res, addrWait, 'client address'); }
  limits.addr.hit(addr);

  let body;
  try {
    body = await readBody(req, cfg.maxBody);
  } catch (e) {
    if (e instanceof HttpError && e.status === 413) {
      await drain(req); // the answer closes the connection: only once the client has sent
      return sendError(res, 413, e.message, e.headers);
    }
    throw e;
  }

  const form = parseForm(body, req.headers['content-type'], { maxFieldBytes: 64 * 1024 });
  const idem = req.headers['idempotency-key'];
  const fields = validatePost(form, cfg, idem === undefined || idem === '' ? undefined : idem);
  const photos = checkPhotos(form.files, cfg);

  // An idempotent replay answers with the stored request and costs no rate-limit budget.
  const existing = ctx.store.findDuplicate(fields);
  if (existing) {
    limits.addr.refund(addr);
    return sendJson(res, 200, responseBody(existing), { 'Idempotent-Replayed': 'true' });
  }
  if (fields.device_id) {
    const devWait = limits.device.retryAfter(fields.device_id);
    if (devWait) return tooMany(res, devWait, 'device_id');
    limits.device.hit(fields.device_id);
  }

  const batch = ctx.batch.on || /^(1|true|yes)$/i.test(query.get('batch') || '');
  const { row, created } = ctx.store.create({
    ...fields,
    token: batch ? crypto.randomUUID() : null,
    client_addr: addr,
  }, photos);
  if (created && row.token) ctx.batch.issued(row.token);
  return sendJson(res, created ? 201 : 200, responseBody(row), created ? {} : { 'Idempotent-Replayed': 'true' });
}

module.exports = { postRequest, Faults, Batch, clientAddr };
