// What a coordinator may ask of a release (STAT-05): a listed table, and at most a level or an
// area of the fixed hierarchy. Any other parameter (a school, a band filter, a date range, a
// custom area) is refused by name, so no one can build a "tracker" from overlapping queries.

import { AREA_LEVELS } from './types';
import type { AreaLevel, PublishedRelease, PublishedTable } from './types';

/** A request that names only listed things. */
export interface TableRequest {
  readonly table: string;
  readonly level?: AreaLevel;
  readonly area?: string;
}

/** Why a request was refused. */
export type RequestRefusal =
  | { readonly code: 'unknown_filter'; readonly name: string }
  | { readonly code: 'unknown_table' | 'unknown_level' | 'unknown_area'; readonly value: string };

const ALLOWED = new Set(['table', 'level', 'area']);

/**
 * The table cells a request selects from an already computed release, or why it is refused.
 * Nothing is computed: the same request always returns the same stored values (STAT-06).
 */
export function selectCells(
  release: PublishedRelease,
  params: Readonly<Record<string, string>>,
):
  | { readonly ok: true; readonly table: PublishedTable }
  | ({ readonly ok: false } & RequestRefusal) {
  for (const name of Object.keys(params).sort())
    if (!ALLOWED.has(name)) return { ok: false, code: 'unknown_filter', name };
  const table = release.tables.find((t) => t.id === params.table);
  if (!table) return { ok: false, code: 'unknown_table', value: params.table ?? '' };
  const { level, area } = params;
  if (level !== undefined && !(AREA_LEVELS as readonly string[]).includes(level))
    return { ok: false, code: 'unknown_level', value: level };
  if (area !== undefined && !table.cells.some((c) => c.area === area))
    return { ok: false, code: 'unknown_area', value: area };
  const cells = table.cells.filter(
    (c) => (level === undefined || c.level === level) && (area === undefined || c.area === area),
  );
  return { ok: true, table: { ...table, cells } };
}
