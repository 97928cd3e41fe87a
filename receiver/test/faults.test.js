'use strict';
const { describe, it, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const { startServer, post, postMultipart, makeJpeg, API_KEY } = require('./helpers');

const OK = { api_key: API_KEY, service_code: 'solid_waste', address_string: '宽城区 北亚泰大街 99 号' };

describe('fault injection and the admin API', () => {
  let srv;
  before(async () => { srv = await startServer(); });
  after(() => srv.stop());
  beforeEach(async () => { await srv.admin('reset', { wipe: true }); });

  it('500 stores nothing; the retry with the same key then stores exactly one', async () => {
    const r = await srv.admin('faults', { mode: '500', count: 1 });
    assert.equal(r.status, 200);
    const fields = { ...OK, 'attribute[client_request_id]': 'crid-500' };
    const h = { 'Idempotency-Key': 'idem-500' };
    const res1 = await post(srv, fields, h);
    assert.equal(res1.status, 500);
    assert.equal((await res1.json())[0].code, 500);
    assert.equal((await srv.rows()).length, 0);
    const res2 = await post(srv, fields, h);
    assert.equal(res2.status, 201);
    const res3 = await post(srv, fields, h);
    assert.deepEqual(await res3.json(), await res2.json());
    assert.equal((await srv.rows()).length, 1);
  });

  it('500 with count 2 fails two POSTs (multipart too) and then succeeds', async () => {
    await srv.admin('faults', { mode: '500', count: 2 });
    const files = [{ filename: 'a.jpg', type: 'image/jpeg', data: makeJpeg() }];
    const fields = Object.entries(OK);
    assert.equal((await postMultipart(srv, fields, files)).status, 500);
    assert.equal((await postMultipart(srv, fields, files)).status, 500);
    assert.equal((await postMultipart(srv, fields, files)).status, 201);
    const rows = await srv.rows();
    assert.equal(rows.length, 1);
    assert.equal(rows[0].media.length, 1);
  });

  it('429 answers with Retry-After and stores nothing', async () => {
    await srv.admin('faults', { mode: '429', count: 1, retry_after: 7 });
    const res = await post(srv, OK);
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '7');
    assert.equal((await res.json())[0].code, 429);
    assert.equal((await srv.rows()).length, 0);
    assert.equal((await post(srv, OK)).status, 201);
  });

  it('400 answers with an Open311 error array carrying a description', async () => {
    await srv.admin('faults', { mode: '400', count: 1, description: 'CRM 暂停服务' });
    const res = await post(srv, OK);
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), [{ code: 400, description: 'CRM 暂停服务' }]);
    assert.equal((await srv.rows()).length, 0);
  });

  it('hang never answers: the client gives up, nothing is stored, the next POST works', async () => {
    await srv.admin('faults', { mode: 'hang', count: 1 });
    const t0 = Date.now();
    const hung = fetch(srv.url('requests.json'), {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams(OK).toString(), signal: AbortSignal.timeout(400),
    });
    await assert.rejects(hung, (e) => e.name === 'TimeoutError');
    assert.ok(Date.now() - t0 >= 300);
    assert.equal((await srv.rows()).length, 0, 'the hung POST stored nothing');
    assert.equal((await post(srv, OK)).status, 201);
    assert.equal((await srv.rows()).length, 1);
  });

  it('slow answers as usual, after the delay, and stores the request once', async () => {
    await srv.admin('faults', { mode: 'slow', count: 1, delay_ms: 400 });
    const t0 = Date.now();
    const res = await post(srv, OK);
    assert.equal(res.status, 201);
    assert.ok(Date.now() - t0 >= 380, 'answered after the delay');
    assert.equal((await srv.rows()).length, 1);
    const t1 = Date.now();
    assert.equal((await post(srv, { ...OK, address_string: '宽城区 另一处' })).status, 201);
    assert.ok(Date.now() - t1 < 380, 'only the next POST is slow');
    const bad = await fetch(`${srv.origin}/__admin/faults`, {
      method: 'POST', headers: { 'X-Admin-Token': 'cc-admin', 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: 'slow', delay_ms: -1 }),
    });
    assert.equal(bad.status, 400);
  });

  it('hang keeps the socket open with no bytes written', async () => {
    await srv.admin('faults', { mode: 'hang', count: 1 });
    const body = new URLSearchParams(OK).toString();
    const u = new URL(srv.url('requests.json'));
    const result = await new Promise((resolve) => {
      const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } });
      req.on('response', () => resolve('response'));
      req.on('error', () => resolve('error'));
      req.setTimeout(600, () => { resolve('timeout'); req.destroy(); });
      req.end(body);
    });
    assert.equal(result, 'timeout');
    assert.equal((await srv.rows()).length, 0);
  });

  it('reset clears faults; GET /__admin/faults shows the state', async () => {
    await srv.admin('faults', { mode: '500', count: 3 });
    assert.deepEqual((await (await srv.admin('faults')).json()).fault.remaining, 3);
    await srv.admin('reset', {});
    assert.equal((await (await srv.admin('faults')).json()).fault, null);
    assert.equal((await post(srv, OK)).status, 201);
    await srv.admin('reset', {});
    assert.equal((await srv.rows()).length, 1, 'reset without wipe keeps rows');
    await srv.admin('reset', { wipe: true });
    assert.equal((await srv.rows()).length, 0);
  });

  it('bad fault bodies are 400', async () => {
    assert.equal((await srv.admin('faults', { mode: 'explode' })).status, 400);
    assert.equal((await srv.admin('faults', { mode: '500', count: -1 })).status, 400);
    const res = await fetch(`${srv.origin}/__admin/faults`, {
      method: 'POST', headers: { 'X-Admin-Token': 'cc-admin' }, body: '{not json',
    });
    assert.equal(res.status, 400);
  });

  it('status change is visible in GET requests/{id}.json', async () => {
    const [{ service_request_id: id }] = await (await post(srv, OK)).json();
    const [before] = await (await fetch(srv.url(`requests/${id}.json`))).json();
    await new Promise((r) => setTimeout(r, 1100)); // updated_datetime has whole seconds
    const res = await srv.admin(`requests/${id}/status`, { status: 'closed', status_notes: '已责令整改，现场已清理' });
    assert.equal(res.status, 200);
    const [after] = await (await fetch(srv.url(`requests/${id}.json`))).json();
    assert.equal(after.status, 'closed');
    assert.equal(after.status_notes, '已责令整改，现场已清理');
    assert.ok(Date.parse(after.updated_datetime) > Date.parse(before.updated_datetime));
    assert.match(after.updated_datetime, /\+08:00$/);
    assert.equal(after.requested_datetime, before.requested_datetime);
    assert.equal((await srv.admin(`requests/${id}/status`, { status: 'resolved' })).status, 400);
    assert.equal((await srv.admin('requests/CC-2026-999999/status', { status: 'closed' })).status, 404);
  });

  it('batch mode switched at run time: tokens, services type batch; reset turns it off', async () => {
    assert.deepEqual(await (await srv.admin('batch')).json(), { batch: false, hold: false, held: 0 });
    const on = await srv.admin('batch', { batch: true });
    assert.equal(on.status, 200);
    assert.deepEqual(await on.json(), { batch: true, hold: false, held: 0 });
    const res = await post(srv, { ...OK, 'attribute[client_request_id]': 'crid-batch-on' });
    assert.equal(res.status, 201);
    const [body] = await res.json();
    assert.match(body.token, /^[0-9a-f-]{36}$/);
    assert.ok(!('service_request_id' in body));
    assert.ok(!/CC-\d{4}-/.test(body.service_notice), 'a batch answer does not give the case number away');
    assert.match(body.service_notice, new RegExp(`受理凭证 ${body.token}`));
    const [t] = await (await fetch(srv.url(`tokens/${body.token}.json`))).json();
    const rows = await srv.rows();
    assert.equal(rows.length, 1);
    assert.deepEqual(t, { service_request_id: rows[0].service_request_id, token: body.token });
    assert.ok((await (await fetch(srv.url('services.json'))).json()).every((x) => x.type === 'batch'));

    await srv.admin('reset', {});
    assert.deepEqual(await (await srv.admin('batch')).json(), { batch: false, hold: false, held: 0 });
    const [plain] = await (await post(srv, OK)).json();
    assert.match(plain.service_request_id, /^CC-\d{4}-\d{6}$/);
    assert.ok(!('token' in plain));
    assert.ok((await (await fetch(srv.url('services.json'))).json()).every((x) => x.type === 'realtime'));
    // {batch: false} turns it off too, and the token already handed out still resolves.
    await srv.admin('batch', { batch: true });
    await srv.admin('batch', { batch: false });
    assert.ok((await (await post(srv, { ...OK, address_string: '另一处' })).json())[0].service_request_id);
    assert.equal((await (await fetch(srv.url(`tokens/${body.token}.json`))).json())[0].service_request_id, rows[0].service_request_id);
  });

  it('hold: a token gives no id until released, a replay keeps the token, one row', async () => {
    await srv.admin('batch', { batch: true, hold: true });
    const fields = { ...OK, 'attribute[client_request_id]': 'crid-held' };
    const h = { 'Idempotency-Key': 'idem-held' };
    const [first] = await (await post(srv, fields, h)).json();
    const pending = await fetch(srv.url(`tokens/${first.token}.json`));
    assert.equal(pending.status, 200);
    assert.deepEqual(await pending.json(), [{ token: first.token }]);
    assert.deepEqual(await (await srv.admin('batch')).json(), { batch: true, hold: true, held: 1 });
    const replay = await post(srv, fields, h);
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal((await replay.json())[0].token, first.token);
    assert.deepEqual(await (await fetch(srv.url(`tokens/${first.token}.json`))).json(), [{ token: first.token }]);

    assert.deepEqual(await (await srv.admin('batch', { hold: false })).json(), { batch: true, hold: false, held: 0 });
    const rows = await srv.rows();
    assert.equal(rows.length, 1);
    assert.equal(rows[0].token, first.token);
    assert.deepEqual(await (await fetch(srv.url(`tokens/${first.token}.json`))).json(),
      [{ service_request_id: rows[0].service_request_id, token: first.token }]);
    // Reset releases held tokens as well.
    await srv.admin('batch', { hold: true });
    const [second] = await (await post(srv, { ...OK, address_string: '第二处' })).json();
    assert.ok(!('service_request_id' in (await (await fetch(srv.url(`tokens/${second.token}.json`))).json())[0]));
    await srv.admin('reset', {});
    assert.match((await (await fetch(srv.url(`tokens/${second.token}.json`))).json())[0].service_request_id, /^CC-/);
  });

  it('bad batch bodies are 400 and change nothing', async () => {
    assert.equal((await srv.admin('batch', { batch: 'yes' })).status, 400);
    assert.equal((await srv.admin('batch', { hold: 1 })).status, 400);
    assert.deepEqual(await (await srv.admin('batch')).json(), { batch: false, hold: false, held: 0 });
    assert.equal((await fetch(`${srv.origin}/__admin/batch`, { method: 'POST', body: '{"batch":true}' })).status, 403);
    assert.ok((await (await post(srv, OK)).json())[0].service_request_id);
  });

  it('admin needs the token and refuses forwarded (proxied) requests', async () => {
    assert.equal((await fetch(`${srv.origin}/__admin/requests`)).status, 403);
    assert.equal((await fetch(`${srv.origin}/__admin/requests`, { headers: { 'X-Admin-Token': 'wrong' } })).status, 403);
    assert.equal((await fetch(`${srv.origin}/__admin/requests`, { headers: { Authorization: 'Bearer cc-admin' } })).status, 200);
    const fwd = await fetch(`${srv.origin}/__admin/requests`, { headers: { 'X-Admin-Token': 'cc-admin', 'X-Forwarded-For': '203.0.113.9' } });
    assert.equal(fwd.status, 403);
    // Faults only reach POST requests.json, not reads.
    await srv.admin('faults', { mode: '500', count: 1 });
    assert.equal((await fetch(srv.url('services.json'))).status, 200);
  });
});
