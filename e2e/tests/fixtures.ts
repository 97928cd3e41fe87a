// Shared test fixtures: every page is watched for console errors, uncaught exceptions and CSP
// violations, and any of them fails the test that caused it. Every test's browser context talks
// to its worker's own Open311 receiver (receiver.ts).
import type { Page } from '@playwright/test';
import { test as base, expect } from './receiver';
import AxeBuilder from '@axe-core/playwright';

type Watch = { problems: string[] };

export const test = base.extend<{ watch: Watch }>({
  watch: [async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (msg) => {
      // Failed loads are recorded with their URL by the response and requestfailed handlers
      // below. Chrome also echoes a fetch that the frame's next navigation cancelled as "Fetch API
      // cannot load <url>. " with no reason (the /embed builder's preview frame, navigated while
      // its wasm loads): an abort, as below, not a fault; a fetch that failed otherwise is
      // still reported by those handlers.
      const cancelled = /^Fetch API cannot load \S+\. $/.test(msg.text());
      if (msg.type() === 'error' && !cancelled && !msg.text().startsWith('Failed to load resource')) {
        problems.push(`console error: ${msg.text()}`);
      }
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${new URL(response.url()).pathname}`);
    });
    page.on('requestfailed', (request) => {
      const failure = request.failure()?.errorText ?? '';
      // A download, or a request the page aborted on purpose (navigation, timeout), is not a fault.
      if (!/ERR_ABORTED/.test(failure)) problems.push(`request failed: ${new URL(request.url()).pathname} ${failure}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const watch = { problems };
    await use(watch);
    expect(problems, 'console errors, page errors or CSP violations').toEqual([]);
  }, { auto: true }],
});

export { expect };

/** Removes the expected failure `entry` (e.g. `HTTP 404 /no-such-page`) from the watch list. */
export function allowProblem(watch: Watch, entry: string) {
  watch.problems.splice(0, watch.problems.length, ...watch.problems.filter((p) => p !== entry));
}

/** axe-core over the whole page (or only `include`, a selector) against WCAG 2.2 A/AA: no violations allowed. */
export async function expectNoAxeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const result = await builder
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, 'axe-core violations').toEqual([]);
}

/** The page does not scroll sideways. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}
