// A grid of cards to cut out: `columns` cards across the text column, one atom per row (a row
// never breaks over pages), dashed cut lines around every card. Rows are as tall as the
// tallest card needs, then stretched so that a whole number of rows fills a page's body, which
// makes the cards of a sheet the same size and leaves no strip of paper at the foot.

import type { CardGridBlock } from '../model';
import { cardContent } from './card';
import type { Atom, BlockLayout, DrawOp } from './ops';
import { shift } from './ops';
import type { Ctx } from './text-atoms';
import { RULE_GRAY } from './theme';

/** Length of each dash and gap of a cut line, in points. */
export const CUT_DASH = 3;
const CUT_WIDTH = 0.5;

export function cardGridLayout(block: CardGridBlock, ctx: Ctx): BlockLayout {
  const columns = Math.min(Math.max(Math.round(block.columns), 1), 4);
  const cardWidth = ctx.width / columns;
  const padding = ctx.theme.card.padding;
  const contents = block.cards.map((card) => cardContent(card, ctx, cardWidth - 2 * padding));
  const need = Math.max(0, ...contents.map((c) => c.height)) + 2 * padding;
  const fit = Math.floor(ctx.height / need);
  // Rounded down a little, so that `fit` rows never add up to more than the body.
  const rowHeight = fit >= 1 ? Math.floor((ctx.height / fit) * 100) / 100 : need;

  const atoms: Atom[] = [];
  for (let first = 0; first < contents.length; first += columns) {
    const row = contents.slice(first, first + columns);
    const ops: DrawOp[] = cutLines(row.length, cardWidth, rowHeight);
    row.forEach((content, i) => {
      const dx = i * cardWidth + padding;
      const dy = (rowHeight - content.height) / 2;
      for (const op of content.ops) ops.push(shift(op, dx, dy));
    });
    atoms.push({ height: rowHeight, ops });
  }
  return { atoms, spaceBefore: 0, spaceAfter: 0, keepTogether: false };
}

/**
 * Dashed lines around `count` cards side by side: the row's top and bottom edges and a line
 * at each side of every card. The bottom of a row and the top of the next are drawn the same
 * way (left to right, same dash phase), so they coincide.
 */
function cutLines(count: number, cardWidth: number, height: number): DrawOp[] {
  const line = (x1: number, y1: number, x2: number, y2: number): DrawOp => ({
    kind: 'stroke',
    x1,
    y1,
    x2,
    y2,
    width: CUT_WIDTH,
    gray: RULE_GRAY,
    dash: CUT_DASH,
  });
  const right = count * cardWidth;
  const ops = [line(0, 0, right, 0), line(0, height, right, height)];
  for (let i = 0; i <= count; i++) ops.push(line(i * cardWidth, 0, i * cardWidth, height));
  return ops;
}
