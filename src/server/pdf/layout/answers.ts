// Answer areas under a question: ruled lines, tick boxes (with pictures when the options have
// them), two columns of dots to join with lines ("draw a line"), ordering boxes and drawing
// frames. With `showAnswers` (the adults' key) the answers are written in: ticks, the matching
// lines, position numbers and sample answers.

import type {
  AnswerArea,
  ChoicesAnswer,
  LinesAnswer,
  MatchingAnswer,
  OrderingAnswer,
  Picture,
} from '../model';
import type { TextStyle } from '../text';
import { shift, stack } from './ops';
import type { Atom, DrawOp } from './ops';
import { pictureOp } from './pictures';
import { textAtoms } from './text-atoms';
import type { Ctx } from './text-atoms';
import { BOX_GRAY, RULE_GRAY } from './theme';

export function answerAtoms(answer: AnswerArea, ctx: Ctx, x: number, width: number): Atom[] {
  switch (answer.kind) {
    case 'lines':
      return linesAtoms(answer, ctx, x, width);
    case 'choices':
      return choicesAtoms(answer, ctx, x, width);
    case 'matching':
      return matchingAtoms(answer, ctx, x, width);
    case 'ordering':
      return orderingAtoms(answer, ctx, x, width);
    case 'drawing': {
      const h = ctx.theme.drawing[answer.size ?? 'medium'];
      return [
        {
          height: h + 4,
          ops: [{ kind: 'box', x, y: 2, w: width, h, width: 0.75, gray: BOX_GRAY }],
        },
      ];
    }
  }
}

function linesAtoms(answer: LinesAnswer, ctx: Ctx, x: number, width: number): Atom[] {
  const { theme, engine } = ctx;
  const count = Math.min(Math.max(Math.round(answer.count), 1), 20);
  const style: TextStyle = { size: theme.body, weight: 'regular' };
  const written =
    ctx.showAnswers && answer.sampleAnswer
      ? engine.wrap(answer.sampleAnswer, style, width - 8)
      : [];
  const m = engine.metrics(answer.sampleAnswer ?? '', style);
  const atoms: Atom[] = [];
  const rows = Math.max(count, written.length);
  // Rows must be tall enough for the written answer's script (Khmer needs more room).
  const rowHeight = Math.max(theme.ruleGap, m.height);
  for (let i = 0; i < rows; i++) {
    const ruleY = rowHeight - 4;
    const ops: DrawOp[] = [];
    if (i < count) {
      ops.push({
        kind: 'stroke',
        x1: x,
        y1: ruleY,
        x2: x + width,
        y2: ruleY,
        width: 0.6,
        gray: RULE_GRAY,
      });
    }
    const line = written[i];
    if (line) {
      // Sit the text on the rule with its descenders clear of it.
      ops.push({ kind: 'text', line, x: x + 4, baseline: ruleY - (m.height - m.baseline) });
    }
    atoms.push({ height: rowHeight, ops });
  }
  return atoms;
}

function choicesAtoms(answer: ChoicesAnswer, ctx: Ctx, x: number, width: number): Atom[] {
  if (answer.options.some((o) => o.picture)) return picturedChoicesAtoms(answer, ctx, x, width);
  const { theme } = ctx;
  const style: TextStyle = { size: theme.body, weight: 'regular' };
  const box = theme.box;
  const gap = box * 0.8;
  const atoms: Atom[] = [];
  answer.options.forEach((option, i) => {
    const lines = textAtoms(ctx, option.label, style, x + box + gap, width - box - gap);
    const first = lines[0];
    const firstText = first?.ops[0];
    if (!first || firstText?.kind !== 'text') return;
    // Centre the box on the first line's lower-case letters.
    const xHeight = style.size * 0.54;
    const boxY = firstText.baseline - xHeight / 2 - box / 2;
    first.ops.push({ kind: 'box', x, y: boxY, w: box, h: box, width: 0.9, gray: BOX_GRAY });
    if (ctx.showAnswers && option.correct) {
      first.ops.push({ kind: 'tick', x, y: boxY, size: box });
    }
    const last = lines[lines.length - 1]!;
    if (i < answer.options.length - 1) last.height += theme.body * 0.35;
    atoms.push(...lines);
  });
  return atoms;
}

/** One row of a list with pictures: its label, picture and what goes in its box. */
interface PicturedRow {
  label: string;
  picture: Picture | null | undefined;
  /** Drawn in the box (a tick or a number) when the document shows answers. */
  mark: (boxX: number, boxY: number) => DrawOp[];
}

/**
 * Rows with pictures, one atom each: the box, the picture, then the label beside it, box and
 * label centred on the picture. Rows without a picture keep its room, so the labels line up.
 */
function picturedRows(
  rows: PicturedRow[],
  box: number,
  ctx: Ctx,
  x: number,
  width: number,
): Atom[] {
  const { theme } = ctx;
  const style: TextStyle = { size: theme.body, weight: 'regular' };
  const gap = theme.box * 0.8;
  const size = theme.picture.option;
  const textX = x + box + gap + size + gap;
  return rows.map((row, i) => {
    const ops: DrawOp[] = [];
    const lines = textAtoms(ctx, row.label, style, textX, width - (textX - x));
    const textHeight = stack(lines, ops);
    const rowHeight = Math.max(size, textHeight);
    const middle = rowHeight / 2;
    // The label's lines, as a block centred on the picture.
    const dy = (rowHeight - textHeight) / 2;
    for (let k = 0; k < ops.length; k++) ops[k] = shift(ops[k]!, 0, dy);
    const boxY = middle - box / 2;
    ops.push({ kind: 'box', x, y: boxY, w: box, h: box, width: 0.9, gray: BOX_GRAY });
    if (ctx.showAnswers) ops.push(...row.mark(x, boxY));
    if (row.picture) {
      const pic = pictureOp(row.picture, x + box + gap, 0, size, size);
      ops.push({ ...pic, x: pic.x + (size - pic.w) / 2, y: middle - pic.h / 2 });
    }
    const spacing = i < rows.length - 1 ? theme.body * 0.6 : 0;
    return { height: rowHeight + spacing, ops };
  });
}

/** Options with pictures: tick boxes, each option's picture and label. */
function picturedChoicesAtoms(answer: ChoicesAnswer, ctx: Ctx, x: number, width: number): Atom[] {
  const box = ctx.theme.box;
  const rows = answer.options.map((o) => ({
    label: o.label,
    picture: o.picture,
    mark: (bx: number, by: number): DrawOp[] =>
      o.correct ? [{ kind: 'tick', x: bx, y: by, size: box }] : [],
  }));
  return picturedRows(rows, box, ctx, x, width);
}

/** One row per item: a box for its position number, then the item's text. */
function orderingAtoms(answer: OrderingAnswer, ctx: Ctx, x: number, width: number): Atom[] {
  const { theme, engine } = ctx;
  const style: TextStyle = { size: theme.body, weight: 'regular' };
  const box = theme.box * 1.6;
  if (answer.pictures?.some((p) => p)) {
    const rows = answer.items.map((label, i) => ({
      label,
      picture: answer.pictures?.[i],
      mark: (bx: number, by: number): DrawOp[] => {
        const position = answer.answers?.[i];
        if (position === undefined) return [];
        const mark = engine.shapeLine(String(position), { ...style, weight: 'bold' });
        const baseline = by + box / 2 + style.size * 0.36;
        return [{ kind: 'text', line: mark, x: bx + (box - mark.width) / 2, baseline }];
      },
    }));
    return picturedRows(rows, box, ctx, x, width);
  }
  const gap = box * 0.6;
  const atoms: Atom[] = [];
  answer.items.forEach((item, i) => {
    const lines = textAtoms(ctx, item, style, x + box + gap, width - box - gap);
    const first = lines[0];
    const firstText = first?.ops[0];
    if (!first || firstText?.kind !== 'text') return;
    // Centre the box on the first line; push the line down if the box would touch the row above.
    const pad = box * 0.15;
    const shift = Math.max(0, pad - (firstText.baseline - style.size * 0.27 - box / 2));
    firstText.baseline += shift;
    const boxY = firstText.baseline - style.size * 0.27 - box / 2;
    first.ops.push({ kind: 'box', x, y: boxY, w: box, h: box, width: 0.9, gray: BOX_GRAY });
    first.height = Math.max(first.height + shift, boxY + box + pad);
    const position = answer.answers?.[i];
    if (ctx.showAnswers && position !== undefined) {
      const mark = engine.shapeLine(String(position), { ...style, weight: 'bold' });
      first.ops.push({
        kind: 'text',
        line: mark,
        x: x + (box - mark.width) / 2,
        baseline: boxY + box / 2 + style.size * 0.36,
      });
    }
    const last = lines[lines.length - 1]!;
    if (i < answer.items.length - 1) last.height += theme.body * 0.45;
    atoms.push(...lines);
  });
  return atoms;
}

/** One side of a matching row laid out: its operations, height and where its dot goes. */
interface MatchItem {
  ops: DrawOp[];
  height: number;
  /** Vertical centre of the item (of its picture, else of its first line). */
  anchor: number;
}

/** An item of a column, its picture first; `pictured`: the column has pictures, keep their room. */
function matchItem(
  ctx: Ctx,
  text: string,
  picture: Picture | null | undefined,
  pictured: boolean,
  x: number,
  width: number,
): MatchItem {
  const style: TextStyle = { size: ctx.theme.body, weight: 'regular' };
  const ops: DrawOp[] = [];
  if (!pictured) {
    const lines = textAtoms(ctx, text, style, x, width);
    const height = stack(lines, ops);
    const first = ops.find((o) => o.kind === 'text');
    const anchor = first?.kind === 'text' ? first.baseline - style.size * 0.27 : height / 2;
    return { ops, height, anchor };
  }
  const size = ctx.theme.picture.match;
  const gap = style.size * 0.5;
  const lines = textAtoms(ctx, text, style, x + size + gap, width - size - gap);
  const textHeight = stack(lines, ops);
  const height = Math.max(size, textHeight);
  const dy = (height - textHeight) / 2;
  for (let k = 0; k < ops.length; k++) ops[k] = shift(ops[k]!, 0, dy);
  if (picture) {
    const pic = pictureOp(picture, x, 0, size, size);
    ops.push({ ...pic, x: x + (size - pic.w) / 2, y: (height - pic.h) / 2 });
  }
  return { ops, height, anchor: height / 2 };
}

/**
 * "Draw a line": left items end in a dot, right items start with one, and the wide gap between
 * the columns is room for the lines. The rows form one unbreakable atom, so a line never has
 * to cross a page. The key draws the lines in.
 */
function matchingAtoms(answer: MatchingAnswer, ctx: Ctx, x: number, width: number): Atom[] {
  const { theme } = ctx;
  const r = Math.max(2.5, theme.body * 0.22);
  const pad = theme.body * 0.7;
  // Each column a little over a third of the width (0.38); the middle is for the lines.
  const colWidth = width * 0.38;
  const leftDot = x + colWidth + pad;
  const rightDot = x + width - colWidth - pad;
  const rows = Math.max(answer.left.length, answer.right.length);
  const rowGap = theme.body * 0.9;
  const leftPictured = answer.pictures?.left?.some((p) => p) ?? false;
  const rightPictured = answer.pictures?.right?.some((p) => p) ?? false;
  const ops: DrawOp[] = [];
  const leftAnchors: number[] = [];
  const rightAnchors: number[] = [];
  let y = 0;
  for (let row = 0; row < rows; row++) {
    const left = answer.left[row];
    const right = answer.right[row];
    const items: { item: MatchItem; dotX: number; anchors: number[] }[] = [];
    if (left !== undefined) {
      const item = matchItem(ctx, left, answer.pictures?.left?.[row], leftPictured, x, colWidth);
      items.push({ item, dotX: leftDot, anchors: leftAnchors });
    }
    if (right !== undefined) {
      const picture = answer.pictures?.right?.[row];
      const item = matchItem(ctx, right, picture, rightPictured, rightDot + pad, colWidth);
      items.push({ item, dotX: rightDot, anchors: rightAnchors });
    }
    const height = Math.max(0, ...items.map((i) => i.item.height));
    for (const { item, dotX, anchors } of items) {
      // Centre the shorter side on the row.
      const top = y + (height - item.height) / 2;
      for (const op of item.ops) ops.push(shift(op, 0, top));
      anchors.push(top + item.anchor);
      ops.push({ kind: 'dot', x: dotX, y: top + item.anchor, r });
    }
    y += height + (row < rows - 1 ? rowGap : 0);
  }
  if (ctx.showAnswers && answer.answers) {
    answer.answers.forEach((match, i) => {
      const from = leftAnchors[i];
      const to = rightAnchors[match];
      if (from === undefined || to === undefined) return;
      ops.push({
        kind: 'stroke',
        x1: leftDot,
        y1: from,
        x2: rightDot,
        y2: to,
        width: 1.4,
        gray: 0,
      });
    });
  }
  return [{ height: y + theme.body * 0.5, ops }];
}
