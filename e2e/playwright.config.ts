import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium (never a downloaded browser); flags needed as root on a closed network.
const chromium = {
  executablePath: '/usr/lib/chromium/chromium',
  args: [
    '--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  ],
};

// CC_SITE_PORT / CC_RECEIVER_PORT let several checkouts run their suites side by side.
export const SITE_PORT = Number(process.env.CC_SITE_PORT ?? 4173);
// Each worker starts its own Open311 receiver on a free port (tests/receiver.ts), and the site
// server proxies a context's /open311/ traffic to the port its cookie names. Nothing listens on
// RECEIVER_PORT during the tests: a request without the cookie fails visibly (HTTP 502).
export const RECEIVER_PORT = Number(process.env.CC_RECEIVER_PORT ?? 4181);
// Host pages on other origins that embed the widget (e2e/fixtures/host*, tests/widget*.spec.ts).
export const HOST_PORT = Number(process.env.CC_HOST_PORT ?? 4190);
export const HOST_CE_PORT = Number(process.env.CC_HOST_CE_PORT ?? 4191);
const SITE = `http://127.0.0.1:${SITE_PORT}`;
const HOST = `http://127.0.0.1:${HOST_PORT}`;

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${SITE_PORT}`,
    launchOptions: chromium,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'phone', use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, launchOptions: chromium } },
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 }, launchOptions: chromium } },
  ],
  webServer: [{
    // The release build, as a static server hosts it, with the strict CSP header; the same build
    // is also mounted under a sub-path and with fixture overlays (see serve.mjs).
    command: [
      `node serve.mjs --dir ../dist --port ${SITE_PORT} --csp --cors --connect-src http://localhost:${SITE_PORT}`,
      `--widget-frame-ancestors "'self' http://127.0.0.1:${HOST_PORT} http://127.0.0.1:${HOST_CE_PORT}"`,
      `--proxy /open311/=http://127.0.0.1:${RECEIVER_PORT}/open311/ --proxy-port-cookie cc-e2e-receiver`,
      // The widget-messages fixture's config lists the host page's origin.
      `--define host=${HOST}`,
      '--mount /sthjj/env/=../dist-sub',
      '--mount /fx/bad-config-syntax/=../dist:fixtures/sites/bad-config-syntax',
      '--mount /fx/unknown-format/=../dist:fixtures/sites/unknown-format',
      '--mount /fx/config-500/=../dist:fixtures/sites/config-500',
      '--mount /fx/air-feed-500/=../dist:fixtures/sites/air-feed-500',
      '--mount /fx/air-bad-csv/=../dist:fixtures/sites/air-bad-csv',
      '--mount /fx/air-no-usable-row/=../dist:fixtures/sites/air-no-usable-row',
      '--mount /fx/water-bad-json/=../dist:fixtures/sites/water-bad-json',
      '--mount /fx/water-rules/=../dist:fixtures/sites/water-rules',
      '--mount /fx/water-automatic/=../dist:fixtures/sites/water-automatic:../core/tests/fixtures/water',
      '--mount /fx/feeds-both/=../dist:fixtures/sites/feeds-both:fixtures/sites/air-bad-csv:../core/tests/fixtures/water',
      '--mount /fx/hostile/=../dist:fixtures/sites/hostile',
      '--mount /fx/too-large/=../dist:fixtures/sites/too-large',
      '--mount /fx/messy/=../dist:fixtures/sites/messy',
      '--mount /fx/report-no-listing/=../dist:fixtures/sites/report-no-listing',
      '--mount /fx/report-none/=../dist:fixtures/sites/report-none',
      // Data sources on a second origin (localhost), for offline copies of CORS answers.
      '--mount /fx/offline-cors/=../dist:fixtures/sites/offline-cors',
      '--mount /fx/widget-messages/=../dist:fixtures/host-sites/widget-messages',
      '--mount /fx/widget-own-air/=../dist:fixtures/sites/widget-own-air',
      '--mount /fx/widget-builtin-sections/=../dist:fixtures/sites/widget-builtin-sections',
      // The real CNEMC files stay in ../shared; the server reads them from there.
      '--mount /fx/cnemc-real/=../dist:fixtures/sites/cnemc-real:../../shared/data/cnemc-changchun',
    ].join(' '),
    url: `http://127.0.0.1:${SITE_PORT}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
  }, {
    // A host page that frames the widget under a strict CSP of its own.
    command: `node serve.mjs --dir fixtures/host --port ${HOST_PORT} --define site=${SITE} --csp-value "default-src 'self'; frame-src ${SITE}; script-src 'self' ${SITE}"`,
    url: `http://127.0.0.1:${HOST_PORT}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
  }, {
    // A host page that allows the custom element (the site's script and WebAssembly).
    command: `node serve.mjs --dir fixtures/host-ce --port ${HOST_CE_PORT} --define site=${SITE} --csp-value "script-src ${SITE} 'wasm-unsafe-eval'; connect-src ${SITE}"`,
    url: `http://127.0.0.1:${HOST_CE_PORT}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
  }],
});
