'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const { startServer, postMultipart, multipart, makeJpeg, makePng, sha256, API_KEY } = require('./helpers');
const { parseMultipart } = require('../multipart');
const { sniffImage } = require('../limits');

const FIELDS = [['api_key', API_KEY], ['service_code', 'water'], ['address_string', '二道区 伊通河 东岸'],
  ['description', '河面漂浮油污'], ['attribute[categories][]', 'water'], ['attribute[categories][]', 'solid_waste']];

describe('multipart parser (unit)', () => {
  it('is binary-safe: CRLF, dashes and boundary look-alikes inside file data survive', () => {
    const boundary = 'XyZ123';
    const tricky = Buffer.concat([makeJpeg(200), Buffer.from('\r\n--XyZ12\r\n--XyZ123x\r\n\r\n'), Buffer.from([0, 0xff, 0xfe, 0x0d])]);
    const { body, contentType } = multipart([['a', '一\r\n二']], [{ filename: 'x.jpg', type: 'image/jpeg', data: tricky }], boundary);
    const out = parseMultipart(body, contentType);
    assert.deepEqual(out.fields, [['a', '一\r\n二']]);
    assert.equal(out.files.length, 1);
    assert.ok(out.files[0].data.equals(tricky));
    assert.equal(out.files[0].filename, 'x.jpg');
    assert.equal(out.files[0].type, 'image/jpeg');
  });

  it('handles a preamble, a quoted boundary, filename*=UTF-8 and an empty field', () => {
    const b = 'quoted boundary';
    const body = Buffer.from(`preamble text\r\n--${b}\r\nContent-Disposition: form-data; name="e"\r\n\r\n\r\n`
      + `--${b}\r\nContent-Disposition: form-data; name="media"; filename="x.png"; filename*=UTF-8''%E7%85%A7%E7%89%87.png\r\n`
      + `Content-Type: image/png\r\n\r\nPNG\r\n--${b}--\r\nepilogue`);
    const out = parseMultipart(body, `multipart/form-data; boundary="${b}"`);
    assert.deepEqual(out.fields, [['e', '']]);
    assert.equal(out.files[0].filename, '照片.png');
    assert.equal(out.files[0].data.toString(), 'PNG');
  });

  it('refuses truncated bodies and missing boundaries', () => {
    const { body, contentType } = multipart([['a', '1']], []);
    assert.throws(() => parseMultipart(body.subarray(0, body.length - 10), contentType), /boundary|truncated/);
    assert.throws(() => parseMultipart(body, 'multipart/form-data'), /boundary/);
    assert.throws(() => parseMultipart(Buffer.from('nothing'), contentType), /boundary/);
  });

  it('sniffs JPEG and PNG by magic bytes only', () => {
    assert.equal(sniffImage(makeJpeg()), 'image/jpeg');
    assert.equal(sniffImage(makePng()), 'image/png');
    assert.equal(sniffImage(Buffer.from('GIF89a......')), null);
    assert.equal(sniffImage(Buffer.from('<svg onload=alert(1)>')), null);
  });
});

describe('multipart POST with photos', () => {
  let srv;
  before(async () => { srv = await startServer(['--max-body', String(3 * 1024 * 1024)]); });
  after(() => srv.stop());

  it('stores two images and serves them byte-identical with the right content type', async () => {
    const jpeg = makeJpeg(160);
    const png = makePng(6, 4, [200, 30, 30]);
    const res = await postMultipart(srv, FIELDS, [
      { filename: '现场1.jpg', type: 'image/jpeg', data: jpeg },
      { filename: 'scene2.png', type: 'image/png', data: png },
    ]);
    assert.equal(res.status, 201, await res.clone().text());
    const [{ service_request_id: id }] = await res.json();
    const [rec] = await (await fetch(srv.url(`requests/${id}.json`))).json();
    assert.equal(rec.media_urls.length, 2);
    assert.equal(rec.media_url, rec.media_urls[0]);
    assert.deepEqual(rec.attributes.categories, ['water', 'solid_waste']);
    assert.equal(rec.description, '河面漂浮油污');

    const got = [];
    for (const u of rec.media_urls) {
      assert.ok(u.startsWith(`${srv.base}/media/`), u);
      const m = await fetch(u);
      assert.equal(m.status, 200);
      got.push({ type: m.headers.get('content-type'), data: Buffer.from(await m.arrayBuffer()), nosniff: m.headers.get('x-content-type-options') });
    }
    assert.equal(got[0].type, 'image/jpeg');
    assert.ok(got[0].data.equals(jpeg));
    assert.equal(got[1].type, 'image/png');
    assert.ok(got[1].data.equals(png));
    assert.equal(got[0].nosniff, 'nosniff');

    const row = (await srv.rows()).find((r) => r.service_request_id === id);
    assert.deepEqual(row.media.map((m) => [m.content_type, m.size, m.sha256, m.filename]), [
      ['image/jpeg', jpeg.length, sha256(jpeg), '现场1.jpg'],
      ['image/png', png.length, sha256(png), 'scene2.png'],
    ]);
    assert.equal((await fetch(srv.url('media/000000000000000000000000'))).status, 404);
  });

  it('media_url given as a field is kept and comes first', async () => {
    const res = await postMultipart(srv, [...FIELDS, ['media_url', 'https://example.cn/p.jpg']],
      [{ filename: 'a.jpg', type: 'image/jpeg', data: makeJpeg() }]);
    const [{ service_request_id: id }] = await res.json();
    const [rec] = await (await fetch(srv.url(`requests/${id}.json`))).json();
    assert.equal(rec.media_url, 'https://example.cn/p.jpg');
    assert.equal(rec.media_urls.length, 2);
  });

  it('an empty file part (untouched file input) is ignored', async () => {
    const res = await postMultipart(srv, FIELDS, [{ filename: '', type: 'application/octet-stream', data: Buffer.alloc(0) }]);
    assert.equal(res.status, 201);
  });

  const bad = async (files, status = 400) => {
    const before = (await srv.rows()).length;
    const res = await postMultipart(srv, FIELDS, files);
    assert.equal(res.status, status);
    const body = await res.json();
    assert.equal(body[0].code, status);
    assert.equal((await srv.rows()).length, before, 'nothing stored');
    return body[0].description;
  };

  it('refuses photos that are not JPEG/PNG by their bytes, whatever the header says', async () => {
    await bad([{ filename: 'x.jpg', type: 'image/jpeg', data: Buffer.from('<html><script>alert(1)</script></html>') }]);
    await bad([{ filename: 'x.gif', type: 'image/gif', data: Buffer.from('GIF89a\x01\x00\x01\x00') }]);
    await bad([{ filename: 'x.jpg', type: 'text/plain', data: makeJpeg() }]);
    await bad([{ filename: 'x.png', type: 'image/jpeg', data: makePng() }]);
    await bad([{ filename: 'x.jpg', type: 'image/jpeg', name: 'document', data: makeJpeg() }]);
  });

  it('refuses a photo over 2 MB and more than 6 photos', async () => {
    const big = Buffer.concat([makeJpeg(), Buffer.alloc(2 * 1024 * 1024)]);
    assert.match(await bad([{ filename: 'big.jpg', type: 'image/jpeg', data: big }]), /2 MB|2097152/);
    const seven = Array.from({ length: 7 }, (_, i) => ({ filename: `${i}.jpg`, type: 'image/jpeg', data: makeJpeg(100 + i) }));
    assert.match(await bad(seven), /6/);
    const six = seven.slice(0, 6);
    const res = await postMultipart(srv, FIELDS, six);
    assert.equal(res.status, 201);
  });

  it('answers 413 with an Open311 error for a body over the limit', async () => {
    const huge = Buffer.concat([makeJpeg(), Buffer.alloc(3 * 1024 * 1024 + 10)]);
    const before = (await srv.rows()).length;
    const res = await postMultipart(srv, FIELDS, [{ filename: 'huge.jpg', type: 'image/jpeg', data: huge }]);
    assert.equal(res.status, 413);
    const body = await res.json();
    assert.equal(body[0].code, 413);
    assert.equal((await srv.rows()).length, before);
    // The server is still fine afterwards.
    assert.equal((await fetch(srv.url('services.json'))).status, 200);
  });

  it('answers 413 to a chunked body (no Content-Length) that grows past the limit', async () => {
    const u = new URL(srv.url('requests.json'));
    const { body, contentType } = require('./helpers').multipart(FIELDS,
      [{ filename: 'huge.jpg', type: 'image/jpeg', data: Buffer.concat([makeJpeg(), Buffer.alloc(4 * 1024 * 1024)]) }]);
    const res = await new Promise((resolve, reject) => {
      const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST',
        headers: { 'Content-Type': contentType, 'Transfer-Encoding': 'chunked' } }, (r) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (d) => { text += d; });
        r.on('end', () => resolve({ status: r.statusCode, text }));
      });
      req.on('error', reject);
      for (let i = 0; i < body.length; i += 65536) req.write(body.subarray(i, i + 65536));
      req.end();
    });
    assert.equal(res.status, 413);
    assert.equal(JSON.parse(res.text)[0].code, 413);
  });
});
