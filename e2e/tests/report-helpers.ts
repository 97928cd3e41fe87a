// Shared steps of the report specs: the watcher, the retry override, and the form's page object
// (pages/report-form.ts) behind the short names the specs use. Each Playwright worker has its
// own receiver (receiver.ts): tests reset it through the `receiver` fixture, never a lock.
import type { Page } from '@playwright/test';
import { test as base, expect, Receiver } from './receiver';
import { Answers, DEFAULTS, ReportForm } from './pages/report-form';
import { REPORT } from './strings';

export { expect, DEFAULTS, ReportForm };
export type { Answers };

/**
 * The same watcher as fixtures.ts (console errors, page errors, CSP violations fail the test),
 * except for Chromium's own "Failed to load resource" lines: the report specs make the receiver
 * answer 4xx/5xx and go offline on purpose, and the browser logs every such answer.
 */
export const test = base.extend<{ watch: { problems: string[] } }>({
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
 * Short retry timings, the one place the specs set them: config.json, as served to this test's
 * browser context, gains `report.retry` (the deployer's setting; README "Configuration"). Routed
 * on the context so the service worker's own fetch of config.json gets it too; offline, the
 * worker answers from its copy. A later call overrides an earlier one (Playwright runs the routes
 * last registered first).
 */
export async function shortRetries(page: Page, timeoutMs = 3000, baseDelayMs = 300) {
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
      config.report.retry = { base_delay_ms: baseDelayMs, max_delay_ms: Math.max(1000, baseDelayMs), retry_after_cap_ms: 2000, request_timeout_ms: timeoutMs };
    }
    const headers = { ...response.headers() };
    delete headers['content-encoding'];
    delete headers['content-length'];
    await route.fulfill({ status: response.status(), headers, json: config });
  });
}

/**
 * Sends a report from the check page against a receiver that answers the first POSTs with
 * `fault`, with a request timeout of `timeoutMs` and a first retry `baseDelayMs` (half jitter)
 * after a failure; the form, on its confirmation.
 */
export async function sendAgainst(page: Page, receiver: Receiver, fault: Record<string, unknown>, timeoutMs = 3000, baseDelayMs = 120_000) {
  await shortRetries(page, timeoutMs, baseDelayMs);
  await receiver.fault(fault);
  const form = new ReportForm(page);
  await form.fillToCheck();
  await form.button(REPORT.zh.send).click();
  return form;
}

export const next = (page: Page) => new ReportForm(page).next();

/** Whether the form groups related questions on one page (see ReportForm.grouped). */
export const grouped = (page: Page) => new ReportForm(page).grouped;

/** From /report to the check page. */
export const fillReport = (page: Page, answers: Answers = {}) => new ReportForm(page).fillToCheck(answers);

/** Sends from the check page and waits for the reference number. */
export const submitAndGetReference = (page: Page) => new ReportForm(page).submitAndGetReference();

/**
 * Every record of one IndexedDB store of the report form (database `cc-report`), as JSON text (a
 * photo as `blob <size>`). Only for what no page shows: what stays on the device after sending.
 */
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
