'use strict';
// The public shape of a stored request, and the base URL clients see.

/** The base URL clients see (for media_url and discovery). */
function publicBase(req, ctx) {
  const { cfg } = ctx;
  if (cfg.publicUrl) return cfg.publicUrl;
  let host = req.headers.host || `${cfg.host}:${ctx.port}`;
  let proto = 'http';
  if (cfg.trustProxy) {
    host = String(req.headers['x-forwarded-host'] || host).split(',')[0].trim();
    proto = String(req.headers['x-forwarded-proto'] || proto).split(',')[0].trim();
  }
  if (!/^[A-Za-z0-9.\-:[\]]{1,255}$/.test(host) || !/^https?$/.test(proto)) return cfg.basePath;
  return `${proto}://${host}${cfg.basePath}`;
}

/** The public record of a request (no contact data, no device id, no client address). */
function toRecord(row, ctx, base) {
  const media = ctx.store.mediaFor(row.seq).map((m) => `${base}/media/${m.id}`);
  if (row.media_url_given) media.unshift(row.media_url_given);
  return {
    service_request_id: row.service_request_id,
    status: row.status,
    status_notes: row.status_notes,
    service_name: row.service_name,
    service_code: row.service_code,
    description: row.description,
    agency_responsible: row.agency_responsible,
    service_notice: row.service_notice,
    requested_datetime: row.requested_datetime,
    updated_datetime: row.updated_datetime,
    expected_datetime: row.expected_datetime,
    address: row.address,
    address_id: row.address_id,
    zipcode: row.zipcode,
    lat: row.lat,
    long: row.long,
    media_url: media[0] || null,
    media_urls: media,
    attributes: JSON.parse(row.attributes),
  };
}

/** The attributes a listing shows: what was reported, where and when; never who reported it or whom. */
const LISTED_ATTRIBUTES = ['categories', 'subtype', 'district', 'occurred_at', 'ongoing'];

/**
 * A request as `GET requests.json` lists it, for anyone to page through (the site's 举报处理情况
 * page): the public record without photos (they may show people) and with only LISTED_ATTRIBUTES.
 * `GET requests/{id}.json`, asked by whoever holds the number, keeps the whole public record.
 */
function toListRecord(row, ctx, base) {
  const rec = toRecord(row, ctx, base);
  const attributes = rec.attributes || {};
  rec.attributes = Object.fromEntries(LISTED_ATTRIBUTES.filter((k) => k in attributes).map((k) => [k, attributes[k]]));
  rec.media_url = null;
  rec.media_urls = [];
  return rec;
}

module.exports = { publicBase, toRecord, toListRecord };
