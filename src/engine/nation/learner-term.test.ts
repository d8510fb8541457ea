import { describe, expect, it } from 'vitest';
import type { AttemptId, EventId, SceneId, TopicId } from '../ids';
import type { MeasureEvent } from '../measurement/events';
import type { ProgressEvent } from '../progress/event';
import { catalogue, topic, twoSceneActivity } from '../testing/builders';
import { event } from '../testing/events';
import { foldProgress } from '../progress/fold-make';
import { BANK, measureEvent } from '../testing/measurement';
import type { Catalogue } from '../types/catalogue';
import { learnerTerm } from './learner-term';
import type { LearnerTerm } from './learner-term';
import { dayStart, termRefusal, termWindow } from './term';
import { termPlan } from './term-plan';
import { STEALTH_RULES_VERSION } from './stealth';
import { KIND_RULES } from './kinds';
import { foldTables, termTables } from './term-tables';
import { TABLE_KINDS } from './types';

// The term: instants 10 000 up to, not including, 100 000.
const WINDOW = { start: 10_000, end: 100_000 };
const base = catalogue([topic('scams', ['spot-phishing-links'])], [twoSceneActivity()]);
const content: Catalogue = { ...base, measurement: new Map([['scams', BANK]]) };
const plan = termPlan(content, WINDOW, { measurement: true });

let n = 0;
/** An answer in the two-scene activity (s1 → s2 → end), right unless said. */
const answer = (
  attempt: string,
  scene: 's1' | 's2',
  at: number,
  over: Partial<ProgressEvent> = {},
) =>
  event({
    id: `p${++n}` as EventId,
    seq: n,
    attempt: attempt as AttemptId,
    scene: scene as SceneId,
    ended: scene === 's2',
    at,
    ...over,
  });
const choice = (option: string) => ({ type: 'choice' as const, option });
const said = (
  use: 'pre' | 'post' | 'transfer',
  item: string,
  at: number,
  a: { type: 'choice'; option: string } | { type: 'sort'; placement: Record<string, string> },
  version = 2,
) => measureEvent('measure-answered', { use, version, item, answer: a, at });

describe('a learner’s part of a term', () => {
  // Before the term: one play-through (2 right answers). In it: another, a "what if" ending of
  // it and a "what if" ending of a new attempt (neither a completion), then one after the term.
  const played = [
    answer('x0', 's1', 1_000),
    answer('x0', 's2', 2_000),
    answer('x1', 's1', 20_000),
    answer('x1', 's2', 21_000),
    answer('x1', 's2', 22_000, { whatIf: true }),
    answer('x2', 's2', 23_000, { whatIf: true }),
    answer('x3', 's1', 200_000, { correct: false }),
    answer('x3', 's2', 201_000),
  ];
  // Pre-check before the term, post-check and transfer in it.
  const measured: MeasureEvent[] = [
    said('pre', 'p1', 5_000, choice('a')), // 1
    said('pre', 'p2', 5_100, choice('b')), // 0.5 → knowledge 75 %
    said('pre', 'p3', 5_200, {
      type: 'sort',
      placement: { c1: 'scam', c2: 'real', c3: 'real', c4: 'real' },
    }), // 3 of 4 cards → skill 75 %
    said('pre', 'se', 5_300, choice('p2')), // (2 − 1) / 4 → 25 %
    said('pre', 'int', 5_400, choice('p3')), // 50 %
    said('post', 'q1', 30_000, choice('a')),
    said('post', 'q2', 30_100, choice('a')), // knowledge 100 %
    said('post', 'q3', 30_200, {
      type: 'sort',
      placement: { c1: 'scam', c2: 'scam', c3: 'real', c4: 'real' },
    }), // skill 100 %
    said('post', 'se', 30_300, choice('p4')), // 75 %
    said('post', 'int', 30_400, choice('p5')), // 100 %
    said('post', 'q1', 30_500, choice('c')), // a second answer to q1: the first counts
    said('transfer', 't1', 40_000, choice('c')), // missed
  ];

  it('counts reach, completions and mastery from the progress events (hand-worked Elo)', () => {
    const t = learnerTerm(plan, '8-10', played);
    expect(t.active).toBe(true);
    // x1 ended in the term; x1's "what if" ending and x2 (a "what if" only) do not count, nor x0
    // (before) or x3 (after).
    expect(t.completions).toBe(1);
    // Four graded right answers up to the term's end on one skill, items of difficulty −1 (the
    // identify level, 8–10's start level), K = 1 / (1 + 0.05 n): θ = 0.269, 0.478, 0.647,
    // 0.787; mastery 1 / (1 + e^(−1 − 0.787)) = 0.857 ≥ 0.8 with 4 ≥ 3 answers. x3's wrong
    // answer is after the term.
    expect(t.mastery).toEqual([{ topic: 'scams', mastered: true }]);
  });

  it('assesses mastery only with enough evidence, and says when it is not reached', () => {
    // Two answers: evidence 2 < 3, not assessed.
    expect(learnerTerm(plan, '8-10', played.slice(2, 4)).mastery).toEqual([]);
    // Right, right, wrong: θ = 0.269, 0.478, then 0.478 − 0.909 · 0.814 = −0.262; mastery
    // 1 / (1 + e^(−0.738)) = 0.677 < 0.8: assessed, not mastered.
    const wrong = answer('x4', 's1', 24_000, { correct: false });
    expect(learnerTerm(plan, '8-10', [...played.slice(0, 2), wrong]).mastery).toEqual([
      { topic: 'scams', mastered: false },
    ]);
  });

  it('counts mastery only for a topic played in the term', () => {
    // Everything played before the term; only a check answered in it.
    const t = learnerTerm(plan, '8-10', [
      ...played.slice(0, 2),
      said('post', 'q2', 50_000, choice('a')),
    ]);
    expect(t.active).toBe(true);
    expect(t.mastery).toEqual([]);
  });

  it('pairs the pre and post checks per measure, in percent, when the post is in the term', () => {
    const t = learnerTerm(plan, '8-10', measured);
    expect(t.completions).toBe(0);
    expect(t.gains).toEqual([
      { topic: 'scams', measure: 'knowledge', pair: { pre: 75, post: 100 } },
      { topic: 'scams', measure: 'skill', pair: { pre: 75, post: 100 } },
      { topic: 'scams', measure: 'self-efficacy', pair: { pre: 25, post: 75 } },
      { topic: 'scams', measure: 'intention', pair: { pre: 50, post: 100 } },
    ]);
    // Post and transfer items, first answers only; the pre-check's and the scales are not items.
    expect(t.items).toEqual([
      { column: 'scams/q1', missed: false },
      { column: 'scams/q2', missed: false },
      { column: 'scams/q3', missed: false },
      { column: 'scams/t1', missed: true },
    ]);
    // q3 is a classification (MEAS-08): both scams caught, neither real card called a scam.
    expect(t.detection).toEqual([
      { column: 'scams/q3', signal: 2, hits: 2, noise: 2, falseAlarms: 0 },
    ]);
    expect(plan.detectionColumns).toEqual(['scams/q3/hits', 'scams/q3/false-alarms']);
  });

  it('counts hits and false alarms apart: calling every card a scam catches all and misfires on all', () => {
    const t = learnerTerm(plan, '8-10', [
      said('post', 'q3', 30_000, {
        type: 'sort',
        placement: { c1: 'scam', c2: 'scam', c3: 'scam', c4: 'scam' },
      }),
    ]);
    expect(t.detection).toEqual([
      { column: 'scams/q3', signal: 2, hits: 2, noise: 2, falseAlarms: 2 },
    ]);
    expect(t.items).toEqual([{ column: 'scams/q3', missed: false }]);
  });

  it('leaves out pairs whose post-check began before the term, another version and missing pre-checks', () => {
    const early = [
      said('pre', 'p1', 1_000, choice('a')),
      said('post', 'q1', 5_000, choice('c')), // the post-check began before the term
      said('post', 'q2', 20_000, choice('ns')), // "not sure": a miss, first answered in the term
      said(
        'post',
        'q3',
        20_100,
        { type: 'sort', placement: { c1: 'scam', c2: 'scam', c3: 'scam', c4: 'scam' } },
        1,
      ),
    ];
    const t = learnerTerm(plan, '8-10', early);
    expect(t.active).toBe(true);
    expect(t.gains).toEqual([]);
    expect(t.items).toEqual([{ column: 'scams/q2', missed: true }]);
    // A post-check in the term without any pre-check (skipped at random): no pair.
    expect(learnerTerm(plan, '8-10', measured.slice(5)).gains).toEqual([]);
  });

  it('pairs the stealth evidence with the post and transfer scores per measure (MEAS-06)', () => {
    // The four graded right answers of the first test, by hand: θ moves by K = 1 / (1 + 0.05 n)
    // times (1 − P(right)), P(right) = 1 / (1 + e^(−1 − θ)) at difficulty −1; the evidence is
    // P(right) at the start level (identify, −1) after the fourth.
    let theta = 0;
    for (let k = 0; k < 4; k++)
      theta += (1 / (1 + 0.05 * k)) * (1 - 1 / (1 + Math.exp(-1 - theta)));
    const x = 1 / (1 + Math.exp(-1 - theta));
    expect(x).toBeCloseTo(0.857, 3);
    const t = learnerTerm(plan, '8-10', [...played, ...measured]);
    expect(t.evidence.map((e) => e.column)).toEqual([
      'post/knowledge',
      'post/skill',
      'transfer/knowledge',
    ]);
    // Post: q1 and q2 best (knowledge 1), q3 all four cards right (skill 1); transfer: t1 wrong.
    expect(t.evidence.map((e) => e.y)).toEqual([1, 1, 0]);
    for (const e of t.evidence) expect(e.x).toBeCloseTo(x, 12);
    // Without play in the term there is no stealth evidence to pair.
    expect(learnerTerm(plan, '8-10', measured).evidence).toEqual([]);
    // With too little evidence (2 graded answers) neither.
    expect(learnerTerm(plan, '8-10', [...played.slice(2, 4), ...measured]).evidence).toEqual([]);
  });

  it('keeps the forms first answered in the term with every scored item answered (MEAS-11)', () => {
    const t = learnerTerm(plan, '8-10', measured);
    // The pre-check began before the term: not counted. Post q1, q2 (best: 1 each), q3 (1);
    // transfer t1 (wrong: 0). The scales are no items of the statistics.
    expect(t.forms).toEqual([
      { topic: 'scams', band: '8-10', use: 'post', scores: [1, 1, 1] },
      { topic: 'scams', band: '8-10', use: 'transfer', scores: [0] },
    ]);
    // An acceptable answer scores 0.5, a sort the share of its cards right.
    const partial = learnerTerm(plan, '8-10', [
      said('post', 'q2', 20_000, choice('b')),
      said('post', 'q1', 20_100, choice('ns')),
      said('post', 'q3', 20_200, {
        type: 'sort',
        placement: { c1: 'scam', c2: 'real', c3: 'real', c4: 'real' },
      }),
    ]);
    expect(partial.forms).toEqual([
      { topic: 'scams', band: '8-10', use: 'post', scores: [0, 0.5, 0.75] },
    ]);
    // A form with a scored item unanswered is left out.
    expect(learnerTerm(plan, '8-10', measured.slice(5, 7)).forms).toEqual([]);
    expect(plan.reliabilityColumns).toEqual(['scams/8-10/pre', 'scams/8-10/post']);
  });

  it('is nothing for a learner with no event in the term, and has no checks with measurement off', () => {
    expect(learnerTerm(plan, '8-10', [played[0]!, played[6]!])).toEqual({
      active: false,
      completions: 0,
      mastery: [],
      gains: [],
      items: [],
      detection: [],
      evidence: [],
      forms: [],
    });
    const off = termPlan(content, WINDOW, { measurement: false });
    const t = learnerTerm(off, '8-10', [...played, ...measured]);
    expect(t).toMatchObject({
      active: true,
      completions: 1,
      gains: [],
      items: [],
      evidence: [],
      forms: [],
    });
    expect(off.banks.size).toBe(0);
    expect(off.missedColumns).toEqual([]);
  });

  it('reads the same from a fold of the events before the term as from those events', () => {
    const log = [...played, ...measured];
    const fold = foldProgress(log, WINDOW.start, content, '8-10', {
      id: 'f1' as EventId,
      learner: played[0]!.learner,
    });
    const whole = learnerTerm(plan, '8-10', log);
    expect(whole.mastery).not.toEqual([]);
    expect(whole.gains).not.toEqual([]);
    const rest = log.filter((e) => e.at >= WINDOW.start);
    expect(learnerTerm(plan, '8-10', [fold, ...rest])).toEqual(whole);
    // While the events are still stored beside it, nothing counts twice.
    expect(learnerTerm(plan, '8-10', [...log, fold])).toEqual(whole);
    // Without the fold, the model and the pre-check before the term are missing.
    expect(learnerTerm(plan, '8-10', rest)).not.toEqual(whole);
  });
});

describe('the fold into cells', () => {
  const learner = (over: Partial<LearnerTerm>): LearnerTerm => ({
    active: true,
    completions: 0,
    mastery: [],
    gains: [],
    items: [],
    detection: [],
    evidence: [],
    forms: [],
    ...over,
  });
  const scams = 'scams' as TopicId;

  it('adds learners up per school and column, and national-only tables on the national school', () => {
    const fold = termTables(plan, 'f');
    fold.addLearner(
      's1',
      '8-10',
      learner({ completions: 2, mastery: [{ topic: scams, mastered: true }] }),
    );
    fold.addLearner(
      's1',
      '8-10',
      learner({ completions: 1, mastery: [{ topic: scams, mastered: false }] }),
    );
    fold.addLearner('s1', '5-7', learner({}));
    fold.addLearner('s2', '8-10', learner({ active: false, completions: 9 }));
    fold.addLearner(
      's2',
      '8-10',
      learner({
        gains: [
          { topic: scams, measure: 'knowledge', pair: { pre: 50, post: 80 } },
          { topic: scams, measure: 'skill', pair: { pre: 60, post: 40 } },
        ],
        items: [
          { column: 'scams/q1', missed: true },
          { column: 'scams/nope', missed: true },
        ],
      }),
    );
    fold.addLearner(
      's2',
      '8-10',
      learner({
        gains: [{ topic: scams, measure: 'knowledge', pair: { pre: 70, post: 90 } }],
        items: [{ column: 'scams/q1', missed: false }],
        detection: [{ column: 'scams/q3', signal: 2, hits: 1, noise: 2, falseAlarms: 2 }],
      }),
    );
    fold.addLearner(
      's2',
      '8-10',
      learner({
        detection: [{ column: 'scams/q3', signal: 2, hits: 2, noise: 2, falseAlarms: 0 }],
      }),
    );
    fold.addFeedback('fun', 12);
    fold.addFeedback('learned', 3);
    fold.addFeedback('not-an-answer', 5);
    const tables = fold.tables();
    expect(tables.map((t) => t.id)).toEqual([
      'activities',
      'detection',
      'evidence/scams',
      'feedback',
      'gains/scams',
      'items/scams',
      'mastery/scams',
      'most-missed',
      'reach',
      'reliability',
    ]);
    const byId = new Map(tables.map((t) => [t.id, t]));
    expect(byId.get('reach')!.columns).toEqual(['5-7', '8-10', '11-13', '14-16']);
    expect(byId.get('reach')!.cells).toEqual([
      { school: 's1', column: '5-7', children: 1 },
      { school: 's1', column: '8-10', children: 2 },
      { school: 's2', column: '8-10', children: 3 },
    ]);
    // Two children sorted q3: 3 of 4 scam cards caught, 2 of 4 real cards called scams.
    expect(byId.get('detection')!.cells).toEqual([
      { school: 'f', column: 'scams/q3/hits', children: 2, count: 4, numerator: 3 },
      { school: 'f', column: 'scams/q3/false-alarms', children: 2, count: 4, numerator: 2 },
    ]);
    expect(byId.get('activities')!.cells).toEqual([
      { school: 's1', column: '8-10', children: 2, count: 3 },
    ]);
    expect(byId.get('mastery/scams')!.cells).toEqual([
      { school: 's1', column: '8-10', children: 2, numerator: 1 },
    ]);
    // Knowledge: two pairs, Σpre 120, Σpost 170, Σ(post − pre)² = 30² + 20² = 1300.
    expect(byId.get('gains/scams')!.cells).toEqual([
      {
        school: 's2',
        column: 'knowledge',
        children: 2,
        pairs: { n: 2, pre: 120, post: 170, diffSquares: 1300 },
      },
      {
        school: 's2',
        column: 'skill',
        children: 1,
        pairs: { n: 1, pre: 60, post: 40, diffSquares: 400 },
      },
    ]);
    expect(byId.get('most-missed')!.columns).toEqual([
      'scams/q1',
      'scams/q2',
      'scams/q3',
      'scams/t1',
    ]);
    expect(byId.get('most-missed')!.cells).toEqual([
      { school: 'f', column: 'scams/q1', children: 2, numerator: 1 },
    ]);
    expect(byId.get('feedback')!.cells).toEqual([
      { school: 'f', column: 'fun', children: 12 },
      { school: 'f', column: 'learned', children: 3 },
    ]);
  });

  it('keeps additive sums for the correlation, the items and the forms, never a learner', () => {
    const fold = termTables(plan, 'f');
    const form = (scores: number[]) => ({
      topic: scams,
      band: '8-10' as const,
      use: 'post' as const,
      scores,
    });
    fold.addLearner(
      's1',
      '8-10',
      learner({
        evidence: [{ topic: scams, column: 'post/knowledge', x: 0.5, y: 1 }],
        forms: [form([1, 0, 0.5])],
      }),
    );
    fold.addLearner(
      's1',
      '8-10',
      learner({
        evidence: [{ topic: scams, column: 'post/knowledge', x: 0.75, y: 0.5 }],
        forms: [form([0, 1, 1])],
      }),
    );
    // Another school's children add to the same national cells.
    fold.addLearner('s2', '8-10', learner({}));
    const byId = new Map(fold.tables().map((t) => [t.id, t]));
    // Σx, Σy, Σx², Σy², Σxy.
    expect(byId.get('evidence/scams')!.cells).toEqual([
      {
        school: 'f',
        column: 'post/knowledge',
        children: 2,
        sums: [1.25, 1.5, 0.8125, 1.25, 0.875],
      },
    ]);
    expect(byId.get('evidence/scams')!.rulesVersion).toBe(STEALTH_RULES_VERSION);
    // Totals 1.5 and 2. q1: Σx 1, Σx² 1, Σx·T 1.5, ΣT 3.5, ΣT² 6.25.
    const items = byId.get('items/scams')!;
    expect(items.columns).toEqual([
      '8-10/pre/p1',
      '8-10/pre/p2',
      '8-10/pre/p3',
      '8-10/post/q1',
      '8-10/post/q2',
      '8-10/post/q3',
      '8-10/transfer/t1',
    ]);
    expect(items.cells).toEqual([
      { school: 'f', column: '8-10/post/q1', children: 2, sums: [1, 1, 1.5, 3.5, 6.25] },
      { school: 'f', column: '8-10/post/q2', children: 2, sums: [1, 1, 2, 3.5, 6.25] },
      { school: 'f', column: '8-10/post/q3', children: 2, sums: [1.5, 1.25, 2.75, 3.5, 6.25] },
    ]);
    // ΣT, ΣT², then each item's Σx, Σx².
    expect(byId.get('reliability')!.cells).toEqual([
      {
        school: 'f',
        column: 'scams/8-10/post',
        children: 2,
        sums: [3.5, 6.25, 1, 1, 1, 1, 1.5, 1.25],
      },
    ]);
  });

  it('merges folds of different schools into what one fold of them all gives', () => {
    const a = learner({ completions: 1, mastery: [{ topic: scams, mastered: true }] });
    const b = learner({
      gains: [{ topic: scams, measure: 'skill', pair: { pre: 10, post: 35 } }],
      items: [{ column: 'scams/q2', missed: false }],
      evidence: [{ topic: scams, column: 'post/skill', x: 0.3, y: 0.25 }],
      forms: [{ topic: scams, band: '8-10', use: 'pre', scores: [1, 0.5, 0.25] }],
    });
    const all = termTables(plan, 'f');
    const one = termTables(plan, 'f');
    // A worker's fold: its national school is never used, `foldTables` names it.
    const two = termTables(plan, '');
    for (const [school, t] of [
      ['s2', a],
      ['s1', b],
      ['s3', a],
      ['s1', a],
    ] as const) {
      all.addLearner(school, '8-10', t);
      (school === 's1' ? one : two).addLearner(school, '8-10', t);
    }
    all.addFeedback('fun', 2);
    one.addFeedback('fun', 2);
    expect(foldTables('f', [two.part(), one.part()])).toEqual(all.tables());
    // The same school in two parts: its cells add up.
    const twice = foldTables('f', [one.part(), one.part()]);
    expect(twice.find((t) => t.id === 'gains/scams')!.cells).toEqual([
      {
        school: 's1',
        column: 'skill',
        children: 2,
        pairs: { n: 2, pre: 20, post: 70, diffSquares: 1250 },
      },
    ]);
    expect(twice.find((t) => t.id === 'reliability')!.cells).toEqual([
      {
        school: 'f',
        column: 'scams/8-10/pre',
        children: 2,
        sums: [3.5, 6.125, 2, 2, 1, 0.5, 0.5, 0.125],
      },
    ]);
  });

  it('gives the national cells to the last bit whatever the split of the learners', () => {
    // Estimates and scores that are no short binary fractions (a third, tenths).
    const learners = Array.from({ length: 60 }, (_, i) =>
      learner({
        evidence: [
          { topic: scams, column: 'post/knowledge', x: (i % 7) / 7 + 0.01, y: (i % 3) / 3 },
        ],
        forms: [
          {
            topic: scams,
            band: '8-10',
            use: 'post',
            scores: [(i % 10) / 10, (i % 3) / 3, i % 2],
          },
        ],
      }),
    );
    const one = termTables(plan, 'f');
    for (const t of learners) one.addLearner('s1', '8-10', t);
    const parts = [learners.slice(0, 17), learners.slice(17, 41), learners.slice(41)].map(
      (list) => {
        const fold = termTables(plan, '');
        for (const t of list) fold.addLearner('s1', '8-10', t);
        return fold.part();
      },
    );
    const whole = one.tables();
    expect(foldTables('f', parts)).toEqual(whole);
    expect(foldTables('f', [...parts].reverse())).toEqual(whole);
    const sums = whole.find((t) => t.id === 'evidence/scams')!.cells[0]!.sums!;
    expect(sums[0]).toBeCloseTo(
      learners.reduce((s, t) => s + t.evidence[0]!.x, 0),
      12,
    );
  });

  it('folds exactly the kinds published at national level only into one cell a column', () => {
    const fold = termTables(plan, '');
    const national = fold.part().national.map((n) => n.kind);
    const byArea = fold.part().schools.map((t) => t.kind);
    for (const kind of national) expect(KIND_RULES[kind].levels).toEqual(['national']);
    for (const kind of byArea) expect(KIND_RULES[kind].levels).not.toEqual(['national']);
    expect(new Set([...national, ...byArea])).toEqual(new Set(TABLE_KINDS));
  });

  it('has no gains or most-missed table with measurement off', () => {
    const off = termTables(termPlan(content, WINDOW, { measurement: false }), 'f');
    expect(off.tables().map((t) => t.id)).toEqual([
      'activities',
      'feedback',
      'mastery/scams',
      'reach',
    ]);
    expect(termPlan(content, WINDOW, { measurement: false }).reliabilityColumns).toEqual([]);
  });
});

describe('terms', () => {
  it('spans whole UTC days, `to` included, and refuses unreal or reversed days', () => {
    expect(termWindow({ from: '2026-01-05', to: '2026-04-03' })).toEqual({
      start: Date.UTC(2026, 0, 5),
      end: Date.UTC(2026, 3, 4),
    });
    expect(termWindow({ from: '2026-02-30', to: '2026-04-03' })).toBeNull();
    expect(termWindow({ from: '2026-04-04', to: '2026-04-03' })).toBeNull();
    expect(dayStart('2026-1-05')).toBeNull();
  });

  it('builds a term once, after its last day, without sharing a day with another release', () => {
    const built = [{ term: '2026-t1', from: '2026-01-05', to: '2026-04-03' }];
    const t2 = { term: '2026-t2', from: '2026-04-20', to: '2026-07-10' };
    expect(termRefusal(t2, '2026-07-11', built)).toBeNull();
    expect(termRefusal(t2, '2026-07-10', built)).toEqual({
      code: 'term_not_ended',
      today: '2026-07-10',
    });
    expect(termRefusal({ ...t2, term: '2026-t1' }, '2026-08-01', built)).toEqual({
      code: 'release_exists',
      term: '2026-t1',
    });
    expect(termRefusal({ ...t2, from: '2026-04-03' }, '2026-08-01', built)).toEqual({
      code: 'term_overlap',
      term: '2026-t1',
    });
    expect(termRefusal({ ...t2, from: '2026-04-04' }, '2026-08-01', built)).toBeNull();
  });
});
