'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, post, postMultipart, makeJpeg, makePng, API_KEY } = require('./helpers');

const OK = { api_key: API_KEY, service_code: 'noise', address_string: '绿园区 青年路 8 号', description: '夜间施工' };

describe('deduplication', () => {
  let srv;
  before(async () => { srv = await startServer(); });
  after(() => srv.stop());

  const countWith = async (pred) => (await srv.rows()).filter(pred).length;

  it('a repeat with the same attribute[client_request_id] returns the same id and body', async () => {
    const fields = { ...OK, 'attribute[client_request_id]': 'crid-001' };
    const r1 = await post(srv, fields);
    const r2 = await post(srv, fields);
    assert.equal(r1.status, 201);
    assert.ok([200, 201].includes(r2.status));
    const b1 = await r1.text();
    assert.equal(await r2.text(), b1);
    assert.equal(r2.headers.get('idempotent-replayed'), 'true');
    assert.equal(await countWith((r) => r.client_request_id === 'crid-001'), 1);
  });

  it('a repeat with the same Idempotency-Key header returns the same id and body', async () => {
    const h = { 'Idempotency-Key': 'idem-abc-123' };
    const r1 = await post(srv, OK, h);
    const r2 = await post(srv, OK, h);
    const b1 = await r1.json();
    assert.deepEqual(await r2.json(), b1);
    assert.equal(await countWith((r) => r.idempotency_key === 'idem-abc-123'), 1);
    // The id is the header's, not a new one when the client_request_id is new.
    const r3 = await post(srv, { ...OK, 'attribute[client_request_id]': 'crid-new' }, h);
    assert.equal((await r3.json())[0].service_request_id, b1[0].service_request_id);
    assert.equal(await countWith((r) => r.idempotency_key === 'idem-abc-123'), 1);
  });

  it('10 concurrent identical POSTs create exactly one row', async () => {
    const fields = { ...OK, 'attribute[client_request_id]': 'crid-race' };
    const h = { 'Idempotency-Key': 'idem-race' };
    const res = await Promise.all(Array.from({ length: 10 }, () => post(srv, fields, h)));
    const bodies = await Promise.all(res.map((r) => r.json()));
    assert.ok(res.every((r) => r.status === 200 || r.status === 201));
    assert.equal(res.filter((r) => r.status === 201).length, 1);
    const ids = new Set(bodies.map((b) => b[0].service_request_id));
    assert.equal(ids.size, 1);
    assert.equal(await countWith((r) => r.client_request_id === 'crid-race'), 1);
  });

  it('10 concurrent identical multipart POSTs with photos create one row and one set of photos', async () => {
    const fields = Object.entries({ ...OK, 'attribute[client_request_id]': 'crid-race-mp' });
    const files = [
      { filename: 'a.jpg', type: 'image/jpeg', data: makeJpeg(90) },
      { filename: 'b.png', type: 'image/png', data: makePng(5, 5) },
    ];
    const res = await Promise.all(Array.from({ length: 10 }, () =>
      postMultipart(srv, fields, files, { 'Idempotency-Key': 'idem-race-mp' })));
    const ids = new Set((await Promise.all(res.map((r) => r.json()))).map((b) => b[0].service_request_id));
    assert.equal(ids.size, 1);
    const rows = (await srv.rows()).filter((r) => r.client_request_id === 'crid-race-mp');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].media.length, 2);
  });

  it('a batch (token) request replays the same token', async () => {
    const fields = { ...OK, 'attribute[client_request_id]': 'crid-batch' };
    const b1 = await (await post(srv, fields, {}, '?batch=1')).json();
    const b2 = await (await post(srv, fields, {}, '?batch=1')).json();
    assert.ok(b1[0].token);
    assert.deepEqual(b2, b1);
  });

  it('an invalid Idempotency-Key is 400', async () => {
    const res = await post(srv, OK, { 'Idempotency-Key': 'x'.repeat(201) });
    assert.equal(res.status, 400);
  });
});
