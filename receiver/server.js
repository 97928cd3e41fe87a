#!/usr/bin/env node
'use strict';
// Reference Open311 GeoReport v2 receiver for 绿色长春 reports. See README.md.

const http = require('node:http');
const { parseArgs, usage } = require('./config');
const { openDb } = require('./db');
const { handle } = require('./routes');
const { Faults, Batch } = require('./post');
const { RateLimiter } = require('./limits');
const { sendError, HttpError, isoBeijing } = require('./util');

const PURGE_EVERY_MS = 10 * 60 * 1000; // retention purge and rate-limiter pruning

function redact(url) {
  return url.replace(/([?&](?:api_key|admin_token)=)[^&]*/gi, '$1***');
}

/** Starts a receiver. Resolves to { server, ctx, port, url, close() }. */
function start(cfg, { log = (line) => process.stdout.write(`${line}\n`) } = {}) {
  const store = openDb(cfg.db);
  const ctx = {
    cfg,
    store,
    port: cfg.port,
    faults: new Faults(),
    batch: new Batch(cfg.batch),
    limits: {
      addr: new RateLimiter(cfg.rateLimit, cfg.rateWindowMs),
      device: new RateLimiter(cfg.rateLimit, cfg.rateWindowMs),
    },
    hanging: new Set(),
  };

  const purge = () => {
    const n = store.purgeOlderThan(cfg.retentionDays);
    if (n) log(`${isoBeijing(Date.now())} retention: deleted ${n} request(s) older than ${cfg.retentionDays} days`);
    ctx.limits.addr.prune();
    ctx.limits.device.prune();
  };
  purge();
  const purgeTimer = setInterval(purge, PURGE_EVERY_MS);
  purgeTimer.unref();

  const server = http.createServer((req, res) => {
    const t0 = process.hrtime.bigint();
    res.on('close', () => {
      if (cfg.quiet) return;
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const status = res.writableFinished ? res.statusCode : `${res.headersSent ? res.statusCode : '-'} (aborted)`;
      log(`${isoBeijing(Date.now())} ${req.socket.remoteAddress || '-'} ${req.method} ${redact(req.url)} ${status} `
        + `${ms.toFixed(1)}ms`);
    });
    Promise.resolve()
      .then(() => handle(req, res, ctx))
      .catch((e) => {
        if (e instanceof HttpError) return sendError(res, e.status, e.message, e.headers);
        log(`${isoBeijing(Date.now())} ERROR ${req.method} ${redact(req.url)}: ${e && e.stack ? e.stack : e}`);
        return sendError(res, 500, '服务器内部错误 (internal error).');
      });
  });
  server.keepAliveTimeout = 5000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(cfg.port, cfg.host, () => {
      server.off('error', reject);
      ctx.port = server.address().port;
      const hostForUrl = cfg.host.includes(':') ? `[${cfg.host}]` : cfg.host;
      const url = `http://${hostForUrl}:${ctx.port}${cfg.basePath}`;
      let closing = null;
      const close = () => {
        if (closing) return closing;
        closing = new Promise((done) => {
          clearInterval(purgeTimer);
          for (const r of ctx.hanging) r.destroy();
          server.close(() => { store.close(); done(); });
          server.closeIdleConnections();
          setTimeout(() => server.closeAllConnections(), 3000).unref();
        });
        return closing;
      };
      resolve({ server, ctx, port: ctx.port, url, close });
    });
  });
}

async function main() {
  let cfg;
  try {
    cfg = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  if (cfg.help) { process.stdout.write(`${usage()}\n`); return; }
  const app = await start(cfg);
  const stop = (sig) => {
    process.stdout.write(`${isoBeijing(Date.now())} ${sig}: shutting down\n`);
    app.close().then(() => process.exit(0));
    setTimeout(() => process.exit(1), 8000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  process.stdout.write(`open311 receiver listening on ${app.url} (db ${cfg.db}, jurisdiction ${cfg.jurisdiction})\n`);
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
    process.exit(1);
  });
}

module.exports = { start };
