// The year's report card, /air/year: the air and water parts, their tables, the CSV and printing.
import { Locator, Page } from '@playwright/test';

export class YearPage {
  readonly airPart: Locator;
  readonly waterPart: Locator;
  readonly airSummary: Locator;
  readonly airChanges: Locator;
  readonly waterSummary: Locator;
  readonly waterChanges: Locator;
  readonly overview: Locator;
  readonly items: Locator;
  readonly waterOverview: Locator;
  readonly rivers: Locator;
  readonly years: Locator;
  readonly csv: Locator;

  constructor(readonly page: Page) {
    this.airPart = page.locator('section[aria-labelledby="year-air"]');
    this.waterPart = page.locator('section[aria-labelledby="year-water"]');
    this.airSummary = page.getByTestId('year-air-summary');
    this.airChanges = page.getByTestId('year-air-changes');
    this.waterSummary = page.getByTestId('year-water-summary');
    this.waterChanges = page.getByTestId('year-water-changes');
    this.overview = page.getByTestId('year-air-overview');
    this.items = page.getByTestId('year-air-items');
    this.waterOverview = page.getByTestId('year-water-overview');
    this.rivers = page.getByTestId('year-rivers');
    this.years = page.locator('nav.cc-year__years');
    this.csv = page.getByTestId('year-csv');
  }

  /** /air/year with an optional query (`?year=2021&lang=en`). */
  async goto(query = '') { await this.page.goto(`/air/year${query}`); }

  /** The data tables a phone must show whole. */
  get dataTables() { return this.page.locator('.cc-year table'); }

  /** The value of a row (by its header) in a figures table, in the given column (1: this year). */
  cell(table: Locator, row: string, column = 1) {
    return table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: row, exact: true }) })
      .getByRole('cell').nth(column - 1);
  }
}
