import type { MeasureItem, MeasureUse } from '../types/measurement';
import type { Band } from '../types/text';
import type { MeasureAnsweredEvent, MeasureEvent } from './events';
import type { Classification, MeasureAnswer } from './score';
import { classifyAnswer, scoreItem } from './score';

/** A scored construct's result over a form: points earned of items answered. */
export interface ConstructScore {
  readonly items: number;
  readonly points: number;
  /** points ÷ items, from 0 to 1. */
  readonly proportion: number;
  /** Answers of "not sure". */
  readonly notSure: number;
}

/** A scale construct's result: the mean point, and the same on 0–1 so 3- and 5-point scales compare. */
export interface ScaleScore {
  readonly items: number;
  readonly mean: number;
  readonly position: number;
}

/**
 * One learner's check, measure by measure (MEAS-07): knowledge, skill, self-efficacy and
 * intention each on their own, null when the form had none answered, never added into one
 * score; and the hits and false alarms of its classification items (MEAS-08).
 */
export interface FormScore {
  readonly knowledge: ConstructScore | null;
  readonly skill: ConstructScore | null;
  readonly selfEfficacy: ScaleScore | null;
  readonly intention: ScaleScore | null;
  readonly classification: Classification | null;
}

function scored(results: { score: number; notSure: boolean }[]): ConstructScore | null {
  if (results.length === 0) return null;
  const points = results.reduce((s, r) => s + r.score, 0);
  return {
    items: results.length,
    points,
    proportion: points / results.length,
    notSure: results.filter((r) => r.notSure).length,
  };
}

function scale(results: { value: number; points: number }[]): ScaleScore | null {
  if (results.length === 0) return null;
  const n = results.length;
  return {
    items: n,
    mean: results.reduce((s, r) => s + r.value, 0) / n,
    position: results.reduce((s, r) => s + (r.value - 1) / (r.points - 1), 0) / n,
  };
}

/**
 * Scores a form's answers (item id → answer); items without an answer, and answers that do
 * not fit their item, are left out.
 */
export function scoreForm(
  items: readonly MeasureItem[],
  answers: ReadonlyMap<string, MeasureAnswer>,
): FormScore {
  const byConstruct = {
    knowledge: [] as { score: number; notSure: boolean }[],
    skill: [] as { score: number; notSure: boolean }[],
    'self-efficacy': [] as { value: number; points: number }[],
    intention: [] as { value: number; points: number }[],
  };
  let classification: Classification | null = null;
  for (const item of items) {
    const answer = answers.get(item.id);
    if (answer === undefined) continue;
    const r = scoreItem(item, answer);
    if (r === null) continue;
    if (r.kind === 'scale') {
      if (item.construct === 'self-efficacy' || item.construct === 'intention')
        byConstruct[item.construct].push(r);
    } else if (item.construct === 'knowledge' || item.construct === 'skill')
      byConstruct[item.construct].push(r);
    const c = classifyAnswer(item, answer);
    if (c !== null) {
      const before: Classification = classification ?? {
        hits: 0,
        misses: 0,
        falseAlarms: 0,
        correctRejections: 0,
      };
      classification = {
        hits: before.hits + c.hits,
        misses: before.misses + c.misses,
        falseAlarms: before.falseAlarms + c.falseAlarms,
        correctRejections: before.correctRejections + c.correctRejections,
      };
    }
  }
  return {
    knowledge: scored(byConstruct.knowledge),
    skill: scored(byConstruct.skill),
    selfEfficacy: scale(byConstruct['self-efficacy']),
    intention: scale(byConstruct.intention),
    classification,
  };
}

/**
 * The answers of one check from a learner's measurement events: item id → the first answer
 * recorded (a check is answered once; an answer sent again changes nothing).
 */
export function formAnswers(
  events: readonly MeasureEvent[],
  check: {
    readonly topic: string;
    readonly band: Band;
    readonly use: MeasureUse;
    readonly version: number;
  },
): Map<string, MeasureAnswer> {
  const out = new Map<string, MeasureAnswer>();
  const mine = events
    .filter(
      (e): e is MeasureAnsweredEvent =>
        e.kind === 'measure-answered' &&
        e.topic === check.topic &&
        e.band === check.band &&
        e.use === check.use &&
        e.version === check.version,
    )
    .sort((a, b) => a.at - b.at || a.seq - b.seq);
  for (const e of mine) if (!out.has(e.item)) out.set(e.item, e.answer);
  return out;
}
