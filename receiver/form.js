'use strict';
// Turns a POST requests.json body (urlencoded or multipart) into { fields, attributes, files }.

const { parseMultipart } = require('./multipart');
const { HttpError, utf8 } = require('./util');

const SCALARS = new Set([
  'api_key', 'jurisdiction_id', 'service_code', 'lat', 'long', 'address_string', 'address_id', 'email',
  'device_id', 'account_id', 'first_name', 'last_name', 'phone', 'description', 'media_url',
]);
const MAX_ATTRIBUTES = 50;
const ATTR_RE = /^attribute\[([^\[\]]{1,64})\](\[\d*\])?$/;

/** Parses the body by Content-Type. Only UTF-8 is accepted for urlencoded bodies. */
function parseForm(body, contentType, multipartLimits) {
  const ct = (contentType || '').toLowerCase();
  let pairs;
  let files = [];
  if (ct.startsWith('multipart/form-data')) {
    const parsed = parseMultipart(body, contentType, multipartLimits);
    pairs = parsed.fields;
    files = parsed.files;
  } else if (ct.startsWith('application/x-www-form-urlencoded') || ct === '') {
    const cs = /;\s*charset\s*=\s*"?([^";\s]+)/.exec(ct);
    if (cs && !/^utf-?8$/.test(cs[1])) {
      throw new HttpError(400, `只接受 UTF-8 编码 (only charset=utf-8 is accepted, got ${cs[1]}).`);
    }
    pairs = parseUrlencoded(utf8(body, 'request body'));
  } else {
    throw new HttpError(400, 'POST requests.json 只接受 application/x-www-form-urlencoded; charset=utf-8 或 multipart/form-data '
      + `(unsupported Content-Type "${contentType}").`);
  }
  return collect(pairs, files);
}

function decodePart(s) {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw new HttpError(400, '表单编码错误：无效的百分号编码或 UTF-8 序列 (malformed percent-encoding or UTF-8).');
  }
}

function parseUrlencoded(text) {
  const pairs = [];
  for (const piece of text.split('&')) {
    if (!piece) continue;
    const i = piece.indexOf('=');
    pairs.push(i < 0 ? [decodePart(piece), ''] : [decodePart(piece.slice(0, i)), decodePart(piece.slice(i + 1))]);
  }
  return pairs;
}

function collect(pairs, files) {
  const fields = {};
  const attributes = {};
  let attrCount = 0;
  for (const [name, value] of pairs) {
    const m = ATTR_RE.exec(name);
    if (m) {
      const code = m[1];
      if (!(code in attributes) && ++attrCount > MAX_ATTRIBUTES) {
        throw new HttpError(400, `属性过多（最多 ${MAX_ATTRIBUTES} 个）(too many attributes).`);
      }
      if (m[2] !== undefined) {
        // multivaluelist: attribute[code][]=a&attribute[code][]=b; empty values are dropped
        const arr = Array.isArray(attributes[code]) ? attributes[code]
          : (attributes[code] === undefined ? [] : [attributes[code]]);
        if (value !== '') arr.push(value);
        attributes[code] = arr;
      } else if (value !== '') {
        if (attributes[code] === undefined) attributes[code] = value;
        else attributes[code] = [].concat(attributes[code], value);
      }
      continue;
    }
    if (SCALARS.has(name) && value !== '' && fields[name] === undefined) fields[name] = value;
  }
  // A multivaluelist sent with no values equals an absent attribute.
  for (const k of Object.keys(attributes)) if (Array.isArray(attributes[k]) && attributes[k].length === 0) delete attributes[k];
  return { fields, attributes, files };
}

module.exports = { parseForm, SCALARS };
