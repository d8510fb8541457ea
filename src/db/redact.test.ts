import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact';

describe('redactSecrets', () => {
  it.each([
    ['postgres://kite:s3cret@db:5432/kite', 'postgres://kite:***@db:5432/kite'],
    ['postgresql://kite:p@ss/w:rd@db/kite', 'postgresql://kite:***@db/kite'],
    ['at postgres://kite:s3cret@db/kite db, then', 'at postgres://kite:***@db/kite db, then'],
    ['postgres://kite@db/kite', 'postgres://kite@db/kite'],
    ['https://example.org/a?b=c', 'https://example.org/a?b=c'],
    ['host=db password=s3cret user=kite', 'host=db password=*** user=kite'],
    ['PGPASSWORD=s3cret npm start', 'PGPASSWORD=*** npm start'],
    ['{"password":"s3cret"}', '{"password":***}'],
  ])('%s', (input, output) => {
    expect(redactSecrets(input)).toBe(output);
    expect(redactSecrets(redactSecrets(input))).toBe(output);
  });
});
