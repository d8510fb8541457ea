import { describe, expect, it } from 'vitest';
import { assessmentChanges } from './diff';
import { scoreAssessment } from './score';
import type { IndustryAnswer, ServiceProfile } from './types';
import { FRAMEWORK } from '../testing/industry-framework';

const answers = (pairs: Record<string, IndustryAnswer['level']>) =>
  new Map<string, IndustryAnswer>(
    Object.entries(pairs).map(([id, level]) => [
      id,
      level === 'na' ? { level, reason: 'We host no files.' } : { level },
    ]),
  );
const ugc: ServiceProfile = { features: ['user-content'] };
const plain: ServiceProfile = { features: [] };

describe('changes since the last version (IND-10)', () => {
  it('lists the changed answers and every section, overall and maturity from → to', () => {
    const prev = answers({ 'gov.1': 1, 'gov.2': 0, 'csam.1': 2, 'csam.2': 3, 'edu.1': 1 });
    const next = answers({ 'gov.1': 3, 'gov.2': 0, 'csam.1': 'na', 'csam.2': 4, 'edu.1': 1 });
    const c = assessmentChanges(
      { framework: FRAMEWORK, profile: ugc, answers: prev },
      { framework: FRAMEWORK, profile: ugc, answers: next },
    );
    expect(c.answers).toEqual([
      { question: 'gov.1', section: 'gov', kind: 'changed', from: 1, to: 3 },
      { question: 'csam.1', section: 'csam', kind: 'changed', from: 2, to: 'na' },
      { question: 'csam.2', section: 'csam', kind: 'changed', from: 3, to: 4 },
    ]);
    // gov: (3·1 + 0)/16 = 18.75 → (3·3 + 0)/16 = 56.25; csam: (4 + 6)/16 = 62.5 → 8/8 = 100.
    expect(c.sections).toEqual([
      { section: 'gov', from: 18.75, to: 56.25 },
      { section: 'csam', from: 62.5, to: 100 },
      { section: 'edu', from: 25, to: 25 },
    ]);
    // before: (50·18.75 + 30·62.5 + 20·25)/100 = 33.125; now (50·56.25 + 30·100 + 20·25)/100 = 63.125
    expect(c.overall.from).toBeCloseTo(33.125, 10);
    expect(c.overall.to).toBeCloseTo(63.125, 10);
    // level 1 before; now 2, and the critical gov.1 at 1 no longer caps it.
    expect(c.maturity).toEqual({ from: 1, to: 2 });
    expect(c.criticalCap).toEqual({ from: true, to: false });
  });

  it('says nothing of unchanged answers, and an answer given since counts as changed', () => {
    const same = answers({ 'gov.1': 3, 'gov.2': 2 });
    const c = assessmentChanges(
      { framework: FRAMEWORK, profile: plain, answers: same },
      {
        framework: FRAMEWORK,
        profile: plain,
        answers: new Map([...same, ['edu.1', { level: 4 }]]),
      },
    );
    expect(c.answers).toEqual([
      { question: 'edu.1', section: 'edu', kind: 'changed', from: null, to: 4 },
    ]);
    expect(c.sections.find((s) => s.section === 'edu')).toEqual({
      section: 'edu',
      from: null,
      to: 100,
    });
  });

  it('marks questions added or removed when the service profile changed', () => {
    const all = answers({ 'gov.1': 3, 'gov.2': 3, 'csam.1': 0, 'csam.2': 3, 'edu.1': 3 });
    const grew = assessmentChanges(
      { framework: FRAMEWORK, profile: plain, answers: all },
      { framework: FRAMEWORK, profile: ugc, answers: all },
    );
    // csam.1 was answered before, but it was not asked of a service without user content.
    expect(grew.answers).toEqual([
      { question: 'csam.1', section: 'csam', kind: 'added', from: null, to: 0 },
    ]);
    expect(grew.sections[1]).toEqual({ section: 'csam', from: 75, to: 37.5 });
    const shrank = assessmentChanges(
      { framework: FRAMEWORK, profile: ugc, answers: all },
      { framework: FRAMEWORK, profile: plain, answers: all },
    );
    expect(shrank.answers).toEqual([
      { question: 'csam.1', section: 'csam', kind: 'removed', from: 0, to: null },
    ]);
  });

  it('matches questions and sections by id across framework versions, and uses given scores', () => {
    const v2 = {
      ...FRAMEWORK,
      version: 2,
      sections: [...FRAMEWORK.sections.slice(0, 2), { ...FRAMEWORK.sections[2]!, id: 'learn' }],
      questions: [
        ...FRAMEWORK.questions.slice(0, 4),
        { ...FRAMEWORK.questions[4]!, id: 'learn.1', section: 'learn' },
      ],
    };
    const prev = answers({ 'gov.1': 3, 'gov.2': 3, 'csam.2': 3, 'edu.1': 2 });
    const next = answers({ 'gov.1': 3, 'gov.2': 3, 'csam.2': 3, 'learn.1': 2 });
    const score = scoreAssessment(v2, plain, next);
    const c = assessmentChanges(
      { framework: FRAMEWORK, profile: plain, answers: prev },
      { framework: v2, profile: plain, answers: next, score },
    );
    expect(c.answers).toEqual([
      { question: 'learn.1', section: 'learn', kind: 'added', from: null, to: 2 },
      { question: 'edu.1', section: 'edu', kind: 'removed', from: 2, to: null },
    ]);
    expect(c.sections.map((s) => [s.section, s.from, s.to])).toEqual([
      ['gov', 75, 75],
      ['csam', 75, 75],
      ['learn', null, 50],
      ['edu', 50, null],
    ]);
    expect(c.overall.to).toBe(score.overall);
  });
});
