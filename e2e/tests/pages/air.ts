// The /air page: the city card, the pollutant table, the station table and detail, the charts.
import { Locator, Page } from '@playwright/test';

export class AirPage {
  readonly cityCard: Locator;
  readonly cityAqi: Locator;
  readonly stationRows: Locator;
  readonly feedError: Locator;

  constructor(readonly page: Page) {
    this.cityCard = page.getByTestId('city-aqi');
    this.cityAqi = this.cityCard.getByTestId('aqi');
    this.stationRows = page.locator('[data-testid^="station-1"]');
    this.feedError = page.getByTestId('feed-error');
  }

  /** /air, or `prefix`/air (a fixture site), with an optional query (`?lang=en`). */
  async goto(query = '', prefix = '') { await this.page.goto(`${prefix}/air${query}`); }

  station(code: string) { return this.page.getByTestId(`station-${code}`); }

  stationDetail(code: string) { return this.page.getByTestId(`station-detail-${code}`); }

  /** The table of the six pollutants, by its caption. */
  pollutants(name = '六项污染物') { return this.page.getByRole('table', { name }); }

  /** The data tables a phone must show whole: the pollutants (city or station) and the stations. */
  get dataTables() { return this.page.locator('table.cc-pollutants, table.cc-stations'); }

  /** A chart block (summary, table alternative, CSV link) by its test id. */
  chart(id: string) { return this.page.getByTestId(id); }
}
