// What a term's release counts, fixed once per build from the content and the deployment: the
// topics with a mastery table, the item banks whose gains and most-missed items are counted,
// each bank's forms by band, and the scored items a most-missed column stands for.

import type { ActivityId, TopicId } from '../ids';
import { measureForm } from '../measurement/forms';
import type { Catalogue } from '../types/catalogue';
import { isScored } from '../types/measurement';
import type { MeasureBank, MeasureItem, MeasureUse } from '../types/measurement';
import { BANDS } from '../types/text';
import type { Band } from '../types/text';
import type { TermWindow } from './term';

/** The item uses whose misses count as misconceptions: after teaching, not before it. */
export const MISSED_USES: readonly MeasureUse[] = ['post', 'transfer'];

/** A scored item of a most-missed column. */
export interface MissedItem {
  readonly topic: TopicId;
  readonly item: MeasureItem;
}

/** Everything a learner's contribution is computed against; the same for every learner. */
export interface TermPlan {
  readonly catalogue: Catalogue;
  readonly window: TermWindow;
  /** Topics with a mastery table, by id. */
  readonly topics: readonly TopicId[];
  /** The topic of each activity of the content. */
  readonly topicOf: ReadonlyMap<ActivityId, TopicId>;
  /** Banks counted for gains and most-missed, by topic (none when measurement is off). */
  readonly banks: ReadonlyMap<TopicId, MeasureBank>;
  /** A bank's form: `form(topic, band, use)`. */
  form(topic: TopicId, band: Band, use: MeasureUse): readonly MeasureItem[];
  /** Most-missed columns (`<topic>/<item>`) in order, and their items. */
  readonly missedColumns: readonly string[];
  readonly missedItems: ReadonlyMap<string, MissedItem>;
  /**
   * Detection columns (MEAS-08) in order: `<topic>/<item>/hits` and `<topic>/<item>/false-alarms`
   * for each most-missed item that is a classification (a sort with a warning bin, with both
   * warning and other cards).
   */
  readonly detectionColumns: readonly string[];
  /**
   * The forms of each counted bank with a scored item (MEAS-11), by topic, bands in order, then
   * pre, post, transfer: their scored items in form order.
   */
  readonly itemForms: ReadonlyMap<TopicId, readonly ItemForm[]>;
  /** Reliability columns (`<topic>/<band>/<use>`): the forms with two scored items or more. */
  readonly reliabilityColumns: readonly string[];
}

/** A form whose scored items get statistics (MEAS-11). */
export interface ItemForm {
  readonly band: Band;
  readonly use: MeasureUse;
  readonly items: readonly MeasureItem[];
  /** Its items' `items/<topic>` columns, in the items' order. */
  readonly columns: readonly string[];
  /** Its `reliability` column, or null with a single scored item. */
  readonly reliability: string | null;
}

/** An `items/<topic>` column: the form (band and use) and the item's id in the bank. */
export const itemColumn = (band: Band, use: MeasureUse, item: string): string =>
  `${band}/${use}/${item}`;

/** A `reliability` column: the form of a topic's bank. */
export const formColumn = (topic: string, band: Band, use: MeasureUse): string =>
  `${topic}/${band}/${use}`;

/**
 * The columns of an `evidence/<topic>` table (MEAS-06): the check and the measure the stealth
 * evidence is correlated with. Knowledge and skill stay apart (MEAS-07).
 */
export const EVIDENCE_COLUMNS = [
  'post/knowledge',
  'post/skill',
  'transfer/knowledge',
  'transfer/skill',
] as const;
export type EvidenceColumn = (typeof EVIDENCE_COLUMNS)[number];

/** A classification item's two detection columns: its warning cards, and its other cards. */
export const detectionColumns = (missed: string): { hits: string; falseAlarms: string } => ({
  hits: `${missed}/hits`,
  falseAlarms: `${missed}/false-alarms`,
});

/** Whether an item is a classification with both warning and other cards (MEAS-08). */
export function isClassification(item: MeasureItem): boolean {
  const key = item.key;
  if (key?.type !== 'sort' || key.signal === undefined) return false;
  const bins = Object.values(key.placement);
  return bins.includes(key.signal) && bins.some((b) => b !== key.signal);
}

/** A most-missed column: the topic and the item, since item ids are unique only in a bank. */
export const missedColumn = (topic: string, item: string): string => `${topic}/${item}`;

export interface TermPlanOptions {
  /** Outcome measurement on (KITE_MEASUREMENT): off, no gains or most-missed table is built. */
  readonly measurement: boolean;
  /** Topics the deployment switched off: no table of theirs. */
  readonly disabledTopics?: readonly string[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The plan of a term's release over `catalogue`. */
export function termPlan(
  catalogue: Catalogue,
  window: TermWindow,
  { measurement, disabledTopics = [] }: TermPlanOptions,
): TermPlan {
  const off = new Set(disabledTopics);
  const topics = [...catalogue.topics.keys()].filter((t) => !off.has(t)).sort(byString);
  const topicOf = new Map<ActivityId, TopicId>();
  for (const a of catalogue.activities.values()) topicOf.set(a.id, a.topic);
  const banks = new Map<TopicId, MeasureBank>();
  if (measurement)
    for (const bank of catalogue.measurement?.values() ?? [])
      if (topics.includes(bank.topic)) banks.set(bank.topic, bank);
  const forms = new Map<string, readonly MeasureItem[]>();
  for (const [topic, bank] of banks)
    for (const band of BANDS)
      for (const use of ['pre', 'post', 'transfer'] as const)
        forms.set(`${topic}|${band}|${use}`, measureForm(bank, band, use));
  const itemForms = new Map<TopicId, ItemForm[]>();
  const reliabilityColumns: string[] = [];
  for (const topic of [...banks.keys()].sort(byString)) {
    const list: ItemForm[] = [];
    for (const band of BANDS)
      for (const use of ['pre', 'post', 'transfer'] as const) {
        const items = forms.get(`${topic}|${band}|${use}`)!.filter((i) => isScored(i.construct));
        if (items.length === 0) continue;
        const reliability = items.length > 1 ? formColumn(topic, band, use) : null;
        const columns = items.map((i) => itemColumn(band, use, i.id));
        list.push({ band, use, items, columns, reliability });
        if (reliability) reliabilityColumns.push(reliability);
      }
    itemForms.set(topic, list);
  }
  const missedColumns: string[] = [];
  const missedItems = new Map<string, MissedItem>();
  const detection: string[] = [];
  for (const topic of [...banks.keys()].sort(byString))
    for (const item of banks.get(topic)!.items)
      if (isScored(item.construct) && item.use.some((u) => MISSED_USES.includes(u))) {
        const column = missedColumn(topic, item.id);
        missedColumns.push(column);
        missedItems.set(column, { topic, item });
        if (isClassification(item)) {
          const d = detectionColumns(column);
          detection.push(d.hits, d.falseAlarms);
        }
      }
  return {
    catalogue,
    window,
    topics,
    topicOf,
    banks,
    form: (topic, band, use) => forms.get(`${topic}|${band}|${use}`) ?? [],
    missedColumns,
    missedItems,
    detectionColumns: detection,
    itemForms,
    reliabilityColumns,
  };
}
