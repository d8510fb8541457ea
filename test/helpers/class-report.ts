// The class report in the browser and as CSV, as cells, so a test can compare them.
import type { Page } from 'playwright-core';

/** The server's CSV as cells: quoted fields, `""` for a quote, CRLF lines. */
export const parseCsv = (csv: string) =>
  csv
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));

/** The page's report table as the values it shows: the time's `datetime`, a star cell's "n/3". */
export const screenTable = (page: Page) =>
  page.locator('table.report-table').evaluate((table) => {
    const cell = (c: Element) =>
      c.querySelector('time')?.getAttribute('datetime') ??
      c.querySelector('.stars-n')?.textContent ??
      (c.textContent === '–' ? '' : (c.textContent ?? ''));
    return [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map(cell));
  });
