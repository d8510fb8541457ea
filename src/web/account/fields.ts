import type { FieldSpec, Values } from './form';
import { checks } from './form';
import { at } from './strings';

/** The fields several account forms share, with their labels, autocomplete and checks. */
export const emailField = (): FieldSpec => ({
  name: 'email',
  label: at('field.email'),
  type: 'email',
  autocomplete: 'email',
  inputMode: 'email',
  maxLength: 254,
  check: checks.email,
  invalid: at('field.emailInvalid'),
});

export const nameField = (): FieldSpec => ({
  name: 'displayName',
  label: at('field.name'),
  hint: at('field.nameHint'),
  autocomplete: 'name',
  maxLength: 80,
  check: checks.name,
  invalid: at('field.nameTooLong'),
});

/** The shortest password of an account with a second factor, and of one without (SEC-03). */
export const PASSWORD_MIN = 8;
export const PASSWORD_MIN_SINGLE_FACTOR = 15;

/**
 * A new password (sign-up, reset, invitation, change). `min` is the shortest the server takes
 * for this account: 8 with two-step sign-in, 15 without; a number when the page knows it, a
 * function of the form's values when it depends on them (the role at sign-up), or absent when
 * the page cannot know (a reset or invitation link), then 8 is checked and the hint says both.
 */
export const newPasswordField = ({
  name = 'password',
  min,
  hint,
}: {
  name?: string;
  min?: number | ((values: Values) => number);
  hint?: string;
} = {}): FieldSpec => ({
  name,
  label: at('field.newPassword'),
  hint:
    hint ??
    (typeof min === 'number'
      ? at('field.newPasswordHint', { n: min })
      : at('field.newPasswordHintEither')),
  type: 'password',
  autocomplete: 'new-password',
  check: (v, values) =>
    checks.newPassword(v, typeof min === 'function' ? min(values) : (min ?? PASSWORD_MIN)),
  // The server says `weak_password` for too short and for too easy to guess alike; the length
  // sent tells which it can be.
  explain: (code, v) =>
    code !== 'weak_password'
      ? null
      : [...v].length < PASSWORD_MIN_SINGLE_FACTOR
        ? at('error.weakOrShort')
        : at('error.weakPassword'),
  invalid: at('field.passwordLong'),
});

/** The password someone has now (sign-in, confirming a change). */
export const currentPasswordField = (
  name = 'password',
  label = at('field.password'),
): FieldSpec => ({
  name,
  label,
  type: 'password',
  autocomplete: 'current-password',
  check: checks.password,
});

/** A 6-digit code from the authenticator app. */
export const totpField = (): FieldSpec => ({
  name: 'code',
  label: at('field.code'),
  hint: at('field.codeHint'),
  autocomplete: 'one-time-code',
  inputMode: 'numeric',
  maxLength: 7,
  check: checks.totp,
  invalid: at('field.codeInvalid'),
});
