// A reference Open311 receiver per Playwright worker, with its own port and database, so report
// tests in parallel workers never see each other's requests, faults or batch mode. The site
// server proxies /open311/ to the port named by a cookie (serve.mjs --proxy-port-cookie), which
// every test's browser context carries: the browser really talks HTTP to this worker's receiver.
import { test as base, expect, APIRequestContext } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The cookie the site server reads to choose the receiver (see playwright.config.ts). */
export const RECEIVER_COOKIE = 'cc-e2e-receiver';

const SERVER = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../receiver/server.js');
// A connection per call: a kept-alive socket that the receiver closes after its idle timeout
// (Node's 5 s) while the next call is being written on it fails that call with ECONNRESET.
const HEADERS = { 'X-Admin-Token': 'cc-admin', 'Content-Type': 'application/json', Connection: 'close' };

/** One running receiver: its admin API (the real database) and its media files. */
export class Receiver {
  constructor(readonly port: number, private readonly api: APIRequestContext) {}

  get origin() { return `http://127.0.0.1:${this.port}`; }

  private async admin(method: 'get' | 'post', route: string, data?: unknown) {
    const r = await this.api[method](`${this.origin}/__admin${route}`, { headers: HEADERS, data });
    expect(r.ok(), `receiver ${method.toUpperCase()} /__admin${route}`).toBeTruthy();
    return r;
  }

  /** Empties the database, faults, batch mode and rate-limit counters. */
  async reset() { await this.admin('post', '/reset', { wipe: true }); }

  /** Every stored request row, with contact data, keys and photos. */
  async requests(): Promise<any[]> {
    const body = await (await this.admin('get', '/requests')).json();
    return Array.isArray(body) ? body : body.requests;
  }

  /** Makes the next POSTs fail (`500`, `429`, `400`, `hang`). */
  async fault(fault: Record<string, unknown>) { await this.admin('post', '/faults', fault); }

  /**
   * Batch mode: `batch` makes POSTs answer with a receipt token; `hold` keeps the tokens handed
   * out unprocessed (tokens/{token}.json gives no id) until it is turned off. reset turns both off.
   */
  async batch(mode: { batch?: boolean; hold?: boolean }) { await this.admin('post', '/batch', mode); }

  /** Sends a report straight to Open311 (a urlencoded POST requests.json, as any client may); its number. */
  async submit(fields: Record<string, string>): Promise<string> {
    const r = await this.api.post(`${this.origin}/open311/v2/requests.json`, {
      form: { api_key: 'cc-dev-key', jurisdiction_id: 'changchun.gov.cn', ...fields },
      headers: { Connection: 'close' },
    });
    expect(r.status(), await r.text()).toBe(201);
    const [{ service_request_id: id }] = await r.json();
    return id;
  }

  /** Changes a stored request's status as the bureau would (`updated_datetime`: when; default now). */
  async setStatus(id: string, body: Record<string, unknown>) {
    await this.admin('post', `/requests/${encodeURIComponent(id)}/status`, body);
  }

  /** A stored photo's bytes, as the public Open311 media URL serves them. */
  async media(id: string): Promise<Buffer> {
    const r = await this.api.get(`${this.origin}/open311/v2/media/${id}`);
    expect(r.ok()).toBeTruthy();
    return Buffer.from(await r.body());
  }
}

/** Starts `node receiver/server.js` on a free port; resolves to the port once it is listening. */
function startReceiver(db: string) {
  const child = spawn(process.execPath, [SERVER, '--port', '0', '--db', db, '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`receiver exited with ${code}: ${out}`)));
  });
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return { port, stop };
}

export const test = base.extend<{}, { receiver: Receiver }>({
  receiver: [async ({ playwright }, use, workerInfo) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cc-e2e-open311-w${workerInfo.workerIndex}-`));
    const server = startReceiver(path.join(dir, 'open311.sqlite'));
    const api = await playwright.request.newContext();
    try {
      const receiver = new Receiver(await server.port, api);
      // Ready when Open311 answers, not after some sleep.
      await expect.poll(async () => {
        try {
          return (await api.get(`${receiver.origin}/open311/v2/discovery.json`)).status();
        } catch {
          return 0;
        }
      }, { timeout: 20_000 }).toBe(200);
      await use(receiver);
    } finally {
      await api.dispose();
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, { scope: 'worker' }],
  // Every browser context a test uses names this worker's receiver to the site server.
  context: async ({ context, receiver, baseURL }, use) => {
    await context.addCookies([{ name: RECEIVER_COOKIE, value: String(receiver.port), url: baseURL! }]);
    await use(context);
  },
});

export { expect };
