import type { NicknameReason } from '../../engine';
import { ApiError } from '../account/api';
import { problemOf } from '../account/problems';
import type { Problem } from '../account/problems';
import { ct } from './strings';
import type { ClassesKey } from './strings';

/** Words for each reason the engine's `checkNickname` (and so the server) refuses a nickname. */
const REASONS: Readonly<Record<NicknameReason, ClassesKey>> = {
  empty: 'nickname.empty',
  too_long: 'nickname.tooLong',
  control_character: 'nickname.controlCharacter',
  invalid_character: 'nickname.invalidCharacter',
  no_letter: 'nickname.noLetter',
  personal_data: 'nickname.personalData',
};

export const nicknameReason = (reason: NicknameReason): string => ct(REASONS[reason]);

/** The codes of the classes' routes (docs/classes.md) that the account pages do not know. */
const CODES: Readonly<Record<string, ClassesKey>> = {
  agreement_required: 'error.agreementRequired',
  personal_data: 'nickname.personalData',
  invalid_nickname: 'error.invalidNickname',
  nickname_taken: 'error.nicknameTaken',
  class_full: 'error.classFull',
  unknown_activity: 'error.unknownActivity',
  server_busy: 'error.serverBusy',
};

/** What to tell the adult about a failed request to a classes' or families' route. */
export function problemMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const key = CODES[error.code];
    if (key) return ct(key);
    if (error.code === 'not_found' && error.status === 404 && /class/i.test(error.message)) {
      return ct('error.classNotFound');
    }
  }
  return problemOf(error, [], () => null).message;
}

/** The code of a failed request, or null. */
export const codeOf = (error: unknown): string | null =>
  error instanceof ApiError ? error.code : null;

/**
 * Which of `typed` a nickname refusal is about: the server names the nickname in quotes at
 * the start of its message (cut to 24 characters with "…"). The index, or -1.
 */
export function refusedIndex(error: unknown, typed: readonly string[]): number {
  if (!(error instanceof ApiError)) return -1;
  const quoted = /^"([^"]*)"/.exec(error.message)?.[1];
  if (quoted === undefined) return -1;
  const head = quoted.endsWith('…') ? quoted.slice(0, -1) : quoted;
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  const exact = typed.findIndex((t) => norm(t) === norm(quoted));
  if (exact !== -1) return exact;
  return head === '' ? -1 : typed.findIndex((t) => norm(t).startsWith(norm(head)));
}

/**
 * For an account form: the words for the classes' own codes, tied to a field where `fields`
 * says so (e.g. `personal_data` to the nickname); null lets the form use the account words.
 */
export const describeWith =
  (fields: Readonly<Record<string, string>> = {}) =>
  (error: unknown): Problem | null => {
    if (!(error instanceof ApiError) || !(error.code in CODES)) return null;
    return { code: error.code, field: fields[error.code] ?? null, message: problemMessage(error) };
  };
