import { ApiError } from './api';
import { at } from './strings';
import type { AccountKey } from './strings';

/** What to tell the person about a failed request, and which field it is about (if one). */
export interface Problem {
  readonly code: string;
  /** The form field (API name) the problem belongs to; null for the whole form. */
  readonly field: string | null;
  readonly message: string;
}

/** The words for each error code the account API answers with (ACCOUNTS.md). */
const MESSAGES: Readonly<Record<string, AccountKey>> = {
  offline: 'error.offline',
  invalid_credentials: 'error.invalidCredentials',
  mfa_invalid: 'error.mfaInvalid',
  mfa_required: 'error.mfaRequired',
  mfa_not_set: 'error.mfaNotSet',
  last_admin: 'error.lastAdmin',
  weak_password: 'error.weakPassword',
  password_incorrect: 'error.passwordIncorrect',
  token_invalid: 'error.tokenInvalid',
  account_pending: 'error.accountPending',
  csrf_rejected: 'error.csrfRejected',
  unauthenticated: 'error.unauthenticated',
  forbidden: 'error.forbidden',
  email_taken: 'error.emailTaken',
  not_found: 'error.notFound',
  payload_too_large: 'error.tooLong',
};

/** Which field an error code is about, when the form has that field. */
const FIELD_OF: Readonly<Record<string, string>> = {
  mfa_invalid: 'code',
  weak_password: 'password',
  password_incorrect: 'password',
  email_taken: 'email',
};

/**
 * The problem a failed request shows. `fieldNames` are the form's fields (API names);
 * `rename` points a code or an API field at another form field (e.g. a change-password form's
 * `weak_password` at `newPassword`). A `validation_failed` answer names its field
 * ("Invalid field email: …"); `invalid(field)` gives the words for it.
 */
export function problemOf(
  error: unknown,
  fieldNames: readonly string[],
  invalid: (field: string) => string | null,
  rename: Readonly<Record<string, string>> = {},
): Problem {
  if (!(error instanceof ApiError)) {
    return { code: 'unknown', field: null, message: at('error.server') };
  }
  const here = (f: string | undefined) => (f && fieldNames.includes(f) ? f : null);
  if (error.code === 'validation_failed') {
    const named = /\bfield ([\w.]+)/.exec(error.message)?.[1];
    const field = here(rename[named ?? ''] ?? named);
    const words = field ? invalid(field) : null;
    return { code: error.code, field: words ? field : null, message: words ?? at('error.invalid') };
  }
  if (error.code === 'throttled' || error.code === 'rate_limited') {
    const message = error.retryAfter
      ? at('error.throttledFor', { n: Math.ceil(error.retryAfter) })
      : at('error.throttled');
    return { code: error.code, field: null, message };
  }
  const key = MESSAGES[error.code];
  if (!key) return { code: error.code, field: null, message: at('error.server') };
  const field = here(rename[error.code] ?? FIELD_OF[error.code]);
  return { code: error.code, field, message: at(key) };
}

/** Whether the request failed because the server could not be reached. */
export const isOffline = (error: unknown) => error instanceof ApiError && error.code === 'offline';
