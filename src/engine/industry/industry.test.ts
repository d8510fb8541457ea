import { describe, expect, it } from 'vitest';
import { answerProblem, submissionBlockers } from './answers';
import { applicableQuestions, questionsMappedTo } from './applicable';
import { nextStates, transitionProblem } from './dialogue';
import { maturityOf, scoreAssessment } from './score';
import type { IndustryAnswer } from './types';
import { FRAMEWORK } from '../testing/industry-framework';

const answers = (pairs: Record<string, IndustryAnswer['level']>) =>
  new Map<string, IndustryAnswer>(
    Object.entries(pairs).map(([id, level]) => [
      id,
      level === 'na' ? { level, reason: 'We host no files.' } : { level },
    ]),
  );
const ugc = { features: ['user-content'] as const };
const plain = { features: [] as const };

describe('which questions a service is asked (IND-02, IND-22)', () => {
  it('switches a module on by any of its features, and off without them', () => {
    expect(applicableQuestions(FRAMEWORK, ugc).map((q) => q.id)).toContain('csam.1');
    expect(applicableQuestions(FRAMEWORK, { features: ['hosting'] }).map((q) => q.id)).toContain(
      'csam.1',
    );
    expect(applicableQuestions(FRAMEWORK, plain).map((q) => q.id)).toEqual([
      'gov.1',
      'gov.2',
      'csam.2',
      'edu.1',
    ]);
  });

  it('lists the questions serving a regime, by its prefix or one principle', () => {
    expect(questionsMappedTo(FRAMEWORK, 'vp').map((q) => q.id)).toEqual(['gov.1', 'csam.1']);
    expect(questionsMappedTo(FRAMEWORK, 'itu:2').map((q) => q.id)).toEqual(['csam.1', 'csam.2']);
    expect(questionsMappedTo(FRAMEWORK, 'itu:20')).toEqual([]);
  });
});

describe('scores (IND-06)', () => {
  it('computes each section as Σ(w·a)/Σ(w·4) and the overall as the sections weighted', () => {
    const s = scoreAssessment(
      FRAMEWORK,
      ugc,
      answers({ 'gov.1': 4, 'gov.2': 0, 'csam.1': 2, 'csam.2': 3, 'edu.1': 1 }),
    );
    // gov: (3·4 + 1·0) / (4·4) = 75 %; csam: (2·2 + 2·3) / (4·4) = 62.5 %; edu: 1/4 = 25 %.
    expect(s.sections.map((x) => x.percent)).toEqual([75, 62.5, 25]);
    // (50·75 + 30·62.5 + 20·25) / 100 = 61.25
    expect(s.overall).toBeCloseTo(61.25, 10);
    expect(s.maturity).toBe(2);
    expect(s.unanswered).toEqual([]);
  });

  it('leaves N/A out of its section, and a section all N/A out of the overall', () => {
    const s = scoreAssessment(
      FRAMEWORK,
      ugc,
      answers({ 'gov.1': 4, 'gov.2': 'na', 'csam.1': 'na', 'csam.2': 'na', 'edu.1': 2 }),
    );
    expect(s.sections.map((x) => x.percent)).toEqual([100, null, 50]);
    expect(s.sections[1]).toMatchObject({ answered: 0, notApplicable: 2 });
    // (50·100 + 20·50) / 70
    expect(s.overall).toBeCloseTo(6000 / 70, 10);
  });

  it('ignores answers to questions that do not apply, and lists the unanswered ones', () => {
    const s = scoreAssessment(FRAMEWORK, plain, answers({ 'gov.1': 4, 'csam.1': 0 }));
    expect(s.sections[1]!.percent).toBeNull();
    expect(s.gaps.map((g) => g.question)).not.toContain('csam.1');
    expect(s.unanswered).toEqual(['gov.2', 'csam.2', 'edu.1']);
  });

  it('has no overall and no maturity before any answer on the scale', () => {
    const s = scoreAssessment(FRAMEWORK, plain, new Map());
    expect(s.overall).toBeNull();
    expect(s.maturity).toBeNull();
  });
});

describe('maturity (IND-07)', () => {
  it('bands the overall score: <40, 40–64, 65–84, ≥85', () => {
    expect([0, 39.9, 40, 64.9, 65, 84.9, 85, 100].map(maturityOf)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4,
    ]);
  });

  it('caps at level 2 when a critical question is answered 0 or 1, whatever the score', () => {
    const top = { 'gov.2': 4, 'csam.1': 4, 'csam.2': 4, 'edu.1': 4 } as const;
    const leading = scoreAssessment(FRAMEWORK, ugc, answers({ ...top, 'gov.1': 4 }));
    expect(leading).toMatchObject({ maturity: 4, criticalCap: false });
    for (const level of [0, 1] as const) {
      const s = scoreAssessment(FRAMEWORK, ugc, answers({ ...top, 'gov.1': level }));
      expect(s.overall).toBeGreaterThanOrEqual(62.5);
      expect(s).toMatchObject({ maturity: 2, criticalCap: true });
    }
    // A critical question answered 2 does not cap.
    const two = scoreAssessment(FRAMEWORK, ugc, answers({ ...top, 'gov.1': 2 }));
    expect(two.criticalCap).toBe(false);
  });

  it('gives 90 % with one critical 0 level 2 (the check in research/industry.md)', () => {
    const framework = {
      ...FRAMEWORK,
      sections: [{ ...FRAMEWORK.sections[0]!, weight: 100 }],
      questions: [
        ...Array.from({ length: 9 }, (_, i) => ({ ...FRAMEWORK.questions[1]!, id: `g${i}` })),
        { ...FRAMEWORK.questions[0]!, weight: 1 as const },
      ],
    };
    const all = new Map<string, IndustryAnswer>(
      framework.questions.map((q) => [q.id, { level: q.critical ? 0 : 4 }]),
    );
    const s = scoreAssessment(framework, plain, all);
    expect(s.overall).toBe(90);
    expect(s.maturity).toBe(2);
  });
});

describe('gaps and recommendations (IND-08)', () => {
  it('gives every answer below its target a recommendation, ranked by weight × gap', () => {
    const s = scoreAssessment(
      FRAMEWORK,
      ugc,
      answers({ 'gov.1': 2, 'gov.2': 0, 'csam.1': 1, 'csam.2': 3, 'edu.1': 1 }),
    );
    expect(s.gaps.map((g) => [g.question, g.priority])).toEqual([
      ['csam.1', 4], // 2 × (3 − 1)
      ['gov.1', 3], // 3 × (3 − 2), critical
      ['gov.2', 3], // 1 × (3 − 0)
      ['edu.1', 1], // 1 × (2 − 1): its own target
    ]);
    for (const g of s.gaps) {
      expect(g.recommendation.text.text).not.toBe('');
      expect(g.recommendation.resources.length).toBeGreaterThan(0);
    }
  });
});

describe('answers and submission (IND-04, IND-05)', () => {
  it('refuses a level off the scale and N/A without a reason', () => {
    expect(answerProblem({ level: 3 })).toBeNull();
    expect(answerProblem({ level: 'na', reason: 'No uploads on this service.' })).toBeNull();
    expect(answerProblem({ level: 'na' })).toBe('na-without-reason');
    expect(answerProblem({ level: 'na', reason: '   ' })).toBe('na-without-reason');
    for (const bad of [{ level: 5 }, { level: -1 }, { level: 2.5 }, { level: '3' }, null, 'x'])
      expect(answerProblem(bad)).toBe('not-on-scale');
  });

  it('blocks a submission until every question is answered and required evidence is there', () => {
    const some = answers({ 'gov.1': 3, 'gov.2': 2, 'csam.2': 1 });
    expect(submissionBlockers(FRAMEWORK, ugc, some, new Map())).toEqual([
      { question: 'gov.1', code: 'evidence-missing' },
      { question: 'csam.1', code: 'unanswered' },
      { question: 'edu.1', code: 'unanswered' },
    ]);
    const all = answers({ 'gov.1': 3, 'gov.2': 2, 'csam.1': 0, 'csam.2': 1, 'edu.1': 4 });
    expect(submissionBlockers(FRAMEWORK, ugc, all, new Map([['gov.1', 1]]))).toEqual([]);
    // N/A needs its reason, not a document.
    const na = answers({ 'gov.1': 'na', 'gov.2': 2, 'csam.1': 0, 'csam.2': 1, 'edu.1': 4 });
    expect(submissionBlockers(FRAMEWORK, ugc, na, new Map())).toEqual([]);
  });
});

describe('the dialogue between a company and the coordinator (IND-11)', () => {
  it('allows only the transitions of research/industry.md (b), each to its side', () => {
    expect(transitionProblem('draft', 'submitted', 'company')).toBeNull();
    expect(transitionProblem('draft', 'accepted', 'coordinator')).toBe('transition-not-allowed');
    expect(transitionProblem('submitted', 'in-review', 'company')).toBe('not-yours');
    expect(transitionProblem('in-review', 'clarification-requested', 'coordinator')).toBeNull();
    expect(transitionProblem('clarification-requested', 'responded', 'company')).toBeNull();
    expect(transitionProblem('responded', 'accepted', 'coordinator')).toBe(
      'transition-not-allowed',
    );
    expect(transitionProblem('closed', 'draft', 'company')).toBe('transition-not-allowed');
    expect(nextStates('in-review', 'coordinator').sort()).toEqual([
      'accepted',
      'clarification-requested',
    ]);
    expect(nextStates('in-review', 'company')).toEqual([]);
  });
});
