// The small normalisation the personal-data filter reads through: lower case, every script's
// digits as ASCII digits, number words as digits, look-alike punctuation folded, invisible
// characters dropped. Each normalised character remembers where it came from, so a hit found in
// the normalised text is reported as a range of the text the person typed.

/** Normalised text and, per normalised character, its range in the original text. */
export interface Normalised {
  readonly text: string;
  /** Original index where normalised character `i` starts. */
  readonly starts: readonly number[];
  /** Original index just after normalised character `i`. */
  readonly ends: readonly number[];
}

/** Code point of "0" in the decimal digit blocks that children in our countries may type. */
const DIGIT_ZEROS = [
  0x0660, // Arabic-Indic
  0x06f0, // Extended Arabic-Indic
  0x0966, // Devanagari
  0x09e6, // Bengali
  0x0e50, // Thai
  0x0ed0, // Lao
  0x1040, // Myanmar
  0x17e0, // Khmer
  0xff10, // full-width
];

const FOLD: Readonly<Record<string, string>> = {
  '\uff20': '@', // full-width @
  '\uff0e': '.', // full-width full stop
  '\u3002': '.', // ideographic full stop
  '\uff0b': '+',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2019': "'",
  '\u200b': ' ', // zero-width space: Khmer's invisible word break
};

/** Formatting characters that only hide what is typed (joiners, soft hyphen, BOM, bidi marks). */
const DROP = (cp: number) =>
  cp === 0xad ||
  (cp >= 0x200c && cp <= 0x200f) ||
  (cp >= 0x202a && cp <= 0x202e) ||
  (cp >= 0x2060 && cp <= 0x2069) ||
  cp === 0xfeff;
const SPACE = /^\s$/;

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
const NUMBER_WORD = /(?<![a-z])(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)(?![a-z])/g;

function foldChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  for (const zero of DIGIT_ZEROS) if (cp >= zero && cp <= zero + 9) return String(cp - zero);
  const folded = FOLD[ch];
  if (folded !== undefined) return folded;
  if (DROP(cp)) return '';
  if (SPACE.test(ch)) return ' ';
  const lower = ch.toLowerCase();
  // A few letters grow when lowered (İ); keeping them keeps one character per code point.
  return lower.length === ch.length ? lower : ch;
}

/**
 * Normalises `text` for matching; linear in its length.
 *
 * @example
 * normalise('Zero ១២').text // '0 12'
 */
export function normalise(text: string): Normalised {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (const ch of text) {
    const out = foldChar(ch);
    // Per code unit, so indices into the joined string line up with these arrays.
    for (let k = 0; k < out.length; k++) {
      chars.push(out[k] as string);
      starts.push(i);
      ends.push(i + ch.length);
    }
    i += ch.length;
  }
  const folded = chars.join('');
  // Number words become one digit each, spanning the whole word.
  const text2: string[] = [];
  const starts2: number[] = [];
  const ends2: number[] = [];
  let at = 0;
  for (const m of folded.matchAll(NUMBER_WORD)) {
    for (; at < m.index; at++) {
      text2.push(folded[at] as string);
      starts2.push(starts[at] as number);
      ends2.push(ends[at] as number);
    }
    text2.push(NUMBER_WORDS[m[0]] as string);
    starts2.push(starts[m.index] as number);
    ends2.push(ends[m.index + m[0].length - 1] as number);
    at = m.index + m[0].length;
  }
  for (; at < folded.length; at++) {
    text2.push(folded[at] as string);
    starts2.push(starts[at] as number);
    ends2.push(ends[at] as number);
  }
  return { text: text2.join(''), starts: starts2, ends: ends2 };
}
