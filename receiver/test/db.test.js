'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { openDb } = require('../db');
const { RateLimiter } = require('../limits');

const REC = { service_code: 'air', service_name: '大气污染', address: '朝阳区' };

function tmpDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-db-'));
  return { file: path.join(dir, 'db.sqlite'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

describe('storage', () => {
  it('numbers requests CC-YYYY-NNNNNN and never reuses a number after a wipe', () => {
    const { file, cleanup } = tmpDb();
    const store = openDb(file);
    try {
      const a = store.create(REC).row.service_request_id;
      const b = store.create(REC).row.service_request_id;
      assert.match(a, /^CC-\d{4}-000001$/);
      assert.match(b, /^CC-\d{4}-000002$/);
      store.wipe();
      assert.match(store.create(REC).row.service_request_id, /^CC-\d{4}-000003$/);
    } finally { store.close(); cleanup(); }
  });

  it('the UNIQUE columns are the backstop when another writer inserted the same key first', () => {
    const { file, cleanup } = tmpDb();
    const mine = openDb(file);
    const other = openDb(file); // a second connection, as a second process would have
    try {
      const theirs = other.create({ ...REC, client_request_id: 'k1', idempotency_key: 'i1' }).row;
      // Pretend our lookup ran before their commit became visible: the INSERT must fail on UNIQUE
      // and the existing row be returned, not a second row.
      const real = mine.findDuplicate.bind(mine);
      let calls = 0;
      mine.findDuplicate = (rec) => (calls++ === 0 ? null : real(rec));
      const res = mine.create({ ...REC, client_request_id: 'k1', idempotency_key: 'i1' });
      assert.equal(res.created, false);
      assert.equal(res.row.service_request_id, theirs.service_request_id);
      assert.equal(mine.all().length, 1);
    } finally { mine.close(); other.close(); cleanup(); }
  });

  it('status updates keep notes unless new ones are given', () => {
    const { file, cleanup } = tmpDb();
    const store = openDb(file);
    try {
      const id = store.create(REC).row.service_request_id;
      store.setStatus(id, 'closed', '已办结');
      assert.equal(store.setStatus(id, 'open').status_notes, '已办结');
      assert.equal(store.setStatus('CC-0000-000000', 'open'), null);
    } finally { store.close(); cleanup(); }
  });
});

describe('rate limiter', () => {
  it('counts a sliding window and says how long to wait', () => {
    const rl = new RateLimiter(2, 10000);
    rl.hit('a', 1000);
    rl.hit('a', 4000);
    assert.equal(rl.retryAfter('a', 5000), 6);
    assert.equal(rl.retryAfter('a', 11001), 0);
    assert.equal(rl.retryAfter('b', 5000), 0);
    rl.refund('a');
    assert.equal(rl.retryAfter('a', 5000), 0);
    assert.equal(new RateLimiter(0, 1000).retryAfter('a'), 0);
  });
});
