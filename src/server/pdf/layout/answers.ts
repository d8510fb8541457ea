// Answer areas under a question: ruled lines, tick boxes, matching columns with letter boxes,
// ordering boxes and drawing frames. With `showAnswers` (the adults' key) the answers are
// written in: ticks, letters, position numbers and sample answers.

import type {
  AnswerArea,
  ChoicesAnswer,
  LinesAnswer,
  MatchingAnswer,
  OrderingAnswer,
} from '../model';
import type { TextStyle } from '../text';
import { stack } from './ops';
import type { Atom, DrawOp } from './ops';
import { labelledAtoms, textAtoms } from './text-atoms';
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

/** One row per item: a box for its position number, then the item's text. */
function orderingAtoms(answer: OrderingAnswer, ctx: Ctx, x: number, width: number): Atom[] {
  const { theme, engine } = ctx;
  const style: TextStyle = { size: theme.body, weight: 'regular' };
  const box = theme.box * 1.6;
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

function matchingAtoms(answer: MatchingAnswer, ctx: Ctx, x: number, width: number): Atom[] {
  const { theme, engine } = ctx;
  const style: TextStyle = { size: theme.body, weight: 'regular' };
  const gutter = theme.body * 2;
  const colWidth = (width - gutter) / 2;
  const box = theme.box * 1.6;
  const letter = (i: number) => String.fromCharCode(0x41 + (i % 26));
  const rows = Math.max(answer.left.length, answer.right.length);
  const atoms: Atom[] = [];
  const numLabels = answer.left.map((_, i) => engine.shapeLine(`${i + 1}.`, style));
  const letterLabels = answer.right.map((_, i) => engine.shapeLine(`${letter(i)}.`, style));
  const labelWidth =
    Math.max(...numLabels.map((l) => l.width), ...letterLabels.map((l) => l.width), 0) +
    style.size * 0.5;

  for (let r = 0; r < rows; r++) {
    const ops: DrawOp[] = [];
    let height = 0;
    const leftText = answer.left[r];
    const rightText = answer.right[r];
    let firstBaseline = 0;
    if (leftText !== undefined) {
      const leftAtoms = labelledAtoms(
        ctx,
        numLabels[r]!,
        leftText,
        style,
        x,
        labelWidth,
        colWidth - box - 8,
      );
      height = Math.max(height, stack(leftAtoms, ops));
      const first = leftAtoms[0]?.ops.find((o) => o.kind === 'text');
      if (first?.kind === 'text') firstBaseline = first.baseline;
      const boxX = x + colWidth - box;
      const boxY = Math.max(0, firstBaseline - style.size * 0.27 - box / 2);
      ops.push({ kind: 'box', x: boxX, y: boxY, w: box, h: box, width: 0.9, gray: BOX_GRAY });
      const match = answer.answers?.[r];
      if (ctx.showAnswers && match !== undefined && match >= 0 && match < answer.right.length) {
        const mark = engine.shapeLine(letter(match), { ...style, weight: 'bold' });
        ops.push({
          kind: 'text',
          line: mark,
          x: boxX + (box - mark.width) / 2,
          baseline: boxY + box / 2 + style.size * 0.36,
        });
      }
      height = Math.max(height, boxY + box);
    }
    if (rightText !== undefined) {
      const rightAtoms = labelledAtoms(
        ctx,
        letterLabels[r]!,
        rightText,
        style,
        x + colWidth + gutter,
        labelWidth,
        colWidth,
      );
      height = Math.max(height, stack(rightAtoms, ops));
    }
    atoms.push({ height: height + theme.body * 0.5, ops });
  }
  return atoms;
}
