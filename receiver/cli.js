#!/usr/bin/env node
'use strict';
// Admin CLI over the receiver's SQLite file. Safe while the server runs (WAL).
//   node receiver/cli.js list [--db path] [--json]
//   node receiver/cli.js status <id> <open|closed> [notes] [--db path]

const { openDb } = require('./db');
const { DEFAULT_DB } = require('./config');

const USAGE = `Usage:
  node receiver/cli.js list [--db path] [--json]
  node receiver/cli.js status <service_request_id> <open|closed> [status_notes] [--db path]`;

function parse(argv) {
  const args = [];
  const opts = { db: process.env.RECEIVER_DB || DEFAULT_DB, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--db') opts.db = argv[++i];
    else if (a.startsWith('--db=')) opts.db = a.slice(5);
    else if (a === '--json') opts.json = true;
    else if (a === '-h' || a === '--help') opts.help = true;
    else args.push(a);
  }
  return { args, opts };
}

function oneLine(s, max) {
  if (s === null || s === undefined) return '';
  const flat = String(s).replace(/\s+/g, ' ');
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
}

function main(argv, out = process.stdout, err = process.stderr) {
  const { args, opts } = parse(argv);
  const [cmd, ...rest] = args;
  if (opts.help || !cmd) { out.write(`${USAGE}\n`); return opts.help ? 0 : 2; }
  if (!opts.db) { err.write('--db needs a path\n'); return 2; }
  const store = openDb(opts.db);
  try {
    if (cmd === 'list') {
      const rows = store.all();
      if (opts.json) {
        out.write(`${JSON.stringify(rows.map((r) => ({ ...r, attributes: JSON.parse(r.attributes),
          photos: store.mediaFor(r.seq).map((m) => ({ id: m.id, content_type: m.content_type, size: m.size })) })), null, 2)}\n`);
        return 0;
      }
      out.write(`${rows.length} request(s) in ${opts.db}\n`);
      for (const r of rows) {
        const photos = store.mediaFor(r.seq);
        const bytes = photos.reduce((n, m) => n + m.size, 0);
        out.write([r.service_request_id, r.status, r.service_code, r.requested_datetime,
          `photos=${photos.length}${photos.length ? `(${bytes} B)` : ''}`,
          oneLine(r.address, 40), oneLine(r.description, 60),
          r.status_notes ? `notes: ${oneLine(r.status_notes, 40)}` : ''].join('\t').trimEnd() + '\n');
      }
      return 0;
    }
    if (cmd === 'status') {
      const [id, status, notes] = rest;
      if (!id || (status !== 'open' && status !== 'closed')) { err.write(`${USAGE}\n`); return 2; }
      const row = store.setStatus(id, status, notes);
      if (!row) { err.write(`no service request ${id}\n`); return 1; }
      out.write(`${row.service_request_id}\t${row.status}\t${row.updated_datetime}\t${row.status_notes || ''}\n`);
      return 0;
    }
    err.write(`unknown command "${cmd}"\n${USAGE}\n`);
    return 2;
  } finally {
    store.close();
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { main };
