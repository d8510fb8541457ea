import { describe, expect, it } from 'vitest';
import { text } from '../testing/builders';
import { sort } from './sort';
import type { SortArgs, SortRule } from './sort';

const args: SortArgs = {
  bins: ['share', 'ask', 'private'].map((id) => ({ id, label: text(id) })),
  items: ['animal', 'password', 'photo'].map((id) => ({ id, text: text(id) })),
};
const right = { animal: 'share', password: 'private', photo: 'ask' };
const placed = (placement: Record<string, string>) => ({ type: 'sort' as const, placement });

describe('sort', () => {
  it('needs every item placed in an existing bin', () => {
    expect(sort.isValidAnswer(args, placed(right))).toBe(true);
    expect(sort.isValidAnswer(args, placed({ animal: 'share', password: 'private' }))).toBe(false);
    expect(sort.isValidAnswer(args, placed({ ...right, photo: 'bin' }))).toBe(false);
    expect(sort.isValidAnswer(args, placed({ ...right, extra: 'share' }))).toBe(false);
  });

  it('ExactPlacement matches only the full placement', () => {
    const rule: SortRule = { rule: 'ExactPlacement', placement: right };
    expect(sort.matches(rule, placed(right), args)).toBe(true);
    expect(sort.matches(rule, placed({ ...right, photo: 'share' }), args)).toBe(false);
  });

  it('ItemIn matches one item in one bin', () => {
    const rule: SortRule = { rule: 'ItemIn', item: 'password', bin: 'share' };
    expect(sort.matches(rule, placed({ ...right, password: 'share' }), args)).toBe(true);
    expect(sort.matches(rule, placed(right), args)).toBe(false);
  });

  it('gives samples that are valid and satisfy their rule', () => {
    const rules: SortRule[] = [
      { rule: 'ExactPlacement', placement: right },
      { rule: 'ItemIn', item: 'photo', bin: 'private' },
    ];
    for (const rule of rules) {
      for (const s of sort.samples(rule, args)) {
        expect(sort.isValidAnswer(args, s)).toBe(true);
        expect(sort.matches(rule, s, args)).toBe(true);
      }
    }
  });

  it('reports unknown items or bins, and incomplete exact placements', () => {
    expect(
      sort.checkRule({ rule: 'ItemIn', item: 'x', bin: 'y' }, args).map((i) => i.path),
    ).toEqual(['item', 'bin']);
    const partial = sort.checkRule(
      { rule: 'ExactPlacement', placement: { animal: 'share', ghost: 'ask', password: 'nowhere' } },
      args,
    );
    expect(partial.map((i) => i.message)).toEqual([
      'item "ghost" does not exist',
      'bin "nowhere" does not exist',
      'item "photo" is not placed',
    ]);
    expect(sort.checkArgs({ ...args, bins: [args.bins[0]!] })[0]?.message).toMatch(
      /at least 2 bins/,
    );
  });
});
