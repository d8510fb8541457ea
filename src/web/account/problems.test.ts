// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { takeToken } from './fragment';
import { problemOf } from './problems';
import { at } from './strings';

const invalid = (field: string) => (field === 'email' ? 'Enter an email address.' : null);

describe('account errors in words', () => {
  it('puts a code about one field beside that field, when the form has it', () => {
    const weak = new ApiError(400, 'weak_password', 'Too common');
    expect(problemOf(weak, ['email', 'password'], invalid)).toEqual({
      code: 'weak_password',
      field: 'password',
      message: at('error.weakPassword'),
    });
    // Renamed for a form whose field has another name; absent fields give a form-level problem.
    expect(
      problemOf(weak, ['currentPassword', 'newPassword'], invalid, {
        weak_password: 'newPassword',
      }).field,
    ).toBe('newPassword');
    expect(problemOf(weak, ['email'], invalid).field).toBeNull();
  });

  it('keeps a wrong email-or-password about the whole form (it never says which)', () => {
    const p = problemOf(
      new ApiError(401, 'invalid_credentials', 'x'),
      ['email', 'password'],
      invalid,
    );
    expect(p.field).toBeNull();
    expect(p.message).toBe(at('error.invalidCredentials'));
  });

  it('reads the field of a validation failure from the message', () => {
    const e = new ApiError(
      400,
      'validation_failed',
      'Invalid field email: must be an email address',
    );
    expect(problemOf(e, ['email', 'password'], invalid)).toMatchObject({
      field: 'email',
      message: 'Enter an email address.',
    });
    const other = new ApiError(400, 'validation_failed', 'Invalid field role: bad');
    expect(problemOf(other, ['email'], invalid)).toMatchObject({
      field: null,
      message: at('error.invalid'),
    });
  });

  it('says how long to wait when the server says so, and when it is unreachable', () => {
    const throttled = new ApiError(429, 'throttled', 'x', 42);
    expect(problemOf(throttled, [], invalid).message).toBe(at('error.throttledFor', { n: 42 }));
    expect(problemOf(new ApiError(429, 'throttled', 'x'), [], invalid).message).toBe(
      at('error.throttled'),
    );
    expect(problemOf(new ApiError(0, 'offline', 'x'), [], invalid).message).toBe(
      at('error.offline'),
    );
  });

  it('never shows the server’s own text for an unknown code or a crash', () => {
    for (const e of [new ApiError(500, 'internal_error', 'stack trace'), new TypeError('boom')]) {
      expect(problemOf(e, [], invalid).message).toBe(at('error.server'));
    }
  });
});

describe('tokens from mailed links', () => {
  it('reads the token from the fragment and removes it from the address', () => {
    history.replaceState(null, '', '/account/verify?x=1#token=abc_DEF-123');
    expect(takeToken()).toBe('abc_DEF-123');
    expect(location.href).toBe(`${location.origin}/account/verify?x=1`);
    expect(takeToken()).toBeNull();
  });

  it('gives nothing for a fragment without a token, and still clears it', () => {
    history.replaceState(null, '', '/account/reset#other=1');
    expect(takeToken()).toBeNull();
    expect(location.hash).toBe('');
  });
});
