'use strict';
const { describe, it, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, post, API_KEY } = require('./helpers');

const OK = { api_key: API_KEY, service_code: 'air', address_string: '双阳区 某路口' };

describe('rate limits', () => {
  const servers = [];
  after(() => Promise.all(servers.map((s) => s.stop())));

  it('per client address: the 4th POST in the window is 429 with Retry-After; replays are free', async () => {
    const srv = await startServer(['--rate-limit', '3', '--rate-window', '60']);
    servers.push(srv);
    const first = await post(srv, { ...OK, 'attribute[client_request_id]': 'rl-0' });
    assert.equal(first.status, 201);
    // Replays of an existing request do not use up the budget.
    for (let i = 0; i < 5; i++) assert.equal((await post(srv, { ...OK, 'attribute[client_request_id]': 'rl-0' })).status, 200);
    assert.equal((await post(srv, OK)).status, 201);
    assert.equal((await post(srv, OK)).status, 201);
    const res = await post(srv, OK);
    assert.equal(res.status, 429);
    const wait = Number(res.headers.get('retry-after'));
    assert.ok(Number.isInteger(wait) && wait >= 1 && wait <= 60, `Retry-After ${wait}`);
    const body = await res.json();
    assert.equal(body[0].code, 429);
    assert.equal((await srv.rows()).length, 3);
    // Reads are not limited.
    assert.equal((await fetch(srv.url('services.json'))).status, 200);
    // The admin reset clears the counters (for test suites).
    await srv.admin('reset', {});
    assert.equal((await post(srv, OK)).status, 201);
  });

  it('per device_id, whatever address it comes from (behind a trusted proxy)', async () => {
    const srv = await startServer(['--rate-limit', '2', '--rate-window', '60', '--trust-proxy']);
    servers.push(srv);
    const from = (ip) => ({ 'X-Forwarded-For': ip });
    assert.equal((await post(srv, { ...OK, device_id: 'dev-A' }, from('198.51.100.1'))).status, 201);
    assert.equal((await post(srv, { ...OK, device_id: 'dev-A' }, from('198.51.100.2'))).status, 201);
    const res = await post(srv, { ...OK, device_id: 'dev-A' }, from('198.51.100.3'));
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) >= 1);
    // Another device from a fresh address is fine; the same address again hits the address limit.
    assert.equal((await post(srv, { ...OK, device_id: 'dev-B' }, from('198.51.100.4'))).status, 201);
    assert.equal((await post(srv, { ...OK, device_id: 'dev-C' }, from('198.51.100.4'))).status, 201);
    assert.equal((await post(srv, { ...OK, device_id: 'dev-D' }, from('198.51.100.4'))).status, 429);
    const rows = await srv.rows();
    assert.equal(rows.filter((r) => r.device_id === 'dev-A').length, 2);
    assert.equal(rows.find((r) => r.device_id === 'dev-B').client_addr, '198.51.100.4');
  });

  it('--rate-limit 0 turns limiting off', async () => {
    const srv = await startServer(['--rate-limit', '0']);
    servers.push(srv);
    for (let i = 0; i < 40; i++) assert.equal((await post(srv, { ...OK, device_id: 'd' })).status, 201);
  });
});
