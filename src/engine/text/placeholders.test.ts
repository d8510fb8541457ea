import { describe, expect, it } from 'vitest';
import { parseText, placeholderTokens } from './placeholders';

describe('placeholders', () => {
  it('splits text into literals and placeholders', () => {
    expect(
      parseText('{name:friend1} sent {money:small} on {app:chat}. Call {helpline}, not {currency}!')
        .parts,
    ).toEqual([
      { kind: 'name', key: 'friend1' },
      ' sent ',
      { kind: 'money', key: 'small' },
      ' on ',
      { kind: 'app', key: 'chat' },
      '. Call ',
      { kind: 'helpline' },
      ', not ',
      { kind: 'currency' },
      '!',
    ]);
  });

  it('reads {{ and }} as literal braces', () => {
    expect(parseText('a {{b}} c')).toEqual({ parts: ['a {b} c'], errors: [] });
  });

  it.each([
    ['{nme:friend1}', /unknown placeholder/],
    ['{name}', /needs a key/],
    ['{helpline:phone}', /takes no key/],
    ['{money:huge}', /small, medium or large/],
    ['{Name:x}', /not a placeholder/],
    ['open {name:friend1', /never closed/],
    ['close }', /without "{"/],
  ])('reports %s', (text, message) => {
    const { errors } = parseText(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it('lists distinct placeholder tokens, sorted', () => {
    expect(placeholderTokens('{name:b} {app:a} {name:b}')).toEqual(['{app:a}', '{name:b}']);
  });
});
