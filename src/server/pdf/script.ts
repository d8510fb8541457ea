// Unicode script classification for choosing a font per run of text.

/** The scripts we ship a font for. Everything else is drawn with the Latin (Noto Sans) font. */
export type FontScript = 'latin' | 'khmer' | 'thai' | 'myanmar';

/** What a single code point asks for: a specific script, or whatever surrounds it. */
export type CharClass = FontScript | 'common' | 'inherited';

const KHMER = /\p{Script=Khmer}/u;
const THAI = /\p{Script=Thai}/u;
const MYANMAR = /\p{Script=Myanmar}/u;
const INHERITED = /\p{Script=Inherited}/u;
const COMMON = /\p{Script=Common}/u;

const cache = new Map<number, CharClass>();

export function classify(codePoint: number): CharClass {
  // ASCII fast path: letters are Latin, the rest (digits, space, punctuation) is Common.
  if (codePoint < 0x80) {
    const isLetter =
      (codePoint >= 0x41 && codePoint <= 0x5a) || (codePoint >= 0x61 && codePoint <= 0x7a);
    return isLetter ? 'latin' : 'common';
  }
  let cls = cache.get(codePoint);
  if (cls === undefined) {
    const ch = String.fromCodePoint(codePoint);
    if (KHMER.test(ch)) cls = 'khmer';
    else if (THAI.test(ch)) cls = 'thai';
    else if (MYANMAR.test(ch)) cls = 'myanmar';
    else if (INHERITED.test(ch)) cls = 'inherited';
    else if (COMMON.test(ch)) cls = 'common';
    else cls = 'latin';
    cache.set(codePoint, cls);
  }
  return cls;
}

/** Scripts written without spaces between words, where lines break between dictionary words. */
export function isSpacelessScript(cls: CharClass): boolean {
  return cls === 'khmer' || cls === 'thai' || cls === 'myanmar';
}

/** ISO 15924 tag for HarfBuzz. */
export const HB_SCRIPT_TAG: Record<FontScript, string> = {
  latin: 'Latn',
  khmer: 'Khmr',
  thai: 'Thai',
  myanmar: 'Mymr',
};

export interface ScriptRun {
  /** The font's script for this run. */
  script: FontScript;
  /** UTF-16 offsets into the source string, end exclusive. */
  start: number;
  end: number;
}

/**
 * Splits `text` into runs that each use one font. Common characters (spaces, digits,
 * punctuation) join the run before them when that run's font has a glyph for them, otherwise
 * the run after them; combining marks (Inherited) always stay with their base. A character
 * no font of its script covers falls back to Latin. `covers(script, cp)` reports coverage.
 */
export function splitRuns(
  text: string,
  covers: (script: FontScript, codePoint: number) => boolean,
): ScriptRun[] {
  // First pass: the script each code point is drawn with, or null where it is still open.
  const units: { start: number; end: number; cp: number; cls: CharClass }[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    units.push({ start: i, end: i + len, cp, cls: classify(cp) });
    i += len;
  }
  const assigned: FontScript[] = new Array<FontScript>(units.length);
  let prev: FontScript | null = null;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.cls === 'inherited') {
      assigned[i] = prev ?? 'latin';
      continue;
    }
    if (u.cls === 'common') {
      if (prev !== null && covers(prev, u.cp)) {
        assigned[i] = prev;
        continue;
      }
      // Look ahead to the next character with a real script.
      let next: FontScript = 'latin';
      for (let j = i + 1; j < units.length; j++) {
        const c = units[j]!.cls;
        if (c !== 'common' && c !== 'inherited') {
          next = c;
          break;
        }
      }
      const script = covers(next, u.cp) ? next : 'latin';
      assigned[i] = script;
      prev = script;
      continue;
    }
    const script = covers(u.cls, u.cp) ? u.cls : 'latin';
    assigned[i] = script;
    prev = script;
  }

  const runs: ScriptRun[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const script = assigned[i]!;
    const last = runs[runs.length - 1];
    if (last && last.script === script) last.end = u.end;
    else runs.push({ script, start: u.start, end: u.end });
  }
  return runs;
}

/** The scripts that occur in `text` (after font fallback), Latin included if any run uses it. */
export function scriptsIn(
  text: string,
  covers: (script: FontScript, codePoint: number) => boolean,
): Set<FontScript> {
  return new Set(splitRuns(text, covers).map((r) => r.script));
}
