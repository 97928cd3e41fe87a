'use strict';
// Rate limiting (sliding window per key), photo checks by magic bytes, and the body-size reader.

const { HttpError } = require('./util');

/** Sliding-window limiter: at most `limit` hits per `windowMs` for each key. limit <= 0 disables it. */
class RateLimiter {
  constructor(limit, windowMs) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.hits = new Map(); // key -> array of timestamps (ascending)
  }

  _live(key, now) {
    const arr = this.hits.get(key);
    if (!arr) return [];
    while (arr.length && arr[0] <= now - this.windowMs) arr.shift();
    if (!arr.length) this.hits.delete(key);
    return arr;
  }

  /** Seconds until a hit is allowed again for `key`, or 0 if one is allowed now. */
  retryAfter(key, now = Date.now()) {
    if (this.limit <= 0 || !key) return 0;
    const arr = this._live(key, now);
    if (arr.length < this.limit) return 0;
    return Math.max(1, Math.ceil((arr[arr.length - this.limit] + this.windowMs - now) / 1000));
  }

  hit(key, now = Date.now()) {
    if (this.limit <= 0 || !key) return;
    const arr = this._live(key, now);
    arr.push(now);
    this.hits.set(key, arr);
  }

  /** Gives back the most recent hit (used when a POST turns out to be an idempotent replay). */
  refund(key) {
    const arr = this.hits.get(key);
    if (arr && arr.length) arr.pop();
  }

  prune(now = Date.now()) { for (const key of [...this.hits.keys()]) this._live(key, now); }
  clear() { this.hits.clear(); }
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The real type of an image from its first bytes: 'image/jpeg', 'image/png' or null. */
function sniffImage(buf) {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG_MAGIC)) return 'image/png';
  return null;
}

const DECLARED_OK = new Map([
  ['image/jpeg', 'image/jpeg'], ['image/jpg', 'image/jpeg'], ['image/pjpeg', 'image/jpeg'], ['image/png', 'image/png'],
]);

/**
 * Checks uploaded `media` parts. Returns [{type, data, filename}] or throws a 400.
 * Empty parts (an untouched <input type=file>) are skipped.
 */
function checkPhotos(files, { maxPhotos, maxPhotoBytes }) {
  const photos = [];
  for (const f of files) {
    if (!/^media(\[\d*\])?$/.test(f.name)) {
      throw new HttpError(400, `不支持的文件字段 “${f.name}”，照片请以 media 字段上传 (files must be sent as "media" parts).`);
    }
    if (f.data.length === 0 && !f.filename) continue;
    if (f.data.length === 0) throw new HttpError(400, `照片 “${f.filename}” 是空文件 (empty photo).`);
    photos.push(f);
  }
  if (photos.length > maxPhotos) {
    throw new HttpError(400, `照片最多 ${maxPhotos} 张，收到 ${photos.length} 张 (at most ${maxPhotos} photos).`);
  }
  return photos.map((f, i) => {
    const n = i + 1;
    if (f.data.length > maxPhotoBytes) {
      throw new HttpError(400, `第 ${n} 张照片超过 ${(maxPhotoBytes / 1048576).toFixed(0)} MB (photo ${n} is larger than ${maxPhotoBytes} bytes).`);
    }
    const declared = DECLARED_OK.get(f.type);
    const real = sniffImage(f.data);
    if (!declared || !real || declared !== real) {
      throw new HttpError(400, `第 ${n} 张照片不是 JPEG 或 PNG 图片 (photo ${n}: only image/jpeg and image/png are accepted; `
        + `declared "${f.type || 'none'}", content ${real || 'not an image'}).`);
    }
    return { type: real, data: f.data, filename: f.filename };
  });
}

/**
 * Reads the whole request body, at most maxBytes. On overflow it throws a 413 HttpError; the caller
 * answers and the rest of the body is drained (bounded) so the client can read the answer.
 */
function readBody(req, maxBytes) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      reject(tooLarge(maxBytes));
      return;
    }
    const chunks = [];
    let size = 0;
    let failed = false;
    const onData = (chunk) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) {
        failed = true;
        chunks.length = 0;
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => { if (!failed) resolve(Buffer.concat(chunks, size)); });
    req.on('error', (e) => { if (!failed) { failed = true; reject(e); } });
    req.on('aborted', () => { if (!failed) { failed = true; reject(new HttpError(400, 'request aborted')); } });
  });
}

function tooLarge(maxBytes) {
  return new HttpError(413, `请求体超过 ${(maxBytes / 1048576).toFixed(0)} MB 上限 (request body larger than ${maxBytes} bytes).`,
    { Connection: 'close' });
}

/**
 * Discards what is left of a request body (up to `limit` bytes, then drops the connection).
 * Resolves once the body has ended or the connection is gone: an answer that closes the
 * connection must wait for it, or a client still sending sees a reset (EPIPE), not the answer.
 */
function drain(req, limit = 64 * 1024 * 1024) {
  return new Promise((resolve) => {
    let seen = 0;
    req.on('data', (c) => { seen += c.length; if (seen > limit) req.socket.destroy(); });
    req.on('end', resolve);
    req.on('close', resolve);
    req.resume();
    if (req.readableEnded) resolve();
  });
}

module.exports = { RateLimiter, sniffImage, checkPhotos, readBody, drain };
