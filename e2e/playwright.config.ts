import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium (never a downloaded browser); flags needed as root on a closed network.
const chromium = {
  executablePath: '/usr/lib/chromium/chromium',
  args: [
    '--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  ],
};

export const SITE_PORT = 4173;

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
  webServer: {
    // The release build, as a static server hosts it, with the strict CSP header; the same build
    // is also mounted under a sub-path and with fixture overlays (see serve.mjs).
    command: [
      `node serve.mjs --dir ../dist --port ${SITE_PORT} --csp`,
      '--mount /sthjj/env/=../dist-sub',
      '--mount /fx/bad-config-syntax/=../dist:fixtures/sites/bad-config-syntax',
      '--mount /fx/unknown-format/=../dist:fixtures/sites/unknown-format',
      '--mount /fx/config-500/=../dist:fixtures/sites/config-500',
      '--mount /fx/air-feed-500/=../dist:fixtures/sites/air-feed-500',
      '--mount /fx/air-bad-csv/=../dist:fixtures/sites/air-bad-csv',
      '--mount /fx/water-bad-json/=../dist:fixtures/sites/water-bad-json',
      '--mount /fx/hostile/=../dist:fixtures/sites/hostile',
      '--mount /fx/too-large/=../dist:fixtures/sites/too-large',
      '--mount /fx/messy/=../dist:fixtures/sites/messy',
      // The real CNEMC files stay in ../shared; the server reads them from there.
      '--mount /fx/cnemc-real/=../dist:fixtures/sites/cnemc-real:../../shared/data/cnemc-changchun',
    ].join(' '),
    url: `http://127.0.0.1:${SITE_PORT}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
