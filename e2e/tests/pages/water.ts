// The /water page: the headline, the sections by river with their classes, filters, a section's
// detail with its charts.
import { Locator, Page } from '@playwright/test';

export class WaterPage {
  readonly headline: Locator;
  readonly sections: Locator;
  readonly classes: Locator;
  readonly feedError: Locator;
  readonly deciding: Locator;

  constructor(readonly page: Page) {
    this.headline = page.getByTestId('water-headline');
    this.sections = page.locator('[data-testid^="section-"]');
    this.classes = page.locator('[data-testid^="section-"] [data-testid="class"]');
    this.feedError = page.getByTestId('feed-error');
    this.deciding = page.getByTestId('deciding');
  }

  /** /water, or `prefix`/water (a fixture site), with an optional query. */
  async goto(query = '', prefix = '') { await this.page.goto(`${prefix}/water${query}`); }

  /** The class filter (水质类别) and its button. */
  async filterByClass(value: string) {
    await this.page.getByLabel('水质类别').selectOption(value);
    await this.page.getByRole('button', { name: '筛选' }).click();
  }

  get classFilter() { return this.page.getByLabel('水质类别'); }

  /** A river's table, by its caption. */
  river(name: string) { return this.page.getByRole('table', { name }); }

  /** Opens the first listed section's detail. */
  async openFirstSection() { await this.sections.first().getByRole('link').click(); }

  /** The data tables a phone must show whole: the sections by river, a section's indicators. */
  get dataTables() {
    return this.page.locator('table.cc-sections, [data-testid^="section-detail-"] + .cc-table-wrap table');
  }

  chart(id: string) { return this.page.getByTestId(id); }

  value(indicator: string) { return this.page.getByTestId(`value-${indicator}`); }
}
