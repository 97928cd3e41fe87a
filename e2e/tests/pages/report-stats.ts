// /report/stats (举报处理情况): a period's sentence, its tables and its chart.
import { Locator, Page } from '@playwright/test';

export class ReportStatsPage {
  constructor(readonly page: Page) {}

  /** /report/stats, or `prefix`/report/stats (a fixture site), with an optional query. */
  async goto(query = '', prefix = '') { await this.page.goto(`${prefix}/report/stats${query}`); }

  /** A period's section: `stats-30-days` or `stats-year`. */
  period(id: 'stats-30-days' | 'stats-year') { return this.page.getByTestId(id); }

  summary(period: Locator) { return period.getByTestId('stats-summary'); }

  median(period: Locator) { return period.getByTestId('stats-median'); }

  /** A table's body rows as [row header, cells…] texts. */
  async rows(table: Locator): Promise<string[][]> {
    return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent!.trim())));
  }

  districts(period: Locator) { return period.getByTestId('stats-districts'); }

  status(period: Locator) { return period.getByTestId('stats-status'); }

  /** The chart of categories with its table alternative. */
  categories(period: Locator) { return period.locator('[data-testid^="chart-stats-"]'); }
}
