import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../../engine';
import type { IndustryAnswer, IndustryFramework } from '../../engine';
import v1 from '../../../content/industry/kite-cop-industry/v1.json';
import { workingDaysAhead } from './dialogue';
import { looksLikeImage } from './evidence';
import { asked, engineFramework, resolvedFramework } from './framework';

const raw = v1 as unknown as IndustryFramework;

describe('the industry pages’ pure helpers', () => {
  it('puts a clarification 20 working days ahead, skipping weekends', () => {
    // Friday 4 December 2026 → 20 working days later is Friday 1 January 2027.
    expect(workingDaysAhead(new Date('2026-12-04T15:00:00Z'))).toBe('2027-01-01');
    // From a Saturday the count starts on Monday.
    expect(workingDaysAhead(new Date('2026-12-05T09:00:00Z'), 1)).toBe('2026-12-07');
  });

  it('refuses images by type or by name before anything is sent, and lets documents through', () => {
    const file = (name: string, type: string) => new File([new Uint8Array([1])], name, { type });
    expect(looksLikeImage(file('queue.png', 'image/png'))).toBe(true);
    expect(looksLikeImage(file('IMG_0001.HEIC', ''))).toBe(true);
    expect(looksLikeImage(file('shot.jpeg', 'application/octet-stream'))).toBe(true);
    expect(looksLikeImage(file('policy.pdf', 'application/pdf'))).toBe(false);
    expect(looksLikeImage(file('plan.docx', ''))).toBe(false);
  });

  it('scores the page’s framework exactly as the engine scores the content file', () => {
    const page = resolvedFramework(raw, 'kite-cop-industry@v1');
    expect(page.questions[0]!.text).toBe(raw.questions[0]!.text.text);
    const answers = new Map<string, IndustryAnswer>(
      raw.questions.map((q, i) =>
        i % 7 === 3
          ? [q.id, { level: 'na', reason: 'no such feature' }]
          : [q.id, { level: ((i * 3) % 5) as 0 | 1 | 2 | 3 | 4 }],
      ),
    );
    const profile = { features: ['user-content', 'user-contact'] as const };
    const strip = (s: ReturnType<typeof scoreAssessment>) => ({
      ...s,
      gaps: s.gaps.map(({ recommendation: _, ...g }) => g),
    });
    expect(strip(scoreAssessment(engineFramework(page), profile, answers))).toEqual(
      strip(scoreAssessment(raw, profile, answers)),
    );
  });

  it('asks a feature’s questions only of a service with that feature (IND-02)', () => {
    const page = resolvedFramework(raw, 'kite-cop-industry@v1');
    const live = page.questions.filter((q) => q.appliesIf?.includes('livestream'));
    expect(live.length).toBeGreaterThan(0);
    const only = live.filter((q) => q.appliesIf!.length === 1);
    expect(only.every((q) => !asked(q, ['user-content']))).toBe(true);
    expect(live.every((q) => asked(q, ['livestream']))).toBe(true);
    expect(page.questions.filter((q) => !q.appliesIf).every((q) => asked(q, []))).toBe(true);
  });
});
