import { BANDS, INTERACTION_TYPES, LEVELS } from '../../engine';
import type { Band, InteractionType, Level } from '../../engine';
import type { ItemType, LibraryItem } from './items';
import { ITEM_TYPES } from './items';
import type { SearchIndex } from './search';

/** What the library shows: a search and filters that all apply at once. In the query string. */
export interface LibraryFilters {
  readonly q: string;
  readonly band?: Band;
  readonly topic?: string;
  readonly level?: Level;
  readonly type?: ItemType;
  /** A game type (interaction), e.g. `password`. */
  readonly game?: InteractionType;
  /** Content language; absent means the reader's own. */
  readonly lang?: string;
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

/** Filters from a query string; unknown values are ignored (an old link still opens). */
export function parseFilters(search: string): LibraryFilters {
  const p = new URLSearchParams(search);
  const topic = p.get('topic');
  const lang = p.get('lang');
  return {
    q: (p.get('q') ?? '').slice(0, 200),
    ...(pick(p.get('band'), BANDS) ? { band: pick(p.get('band'), BANDS)! } : {}),
    ...(topic && /^[a-z0-9-]{1,60}$/.test(topic) ? { topic } : {}),
    ...(pick(p.get('level'), LEVELS) ? { level: pick(p.get('level'), LEVELS)! } : {}),
    ...(pick(p.get('type'), ITEM_TYPES) ? { type: pick(p.get('type'), ITEM_TYPES)! } : {}),
    ...(pick(p.get('game'), INTERACTION_TYPES)
      ? { game: pick(p.get('game'), INTERACTION_TYPES)! }
      : {}),
    ...(lang && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) ? { lang } : {}),
  };
}

/** The query string of `filters` (with `?`), or '' when nothing is set: a shareable link. */
export function filtersQuery(filters: LibraryFilters): string {
  const p = new URLSearchParams();
  for (const key of ['q', 'band', 'topic', 'level', 'type', 'game', 'lang'] as const) {
    const v = filters[key];
    if (v) p.set(key, v);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The items that pass every filter and the search, in library order. */
export function applyFilters(
  items: readonly LibraryItem[],
  filters: LibraryFilters,
  index: SearchIndex,
): LibraryItem[] {
  const found = index.search(filters.q);
  return items.filter(
    (i) =>
      (found === null || found.has(i.key)) &&
      (!filters.band || i.bands.includes(filters.band)) &&
      (!filters.topic || i.topic === filters.topic) &&
      (!filters.level || i.level === filters.level) &&
      (!filters.type || i.type === filters.type) &&
      (!filters.game || i.games.includes(filters.game)),
  );
}
