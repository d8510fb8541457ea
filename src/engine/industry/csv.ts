// A CSV file from rows of text (RFC 4180), safe to open in a spreadsheet program.

/** What a cell may not start with: a spreadsheet would read it as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet will show as text: one starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading `'`, so that a company's answer like `=HYPERLINK(…)` is never
 * run as a formula on a coordinator's computer.
 */
export const guardCell = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

/** A field quoted when it holds a comma, a quote or a line break; quotes doubled (RFC 4180). */
const field = (cell: string): string =>
  /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;

/**
 * The rows as a CSV file: fields separated by commas, each record ended by CRLF (RFC 4180),
 * every cell guarded against formulas, with a UTF-8 byte order mark first so that spreadsheet
 * programs read Khmer (and every other non-Latin script) as UTF-8.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r) => r.map((c) => field(guardCell(c))).join(',') + '\r\n').join('')}`;
}
