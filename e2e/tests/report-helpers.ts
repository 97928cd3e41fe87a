// Shared steps of the report specs: the receiver's admin API (its real database), and filling
// the form the way a person does, by visible labels.
import { test as base, expect, APIRequestContext, Page, TestInfo } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RECEIVER_PORT } from '../playwright.config';

export { expect };

/**
 * The same watcher as fixtures.ts (console errors, page errors, CSP violations fail the test),
 * except for Chromium's own "Failed to load resource" lines: the report specs make the receiver
 * answer 4xx/5xx and go offline on purpose, and the browser logs every such answer.
 */
export const test = base.extend<{ watch: { problems: string[] }; receiverLock: void }>({
  // The report specs share one receiver database and its fault switch, and Playwright runs spec
  // files (and the phone and desktop projects) in parallel workers: each report test holds this
  // cross-process lock from before its beforeEach reset to its end. Waiting does not count
  // against the test's timeout, and waiters are served first come, first served, so one worker's
  // run of serial tests cannot starve the other (CI once saw a 45 s timeout in the wait).
  receiverLock: [async ({}, use, testInfo) => {
    const release = await takeReceiverLock(testInfo);
    try {
      await use();
    } finally {
      release();
    }
  }, { auto: true }],
  watch: [async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error' || /^Failed to load resource/.test(msg.text())) return;
      problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    await page.context().addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await use({ problems });
    expect(problems, 'console errors, page errors or CSP violations').toEqual([]);
  }, { auto: true }],
});

/**
 * A first-come-first-served lock between processes: a ticket file per waiter in one folder, the
 * oldest ticket holds the lock. Live tickets are touched every second; a ticket not touched for
 * 15 s was left by a killed run and is removed.
 */
async function takeReceiverLock(testInfo: TestInfo): Promise<() => void> {
  const dir = path.join(os.tmpdir(), `cc-e2e-receiver-${RECEIVER_PORT}.queue`);
  fs.mkdirSync(dir, { recursive: true });
  const ticket = path.join(dir, `${String(Date.now()).padStart(15, '0')}-${process.pid}-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(ticket, '');
  const touch = () => {
    const now = new Date();
    try { fs.utimesSync(ticket, now, now); } catch { /* released */ }
  };
  const heartbeat = setInterval(touch, 1000);
  const release = () => {
    clearInterval(heartbeat);
    fs.rmSync(ticket, { force: true });
  };
  const timeout = testInfo.timeout;
  testInfo.setTimeout(0);
  const started = Date.now();
  try {
    for (;;) {
      const live = fs.readdirSync(dir).sort().filter((name) => {
        const file = path.join(dir, name);
        try {
          if (Date.now() - fs.statSync(file).mtimeMs <= 15_000) return true;
          fs.rmSync(file, { force: true });
        } catch { /* removed meanwhile */ }
        return false;
      });
      if (live[0] === path.basename(ticket)) break;
      if (Date.now() - started > 600_000) throw new Error(`waited 10 minutes for the receiver lock (${dir})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (e) {
    release();
    throw e;
  }
  testInfo.setTimeout(timeout + (Date.now() - started));
  return release;
}

export const ADMIN = `http://127.0.0.1:${RECEIVER_PORT}/__admin`;
const HEADERS = { 'X-Admin-Token': 'cc-admin', 'Content-Type': 'application/json' };

/** Empties the receiver's database, faults and rate-limit counters. */
export async function resetReceiver(request: APIRequestContext) {
  const r = await request.post(`${ADMIN}/reset`, { headers: HEADERS, data: { wipe: true } });
  expect(r.ok()).toBeTruthy();
}

/** Every stored request row, with contact data, keys and photos. */
export async function storedRequests(request: APIRequestContext): Promise<any[]> {
  const r = await request.get(`${ADMIN}/requests`, { headers: HEADERS });
  expect(r.ok()).toBeTruthy();
  const body = await r.json();
  return Array.isArray(body) ? body : body.requests;
}

/** Makes the next POSTs fail (`500`, `429`, `400`, `hang`). */
export async function injectFault(request: APIRequestContext, fault: Record<string, unknown>) {
  const r = await request.post(`${ADMIN}/faults`, { headers: HEADERS, data: fault });
  expect(r.ok()).toBeTruthy();
}

/**
 * Switches the receiver's batch mode: `batch` makes POSTs answer with a receipt token; `hold`
 * keeps the tokens handed out unprocessed (tokens/{token}.json gives no id) until it is turned
 * off. resetReceiver turns both off.
 */
export async function setBatch(request: APIRequestContext, mode: { batch?: boolean; hold?: boolean }) {
  const r = await request.post(`${ADMIN}/batch`, { headers: HEADERS, data: mode });
  expect(r.ok()).toBeTruthy();
}

/** Changes a stored request's status as the bureau would. */
export async function setStatus(request: APIRequestContext, id: string, body: Record<string, unknown>) {
  const r = await request.post(`${ADMIN}/requests/${encodeURIComponent(id)}/status`, { headers: HEADERS, data: body });
  expect(r.ok()).toBeTruthy();
}

/**
 * Short retry timings: config.json, as served to this test's browser context, gains
 * `report.retry` (the deployer's setting; README "Configuration"). Routed on the context so the
 * service worker's own fetch of config.json gets it too; offline, the worker answers from its copy.
 */
export async function shortRetries(page: Page, timeoutMs = 3000) {
  await page.context().route(/\/config\.json(\?.*)?$/, async (route) => {
    let response;
    try {
      response = await route.fetch();
    } catch {
      return route.abort('internetdisconnected');
    }
    if (!response.ok()) return route.fulfill({ response });
    const config = await response.json();
    if (config.report) {
      config.report.retry = { base_delay_ms: 300, max_delay_ms: 1000, retry_after_cap_ms: 2000, request_timeout_ms: timeoutMs };
    }
    const headers = { ...response.headers() };
    delete headers['content-encoding'];
    delete headers['content-length'];
    await route.fulfill({ status: response.status(), headers, json: config });
  });
}

export type Answers = {
  category?: string;
  subtype?: string;
  district?: string;
  address?: string;
  party?: string;
  description?: string;
  ongoing?: string;
  named?: { name: string; phone: string; email: string };
  photos?: string[];
};

export const DEFAULTS: Required<Omit<Answers, 'named' | 'photos'>> = {
  category: '大气污染',
  subtype: '恶臭/异味',
  district: '朝阳区',
  address: '人民大街 1000 号南侧',
  party: '某化工厂',
  description: '每天夜里十点以后有刺鼻的化学气味，持续两个小时。',
  ongoing: '仍在持续',
};

export const next = (page: Page) => page.getByRole('button', { name: '继续', exact: true }).click();

/**
 * Whether the form groups related questions on one page (screens at least 64em wide, see
 * `WIDE_SCREEN` in src/pages/report/mod.rs): place with what and when, about you with consent.
 */
export const grouped = (page: Page) => (page.viewportSize()?.width ?? 0) >= 1024;

/** From /report to the check page. */
export async function fillReport(page: Page, answers: Answers = {}) {
  const a = { ...DEFAULTS, ...answers };
  await page.goto('/report');
  await page.getByRole('button', { name: '开始新的举报' }).click();
  await expect(page.getByRole('heading', { name: '您要举报什么问题？' })).toBeVisible();
  await page.getByLabel(a.category, { exact: true }).check();
  await page.getByLabel('具体问题').fill(a.subtype);
  await next(page);
  await page.getByLabel('所在区县（市）或开发区').selectOption(a.district);
  await page.getByLabel('地点（路名门牌或附近地标）').fill(a.address);
  await page.getByLabel('被举报对象（可选）').fill(a.party);
  if (!grouped(page)) await next(page);
  await page.getByLabel('发生了什么').fill(a.description);
  await page.getByLabel(a.ongoing, { exact: true }).check();
  await next(page);
  await expect(page.getByRole('heading', { name: '添加照片（可选）' })).toBeVisible();
  if (answers.photos?.length) {
    await page.getByLabel('选择照片').setInputFiles(answers.photos);
    await expect(page.getByTestId('photo-item').filter({ hasText: '已处理' })).toHaveCount(answers.photos.length, { timeout: 30_000 });
  }
  await next(page);
  if (a.named) {
    await page.getByLabel('留下姓名和联系方式').check();
    await page.getByLabel('姓名', { exact: true }).fill(a.named.name);
    await page.getByLabel('手机号码').fill(a.named.phone);
    await page.getByLabel('电子邮箱').fill(a.named.email);
  }
  if (!grouped(page)) await next(page);
  await page.getByLabel('我已了解以上说明，同意提交').check();
  await next(page);
  await expect(page.getByRole('heading', { name: '检查您的举报内容' })).toBeVisible();
}

/** Sends from the check page and waits for the reference number. */
export async function submitAndGetReference(page: Page): Promise<string> {
  await page.getByRole('button', { name: '提交举报' }).click();
  const ref = page.getByTestId('reference');
  await expect(ref).toBeVisible({ timeout: 20_000 });
  return (await ref.innerText()).trim();
}

/** Every record of one IndexedDB store of the report form (database `cc-report`), as JSON text (a photo as `blob <size>`). */
export async function deviceRecords(page: Page, store: 'drafts' | 'photos' | 'outbox'): Promise<string[]> {
  return page.evaluate((name) => new Promise<string[]>((resolve, reject) => {
    const open = indexedDB.open('cc-report');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction(name, 'readonly').objectStore(name).getAll();
      all.onerror = () => reject(all.error);
      all.onsuccess = () => {
        const text = (r: unknown) => (typeof r === 'string' ? r : r instanceof Blob ? `blob ${r.size}` : JSON.stringify(r));
        resolve(all.result.map(text));
        open.result.close();
      };
    };
  }), store);
}
