'use strict';
// Small shared helpers: Beijing-time datetimes, JSON responses, Open311 error arrays.

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** ISO-8601 with an explicit +08:00 offset and whole seconds, e.g. 2026-03-01T08:15:30+08:00. */
function isoBeijing(ms) {
  const d = new Date(Math.floor(ms / 1000) * 1000 + BEIJING_OFFSET_MS);
  return d.toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

/** Year in Beijing time (used in reference numbers). */
function beijingYear(ms) {
  return new Date(ms + BEIJING_OFFSET_MS).getUTCFullYear();
}

/**
 * Parses an ISO-8601 date or datetime. A value without an offset is read as Beijing time.
 * Returns epoch ms or NaN.
 */
function parseIsoDate(s) {
  if (typeof s !== 'string') return NaN;
  // An unencoded "+08:00" in a query string arrives as " 08:00": read it as the offset it was.
  s = s.trim().replace(/(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$/, '$1+$2');
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s.trim());
  if (!m) return NaN;
  let iso = `${m[1]}-${m[2]}-${m[3]}T${m[4] || '00'}:${m[5] || '00'}:${m[6] || '00'}`;
  let tz = m[7] || '+08:00';
  if (/^[+-]\d{4}$/.test(tz)) tz = `${tz.slice(0, 3)}:${tz.slice(3)}`;
  const ms = Date.parse(iso + tz.toUpperCase());
  return ms;
}

/**
 * JSON with <, >, & and U+2028/2029 escaped as \uXXXX. The parsed value is identical;
 * the bytes can never be sniffed as HTML by a confused consumer.
 */
function safeJson(value) {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function sendJson(res, status, value, headers = {}) {
  if (res.headersSent || res.destroyed) return;
  const body = Buffer.from(safeJson(value), 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(res.req && res.req.method === 'HEAD' ? undefined : body);
}

/** Open311 error: the HTTP status is the code unless a more specific body code is given. */
function sendError(res, status, description, headers = {}, code = status) {
  sendJson(res, status, [{ code, description }], headers);
}

/** Thrown by parsers/validators; the router turns it into an Open311 error array. */
class HttpError extends Error {
  constructor(status, description, headers = {}) {
    super(description);
    this.status = status;
    this.headers = headers;
  }
}

/** Length in Unicode code points (an emoji counts as one character). */
function charLength(s) {
  let n = 0;
  for (const _ of s) n++; // eslint-disable-line no-unused-vars
  return n;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8 strictly: invalid bytes are a 400, never silently replaced. */
function utf8(buf, what) {
  try {
    return STRICT_UTF8.decode(buf);
  } catch {
    throw new HttpError(400, `${what} 不是有效的 UTF-8 (${what} is not valid UTF-8).`);
  }
}

function isLoopback(addr) {
  if (!addr) return false;
  return addr === '::1' || /^127\./.test(addr) || /^::ffff:127\./.test(addr);
}

module.exports = {
  isoBeijing, beijingYear, parseIsoDate, safeJson, sendJson, sendError, HttpError, charLength, isLoopback, utf8,
};
