// The station, section and report-card tables on a phone (issue 16 point 6): from 320 px up no name, unit,
// number with its unit or section name breaks inside itself, and nothing scrolls sideways.
// Below 36em the tables are laid out as cards that stay tables for screen readers.
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { AirPage } from './pages/air';
import { WaterPage } from './pages/water';
import { YearPage } from './pages/year';

const WIDTHS = [320, 390];

type Broken = { cell: string; token: string; lines: number };

/**
 * Every piece of the body cells of `tables` that must stay on one line, found from the text alone
 * (so the check does not trust the page's own markup): every number with its unit; in the row
 * headers (station, section, pollutant and indicator names) and the columns of pollutants,
 * values and periods also each run between white space and after a list separator (、 , ，).
 * A piece never spans two text nodes other than a number and its unit. Sentences (why there is
 * no AQI, 仅作参考，不评价类别) may wrap as sentences do. A Range over each piece gives
 * its boxes; a piece on one line has boxes that all overlap vertically. Returns the pieces that
 * do not, and how many lines they took.
 */
async function brokenPieces(tables: Locator): Promise<{ broken: Broken[]; checked: number }> {
  return tables.evaluateAll((elements) => {
    const UNIT = '(?:µg/m³|μg/m³|mg/m³|mg/L|个/L|℃|μS/cm|µS/cm|NTU|cells/L)';
    const valueRe = `[<＜]?\\s?\\d[\\d.]*\\s+${UNIT}`;
    const pieceRe = new RegExp(`${valueRe}|[^\\s、,，]+[、,，]?`, 'g');
    const valueOnlyRe = new RegExp(valueRe, 'g');
    const NAMES = /污染|浓度|平均时间|pollutant|concentration|period|value/i;
    const broken: Broken[] = [];
    let checked = 0;
    for (const table of elements) {
      const headers = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent ?? '');
      for (const cell of Array.from(table.querySelectorAll('tbody th, tbody td'))) {
        if (cell.getClientRects().length === 0) continue;
        const column = headers[Array.from(cell.parentElement!.children).indexOf(cell)] ?? '';
        const re = cell.tagName === 'TH' || NAMES.test(column) ? pieceRe : valueOnlyRe;
        // The cell's text nodes and where each starts in the cell's whole text.
        const nodes: { node: Text; start: number }[] = [];
        let text = '';
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        // Text nodes are joined with a space: a piece never spans two of them (a badge's
        // number and words are boxes of their own), except a number and its unit element.
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (nodes.length > 0) text += ' ';
          nodes.push({ node: n as Text, start: text.length });
          text += n.nodeValue ?? '';
        }
        const at = (offset: number, end: boolean) => {
          const i = nodes.findLastIndex((x) => (end ? x.start < offset : x.start <= offset));
          return { node: nodes[i].node, offset: offset - nodes[i].start };
        };
        for (const m of text.matchAll(re)) {
          const piece = m[0].trim();
          const from = (m.index ?? 0) + m[0].indexOf(piece);
          if (piece.length < 2) continue;
          const range = document.createRange();
          const a = at(from, false);
          const b = at(from + piece.length, true);
          range.setStart(a.node, a.offset);
          range.setEnd(b.node, b.offset);
          const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
          if (rects.length === 0) continue;
          checked++;
          // Lines: groups of boxes that overlap vertically.
          const lines: DOMRect[] = [];
          for (const r of rects) {
            if (!lines.some((l) => r.top < l.bottom - 1 && r.bottom > l.top + 1)) lines.push(r);
          }
          if (lines.length > 1) broken.push({ cell: text.trim().slice(0, 60), token: piece, lines: lines.length });
        }
      }
    }
    return { broken, checked };
  });
}

/** No sideways scrolling: neither the page nor a table's own scroll box. */
async function expectNoOverflow(page: Page, tables: Locator) {
  const page_ = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(page_, 'the page scrolls sideways by (px)').toBeLessThanOrEqual(0);
  const boxes = await tables.evaluateAll((ts) => ts.map((t) => {
    const wrap = t.closest('.cc-table-wrap') ?? t;
    return wrap.scrollWidth - wrap.clientWidth;
  }));
  for (const b of boxes) expect(b, 'a table scrolls sideways by (px)').toBeLessThanOrEqual(0);
}

/** The card layout is still a table with row headers and cells for assistive technology. */
async function expectStillTables(tables: Locator) {
  const first = tables.first();
  await expect(first).toHaveRole('table');
  await expect(first.getByRole('rowheader').first()).toBeVisible();
  await expect(first.getByRole('cell').first()).toBeVisible();
}

const PAGES: { name: string; open: (page: Page, lang: string) => Promise<Locator> }[] = [
  {
    name: '/air',
    open: async (page, lang) => {
      const air = new AirPage(page);
      await air.goto(lang);
      await expect(air.stationRows).toHaveCount(10);
      return air.dataTables;
    },
  },
  {
    name: 'the station view',
    open: async (page, lang) => {
      const air = new AirPage(page);
      await page.goto(`/air?station=1122A${lang.replace('?', '&')}`);
      await expect(air.stationDetail('1122A')).toBeVisible();
      await expect(air.dataTables.first()).toBeVisible();
      return air.dataTables;
    },
  },
  {
    name: '/water',
    open: async (page, lang) => {
      const water = new WaterPage(page);
      await water.goto(lang);
      await expect(water.sections.first()).toBeVisible();
      return water.dataTables;
    },
  },
  {
    name: 'the section view',
    open: async (page, lang) => {
      const water = new WaterPage(page);
      await page.goto(`/water?section=shitoukoumen${lang.replace('?', '&')}`);
      await expect(page.getByTestId('section-detail-shitoukoumen')).toBeVisible();
      await expect(water.dataTables.first()).toBeVisible();
      return water.dataTables;
    },
  },
  {
    name: 'the report card',
    open: async (page, lang) => {
      const year = new YearPage(page);
      await year.goto(lang);
      await expect(year.rivers).toBeVisible();
      return year.dataTables;
    },
  },
];

for (const { name, open } of PAGES) {
  for (const lang of ['', '?lang=en']) {
    test(`${name}${lang}: no name, unit or value breaks at 320 and 390 px, nothing scrolls sideways`, async ({ page }) => {
      await page.setViewportSize({ width: WIDTHS[0], height: 800 });
      const tables = await open(page, lang);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        const { broken, checked } = await brokenPieces(tables);
        expect(checked, 'pieces measured').toBeGreaterThan(10);
        expect(broken, `pieces broken over lines at ${width} px`).toEqual([]);
        await expectNoOverflow(page, tables);
        await expectStillTables(tables);
      }
      // The card layout (at 390 px, the last width) passes axe-core.
      await expectNoAxeViolations(page);
    });
  }
}
