import { describe, expect, it } from 'vitest';
import { sectorStatistics } from './statistics';
import type { StatisticsEntry } from './statistics';
import type { Maturity } from './score';

const KEY = 'test-framework@v1';
/** An entry whose sections score `gov` and (unless null) `csam`. */
const entry = (
  company: string,
  year: number,
  overall: number,
  maturity: Maturity,
  csam: number | null = overall,
): StatisticsEntry => ({
  company,
  year,
  framework: KEY,
  overall,
  maturity,
  sections: [
    { section: 'gov', percent: overall, answered: 2, notApplicable: 0 },
    { section: 'csam', percent: csam, answered: csam === null ? 0 : 1, notApplicable: 1 },
  ],
});

const companies = (n: number, year = 2026, csam?: (i: number) => number | null) =>
  Array.from({ length: n }, (_, i) => {
    const overall = 20 + 15 * i; // 20, 35, 50, 65, 80, 95, …
    const level = overall >= 85 ? 4 : overall >= 65 ? 3 : overall >= 40 ? 2 : 1;
    return entry(`c${i}`, year, overall, level, csam ? csam(i) : overall);
  });

describe('sector statistics with small groups suppressed (IND-18, IND-24)', () => {
  it('hides a group of 4 companies entirely, sections included', () => {
    const s = sectorStatistics(companies(4));
    expect(s.frameworks).toEqual([
      {
        framework: KEY,
        years: [
          {
            year: 2026,
            overall: { suppressed: true },
            sections: [
              { section: 'gov', cell: { suppressed: true } },
              { section: 'csam', cell: { suppressed: true } },
            ],
          },
        ],
      },
    ]);
    expect(JSON.stringify(s)).not.toMatch(/companies|median|levels/);
  });

  it('shows a group of 5: the count, the levels 1–4 and the median', () => {
    const [year] = sectorStatistics(companies(5)).frameworks[0]!.years;
    // overall 20, 35, 50, 65, 80 → levels 1, 1, 2, 3, 3; median 50
    expect(year!.overall).toEqual({
      suppressed: false,
      companies: 5,
      levels: [2, 1, 2, 0],
      median: 50,
    });
    expect(year!.sections[0]).toEqual({
      section: 'gov',
      cell: { suppressed: false, companies: 5, levels: [2, 1, 2, 0], median: 50 },
    });
  });

  it('counts distinct companies: five entries from four companies stay hidden', () => {
    const four = [...companies(4), { ...companies(1)[0]!, overall: 90, maturity: 4 as const }];
    expect(sectorStatistics(four).frameworks[0]!.years[0]!.overall).toEqual({ suppressed: true });
    // The company's last entry counts: c0 at 90 % instead of 20 %.
    const five = [...four, ...companies(5).slice(4)];
    expect(sectorStatistics(five).frameworks[0]!.years[0]!.overall).toMatchObject({
      companies: 5,
      levels: [1, 1, 2, 1],
    });
  });

  it('hides a section cell of 4 within a shown year, and publishes nothing to subtract it from', () => {
    // Six companies; two answered the csam section N/A throughout, so it scores for four.
    const s = sectorStatistics(companies(6, 2026, (i) => (i < 2 ? null : 60)));
    const year = s.frameworks[0]!.years[0]!;
    expect(year.overall).toMatchObject({ suppressed: false, companies: 6 });
    expect(year.sections[1]).toEqual({ section: 'csam', cell: { suppressed: true } });
    // The year's count of 6 is the only other count: nothing says how many had no csam score.
    const numbers = JSON.stringify(year).match(/"companies":\d+/g);
    expect(numbers).toEqual(['"companies":6', '"companies":6']);
  });

  it('keeps years and frameworks apart, oldest year first, with no total across them', () => {
    const other = companies(5, 2025).map((e) => ({ ...e, framework: 'other@v2' }));
    const s = sectorStatistics([...companies(5, 2026), ...companies(3, 2025), ...other]);
    expect(s.frameworks.map((f) => [f.framework, f.years.map((y) => y.year)])).toEqual([
      [KEY, [2025, 2026]],
      ['other@v2', [2025]],
    ]);
    expect(s.frameworks[0]!.years[0]!.overall).toEqual({ suppressed: true });
    expect(s.frameworks[0]!.years[1]!.overall).toMatchObject({ companies: 5 });
    expect(Object.keys(s)).toEqual(['minGroup', 'frameworks']);
  });

  it('rounds the median to a whole percent and takes the middle pair of an even group', () => {
    const six = companies(6).map((e, i) => ({ ...e, overall: 40 + i + 0.3 }));
    // 40.3 … 45.3: the middle pair 42.3 and 43.3 → 42.8 → 43
    expect(sectorStatistics(six).frameworks[0]!.years[0]!.overall).toMatchObject({ median: 43 });
  });

  it('honours another minGroup and refuses a nonsensical one', () => {
    expect(
      sectorStatistics(companies(3), { minGroup: 3 }).frameworks[0]!.years[0]!.overall,
    ).toMatchObject({ companies: 3 });
    expect(() => sectorStatistics([], { minGroup: 0 })).toThrow(RangeError);
    expect(() => sectorStatistics([], { minGroup: 2.5 })).toThrow(RangeError);
  });

  it('leaves out an entry with no score at all', () => {
    const none = { ...companies(1)[0]!, company: 'x', overall: null, maturity: null };
    const s = sectorStatistics([...companies(4), none]);
    expect(s.frameworks[0]!.years[0]!.overall).toEqual({ suppressed: true });
  });
});
