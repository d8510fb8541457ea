import type { TopicId } from '../../ids';
import { MAX_DIFFICULTY_GAP, meanDifficulty, measureForm } from '../../measurement/forms';
import { isScored } from '../../types/measurement';
import type { MeasureBank, MeasureItem, MeasureUse } from '../../types/measurement';
import { BANDS } from '../../types/text';
import type { Band } from '../../types/text';
import type { IssueSink } from '../issues';
import { checkMeasureItems } from './measurement-items';
import { checkItemPictures } from './pictures';

/** Fewest scored items in a pre or a post form. */
export const MIN_SCORED_PER_FORM = 3;

const scored = (items: readonly MeasureItem[]) => items.filter((i) => isScored(i.construct));

/** `measure-form`: one band's pre, post and transfer forms, as MEAS-02/05 and the brief ask. */
function checkBand(bank: MeasureBank, band: Band, file: string, sink: IssueSink): void {
  const where = new Map(bank.items.map((item, i) => [item, `items[${i}]`]));
  const form = (use: MeasureUse) => measureForm(bank, band, use);
  for (const use of ['pre', 'post'] as const) {
    const items = form(use);
    if (scored(items).length < MIN_SCORED_PER_FORM)
      sink.add(
        'measure-form',
        file,
        'items',
        `band ${band}: the ${use} form has ${scored(items).length} scored items, it needs at least ${MIN_SCORED_PER_FORM}`,
      );
    if (!items.some((i) => i.construct === 'self-efficacy'))
      sink.add(
        'measure-form',
        file,
        'items',
        `band ${band}: the ${use} form has no self-efficacy item`,
      );
  }
  const pre = meanDifficulty(form('pre'));
  const post = meanDifficulty(form('post'));
  // A rounding margin, so that 0.70 against 0.60 passes as the rule means.
  if (pre !== null && post !== null && Math.abs(pre - post) > MAX_DIFFICULTY_GAP + 1e-9)
    sink.add(
      'measure-form',
      file,
      'items',
      `band ${band}: the pre form's mean difficulty is ${pre.toFixed(2)} and the post form's ${post.toFixed(2)}; they may differ by ${MAX_DIFFICULTY_GAP} at most (MEAS-02)`,
    );
  const transfer = scored(form('transfer'));
  if (transfer.length === 0)
    sink.add('measure-form', file, 'items', `band ${band}: there is no scored transfer item`);
  const seen = new Set([...form('pre'), ...form('post')].map((i) => i.context));
  for (const t of transfer)
    if (seen.has(t.context))
      sink.add(
        'measure-form',
        file,
        `${where.get(t)}.context`,
        `band ${band}: a transfer item needs a new situation, and "${t.context}" is already in the pre or post form (MEAS-05)`,
      );
}

/**
 * A topic's item bank: its items (`checkMeasureItems`), their pictures in 5–7
 * (`checkItemPictures`, a warning); `unknown-ref` a topic that does not
 * exist; `measure-form` a scored item in more than one form (pre and post share no items, a
 * transfer item is new), and for every band a pre and a post form of at least three scored
 * items and a self-efficacy item each, mean difficulties within 0.10, and a scored transfer
 * item in a situation neither form used.
 */
export function checkMeasureBank(
  bank: MeasureBank,
  file: string,
  topics: ReadonlySet<TopicId>,
  sink: IssueSink,
): void {
  if (!topics.has(bank.topic))
    sink.add('unknown-ref', file, 'topic', `topic "${bank.topic}" does not exist`);
  checkMeasureItems(bank.items, file, sink);
  checkItemPictures(bank, file, sink);
  bank.items.forEach((item, i) => {
    if (isScored(item.construct) && new Set(item.use).size > 1)
      sink.add(
        'measure-form',
        file,
        `items[${i}].use`,
        `a scored item belongs to one form (${item.use.join(', ')}): pre, post and transfer share no items (MEAS-02)`,
      );
  });
  for (const band of BANDS) checkBand(bank, band, file, sink);
}
