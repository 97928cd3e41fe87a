// 举报处理情况 (issue 16, point 4): /report/stats counts what the worker's real Open311 receiver
// lists publicly (GET requests.json), by category, district and status, with the median time from
// sending to closing; it never receives who reported. Without an endpoint, or with one that does
// not list, it says so.
import { test, expect, expectNoAxeViolations, allowProblem } from './fixtures';
import { ReportStatsPage } from './pages/report-stats';

const HOUR = 3600_000;

/** Five reports; three closed 2 h, 1 day and 3 days after they were sent (median: 1 day). */
const REPORTS: { fields: Record<string, string>; closeAfter?: number }[] = [
  { fields: { service_code: 'air', 'attribute[district]': '朝阳区', address_string: '朝阳区 人民大街 1 号', first_name: '赵一鸣', phone: '13911112222', email: 'zhao@example.cn' }, closeAfter: 2 * HOUR },
  { fields: { service_code: 'air', 'attribute[district]': '朝阳区', address_string: '朝阳区 西安大路 2 号' }, closeAfter: 24 * HOUR },
  { fields: { service_code: 'air', 'attribute[district]': '南关区', address_string: '南关区 南湖大路 3 号' }, closeAfter: 72 * HOUR },
  { fields: { service_code: 'noise', 'attribute[district]': '宽城区', address_string: '宽城区 某处', device_id: 'device-7d1e55' } },
  // No district attribute: the address's leading district name counts.
  { fields: { service_code: 'water', address_string: '二道区 伊通河 东岸' } },
];

test('the last 30 days and the year: by category, district and status, and the median time to close', async ({ page, receiver }) => {
  await receiver.reset();
  for (const r of REPORTS) {
    const id = await receiver.submit(r.fields);
    if (r.closeAfter) {
      const sent = (await receiver.requests()).find((row) => row.service_request_id === id)!.requested_datetime;
      await receiver.setStatus(id, { status: 'closed', updated_datetime: new Date(Date.parse(sent) + r.closeAfter).toISOString() });
    }
  }
  // Every listing answer the browser receives (the year is asked in windows of 90 days).
  const answers: Promise<string>[] = [];
  page.on('response', (r) => { if (r.url().includes('/open311/v2/requests.json')) answers.push(r.text()); });
  // Reached from the report page.
  await page.goto('/report');
  await page.getByRole('link', { name: /举报处理情况/ }).click();
  const stats = new ReportStatsPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('举报处理情况');
  await expect(stats.summary(stats.period('stats-year'))).toBeVisible();
  // They list the reports, and carry nobody's name, phone, e-mail or device.
  const received = (await Promise.all(answers)).join('\n');
  expect(received.match(/"service_request_id":\s*"CC-/g)).toHaveLength(5);
  for (const secret of ['赵一鸣', '13911112222', 'zhao@example.cn', 'device-7d1e55']) expect(received).not.toContain(secret);

  for (const id of ['stats-30-days', 'stats-year'] as const) {
    const period = stats.period(id);
    await expect(stats.summary(period)).toHaveText('共收到举报 5 件，已办结 3 件，正在处理 2 件；从提交到办结的时间中位数为 1 天。');
    await expect(stats.median(period)).toHaveText('从提交到办结的时间（中位数）：1 天（3 件已办结举报）');
    const chart = stats.categories(period);
    await expect(chart.getByTestId('chart-summary')).toHaveText('共 5 件，最多的是大气污染（3 件），其次是噪声污染（1 件）。');
    await expect(chart.getByRole('img')).toBeVisible();
    expect(await stats.rows(chart.locator('table'))).toEqual([
      ['大气污染', '3', '60.0%'], ['噪声污染', '1', '20.0%'], ['水污染', '1', '20.0%'],
    ]);
    expect(await stats.rows(stats.districts(period))).toEqual([
      ['朝阳区', '2'], ['南关区', '1'], ['宽城区', '1'], ['二道区', '1'],
    ]);
    expect(await stats.rows(stats.status(period))).toEqual([['正在处理', '2'], ['已办结', '3']]);
  }
  await expectNoAxeViolations(page);

  // In English, from the same list.
  await stats.goto('?lang=en');
  const month = stats.period('stats-30-days');
  await expect(stats.summary(month)).toHaveText('5 reports received: 3 closed, 2 being dealt with. Half were closed within 1 day of being sent.');
  expect(await stats.rows(stats.districts(month))).toContainEqual(['Chaoyang District', '2']);
  await expectNoAxeViolations(page);
});

test('an endpoint that does not list its reports, and a site without one, say so', async ({ page, watch }) => {
  const stats = new ReportStatsPage(page);
  await stats.goto('', '/fx/report-no-listing');
  await expect(page.getByTestId('stats-refused')).toHaveText('举报受理系统不公开举报列表（HTTP 403），无法统计。');
  allowProblem(watch, 'HTTP 403 /fx/report-no-listing/open311/v2/requests.json');
  await stats.goto('', '/fx/report-none');
  await expect(page.getByRole('status').filter({ hasText: '本站没有配置举报受理系统' })).toBeVisible();
  await expect(page.getByTestId('stats-30-days')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
