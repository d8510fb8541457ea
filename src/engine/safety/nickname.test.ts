import { describe, expect, it } from 'vitest';
import { NICKNAME_MAX, checkNickname, isSafeNickname } from './nickname';

describe('checkNickname', () => {
  it.each([
    ['Star', 'Star'],
    ['  Blue   Fox ', 'Blue Fox'],
    ['Tiger 7', 'Tiger 7'],
    ['Lucky-Cat', 'Lucky-Cat'],
    ["O'Malley", "O'Malley"],
    ['Dara K', 'Dara K'],
    ['ស្រីពៅ', 'ស្រីពៅ'],
    ['តូច ២', 'តូច ២'],
    ['Ninja2', 'Ninja2'],
    ['Zoë', 'Zoë'],
    ['x', 'x'],
    ['a'.repeat(NICKNAME_MAX), 'a'.repeat(NICKNAME_MAX)],
  ])('accepts %j as %j', (typed, nickname) => {
    expect(checkNickname(typed)).toEqual({ ok: true, nickname });
    expect(isSafeNickname(typed)).toBe(true);
  });

  it('joins a letter and its combining mark before counting (NFC)', () => {
    expect(checkNickname('Zoe\u0308')).toEqual({ ok: true, nickname: 'Zoë' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['a'.repeat(NICKNAME_MAX + 1), 'too_long'],
    ['x'.repeat(10_000), 'too_long'],
    ['Star\u0000', 'control_character'],
    ['Star\tFox', 'control_character'],
    ['Star\u202eFox', 'control_character'],
    ['Sun\u200bRay', 'control_character'],
    ['Star!', 'invalid_character'],
    ['@sok', 'personal_data'],
    ['Star*', 'invalid_character'],
    ['-Star', 'invalid_character'],
    ["'Tiger", 'invalid_character'],
    ['sok.dara', 'invalid_character'],
    ['Cat 🐱', 'invalid_character'],
    ['1234', 'no_letter'],
    ['០១២', 'no_letter'],
    ["7 - '", 'no_letter'],
    ['Sok 012 345 678', 'personal_data'],
    ['one two three 4 5 6 7 8', 'personal_data'],
    ['house 45 street 271', 'personal_data'],
  ])('refuses %j: %s', (typed, reason) => {
    expect(checkNickname(typed)).toMatchObject({ ok: false, reason });
    expect(isSafeNickname(typed)).toBe(false);
  });

  it('says where the personal data is, in the trimmed nickname', () => {
    expect(checkNickname('  Sok 012 345 678')).toEqual({
      ok: false,
      reason: 'personal_data',
      hits: [{ kind: 'phone', start: 4, end: 15 }],
    });
  });

  it('counts characters, not UTF-16 units, so a long Khmer nickname fits', () => {
    const khmer = 'ស្រីពៅ'.repeat(4); // 24 code points
    expect(checkNickname(khmer).ok).toBe(true);
    expect(checkNickname(`${khmer}ក`)).toMatchObject({ ok: false, reason: 'too_long' });
  });
});
