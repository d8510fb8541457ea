// What one learner adds to their school's cells of a term's release (issue #17): computed from
// that learner's own events and then dropped, so the release builder never holds more than one
// learner's events and no child-level row reaches the release.

import type { TopicId } from '../ids';
import { isMastered } from '../learner/mastery';
import type { Mastery } from '../learner/mastery';
import { isMeasureEvent } from '../measurement/events';
import type { MeasureAnsweredEvent, MeasureEvent } from '../measurement/events';
import { formAnswers, scoreForm } from '../measurement/form-score';
import type { FormScore } from '../measurement/form-score';
import { classifyAnswer, scoreItem } from '../measurement/score';
import type { MeasureAnswer } from '../measurement/score';
import type { ProgressEvent } from '../progress/event';
import type { MeasureUse } from '../types/measurement';
import { isProgressFold, measuresOfLog } from '../progress/fold';
import type { ProgressFold } from '../progress/fold';
import type { Band } from '../types/text';
import type { Pair } from './gains';
import { stealthEvidence } from './stealth';
import { isClassification, missedColumn } from './term-plan';
import type { EvidenceColumn, TermPlan } from './term-plan';
import { inWindow } from './term';
import type { GainMeasure } from './types';

/** An item answer scoring below this is a miss: neither the best nor an acceptable answer. */
export const MISSED_BELOW = 0.5;

/** One learner's part of a term's tables. */
export interface LearnerTerm {
  /** Any event (an answer in an activity or a check) in the term: counted in `reach`. */
  readonly active: boolean;
  /** Attempts that reached an ending in the term, outside "what if" replays (`activities`). */
  readonly completions: number;
  /**
   * Topics played in the term whose mastery has enough evidence at the term's end (`mastery`):
   * mastered or not, at the band's start level.
   */
  readonly mastery: readonly { readonly topic: TopicId; readonly mastered: boolean }[];
  /** Pre/post pairs whose post-check was first answered in the term, per measure (`gains`). */
  readonly gains: readonly {
    readonly topic: TopicId;
    readonly measure: GainMeasure;
    readonly pair: Pair;
  }[];
  /** Scored post and transfer items first answered in the term, missed or not (`most-missed`). */
  readonly items: readonly { readonly column: string; readonly missed: boolean }[];
  /**
   * Those of them that are classifications (`detection`, MEAS-08): warning cards and how many
   * were sorted as warnings (hits), other cards and how many were sorted as warnings (false
   * alarms).
   */
  readonly detection: readonly {
    readonly column: string;
    readonly signal: number;
    readonly hits: number;
    readonly noise: number;
    readonly falseAlarms: number;
  }[];
  /**
   * The stealth evidence of a topic (`x`, its mastery estimate from 0 to 1) beside a check's
   * score on one measure (`y`, the share of points, 0–1), MEAS-06 (`evidence`).
   */
  readonly evidence: readonly {
    readonly topic: TopicId;
    readonly column: EvidenceColumn;
    readonly x: number;
    readonly y: number;
  }[];
  /**
   * Forms first answered in the term with every scored item answered: the items' scores (0–1)
   * in the form's order, MEAS-11 (`items`, `reliability`).
   */
  readonly forms: readonly {
    readonly topic: TopicId;
    readonly band: Band;
    readonly use: MeasureUse;
    readonly scores: readonly number[];
  }[];
}

const NOTHING: LearnerTerm = Object.freeze({
  active: false,
  completions: 0,
  mastery: [],
  gains: [],
  items: [],
  detection: [],
  evidence: [],
  forms: [],
});

/** A measure's score in percent, or null when the form had none of it answered. */
function measurePercent(score: FormScore, measure: GainMeasure): number | null {
  switch (measure) {
    case 'knowledge':
      return score.knowledge === null ? null : 100 * score.knowledge.proportion;
    case 'skill':
      return score.skill === null ? null : 100 * score.skill.proportion;
    case 'self-efficacy':
      return score.selfEfficacy === null ? null : 100 * score.selfEfficacy.position;
    case 'intention':
      return score.intention === null ? null : 100 * score.intention.position;
  }
}

const MEASURES: readonly GainMeasure[] = ['knowledge', 'skill', 'self-efficacy', 'intention'];

const byTime = (a: MeasureAnsweredEvent, b: MeasureAnsweredEvent) =>
  a.at - b.at || a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The pairs of one topic: its first post-check answer in the term, with a pre-check before. */
function topicGains(
  plan: TermPlan,
  topic: TopicId,
  answers: readonly MeasureAnsweredEvent[],
): LearnerTerm['gains'] {
  const version = plan.banks.get(topic)!.version;
  const firstPost = firstInTerm(plan, answers, 'post');
  if (!firstPost) return [];
  const band = firstPost.band;
  const check = (use: 'pre' | 'post') => {
    const given = formAnswers(answers, { topic, band, use, version });
    return given.size === 0 ? null : scoreForm(plan.form(topic, band, use), given);
  };
  const pre = check('pre');
  const post = check('post');
  if (pre === null || post === null) return [];
  const out: { topic: TopicId; measure: GainMeasure; pair: Pair }[] = [];
  for (const measure of MEASURES) {
    const before = measurePercent(pre, measure);
    const after = measurePercent(post, measure);
    if (before !== null && after !== null)
      out.push({ topic, measure, pair: { pre: before, post: after } });
  }
  return out;
}

/** The scored post/transfer items of a topic first answered in the term, missed or not. */
function topicItems(
  plan: TermPlan,
  topic: TopicId,
  answers: readonly MeasureAnsweredEvent[],
): Pick<LearnerTerm, 'items' | 'detection'> {
  const seen = new Set<string>();
  const out: { column: string; missed: boolean }[] = [];
  const detection: LearnerTerm['detection'][number][] = [];
  for (const e of answers) {
    if (seen.has(e.item)) continue;
    seen.add(e.item);
    const column = missedColumn(topic, e.item);
    const missed = plan.missedItems.get(column);
    if (!missed || !missed.item.use.includes(e.use) || !inWindow(plan.window, e.at)) continue;
    const result = scoreItem(missed.item, e.answer);
    if (result === null || result.kind !== 'scored') continue;
    out.push({ column, missed: result.score < MISSED_BELOW });
    const c = isClassification(missed.item) ? classifyAnswer(missed.item, e.answer) : null;
    if (c)
      detection.push({
        column,
        signal: c.hits + c.misses,
        hits: c.hits,
        noise: c.falseAlarms + c.correctRejections,
        falseAlarms: c.falseAlarms,
      });
  }
  return { items: out, detection };
}

/** The first answer of a check (one use) in the learner's answers, when it falls in the term. */
function firstInTerm(plan: TermPlan, answers: readonly MeasureAnsweredEvent[], use: MeasureUse) {
  const first = answers.find((e) => e.use === use);
  return first && inWindow(plan.window, first.at) ? first : undefined;
}

/** A check (band and use) of a topic: its first answer, and the first answer to each item. */
interface Check {
  readonly first: MeasureAnsweredEvent;
  readonly given: Map<string, MeasureAnswer>;
}

/**
 * The checks of a topic from its answers (sorted by time, all of the bank's current version):
 * by `<band>|<use>`, as `formAnswers` gives each, in one pass.
 */
function checksOf(answers: readonly MeasureAnsweredEvent[]): Map<string, Check> {
  const out = new Map<string, Check>();
  for (const e of answers) {
    const key = `${e.band}|${e.use}`;
    const check = out.get(key);
    if (!check) out.set(key, { first: e, given: new Map([[e.item, e.answer]]) });
    else if (!check.given.has(e.item)) check.given.set(e.item, e.answer);
  }
  return out;
}

/** The stealth evidence of a topic beside its post- and transfer-check scores (MEAS-06). */
function topicEvidence(
  plan: TermPlan,
  topic: TopicId,
  stealth: Mastery,
  answers: readonly MeasureAnsweredEvent[],
  checks: ReadonlyMap<string, Check>,
): LearnerTerm['evidence'] {
  const out: LearnerTerm['evidence'][number][] = [];
  for (const use of ['post', 'transfer'] as const) {
    const first = firstInTerm(plan, answers, use);
    if (!first) continue;
    const given = checks.get(`${first.band}|${use}`)!.given;
    const score = scoreForm(plan.form(topic, first.band, use), given);
    if (score.knowledge)
      out.push({
        topic,
        column: `${use}/knowledge`,
        x: stealth.value,
        y: score.knowledge.proportion,
      });
    if (score.skill)
      out.push({ topic, column: `${use}/skill`, x: stealth.value, y: score.skill.proportion });
  }
  return out;
}

/** The forms of a topic first answered in the term with all their scored items (MEAS-11). */
function topicForms(
  plan: TermPlan,
  topic: TopicId,
  checks: ReadonlyMap<string, Check>,
): LearnerTerm['forms'] {
  const out: LearnerTerm['forms'][number][] = [];
  const forms = plan.itemForms.get(topic) ?? [];
  for (const { first, given } of checks.values()) {
    if (!inWindow(plan.window, first.at)) continue;
    const form = forms.find((f) => f.band === first.band && f.use === first.use);
    if (!form) continue;
    const scores: number[] = [];
    for (const item of form.items) {
      const answer = given.get(item.id);
      const r = answer === undefined ? null : scoreItem(item, answer);
      if (r === null || r.kind !== 'scored') break;
      scores.push(r.score);
    }
    if (scores.length === form.items.length)
      out.push({ topic, band: first.band, use: first.use, scores });
  }
  return out;
}

/**
 * One learner's contribution to the term of `plan`, from their events (any order, any time;
 * events after the term's end are left out) and their band:
 * - `active`: any event in the term;
 * - `completions`: distinct attempts with an ending in the term that was not a "what if";
 * - `mastery`: each topic of the plan played in the term whose mastery at the band's start level,
 *   folded over every progress event up to the term's end, rests on at least the engine's
 *   minimum evidence; mastered when it reaches the engine's threshold (`isMastered`);
 * - `gains`: per topic and measure, the learner's pre- and post-check scores in percent (scales:
 *   their 0–1 position), when the post-check was first answered in the term, in the band it was
 *   answered in, and a pre-check of that band was answered too (answers to the bank's current
 *   version only);
 * - `items`: each scored post or transfer item first answered in the term, and whether it was
 *   missed (scored below {@link MISSED_BELOW}: neither a best nor an acceptable answer, "not
 *   sure" included; a sort with fewer than half its cards right);
 * - `evidence`: per topic with stealth evidence (`stealthEvidence`: the mastery estimate above)
 *   and a post (or transfer) check first answered in the term, the estimate beside the check's
 *   knowledge and skill scores (the check's band, the bank's current version);
 * - `forms`: each form (band and use) of a topic first answered in the term whose every scored
 *   item has an answer that fits it: the items' scores in the form's order.
 */
export function learnerTerm(
  plan: TermPlan,
  band: Band,
  log: readonly (ProgressEvent | MeasureEvent | ProgressFold)[],
): LearnerTerm {
  const { window } = plan;
  const progress: (ProgressEvent | ProgressFold)[] = [];
  const answered = new Map<TopicId, MeasureAnsweredEvent[]>();
  let active = false;
  const attempts = new Set<string>();
  const played = new Set<TopicId>();
  // A fold of events gone (progress/fold.ts) counts in the model at the term's end, and its
  // measurement events count as themselves; its own time is no activity. A term is counted as
  // before only when no fold reaches into it (docs/classes.md "Retention").
  const events: (ProgressEvent | MeasureEvent)[] = measuresOfLog(log);
  for (const e of log) {
    if (isProgressFold(e)) {
      if (e.at <= window.end) progress.push(e);
    } else if (!isMeasureEvent(e)) events.push(e);
  }
  for (const e of events) {
    if (e.at >= window.end) continue;
    const now = e.at >= window.start;
    if (now) active = true;
    if (isMeasureEvent(e)) {
      if (e.kind !== 'measure-answered') continue;
      const bank = plan.banks.get(e.topic);
      if (!bank || e.version !== bank.version) continue;
      const list = answered.get(e.topic);
      if (list) list.push(e);
      else answered.set(e.topic, [e]);
      continue;
    }
    progress.push(e);
    if (!now) continue;
    if (e.ended && !e.whatIf) attempts.add(e.attempt);
    const topic = plan.topicOf.get(e.activity);
    if (topic !== undefined) played.add(topic);
  }
  if (!active) return NOTHING;
  const stealth =
    played.size > 0
      ? stealthEvidence(
          plan.catalogue,
          band,
          progress,
          plan.topics.filter((t) => played.has(t)),
        )
      : new Map<TopicId, Mastery>();
  const mastery = [...stealth].map(([topic, m]) => ({ topic, mastered: isMastered(m) }));
  const gains: LearnerTerm['gains'][number][] = [];
  const items: LearnerTerm['items'][number][] = [];
  const detection: LearnerTerm['detection'][number][] = [];
  const evidence: LearnerTerm['evidence'][number][] = [];
  const forms: LearnerTerm['forms'][number][] = [];
  for (const topic of [...answered.keys()].sort()) {
    const answers = answered.get(topic)!.sort(byTime);
    gains.push(...topicGains(plan, topic, answers));
    const t = topicItems(plan, topic, answers);
    items.push(...t.items);
    detection.push(...t.detection);
    const checks = checksOf(answers);
    const m = stealth.get(topic);
    if (m) evidence.push(...topicEvidence(plan, topic, m, answers, checks));
    forms.push(...topicForms(plan, topic, checks));
  }
  return { active, completions: attempts.size, mastery, gains, items, detection, evidence, forms };
}
