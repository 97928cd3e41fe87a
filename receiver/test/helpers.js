'use strict';
// Test helpers: start the real server (a child process) on a random port with a temp db,
// build form and multipart bodies, and make real tiny JPEG/PNG images.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const crypto = require('node:crypto');

const SERVER = path.join(__dirname, '..', 'server.js');
const API_KEY = 'cc-dev-key';
const ADMIN = { 'X-Admin-Token': 'cc-admin' };

/** Spawns `node server.js --port 0 --db <tmp>` plus extra flags; resolves when it listens. */
async function startServer(extra = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-open311-'));
  const db = path.join(dir, 'test.sqlite');
  const child = spawn(process.execPath, [SERVER, '--port', '0', '--db', db, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = [];
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const base = await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 10000);
    child.stdout.on('data', (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        lines.push(line);
        const m = /listening on (\S+)/.exec(line);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${stderr}`)); });
  });
  const origin = new URL(base).origin;
  const srv = {
    base, origin, db, dir, child, lines,
    get stderr() { return stderr; },
    url: (p) => `${base}/${p}`,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise((r) => child.once('exit', (code) => r(code)));
      child.kill(signal);
      const code = await exited;
      fs.rmSync(dir, { recursive: true, force: true });
      return code;
    },
    admin: (p, body) => fetch(`${origin}/__admin/${p}`, body === undefined ? { headers: ADMIN } : {
      method: 'POST', headers: { ...ADMIN, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    }),
    async rows() { return (await srv.admin('requests')).json(); },
  };
  return srv;
}

/** A urlencoded body from an object; array values become repeated keys. */
function form(fields) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    for (const one of [].concat(v)) p.append(k, one);
  }
  return p.toString();
}

const FORM_CT = 'application/x-www-form-urlencoded; charset=utf-8';

function post(srv, fields, headers = {}, query = '') {
  return fetch(srv.url(`requests.json${query}`), {
    method: 'POST', headers: { 'Content-Type': FORM_CT, ...headers }, body: form(fields),
  });
}

/** A multipart body: fields [[name, value]], files [{name, filename, type, data}]. */
function multipart(fields, files, boundary = `----cc${crypto.randomBytes(12).toString('hex')}`) {
  const parts = [];
  for (const [name, value] of fields) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`));
    parts.push(Buffer.from(String(value), 'utf8'), Buffer.from('\r\n'));
  }
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name || 'media'}"; `
      + `filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`));
    parts.push(f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function postMultipart(srv, fields, files, headers = {}) {
  const { body, contentType } = multipart(fields, files);
  return fetch(srv.url('requests.json'), { method: 'POST', headers: { 'Content-Type': contentType, ...headers }, body });
}

// ---- real images ---------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A real w×h RGB PNG filled with one colour. */
function makePng(w = 4, h = 3, [r, g, b] = [0x2e, 0x8b, 0x57]) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => [r, g, b]).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A real baseline JPEG: one 8×8 grayscale block of a single grey level. Quantisation is all ones,
 * so the only non-zero coefficient is DC = 8·(grey − 128); both Huffman tables hold one symbol.
 */
function makeJpeg(grey = 160) {
  const dc = 8 * (grey - 128);
  const mag = Math.abs(dc);
  const cat = mag === 0 ? 0 : Math.floor(Math.log2(mag)) + 1;
  const seg = (marker, payload) => {
    const len = Buffer.alloc(2); len.writeUInt16BE(payload.length + 2);
    return Buffer.concat([Buffer.from([0xff, marker]), len, payload]);
  };
  const oneSymbolTable = (cls, symbol) => {
    const counts = Buffer.alloc(16); counts[0] = 1; // one code of length 1: "0"
    return seg(0xc4, Buffer.concat([Buffer.from([cls << 4]), counts, Buffer.from([symbol])]));
  };
  // Entropy-coded data: DC code "0", `cat` bits of the value (ones' complement if negative), AC EOB "0".
  let bits = '0';
  if (cat) bits += (dc > 0 ? dc : dc + (1 << cat) - 1).toString(2).padStart(cat, '0');
  bits += '0';
  while (bits.length % 8) bits += '1';
  const scan = [];
  for (let i = 0; i < bits.length; i += 8) {
    const byte = parseInt(bits.slice(i, i + 8), 2);
    scan.push(byte);
    if (byte === 0xff) scan.push(0x00);
  }
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0])),
    seg(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    seg(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0])),
    oneSymbolTable(0, cat),
    oneSymbolTable(1, 0x00),
    seg(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    Buffer.from(scan),
    Buffer.from([0xff, 0xd9]),
  ]);
}

const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');

module.exports = {
  startServer, form, post, multipart, postMultipart, makePng, makeJpeg, sha256, API_KEY, ADMIN, FORM_CT,
};
