'use strict';
// A small multipart/form-data parser (RFC 7578) over a complete Buffer. Binary-safe: part bodies
// are sliced out of the original Buffer and never pass through a string.

const { HttpError, utf8 } = require('./util');

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** Extracts the boundary from a Content-Type header value, or throws a 400. */
function boundaryOf(contentType) {
  const m = /;\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType || '');
  if (!m) throw new HttpError(400, 'multipart/form-data 请求缺少 boundary 参数 (missing multipart boundary).');
  return m[1] || m[2];
}

/** Reads one header parameter (name, filename), handling quotes, backslash escapes and RFC 5987 filename*. */
function param(header, key) {
  const star = new RegExp(`;\\s*${key}\\*\\s*=\\s*([^;]*)`, 'i').exec(header);
  if (star) {
    const m = /^([\w-]+)'[^']*'(.*)$/.exec(star[1].trim());
    if (m && /^utf-8$/i.test(m[1])) {
      try { return decodeURIComponent(m[2]); } catch { /* fall through to the plain form */ }
    }
  }
  const re = new RegExp(`;\\s*${key}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i');
  const m = re.exec(header);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2];
}

function parseHeaders(buf) {
  const headers = {};
  for (const line of utf8(buf, 'part header').split('\r\n')) {
    if (!line) continue;
    const i = line.indexOf(':');
    if (i <= 0) throw new HttpError(400, 'multipart 分段头格式错误 (malformed part header).');
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return headers;
}

/**
 * Finds the next real delimiter: CRLF--boundary followed by "--" (the close) or optional
 * whitespace and CRLF. A look-alike such as CRLF--boundaryX inside file data is skipped.
 */
function findDelimiter(body, delim, from) {
  for (let i = body.indexOf(delim, from); i >= 0; i = body.indexOf(delim, i + 1)) {
    let j = i + delim.length;
    if (body[j] === 0x2d && body[j + 1] === 0x2d) return i;
    while (body[j] === 0x20 || body[j] === 0x09) j++;
    if (body[j] === 0x0d && body[j + 1] === 0x0a) return i;
  }
  return -1;
}

/**
 * Parses a multipart body. Returns { fields: [[name, value]...], files: [{name, filename, type, data}] }.
 * Limits: maxParts parts, maxFieldBytes per text field, maxHeaderBytes per part header.
 */
function parseMultipart(body, contentType, limits = {}) {
  const { maxParts = 200, maxFieldBytes = 64 * 1024, maxHeaderBytes = 8 * 1024 } = limits;
  const boundary = boundaryOf(contentType);
  const dash = Buffer.from(`--${boundary}`);
  const delim = Buffer.concat([CRLF, dash]); // every delimiter after the first is preceded by CRLF
  const fields = [];
  const files = [];

  // The first delimiter may be preceded by a preamble (or start the body directly).
  let pos;
  if (body.subarray(0, dash.length).equals(dash)) pos = dash.length;
  else {
    const i = body.indexOf(delim);
    if (i < 0) throw new HttpError(400, 'multipart 请求体中没有找到 boundary (boundary not found in body).');
    pos = i + delim.length;
  }

  for (let parts = 0; ; parts++) {
    // After a delimiter: "--" closes the body; otherwise optional whitespace then CRLF.
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break;
    while (body[pos] === 0x20 || body[pos] === 0x09) pos++;
    if (body[pos] !== 0x0d || body[pos + 1] !== 0x0a) {
      throw new HttpError(400, 'multipart 请求体格式错误或被截断 (malformed or truncated multipart body).');
    }
    pos += 2;
    if (parts >= maxParts) throw new HttpError(400, `multipart 分段过多（最多 ${maxParts} 段）(too many parts).`);

    let headerEnd = body.indexOf(HEADER_END, pos);
    let headerBuf;
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) { headerBuf = Buffer.alloc(0); headerEnd = pos - 2; }
    else {
      if (headerEnd < 0) throw new HttpError(400, 'multipart 分段头未结束 (unterminated part header).');
      headerBuf = body.subarray(pos, headerEnd);
    }
    if (headerBuf.length > maxHeaderBytes) throw new HttpError(400, 'multipart 分段头过长 (part header too large).');
    const dataStart = headerEnd + 4;
    const next = findDelimiter(body, delim, dataStart);
    if (next < 0) throw new HttpError(400, 'multipart 请求体被截断：缺少结束 boundary (missing closing boundary).');
    const data = body.subarray(dataStart, next);
    pos = next + delim.length;

    const headers = parseHeaders(headerBuf);
    const disp = headers['content-disposition'] || '';
    if (!/^\s*form-data\b/i.test(disp)) throw new HttpError(400, 'multipart 分段缺少 Content-Disposition: form-data.');
    const name = param(disp, 'name');
    if (name === undefined) throw new HttpError(400, 'multipart 分段缺少 name 参数 (part without a name).');
    const filename = param(disp, 'filename');
    if (filename !== undefined) {
      files.push({ name, filename, type: (headers['content-type'] || '').split(';')[0].trim().toLowerCase(), data });
    } else {
      if (data.length > maxFieldBytes) throw new HttpError(400, `字段 ${name} 过长 (field too large).`);
      fields.push([name, utf8(data, `field ${name}`)]);
    }
  }
  return { fields, files };
}

module.exports = { parseMultipart, boundaryOf, param };
