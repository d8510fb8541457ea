import type { ActivityId, ContentId, LocaleCode } from '../ids';
import { sourceHash } from '../text/hash';
import type { Catalogue, Translation, TranslationState } from '../types/catalogue';
import { bankTextIds } from '../measurement/localize';
import { BANDS } from '../types/text';
import type { Band } from '../types/text';

/** The share of translations a language needs, per band, before children are offered it. */
export const DEFAULT_LANGUAGE_THRESHOLD = 0.95;

/** How much of a set of English texts one language covers (I18N-1). */
export interface Coverage {
  /** English source texts in the set. */
  readonly total: number;
  /** Texts with a translation made from their current English. */
  readonly current: number;
  /** Texts whose translation was made from an older English text (shown in English). */
  readonly stale: number;
  /** Texts with no translation at all. */
  readonly missing: number;
  /** Current translations by status. */
  readonly status: Readonly<Record<TranslationState, number>>;
  /** `current / total`, 0–1 (1 for an empty set). */
  readonly ratio: number;
}

/** English texts by key, and one language's translations by the same keys. */
export interface TextTable {
  readonly english: ReadonlyMap<string, string>;
  readonly translated: ReadonlyMap<string, Translation> | undefined;
}

/** Whether `t` was made from `english` as it is now. */
export const isCurrent = (t: Translation | undefined, english: string): t is Translation =>
  t !== undefined && t.sourceHash === sourceHash(english);

/** Counts current, stale and missing translations of `keys` (all keys of `table` by default). */
export function coverage(
  table: TextTable,
  keys: Iterable<string> = table.english.keys(),
): Coverage {
  let total = 0;
  let current = 0;
  let stale = 0;
  const status: Record<TranslationState, number> = { machine: 0, draft: 0, reviewed: 0 };
  for (const key of keys) {
    const english = table.english.get(key);
    if (english === undefined) continue;
    total++;
    const t = table.translated?.get(key);
    if (t === undefined) continue;
    if (isCurrent(t, english)) {
      current++;
      status[t.status]++;
    } else stale++;
  }
  return Object.freeze({
    total,
    current,
    stale,
    missing: total - current - stale,
    status: Object.freeze(status),
    ratio: total === 0 ? 1 : current / total,
  });
}

/** The catalogue's texts and their translations into `lang`, as a {@link TextTable}. */
export const contentTable = (catalogue: Catalogue, lang: LocaleCode): TextTable => ({
  english: catalogue.texts as ReadonlyMap<string, string>,
  translated: catalogue.locales.get(lang) as ReadonlyMap<string, Translation> | undefined,
});

function withPrefix(catalogue: Catalogue, prefix: string): ContentId[] {
  return [...catalogue.texts.keys()].filter((id) => id.startsWith(prefix));
}

/** The content ids of one activity's texts (every id of an activity starts with its id). */
export const activityTextIds = (catalogue: Catalogue, id: ActivityId): ContentId[] =>
  withPrefix(catalogue, `${id}.`);

/**
 * The content ids a child of `band` meets: the band's activities, its courses, the topics'
 * names and the band's quick-check items (docs/measurement.md). Guides, challenges and country
 * packs are for adults or printed, and count elsewhere.
 */
export function bandTextIds(catalogue: Catalogue, band: Band): ContentId[] {
  const prefixes = ['topic.'];
  for (const a of catalogue.activities.values()) if (a.band === band) prefixes.push(`${a.id}.`);
  for (const c of catalogue.courses?.values() ?? [])
    if (c.band === band) prefixes.push(`course.${c.id}.`);
  const items = new Set<string>();
  for (const bank of catalogue.measurement?.values() ?? [])
    for (const id of bankTextIds(bank, band)) items.add(id);
  return [...catalogue.texts.keys()].filter(
    (id) => items.has(id) || prefixes.some((p) => id.startsWith(p)),
  );
}

/** Whether every text of an activity has a current, reviewed translation into `lang`. */
export function activityReviewed(catalogue: Catalogue, id: ActivityId, lang: LocaleCode): boolean {
  if (lang === 'en') return true;
  const table = catalogue.locales.get(lang);
  return activityTextIds(catalogue, id).every((cid) => {
    const t = table?.get(cid);
    return isCurrent(t, catalogue.texts.get(cid) ?? '') && t.status === 'reviewed';
  });
}

/** One language's completeness: the child's UI, each band's content, and each activity. */
export interface LanguageCompleteness {
  readonly lang: LocaleCode;
  /** The UI a child sees (the caller decides which UI strings that is). */
  readonly ui: Coverage;
  readonly bands: Readonly<Record<Band, Coverage>>;
  /** Share of current translations per activity, 0–1. */
  readonly activities: Readonly<Record<string, number>>;
  /** Bands with activities where both the UI and the band's content reach the threshold. */
  readonly offeredBands: readonly Band[];
}

/**
 * How complete `lang` is, and the bands children are offered it for: those where the UI and the
 * band's content both reach `threshold` (English, the source, is complete everywhere).
 */
export function languageCompleteness(
  catalogue: Catalogue,
  lang: LocaleCode,
  ui: TextTable,
  threshold = DEFAULT_LANGUAGE_THRESHOLD,
): LanguageCompleteness {
  const table = contentTable(catalogue, lang);
  const uiCov =
    lang === 'en' ? coverage({ english: ui.english, translated: undefined }) : coverage(ui);
  const full = (c: Coverage): Coverage =>
    lang === 'en' ? { ...c, current: c.total, missing: 0, ratio: 1 } : c;
  const bands = {} as Record<Band, Coverage>;
  for (const band of BANDS) bands[band] = full(coverage(table, bandTextIds(catalogue, band)));
  const activities: Record<string, number> = {};
  for (const id of catalogue.activities.keys())
    activities[id] = lang === 'en' ? 1 : coverage(table, activityTextIds(catalogue, id)).ratio;
  const uiRatio = lang === 'en' ? 1 : uiCov.ratio;
  const playable = new Set([...catalogue.activities.values()].map((a) => a.band));
  const offeredBands = BANDS.filter(
    (b) =>
      lang === 'en' || (playable.has(b) && uiRatio >= threshold && bands[b].ratio >= threshold),
  );
  return Object.freeze({
    lang,
    ui: full(uiCov),
    bands: Object.freeze(bands),
    activities: Object.freeze(activities),
    offeredBands: Object.freeze(offeredBands),
  });
}
