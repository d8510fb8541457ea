// The areas of a geography in one fixed order (national, regions by id, districts by id) and the
// school → district map: every later step walks these, never the input's own order.

import type { AreaLevel, Geography } from './types';

/** An area of the hierarchy, with the areas directly inside it. */
export interface AreaNode {
  readonly id: string;
  readonly level: AreaLevel;
  readonly parent: string | null;
  /** Regions of the nation, districts of a region (sorted by id); none for a district. */
  readonly inside: readonly string[];
}

/** The id of the one national area. */
export const NATIONAL = 'national';

const byId = <T extends { readonly id: string }>(a: T, b: T) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The areas in their fixed order, and which district each school is in. */
export function areasOf(geography: Geography): {
  readonly areas: readonly AreaNode[];
  readonly districtOf: ReadonlyMap<string, string>;
} {
  const regions = [...geography.regions].sort(byId);
  const districtOf = new Map<string, string>();
  const areas: AreaNode[] = [
    { id: NATIONAL, level: 'national', parent: null, inside: regions.map((r) => r.id) },
  ];
  const districts: AreaNode[] = [];
  for (const r of regions) {
    const ds = [...r.districts].sort(byId);
    areas.push({ id: r.id, level: 'region', parent: NATIONAL, inside: ds.map((d) => d.id) });
    for (const d of ds) {
      districts.push({ id: d.id, level: 'district', parent: r.id, inside: [] });
      for (const s of d.schools) districtOf.set(s, d.id);
    }
  }
  return { areas: [...areas, ...districts.sort(byId)], districtOf };
}
