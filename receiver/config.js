'use strict';
// Command-line flags and RECEIVER_* environment variables. A flag beats its variable.

const path = require('node:path');

const DEFAULT_DB = path.join(__dirname, 'data', 'open311.sqlite');

// name -> [kind, default, help]
const OPTIONS = {
  port: ['int', 8081, 'TCP port (0 = any free port)'],
  host: ['string', '127.0.0.1', 'address to bind; loopback only unless told otherwise'],
  db: ['string', DEFAULT_DB, 'SQLite file (its folder is created)'],
  'api-key': ['string', 'cc-dev-key', 'the Open311 api_key POSTs must carry (an identifier, not a secret)'],
  jurisdiction: ['string', 'changchun.gov.cn', 'the jurisdiction_id this endpoint serves'],
  'base-path': ['string', '/open311/v2', 'URL prefix of every Open311 endpoint'],
  'public-url': ['string', '', 'absolute URL of the base path as clients see it (for media_url); default from Host'],
  'retention-days': ['int', 365, 'delete requests older than this many days (checked at start and every 10 min; 0 = keep)'],
  'rate-limit': ['int', 30, 'POSTs allowed per device_id and per client address in each window (0 = off)'],
  'rate-window': ['int', 600, 'rate-limit window in seconds'],
  'max-body': ['int', 12 * 1024 * 1024, 'largest request body in bytes (413 above it)'],
  'max-photo': ['int', 2 * 1024 * 1024, 'largest photo in bytes'],
  'max-photos': ['int', 6, 'most photos per request'],
  'allow-origin': ['list', [], 'CORS origin to allow (repeatable; default none)'],
  'admin-token': ['string', 'cc-admin', 'token for /__admin (also loopback-only)'],
  batch: ['bool', false, 'answer POSTs with a token (type "batch"); ?batch=1 does the same per request'],
  'trust-proxy': ['bool', false, 'take the client address from X-Forwarded-For (only behind your own proxy)'],
  quiet: ['bool', false, 'no request log lines'],
};

function usage() {
  const lines = ['Usage: node receiver/server.js [flags]', ''];
  for (const [name, [kind, def, help]] of Object.entries(OPTIONS)) {
    const env = `RECEIVER_${name.toUpperCase().replace(/-/g, '_')}`;
    const shown = kind === 'bool' ? '' : ` <${kind === 'list' ? 'value' : kind}>`;
    lines.push(`  --${name}${shown}`.padEnd(28) + `${help} (default ${JSON.stringify(def)}; env ${env})`);
  }
  return lines.join('\n');
}

function convert(name, kind, raw) {
  if (kind === 'int') {
    if (!/^\d+$/.test(String(raw))) throw new Error(`--${name} wants a whole number, got "${raw}"`);
    return Number(raw);
  }
  if (kind === 'bool') return !/^(0|false|no|off)$/i.test(String(raw));
  return String(raw);
}

/** Parses argv (without node and script) and env into a config object. Throws on unknown flags. */
function parseArgs(argv, env = process.env) {
  const out = {};
  for (const [name, [kind, def]] of Object.entries(OPTIONS)) {
    const envName = `RECEIVER_${name.toUpperCase().replace(/-/g, '_')}`;
    if (env[envName] !== undefined && env[envName] !== '') {
      out[name] = kind === 'list' ? env[envName].split(',').map((s) => s.trim()).filter(Boolean)
        : convert(name, kind, env[envName]);
    } else out[name] = Array.isArray(def) ? [...def] : def;
  }
  const fromFlags = new Set();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') { out.help = true; continue; }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m || !OPTIONS[m[1]]) throw new Error(`unknown argument "${a}"\n\n${usage()}`);
    const [kind] = OPTIONS[m[1]];
    let value = m[2];
    if (value === undefined) {
      if (kind === 'bool') value = 'true';
      else if (i + 1 < argv.length) value = argv[++i];
      else throw new Error(`--${m[1]} needs a value`);
    }
    if (kind === 'list') {
      if (!fromFlags.has(m[1])) out[m[1]] = [];
      out[m[1]].push(value);
    } else out[m[1]] = convert(m[1], kind, value);
    fromFlags.add(m[1]);
  }
  return normalize(out);
}

function normalize(o) {
  let base = o['base-path'].trim();
  if (!base.startsWith('/')) base = `/${base}`;
  base = base.replace(/\/+$/, '');
  return {
    port: o.port,
    host: o.host,
    db: o.db,
    apiKey: o['api-key'],
    jurisdiction: o.jurisdiction,
    basePath: base,
    publicUrl: o['public-url'].replace(/\/+$/, ''),
    retentionDays: o['retention-days'],
    rateLimit: o['rate-limit'],
    rateWindowMs: o['rate-window'] * 1000,
    maxBody: o['max-body'],
    maxPhotoBytes: o['max-photo'],
    maxPhotos: o['max-photos'],
    allowOrigins: o['allow-origin'],
    adminToken: o['admin-token'],
    batch: o.batch,
    trustProxy: o['trust-proxy'],
    quiet: o.quiet,
    help: !!o.help,
  };
}

module.exports = { parseArgs, usage, OPTIONS, DEFAULT_DB };
