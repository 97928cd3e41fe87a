// Offline: the app-shell service worker opens the site without a connection, a report submitted
// offline waits in the outbox across a reload, and is sent once when the connection returns.
import { test, expect, ReportForm, shortRetries } from './report-helpers';
import type { Page } from '@playwright/test';
import type { Receiver } from './receiver';
import { ShellPage } from './pages/shell';
import { HEADINGS, REPORT } from './strings';

const T = REPORT.zh;
const SENDER = '正在后台发送待发送的举报';

/** A clean receiver, short retries, and a filled report on a page the service worker controls. */
async function readyReportOffline(page: Page, receiver: Receiver) {
  await receiver.reset();
  await shortRetries(page);
  const form = new ReportForm(page);
  await form.goto();
  await new ShellPage(page).serviceWorkerControls();
  await form.fillToCheck();
  return form;
}

test('offline submit, reload offline, back online: exactly one stored request', async ({ page, context, receiver }) => {
  const form = await readyReportOffline(page, receiver);
  await context.setOffline(true);
  await form.button(T.send).click();
  await expect(form.heading(T.queued)).toBeVisible();
  await expect(form.firstItem).toHaveAttribute('data-state', 'queued');
  await page.reload();
  await expect(form.heading(HEADINGS.report.zh, 1)).toBeVisible();
  await expect(form.firstItem).toHaveAttribute('data-state', 'queued');
  expect(await receiver.requests()).toHaveLength(0);
  // Back online, the waiting report goes: its state on the page and the receiver's one row.
  await context.setOffline(false);
  await expect(form.firstItem).toHaveAttribute('data-state', 'sent', { timeout: 15_000 });
  expect(await receiver.requests()).toHaveLength(1);
});

test('a report queued offline is sent on the next visit to any page, once', async ({ page, context, receiver }) => {
  const form = await readyReportOffline(page, receiver);
  const shell = new ShellPage(page);
  await context.setOffline(true);
  await form.button(T.send).click();
  await expect(form.firstItem).toHaveAttribute('data-state', 'queued');
  // Leave for another page while still offline (the service worker serves it), then reconnect.
  // Only the report bundle sends: the air page opens it in a hidden frame while reports wait.
  await page.goto('/air');
  await expect(shell.h1).toHaveText(HEADINGS.air.zh);
  const sender = page.locator(`iframe[title="${SENDER}"]`);
  await expect(sender).toHaveCount(1);
  await expect(sender).toBeHidden();
  await context.setOffline(false);
  await expect.poll(async () => (await receiver.requests()).length, { timeout: 15_000 }).toBe(1);
  const [{ service_request_id: id }] = await receiver.requests();
  // Sent: the next page opens no frame and loads no report bundle (the hint of waiting reports
  // is cleared once the frame has sent; until then a page would open the frame again).
  const reportFiles: string[] = [];
  page.on('request', (r) => { if (/\/report-[0-9a-f]+(_bg\.wasm|\.js)$/.test(r.url())) reportFiles.push(r.url()); });
  await expect(async () => {
    reportFiles.length = 0;
    await page.goto('/water');
    await expect(shell.h1).toHaveText(HEADINGS.water.zh);
    await expect(page.getByTestId('water-headline')).toBeVisible();
    await expect(sender).toHaveCount(0);
    expect(reportFiles).toEqual([]);
  }).toPass();
  // The report page lists it as sent with its number, and the receiver still has that one row.
  await form.goto();
  await expect(form.firstItem).toHaveAttribute('data-state', 'sent');
  await expect(form.firstItem).toContainText(id);
  expect((await receiver.requests()).map((r) => r.service_request_id)).toEqual([id]);
});
