import { describe, expect, it } from 'vitest';
import {
  PUBLICATION_WINDOW_DAYS,
  publicationContent,
  publicationWindowEnd,
  publishProblem,
} from './publication';
import type { Confidentiality, IndustryAnswer } from './types';
import { FRAMEWORK } from '../testing/industry-framework';

const DAY = 86_400_000;
const answers = new Map<string, IndustryAnswer>([
  ['gov.1', { level: 4 }],
  ['gov.2', { level: 0 }],
  ['csam.1', { level: 2 }],
  ['csam.2', { level: 'na', reason: 'We host no files.' }],
  ['edu.1', { level: 1 }],
]);
const source = (confidentiality: Record<string, Confidentiality>) => ({
  organisation: 'Example Games Ltd',
  service: { name: 'ChatterBox', type: 'social' },
  framework: FRAMEWORK,
  frameworkKey: 'test@1',
  acceptedAt: '2026-11-02T10:00:00.000Z',
  profile: { features: ['user-content'] as const },
  answers,
  confidentiality: new Map(Object.entries(confidentiality)),
});

describe('what the public register shows (IND-19, IND-16)', () => {
  it('shows the scores and only the answers marked public', () => {
    const c = publicationContent(
      source({
        'gov.1': 'public',
        'gov.2': 'confidential',
        'csam.1': 'restricted',
        'edu.1': 'public',
      }),
    );
    expect(c.answers).toEqual([
      { question: 'gov.1', level: 4 },
      { question: 'edu.1', level: 1 },
    ]);
    expect(c.sections.map((s) => s.section)).toEqual(FRAMEWORK.sections.map((s) => s.id));
    expect(c.overall).not.toBeNull();
    expect(c.organisation).toBe('Example Games Ltd');
    expect(c.framework).toBe('test@1');
  });

  it('treats an answer with no class as confidential', () => {
    expect(publicationContent(source({})).answers).toEqual([]);
  });

  it('leaves out a public answer to a question the service is not asked', () => {
    const c = publicationContent({
      ...source({ 'csam.1': 'public' }),
      profile: { features: [] },
    });
    expect(c.answers.map((a) => a.question)).not.toContain('csam.1');
  });
});

describe('when a proposal may be published (IND-19)', () => {
  const proposed = 1_780_000_000_000;
  const end = publicationWindowEnd(proposed);

  it('gives the company 15 days', () => {
    expect(PUBLICATION_WINDOW_DAYS).toBe(15);
    expect(end - proposed).toBe(15 * DAY);
  });

  it('blocks publishing until the window closes', () => {
    const p = { state: 'proposed' as const, windowEndsAt: end, consentedAt: null };
    expect(publishProblem(p, proposed)).toBe('publication_window_open');
    expect(publishProblem(p, end - 1)).toBe('publication_window_open');
    expect(publishProblem(p, end)).toBeNull();
  });

  it('lets the company consent sooner', () => {
    const p = { state: 'proposed' as const, windowEndsAt: end, consentedAt: proposed + DAY };
    expect(publishProblem(p, proposed + DAY)).toBeNull();
  });

  it('publishes a proposal once, and never a withdrawn one', () => {
    expect(publishProblem({ state: 'published', windowEndsAt: end, consentedAt: null }, end)).toBe(
      'publication_not_proposed',
    );
    expect(publishProblem({ state: 'withdrawn', windowEndsAt: end, consentedAt: null }, end)).toBe(
      'publication_not_proposed',
    );
  });
});
