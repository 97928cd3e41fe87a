// The release build served as a government server would serve it, for the measuring tools
// (lighthouse.mjs, blocking.mjs): e2e/serve.mjs with the strict CSP header, and the reference
// receiver behind /open311/ (the report page reads its service list at start) on a throw-away
// database.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

/** Serves each of `dists` at an origin of its own, all beside one receiver; resolves once every
 * origin answers, its receiver included. `stop` ends the servers. */
export async function serveSites(dists) {
  const receiverPort = await freePort();
  const db = path.join(fs.mkdtempSync('/tmp/cc-site-'), 'open311.sqlite');
  const children = [spawn('node', [path.join(here, '../receiver/server.js'), '--port', String(receiverPort), '--db', db, '--quiet'], { stdio: 'ignore' })];
  const origins = [];
  for (const dist of dists) {
    const port = await freePort();
    children.push(spawn('node', [
      path.join(here, 'serve.mjs'), '--dir', dist, '--port', String(port), '--csp',
      '--proxy', `/open311/=http://127.0.0.1:${receiverPort}/open311/`,
    ], { stdio: 'ignore' }));
    origins.push(`http://127.0.0.1:${port}`);
  }
  const stop = () => children.forEach((child) => child.kill());
  try {
    for (const origin of origins) {
      await waitFor(`${origin}/`);
      await waitFor(`${origin}/open311/v2/discovery.json`);
    }
  } catch (error) {
    stop();
    throw error;
  }
  return { origins, stop };
}
