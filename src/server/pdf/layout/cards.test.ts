// The card grid's drawing operations, read from a recording surface (no PDF reader): cards in
// columns and rows with dashed cut lines, rows that fill a page and never break, titles set
// smaller to fit, labels beside their text, numbered pictures in order.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../fonts';
import type { FontSet } from '../fonts';
import { loadHarfBuzz } from '../harfbuzz';
import type { Card, CardPart, PdfDocumentModel, Picture } from '../model';
import { paint, RecordingSurface } from '../surface';
import type { RecordedOp } from '../surface';
import { TextEngine } from '../text';
import { CUT_DASH } from './cards';
import { layoutDocument, PAGE_SIZES } from '.';
import { MARGIN } from './theme';

let fonts: FontSet;
beforeAll(async () => {
  fonts = loadFonts(await loadHarfBuzz());
});

function record(model: PdfDocumentModel): RecordingSurface {
  const surface = new RecordingSurface();
  paint(layoutDocument(model, new TextEngine(fonts, model.lang)), surface);
  return surface;
}

const grid = (cards: Card[], columns = 2): PdfDocumentModel => ({
  pageSize: 'a4',
  lang: 'en',
  title: 'Cards',
  blocks: [{ type: 'cards', columns, cards }],
});

const square = (alt: string): Picture => ({
  svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>',
  alt,
});

type Of<K extends RecordedOp['kind']> = Extract<RecordedOp, { kind: K }>;
const only = <K extends RecordedOp['kind']>(ops: RecordedOp[], kind: K) =>
  ops.filter((o): o is Of<K> => o.kind === kind);
const textAt = (ops: RecordedOp[], text: string) => {
  const found = only(ops, 'text').find((o) => o.text === text);
  if (!found) throw new Error(`no text run "${text}"`);
  return found;
};

const A4 = PAGE_SIZES.a4;
const LEFT = MARGIN.side;
const WIDTH = A4.width - 2 * MARGIN.side;
const BODY_BOTTOM = A4.height - MARGIN.bottom;
const BODY_HEIGHT = BODY_BOTTOM - MARGIN.top;

const numbered = (n: number, extra: CardPart[] = []): Card[] =>
  Array.from({ length: n }, (_, i) => ({
    parts: [{ kind: 'title', text: `Card ${i + 1}` }, ...extra],
  }));

describe('card grid', () => {
  it('lays cards out in columns and equal rows that fill each page, with dashed cut lines', () => {
    const s = record(grid(numbered(45, [{ kind: 'text', text: 'some words' }])));
    const cardWidth = WIDTH / 2;
    const perPage: number[] = [];
    let seen = 0;
    s.pages.forEach((page, p) => {
      const cuts = only(page.ops, 'stroke');
      expect(cuts.length).toBeGreaterThan(0);
      for (const c of cuts) expect(c.dash).toBe(CUT_DASH);
      // Horizontal cut lines: the page's row edges, evenly spaced from the top of the body.
      const ys = [...new Set(cuts.filter((c) => c.y1 === c.y2).map((c) => c.y1))].sort(
        (a, b) => a - b,
      );
      expect(ys[0]).toBeCloseTo(MARGIN.top, 5);
      const row = ys[1]! - ys[0]!;
      ys.forEach((y, i) => expect(y).toBeCloseTo(MARGIN.top + i * row, 5));
      expect(ys[ys.length - 1]!).toBeLessThanOrEqual(BODY_BOTTOM);
      // Rows are stretched so that a whole number of them fills the body.
      const rows = Math.round(BODY_HEIGHT / row);
      expect(rows * row).toBeLessThanOrEqual(BODY_HEIGHT);
      expect(rows * row).toBeGreaterThan(BODY_HEIGHT - 1);
      const titles = s.texts(p).filter((t) => t.text.startsWith('Card '));
      perPage.push(titles.length);
      titles.forEach((t, i) => {
        const n = seen + i;
        expect(t.text).toBe(`Card ${n + 1}`);
        // Each card inside its own cell: its column, and between its row's cut lines.
        const column = n % 2;
        const cell = (i - column) / 2;
        expect(t.x).toBeGreaterThan(LEFT + column * cardWidth);
        expect(t.x + t.width).toBeLessThan(LEFT + (column + 1) * cardWidth);
        expect(t.baseline).toBeGreaterThan(ys[cell]!);
        expect(t.baseline).toBeLessThan(ys[cell + 1]!);
      });
      seen += titles.length;
    });
    expect(seen).toBe(45);
    // Every page but the last is full; a row never breaks over pages.
    const full = perPage[0]!;
    expect(full % 2).toBe(0);
    expect(perPage.slice(0, -1).every((n) => n === full)).toBe(true);
    expect(s.pages.length).toBeGreaterThan(1);
    expect(s.pages).toHaveLength(Math.ceil(45 / full));
    // The last card is alone in its row: cut lines at its two sides only.
    expect((45 % full) % 2).toBe(1);
    const last = s.pages[s.pages.length - 1]!;
    const verticals = only(last.ops, 'stroke').filter((c) => c.x1 === c.x2);
    const lastTop = Math.max(...verticals.map((c) => Math.min(c.y1, c.y2)));
    const sides = verticals.filter((c) => Math.min(c.y1, c.y2) === lastTop).map((c) => c.x1);
    expect(sides).toEqual([LEFT, LEFT + cardWidth]);
  });

  it('makes rows as tall as the tallest card, so taller cards give fewer per page', () => {
    const short = record(grid(numbered(12)));
    const tallPart: CardPart = { kind: 'text', text: 'line\nline\nline\nline\nline\nline' };
    const cards = numbered(12);
    cards[5] = { parts: [...cards[5]!.parts, tallPart, tallPart, tallPart, tallPart] };
    const tall = record(grid(cards));
    const onFirst = (s: RecordingSurface) =>
      s.texts(0).filter((t) => t.text.startsWith('Card ')).length;
    expect(onFirst(tall)).toBeLessThan(onFirst(short));
    // Nothing of the tall card spills out of its row.
    const page = tall.pages.findIndex((p) => only(p.ops, 'text').some((t) => t.text === 'Card 6'));
    const ops = tall.pages[page]!.ops;
    const ys = only(ops, 'stroke')
      .filter((c) => c.y1 === c.y2)
      .map((c) => c.y1);
    for (const t of only(ops, 'text')) {
      expect(t.baseline).toBeGreaterThan(Math.min(...ys));
      expect(t.baseline).toBeLessThan(Math.max(...ys));
    }
  });

  it('sets a title too wide for the card smaller, down to 60 %, then wraps it', () => {
    const s = record(
      grid([
        { parts: [{ kind: 'title', text: 'Ada', picture: square('fox') }] },
        { parts: [{ kind: 'title', text: 'Maximiliana-Rosalind', picture: square('owl') }] },
        { parts: [{ kind: 'title', text: 'Wolfeschlegelsteinhausen Bergerdorff-Smith' }] },
      ]),
    );
    const ada = textAt(s.pages[0]!.ops, 'Ada');
    expect(ada.size).toBe(20);
    const long = textAt(s.pages[0]!.ops, 'Maximiliana-Rosalind');
    expect(long.size).toBeLessThan(20);
    expect(long.size).toBeGreaterThanOrEqual(12);
    // The second card: the right-hand column.
    expect(long.x).toBeGreaterThan(LEFT + WIDTH / 2);
    expect(long.x + long.width).toBeLessThanOrEqual(LEFT + WIDTH);
    // The picture sits before the title, vertically centred on it.
    const pic = only(s.pages[0]!.ops, 'picture').find((p) => p.alt === 'owl')!;
    expect(pic.x + pic.w).toBeLessThan(long.x);
    const third = s.texts(0).filter((t) => t.size === 12);
    expect(third.length).toBeGreaterThan(1);
    expect(third.map((t) => t.text).join(' ')).toBe('Wolfeschlegelsteinhausen Bergerdorff-Smith');
  });

  it('puts a label on the baseline of its text, and numbered pictures in order', () => {
    const s = record(
      grid([
        {
          parts: [
            { kind: 'text', label: 'Class code', text: 'K7M 4QX', size: 'large' },
            {
              kind: 'pictures',
              items: [
                { picture: square('A'), label: '1', caption: 'Cat' },
                { picture: square('B'), label: '2', caption: 'Octopus' },
                { picture: square('C'), label: '3', caption: 'A name far too long to fit' },
              ],
            },
          ],
        },
      ]),
    );
    const ops = s.pages[0]!.ops;
    const label = textAt(ops, 'Class code');
    const code = textAt(ops, 'K7M 4QX');
    expect(code.baseline).toBe(label.baseline);
    expect(label.x + label.width).toBeLessThan(code.x);
    expect(label.size).toBeLessThan(code.size);
    const pics = only(ops, 'picture');
    expect(pics.map((p) => p.alt)).toEqual(['A', 'B', 'C']);
    expect(pics[0]!.x).toBeLessThan(pics[1]!.x);
    expect(pics[1]!.x).toBeLessThan(pics[2]!.x);
    for (const [i, pic] of pics.entries()) {
      const n = textAt(ops, String(i + 1));
      expect(n.baseline).toBeGreaterThan(pic.y + pic.h);
      expect(n.x).toBeGreaterThan(pic.x - pic.w);
      expect(n.x + n.width).toBeLessThan(pic.x + 2 * pic.w);
    }
    // A short caption beside its number; one that does not fit goes under it.
    const one = textAt(ops, '1');
    const cat = textAt(ops, 'Cat');
    expect(cat.baseline).toBe(one.baseline);
    expect(cat.x).toBeGreaterThan(one.x + one.width);
    const three = textAt(ops, '3');
    const captions = only(ops, 'text').filter((t) => t.baseline > three.baseline);
    expect(captions.map((t) => t.text).join(' ')).toBe('A name far too long to fit');
  });
});
