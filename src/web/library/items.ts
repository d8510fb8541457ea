import { BANDS, topicOffered } from '../../engine';
import type { Band, InteractionType, Level } from '../../engine';
import type { ContentIndex } from '../content/types';

/** The four kinds of thing in the library (LIB-1). */
export const ITEM_TYPES = ['activity', 'challenge', 'worksheet', 'guide'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** One entry of the library, whatever its kind, with what the filters and search look at. */
export interface LibraryItem {
  /** `<type>:<id>`, unique in the library. */
  readonly key: string;
  readonly type: ItemType;
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly topic: string;
  readonly bands: readonly Band[];
  /** Activities and worksheets only. */
  readonly level?: Level;
  /** Game types an activity uses (activities only). */
  readonly games: readonly InteractionType[];
  readonly minutes?: number;
  /** A serious topic (activities and their worksheets): the youngest band it is written for. */
  readonly sensitive?: { readonly minBand: Band } | undefined;
  /** Other words that should find this item: topic, skills, steps, sections. */
  readonly extra: readonly string[];
}

/**
 * Every item of a content index: each activity, its worksheet (every activity has one), each
 * challenge and each guide, in a stable order (topic order of the index, then type).
 */
export function libraryItems(index: ContentIndex, disabledTopics: readonly string[] = []) {
  const topics = new Map(index.topics.map((t) => [t.id as string, t]));
  const topicWords = (id: string) => {
    const topic = topics.get(id);
    return topic ? [topic.title.text, topic.summary.text] : [];
  };
  const skillWords = (ids: readonly string[]) =>
    [...topics.values()].flatMap((t) =>
      t.skills.filter((s) => ids.includes(s.id)).map((s) => s.title.text),
    );
  const items: LibraryItem[] = [];
  for (const a of index.activities) {
    const common = {
      id: a.id,
      title: a.title,
      summary: a.summary,
      topic: a.topic,
      bands: [a.band],
      level: a.level,
      minutes: a.minutes,
      sensitive: a.sensitiveMinBand
        ? { minBand: a.sensitiveMinBand, reviewedIn: a.reviewedIn ?? [] }
        : undefined,
    };
    const extra = [a.goal, ...topicWords(a.topic), ...skillWords(a.skills)];
    items.push({ ...common, key: `activity:${a.id}`, type: 'activity', games: a.types, extra });
    items.push({ ...common, key: `worksheet:${a.id}`, type: 'worksheet', games: [], extra });
  }
  for (const c of index.challenges) {
    items.push({
      key: `challenge:${c.id}`,
      type: 'challenge',
      id: c.id,
      title: c.title.text,
      summary: c.summary.text,
      topic: c.topic,
      bands: [...c.bands].sort((x, y) => BANDS.indexOf(x) - BANDS.indexOf(y)),
      games: [],
      minutes: c.minutes,
      extra: [...c.steps.map((s) => s.text), ...topicWords(c.topic)],
    });
  }
  for (const g of index.guides) {
    items.push({
      key: `guide:${g.id}`,
      type: 'guide',
      id: g.id,
      title: g.title.text,
      summary: g.risk[0]?.text ?? '',
      topic: g.topic,
      bands: [g.band],
      games: [],
      extra: [...g.risk, ...g.practises].map((t) => t.text).concat(topicWords(g.topic)),
    });
  }
  const order = [...topics.keys()];
  const rank = (i: LibraryItem) => {
    const n = order.indexOf(i.topic);
    return n === -1 ? order.length : n;
  };
  return items
    .filter((i) => topicOffered(i.topic, disabledTopics))
    .map((item, n) => ({ item, n }))
    .sort((x, y) => rank(x.item) - rank(y.item) || x.n - y.n)
    .map((x) => x.item);
}

/**
 * The items of a translated index that really are translated: their title differs from the
 * English one (the bundles fall back to English for untranslated texts).
 */
export function translatedOnly(
  items: readonly LibraryItem[],
  english: readonly LibraryItem[],
): LibraryItem[] {
  const titles = new Map(english.map((i) => [i.key, i.title]));
  return items.filter((i) => titles.get(i.key) !== i.title);
}
