import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorAt } from './files';
import { jsonErrorPosition } from './json-position';

describe('JSON error position', () => {
  it('finds the first syntax error', () => {
    expect(jsonErrorPosition('{"a": 1}')).toBe(-1);
    expect(jsonErrorPosition('{"a": ,}')).toBe(6);
    expect(jsonErrorPosition('{"a": 1,}')).toBe(8);
    expect(jsonErrorPosition('{"id": ')).toBe(7);
    expect(jsonErrorPosition('[1, 2] x')).toBe(7);
    expect(jsonErrorAt('{\n  "a": 1\n  "b": 2\n}')).toBe('line 3, column 3');
  });

  it('accepts exactly what JSON.parse accepts on generated JSON (property)', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(jsonErrorPosition(text)).toBe(-1);
      }),
    );
    fc.assert(
      fc.property(fc.json(), fc.nat(), (text, cut) => {
        const broken = text.slice(0, cut % Math.max(1, text.length));
        let valid = true;
        try {
          JSON.parse(broken);
        } catch {
          valid = false;
        }
        expect(jsonErrorPosition(broken) === -1).toBe(valid);
      }),
    );
  });
});
