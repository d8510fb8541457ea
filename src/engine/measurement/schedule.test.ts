import { describe, expect, it } from 'vitest';
import type { ActivityId } from '../ids';
import { event } from '../testing/events';
import { BANK, measureEvent } from '../testing/measurement';
import { nextCheck, REPEAT_AFTER_MS, TRANSFER_AFTER_MS } from './schedule';
import type { ScheduleInput } from './schedule';

const DAY = 24 * 60 * 60 * 1000;
const A = ['scams-8-10-identify', 'scams-8-10-evaluate'] as ActivityId[];
const base: ScheduleInput = {
  bank: BANK,
  band: '8-10',
  enabled: true,
  hasAccount: true,
  activities: A,
  progress: [],
  measures: [],
  now: 100 * DAY,
};
const assigned = (skipPre = false) =>
  measureEvent('measure-assigned', { skipPre, skipRate: 0.15, at: 1 });
const answered = (use: 'pre' | 'post' | 'transfer', item: string, at: number) =>
  measureEvent('measure-answered', {
    use,
    version: 2,
    item,
    answer: { type: 'choice', option: 'a' },
    at,
  });
const ended = (activity: ActivityId, over = {}) =>
  event({ activity, ended: true, at: 50 * DAY, ...over });
const ids = (step: ReturnType<typeof nextCheck>) =>
  step.step === 'check' ? step.items.map((i) => i.id) : step;

describe('nextCheck: which check is due (NATION-3)', () => {
  it('measures nobody when the deployment turned it off, or a child without an account', () => {
    expect(nextCheck({ ...base, enabled: false })).toEqual({ step: 'none', reason: 'off' });
    expect(nextCheck({ ...base, hasAccount: false })).toEqual({
      step: 'none',
      reason: 'no-account',
    });
  });

  it('asks for the draw first, then the pre form (scored items and both scales) without feedback', () => {
    expect(nextCheck(base)).toEqual({ step: 'assign' });
    const step = nextCheck({ ...base, measures: [assigned()] });
    expect(ids(step)).toEqual(['p1', 'p2', 'p3', 'se', 'int']);
    expect(step.step === 'check' && step.presentation).toEqual({
      correctness: false,
      score: false,
      skippable: true,
    });
  });

  it('offers no pre form to a child the draw set to skip it (MEAS-04), nor twice', () => {
    expect(nextCheck({ ...base, measures: [assigned(true)] })).toEqual({
      step: 'none',
      reason: 'not-yet',
    });
    const declined = measureEvent('measure-declined', { use: 'pre', version: 2, at: 2 });
    expect(nextCheck({ ...base, measures: [assigned(), declined] }).step).toBe('none');
    expect(nextCheck({ ...base, measures: [assigned(), answered('pre', 'p1', 2)] }).step).toBe(
      'none',
    );
  });

  it('keeps the earliest draw when two devices drew before they synced', () => {
    const late = measureEvent('measure-assigned', { skipPre: false, skipRate: 0.15, at: 5 });
    const early = measureEvent('measure-assigned', { skipPre: true, skipRate: 0.15, at: 2 });
    for (const measures of [
      [late, early],
      [early, late],
    ])
      expect(nextCheck({ ...base, measures })).toEqual({ step: 'none', reason: 'not-yet' });
  });

  it('does not enrol a child who played the topic before measurement began', () => {
    expect(nextCheck({ ...base, progress: [event({ activity: A[0]! })] })).toEqual({
      step: 'none',
      reason: 'started-before',
    });
  });

  it('gives the pre-check up once an activity of the topic was played', () => {
    const step = nextCheck({
      ...base,
      measures: [assigned()],
      progress: [event({ activity: A[0]! })],
    });
    expect(step).toEqual({ step: 'none', reason: 'not-yet' });
  });

  it('offers the post form once every activity of the topic in the band has ended', () => {
    const measures = [assigned(), answered('pre', 'p1', 2)];
    expect(nextCheck({ ...base, measures, progress: [ended(A[0]!)] }).step).toBe('none');
    // A "what if" ending after an outcome is not finishing the activity.
    expect(
      nextCheck({ ...base, measures, progress: [ended(A[0]!), ended(A[1]!, { whatIf: true })] })
        .step,
    ).toBe('none');
    const step = nextCheck({ ...base, measures, progress: [ended(A[0]!), ended(A[1]!)] });
    expect(ids(step)).toEqual(['q1', 'q2', 'q3', 'se', 'int']);
    expect(step.step === 'check' && step.presentation.correctness).toBe(true);
  });

  it('offers the post form to a child who skipped the pre-check too (Solomon design)', () => {
    const step = nextCheck({
      ...base,
      measures: [assigned(true)],
      progress: [ended(A[0]!), ended(A[1]!)],
    });
    expect(step.step === 'check' && step.use).toBe('post');
  });

  it('waits 7 days after the post-check for the transfer scenario (MEAS-05), then offers it once', () => {
    const postAt = 60 * DAY;
    const input = {
      ...base,
      progress: [ended(A[0]!), ended(A[1]!)],
      measures: [assigned(), answered('post', 'q1', postAt)],
    };
    expect(nextCheck({ ...input, now: postAt + TRANSFER_AFTER_MS - 1 })).toEqual({
      step: 'wait',
      use: 'transfer',
      until: postAt + TRANSFER_AFTER_MS,
    });
    const step = nextCheck({ ...input, now: postAt + TRANSFER_AFTER_MS });
    expect(ids(step)).toEqual(['t1']);
    const done = { ...input, measures: [...input.measures, answered('transfer', 't1', 70 * DAY)] };
    expect(nextCheck({ ...done, now: 80 * DAY })).toEqual({ step: 'none', reason: 'done' });
  });

  it('never repeats a scored item within 30 days, even in another band (MEAS-02)', () => {
    const shared = {
      ...BANK,
      items: BANK.items.map((i) => ({ ...i, bands: ['8-10', '11-13'] as const })),
    };
    const earlier = measureEvent('measure-answered', {
      band: '8-10',
      use: 'pre',
      version: 2,
      item: 'p1',
      answer: { type: 'choice', option: 'a' },
      at: 90 * DAY,
    });
    const input: ScheduleInput = {
      ...base,
      bank: shared,
      band: '11-13',
      measures: [
        earlier,
        measureEvent('measure-assigned', {
          band: '11-13',
          skipPre: false,
          skipRate: 0.15,
          at: 95 * DAY,
        }),
      ],
    };
    expect(nextCheck(input)).toEqual({
      step: 'wait',
      use: 'pre',
      until: 90 * DAY + REPEAT_AFTER_MS,
    });
    expect(nextCheck({ ...input, now: 90 * DAY + REPEAT_AFTER_MS }).step).toBe('check');
  });
});
