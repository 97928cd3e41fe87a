'use strict';
// SQLite storage (better-sqlite3, WAL). Requests, their photos (BLOBs) and deduplication keys.

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const Database = require('better-sqlite3');
const { isoBeijing, beijingYear } = require('./util');

const SCHEMA = `
CREATE TABLE IF NOT EXISTS requests (
  seq                INTEGER PRIMARY KEY AUTOINCREMENT,
  service_request_id TEXT UNIQUE,
  token              TEXT UNIQUE,
  client_request_id  TEXT UNIQUE,
  idempotency_key    TEXT UNIQUE,
  status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  status_notes       TEXT,
  service_code       TEXT NOT NULL,
  service_name       TEXT NOT NULL,
  description        TEXT,
  agency_responsible TEXT,
  service_notice     TEXT,
  requested_ms       INTEGER NOT NULL,
  requested_datetime TEXT NOT NULL,
  updated_datetime   TEXT NOT NULL,
  expected_datetime  TEXT,
  address            TEXT,
  address_id         TEXT,
  zipcode            TEXT,
  lat                REAL,
  long               REAL,
  media_url_given    TEXT,
  attributes         TEXT NOT NULL DEFAULT '{}',
  jurisdiction_id    TEXT,
  email              TEXT,
  phone              TEXT,
  first_name         TEXT,
  last_name          TEXT,
  device_id          TEXT,
  account_id         TEXT,
  client_addr        TEXT
);
CREATE INDEX IF NOT EXISTS requests_requested_ms ON requests (requested_ms);
CREATE TABLE IF NOT EXISTS media (
  id           TEXT PRIMARY KEY,
  request_seq  INTEGER NOT NULL REFERENCES requests (seq) ON DELETE CASCADE,
  idx          INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  size         INTEGER NOT NULL,
  sha256       TEXT NOT NULL,
  filename     TEXT,
  data         BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS media_request ON media (request_seq, idx);
`;

const DAY_MS = 24 * 3600 * 1000;
const EXPECTED_DAYS = 60; // 12369 handles a case within 60 days.
const AGENCY = '长春市生态环境局';

function notice(id) {
  return `举报已收到，编号 ${id}。生态环境部门一般在 ${EXPECTED_DAYS} 日内办理，可凭此编号查询办理进度。`;
}

/** The notice of a batch answer: the case number is not given yet, the token stands for it. */
function tokenNotice(token) {
  return `举报已收到，受理凭证 ${token}。编号分配后可凭凭证查询编号；生态环境部门一般在 ${EXPECTED_DAYS} 日内办理。`;
}

function openDb(file) {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  return new Store(db);
}

class Store {
  constructor(db) {
    this.db = db;
    const q = (sql) => db.prepare(sql);
    this.s = {
      byIdem: q('SELECT * FROM requests WHERE idempotency_key = ?'),
      byCrid: q('SELECT * FROM requests WHERE client_request_id = ?'),
      bySeq: q('SELECT * FROM requests WHERE seq = ?'),
      byId: q('SELECT * FROM requests WHERE service_request_id = ?'),
      byToken: q('SELECT * FROM requests WHERE token = ?'),
      insert: q(`INSERT INTO requests (token, client_request_id, idempotency_key, service_code, service_name,
        description, agency_responsible, requested_ms, requested_datetime, updated_datetime, expected_datetime,
        address, address_id, zipcode, lat, long, media_url_given, attributes, jurisdiction_id, email, phone,
        first_name, last_name, device_id, account_id, client_addr)
        VALUES (@token, @client_request_id, @idempotency_key, @service_code, @service_name, @description,
        @agency_responsible, @requested_ms, @requested_datetime, @updated_datetime, @expected_datetime, @address,
        @address_id, @zipcode, @lat, @long, @media_url_given, @attributes, @jurisdiction_id, @email, @phone,
        @first_name, @last_name, @device_id, @account_id, @client_addr)`),
      setId: q('UPDATE requests SET service_request_id = ?, service_notice = ? WHERE seq = ?'),
      insertMedia: q(`INSERT INTO media (id, request_seq, idx, content_type, size, sha256, filename, data)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      mediaFor: q('SELECT id, idx, content_type, size, sha256, filename FROM media WHERE request_seq = ? ORDER BY idx'),
      media: q('SELECT id, content_type, size, sha256, data FROM media WHERE id = ?'),
      setStatus: q(`UPDATE requests SET status = @status, status_notes = COALESCE(@status_notes, status_notes),
        updated_datetime = @updated WHERE service_request_id = @id`),
      all: q('SELECT * FROM requests ORDER BY seq'),
    };
    this._create = db.transaction((rec, photos) => {
      const existing = this.findDuplicate(rec);
      if (existing) return { row: existing, created: false };
      const seq = Number(this.s.insert.run(rec).lastInsertRowid);
      const id = `CC-${beijingYear(rec.requested_ms)}-${String(seq).padStart(6, '0')}`;
      this.s.setId.run(id, notice(id), seq);
      photos.forEach((p, i) => {
        const sha = crypto.createHash('sha256').update(p.data).digest('hex');
        this.s.insertMedia.run(crypto.randomBytes(12).toString('hex'), seq, i, p.type, p.data.length, sha,
          p.filename || null, p.data);
      });
      return { row: this.s.bySeq.get(seq), created: true };
    });
  }

  findDuplicate({ idempotency_key, client_request_id }) {
    return (idempotency_key && this.s.byIdem.get(idempotency_key))
      || (client_request_id && this.s.byCrid.get(client_request_id)) || null;
  }

  /**
   * Creates a request unless its Idempotency-Key or client_request_id is already stored.
   * Lookup and insert run in one IMMEDIATE transaction; the UNIQUE columns are the backstop
   * when another process (e.g. a second server on the same file) wins the race.
   */
  create(fields, photos = []) {
    const now = fields.now || Date.now();
    const rec = {
      token: null, client_request_id: null, idempotency_key: null, description: null, address: null,
      address_id: null, zipcode: null, lat: null, long: null, media_url_given: null, jurisdiction_id: null,
      email: null, phone: null, first_name: null, last_name: null, device_id: null, account_id: null,
      client_addr: null,
      ...fields,
      agency_responsible: AGENCY,
      attributes: JSON.stringify(fields.attributes || {}),
      requested_ms: now,
      requested_datetime: isoBeijing(now),
      updated_datetime: isoBeijing(now),
      expected_datetime: isoBeijing(now + EXPECTED_DAYS * DAY_MS),
    };
    delete rec.now;
    try {
      return this._create.immediate(rec, photos);
    } catch (e) {
      if (e && e.code === 'SQLITE_CONSTRAINT_UNIQUE') {
        const existing = this.findDuplicate(rec);
        if (existing) return { row: existing, created: false };
      }
      throw e;
    }
  }

  get(id) { return this.s.byId.get(id) || null; }
  byToken(token) { return this.s.byToken.get(token) || null; }
  mediaFor(seq) { return this.s.mediaFor.all(seq); }
  media(id) { return this.s.media.get(id) || null; }
  all() { return this.s.all.all(); }

  /** Filters for GET requests.json; `ids` overrides everything else. */
  query({ ids, codes, statuses, fromMs, toMs, limit }) {
    if (ids) {
      const rows = ids.map((id) => this.get(id)).filter(Boolean);
      return rows;
    }
    const where = ['requested_ms >= ?', 'requested_ms <= ?'];
    const args = [fromMs, toMs];
    if (codes && codes.length) { where.push(`service_code IN (${codes.map(() => '?').join(',')})`); args.push(...codes); }
    if (statuses && statuses.length) { where.push(`status IN (${statuses.map(() => '?').join(',')})`); args.push(...statuses); }
    args.push(limit);
    return this.db.prepare(`SELECT * FROM requests WHERE ${where.join(' AND ')} ORDER BY requested_ms DESC, seq DESC LIMIT ?`)
      .all(...args);
  }

  setStatus(id, status, notes, now = Date.now()) {
    const info = this.s.setStatus.run({ id, status, status_notes: notes ?? null, updated: isoBeijing(now) });
    return info.changes ? this.get(id) : null;
  }

  wipe() {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM media; DELETE FROM requests;');
    })();
  }

  /** Deletes requests (and their photos) requested more than `days` days ago. Returns the count. */
  purgeOlderThan(days, now = Date.now()) {
    if (!days || days <= 0) return 0;
    return this.db.prepare('DELETE FROM requests WHERE requested_ms < ?').run(now - days * DAY_MS).changes;
  }

  close() { if (this.db.open) this.db.close(); }
}

module.exports = { openDb, Store, EXPECTED_DAYS, AGENCY, tokenNotice };
