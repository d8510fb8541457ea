import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { layoutCsv, tableLayout } from '../../engine';
import type { PublishedTable, ReleaseArea } from '../../engine';
import { TableBlock } from './table-block';
import { tableLabels } from './strings';

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

const areas: ReleaseArea[] = [
  { id: 'national', level: 'national', name: 'Cambodia', parent: null },
  { id: 'r1', level: 'region', name: 'Kampot, "west"', parent: 'national' },
  { id: 'd1', level: 'district', name: 'Chhuk', parent: 'r1' },
];

const mastery: PublishedTable = {
  id: 'mastery/passwords',
  kind: 'mastery',
  columns: ['5-7'],
  cells: [
    {
      area: 'national',
      level: 'national',
      column: '5-7',
      count: { shown: 'count', value: 25 },
      percent: { shown: 'percent', value: 40 },
    },
    {
      area: 'national',
      level: 'national',
      column: 'total',
      count: { shown: 'count', value: 25 },
      percent: { shown: 'below', value: 5 },
    },
    { area: 'r1', level: 'region', column: '5-7', count: { shown: 'c' } },
    { area: 'r1', level: 'region', column: 'total', count: { shown: 'c' } },
    { area: 'd1', level: 'district', column: '5-7', count: { shown: 'c' } },
  ],
};

const feedback: PublishedTable = {
  id: 'feedback',
  kind: 'feedback',
  columns: ['fun', 'scary'],
  cells: [
    { area: 'national', level: 'national', column: 'fun', count: { shown: 'count', value: 85 } },
    { area: 'national', level: 'national', column: 'scary', count: { shown: 'c' } },
  ],
};

/** RFC 4180 as layoutCsv writes it (no line ends inside these fields). */
const csvCells = (csv: string) =>
  csv
    .trimEnd()
    .split('\r\n')
    .map((line) =>
      [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) =>
        m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!,
      ),
    );

async function mount(table: PublishedTable, title: string) {
  root = document.createElement('div');
  document.body.append(root);
  await act(() => {
    render(
      <TableBlock
        term="2026-t1"
        table={table}
        areas={areas}
        labels={tableLabels()}
        title={title}
        description="What the bars show."
        column={(c) => c}
      />,
      root!,
    );
  });
  return root;
}

const cells = (table: HTMLTableElement) =>
  [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent));

describe('a table of the national dashboard', () => {
  it('shows the very cells of its CSV, with a caption and headers that have a scope', async () => {
    const el = await mount(mastery, 'Mastery: Passwords');
    const table = el.querySelector('table')!;
    const csv = layoutCsv(tableLayout(mastery, areas, tableLabels()));
    expect(cells(table)).toEqual(csvCells(csv));
    expect(table.querySelector('caption')!.textContent).toBe('Mastery: Passwords, term 2026-t1');
    expect(
      [...table.querySelectorAll<HTMLTableCellElement>('thead th')].every(
        (th) => th.scope === 'col',
      ),
    ).toBe(true);
    expect(
      [...table.querySelectorAll<HTMLTableCellElement>('tbody th')].every(
        (th) => th.scope === 'row',
      ),
    ).toBe(true);
    expect(cells(table)[0]).toContain('Ages 5–7: % mastered');
  });

  it('draws an accessible chart: a named image, hidden values striped and marked [c]', async () => {
    const el = await mount(mastery, 'Mastery: Passwords');
    const svg = el.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const [title, desc] = svg.getAttribute('aria-labelledby')!.split(' ');
    expect(el.querySelector(`#${title}`)!.textContent).toBe('Chart: Mastery: Passwords');
    expect(el.querySelector(`#${desc}`)!.textContent).toBe('What the bars show.');
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(['Cambodia', '<5%', 'Kampot, "west"', '[c]']);
    expect(svg.querySelectorAll('rect.bar')).toHaveLength(1);
    expect(svg.querySelectorAll('rect.bar-hidden')).toHaveLength(1);
  });

  it('links its CSV in the page language, as a download', async () => {
    const el = await mount(mastery, 'Mastery: Passwords');
    const link = el.querySelector<HTMLAnchorElement>('a.csv-link')!;
    expect(link.getAttribute('href')).toBe(
      '/api/nation/releases/2026-t1/csv?table=mastery%2Fpasswords&lang=en',
    );
    expect(link.hasAttribute('download')).toBe(true);
    expect(link.textContent).toBe('Download CSV: Mastery: Passwords');
  });

  it('turns a national-only table of one row a quarter: one line per column of the CSV', async () => {
    const el = await mount(feedback, "Children's feedback");
    const [header, row] = csvCells(layoutCsv(tableLayout(feedback, areas, tableLabels())));
    expect(cells(el.querySelector('table')!)).toEqual(header!.map((h, i) => [h, row![i]]));
  });
});
