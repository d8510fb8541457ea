import type { Media, Text } from '../types/text';
import { assignments } from './probe';
import { duplicateIds, idSet, isCompleteMap, issue, joinPath } from './kind';
import type { InteractionKind, LocalIssue } from './kind';

/** A bin cards are sorted into, e.g. "Share", "Ask an adult", "Keep private". */
export interface SortBin {
  readonly id: string;
  readonly label: Text;
}

/** A card to sort. */
export interface SortItem {
  readonly id: string;
  readonly text: Text;
  readonly media?: Media;
}

/** Drag every card into a bin. */
export interface SortArgs {
  readonly bins: readonly SortBin[];
  readonly items: readonly SortItem[];
}

/** Where the child put each card: item id → bin id, every item placed. */
export interface SortAnswer {
  readonly type: 'sort';
  readonly placement: Readonly<Record<string, string>>;
}

/**
 * `ExactPlacement`: every item is in the bin given (the map must list every item).
 * `ItemIn`: item `item` is in bin `bin`.
 */
export type SortRule =
  | { readonly rule: 'ExactPlacement'; readonly placement: Readonly<Record<string, string>> }
  | { readonly rule: 'ItemIn'; readonly item: string; readonly bin: string };

function fill(
  args: SortArgs,
  bin: string,
  fixed: Readonly<Record<string, string>>,
): Record<string, string> {
  const placement: Record<string, string> = {};
  for (const item of args.items)
    placement[item.id] = Object.hasOwn(fixed, item.id) ? (fixed[item.id] ?? bin) : bin;
  return placement;
}

/** Behaviour of `sort`. */
export const sort: InteractionKind<SortArgs, SortAnswer, SortRule> = {
  isValidAnswer: (args, answer) => {
    const bins = idSet(args.bins);
    return isCompleteMap(
      answer.placement,
      args.items.map((i) => i.id),
      (_k, v) => typeof v === 'string' && bins.has(v),
    );
  },

  matches: (rule, answer) =>
    rule.rule === 'ItemIn'
      ? answer.placement[rule.item] === rule.bin
      : Object.entries(rule.placement).every(([item, bin]) => answer.placement[item] === bin),

  samples: (rule, args) => {
    if (rule.rule === 'ExactPlacement') return [{ type: 'sort', placement: { ...rule.placement } }];
    const fixed = { [rule.item]: rule.bin };
    return args.bins.map((b) => ({ type: 'sort', placement: fill(args, b.id, fixed) }));
  },

  probes: (args) =>
    assignments(
      args.items.map((i) => i.id),
      () => args.bins.map((b) => b.id),
    ).map((placement) => ({ type: 'sort', placement })),

  checkRule: (rule, args): LocalIssue[] => {
    const bins = idSet(args.bins);
    const items = idSet(args.items);
    const out: LocalIssue[] = [];
    if (rule.rule === 'ItemIn') {
      if (!items.has(rule.item)) out.push(issue('item', `item "${rule.item}" does not exist`));
      if (!bins.has(rule.bin)) out.push(issue('bin', `bin "${rule.bin}" does not exist`));
      return out;
    }
    for (const [item, bin] of Object.entries(rule.placement)) {
      const at = joinPath('placement', item);
      if (!items.has(item)) out.push(issue(at, `item "${item}" does not exist`));
      else if (!bins.has(bin)) out.push(issue(at, `bin "${bin}" does not exist`));
    }
    for (const item of items) {
      if (!Object.hasOwn(rule.placement, item))
        out.push(issue('placement', `item "${item}" is not placed`));
    }
    return out;
  },

  checkArgs: (args) => {
    const out = [...duplicateIds(args.bins, 'bins'), ...duplicateIds(args.items, 'items')];
    if (args.bins.length < 2) out.push(issue('bins', 'a sort needs at least 2 bins'));
    return out;
  },
};
