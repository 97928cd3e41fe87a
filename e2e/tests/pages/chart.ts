// A chart block (src/components/chart.rs): its canvas, which the charts module draws
// (src/bin/charts.rs, fetched when a chart first nears the viewport), and what stands in for it.
import { Locator } from '@playwright/test';

/** The charts module's script and wasm. */
export const CHARTS_MODULE = /\/charts-[0-9a-f]+(_bg\.wasm|\.js)$/;

/** The module's files among `paths`, their hashes elided, sorted. */
export const chartsModuleFiles = (paths: string[]) => paths
  .filter((p) => CHARTS_MODULE.test(p))
  .map((p) => p.replace(/.*\/charts-[0-9a-f]+/, 'charts-…'))
  .sort();

/** How many distinct colours the chart's canvas holds: 0 before anything is drawn on it (a blank
 * canvas is transparent black), several for axes, labels, bands and lines. */
export const canvasColours = (chart: Locator) => chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] !== 0) colours.add(((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]) >>> 0);
  }
  return colours.size;
});
