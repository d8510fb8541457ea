import { ApiError } from '../account/api';
import { problemOf } from '../account/problems';
import { nt } from './strings';
import type { IndustryKey } from './strings';

/**
 * The words for the industry routes' codes (the contract, docs/industry.md); both spellings,
 * since the house codes are snake_case and the contract names some with hyphens.
 */
const CODES: Readonly<Record<string, IndustryKey>> = {
  'evidence-image-refused': 'industry.error.image',
  'evidence-type-refused': 'industry.error.type',
  'evidence-too-large': 'industry.error.tooLarge',
  payload_too_large: 'industry.error.tooLarge',
  'submission-blocked': 'industry.error.blocked',
  'transition-not-allowed': 'industry.error.transition',
  'not-yours': 'industry.error.notYours',
  'na-without-reason': 'industry.error.naReason',
  'not-on-scale': 'industry.error.scale',
  'not-editable': 'industry.error.notEditable',
  'feedback-letter-required': 'industry.error.letter',
  'clarification-needs-question': 'industry.error.question',
  'previous-not-final': 'industry.error.previous',
};

const norm = (code: string) => code.replace(/_/g, '-');

/** What to tell the person about a failed request to an industry route. */
export function problemMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const key = CODES[error.code] ?? CODES[norm(error.code)];
    if (key) return nt(key);
  }
  return problemOf(error, [], () => null).message;
}

/** The code of a failed request, with hyphens, or null. */
export const codeOf = (error: unknown): string | null =>
  error instanceof ApiError ? norm(error.code) : null;
