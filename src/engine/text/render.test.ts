import { describe, expect, it } from 'vitest';
import type { ContentId, CountryCode } from '../ids';
import { text } from '../testing/builders';
import type { CountryPack } from '../types/country';
import { renderText } from './render';

function pack(code: string, names: Record<string, string>, helpline?: string): CountryPack {
  return {
    code: code as CountryCode,
    name: text(code),
    helplines: helpline
      ? [
          {
            id: 'h',
            kind: 'helpline',
            name: text('h', helpline),
            url: 'https://example.org/',
            source: 'https://example.org/',
            verifiedOn: '2026-01-01',
            status: 'verified',
          },
        ]
      : [],
    names: Object.fromEntries(Object.entries(names).map(([k, v]) => [k, text(`n.${k}`, v)])),
    apps: { chat: text('app.chat', 'Chirpy') },
    currency: { name: text('cur', 'riel'), code: 'KHR' },
    money: {
      small: text('m.s', '2,000 riel'),
      medium: text('m.m', '20,000 riel'),
      large: text('m.l', '4,000,000 riel'),
    },
    consentAge: null,
  };
}

const kh = pack('kh', { friend1: 'Sokha' }, 'Child Helpline Cambodia');
const intl = pack('intl', { friend1: 'Amara', friend2: 'Leo' }, 'Child Helpline International');

describe('renderText', () => {
  it('fills placeholders from the country pack', () => {
    const t = {
      id: 'x.y' as ContentId,
      text: '{name:friend1} won {money:large} on {app:chat} ({currency}). Ask {helpline}.',
    };
    expect(renderText(t, kh, intl)).toBe(
      'Sokha won 4,000,000 riel on Chirpy (riel). Ask Child Helpline Cambodia.',
    );
  });

  it('falls back to intl, then leaves an unknown placeholder as written', () => {
    const t = { id: 'x.y' as ContentId, text: '{name:friend2} and {name:friend9}' };
    expect(renderText(t, kh, intl)).toBe('Leo and {name:friend9}');
  });

  it('translates the text and the values it inserts', () => {
    const t = { id: 'x.y' as ContentId, text: 'Hello {name:friend1}' };
    const km: Record<string, string> = { 'x.y': 'សួស្តី {name:friend1}', 't.n.friend1': 'សុខា' };
    expect(renderText(t, kh, intl, (x) => km[x.id] ?? x.text)).toBe('សួស្តី សុខា');
  });

  it('names a directory by its mention, with a capital when it begins a sentence', () => {
    const dir: CountryPack = {
      ...intl,
      helplines: [
        {
          id: 'chi',
          kind: 'helpline',
          name: text('chi', 'Child Helpline International'),
          directory: true,
          mention: text(
            'chi.m',
            "your country's child helpline (find it at Child Helpline International)",
          ),
          url: 'https://example.org/',
          source: 'https://example.org/',
          verifiedOn: '2026-01-01',
          status: 'verified',
        },
        {
          id: 'hot',
          kind: 'hotline',
          name: text('hot', 'Example Hotline'),
          url: 'https://example.org/',
          source: 'https://example.org/',
          verifiedOn: '2026-01-01',
          status: 'verified',
        },
      ],
      handles: { stranger1: text('h.s1', 'Rex_19') },
      terms: { lead: text('t.lead', 'the child-protection lead') },
    };
    const t = {
      id: 'x.y' as ContentId,
      text: 'Talk to {helpline}. {helpline} can help. Report to {hotline}. Tell {term:lead} about {handle:stranger1}.',
    };
    expect(renderText(t, kh, dir)).toBe(
      'Talk to Child Helpline Cambodia. Child Helpline Cambodia can help. Report to Example Hotline. Tell the child-protection lead about Rex_19.',
    );
    expect(renderText(t, dir, dir)).toBe(
      "Talk to your country's child helpline (find it at Child Helpline International). " +
        "Your country's child helpline (find it at Child Helpline International) can help. " +
        'Report to Example Hotline. Tell the child-protection lead about Rex_19.',
    );
  });
});
