import { describe, expect, it } from 'vitest';
import type { ActivityId, ContentId, LocaleCode } from '../ids';
import { activity, catalogue } from '../testing/builders';
import { sourceHash } from '../text/hash';
import type { Catalogue, Translation, TranslationState } from '../types/catalogue';
import { activityReviewed, coverage, languageCompleteness } from './completeness';

const km = 'km' as LocaleCode;
const tr = (english: string, status: TranslationState = 'machine'): Translation => ({
  text: `km:${english}`,
  sourceHash: sourceHash(english),
  status,
});

/** Two activities (5–7 and 8–10), a topic name and a course of the 5–7 band. */
function cat(translations: Record<string, Translation>): Catalogue {
  const young = activity({}, { id: 'young' as ActivityId, band: '5-7' });
  const older = activity({}, { id: 'older' as ActivityId, band: '8-10' });
  const texts = new Map<ContentId, string>(
    (
      [
        ['young.title', 'Young'],
        ['young.body', 'Hello'],
        ['older.title', 'Older'],
        ['older.body', 'Hi there'],
        ['topic.scams.title', 'Scams'],
        ['course.kiri.title', 'Kiri'],
      ] as const
    ).map(([k, v]) => [k as ContentId, v]),
  );
  const base = catalogue([], [young, older]);
  return {
    ...base,
    texts,
    courses: new Map([['kiri', { id: 'kiri', band: '5-7' } as never]]),
    locales: new Map([[km, new Map(Object.entries(translations) as [ContentId, Translation][])]]),
  };
}

const ui = (translated: Record<string, Translation>) => ({
  english: new Map([
    ['home.title', 'Home'],
    ['help.title', 'Help'],
  ]),
  translated: new Map(Object.entries(translated)),
});

describe('coverage', () => {
  it('counts current, stale and missing translations and their status', () => {
    const c = coverage(
      ui({ 'home.title': tr('Home', 'reviewed'), 'help.title': tr('Help (old)') }),
    );
    expect(c).toEqual({
      total: 2,
      current: 1,
      stale: 1,
      missing: 0,
      status: { machine: 0, draft: 0, reviewed: 1 },
      ratio: 0.5,
    });
  });
});

describe('language completeness', () => {
  const fullUi = ui({ 'home.title': tr('Home'), 'help.title': tr('Help') });

  it('offers a band whose UI and content are complete, and no band that is not', () => {
    const c = languageCompleteness(
      cat({
        'young.title': tr('Young'),
        'young.body': tr('Hello'),
        'topic.scams.title': tr('Scams'),
        'course.kiri.title': tr('Kiri'),
        'older.title': tr('Older'),
      }),
      km,
      fullUi,
    );
    expect(c.bands['5-7']).toMatchObject({ total: 4, current: 4, ratio: 1 });
    expect(c.bands['8-10']).toMatchObject({ total: 3, current: 2, missing: 1 });
    expect(c.activities).toEqual({ young: 1, older: 0.5 });
    expect(c.offeredBands).toEqual(['5-7']);
  });

  it('offers no band when the UI is below the threshold, and counts a stale text as missing', () => {
    const c = languageCompleteness(
      cat({
        'young.title': tr('Young'),
        'young.body': tr('Hello (changed since)'),
        'topic.scams.title': tr('Scams'),
        'course.kiri.title': tr('Kiri'),
      }),
      km,
      ui({ 'home.title': tr('Home') }),
    );
    expect(c.bands['5-7']).toMatchObject({ current: 3, stale: 1, ratio: 0.75 });
    expect(c.ui.ratio).toBe(0.5);
    expect(c.offeredBands).toEqual([]);
    expect(languageCompleteness(cat({}), km, fullUi, 0).offeredBands).toEqual(['5-7', '8-10']);
  });

  it('counts English as complete everywhere', () => {
    const c = languageCompleteness(cat({}), 'en' as LocaleCode, fullUi);
    expect(c.offeredBands).toEqual(['5-7', '8-10', '11-13', '14-16']);
    expect(c.activities).toEqual({ young: 1, older: 1 });
  });
});

describe('activity reviewed', () => {
  it('is true only when every text has a current, reviewed translation', () => {
    const reviewed = {
      'young.title': tr('Young', 'reviewed'),
      'young.body': tr('Hello', 'reviewed'),
    };
    expect(activityReviewed(cat(reviewed), 'young' as ActivityId, km)).toBe(true);
    const one = { ...reviewed, 'young.body': tr('Hello', 'draft') };
    expect(activityReviewed(cat(one), 'young' as ActivityId, km)).toBe(false);
    const stale = { ...reviewed, 'young.body': tr('Hello (old)', 'reviewed') };
    expect(activityReviewed(cat(stale), 'young' as ActivityId, km)).toBe(false);
    expect(activityReviewed(cat({}), 'young' as ActivityId, 'en' as LocaleCode)).toBe(true);
  });
});
