// The embeddable widget: iframes on a host page of another origin under a strict
// CSP, auto-height through embed.js, keyboard order, axe inside the frames, parameter fallbacks,
// the theme message filter, the /embed builder, and the <cc-env-widget> custom element.
import { test, expect, expectNoAxeViolations, allowProblem } from './fixtures';
import type { Frame, Route } from '@playwright/test';
import { FRAMES, HOST_CE, SITE, WidgetHost } from './pages/widget-host';
import { DATA, HEADINGS } from './strings';

const THEME = 'cc-widget:theme';

/** Every CSP violation inside each frame, collected by a listener installed in the frame. */
async function frameViolations(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => (window as any).__ccViolations ?? []);
}

test.describe('iframe widget on a host page with a strict CSP', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      (window as any).__ccViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as any).__ccViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  });

  test('three frames render and fit their content', async ({ page }) => {
    const host = new WidgetHost(page);
    await host.goto();
    await host.allVisible();
    const aqi = host.frame('f-aqi');
    await expect(aqi.getByTestId('aqi')).toHaveText(/^\d+$/);
    await expect(aqi.getByTestId('sample')).toContainText(DATA.sample);
    await expect(aqi.locator('time')).toContainText(DATA.beijingTime);
    await expect(aqi.getByRole('link', { name: /查看完整空气质量信息/ })).toHaveAttribute('href', `${SITE}/air`);
    const water = host.frame('f-water');
    await expect(water.getByTestId('good-share')).toHaveText(/%$/);
    await expect(water.getByTestId('class-counts').locator('li')).toHaveCount(6);
    await expect(water.getByTestId('worst').locator('li').first()).toBeVisible();
    await expect(host.frame('f-report').getByRole('link', { name: new RegExp(HEADINGS.report.zh) })).toHaveAttribute('href', `${SITE}/report`);

    for (const [frameId, id] of FRAMES) {
      const frame = host.frameOf(id);
      await expect.poll(async () => {
        const content = await frame.evaluate(() => document.getElementById('cc-widget')!.getBoundingClientRect().height);
        const box = await page.locator(`#${frameId}`).evaluate((el) => el.getBoundingClientRect().height);
        return Math.abs(box - content);
      }, { message: `${frameId} fits its content` }).toBeLessThanOrEqual(2);
      expect(await frameViolations(frame), `CSP violations inside ${frameId}`).toEqual([]);
    }
    expect(await page.evaluate(() => (window as any).__ccViolations)).toEqual([]);
  });

  test('keyboard focus moves through the frames in order', async ({ page }) => {
    const host = new WidgetHost(page);
    await host.goto();
    await host.allVisible();
    await page.locator('#before').focus();
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    expect(order).toEqual(['f-aqi', 'f-water', 'f-report', 'after']);
  });

  test('axe-core finds no violations on the host page and inside the widgets', async ({ page }) => {
    const host = new WidgetHost(page);
    await host.goto();
    await host.allVisible();
    await expectNoAxeViolations(page);
  });

  test('theme messages are accepted only from configured origins', async ({ page }) => {
    const host = new WidgetHost(page);
    await host.goto();
    await expect(host.frame('f-aqi').getByTestId('widget-aqi')).toBeVisible();
    // A site whose config lists this host: it takes the host's messages once it listens.
    await host.addFrame('f-msg', `${SITE}/fx/widget-messages/widget.html?view=report&id=m1`);
    const msg = host.frame('f-msg');
    await expect(msg.getByTestId('widget-report')).toBeVisible();
    await expect.poll(async () => {
      await host.post(['f-msg'], { type: THEME, theme: 'contrast' });
      return msg.getByTestId('widget').getAttribute('class');
    }).toMatch(/ccw--contrast/);

    // The bundled config lists no origin: the same message, sent to both frames in one task,
    // changes only the frame whose config lists the host. Both frames are the site's and share
    // an event loop, so f-aqi has handled its message once f-msg shows the change.
    const aqiThemes = await host.recordThemes(host.frameOf('w1'));
    await host.post(['f-aqi', 'f-msg'], { type: THEME, theme: 'dark' });
    await expect(msg.getByTestId('widget')).toHaveClass(/ccw--dark/);
    await expect(host.frame('f-aqi').getByTestId('widget')).toHaveClass(/ccw--light/);
    expect(await aqiThemes(), 'themes f-aqi took on').toEqual([]);

    // An unknown theme is ignored: sent before a known one, only the known one takes effect.
    const msgThemes = await host.recordThemes(host.frameOf('m1'));
    await host.post(['f-msg'], { type: THEME, theme: 'neon' });
    await host.post(['f-msg'], { type: THEME, theme: 'contrast' });
    await expect(msg.getByTestId('widget')).toHaveClass(/ccw--contrast/);
    expect(await msgThemes(), 'themes f-msg took on').toEqual(['contrast']);
  });
});

test('invalid parameters fall back to defaults with a console warning, never an error', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto('/widget.html?view=map&theme=neon&size=xl&lang=en&station=ZZZ9&id=x');
  await expect(page.getByTestId('widget-aqi')).toBeVisible();
  await expect(page.getByTestId('widget')).toHaveClass(/ccw--light/);
  await expect(page.getByTestId('widget')).toHaveClass(/ccw--m/);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Changchun air quality');
  await expect(page.getByText('There is no such station; the city value is shown.')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(() => warnings.join('\n')).toMatch(/invalid view="map".*invalid theme="neon".*invalid size="xl"/);
});

test('the AQI view loads the AQI bundle alone, every other view the full one alone, and each file once', async ({ page }) => {
  // tools/widget-bundle.js reads `view` as cc_core::widget::parse_params does: the last valid
  // value wins, case and Unicode white space (U+0085 too) do not count, an unknown one is aqi.
  // widget-aqi.html (the embed builder's page for the AQI view) is widget.html that also
  // preloads the AQI wasm: the loader's fetch of it takes the preloaded answer.
  const cases: [string, 'aqi' | 'full', string][] = [
    ['/widget.html', 'aqi', 'widget-aqi'],
    ['/widget.html?view=aqi&lang=en', 'aqi', 'widget-aqi'],
    ['/widget.html?view=map', 'aqi', 'widget-aqi'],
    ['/widget.html?view=%20Water%C2%85', 'full', 'widget-water'],
    ['/widget.html?view=report', 'full', 'widget-report'],
    ['/widget.html?view=combo', 'full', 'widget-water'],
    ['/widget.html?view=water&view=aqi', 'full', 'widget-aqi'],
    ['/widget-aqi.html?view=aqi&id=w1', 'aqi', 'widget-aqi'],
    ['/widget-aqi.html', 'aqi', 'widget-aqi'],
  ];
  for (const [query, bundle, shown] of cases) {
    const wasm: string[] = [];
    const json: Record<string, number> = {};
    const listen = (r: { url(): string }) => {
      const file = new URL(r.url()).pathname.split('/').pop()!;
      if (file.endsWith('.wasm')) wasm.push(file);
      if (file.endsWith('.json')) json[file] = (json[file] ?? 0) + 1;
    };
    page.on('request', listen);
    await page.goto(query);
    await expect(page.getByTestId(shown), query).toBeVisible();
    await page.waitForLoadState('networkidle');
    page.off('request', listen);
    expect(wasm, query).toEqual([expect.stringMatching(bundle === 'aqi' ? /^widget-aqi-[0-9a-f]+_bg\.wasm$/ : /^widget-[0-9a-f]+_bg\.wasm$/)]);
    // config.json is preloaded by the page and read by the loader, which hands its text to the
    // app and preloads the sources it names: the alerts, and the AQI view's air and forecast.
    // One request each: the app reads the preloaded answers, it does not fetch them again.
    const preloaded = await page.locator('link[rel=preload]').evaluateAll((links) =>
      links.map((l) => new URL((l as HTMLLinkElement).href).pathname.split('/').pop()!).sort());
    const data = preloaded.filter((f) => f.endsWith('.json'));
    expect(data, query).toEqual(bundle === 'aqi'
      ? ['air-alerts.json', 'air-forecast.json', 'air-latest-24h.json', 'config.json']
      : ['air-alerts.json', 'config.json']);
    // The wasm: preloaded by widget-aqi.html only, and then requested that once (above).
    expect(preloaded.filter((f) => !f.endsWith('.json')), query)
      .toEqual(query.startsWith('/widget-aqi.html') ? [wasm[0]] : []);
    for (const file of data) expect(json[file], `${query} ${file}`).toBe(1);
    expect(Object.entries(json).filter(([, n]) => n !== 1), query).toEqual([]);
  }
});

test('when the loader cannot read config.json, the widget fetches it itself', async ({ page, watch }) => {
  // The loader's read fails (its fetch rejects, as on a dropped connection): it hands the app
  // nothing, and the app's own fetch of config.json is answered, so the widget shows the air.
  await page.addInitScript(() => {
    const fetchOriginal = window.fetch.bind(window);
    const calls: string[] = [];
    (window as any).__configFetches = calls;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/config.json')) {
        calls.push(url);
        if (calls.length === 1) return Promise.reject(new TypeError('Failed to fetch'));
      }
      return fetchOriginal(input, init);
    };
  });
  await page.goto('/widget.html?view=aqi&lang=en');
  await expect(page.getByTestId('aqi')).toHaveText(/^\d+$/);
  expect(await page.evaluate(() => (window as any).__configFetches.length)).toBe(2);
  // config.json not there at all: the loader's read and the app's own both find nothing, and
  // the widget says so, naming the file.
  await page.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await page.goto('/widget.html?view=aqi&lang=en');
  await expect(page.getByTestId('widget-error')).toContainText('config.json');
  expect(await page.evaluate(() => (window as any).__configFetches.length)).toBe(2);
  allowProblem(watch, 'HTTP 404 /config.json');
});

test('a loader that cannot even start its read leaves the widget working', async ({ page }) => {
  // Whatever throws in the loader's part (here: no AbortController) leaves no promise behind,
  // and the app, which copes without an AbortController, fetches config.json itself.
  await page.addInitScript(() => {
    (window as any).AbortController = function AbortController() { throw new TypeError('not here'); };
  });
  await page.goto('/widget.html?view=aqi&lang=en');
  await expect(page.getByTestId('aqi')).toHaveText(/^\d+$/);
  expect(await page.evaluate(() => 'ccWidgetConfig' in window)).toBe(false);
});

test('a station, English, dark and small', async ({ page }) => {
  await page.goto('/widget.html?view=aqi&station=1119A&lang=en&theme=dark&size=s');
  await expect(page.getByTestId('widget')).toHaveClass(/ccw--dark/);
  await expect(page.getByTestId('widget')).toHaveClass(/ccw--s/);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('air quality');
  await expect(page.getByRole('link', { name: /See the full air-quality page/ })).toHaveAttribute('href', /air\?station=1119A&lang=en$/);
  await expectNoAxeViolations(page);
});

test('refreshes its data on the configured interval, without reloading', async ({ page, watch }) => {
  // Playwright's clock drives the widget's timers: 10 minutes (the default refresh_minutes) pass
  // at once. Refreshes first fail (a failed refresh keeps the data shown), then carry different
  // figures, which the widget then shows.
  await page.clock.install();
  // `served` counts air answers delivered; `inFlight` every data request being answered (the air,
  // the forecast and the warnings are refreshed on the same interval), during which the clock must
  // not jump (ten minutes on would also fire the request's own timeout and abort it).
  let served = 0;
  let inFlight = 0;
  await page.route('**/data/sample/air-{forecast,alerts}.json', async (route) => {
    inFlight += 1;
    try {
      await route.fulfill({ response: await route.fetch() });
    } finally {
      inFlight -= 1;
    }
  });
  let answer: 'as-is' | 'fail' | 'raised' = 'as-is';
  const respond = async (route: Route) => {
    if (answer === 'fail') return route.fulfill({ status: 503, body: 'unavailable' });
    const response = await route.fetch();
    if (answer === 'as-is') return route.fulfill({ response });
    const feed = await response.json();
    for (const row of feed.hourly) row.pm25 = row.pm25.map((v: number | null) => (v === null ? null : v + 300));
    return route.fulfill({ response, json: feed });
  };
  // The widget's own air source in the bundled config (widget.air_latest: the last 24 hours).
  await page.route('**/data/sample/air-latest-24h.json', async (route) => {
    inFlight += 1;
    try {
      await respond(route);
      served += 1;
    } finally {
      inFlight -= 1;
    }
  });
  await page.goto('/widget.html?view=aqi&lang=en');
  const aqi = page.getByTestId('aqi');
  await expect(aqi).toHaveText(/^\d+$/);
  const before = await aqi.textContent();
  expect(served).toBe(1);
  await page.evaluate(() => { (window as any).__sameDocument = true; });

  // The clock runs on in real time too, so a refresh's next timer is set a moment after its
  // answer: each poll moves 10 minutes on until the expected request has been made.
  const refreshedTo = (n: number) => expect.poll(async () => {
    if (inFlight === 0 && served < n) await page.clock.runFor('10:00');
    return served;
  }).toBeGreaterThanOrEqual(n);

  // Two failed refreshes (the loop is sequential, so the first one has been handled): the data
  // shown stays, with no error.
  answer = 'fail';
  await refreshedTo(3);
  await expect(aqi).toHaveText(before!);
  await expect(page.getByTestId('widget-error')).toHaveCount(0);

  // A request the page has made but whose handler has not started yet is invisible here, and a
  // jump then fires its own timeout: that refresh fails and keeps the data (as above). So the
  // clock moves on until a refresh has brought the raised figures.
  answer = 'raised';
  await expect.poll(async () => {
    if (inFlight === 0) await page.clock.runFor('10:00');
    return aqi.textContent();
  }).not.toBe(before);
  expect(Number(await aqi.textContent())).toBeGreaterThan(Number(before));
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  allowProblem(watch, 'HTTP 503 /data/sample/air-latest-24h.json');
});

test('reads cc-air-json only: its own widget.air_latest, or a clear message', async ({ page }) => {
  // The site's air.latest is CNEMC CSV; widget.air_latest names a cc-air-json copy.
  await page.goto('/fx/widget-own-air/widget.html?view=aqi&lang=en');
  await expect(page.getByTestId('aqi')).toHaveText(/^\d+$/);
  await expect(page.getByTestId('sample')).toBeVisible();
  // Without widget.air_latest, a CNEMC CSV air.latest is named, with the way out, in both languages.
  await page.goto('/fx/air-bad-csv/widget.html?view=aqi&lang=en');
  await expect(page.getByTestId('widget-error')).toContainText('air.latest in config.json is cnemc-hourly-csv');
  await expect(page.getByTestId('widget-error')).toContainText('widget.air_latest');
  await page.goto('/fx/air-bad-csv/widget.html?view=aqi');
  await expect(page.getByTestId('widget-error')).toContainText('config.json 的 air.latest 是 cnemc-hourly-csv');
  await expectNoAxeViolations(page);
});

test('without water.sections the water view uses the built-in sections, as the site does', async ({ page }) => {
  await page.goto('/fx/widget-builtin-sections/widget.html?view=water&lang=en');
  await expect(page.getByTestId('good-share')).toHaveText(/%$/);
  await expect(page.getByTestId('class-counts').locator('li')).toHaveCount(6);
  await expect(page.getByTestId('worst').locator('li').first()).toBeVisible();
  await expect(page.getByTestId('widget-error')).toHaveCount(0);
  await page.goto('/fx/widget-builtin-sections/water');
  await expect(page.getByTestId('water-headline')).toBeVisible();
});

test('the combo view and the contrast theme pass axe', async ({ page }) => {
  await page.goto('/widget.html?view=combo&theme=contrast');
  await expect(page.getByTestId('widget-aqi')).toBeVisible();
  await expect(page.getByTestId('widget-water')).toBeVisible();
  await expect(page.getByTestId('widget-report')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the /embed builder previews, builds and copies the snippet', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: SITE });
  await page.goto('/embed');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADINGS.embed.zh);
  const preview = page.getByTestId('embed-preview');
  await expect(preview).toHaveAttribute('src', `${SITE}/widget-aqi.html?view=aqi&id=w1`);
  await expect(page.frameLocator('[data-testid=embed-preview]').getByTestId('widget-aqi')).toBeVisible();
  await page.getByLabel('显示内容').selectOption('water');
  await page.getByLabel('配色').selectOption('dark');
  await expect(preview).toHaveAttribute('src', `${SITE}/widget.html?view=water&theme=dark&id=w1`);
  await expect(page.frameLocator('[data-testid=embed-preview]').getByTestId('widget-water')).toBeVisible();
  const snippet = page.getByTestId('embed-snippet');
  const site = SITE.replace(/[.]/g, '\\.');
  await expect(snippet).toHaveValue(new RegExp(`^<iframe src="${site}/widget\\.html\\?view=water&amp;theme=dark&amp;id=w1" title="长春地表水水质" loading="lazy"`));
  await expect(snippet).toHaveValue(new RegExp(`<script src="${site}/embed\\.js" defer></script>`));
  await expect(page.getByTestId('csp-iframe')).toHaveText(`frame-src ${SITE}; script-src ${SITE}`);
  await page.getByRole('button', { name: '复制代码' }).click();
  await expect(page.getByTestId('embed-copied')).toHaveText('已复制到剪贴板。');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('view=water');
  await page.getByLabel('可选：自定义元素').check();
  await expect(snippet).toHaveValue(/<cc-env-widget view="water" lang="zh" theme="dark" size="m" id="w1"><\/cc-env-widget>/);
  // The preview follows the widget's height.
  await expect.poll(async () => {
    const frame = page.frames().find((f) => f.url().includes('view=water'))!;
    const content = await frame.evaluate(() => document.getElementById('cc-widget')!.getBoundingClientRect().height);
    return Math.abs((await preview.boundingBox())!.height - content);
  }).toBeLessThanOrEqual(2);
  await expectNoAxeViolations(page);
});

test.describe('custom element on a host page that allows it', () => {
  test('renders two views side by side without touching the host', async ({ page }) => {
    // The AQI element loads the AQI bundle, the water element the full one: each once.
    const wasm: string[] = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname.split('/').pop()!.replace(/-[0-9a-f]+_bg\.wasm$/, '')); });
    await new WidgetHost(page).gotoCustomElements();
    const hostStyle = () => page.evaluate(() => {
      const s = (id: string, p: string[]) => { const c = getComputedStyle(document.getElementById(id)!); return p.map((x) => c.getPropertyValue(x)).join('|'); };
      return [s('host-div', ['color', 'border-top-style', 'font-family']), s('host-h2', ['font-size', 'color']), s('host-a', ['color', 'text-decoration-line'])];
    });
    const expected = ['rgb(128, 0, 128)|dashed|serif', '40px|rgb(255, 0, 0)', 'rgb(255, 165, 0)|none'];
    expect(await hostStyle()).toEqual(expected);
    await expect(page.locator('#ce-aqi').getByTestId('widget-aqi')).toBeVisible();
    await expect(page.locator('#ce-water').getByTestId('widget-water')).toBeVisible();
    await expect(page.locator('#ce-aqi').getByTestId('aqi')).toHaveText(/^\d+$/);
    await expect(page.locator('#ce-water').getByRole('heading', { level: 2 })).toHaveText('Changchun surface water');
    await expect(page.locator('#ce-water').getByTestId('widget')).toHaveClass(/ccw--dark/);
    // The host's styles are unchanged, and its rules do not reach inside the widget.
    expect(await hostStyle()).toEqual(expected);
    const inside = await page.locator('#ce-aqi').getByTestId('widget').evaluate((el) => getComputedStyle(el).borderTopStyle);
    expect(inside).not.toBe('dashed');
    const h2 = await page.locator('#ce-aqi').getByRole('heading', { level: 2 }).evaluate((el) => getComputedStyle(el).fontSize);
    expect(h2).not.toBe('40px');
    await expect(page).toHaveTitle('宿主页面 · 自定义元素');
    expect(page.url()).toBe(HOST_CE);
    // Styles come from a linked stylesheet inside each shadow root, never an injected <style>.
    const styles = await page.evaluate(() => [...document.querySelectorAll('cc-env-widget')].map((el) => [el.shadowRoot!.querySelectorAll('style').length, el.shadowRoot!.querySelectorAll('link[rel=stylesheet]').length]));
    expect(styles).toEqual([[0, 1], [0, 1]]);
    expect(await page.evaluate(() => document.head.querySelectorAll('style').length)).toBe(1);
    expect(wasm.sort()).toEqual(['widget', 'widget-aqi']);
  });

  test("the host changes an element's theme through its attribute", async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await new WidgetHost(page).gotoCustomElements();
    const aqi = page.locator('#ce-aqi').getByTestId('widget');
    const water = page.locator('#ce-water').getByTestId('widget');
    await expect(aqi).toHaveClass(/ccw--light/);
    await page.evaluate(() => document.getElementById('ce-aqi')!.setAttribute('theme', 'contrast'));
    await expect(aqi).toHaveClass(/ccw--contrast/);
    await expect(water).toHaveClass(/ccw--dark/);
    // An unknown value is named in a warning and changes nothing.
    await page.evaluate(() => document.getElementById('ce-aqi')!.setAttribute('theme', 'neon'));
    await expect.poll(() => warnings.join('\n')).toContain('theme="neon"');
    await expect(aqi).toHaveClass(/ccw--contrast/);
    // Only the widget: the host page's own orange link is deliberately not ours to fix.
    await expectNoAxeViolations(page, '#ce-aqi');
  });
});
