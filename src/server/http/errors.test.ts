import { describe, expect, it } from 'vitest';
import { excerpt } from './errors';

describe('excerpt', () => {
  it('removes control, bidi and separator characters', () => {
    expect(excerpt('fr\u0000en\u001b[31mch\u007f\u0085\u2028\u202e\u2066')).toBe('fren[31mch');
  });

  it('cuts long input with an ellipsis, by characters, not bytes', () => {
    expect(excerpt('x'.repeat(100))).toBe(`${'x'.repeat(39)}…`);
    expect([...excerpt('ក'.repeat(100), 10)]).toHaveLength(10);
    expect(excerpt('short')).toBe('short');
  });
});
