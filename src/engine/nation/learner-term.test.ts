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
import { mergeTables, termTables } from './term-tables';

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

  it('is nothing for a learner with no event in the term, and has no checks with measurement off', () => {
    expect(learnerTerm(plan, '8-10', [played[0]!, played[6]!])).toEqual({
      active: false,
      completions: 0,
      mastery: [],
      gains: [],
      items: [],
      detection: [],
    });
    const off = termPlan(content, WINDOW, { measurement: false });
    const t = learnerTerm(off, '8-10', [...played, ...measured]);
    expect(t).toMatchObject({ active: true, completions: 1, gains: [], items: [] });
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

describe('the fold into school cells', () => {
  const learner = (over: Partial<LearnerTerm>): LearnerTerm => ({
    active: true,
    completions: 0,
    mastery: [],
    gains: [],
    items: [],
    detection: [],
    ...over,
  });
  const scams = 'scams' as TopicId;

  it('adds learners up per school and column, and feedback answers on the feedback school', () => {
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
      'feedback',
      'gains/scams',
      'mastery/scams',
      'most-missed',
      'reach',
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
      { school: 's2', column: 'scams/q3/hits', children: 2, count: 4, numerator: 3 },
      { school: 's2', column: 'scams/q3/false-alarms', children: 2, count: 4, numerator: 2 },
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
      { school: 's2', column: 'scams/q1', children: 2, numerator: 1 },
    ]);
    expect(byId.get('feedback')!.cells).toEqual([
      { school: 'f', column: 'fun', children: 12 },
      { school: 'f', column: 'learned', children: 3 },
    ]);
  });

  it('merges folds of different schools into what one fold of them all gives', () => {
    const a = learner({ completions: 1, mastery: [{ topic: scams, mastered: true }] });
    const b = learner({
      gains: [{ topic: scams, measure: 'skill', pair: { pre: 10, post: 35 } }],
      items: [{ column: 'scams/q2', missed: false }],
    });
    const all = termTables(plan, 'f');
    const one = termTables(plan, 'f');
    const two = termTables(plan, 'x');
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
    expect(mergeTables([two.tables(), one.tables()])).toEqual(all.tables());
    // The same school in two parts: its cells add up.
    const twice = mergeTables([one.tables(), one.tables()]);
    expect(twice.find((t) => t.id === 'gains/scams')!.cells).toEqual([
      {
        school: 's1',
        column: 'skill',
        children: 2,
        pairs: { n: 2, pre: 20, post: 70, diffSquares: 1250 },
      },
    ]);
  });

  it('has no gains or most-missed table with measurement off', () => {
    const off = termTables(termPlan(content, WINDOW, { measurement: false }), 'f');
    expect(off.tables().map((t) => t.id)).toEqual([
      'activities',
      'feedback',
      'mastery/scams',
      'reach',
    ]);
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
