import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from './fonts';
import type { FontSet } from './fonts';
import { loadHarfBuzz } from './harfbuzz';
import { KHMER_PARAGRAPH, KHMER_SAMPLES, THAI_SENTENCE } from './samples';
import { breakOpportunities, TextEngine } from './text';
import type { ShapedLine, TextStyle } from './text';
import { splitRuns } from './script';

let fonts: FontSet;
beforeAll(async () => {
  fonts = loadFonts(await loadHarfBuzz());
});

const covers = (script: Parameters<FontSet['covers']>[0], cp: number) => fonts.covers(script, cp);
const runsOf = (text: string) =>
  splitRuns(text, covers).map((r) => [r.script, text.slice(r.start, r.end)]);

/** Checks the lines are the text in order, split only at spaces or between characters. */
function expectLinesRebuildText(lines: ShapedLine[], text: string) {
  let pos = 0;
  for (const line of lines) {
    expect(line.text.length).toBeGreaterThan(0);
    expect(text.startsWith(line.text, pos)).toBe(true);
    pos += line.text.length;
    if (text[pos] === ' ') pos++;
  }
  expect(pos).toBe(text.length);
}

describe('script runs', () => {
  it('splits mixed Latin and Khmer, keeping the space with the Latin run', () => {
    expect(runsOf('Kite ខ្មែរ')).toEqual([
      ['latin', 'Kite '],
      ['khmer', 'ខ្មែរ'],
    ]);
  });

  it('keeps spaces and punctuation inside a Khmer run', () => {
    expect(runsOf(KHMER_SAMPLES[0])).toEqual([['khmer', KHMER_SAMPLES[0]]]);
    expect(runsOf('ចងចាំ។ 123')).toEqual([['khmer', 'ចងចាំ។ 123']]);
  });

  it('separates Thai, Myanmar and Latin', () => {
    expect(runsOf('A ภาษา မြန်မာ!')).toEqual([
      ['latin', 'A '],
      ['thai', 'ภาษา '],
      ['myanmar', 'မြန်မာ!'],
    ]);
  });

  it('gives leading punctuation to the script that follows it', () => {
    expect(runsOf('“ខ្មែរ”')).toEqual([['khmer', '“ខ្មែរ”']]);
    expect(runsOf('Hi “ខ្មែរ”')).toEqual([
      ['latin', 'Hi “'],
      ['khmer', 'ខ្មែរ”'],
    ]);
  });
});

describe('break opportunities', () => {
  it('breaks after spaces, not before punctuation', () => {
    const text = 'Hello, world ! again';
    const breaks = breakOpportunities(text, 'en');
    expect(breaks.map((i) => text.slice(i))).toEqual(['world ! again', 'again']);
  });

  it('breaks between Khmer words without spaces, never inside a cluster or before ។', () => {
    const text = 'សូមរក្សាពាក្យសម្ងាត់។';
    const breaks = breakOpportunities(text, 'km');
    expect(breaks.length).toBeGreaterThan(1);
    for (const b of breaks) {
      // A line never starts with a combining sign, coeng (U+17D2) or the khan.
      expect(text.slice(b)).toMatch(/^[\u1780-\u17B3]/u);
      expect(text[b - 1]).not.toBe('\u17D2');
    }
  });

  it('breaks after a zero-width space', () => {
    const text = 'ខ្មែរ\u200Bភាសា';
    expect(breakOpportunities(text, 'km')).toContain(6);
  });
});

describe('wrapping', () => {
  const body: TextStyle = { size: 12, weight: 'regular' };

  it('wraps a long Khmer paragraph into several lines that fit and lose nothing', () => {
    const engine = new TextEngine(fonts, 'km');
    const lines = engine.wrap(KHMER_PARAGRAPH, body, 300);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(300);
    expectLinesRebuildText(lines, KHMER_PARAGRAPH);
  });

  it('wraps Thai without spaces at word boundaries', () => {
    const engine = new TextEngine(fonts, 'th');
    const lines = engine.wrap(THAI_SENTENCE, body, 150);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(150);
    expectLinesRebuildText(lines, THAI_SENTENCE);
  });

  it('wraps English at spaces only', () => {
    const engine = new TextEngine(fonts, 'en');
    const text = 'A strong password is long, hard to guess and used for one account only.';
    const lines = engine.wrap(text, body, 160);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line.width).toBeLessThanOrEqual(160);
      expect(text.split(' ')).toEqual(expect.arrayContaining(line.text.split(' ')));
    }
    expectLinesRebuildText(lines, text);
  });

  it('breaks a word wider than the line between grapheme clusters', () => {
    const engine = new TextEngine(fonts, 'km');
    const word = 'ព្យូទ័រព្យូទ័រព្យូទ័រព្យូទ័រ';
    const lines = engine.wrap(word, body, 50);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((l) => l.text).join('')).toBe(word);
    for (const line of lines) {
      expect(line.width).toBeLessThanOrEqual(50);
      expect(line.text).not.toMatch(/^[\u17B6-\u17D3]/u);
    }
  });

  it('honours explicit line breaks and collapses runs of spaces', () => {
    const engine = new TextEngine(fonts, 'en');
    const lines = engine.wrap('one   two\nthree', body, 400);
    expect(lines.map((l) => l.text)).toEqual(['one two', 'three']);
  });

  it('gives Khmer lines more room than Latin lines', () => {
    const engine = new TextEngine(fonts, 'km');
    expect(engine.metrics(KHMER_SAMPLES[0], body).height).toBeGreaterThan(
      engine.metrics('Latin', body).height * 1.2,
    );
  });
});
