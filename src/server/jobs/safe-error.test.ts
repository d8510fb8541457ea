import { describe, expect, it } from 'vitest';
import { MAX_SAFE_ERROR, safeErrorMessage } from './safe-error';

describe('safeErrorMessage', () => {
  it('keeps what failed and cuts whom: addresses, quoted values, credentials', () => {
    const pg = Object.assign(new Error('invalid input syntax for type uuid: "Ben Okafor"'), {
      code: '22P02',
    });
    expect(safeErrorMessage(pg)).toBe('Error 22P02: invalid input syntax for type uuid: "…"');
    expect(safeErrorMessage(new Error("mail to 'ben@example.org' bounced (ben@example.org)"))).toBe(
      'Error: mail to "…" bounced (…@…)',
    );
    expect(safeErrorMessage(new Error('connect postgres://kite:S3cret@db/kite failed'))).toBe(
      'Error: connect postgres://kite:***@db/kite failed',
    );
  });

  it('keeps quoted names of Kite tables and constraints', () => {
    const e = Object.assign(new Error('relation "kite_audit" does not exist'), { code: '42P01' });
    expect(safeErrorMessage(e)).toBe('Error 42P01: relation "kite_audit" does not exist');
  });

  it('is one line of at most MAX_SAFE_ERROR characters, whatever was thrown', () => {
    const long = safeErrorMessage(new TypeError(`line one\nline two ${'x'.repeat(500)}`));
    expect(long).toMatch(/^TypeError: line one line two x+…$/);
    expect(long).toHaveLength(MAX_SAFE_ERROR);
    expect(safeErrorMessage('a string')).toBe('Error: a string');
    expect(safeErrorMessage(null)).toBe('Error: null');
    expect(safeErrorMessage(Object.assign(new Error(''), { code: 'not a code!' }))).toBe('Error');
  });
});
