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

  it('lays matching out as two columns of dots to join, with the lines drawn in the key', () => {
    const answer: AnswerArea = {
      kind: 'matching',
      left: ['Cat', 'Dog'],
      right: ['Barks', 'Meows'],
      answers: [1, 0],
    };
    const child = record(doc([question(answer)]));
    const ops = child.pages[0]!.ops;
    const texts = child.texts(0);
    expect(texts.map((t) => t.text)).toEqual(['Question 1?', '1.', 'Cat', 'Barks', 'Dog', 'Meows']);
    // No letter boxes and no letters: a dot per item, nothing else to write in.
    expect(only(ops, 'box')).toHaveLength(0);
    const dots = only(ops, 'dot');
    expect(dots).toHaveLength(4);
    const [catDot, barksDot, dogDot, meowsDot] = dots as [
      Of<'dot'>,
      Of<'dot'>,
      Of<'dot'>,
      Of<'dot'>,
    ];
    for (const [text, dot] of [
      ['Cat', catDot],
      ['Dog', dogDot],
    ] as const) {
      const t = textAt(texts, text);
      expect(dot.x).toBeGreaterThan(t.x + t.width);
      // The dot sits on the middle of the item's lower-case letters.
      expect(dot.y).toBeCloseTo(t.baseline - 11.5 * 0.27, 1);
    }
    for (const [text, dot] of [
      ['Barks', barksDot],
      ['Meows', meowsDot],
    ] as const) {
      expect(dot.x).toBeLessThan(textAt(texts, text).x);
    }
    // Room to draw: the dots of the two columns are at least 80 pt (28 mm) apart.
    expect(barksDot.x - catDot.x).toBeGreaterThan(80);
    expect(only(ops, 'stroke').filter((l) => l.gray === 0)).toHaveLength(0);

    const key = record(doc([question(answer)], { showAnswers: true }));
    const lines = only(key.pages[0]!.ops, 'stroke').filter((l) => l.width > 1);
    expect(lines).toHaveLength(2);
    // Cat → Meows, Dog → Barks.
    expect(lines[0]).toMatchObject({ x1: catDot.x, y1: catDot.y, x2: meowsDot.x, y2: meowsDot.y });
    expect(lines[1]).toMatchObject({ x1: dogDot.x, y1: dogDot.y, x2: barksDot.x, y2: barksDot.y });
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

const svg = (w: number, h: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}"><rect width="${w}" height="${h}" fill="#888"/></svg>`;

describe('pictures', () => {
  it('puts a question’s picture under its prompt, whole and in proportion', () => {
    const block: Block = {
      type: 'question',
      number: 1,
      prompt: 'Look at the picture.',
      picture: { svg: svg(320, 200), alt: 'A park' },
      answer: { kind: 'lines', count: 1 },
    };
    for (const largeType of [false, true]) {
      const s = record(doc([block], { largeType }));
      const ops = s.pages[0]!.ops;
      const [pic] = only(ops, 'picture');
      const prompt = textAt(s.texts(0), 'Look at the picture.');
      expect(pic).toMatchObject({ x: prompt.x, alt: 'A park' });
      expect(pic!.w / pic!.h).toBeCloseTo(320 / 200, 5);
      expect(pic!.h).toBe(largeType ? 150 : 110);
      expect(pic!.y).toBeGreaterThan(prompt.baseline);
      // The answer's ruled line comes after the picture.
      const rule = only(ops, 'stroke')[0]!;
      expect(rule.y1).toBeGreaterThan(pic!.y + pic!.h);
    }
  });

  it('puts each option’s picture between its tick box and its label, all centred on the row', () => {
    const answer: AnswerArea = {
      kind: 'choices',
      options: [
        { label: 'Stop', picture: { svg: svg(200, 200), alt: 'A hand' }, correct: true },
        { label: 'Wait' },
        { label: 'Go', picture: { svg: svg(100, 200), alt: 'A door' } },
      ],
    };
    const s = record(doc([question(answer)], { largeType: true, showAnswers: true }));
    const ops = s.pages[0]!.ops;
    const boxes = only(ops, 'box');
    const pictures = only(ops, 'picture');
    expect(pictures.map((p) => p.alt)).toEqual(['A hand', 'A door']);
    expect(boxes).toHaveLength(3);
    const labels = ['Stop', 'Wait', 'Go'].map((t) => textAt(s.texts(0), t));
    // Labels line up, with or without a picture.
    expect(new Set(labels.map((l) => l.x)).size).toBe(1);
    const rows: [Of<'box'>, Of<'picture'>, Of<'text'>][] = [
      [boxes[0]!, pictures[0]!, labels[0]!],
      [boxes[2]!, pictures[1]!, labels[2]!],
    ];
    for (const [box, pic, label] of rows) {
      expect(box.x + box.w).toBeLessThan(pic.x);
      expect(pic.x + pic.w).toBeLessThan(label.x);
      expect(middle(box)).toBeCloseTo(pic.y + pic.h / 2, 5);
      expect(pic.h).toBeLessThanOrEqual(58);
    }
    // The narrow picture keeps its proportions.
    expect(pictures[1]!.w / pictures[1]!.h).toBeCloseTo(0.5, 5);
    // Rows do not overlap; the tick is in the first box.
    expect(pictures[1]!.y).toBeGreaterThan(pictures[0]!.y + pictures[0]!.h);
    expect(only(ops, 'tick')).toEqual([{ kind: 'tick', x: boxes[0]!.x, y: boxes[0]!.y, size: 16 }]);
  });

  it('shows pictures beside ordering items and matching items', () => {
    const pic = (alt: string) => ({ svg: svg(200, 200), alt });
    const ordering = record(
      doc([
        question({
          kind: 'ordering',
          items: ['Sleep', 'Brush'],
          pictures: [pic('Moon'), null],
          answers: [2, 1],
        }),
      ]),
    );
    const [moon] = only(ordering.pages[0]!.ops, 'picture');
    const [first, second] = only(ordering.pages[0]!.ops, 'box');
    expect(moon!.x).toBeGreaterThan(first!.x + first!.w);
    expect(moon!.x + moon!.w).toBeLessThan(textAt(ordering.texts(0), 'Sleep').x);
    expect(textAt(ordering.texts(0), 'Brush').x).toBe(textAt(ordering.texts(0), 'Sleep').x);
    expect(second!.y).toBeGreaterThan(moon!.y + moon!.h);

    const matching = record(
      doc([
        question({
          kind: 'matching',
          left: ['Card', 'Alone'],
          right: ['Sad', 'Good'],
          pictures: { left: [pic('A card'), pic('A child')], right: [pic('A tear'), null] },
        }),
      ]),
    );
    const ops = matching.pages[0]!.ops;
    const pictures = only(ops, 'picture');
    expect(pictures.map((p) => p.alt)).toEqual(['A card', 'A tear', 'A child']);
    const dots = only(ops, 'dot');
    // Each dot is level with its item's picture.
    expect(dots[0]!.y).toBeCloseTo(pictures[0]!.y + pictures[0]!.h / 2, 5);
    expect(dots[1]!.y).toBeCloseTo(pictures[1]!.y + pictures[1]!.h / 2, 5);
    expect(dots[1]!.x).toBeLessThan(pictures[1]!.x);
    expect(textAt(matching.texts(0), 'Good').x).toBe(textAt(matching.texts(0), 'Sad').x);
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

describe('no lone lines', () => {
  const page = (s: RecordingSurface, text: string) =>
    s.pages.findIndex((_, i) => s.texts(i).some((t) => t.text === text));

  it('never leaves the first line of a paragraph alone at a page’s foot, nor its last alone on the next', () => {
    // Filler paragraphs move a five-line paragraph down the page in steps smaller than a line,
    // so one of the layouts puts every possible break inside it.
    const long =
      'one two three four five six seven eight nine ten eleven twelve thirteen fourteen ' +
      'fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three ' +
      'twenty-four twenty-five twenty-six twenty-seven twenty-eight twenty-nine thirty ' +
      'thirty-one thirty-two thirty-three thirty-four thirty-five thirty-six thirty-seven ' +
      'thirty-eight thirty-nine forty forty-one forty-two forty-three forty-four forty-five';
    let splits = 0;
    for (let n = 20; n <= 40; n++) {
      for (let spacers = 0; spacers < 3; spacers++) {
        const blocks: Block[] = [];
        for (let i = 0; i < n; i++) blocks.push({ type: 'paragraph', text: `Filler ${i}` });
        for (let i = 0; i < spacers; i++) blocks.push({ type: 'spacer', size: 'small' });
        blocks.push({ type: 'paragraph', text: long });
        const s = record(doc(blocks, { footer: 'Footer', pageNumbers: true }));
        // The page of each line of the long paragraph.
        const lines = s.pages.flatMap((_, i) =>
          s
            .texts(i)
            .filter((t) => long.includes(t.text))
            .map(() => i),
        );
        expect(lines.length).toBeGreaterThanOrEqual(5);
        const counts = new Map<number, number>();
        for (const i of lines) counts.set(i, (counts.get(i) ?? 0) + 1);
        if (counts.size > 1) splits++;
        for (const c of counts.values()) expect(c).toBeGreaterThanOrEqual(2);
      }
    }
    // Some layouts did split the paragraph (in pairs), so the rule was exercised.
    expect(splits).toBeGreaterThan(0);
  });

  it('keeps a heading with the first two lines of the paragraph after it', () => {
    const body = 'word '.repeat(60).trim();
    for (let n = 30; n <= 42; n++) {
      const blocks: Block[] = [];
      for (let i = 0; i < n; i++) blocks.push({ type: 'paragraph', text: `Filler ${i}` });
      blocks.push({ type: 'heading', level: 2, text: 'The heading' });
      blocks.push({ type: 'paragraph', text: body });
      const s = record(doc(blocks));
      const at = page(s, 'The heading');
      const bodyLines = s.texts(at).filter((t) => t.text.startsWith('word'));
      expect(bodyLines.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps a question’s prompt with the start of its answer when the question must break', () => {
    // A question taller than a page cannot move whole; its prompt still never ends a page.
    const options = Array.from({ length: 60 }, (_, i) => ({ label: `Option ${i}` }));
    for (let n = 28; n <= 40; n++) {
      const blocks: Block[] = [];
      for (let i = 0; i < n; i++) blocks.push({ type: 'paragraph', text: `Filler ${i}` });
      blocks.push(question({ kind: 'choices', options }));
      const s = record(doc(blocks));
      expect(page(s, 'Question 1?')).toBe(page(s, 'Option 0'));
    }
  });
});
