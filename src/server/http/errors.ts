import { z } from 'zod';

/**
 * Every error code a client can see. Codes are stable: clients and tests match on them, so a
 * code is never renamed or reused once shipped.
 */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'server_busy',
  'database_unavailable',
  'internal_error',
  'unknown_activity',
  'unknown_challenge',
  'unknown_guide',
  'unsupported_language',
  'unsupported_paper',
  'invalid_url',
  'uri_too_long',
  'header_too_large',
  'request_timeout',
  'malformed_request',
  'method_not_implemented',
  'unknown_parameter',
  'not_offered',
  'shutting_down',
  'draining',
  'unauthenticated',
  'forbidden',
  'csrf_rejected',
  'invalid_credentials',
  'mfa_invalid',
  'mfa_required',
  'mfa_not_set',
  'weak_password',
  'email_taken',
  'token_invalid',
  'account_pending',
  'throttled',
  'password_incorrect',
  'last_admin',
  'agreement_required',
  'personal_data',
  'invalid_nickname',
  'nickname_taken',
  'class_full',
  'class_not_found',
  'wrong_pictures',
  'device_signed_out',
  'learner_erased',
  'wrong_learner',
  'batch_too_large',
  'studio_read_only',
  'not_a_spoken_text',
  'consent_required',
  'recording_too_large',
  'recording_not_audio',
  'recording_unreadable',
  // Industry self-assessment (docs/industry.md).
  'unknown_framework',
  'unknown_question',
  'not_on_scale',
  'na_without_reason',
  'not_editable',
  'submission_blocked',
  'transition_not_allowed',
  'not_yours',
  'clarification_needs_question',
  'feedback_letter_required',
  'previous_not_final',
  'evidence_image_refused',
  'evidence_type_refused',
  'evidence_unavailable',
  'deadline_met',
  'already_decided',
  'report_unavailable',
  'publication_not_allowed',
  'publication_exists',
  'publication_window_open',
  'publication_not_proposed',
  'unknown_country_pack',
  'consent_age_out_of_range',
  'retention_out_of_range',
  'tracking_url',
  'version_conflict',
  'archived',
  'name_taken',
  // National releases (docs/national.md "Releases").
  'release_exists',
  'build_in_progress',
  'term_not_ended',
  'term_overlap',
  'unknown_filter',
  'unknown_table',
  'unknown_level',
  'unknown_area',
  // School hubs uploading to the national server (docs/deploy.md "A school hub").
  'bad_gzip',
  'learner_out_of_scope',
  'record_out_of_scope',
  'cursor_gap',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error shape of the API. */
export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** An error a route throws on purpose: a status, a stable code and a message safe to show. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Headers the answer carries (`Retry-After`, `Allow`). */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}

export const notFound = (message = 'Not found') => new HttpError(404, 'not_found', message);
export const badRequest = (message: string) => new HttpError(400, 'bad_request', message);

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/** Longest excerpt of client input an error message may echo. */
const EXCERPT_LENGTH = 40;

/**
 * The only way client input may appear in an error message: at most {@link EXCERPT_LENGTH}
 * characters, with control characters (C0, DEL, C1, and the Unicode line/paragraph separators
 * and bidi controls) removed, cut with an ellipsis when longer.
 *
 * @example excerpt('fr\u0000ench') === 'french'
 */
export function excerpt(input: unknown, max = EXCERPT_LENGTH): string {
  const chars = [...String(input)].filter((c) => !isControl(c.codePointAt(0) ?? 0));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** C0 and C1 controls, DEL, line and paragraph separators, and bidirectional controls. */
function isControl(cp: number): boolean {
  return (
    cp <= 0x1f ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x200e ||
    cp === 0x200f ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069)
  );
}
