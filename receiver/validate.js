'use strict';
// Checks a parsed POST requests.json against the Open311 rules and this endpoint's service definitions.
// Text is never altered: what passes is stored exactly as received.

const crypto = require('node:crypto');
const { HttpError, charLength, parseIsoDate } = require('./util');
const { BY_CODE, SERVICES, DISTRICTS, ONGOING } = require('./services');

const MAX_LEN = {
  description: 4000, address_string: 500, address_id: 200, email: 254, phone: 40, first_name: 100,
  last_name: 100, device_id: 200, account_id: 200, media_url: 2000,
};
const ATTR_MAX_LEN = { subtype: 100, reported_party: 100, client_request_id: 200 };
const ATTR_VALUE_MAX = 4000;
const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const CATEGORY_KEYS = new Set(SERVICES.map((s) => s.code));
const DISTRICT_KEYS = new Set(DISTRICTS);
const ONGOING_KEYS = new Set(ONGOING.map((o) => o.key));

function sameSecret(a, b) {
  const ha = crypto.createHash('sha256').update(String(a)).digest();
  const hb = crypto.createHash('sha256').update(String(b)).digest();
  return crypto.timingSafeEqual(ha, hb);
}

function bad(description) { return new HttpError(400, description); }

function checkAttributes(attrs) {
  for (const [code, value] of Object.entries(attrs)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (charLength(v) > (ATTR_MAX_LEN[code] || ATTR_VALUE_MAX)) {
        throw bad(`attribute[${code}] 超过 ${ATTR_MAX_LEN[code] || ATTR_VALUE_MAX} 个字符 (attribute too long).`);
      }
    }
  }
  if (attrs.categories !== undefined) {
    attrs.categories = [].concat(attrs.categories);
    const unknown = attrs.categories.filter((c) => !CATEGORY_KEYS.has(c));
    if (unknown.length) {
      throw bad(`attribute[categories] 含未知类别 ${unknown.join(', ')}；可选 ${[...CATEGORY_KEYS].join(', ')}.`);
    }
  }
  const single = { district: DISTRICT_KEYS, ongoing: ONGOING_KEYS };
  for (const [code, allowed] of Object.entries(single)) {
    const v = attrs[code];
    if (v === undefined) continue;
    if (Array.isArray(v)) throw bad(`attribute[${code}] 只能有一个值 (singlevaluelist).`);
    if (!allowed.has(v)) throw bad(`attribute[${code}] 的值 “${v}” 不在可选列表中；可选：${[...allowed].join('、')}.`);
  }
  for (const code of ['subtype', 'reported_party', 'occurred_at', 'client_request_id']) {
    if (Array.isArray(attrs[code])) throw bad(`attribute[${code}] 只能有一个值.`);
  }
  if (attrs.occurred_at !== undefined && Number.isNaN(parseIsoDate(attrs.occurred_at))) {
    throw bad('attribute[occurred_at] 不是 ISO-8601 日期时间 (e.g. 2026-03-01T08:15:30+08:00).');
  }
}

/**
 * Validates the form; returns the fields to store. `idempotencyKey` is the header value (or undefined).
 * Order: api_key (403), jurisdiction_id (404), service_code (400/404), location (400), the rest (400).
 */
function validatePost({ fields, attributes }, cfg, idempotencyKey) {
  if (fields.api_key === undefined || !sameSecret(fields.api_key, cfg.apiKey)) {
    throw new HttpError(403, fields.api_key === undefined
      ? '缺少 api_key，无法受理 (api_key missing -- can\'t proceed with create_request).'
      : 'api_key 无效，无法受理 (invalid api_key received -- can\'t proceed with create_request).');
  }
  if (fields.jurisdiction_id !== undefined && fields.jurisdiction_id !== cfg.jurisdiction) {
    throw new HttpError(404, `未知的 jurisdiction_id “${fields.jurisdiction_id}”；本端点服务 ${cfg.jurisdiction}.`);
  }
  if (fields.service_code === undefined) throw bad('缺少 service_code (service_code is required).');
  const service = BY_CODE.get(fields.service_code);
  if (!service) {
    throw new HttpError(404, `未知的 service_code “${fields.service_code}”；可选 ${[...BY_CODE.keys()].join(', ')}.`);
  }

  const hasLat = fields.lat !== undefined;
  const hasLong = fields.long !== undefined;
  if (hasLat !== hasLong) throw bad('lat 与 long 必须同时提供 (lat and long must be given together).');
  if (!hasLat && fields.address_string === undefined && fields.address_id === undefined) {
    throw bad('缺少位置：请提供 lat+long、address_string 或 address_id 之一 (a location is required).');
  }
  let lat = null;
  let long = null;
  if (hasLat) {
    if (!NUMBER_RE.test(fields.lat) || !NUMBER_RE.test(fields.long)) throw bad('lat/long 必须是十进制数 (WGS-84 decimal degrees).');
    lat = Number(fields.lat);
    long = Number(fields.long);
    if (Math.abs(lat) > 90 || Math.abs(long) > 180) throw bad('lat/long 超出范围 (lat/long out of range).');
  }
  for (const [name, max] of Object.entries(MAX_LEN)) {
    if (fields[name] !== undefined && charLength(fields[name]) > max) {
      throw bad(`${name} 超过 ${max} 个字符 (${name} is longer than ${max} characters).`);
    }
  }
  if (fields.media_url !== undefined) {
    let u;
    try { u = new URL(fields.media_url); } catch { u = null; }
    if (!u || !/^https?:$/.test(u.protocol)) throw bad('media_url 必须是 http(s) URL.');
  }
  checkAttributes(attributes);
  if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
    throw bad('Idempotency-Key 必须是 1–200 个可见 ASCII 字符 (invalid Idempotency-Key header).');
  }

  return {
    service_code: service.code,
    service_name: service.name,
    description: fields.description ?? null,
    address: fields.address_string ?? null,
    address_id: fields.address_id ?? null,
    lat,
    long,
    media_url_given: fields.media_url ?? null,
    attributes,
    jurisdiction_id: fields.jurisdiction_id ?? null,
    email: fields.email ?? null,
    phone: fields.phone ?? null,
    first_name: fields.first_name ?? null,
    last_name: fields.last_name ?? null,
    device_id: fields.device_id ?? null,
    account_id: fields.account_id ?? null,
    client_request_id: attributes.client_request_id ?? null,
    idempotency_key: idempotencyKey ?? null,
  };
}

module.exports = { validatePost, sameSecret };
