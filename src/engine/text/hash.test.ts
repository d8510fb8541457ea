import { describe, expect, it } from 'vitest';
import { sourceHash } from './hash';

describe('sourceHash', () => {
  it('is 8 hex digits, stable, and changes with the text', () => {
    expect(sourceHash('')).toBe('811c9dc5');
    expect(sourceHash('Hello')).toMatch(/^[0-9a-f]{8}$/);
    expect(sourceHash('Hello')).toBe(sourceHash('Hello'));
    expect(sourceHash('Hello')).not.toBe(sourceHash('Hello!'));
    expect(sourceHash('សួស្តី')).not.toBe(sourceHash('សួស្ដី'));
  });
});
