import { idSet, issue, isSubsetList, unknownIds } from './kind';
import type { LocalIssue } from './kind';

/**
 * Rules over a set of picked ids, shared by `inbox` (flagged messages) and `hotspot` (found
 * spots). `All`: every listed id picked (others may be too). `Exactly`: the picked set equals
 * the list. `Any`: at least one listed id picked. `MissedAny`: at least one listed id not picked.
 */
export type SetMode = 'All' | 'Exactly' | 'Any' | 'MissedAny';

/** Whether `picked` satisfies `mode` over `listed`. */
export function setMatches(
  mode: SetMode,
  listed: readonly string[],
  picked: readonly string[],
): boolean {
  switch (mode) {
    case 'All':
      return listed.every((id) => picked.includes(id));
    case 'Exactly':
      return picked.length === listed.length && listed.every((id) => picked.includes(id));
    case 'Any':
      return listed.some((id) => picked.includes(id));
    case 'MissedAny':
      return listed.some((id) => !picked.includes(id));
  }
}

/** A few picked sets that satisfy `mode` over `listed`, given every id `all`. */
export function setSamples(
  mode: SetMode,
  listed: readonly string[],
  all: readonly string[],
): string[][] {
  const others = all.filter((id) => !listed.includes(id));
  switch (mode) {
    case 'All':
      return [[...listed], [...all]];
    case 'Exactly':
      return [[...listed]];
    case 'Any':
      return [...listed.map((id) => [id]), ...listed.map((id) => [id, ...others]), [...all]];
    case 'MissedAny':
      return [...listed.map((id) => all.filter((x) => x !== id)), [], [...others]];
  }
}

/** Checks that a rule's list is non-empty, has no repeats and names existing ids. */
export function checkSetRule(
  listed: readonly string[],
  all: readonly string[],
  path: string,
  what: string,
): LocalIssue[] {
  const out = unknownIds(listed, new Set(all), path, what);
  if (new Set(listed).size !== listed.length) out.push(issue(path, `lists a ${what} twice`));
  return out;
}

/** Whether `picked` is a list of distinct known ids. */
export function isValidPick(
  picked: unknown,
  items: readonly { readonly id: string }[],
): picked is string[] {
  return isSubsetList(picked, idSet(items));
}
