// The report form as a person uses it: visible labels, buttons and headings, step by step; the
// confirmation, the list of waiting reports (outbox) and the saved drafts on /report.
import { expect, Locator, Page } from '@playwright/test';
import { REPORT } from '../strings';

const T = REPORT.zh;

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
  category: T.categories.air,
  subtype: '恶臭/异味',
  district: '朝阳区',
  address: '人民大街 1000 号南侧',
  party: '某化工厂',
  description: '每天夜里十点以后有刺鼻的化学气味，持续两个小时。',
  ongoing: T.ongoing,
};

export class ReportForm {
  readonly errorSummary: Locator;
  readonly reference: Locator;
  readonly outboxItems: Locator;
  readonly draftItems: Locator;
  readonly serverMessage: Locator;
  /** Our own sentence for a refusal, above the server's message. */
  readonly refusal: Locator;
  /** The confirmation's sentence while the report is on its way or waiting. */
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.errorSummary = page.getByTestId('error-summary');
    this.reference = page.getByTestId('reference');
    this.outboxItems = page.getByTestId('outbox-item');
    this.draftItems = page.getByTestId('draft-item');
    this.serverMessage = page.getByTestId('server-message');
    this.refusal = page.getByTestId('refusal');
    this.progress = page.getByTestId('progress');
  }

  async goto(query = '') { await this.page.goto(`/report${query}`); }

  /** A labelled field (text, select, checkbox); `exact` for radio choices such as 仍在持续. */
  field(label: string, exact = false) { return this.page.getByLabel(label, { exact }); }

  heading(name: string, level?: number) { return this.page.getByRole('heading', { name, level }); }

  button(name: string) { return this.page.getByRole('button', { name, exact: true }); }

  /** The error summary's links, one per problem, in field order. */
  get summaryLinks() { return this.errorSummary.getByRole('link'); }

  /** The first outbox item (the newest report). */
  get firstItem() { return this.outboxItems.first(); }

  /** The first 查看办理进度 link on the page. */
  get statusLink() { return this.page.getByRole('link', { name: T.status }).first(); }

  /** Whether the form groups related questions on one page (screens ≥ 64em; WIDE_SCREEN in src/pages/report/mod.rs). */
  get grouped() { return (this.page.viewportSize()?.width ?? 0) >= 1024; }

  async start() { await this.button(T.start).click(); }

  async next() { await this.button(T.next).click(); }

  async saveAndBack() { await this.button(T.saveAndBack).click(); }

  /** The check page's change link for the question labelled `label`. */
  changeLink(label: string) { return this.page.getByRole('link', { name: new RegExp(`修改.*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }); }

  /** From /report to the check page, answering every question and ticking the declaration. */
  async fillToCheck(answers: Answers = {}) {
    const a = { ...DEFAULTS, ...answers };
    await this.goto();
    await this.start();
    await expect(this.heading(T.what)).toBeVisible();
    await this.field(a.category, true).check();
    await this.field(T.subtype).fill(a.subtype);
    await this.next();
    await this.field(T.district).selectOption(a.district);
    await this.field(T.address).fill(a.address);
    await this.field(T.party).fill(a.party);
    if (!this.grouped) await this.next();
    await this.field(T.description).fill(a.description);
    await this.field(a.ongoing, true).check();
    await this.next();
    await expect(this.heading(T.photos)).toBeVisible();
    if (answers.photos?.length) {
      await this.field(T.choosePhotos).setInputFiles(answers.photos);
      await expect(this.page.getByTestId('photo-item').filter({ hasText: T.processed })).toHaveCount(answers.photos.length, { timeout: 30_000 });
    }
    await this.next();
    if (a.named) {
      await this.field(T.named).check();
      await this.field(T.name, true).fill(a.named.name);
      await this.field(T.phone).fill(a.named.phone);
      await this.field(T.email).fill(a.named.email);
    }
    await this.next();
    await expect(this.heading(T.check)).toBeVisible();
    // The declaration is on the check page (GOV.UK's pattern).
    await this.field(T.consent).check();
  }

  /** Sends from the check page and waits for the reference number. */
  async submitAndGetReference(): Promise<string> {
    await this.button(T.send).click();
    await expect(this.reference).toBeVisible({ timeout: 20_000 });
    return (await this.reference.innerText()).trim();
  }

  /** /report shows its lists: the drafts saved on this device and the waiting reports. */
  async expectNoDrafts() {
    await expect(this.page.getByText(T.noDrafts)).toBeVisible();
    await expect(this.draftItems).toHaveCount(0);
  }
}
