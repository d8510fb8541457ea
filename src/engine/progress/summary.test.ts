import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityId, AttemptId, DeviceId, EventId, SceneId, SkillId } from '../ids';
import { catalogue, topic, twoSceneActivity } from '../testing/builders';
import { event } from '../testing/events';
import type { ProgressEvent } from './event';
import { summarize } from './summary';

const a1 = twoSceneActivity();
const a2 = twoSceneActivity({
  id: 'other-activity' as ActivityId,
  skills: ['spot-pressure-tricks' as SkillId],
  level: 'evaluate',
});
const cat = catalogue([topic('scams', ['spot-phishing-links', 'spot-pressure-tricks'])], [a1, a2]);

const eventArb = (i: number) =>
  fc
    .record({
      device: fc.constantFrom('d1', 'd2', 'd3'),
      seq: fc.nat({ max: 20 }),
      attempt: fc.constantFrom('x1', 'x2', 'x3'),
      activity: fc.constantFrom('test-activity', 'other-activity', 'removed-activity'),
      scene: fc.constantFrom('s1', 's2'),
      option: fc.constantFrom('a', 'b', 'c'),
      correct: fc.boolean(),
      safety: fc.constantFrom('safe', 'risky', 'unsafe'),
      hinted: fc.boolean(),
      whatIf: fc.boolean(),
      ended: fc.boolean(),
      at: fc.integer({ min: 0, max: 50 }),
    })
    .map((r) =>
      event({
        ...r,
        id: `e${i}` as EventId,
        device: r.device as DeviceId,
        attempt: r.attempt as AttemptId,
        activity: r.activity as ActivityId,
        scene: r.scene as SceneId,
        answer: { type: 'choice', option: r.option },
      }),
    );

const logArb = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => eventArb(i))));

function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((v, i) => [v, keys[i % Math.max(1, keys.length)] ?? 0, i] as const)
    .sort((x, y) => x[1] - y[1] || y[2] - x[2])
    .map(([v]) => v);
}

describe('progress summary', () => {
  it('is the same for any arrival order (property)', () => {
    fc.assert(
      fc.property(logArb, fc.array(fc.integer(), { minLength: 1 }), (log, keys) => {
        expect(summarize(permute(log, keys), cat, '8-10')).toEqual(summarize(log, cat, '8-10'));
      }),
      { numRuns: 300 },
    );
  });

  it('is unchanged by resending any events, any number of times (property)', () => {
    fc.assert(
      fc.property(
        logArb,
        fc.array(fc.nat()),
        fc.array(fc.integer(), { minLength: 1 }),
        (log, picks, keys) => {
          const resent: ProgressEvent[] =
            log.length === 0
              ? []
              : picks.map((p) => ({ ...(log[p % log.length] as ProgressEvent) }));
          const once = summarize(log, cat, '8-10');
          expect(summarize(permute([...log, ...resent], keys), cat, '8-10')).toEqual(once);
          expect(summarize([...log, ...log], cat, '8-10')).toEqual(once);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('grades only first tries outside "what if", and never a continue', () => {
    const log = [
      event({ id: 'e1' as EventId, at: 1, correct: false }),
      event({ id: 'e2' as EventId, at: 2, correct: true }),
      event({ id: 'e3' as EventId, at: 3, scene: 's2' as SceneId, whatIf: true }),
      event({
        id: 'e4' as EventId,
        at: 4,
        scene: 'intro' as SceneId,
        answer: { type: 'continue' },
      }),
    ];
    const s = summarize(log, cat, '8-10');
    expect(s.learner.skills['spot-phishing-links' as SkillId]).toMatchObject({
      n: 1,
      lastCorrect: false,
    });
    expect(s).toMatchObject({
      answers: 4,
      correct: 3,
      safety: { safe: 4, risky: 0, unsafe: 0 },
      lastAt: 4,
    });
    expect(s.learner.activities['test-activity' as ActivityId]).toMatchObject({
      answers: 4,
      attempts: 1,
    });
  });

  it('summarises an empty log', () => {
    expect(summarize([], cat, '5-7')).toMatchObject({
      answers: 0,
      lastAt: null,
      learner: { band: '5-7', skills: {} },
    });
  });
});
