import type { ChoiceArgs } from '../interactions/choice';
import type { SortArgs } from '../interactions/sort';
import type { TopicId } from '../ids';
import type { Band, Text } from './text';

/**
 * What an item measures (MEAS-07). Knowledge and skill items have a right answer and are
 * scored; self-efficacy ("I can…") and intention ("I would…") items are scales with none.
 * The four are reported apart and never added into one score.
 */
export const CONSTRUCTS = ['knowledge', 'skill', 'self-efficacy', 'intention'] as const;
/** One of {@link CONSTRUCTS}. */
export type Construct = (typeof CONSTRUCTS)[number];

/** The constructs whose items have an answer key and a difficulty. */
export const SCORED_CONSTRUCTS: readonly Construct[] = ['knowledge', 'skill'];

/** Whether items of a construct are scored (have a right answer). */
export const isScored = (construct: Construct): boolean => SCORED_CONSTRUCTS.includes(construct);

/**
 * When an item is asked (MEAS-01): before a topic (`pre`), after it (`post`), or at least seven
 * days after the post-check in a new situation (`transfer`, MEAS-05).
 */
export const MEASURE_USES = ['pre', 'post', 'transfer'] as const;
/** One of {@link MEASURE_USES}. */
export type MeasureUse = (typeof MEASURE_USES)[number];

/**
 * How hard an item is, as the proportion of children expected to answer it right. `estimate`
 * stays true until pilot data replace the author's guess (MEAS-01, NATION-3).
 */
export interface Difficulty {
  readonly p: number;
  readonly estimate: boolean;
}

/** The item's question, shown by a player the app already has (MEAS-10: never free text). */
export type MeasureInteraction =
  | { readonly type: 'choice'; readonly args: ChoiceArgs }
  | { readonly type: 'sort'; readonly args: SortArgs };

/**
 * The answer key of a scored item. `choice`: `best` options score 1, `acceptable` ones 0.5
 * (the best / acceptable / harmful rubric), any other 0. `sort`: each card's right bin; with
 * `signal`, the bin a classification looks for (e.g. "scam"), so hits and false alarms can be
 * counted (MEAS-08).
 */
export type MeasureKey =
  | {
      readonly type: 'choice';
      readonly best: readonly string[];
      readonly acceptable?: readonly string[];
    }
  | {
      readonly type: 'sort';
      readonly placement: Readonly<Record<string, string>>;
      readonly signal?: string;
    };

/** One item of the bank, with the metadata MEAS-01 asks for. */
export interface MeasureItem {
  /** Unique in its bank; recorded with each answer. */
  readonly id: string;
  readonly bands: readonly Band[];
  readonly construct: Construct;
  /** The DigComp 2.2 competence it measures, e.g. `4.2`. */
  readonly digcomp: string;
  /** Scored items: exactly one use. Scales may be asked in pre and post, to compare. */
  readonly use: readonly MeasureUse[];
  /** The surface situation (`chat`, `game-lobby`, `feed`…); a transfer item's must be new. */
  readonly context: string;
  /** Scored items only. */
  readonly difficulty?: Difficulty;
  readonly prompt: Text;
  readonly interaction: MeasureInteraction;
  /** The option meaning "not sure" (ages 8–10), scored 0 and counted apart. */
  readonly notSure?: string;
  /** Scored items only. */
  readonly key?: MeasureKey;
}

/**
 * A topic's item bank (`packs/<pack>/measurement/<topic>.json`, NATION-3). Its forms per band
 * are derived from the items' `bands` and `use` (`measureForm`). `version` goes up whenever an
 * item's meaning changes, so answers to different wordings are never pooled.
 */
export interface MeasureBank {
  readonly id: string;
  readonly topic: TopicId;
  readonly version: number;
  readonly items: readonly MeasureItem[];
}
