// The report form says what is true (issue 16, point 7): on its way while the first attempt is;
// saved and waiting only once an attempt has failed, naming why; a refusal in our own words with
// the system's text labelled as the system's; each outbox entry names its report; one live
// announcement per change, by one live region.
import { test, expect, ReportForm, sendAgainst, shortRetries } from './report-helpers';
import { REPORT } from './strings';
import { ShellPage } from './pages/shell';
import type { Page } from '@playwright/test';

const T = REPORT.zh;

/**
 * From now on, records what a screen reader would be told: each time a live region (role status,
 * alert or log, or aria-live other than off) gets a new non-empty text, or is inserted with one,
 * its text. The regions that change in one DOM update are recorded together, joined by " | ".
 */
async function recordAnnouncements(page: Page) {
  await page.evaluate(() => {
    const said: string[] = [];
    (window as any).__said = said;
    const live = '[role=status],[role=alert],[role=log],[aria-live]:not([aria-live=off])';
    const last = new Map<Element, string>();
    const scan = () => {
      const changed: string[] = [];
      for (const region of document.querySelectorAll(live)) {
        if (region.parentElement?.closest(live)) continue; // part of the region around it
        const text = ((region as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim();
        if (text && last.get(region) !== text) changed.push(text);
        last.set(region, text);
      }
      if (changed.length) said.push(changed.join(' | '));
    };
    scan();
    said.length = 0; // what is on the page already is no announcement
    new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}
const announcements = (page: Page): Promise<string[]> => page.evaluate(() => (window as any).__said);

test.beforeEach(async ({ receiver }) => {
  await receiver.reset();
});

test('a slow receiver: sending, never "saved, waiting", until the reference comes', async ({ page, receiver }) => {
  await shortRetries(page, 10_000, 120_000);
  await receiver.fault({ mode: 'slow', count: 1, delay_ms: 2500 });
  const form = new ReportForm(page);
  await form.fillToCheck();
  // Every heading the confirmation shows, in order, recorded by the page itself.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as any).__headings = seen;
    new MutationObserver(() => {
      const h = document.getElementById('report-done-heading')?.textContent ?? '';
      if (h && seen[seen.length - 1] !== h) seen.push(h);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await recordAnnouncements(page);
  await form.button(T.send).click();
  await expect(form.heading(T.sending)).toBeVisible();
  await expect(form.progress).toHaveText('举报已保存在本机，正在发送到受理系统（第 1 次）。');
  await expect(form.reference).toBeVisible();
  expect(await page.evaluate(() => (window as any).__headings)).toEqual([T.sending, '举报已提交']);
  // One announcement per change, each by one live region: on its way, then the reference.
  const reference = await form.reference.textContent();
  expect(await announcements(page)).toEqual([
    `${T.sending} 举报已保存在本机，正在发送到受理系统（第 1 次）。`,
    expect.stringMatching(new RegExp(`^举报已提交 .*${reference}$`)),
  ]);
  // The entry in 已提交和待发送的举报 names the report, not only its state.
  await expect(form.firstItem.getByTestId('outbox-about')).toHaveText(/^大气污染 · 朝阳区 人民大街 1000 号南侧 · \d{4}-\d\d-\d\d \d\d:\d\d$/);
  await expect(form.firstItem).toHaveAttribute('data-state', 'sent');
  expect(await receiver.requests()).toHaveLength(1);
});

test('no answer in time: saved and waiting, because it had no answer, until the next attempt', async ({ page, receiver }) => {
  // The receiver never answers the first POST; the app gives up after 3 s and retries in 1–2 min.
  await shortRetries(page, 3000, 120_000);
  await receiver.fault({ mode: 'hang', count: 1 });
  const form = new ReportForm(page);
  await form.fillToCheck();
  await recordAnnouncements(page);
  await form.button(T.send).click();
  const panel = page.locator('.cc-panel[role="status"]');
  await expect(form.heading(T.sending)).toBeVisible();
  await expect(panel).toHaveAttribute('data-waiting', 'false');
  await expect(form.heading(T.queued)).toBeVisible({ timeout: 10_000 });
  const waiting = /^受理系统没有及时回应。举报已保存在本机，将于 \d{4}-\d\d-\d\d \d\d:\d\d 自动重试，您可以关闭此页。$/;
  await expect(form.progress).toHaveText(waiting);
  await expect(panel).toHaveAttribute('data-waiting', 'true');
  // One announcement per change, each by one live region: on its way, then waiting and why.
  expect(await announcements(page)).toEqual([
    `${T.sending} 举报已保存在本机，正在发送到受理系统（第 1 次）。`,
    `${T.queued} ${await form.progress.textContent()}`,
  ]);
  await expect(form.firstItem.getByTestId('outbox-about')).toContainText('大气污染 · 朝阳区 人民大街 1000 号南侧');
});

test('a 503 and a 429 are named as what they are', async ({ page, receiver }) => {
  const form = await sendAgainst(page, receiver, { mode: '500', count: 1 });
  await expect(form.heading(T.queued)).toBeVisible();
  await expect(form.progress).toHaveText(/^受理系统暂时无法处理（HTTP 500）。举报已保存在本机，将于 .+ 自动重试，您可以关闭此页。$/);

  await receiver.reset();
  await page.goto('/report');
  await sendAgainst(page, receiver, { mode: '429', count: 1000, retry_after: 60 });
  await expect(form.progress).toHaveText(/^受理系统请求稍后再发送。举报已保存在本机，将于 .+ 自动重试，您可以关闭此页。$/);
});

test('a refusal in our own words, the server\'s text labelled as the server\'s, in either language', async ({ page, receiver }) => {
  const said = '地址无法识别（address not recognised）';
  const form = await sendAgainst(page, receiver, { mode: '400', count: 1, description: said });
  await expect(form.refusal).toHaveText('受理系统认为举报的内容有误。请查看下面受理系统的说明，修改后重新提交。（HTTP 400）');
  await expect(form.serverMessage).toHaveText(said);
  await expect(page.locator('.cc-server-text')).toContainText(T.serverSays);
  // In English our sentence is English; the server's Chinese text stays labelled as the server's.
  await new ShellPage(page).toEnglish.click();
  await expect(form.refusal).toHaveText('The reporting system found a problem with the report. See what it says below, change the report and send it again. (HTTP 400)');
  await expect(page.locator('.cc-server-text')).toContainText('What the reporting system says:');
  await expect(form.serverMessage).toHaveText(said);
});
