// The layout's drawing operations, read in-process from a recording surface (no PDF reader):
// text runs and where they sit, page breaks, footers and every kind of answer area. The PDF
// itself is checked with poppler in renderer.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../fonts';
import type { FontSet } from '../fonts';
import { loadHarfBuzz } from '../harfbuzz';
import type { AnswerArea, Block, PdfDocumentModel } from '../model';
import { englishWorksheet, KHMER_PARAGRAPH, khmerWorksheet } from '../samples';
import { paint, RecordingSurface } from '../surface';
import type { RecordedOp } from '../surface';
import { TextEngine } from '../text';
import { layoutDocument, PAGE_SIZES } from '.';

let fonts: FontSet;
beforeAll(async () => {
  fonts = loadFonts(await loadHarfBuzz());
});

function record(model: PdfDocumentModel): RecordingSurface {
  const surface = new RecordingSurface();
  paint(layoutDocument(model, new TextEngine(fonts, model.lang)), surface);
  return surface;
}

const doc = (blocks: Block[], more: Partial<PdfDocumentModel> = {}): PdfDocumentModel => ({
  pageSize: 'a4',
  lang: 'en',
  title: 'Test',
  blocks,
  ...more,
});

const question = (answer: AnswerArea, number: number | string = 1): Block => ({
  type: 'question',
  number,
  prompt: `Question ${number}?`,
  answer,
});

type Of<K extends RecordedOp['kind']> = Extract<RecordedOp, { kind: K }>;
const only = <K extends RecordedOp['kind']>(ops: RecordedOp[], kind: K) =>
  ops.filter((o): o is Of<K> => o.kind === kind);
const textAt = (ops: RecordedOp[], text: string) => {
  const found = only(ops, 'text').find((o) => o.text === text);
  if (!found) throw new Error(`no text run "${text}"`);
  return found;
};
/** Centre of a box, to compare with the middle of lower-case letters on a baseline. */
const middle = (b: Of<'box'>) => b.y + b.h / 2;

const A4 = PAGE_SIZES.a4;
const CONTENT_WIDTH = A4.width - 100;

describe('text runs', () => {
  it('draws headings, paragraphs and name lines in order, in their fonts and sizes', () => {
    const s = record(
      doc([
        { type: 'heading', level: 1, text: 'A title' },
        { type: 'paragraph', text: 'Some words.' },
        { type: 'nameLine', labels: ['Name:', 'Date:'] },
      ]),
    );
    expect(s.pages).toHaveLength(1);
    expect(s.pages[0]).toMatchObject({ width: A4.width, height: A4.height });
    const texts = s.texts(0);
    expect(texts.map((t) => t.text)).toEqual(['A title', 'Some words.', 'Name:', 'Date:']);
    const [title, words, name, date] = texts as [Of<'text'>, Of<'text'>, Of<'text'>, Of<'text'>];
    expect(title).toMatchObject({ x: 50, size: 20, fonts: ['latin-bold'] });
    expect(words).toMatchObject({ x: 50, size: 11.5, fonts: ['latin-regular'] });
    expect(title.baseline).toBeLessThan(words.baseline);
    expect(words.baseline).toBeLessThan(name.baseline);
    // Two fields side by side, each with a line to write on after its label.
    expect(name.x).toBe(50);
    expect(date.x).toBeCloseTo(50 + CONTENT_WIDTH / 2, 5);
    expect(date.baseline).toBe(name.baseline);
    const lines = only(s.pages[0]!.ops, 'stroke');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.x1).toBeGreaterThan(name.x + name.width);
    expect(lines[0]!.x2).toBeLessThan(date.x);
    expect(lines[1]!.x1).toBeGreaterThan(date.x + date.width);
    expect(lines[1]!.x2).toBeCloseTo(50 + CONTENT_WIDTH, 5);
  });

  it('numbers lists and sets each label on its item’s first baseline', () => {
    const s = record(doc([{ type: 'list', ordered: true, items: ['First thing', 'Second'] }]));
    const texts = s.texts(0);
    expect(texts.map((t) => t.text)).toEqual(['First thing', '1.', 'Second', '2.']);
    expect(textAt(texts, '1.').baseline).toBe(textAt(texts, 'First thing').baseline);
    expect(textAt(texts, '1.').x).toBe(50);
    expect(textAt(texts, 'First thing').x).toBeGreaterThan(50 + textAt(texts, '1.').width);
  });

  it('keeps every line inside the margins, in both sizes and both scripts', () => {
    for (const model of [
      khmerWorksheet(),
      khmerWorksheet({ largeType: true, pageSize: 'letter' }),
      englishWorksheet({ showAnswers: true }),
      englishWorksheet({ largeType: true }),
    ]) {
      const size = PAGE_SIZES[model.pageSize];
      for (const page of record(model).pages) {
        expect(page.width).toBe(size.width);
        for (const op of only(page.ops, 'text')) {
          expect(op.x).toBeGreaterThanOrEqual(49.9);
          expect(op.x + op.width).toBeLessThanOrEqual(size.width - 49.9);
          expect(op.baseline).toBeGreaterThan(40);
          expect(op.baseline).toBeLessThan(size.height - 30);
        }
      }
    }
  });

  it('wraps the long Khmer paragraph over several lines in the Khmer font', () => {
    const lines = record(khmerWorksheet())
      .pages.flatMap((p) => only(p.ops, 'text'))
      .filter((op) => KHMER_PARAGRAPH.includes(op.text));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const squash = (t: string) => t.replace(/\s+/g, '');
    expect(squash(lines.map((l) => l.text).join(''))).toBe(squash(KHMER_PARAGRAPH));
    for (const l of lines) expect(l.fonts).toContain('khmer-regular');
  });

  it('uses the large theme for young children', () => {
    const s = record(
      doc([{ type: 'paragraph', text: 'Big words.' }, question({ kind: 'drawing' })], {
        largeType: true,
      }),
    );
    expect(textAt(s.texts(0), 'Big words.').size).toBe(17);
    expect(only(s.pages[0]!.ops, 'box')[0]!.h).toBe(220);
  });
});

describe('answer areas', () => {
  it('rules lines for a written answer and writes the sample answer only in the key', () => {
    const answer: AnswerArea = { kind: 'lines', count: 3, sampleAnswer: 'Keep it secret.' };
    const child = record(doc([question(answer)]));
    const rules = only(child.pages[0]!.ops, 'stroke');
    expect(rules).toHaveLength(3);
    expect(rules[1]!.y1 - rules[0]!.y1).toBeCloseTo(26, 5);
    expect(rules[2]!.y1 - rules[1]!.y1).toBeCloseTo(26, 5);
    for (const r of rules) expect(r).toMatchObject({ gray: 0.55, x2: 50 + CONTENT_WIDTH });
    expect(child.texts(0).map((t) => t.text)).toEqual(['Question 1?', '1.']);

    const key = record(doc([question(answer)], { showAnswers: true }));
    const written = textAt(key.texts(0), 'Keep it secret.');
    const firstRule = only(key.pages[0]!.ops, 'stroke')[0]!;
    expect(written.baseline).toBeLessThan(firstRule.y1);
    expect(firstRule.y1 - written.baseline).toBeLessThan(10);
  });

  it('draws one tick box per option, beside it, and ticks the right one in the key', () => {
    const answer: AnswerArea = {
      kind: 'choices',
      options: [{ label: 'Yes' }, { label: 'No', correct: true }, { label: 'Maybe' }],
    };
    const child = record(doc([question(answer)]));
    const boxes = only(child.pages[0]!.ops, 'box');
    expect(boxes).toHaveLength(3);
    expect(only(child.pages[0]!.ops, 'tick')).toHaveLength(0);
    boxes.forEach((box, i) => {
      const label = textAt(child.texts(0), ['Yes', 'No', 'Maybe'][i]!);
      expect(box).toMatchObject({ w: 11, h: 11, gray: 0 });
      expect(box.x + box.w).toBeLessThan(label.x);
      // The box's centre sits at the middle of the label's lower-case letters.
      expect(middle(box)).toBeCloseTo(label.baseline - 11.5 * 0.27, 1);
    });

    const key = record(doc([question(answer)], { showAnswers: true }));
    const ticks = only(key.pages[0]!.ops, 'tick');
    const keyBoxes = only(key.pages[0]!.ops, 'box');
    expect(ticks).toHaveLength(1);
    expect(ticks[0]).toMatchObject({ x: keyBoxes[1]!.x, y: keyBoxes[1]!.y, size: 11 });
  });

  it('puts a letter box per left item in matching, with the right letters in the key', () => {
    const answer: AnswerArea = {
      kind: 'matching',
      left: ['Cat', 'Dog'],
      right: ['Barks', 'Meows'],
      answers: [1, 0],
    };
    const child = record(doc([question(answer)]));
    const texts = child.texts(0).map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['1.', 'Cat', '2.', 'Dog', 'A.', 'Barks']));
    const boxes = only(child.pages[0]!.ops, 'box');
    expect(boxes).toHaveLength(2);
    // The boxes close the left column, before the right column's letters.
    for (const b of boxes) expect(b.x + b.w).toBeLessThan(textAt(child.texts(0), 'A.').x);
    expect(texts).not.toContain('B');

    const key = record(doc([question(answer)], { showAnswers: true }));
    const keyBoxes = only(key.pages[0]!.ops, 'box');
    const letters = ['B', 'A'].map((l) => textAt(key.texts(0), l));
    letters.forEach((letter, i) => {
      const box = keyBoxes[i]!;
      expect(letter.x).toBeGreaterThan(box.x);
      expect(letter.x + letter.width).toBeLessThan(box.x + box.w);
      expect(letter.baseline).toBeGreaterThan(box.y);
      expect(letter.baseline).toBeLessThan(box.y + box.h);
      expect(letter.fonts).toEqual(['latin-bold']);
    });
  });

  it('draws a position box per item in ordering, numbered in the key', () => {
    const answer: AnswerArea = { kind: 'ordering', items: ['Last', 'First'], answers: [2, 1] };
    const key = record(doc([question(answer)], { showAnswers: true }));
    const boxes = only(key.pages[0]!.ops, 'box');
    expect(boxes).toHaveLength(2);
    expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y + boxes[0]!.h);
    ['2', '1'].forEach((n, i) => {
      const mark = textAt(key.texts(0), n);
      expect(mark.x).toBeGreaterThan(boxes[i]!.x);
      expect(mark.baseline).toBeLessThan(boxes[i]!.y + boxes[i]!.h);
    });
    const child = record(doc([question(answer)]));
    expect(child.texts(0).map((t) => t.text)).toEqual(['Question 1?', '1.', 'Last', 'First']);
  });

  it('frames a drawing area of the asked size across the answer column', () => {
    const s = record(doc([question({ kind: 'drawing', size: 'large' })]));
    const [box] = only(s.pages[0]!.ops, 'box');
    expect(box).toMatchObject({ h: 280 });
    expect(box!.x + box!.w).toBeCloseTo(50 + CONTENT_WIDTH, 5);
    expect(box!.y).toBeGreaterThan(textAt(s.texts(0), 'Question 1?').baseline);
  });
});

describe('pages', () => {
  it('breaks pages between questions, never inside one, and numbers every page', () => {
    const blocks = Array.from({ length: 14 }, (_, i) =>
      question({ kind: 'choices', options: [{ label: `a${i}` }, { label: `b${i}` }] }, i + 1),
    );
    const s = record(doc(blocks, { footer: 'Ask an adult for help.', pageNumbers: true }));
    expect(s.pages.length).toBeGreaterThanOrEqual(2);
    const pageOf = (text: string) =>
      s.pages.findIndex((p, i) => s.texts(i).some((t) => t.text === text));
    for (let i = 0; i < 14; i++) {
      const page = pageOf(`Question ${i + 1}?`);
      expect(page).toBe(pageOf(`a${i}`));
      expect(page).toBe(pageOf(`b${i}`));
    }
    const total = s.pages.length;
    s.pages.forEach((page, i) => {
      const texts = s.texts(i);
      const footer = textAt(texts, 'Ask an adult for help.');
      const number = textAt(texts, `${i + 1} / ${total}`);
      expect(number.baseline).toBe(footer.baseline);
      expect(number.x + number.width).toBeCloseTo(50 + CONTENT_WIDTH, 5);
      // The body ends above the footer's rule.
      const rule = only(page.ops, 'stroke').at(-1)!;
      expect(rule.y1).toBeLessThan(footer.baseline);
      for (const op of only(page.ops, 'box')) expect(op.y + op.h).toBeLessThan(rule.y1);
    });
  });

  it('never leaves a heading alone at the foot of a page', () => {
    // One-line paragraphs and small spacers move the heading down the page in small steps,
    // so some layouts put it just above the foot of page 1.
    for (let n = 24; n <= 34; n++) {
      for (let spacers = 0; spacers < 4; spacers++) {
        const blocks: Block[] = [];
        for (let i = 0; i < n; i++) blocks.push({ type: 'paragraph', text: `Line ${i}` });
        for (let i = 0; i < spacers; i++) blocks.push({ type: 'spacer', size: 'small' });
        blocks.push({ type: 'heading', level: 2, text: 'The heading' });
        blocks.push({ type: 'paragraph', text: 'What follows the heading.' });
        const s = record(englishWorksheet({ blocks }));
        const pageOf = (text: string) =>
          s.pages.findIndex((_, i) => s.texts(i).some((t) => t.text === text));
        expect(pageOf('The heading')).toBeGreaterThanOrEqual(0);
        expect(pageOf('The heading')).toBe(pageOf('What follows the heading.'));
      }
    }
  });
});
