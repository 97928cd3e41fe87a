// The app shell every page shares: header, main navigation, the language and 关怀版 switches,
// the skip link, the page heading, and the static first screen the app replaces.
import { expect, Locator, Page } from '@playwright/test';
import { Lang, SHELL } from '../strings';

export class ShellPage {
  readonly h1: Locator;
  readonly html: Locator;
  readonly main: Locator;
  readonly prerender: Locator;
  readonly siteName: Locator;
  readonly skipLink: Locator;
  readonly toEnglish: Locator;
  readonly care: Locator;

  constructor(readonly page: Page) {
    this.h1 = page.getByRole('heading', { level: 1 });
    this.html = page.locator('html');
    this.main = page.locator('#main');
    this.prerender = page.locator('#cc-prerender');
    this.siteName = page.locator('.cc-header__name');
    this.skipLink = page.getByRole('link', { name: SHELL.zh.skip });
    this.toEnglish = page.getByRole('button', { name: SHELL.zh.toEnglish });
    this.care = page.getByRole('button', { name: SHELL.zh.care });
  }

  /** The main navigation, named in `lang`. */
  nav(lang: Lang = 'zh') { return this.page.getByRole('navigation', { name: SHELL[lang].nav }); }

  /** A link of the main navigation. */
  navLink(name: string, lang: Lang = 'zh') { return this.nav(lang).getByRole('link', { name }); }

  /** The header's link to the home page. */
  get homeLink() { return this.page.getByRole('link', { name: SHELL.zh.siteName }); }

  /** Waits until the app has replaced the static first screen. */
  async appStarted() { await expect(this.prerender).toHaveCount(0); }

  /** Waits until the service worker is active and controls the page. */
  async serviceWorkerControls() {
    await this.page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await expect.poll(() => this.page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  }

  /** The root font size in px (关怀版 makes it larger). */
  fontSize() { return this.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize)); }

  /**
   * Marks the document, so a later `stayed()` tells whether the page was loaded again (a
   * navigation in place keeps the mark).
   */
  async mark() { await this.page.evaluate(() => { (window as unknown as { ccStay: number }).ccStay = 1; }); }

  stayed() { return this.page.evaluate(() => (window as unknown as { ccStay?: number }).ccStay === 1); }
}
