import { describe, expect, it } from 'vitest';
import type { ContentId, LocaleCode } from '../ids';
import { catalogue } from '../testing/builders';
import { sourceHash } from '../text/hash';
import type { Catalogue, Translation } from '../types/catalogue';
import { offeredLanguages, translationStatus, translatorFor } from './status';

const texts = new Map<ContentId, string>([
  ['a.one' as ContentId, 'One'],
  ['a.two' as ContentId, 'Two'],
  ['a.three' as ContentId, 'Three'],
  ['a.four' as ContentId, 'Four'],
]);
const km = new Map<ContentId, Translation>([
  ['a.one' as ContentId, { text: 'មួយ', sourceHash: sourceHash('One'), status: 'machine' }],
  ['a.two' as ContentId, { text: 'ពីរ', sourceHash: sourceHash('Two'), status: 'machine' }],
  ['a.three' as ContentId, { text: 'បី', sourceHash: sourceHash('Three (old)'), status: 'machine' }],
]);
const fr = new Map<ContentId, Translation>([
  ['a.one' as ContentId, { text: 'Un', sourceHash: sourceHash('One'), status: 'machine' }],
]);
const cat: Catalogue = {
  ...catalogue([], []),
  texts,
  locales: new Map([
    ['km' as LocaleCode, km],
    ['fr' as LocaleCode, fr],
  ]),
};

describe('translation status', () => {
  it('counts current and stale translations', () => {
    expect(translationStatus(cat, 'km' as LocaleCode)).toEqual({
      lang: 'km',
      total: 4,
      current: 2,
      stale: ['a.three'],
      ratio: 0.5,
    });
  });

  it('offers English and the languages above the threshold', () => {
    expect(offeredLanguages(cat, 0.5)).toEqual(['en', 'km']);
    expect(offeredLanguages(cat, 0.2)).toEqual(['en', 'fr', 'km']);
  });

  it('translates with current translations and falls back to English otherwise', () => {
    const t = translatorFor(cat, 'km' as LocaleCode);
    expect(t({ id: 'a.one' as ContentId, text: 'One' })).toBe('មួយ');
    expect(t({ id: 'a.three' as ContentId, text: 'Three' })).toBe('Three');
    expect(t({ id: 'a.four' as ContentId, text: 'Four' })).toBe('Four');
    expect(translatorFor(cat, 'de' as LocaleCode)({ id: 'a.one' as ContentId, text: 'One' })).toBe(
      'One',
    );
  });
});
