// The rule for a child's nickname in a class (ADULT-3): short, letters of any script, and
// nothing that identifies the child (the personal-data filter). Called on every keystroke of
// the teacher's or parent's form, so it stays cheap: a few linear passes over at most a short
// text (longer input is refused before the filter runs).

import type { PersonalDataHit } from './personal-data';
import { findPersonalData } from './personal-data';

/** The longest nickname, in characters (code points) after trimming. */
export const NICKNAME_MAX = 24;

/** Why a nickname is refused; stable codes for the UI's messages and the API. */
export const NICKNAME_REASONS = [
  'empty',
  'too_long',
  'control_character',
  'invalid_character',
  'no_letter',
  'personal_data',
] as const;

/** One of {@link NICKNAME_REASONS}. */
export type NicknameReason = (typeof NICKNAME_REASONS)[number];

/** A nickname that may be used, trimmed and with single spaces, or the reason it may not. */
export type NicknameCheck =
  | { readonly ok: true; readonly nickname: string }
  | {
      readonly ok: false;
      readonly reason: NicknameReason;
      /** For `personal_data`: what was found, as ranges of the trimmed nickname. */
      readonly hits?: readonly PersonalDataHit[];
    };

/** Control and invisible formatting characters (bidi overrides, zero-width joiners). */
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
/** Letters with their marks (Khmer vowels and subscripts), digits, space, hyphen, apostrophe. */
// Begins with a letter or a digit: a leading dash or quote reads as a formula in a spreadsheet
// (the class report's CSV) and as nothing to a child.
const ALLOWED = /^[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd} '’-]*$/u;
const LETTER = /\p{L}/u;

/**
 * Checks a nickname as typed: trims it, collapses inner spaces, and refuses it with a reason when
 * it is empty, longer than {@link NICKNAME_MAX}, holds a control character or anything but
 * letters, marks, digits, spaces, `-` and `'`, has no letter, or holds personal data.
 *
 * @example
 * checkNickname('  Blue   Fox ') // { ok: true, nickname: 'Blue Fox' }
 * checkNickname('012 345 678')   // { ok: false, reason: 'personal_data', hits: [phone] }
 */
export function checkNickname(text: string): NicknameCheck {
  const nickname = text.normalize('NFC').trim().replace(/ {2,}/gu, ' ');
  if (nickname === '') return { ok: false, reason: 'empty' };
  // Length first, so nothing below ever reads a long text.
  let length = 0;
  for (const _ of nickname) if (++length > NICKNAME_MAX) return { ok: false, reason: 'too_long' };
  if (CONTROL.test(nickname)) return { ok: false, reason: 'control_character' };
  // Personal data before the character rules, so an email is refused as what it is.
  const hits = findPersonalData(nickname);
  if (hits.length > 0) return { ok: false, reason: 'personal_data', hits };
  if (!ALLOWED.test(nickname)) return { ok: false, reason: 'invalid_character' };
  if (!LETTER.test(nickname)) return { ok: false, reason: 'no_letter' };
  return { ok: true, nickname };
}

/** Whether {@link checkNickname} accepts `text`. */
export function isSafeNickname(text: string): boolean {
  return checkNickname(text).ok;
}
