import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityId, AttemptId, DeviceId, EventId, LearnerId, SceneId, SkillId } from '../ids';
import type { MeasureEvent } from '../measurement/events';
import { catalogue, topic, twoSceneActivity } from '../testing/builders';
import { event } from '../testing/events';
import type { ProgressEvent } from './event';
import { isProgressFold, measuresOfLog, splitLog } from './fold';
import type { ProgressFold, ProgressLog } from './fold';
import { foldProgress } from './fold-make';
import { learnerReport, mostMissed } from './report';
import { summarize } from './summary';

const a1 = twoSceneActivity();
const a2 = twoSceneActivity({
  id: 'other-activity' as ActivityId,
  skills: ['spot-pressure-tricks' as SkillId],
  level: 'evaluate',
});
const cat = catalogue([topic('scams', ['spot-phishing-links', 'spot-pressure-tricks'])], [a1, a2]);
const learner = 'l1' as LearnerId;

// A device starts a new attempt for each play-through and never goes back to an older one: here
// an activity's attempt is the ten-millisecond window its answer falls in.
const eventArb = (i: number) =>
  fc
    .record({
      device: fc.constantFrom('d1', 'd2'),
      seq: fc.nat({ max: 20 }),
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
        attempt: `${r.activity}-${Math.floor(r.at / 10)}` as AttemptId,
        activity: r.activity as ActivityId,
        scene: r.scene as SceneId,
        answer: { type: 'choice', option: r.option },
      }),
    );

const logArb = fc
  .integer({ min: 0, max: 30 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => eventArb(i))));

const foldAt = (log: ProgressLog, at: number, n = 1): ProgressFold =>
  // Stored as JSON and read back, as the server and the device keep it.
  JSON.parse(
    JSON.stringify(foldProgress(log, at, cat, '8-10', { id: `fold-${n}` as EventId, learner })),
  ) as ProgressFold;

/** The log once the events before `at` are gone and a fold stands for them. */
const dropped = (log: ProgressLog, at: number, n = 1): ProgressLog => [
  foldAt(log, at, n),
  ...log.filter((e) => e.at >= at && !isProgressFold(e)),
];

describe('folds of dropped events', () => {
  it('leave the summary, the report and the most missed as the whole log gives them (property)', () => {
    fc.assert(
      fc.property(logArb, fc.integer({ min: 0, max: 52 }), (log, at) => {
        const after = dropped(log, at);
        expect(summarize(after, cat, '8-10')).toEqual(summarize(log, cat, '8-10'));
        expect(learnerReport(after, cat, '8-10')).toEqual(learnerReport(log, cat, '8-10'));
        expect(mostMissed([after, log])).toEqual(mostMissed([log, log]));
      }),
      { numRuns: 400 },
    );
  });

  it('fold again from a fold, and the log still reads the same (property)', () => {
    fc.assert(
      fc.property(
        logArb,
        fc.integer({ min: 0, max: 52 }),
        fc.integer({ min: 0, max: 52 }),
        (log, x, y) => {
          const [first, second] = x <= y ? [x, y] : [y, x];
          const once = dropped(log, first);
          const twice = dropped(once, second, 2);
          expect(summarize(twice, cat, '8-10')).toEqual(summarize(log, cat, '8-10'));
          expect(mostMissed([twice])).toEqual(mostMissed([log]));
          // While the events are still stored beside the fold, they are not counted twice.
          expect(summarize([...log, foldAt(log, second)], cat, '8-10')).toEqual(
            summarize(log, cat, '8-10'),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the measurement events before its time, once each', () => {
    const m = (id: string, at: number): MeasureEvent =>
      ({
        kind: 'measure-declined',
        id: id as EventId,
        learner,
        device: 'd1' as DeviceId,
        seq: 1,
        at,
        topic: 'scams',
      }) as unknown as MeasureEvent;
    const log = [event({ id: 'e1' as EventId, at: 5 }), m('m1', 3), m('m2', 30)];
    const fold = foldProgress(log, 10, cat, '8-10', { id: 'f' as EventId, learner });
    expect(fold.measures.map((e) => e.id)).toEqual(['m1']);
    expect(measuresOfLog([fold, ...log]).map((e) => e.id)).toEqual(['m1', 'm2']);
    expect(measuresOfLog([fold, m('m2', 30)]).map((e) => e.id)).toEqual(['m1', 'm2']);
  });

  it('the latest fold stands; the events before it are in it', () => {
    const events: ProgressEvent[] = [
      event({ id: 'e1' as EventId, at: 1 }),
      event({ id: 'e2' as EventId, at: 20 }),
    ];
    const early = foldAt(events, 10, 1);
    const late = foldAt(events, 30, 2);
    const split = splitLog([late, early, ...events]);
    expect(split.fold?.id).toBe('fold-2');
    expect(split.events).toEqual([]);
    expect(summarize([early, ...events], cat, '8-10').answers).toBe(2);
  });
});
