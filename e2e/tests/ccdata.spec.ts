// `ccdata publish` end to end: a site data folder is built from the real CNEMC publication in
// ../shared/data/cnemc-changchun (read from there, never copied into the repository) and served
// as a deployment serves it, and the air page shows the city AQI of the published newest hour.
// The expected number is not written here: `ccdata check --json` reads it from the published
// air-latest.json with cc_core, the code the site runs. The binary is built before Playwright
// starts (`make test-e2e` runs `cargo build --release -p ccdata`), never inside the spec.
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';

const E2E = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ROOT = path.resolve(E2E, '..');
const REAL = path.resolve(ROOT, '../shared/data/cnemc-changchun');
const BIN = path.join(ROOT, 'target/release/ccdata');

let work: string;
let server: ChildProcess | undefined;
let origin: string;
let latest: { hour: string; aqi: number | null };

test.beforeAll(async () => {
  if (!fs.existsSync(REAL)) {
    // Under CI the real data must be there; elsewhere the test is skipped (below).
    expect(process.env.CI !== 'true', `${REAL} is missing, and CI=true requires it`).toBe(true);
    return;
  }
  expect(fs.existsSync(BIN), `${BIN} is missing: run \`cargo build --release -p ccdata\` (make test-e2e does)`).toBe(true);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ccdata-'));
  const site = path.join(work, 'site');
  execFileSync(BIN, ['publish', '--air', REAL, '-o', path.join(site, 'data'), '--config', path.join(site, 'config.json')], { stdio: 'pipe' });
  // Exit 1 is expected: the real files have a gap (1126A on 2022-01-01), a warning.
  const check = spawnSync(BIN, ['check', '--json', path.join(site, 'data', 'air-latest.json')], { encoding: 'utf8' });
  expect([0, 1], check.stderr).toContain(check.status);
  const report = JSON.parse(check.stdout);
  latest = report.files[0].city_latest;
  expect(latest.aqi, 'the published newest hour has a city AQI').not.toBeNull();
  // The release build with the published folder as an overlay (its config.json and data/), on a
  // free port: a deployment swaps data by swapping these files.
  server = spawn('node', ['serve.mjs', '--dir', path.join(ROOT, 'dist'), '--port', '0', '--csp', '--no-compress',
    '--mount', `/published/=${path.join(ROOT, 'dist')}:${site}`], { cwd: E2E, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    server!.stdout!.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/ at http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve(Number(m[1]));
    });
    server!.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  origin = `http://127.0.0.1:${port}`;
});

test.afterAll(() => {
  server?.kill();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('a folder published by ccdata from the real CNEMC files shows their city AQI for the published hour', async ({ page }) => {
  test.skip(!fs.existsSync(REAL) && process.env.CI !== 'true', 'shared CNEMC data (../shared/data/cnemc-changchun) not present');
  const config = JSON.parse(fs.readFileSync(path.join(work, 'site', 'config.json'), 'utf8'));
  expect(config.air.latest).toEqual(expect.objectContaining({ format: 'cc-air-json', url: 'data/air-latest.json' }));
  expect(config.air.latest.sample, 'real data is never labelled sample').toBeUndefined();

  await page.goto(`${origin}/published/air`);
  const city = page.getByTestId('city-aqi');
  await expect(city.getByTestId('aqi')).toHaveText(String(latest.aqi));
  await expect(city.locator(`time[datetime="${latest.hour}"]`)).toBeVisible();
  // The referee: every station's AQI for that hour is the one CNEMC itself published (the `aqi`
  // column of the real file), although the published folder carries only concentrations.
  const day = latest.hour.slice(0, 10);
  const stamp = `${latest.hour.slice(0, 13)}:00:00`;
  const published = fs.readFileSync(path.join(REAL, `${day}.csv`), 'utf8').trim().split('\n').slice(1)
    .filter((l) => l.startsWith(stamp))
    .map((l) => l.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')))
    .map((cells) => ({ code: cells[1], aqi: cells[7] }));
  expect(published.length, `rows of ${stamp} in ${day}.csv`).toBeGreaterThan(0);
  for (const row of published) {
    await expect(page.getByTestId(`station-${row.code}`).getByTestId('aqi')).toHaveText(row.aqi === '' ? '—' : row.aqi);
  }
  // January 2022 is long past: the page says the data is old, and it is not a sample.
  await expect(city.getByTestId('stale')).toBeVisible();
  await expect(page.getByTestId('sample')).toHaveCount(0);
  await expect(city).toContainText('中国环境监测总站');
});
