import { BAND_FORMATS } from '../../measurement/format';
import type { Range } from '../../measurement/format';
import { isScored } from '../../types/measurement';
import type { MeasureItem } from '../../types/measurement';
import type { IssueSink } from '../issues';

type Add = (
  check: 'measure-item' | 'measure-format' | 'duplicate-id',
  path: string,
  m: string,
) => void;

const inRange = (n: number, r: Range) => n >= r.min && n <= r.max;
const span = (r: Range) => (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`);

function duplicates(ids: readonly string[], at: string, what: string, add: Add): void {
  const seen = new Set<string>();
  ids.forEach((id, j) => {
    if (seen.has(id)) add('duplicate-id', `${at}[${j}].id`, `${what} "${id}" appears twice`);
    seen.add(id);
  });
}

/** `measure-item`: the key, difficulty and "not sure" of one item agree with its construct. */
function checkKey(item: MeasureItem, at: string, add: Add): void {
  const scored = isScored(item.construct);
  if (!scored) {
    if (item.key !== undefined)
      add(
        'measure-item',
        `${at}.key`,
        `a ${item.construct} item has no right answer: remove "key"`,
      );
    if (item.difficulty !== undefined)
      add(
        'measure-item',
        `${at}.difficulty`,
        `a ${item.construct} item is not scored: remove "difficulty"`,
      );
    if (item.interaction.type !== 'choice')
      add(
        'measure-item',
        `${at}.interaction.type`,
        `a ${item.construct} item is a scale: use "choice"`,
      );
    if (item.notSure !== undefined)
      add('measure-item', `${at}.notSure`, 'a scale has no "not sure" option');
    return;
  }
  if (item.difficulty === undefined)
    add(
      'measure-item',
      `${at}.difficulty`,
      `a ${item.construct} item needs a difficulty (proportion correct)`,
    );
  const key = item.key;
  if (key === undefined) {
    add('measure-item', `${at}.key`, `a ${item.construct} item is scored: it needs an answer key`);
    return;
  }
  if (key.type !== item.interaction.type) {
    add(
      'measure-item',
      `${at}.key.type`,
      `the key is for "${key.type}", the item is a "${item.interaction.type}"`,
    );
    return;
  }
  if (key.type === 'choice' && item.interaction.type === 'choice') {
    const options = new Set(item.interaction.args.options.map((o) => o.id));
    const listed = new Set<string>();
    for (const [name, ids] of [
      ['best', key.best],
      ['acceptable', key.acceptable ?? []],
    ] as const)
      ids.forEach((id, j) => {
        const path = `${at}.key.${name}[${j}]`;
        if (!options.has(id)) add('measure-item', path, `option "${id}" does not exist`);
        else if (id === item.notSure)
          add('measure-item', path, '"not sure" is never a right answer');
        else if (listed.has(id)) add('measure-item', path, `option "${id}" is listed twice`);
        listed.add(id);
      });
    if (item.notSure !== undefined && !options.has(item.notSure))
      add('measure-item', `${at}.notSure`, `option "${item.notSure}" does not exist`);
  }
  if (key.type === 'sort' && item.interaction.type === 'sort') {
    const bins = new Set(item.interaction.args.bins.map((b) => b.id));
    const cards = item.interaction.args.items.map((c) => c.id);
    const missing = cards.filter((c) => !Object.hasOwn(key.placement, c));
    const unknown = Object.keys(key.placement).filter((c) => !cards.includes(c));
    const badBins = Object.values(key.placement).filter((b) => !bins.has(b));
    if (missing.length + unknown.length + badBins.length > 0)
      add(
        'measure-item',
        `${at}.key.placement`,
        'the key must place every card, and only cards, in a bin of the item' +
          [
            missing.length ? ` (missing: ${missing.join(', ')})` : '',
            unknown.length ? ` (no such card: ${unknown.join(', ')})` : '',
            badBins.length ? ` (no such bin: ${badBins.join(', ')})` : '',
          ].join(''),
      );
    if (key.signal !== undefined && !bins.has(key.signal))
      add('measure-item', `${at}.key.signal`, `bin "${key.signal}" does not exist`);
    if (item.notSure !== undefined)
      add('measure-item', `${at}.notSure`, '"not sure" is for choices only');
  }
}

/** `measure-format`: the item's options, bins and cards suit each of its bands. */
function checkFormat(item: MeasureItem, at: string, add: Add): void {
  for (const band of item.bands) {
    const f = BAND_FORMATS[band];
    const ia = item.interaction;
    if (ia.type === 'choice' && !isScored(item.construct)) {
      if (ia.args.options.length !== f.scalePoints)
        add(
          'measure-format',
          `${at}.interaction.args.options`,
          `a scale for ${band} has ${f.scalePoints} points, not ${ia.args.options.length}`,
        );
    } else if (ia.type === 'choice') {
      const answers = ia.args.options.filter((o) => o.id !== item.notSure).length;
      if (!inRange(answers, f.options))
        add(
          'measure-format',
          `${at}.interaction.args.options`,
          `a ${band} choice has ${span(f.options)} options (besides "not sure"), not ${answers}`,
        );
      if (f.notSure === 'required' && item.notSure === undefined)
        add('measure-format', `${at}.notSure`, `a ${band} choice offers "not sure"`);
      if (f.notSure === 'none' && item.notSure !== undefined)
        add('measure-format', `${at}.notSure`, `a ${band} choice has no "not sure" option`);
    } else {
      if (!inRange(ia.args.bins.length, f.bins))
        add(
          'measure-format',
          `${at}.interaction.args.bins`,
          `a ${band} sort has ${span(f.bins)} bins`,
        );
      if (!inRange(ia.args.items.length, f.cards))
        add(
          'measure-format',
          `${at}.interaction.args.items`,
          `a ${band} sort has ${span(f.cards)} cards`,
        );
    }
  }
}

/**
 * Checks each item of a bank on its own: `duplicate-id` (items, options, bins, cards),
 * `measure-item` (a scored item without key or difficulty, a self-efficacy or intention item
 * with a right answer, a key naming what the item does not have) and `measure-format` (the
 * band's answer format, `BAND_FORMATS`).
 */
export function checkMeasureItems(
  items: readonly MeasureItem[],
  file: string,
  sink: IssueSink,
): void {
  const add: Add = (check, path, message) => sink.add(check, file, path, message);
  duplicates(
    items.map((i) => i.id),
    'items',
    'item',
    add,
  );
  items.forEach((item, i) => {
    const at = `items[${i}]`;
    if (item.interaction.type === 'choice')
      duplicates(
        item.interaction.args.options.map((o) => o.id),
        `${at}.interaction.args.options`,
        'option',
        add,
      );
    else {
      duplicates(
        item.interaction.args.bins.map((b) => b.id),
        `${at}.interaction.args.bins`,
        'bin',
        add,
      );
      duplicates(
        item.interaction.args.items.map((c) => c.id),
        `${at}.interaction.args.items`,
        'card',
        add,
      );
    }
    checkKey(item, at, add);
    checkFormat(item, at, add);
  });
}
