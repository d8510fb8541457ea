import { describe, expect, it } from 'vitest';
import { BANDS } from '../types/text';
import type { Band } from '../types/text';
import { canPlay, refusal, sensitiveAllowed } from './access';

const plain = { topic: 'scams' };
const sensitive = (minBand: Band) => ({ topic: 'sextortion', sensitive: { minBand } });
const child = (band: Band) => ({ band, adultSession: false });

describe('who may play what', () => {
  it('lets every band play an activity that is not sensitive', () => {
    for (const band of BANDS) expect(canPlay(plain, child(band))).toBe(true);
  });

  it('plays a sensitive activity on a 14–16 profile only, whatever its minimum band', () => {
    for (const minBand of BANDS) {
      const allowed = BANDS.filter((band) => canPlay(sensitive(minBand), child(band)));
      expect(allowed).toEqual(['14-16']);
    }
  });

  it('refuses every sensitive activity to a class without an adult session, any band', () => {
    const classroom = (band: Band) => ({ band, adultSession: false, classroom: true });
    for (const minBand of BANDS)
      expect(BANDS.filter((band) => canPlay(sensitive(minBand), classroom(band)))).toEqual([]);
    for (const band of BANDS) expect(canPlay(plain, classroom(band))).toBe(true);
  });

  it('refuses a sensitive activity to a younger profile with the reason `sensitive`', () => {
    expect(refusal(sensitive('11-13'), child('5-7'))).toBe('sensitive');
    expect(refusal(sensitive('11-13'), child('11-13'))).toBe('sensitive');
    expect(refusal(sensitive('11-13'), child('14-16'))).toBeNull();
  });

  it('opens a sensitive activity in an adult session for its own bands, never younger', () => {
    const adult = (band: Band) => ({ band, adultSession: true });
    expect(BANDS.filter((band) => sensitiveAllowed('11-13', adult(band)))).toEqual([
      '11-13',
      '14-16',
    ]);
    expect(canPlay(sensitive('8-10'), adult('5-7'))).toBe(false);
  });

  it('refuses any activity of a topic the deployment switched off, for every band', () => {
    const ctx = (band: Band) => ({ band, adultSession: true, disabledTopics: ['scams'] });
    for (const band of BANDS) {
      expect(refusal(plain, ctx(band))).toBe('topic-disabled');
      expect(refusal({ topic: 'privacy' }, ctx(band))).toBeNull();
    }
  });

  it('names the switched-off topic before the age rule', () => {
    const ctx = { band: '5-7' as Band, adultSession: false, disabledTopics: ['sextortion'] };
    expect(refusal(sensitive('14-16'), ctx)).toBe('topic-disabled');
  });
});

describe('a sensitive activity in a translation (I18N-3)', () => {
  const teen = (lang?: string) => ({ band: '14-16' as Band, adultSession: false, lang });
  const reviewedInKm = {
    topic: 'sextortion',
    sensitive: { minBand: '14-16' as Band, reviewedIn: ['km'] },
  };

  it('is offered in English and in a language its translation is reviewed in', () => {
    expect(refusal(sensitive('14-16'), teen())).toBe(null);
    expect(refusal(sensitive('14-16'), teen('en'))).toBe(null);
    expect(refusal(reviewedInKm, teen('km'))).toBe(null);
  });

  it('is refused in a language whose translation is not reviewed (machine, draft or none)', () => {
    expect(refusal(sensitive('14-16'), teen('km'))).toBe('not-reviewed');
    expect(refusal(reviewedInKm, teen('th'))).toBe('not-reviewed');
    expect(canPlay(reviewedInKm, teen('th'))).toBe(false);
  });

  it('leaves activities that are not sensitive to every language', () => {
    expect(refusal(plain, teen('km'))).toBe(null);
  });

  it('says "for older players" first when both apply', () => {
    expect(refusal(sensitive('14-16'), { ...teen('km'), band: '8-10' })).toBe('sensitive');
  });
});
