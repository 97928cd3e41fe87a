// A host page of another origin that embeds the widget: as iframes (fixtures/host, strict CSP)
// or as <cc-env-widget> custom elements (fixtures/host-ce). The site's origin is the run's.
import { expect, Frame, FrameLocator, Page } from '@playwright/test';
import { HOST_CE_PORT, HOST_PORT, SITE_PORT } from '../../playwright.config';

export const SITE = `http://127.0.0.1:${SITE_PORT}`;
export const HOST = `http://127.0.0.1:${HOST_PORT}/`;
export const HOST_CE = `http://127.0.0.1:${HOST_CE_PORT}/`;

/** The host page's three frames: element id, widget id (the `id=` parameter), the view's test id. */
export const FRAMES = [['f-aqi', 'w1', 'widget-aqi'], ['f-water', 'w2', 'widget-water'], ['f-report', 'w3', 'widget-report']] as const;

export class WidgetHost {
  constructor(readonly page: Page) {}

  async goto() { await this.page.goto(HOST); }

  async gotoCustomElements() { await this.page.goto(HOST_CE); }

  /** A frame of the host page by its element id. */
  frame(elementId: string): FrameLocator { return this.page.frameLocator(`#${elementId}`); }

  /** The Frame of the widget with `id=<widgetId>`, for evaluating inside it. */
  frameOf(widgetId: string): Frame {
    const f = this.page.frames().find((fr) => fr.url().includes(`id=${widgetId}`));
    if (!f) throw new Error(`no frame with id=${widgetId}`);
    return f;
  }

  /** Every frame shows its view. */
  async allVisible() {
    for (const [elementId, , testId] of FRAMES) await expect(this.frame(elementId).getByTestId(testId)).toBeVisible();
  }

  /** Adds a frame to the host page's main. */
  async addFrame(elementId: string, src: string) {
    await this.page.evaluate(([id, s]) => {
      const f = document.createElement('iframe');
      f.id = id; f.title = id; f.src = s;
      document.querySelector('main')!.append(f);
    }, [elementId, src]);
  }

  /** Posts `message` from the host page to each frame named, in that order, in one task. */
  async post(elementIds: string[], message: Record<string, unknown>) {
    await this.page.evaluate(([ids, m]) => {
      for (const id of ids as string[]) (document.getElementById(id) as HTMLIFrameElement).contentWindow!.postMessage(m, '*');
    }, [elementIds, message] as const);
  }

  /**
   * Starts recording every theme (ccw--<theme> class) the widget root of `frame` takes on; the
   * returned function gives the themes taken so far, a repeated one once.
   */
  async recordThemes(frame: Frame) {
    await frame.evaluate(() => {
      const w = window as unknown as { __ccThemes: string[] };
      w.__ccThemes = [];
      const el = document.querySelector('[data-testid="widget"]')!;
      new MutationObserver(() => {
        const theme = /\bccw--(light|dark|contrast|neon)\b/.exec(el.className)?.[1];
        if (theme && w.__ccThemes[w.__ccThemes.length - 1] !== theme) w.__ccThemes.push(theme);
      }).observe(el, { attributes: true, attributeFilter: ['class'] });
    });
    return () => frame.evaluate(() => (window as unknown as { __ccThemes: string[] }).__ccThemes);
  }
}
