'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const path = require('node:path');
const { promisify } = require('node:util');
const { startServer, post, API_KEY } = require('./helpers');
const { parseArgs } = require('../config');

const run = promisify(execFile);
const CLI = path.join(__dirname, '..', 'cli.js');

describe('admin CLI and process behaviour', () => {
  it('list and status work on the live database while the server runs', async () => {
    const srv = await startServer();
    try {
      const [{ service_request_id: id }] = await (await post(srv, {
        api_key: API_KEY, service_code: 'radiation', address_string: '德惠市 某基站', description: '基站\n辐射担忧',
      })).json();
      let out = await run(process.execPath, [CLI, 'list', '--db', srv.db]);
      assert.match(out.stdout, /^1 request\(s\)/);
      assert.match(out.stdout, new RegExp(`${id}\\topen\\tradiation`));
      assert.match(out.stdout, /基站 辐射担忧/);

      out = await run(process.execPath, [CLI, 'status', id, 'closed', '已核查，辐射水平正常', '--db', srv.db]);
      assert.match(out.stdout, new RegExp(`${id}\\tclosed`));
      const [rec] = await (await fetch(srv.url(`requests/${id}.json`))).json();
      assert.equal(rec.status, 'closed');
      assert.equal(rec.status_notes, '已核查，辐射水平正常');

      out = await run(process.execPath, [CLI, 'list', '--json', '--db', srv.db]);
      assert.equal(JSON.parse(out.stdout)[0].status, 'closed');

      await assert.rejects(run(process.execPath, [CLI, 'status', 'CC-2026-999999', 'closed', '--db', srv.db]), (e) => e.code === 1);
      await assert.rejects(run(process.execPath, [CLI, 'status', id, 'done', '--db', srv.db]), (e) => e.code === 2);
    } finally {
      await srv.stop();
    }
  });

  it('SIGTERM shuts down cleanly even with a hung request open; SIGINT too', async () => {
    const srv = await startServer();
    await srv.admin('faults', { mode: 'hang', count: 1 });
    const hung = fetch(srv.url('requests.json'), {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `api_key=${API_KEY}&service_code=air&address_string=x`,
    }).catch((e) => e);
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    assert.equal(await srv.stop('SIGTERM'), 0);
    assert.ok(Date.now() - t0 < 5000);
    assert.ok((await hung) instanceof Error, 'the hung client sees the connection close');
    assert.ok(srv.lines.some((l) => /SIGTERM: shutting down/.test(l)));

    const srv2 = await startServer();
    assert.equal(await srv2.stop('SIGINT'), 0);
  });

  it('flags and RECEIVER_* variables', () => {
    const cfg = parseArgs(['--port', '9000', '--allow-origin', 'https://a.cn', '--allow-origin=https://b.cn',
      '--base-path', 'open311/v2/', '--batch'], { RECEIVER_API_KEY: 'k', RECEIVER_PORT: '1' });
    assert.equal(cfg.port, 9000);
    assert.equal(cfg.apiKey, 'k');
    assert.equal(cfg.host, '127.0.0.1');
    assert.equal(cfg.basePath, '/open311/v2');
    assert.deepEqual(cfg.allowOrigins, ['https://a.cn', 'https://b.cn']);
    assert.equal(cfg.batch, true);
    assert.equal(cfg.rateLimit, 30);
    assert.equal(cfg.rateWindowMs, 600000);
    assert.equal(cfg.maxBody, 12 * 1024 * 1024);
    assert.match(cfg.db, /receiver[/\\]data[/\\]open311\.sqlite$/);
    assert.throws(() => parseArgs(['--nope'], {}), /unknown argument/);
    assert.throws(() => parseArgs(['--port', 'x'], {}), /whole number/);
  });

  it('--batch makes every POST answer with a token and services.json say type batch', async () => {
    const srv = await startServer(['--batch']);
    try {
      const [body] = await (await post(srv, { api_key: API_KEY, service_code: 'ecology', address_string: '莲花山' })).json();
      assert.ok(body.token && !body.service_request_id);
      const [t] = await (await fetch(srv.url(`tokens/${body.token}.json`))).json();
      assert.match(t.service_request_id, /^CC-/);
      const list = await (await fetch(srv.url('services.json'))).json();
      assert.ok(list.every((s) => s.type === 'batch'));
    } finally { await srv.stop(); }
  });

  it('retention: requests older than --retention-days are purged at start', async () => {
    const { openDb } = require('../db');
    const fs = require('node:fs');
    const os = require('node:os');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ret-'));
    const db = path.join(dir, 'r.sqlite');
    const store = openDb(db);
    const old = store.create({ service_code: 'air', service_name: '大气污染', address: 'old', now: Date.now() - 40 * 86400000 });
    const fresh = store.create({ service_code: 'air', service_name: '大气污染', address: 'new' });
    store.close();
    assert.ok(old.row.service_request_id && fresh.row.service_request_id);
    const { start } = require('../server');
    const app = await start(parseArgs(['--port', '0', '--db', db, '--retention-days', '30'], {}), { log: () => {} });
    try {
      const rows = app.ctx.store.all();
      assert.deepEqual(rows.map((r) => r.address), ['new']);
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
