import type { FieldSpec } from './form';
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

/** A new password (sign-up, reset, invitation, change). */
export const newPasswordField = (name = 'password'): FieldSpec => ({
  name,
  label: at('field.newPassword'),
  hint: at('field.newPasswordHint'),
  type: 'password',
  autocomplete: 'new-password',
  check: checks.newPassword,
  invalid: at('field.passwordShort'),
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
