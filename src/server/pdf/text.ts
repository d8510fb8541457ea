// Shaping and line breaking. Text is split into runs by script (one font per run), each run is
// shaped by HarfBuzz, and paragraphs are broken into lines greedily at break opportunities:
// after spaces and zero-width spaces, after a hyphen between letters, and between dictionary
// words of Khmer, Thai and Myanmar (which are written without spaces) as found by ICU's word
// segmenter. A word wider than the line is broken between grapheme clusters, so nothing is
// ever cut off and no cluster (a Khmer consonant with its subscripts and vowels) is split.

import type { FontSet, FontWeight, LoadedFont } from './fonts';
import type { ShapedGlyph } from './harfbuzz';
import { classify, HB_SCRIPT_TAG, isSpacelessScript, splitRuns } from './script';
import type { FontScript } from './script';

export interface TextStyle {
  /** Font size in points. */
  size: number;
  weight: FontWeight;
}

export interface ShapedRun {
  font: LoadedFont;
  /** The run's text; glyph clusters are UTF-16 offsets into it. */
  text: string;
  glyphs: ShapedGlyph[];
  /** Advance width in points. */
  width: number;
}

export interface ShapedLine {
  /** The logical text of the line, as it should extract from the PDF. */
  text: string;
  size: number;
  runs: ShapedRun[];
  /** Advance width in points. */
  width: number;
}

export interface LineMetrics {
  /** Distance from the top of the line box to the baseline, in points. */
  baseline: number;
  /** Height of the line box (baseline-to-baseline distance in a paragraph), in points. */
  height: number;
}

/** Extra space between lines, in em, on top of the scripts' ascent and descent. */
const LINE_GAP_EM = 0.2;

const ZWSP = 0x200b;

// Characters a line must not start with (closing punctuation, Khmer/Thai/Myanmar marks of
// punctuation and repetition) and must not end with (opening brackets and quotes).
const NO_BREAK_BEFORE = new Set(
  [...')]},.:;!?%”’»…\u200b។៕៖ៗ៘៙៚ฯๆ๚๛။၊'].map((c) => c.codePointAt(0)!),
);
const NO_BREAK_AFTER = new Set([...'([{“‘«'].map((c) => c.codePointAt(0)!));

const segmenters = new Map<string, { word: Intl.Segmenter; grapheme: Intl.Segmenter }>();
function segmentersFor(lang: string): { word: Intl.Segmenter; grapheme: Intl.Segmenter } {
  let s = segmenters.get(lang);
  if (!s) {
    const locale = supportedLocale(lang);
    s = {
      word: new Intl.Segmenter(locale, { granularity: 'word' }),
      grapheme: new Intl.Segmenter(locale, { granularity: 'grapheme' }),
    };
    segmenters.set(lang, s);
  }
  return s;
}

/** `lang` if Intl accepts it as a locale, otherwise undefined (the runtime's default). */
export function supportedLocale(lang: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(lang)[0];
  } catch {
    return undefined;
  }
}

function isSpace(cp: number | undefined): boolean {
  return cp === 0x20 || cp === 0x09;
}

function isLetter(cp: number | undefined): boolean {
  return cp !== undefined && /\p{L}|\p{M}/u.test(String.fromCodePoint(cp));
}

function codePointBefore(text: string, index: number): number | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) return text.codePointAt(index - 2);
  return low;
}

/**
 * Offsets (UTF-16, strictly between 0 and text.length) where a line may start. `text` must
 * have its whitespace collapsed already.
 */
export function breakOpportunities(text: string, lang: string): number[] {
  const found = new Set<number>();
  const consider = (i: number): void => {
    if (i <= 0 || i >= text.length) return;
    const before = codePointBefore(text, i);
    const after = text.codePointAt(i);
    if (after === undefined || before === undefined) return;
    if (NO_BREAK_BEFORE.has(after) || isSpace(after)) return;
    if (NO_BREAK_AFTER.has(before)) return;
    if (isSpace(before) || before === ZWSP) {
      found.add(i);
      return;
    }
    if ((before === 0x2d || before === 0x2010) && isLetter(after)) {
      const beforeHyphen = codePointBefore(text, i - 1);
      if (isLetter(beforeHyphen)) found.add(i);
      return;
    }
    if (isSpacelessScript(classify(before)) && isSpacelessScript(classify(after))) found.add(i);
  };
  // Spaces, zero-width spaces and hyphens.
  for (let i = 1; i < text.length; i++) {
    const prev = text.charCodeAt(i - 1);
    if (prev === 0x20 || prev === 0x09 || prev === ZWSP || prev === 0x2d || prev === 0x2010) {
      consider(i);
    }
  }
  // Dictionary word boundaries, which only matter inside runs of spaceless scripts.
  let hasSpaceless = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x1000 && c <= 0x19ff) {
      hasSpaceless = true;
      break;
    }
    if (c >= 0x0e00 && c <= 0x0e7f) {
      hasSpaceless = true;
      break;
    }
  }
  if (hasSpaceless) {
    for (const seg of segmentersFor(lang).word.segment(text)) consider(seg.index);
  }
  return [...found].sort((a, b) => a - b);
}

/** Collapses runs of spaces and tabs to one space and trims the ends. */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \t\r\f\v]+/g, ' ').trim();
}

function trimLineEnd(text: string): string {
  return text.replace(/[ \t\u200b]+$/u, '');
}

/**
 * Shapes, measures and wraps text with a font set. Keeps a cache of measured widths, so
 * create one per document rendering.
 */
export class TextEngine {
  private readonly widths = new Map<string, number>();
  private readonly covers: (script: FontScript, cp: number) => boolean;

  constructor(
    private readonly fonts: FontSet,
    private readonly lang: string,
  ) {
    this.covers = (script, cp) => fonts.covers(script, cp);
  }

  /** Shapes one line of text (no wrapping). */
  shapeLine(text: string, style: TextStyle): ShapedLine {
    const runs: ShapedRun[] = [];
    let width = 0;
    for (const run of splitRuns(text, this.covers)) {
      const font = this.fonts.get(run.script, style.weight);
      const runText = text.slice(run.start, run.end);
      const glyphs = font.hb.shape(runText, {
        script: HB_SCRIPT_TAG[run.script],
        language: this.lang,
      });
      let advance = 0;
      for (const g of glyphs) advance += g.xAdvance;
      const runWidth = (advance / font.hb.unitsPerEm) * style.size;
      runs.push({ font, text: runText, glyphs, width: runWidth });
      width += runWidth;
    }
    return { text, size: style.size, runs, width };
  }

  /** Advance width of `text` on one line, in points. */
  measure(text: string, style: TextStyle): number {
    const key = `${style.weight}\u0000${text}`;
    let em = this.widths.get(key);
    if (em === undefined) {
      em = this.shapeLine(text, { size: 1, weight: style.weight }).width;
      this.widths.set(key, em);
    }
    return em * style.size;
  }

  /** Line box metrics for text in this style, from the scripts it uses. */
  metrics(text: string, style: TextStyle): LineMetrics {
    let ascent = 0;
    let descent = 0;
    const seen = new Set<FontScript>(['latin']);
    for (const run of splitRuns(text, this.covers)) seen.add(run.script);
    for (const script of seen) {
      const spec = this.fonts.get(script, style.weight).spec;
      ascent = Math.max(ascent, spec.ascent);
      descent = Math.max(descent, spec.descent);
    }
    const gap = LINE_GAP_EM * style.size;
    return {
      baseline: gap / 2 + ascent * style.size,
      height: (ascent + descent) * style.size + gap,
    };
  }

  /**
   * Breaks `text` into shaped lines no wider than `maxWidth` points. `\n` forces a break;
   * an empty line in the input gives an empty line in the output.
   */
  wrap(text: string, style: TextStyle, maxWidth: number): ShapedLine[] {
    const lines: ShapedLine[] = [];
    for (const hardLine of text.split('\n')) {
      const t = collapseSpaces(hardLine);
      if (t === '') {
        lines.push(this.shapeLine('', style));
        continue;
      }
      this.wrapParagraph(t, style, maxWidth, lines);
    }
    return lines;
  }

  private wrapParagraph(text: string, style: TextStyle, maxWidth: number, out: ShapedLine[]) {
    const cuts = [0, ...breakOpportunities(text, this.lang), text.length];
    const pieces: string[] = [];
    for (let k = 1; k < cuts.length; k++) pieces.push(text.slice(cuts[k - 1], cuts[k]));

    let i = 0;
    while (i < pieces.length) {
      let j = i;
      let width = 0;
      while (j < pieces.length) {
        const piece = pieces[j]!;
        const visible = this.measure(trimLineEnd(piece), style);
        if (j > i && width + visible > maxWidth) break;
        if (j === i && visible > maxWidth) {
          const chunks = this.splitGraphemes(trimLineEnd(piece), style, maxWidth);
          if (chunks.length > 1) {
            // Keep the piece's trailing space on its last chunk.
            const tail = piece.slice(trimLineEnd(piece).length);
            chunks[chunks.length - 1] += tail;
            pieces.splice(i, 1, ...chunks);
            continue;
          }
        }
        width += this.measure(piece, style);
        j++;
      }
      if (j === i) j = i + 1;
      // Shaping the whole line can differ slightly from the sum of its pieces; if it is wider
      // than the measure, give pieces back to the next line.
      let line = this.shapeLine(trimLineEnd(pieces.slice(i, j).join('')), style);
      while (line.width > maxWidth + 0.01 && j - i > 1) {
        j--;
        line = this.shapeLine(trimLineEnd(pieces.slice(i, j).join('')), style);
      }
      out.push(line);
      i = j;
    }
  }

  /** Splits an over-long word into chunks that fit, between grapheme clusters. */
  private splitGraphemes(word: string, style: TextStyle, maxWidth: number): string[] {
    const chunks: string[] = [];
    let current = '';
    for (const { segment } of segmentersFor(this.lang).grapheme.segment(word)) {
      if (current !== '' && this.measure(current + segment, style) > maxWidth) {
        chunks.push(current);
        current = segment;
      } else {
        current += segment;
      }
    }
    if (current !== '') chunks.push(current);
    return chunks;
  }
}
