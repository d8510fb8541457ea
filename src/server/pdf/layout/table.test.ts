// Tables read from a recording surface: columns, alignment, wrapping within a cell, bars, the
// heading row and page breaks between rows (never inside one).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../fonts';
import type { FontSet } from '../fonts';
import { loadHarfBuzz } from '../harfbuzz';
import type { Block, TableBlock } from '../model';
import { paint, RecordingSurface } from '../surface';
import type { RecordedOp } from '../surface';
import { TextEngine } from '../text';
import { layoutDocument, PAGE_SIZES } from '.';

let fonts: FontSet;
beforeAll(async () => {
  fonts = loadFonts(await loadHarfBuzz());
});

const record = (blocks: Block[]) => {
  const surface = new RecordingSurface();
  const model = { pageSize: 'a4' as const, lang: 'en', title: 'T', blocks };
  paint(layoutDocument(model, new TextEngine(fonts, 'en')), surface);
  return surface;
};
type Of<K extends RecordedOp['kind']> = Extract<RecordedOp, { kind: K }>;
const only = <K extends RecordedOp['kind']>(ops: RecordedOp[], kind: K) =>
  ops.filter((o): o is Of<K> => o.kind === kind);
const textAt = (ops: RecordedOp[], text: string) => only(ops, 'text').find((o) => o.text === text)!;

const LEFT = 50;
const WIDTH = PAGE_SIZES.a4.width - 100;

const table = (rows: TableBlock['rows'], more: Partial<TableBlock> = {}): TableBlock => ({
  type: 'table',
  columns: [
    { heading: 'Section', width: 3 },
    { heading: 'Share', width: 1, align: 'end' },
  ],
  rows,
  ...more,
});

describe('table blocks', () => {
  it('sets columns by their shares, aligns end columns right and the heading in bold', () => {
    const ops = record([table([['Governance', '15%']])]).pages[0]!.ops;
    const heading = textAt(ops, 'Section');
    expect(heading).toMatchObject({ x: expect.closeTo(LEFT + 10.5 * 0.45, 5) as number });
    expect(heading.fonts).toEqual(['latin-bold']);
    const share = textAt(ops, '15%');
    // The second column starts at 3/4 of the width; its text ends at its right padding.
    expect(share.x + share.width).toBeCloseTo(LEFT + WIDTH - 10.5 * 0.45, 5);
    expect(share.x).toBeGreaterThan(LEFT + (WIDTH * 3) / 4);
    expect(textAt(ops, 'Governance').fonts).toEqual(['latin-regular']);
    expect(textAt(ops, 'Governance').baseline).toBeGreaterThan(heading.baseline);
    // A dark rule under the heading row, a light one under the row, both across the table.
    const rules = only(ops, 'stroke');
    expect(rules.map((r) => [r.x1, r.x2, r.gray])).toEqual([
      [LEFT, LEFT + WIDTH, 0],
      [LEFT, LEFT + WIDTH, 0.55],
    ]);
  });

  it('wraps a long cell within its column and makes the row as tall as it', () => {
    const long = 'Child sexual abuse material: takedown, detection and reporting';
    const halves = [
      { heading: 'Section', width: 1 },
      { heading: 'Share', width: 1, align: 'end' as const },
    ];
    const rows = [
      [long, '20%'],
      ['Next', '5%'],
    ];
    const ops = record([table(rows, { columns: halves })]).pages[0]!.ops;
    const lines = only(ops, 'text').filter((t) => long.includes(t.text) && t.text !== '');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.x + l.width).toBeLessThanOrEqual(LEFT + WIDTH / 2);
    expect(textAt(ops, 'Next').baseline).toBeGreaterThan(lines.at(-1)!.baseline);
  });

  it('draws a bar of the given share beside its text, and no fill for zero', () => {
    const ops = record([
      table([
        ['A', { text: '50%', bar: 0.5 }],
        ['B', { text: '0%', bar: 0 }],
      ]),
    ]).pages[0]!.ops;
    const tracks = only(ops, 'box');
    const fills = only(ops, 'fill');
    expect(tracks).toHaveLength(2);
    expect(fills).toHaveLength(1);
    expect(fills[0]!.w).toBeCloseTo(tracks[0]!.w / 2, 5);
    expect(tracks[0]!.x + tracks[0]!.w).toBeLessThan(textAt(ops, '50%').x);
  });

  it('breaks a long table between rows, never inside one, and leaves no heading alone', () => {
    const rows = Array.from({ length: 60 }, (_, i) => [`Row ${i}\nsecond line`, `${i}`]);
    const s = record([{ type: 'heading', level: 1, text: 'Title' }, table(rows)]);
    expect(s.pages.length).toBeGreaterThan(1);
    // The heading row is on the same page as the first row, and on top of every later page.
    for (let p = 0; p < s.pages.length; p++) {
      const texts = s.texts(p);
      const heading = texts.findIndex((t) => t.text === 'Section');
      expect(heading).toBe(p === 0 ? 1 : 0);
      expect(texts[heading + 2]!.text).toMatch(/^Row /);
    }
    // Rows keep their order and all 60 are there, each once.
    const order = s.pages.flatMap((_, p) =>
      s
        .texts(p)
        .filter((t) => t.text.startsWith('Row '))
        .map((t) => Number(t.text.slice(4))),
    );
    expect(order).toEqual(rows.map((_, i) => i));
    // Every page's "second line" count equals its row count: no row split over pages.
    for (let p = 0; p < s.pages.length; p++) {
      const texts = s.texts(p).map((t) => t.text);
      expect(texts.filter((x) => x === 'second line').length).toBe(
        texts.filter((x) => x.startsWith('Row ')).length,
      );
    }
  });

  it('has no heading row when no column has a heading', () => {
    const ops = record([
      table([['Service', 'Mekong Chat']], { columns: [{ width: 1 }, { width: 2 }] }),
    ]).pages[0]!.ops;
    expect(only(ops, 'stroke')).toHaveLength(1);
    expect(only(ops, 'text').map((t) => t.text)).toEqual(['Service', 'Mekong Chat']);
  });
});
