// The personal-data filter (ADULT-3, issue #13): finds what would identify or locate a child in
// a short text — a nickname an adult types, and later what a child types. Explainable on
// purpose: a small normalisation (normalise.ts) and one bounded pattern per rule
// (personal-data-rules.ts). Pure and linear in the length of the text.

import { normalise } from './normalise';
import type { PersonalDataKind } from './personal-data-kinds';
import { RULES } from './personal-data-rules';

export type { PersonalDataKind } from './personal-data-kinds';
export { PERSONAL_DATA_KINDS } from './personal-data-kinds';

/** One piece of personal data: its kind and where it is in the text (UTF-16 indices). */
export interface PersonalDataHit {
  readonly kind: PersonalDataKind;
  /** Index of the first character. */
  readonly start: number;
  /** Index just after the last character. */
  readonly end: number;
}

/**
 * Every piece of personal data in `text`, in order, none overlapping (where two rules find the
 * same stretch, the earlier rule wins: email before url before handle before phone …).
 *
 * @example
 * findPersonalData('call me on 012 345 678') // [{ kind: 'phone', start: 11, end: 22 }]
 */
export function findPersonalData(text: string): readonly PersonalDataHit[] {
  const n = normalise(text);
  const hits: PersonalDataHit[] = [];
  // Which characters a kept hit covers: checking a match costs its length, so a whole run
  // stays linear (matches of one rule never overlap each other).
  const taken = new Uint8Array(text.length);
  const overlaps = (start: number, end: number) => taken.subarray(start, end).includes(1);
  for (const rule of RULES) {
    for (const m of n.text.matchAll(rule.re)) {
      const [from, matchEnd] = m.indices?.groups?.['v'] ?? m.indices?.[0] ?? [m.index, m.index];
      const to =
        rule.keep === undefined ? matchEnd : from + rule.keep(n.text.slice(from, matchEnd));
      if (to <= from) continue;
      const start = n.starts[from] as number;
      const end = n.ends[to - 1] as number;
      const value = n.text.slice(from, to);
      if (rule.accept !== undefined && !rule.accept(value, text.slice(start, end))) continue;
      if (overlaps(start, end)) continue;
      taken.fill(1, start, end);
      hits.push(Object.freeze({ kind: rule.kind, start, end }));
    }
  }
  return Object.freeze(hits.sort((a, b) => a.start - b.start));
}

/** Whether `text` holds any personal data. */
export function hasPersonalData(text: string): boolean {
  return findPersonalData(text).length > 0;
}
