// One synthetic learner's term: for each topic they take up, the pre-check draw (15 % skip it),
// the pre-check (a few say "not now"), the topic's activities of their band played over a few
// days (each a copy of a real play-through), the post-check once every activity was played, and
// a transfer item a week or more later when the term leaves time. Answers follow an ability
// drawn per learner and a gain drawn per topic, so gains are plausible and vary between schools.

import type { EventRow } from '../../../db/learner-events';
import { PRE_SKIP_RATE, isScored, measureForm } from '../../../engine';
import type {
  Activity,
  Band,
  MeasureBank,
  MeasureItem,
  MeasureUse,
  TermWindow,
  TopicId,
} from '../../../engine';
import { orderedId } from './random';
import type { Rng } from './random';
import type { Template } from './templates';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** What every learner is simulated against. */
export interface World {
  readonly window: TermWindow;
  /** Activities of a topic in a band with a play-through, by level: `${topic}|${band}`. */
  readonly activities: ReadonlyMap<string, readonly Activity[]>;
  readonly templates: ReadonlyMap<string, { sure: Template; stumbling: Template }>;
  /** Item banks by topic; empty: measurement off. */
  readonly banks: ReadonlyMap<TopicId, MeasureBank>;
  /** Topics with activities per band. */
  readonly topics: ReadonlyMap<Band, readonly TopicId[]>;
}

/** Counters of ids, shared by every learner of a run. */
export interface IdSource {
  readonly prefix: string;
  events: number;
  attempts: number;
}

/** A feedback answer a learner's device sent (anonymous: no learner in it). */
export interface FeedbackRow {
  readonly id: string;
  readonly activity: string;
  readonly version: number;
  readonly band: Band;
  readonly answer: string;
  readonly day: string;
}

const FEEDBACK = [
  'fun',
  'fun',
  'fun',
  'learned',
  'learned',
  'too-hard',
  'confusing',
  'more-like-this',
  'scary',
];

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** One learner's simulation state. */
class Learner {
  readonly rows: EventRow[] = [];
  readonly feedback: FeedbackRow[] = [];
  private seq = 0;
  constructor(
    private readonly world: World,
    private readonly rng: Rng,
    private readonly ids: IdSource,
    readonly id: string,
    readonly device: string,
    readonly band: Band,
    readonly ability: number,
  ) {}

  private nextId(): string {
    return orderedId(this.rng, this.ids.prefix, this.ids.events++);
  }

  /** Copies a play-through at `at`; returns the time after it. */
  play(template: Template, at: number): number {
    const attempt = orderedId(this.rng, 'a0a0', this.ids.attempts++);
    let t = at;
    for (const step of template.steps) {
      const id = this.nextId();
      const seq = ++this.seq;
      this.rows.push({
        id,
        device: this.device,
        seq,
        activity: template.activity,
        at: t,
        event: `{"id":"${id}","learner":"${this.id}","device":"${this.device}","seq":${seq},"attempt":"${attempt}",${step.body},"at":${t}}`,
      });
      t += 15_000 + this.rng.int(30_000);
    }
    return t;
  }

  /** Records a measurement event. */
  measure(topic: TopicId, at: number, fields: Record<string, unknown>): void {
    const id = this.nextId();
    const seq = ++this.seq;
    const event = {
      id,
      learner: this.id,
      device: this.device,
      seq,
      topic,
      band: this.band,
      at,
      ...fields,
    };
    this.rows.push({
      id,
      device: this.device,
      seq,
      activity: `measure.${topic}`,
      at,
      event: JSON.stringify(event),
    });
  }

  /** An answer to `item` by this learner, `lift` logits above their ability. */
  answer(item: MeasureItem, lift: number): unknown {
    const ia = item.interaction;
    if (!isScored(item.construct) && ia.type === 'choice') {
      const n = ia.args.options.length;
      const position = clamp01(0.5 + 0.15 * this.ability + lift * 0.12 + 0.15 * this.rng.normal());
      return { type: 'choice', option: ia.args.options[Math.round(position * (n - 1))]!.id };
    }
    const p = sigmoid(logit(item.difficulty?.p ?? 0.6) + this.ability + lift);
    if (ia.type === 'choice') {
      const key = item.key?.type === 'choice' ? item.key : undefined;
      if (key && this.rng.chance(p)) return { type: 'choice', option: key.best[0] };
      if (key?.acceptable?.length && this.rng.chance(0.3))
        return { type: 'choice', option: key.acceptable[0] };
      const wrong = ia.args.options.filter((o) => !key?.best.includes(o.id));
      return { type: 'choice', option: this.rng.pick(wrong.length ? wrong : ia.args.options).id };
    }
    const key = item.key?.type === 'sort' ? item.key.placement : {};
    const bins = ia.args.bins.map((b) => b.id);
    const placement: Record<string, string> = {};
    for (const card of ia.args.items) {
      const right = key[card.id] ?? bins[0]!;
      placement[card.id] = this.rng.chance(Math.sqrt(p))
        ? right
        : this.rng.pick(bins.filter((b) => b !== right));
    }
    return { type: 'sort', placement };
  }

  /** Answers a form at `at`; returns the time after it. */
  check(topic: TopicId, bank: MeasureBank, use: MeasureUse, at: number, lift: number): number {
    let t = at;
    for (const item of measureForm(bank, this.band, use)) {
      this.measure(topic, t, {
        kind: 'measure-answered',
        use,
        version: bank.version,
        item: item.id,
        answer: this.answer(item, lift),
      });
      t += 10_000 + this.rng.int(20_000);
    }
    return t;
  }

  /** A topic from `start`: returns the day its sessions ended, or null when it left the term. */
  topic(topic: TopicId, start: number): number | null {
    const { window } = this.world;
    const activities = this.world.activities.get(`${topic}|${this.band}`) ?? [];
    const bank = this.world.banks.get(topic);
    const gain = 0.8 + 0.4 * this.rng.normal();
    let t = start;
    if (bank) {
      const skipPre = this.rng.chance(PRE_SKIP_RATE);
      this.measure(topic, t, { kind: 'measure-assigned', skipPre, skipRate: PRE_SKIP_RATE });
      t += MINUTE;
      if (!skipPre) {
        if (this.rng.chance(0.05))
          this.measure(topic, t, { kind: 'measure-declined', use: 'pre', version: bank.version });
        else t = this.check(topic, bank, 'pre', t, 0);
      }
    }
    // Most finish the topic; some stop part of the way (then no post-check is due).
    const played = this.rng.chance(0.8) ? activities.length : this.rng.int(activities.length);
    for (let i = 0; i < played; i++) {
      const templates = this.world.templates.get(activities[i]!.id)!;
      const sure = this.rng.chance(sigmoid(this.ability + 0.5 * i));
      const template = sure ? templates.sure : templates.stumbling;
      if (t + template.steps.length * 45_000 >= window.end) return null;
      t = this.play(template, t) + MINUTE;
      if (this.rng.chance(0.1))
        this.feedback.push({
          id: orderedId(this.rng, 'feed', this.ids.events++),
          activity: activities[i]!.id,
          version: activities[i]!.version,
          band: this.band,
          answer: this.rng.pick(FEEDBACK),
          day: new Date(t).toISOString().slice(0, 10),
        });
      // The next activity another day, now and then.
      if (this.rng.chance(0.4)) t += DAY * (1 + this.rng.int(4));
    }
    if (!bank || played < activities.length) return t;
    if (t + 20 * MINUTE >= window.end) return null;
    if (this.rng.chance(0.05)) {
      this.measure(topic, t, { kind: 'measure-declined', use: 'post', version: bank.version });
      return t;
    }
    t = this.check(topic, bank, 'post', t, gain);
    const transfer = t + 7 * DAY + this.rng.int(10) * DAY;
    if (transfer + 10 * MINUTE < window.end && this.rng.chance(0.6))
      this.check(topic, bank, 'transfer', transfer, gain * 0.7);
    return t;
  }
}

/**
 * One learner's events in the term of `world` (at most `topics` topics of their band, each
 * begun on a later day), in the order a device would record them.
 */
export function simulateLearner(
  world: World,
  rng: Rng,
  ids: IdSource,
  learner: {
    readonly id: string;
    readonly device: string;
    readonly band: Band;
    readonly ability: number;
  },
  topics: number,
): { rows: EventRow[]; feedback: FeedbackRow[] } {
  const { window } = world;
  const l = new Learner(world, rng, ids, learner.id, learner.device, learner.band, learner.ability);
  const choices = [...(world.topics.get(learner.band) ?? [])];
  const span = window.end - window.start;
  let day = window.start + Math.floor(rng.next() * span * 0.5);
  for (let i = 0; i < topics && choices.length > 0; i++) {
    const topic = choices.splice(rng.int(choices.length), 1)[0]!;
    // School hours: 8:00 to 14:00, UTC.
    const start = day - (day % DAY) + 8 * 3_600_000 + rng.int(6 * 60) * MINUTE;
    const ended = l.topic(topic, start);
    if (ended === null) break;
    day = ended + DAY * (1 + rng.int(10));
    if (day >= window.end) break;
  }
  return { rows: l.rows, feedback: l.feedback };
}
