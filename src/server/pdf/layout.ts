// Lays the document model out on pages. Each block becomes a list of atoms (a text line, a
// ruled line, a tick-box row, a matching row, a drawing box): unbreakable slices with a
// height and drawing operations relative to their top. Pagination then places atoms top to
// bottom, keeping headings with what follows and a question with its answer area when they
// fit on one page. Layout produces plain data (pages of operations), drawn afterwards, so the
// page count is known before the footers are drawn.

import type {
  AnswerArea,
  Block,
  ChoicesAnswer,
  LinesAnswer,
  MatchingAnswer,
  OrderingAnswer,
  PageSize,
  PdfDocumentModel,
} from './model';
import { supportedLocale } from './text';
import type { ShapedLine, TextEngine, TextStyle } from './text';

export type DrawOp =
  | { kind: 'text'; line: ShapedLine; x: number; baseline: number }
  | { kind: 'stroke'; x1: number; y1: number; x2: number; y2: number; width: number; gray: number }
  | { kind: 'box'; x: number; y: number; w: number; h: number; width: number; gray: number }
  | { kind: 'tick'; x: number; y: number; size: number };

interface Atom {
  height: number;
  ops: DrawOp[];
  /** Start a new page rather than leave this atom alone at the bottom of one. */
  keepWithNext?: boolean;
}

interface BlockLayout {
  atoms: Atom[];
  spaceBefore: number;
  spaceAfter: number;
  /** Move the whole block to the next page if it does not fit here (and fits on a page). */
  keepTogether: boolean;
}

export interface LaidOutPage {
  ops: DrawOp[];
}

export interface Layout {
  width: number;
  height: number;
  pages: LaidOutPage[];
}

export const PAGE_SIZES: Record<PageSize, { width: number; height: number }> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};

interface Theme {
  body: number;
  small: number;
  heading: Record<1 | 2 | 3, number>;
  footer: number;
  /** Distance between ruled answer lines (room to write by hand). */
  ruleGap: number;
  box: number;
  drawing: Record<'small' | 'medium' | 'large', number>;
  spacer: Record<'small' | 'medium' | 'large', number>;
  paragraphGap: number;
  questionGap: number;
}

const NORMAL: Theme = {
  body: 11.5,
  small: 9.5,
  heading: { 1: 20, 2: 15, 3: 12.5 },
  footer: 8.5,
  ruleGap: 26,
  box: 11,
  drawing: { small: 110, medium: 180, large: 280 },
  spacer: { small: 6, medium: 14, large: 28 },
  paragraphGap: 8,
  questionGap: 16,
};

const LARGE: Theme = {
  body: 17,
  small: 13,
  heading: { 1: 28, 2: 21, 3: 18 },
  footer: 10,
  ruleGap: 38,
  box: 16,
  drawing: { small: 140, medium: 220, large: 320 },
  spacer: { small: 9, medium: 20, large: 40 },
  paragraphGap: 12,
  questionGap: 22,
};

const MARGIN = { top: 50, side: 50, bottom: 42 };
const RULE_GRAY = 0.55;
const BOX_GRAY = 0;

export function layoutDocument(model: PdfDocumentModel, engine: TextEngine): Layout {
  const page = PAGE_SIZES[model.pageSize];
  const theme = model.largeType ? LARGE : NORMAL;
  const left = MARGIN.side;
  const contentWidth = page.width - 2 * MARGIN.side;
  const ctx: Ctx = { engine, theme, width: contentWidth, showAnswers: model.showAnswers === true };

  // The footer's height is fixed for all pages; the page number goes on its first line.
  const footerStyle: TextStyle = { size: theme.footer, weight: 'regular' };
  const pageNumberRoom = model.pageNumbers ? engine.measure('888 / 888', footerStyle) + 12 : 0;
  const footerLines = model.footer
    ? engine.wrap(model.footer, footerStyle, contentWidth - pageNumberRoom)
    : [];
  const footerMetrics = engine.metrics(model.footer ?? '8', footerStyle);
  const footerLineCount = Math.max(footerLines.length, model.pageNumbers ? 1 : 0);
  const footerHeight = footerLineCount > 0 ? 8 + footerLineCount * footerMetrics.height : 0;
  const footerTop = page.height - MARGIN.bottom - footerHeight;
  const bodyTop = MARGIN.top;
  const bodyBottom = footerTop - (footerHeight > 0 ? 10 : 0);
  const bodyHeight = bodyBottom - bodyTop;

  const blocks = model.blocks.map((b) => layoutBlock(b, ctx));
  const pages: LaidOutPage[] = [{ ops: [] }];
  let y = bodyTop;
  const place = (atom: Atom) => {
    const ops = pages[pages.length - 1]!.ops;
    for (const op of atom.ops) ops.push(shift(op, left, y));
    y += atom.height;
  };
  const newPage = () => {
    pages.push({ ops: [] });
    y = bodyTop;
  };

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.atoms.length === 0) {
      if (y > bodyTop) y += block.spaceBefore + block.spaceAfter;
      continue;
    }
    if (y > bodyTop) y += block.spaceBefore;
    const total = block.atoms.reduce((h, a) => h + a.height, 0);
    if (block.keepTogether && y > bodyTop && y + total > bodyBottom && total <= bodyHeight) {
      newPage();
    }
    for (let a = 0; a < block.atoms.length; a++) {
      const atom = block.atoms[a]!;
      let need = atom.height;
      if (atom.keepWithNext) {
        // Keep a heading's lines together and with the first line of what follows it.
        let k = a + 1;
        while (k < block.atoms.length && block.atoms[k - 1]!.keepWithNext) {
          need += block.atoms[k]!.height;
          k++;
        }
        if (k >= block.atoms.length) {
          const next = blocks[b + 1];
          const first = next?.atoms[0];
          if (next && first) {
            const nextTotal = next.atoms.reduce((h, x) => h + x.height, 0);
            const togetherTotal = next.keepTogether && nextTotal <= bodyHeight / 2;
            need +=
              block.spaceAfter + next.spaceBefore + (togetherTotal ? nextTotal : first.height);
          }
        }
      }
      if (y > bodyTop && y + need > bodyBottom && need <= bodyHeight) newPage();
      else if (y > bodyTop && y + atom.height > bodyBottom) newPage();
      place(atom);
    }
    y += block.spaceAfter;
  }

  // Footers, now that the page count is known.
  const total = pages.length;
  const numberFormat = new Intl.NumberFormat(supportedLocale(model.lang));
  pages.forEach((p, index) => {
    if (footerHeight === 0) return;
    p.ops.push({
      kind: 'stroke',
      x1: left,
      y1: footerTop,
      x2: left + contentWidth,
      y2: footerTop,
      width: 0.5,
      gray: RULE_GRAY,
    });
    let lineTop = footerTop + 8;
    footerLines.forEach((line) => {
      p.ops.push({ kind: 'text', line, x: left, baseline: lineTop + footerMetrics.baseline });
      lineTop += footerMetrics.height;
    });
    if (model.pageNumbers) {
      const label = `${numberFormat.format(index + 1)} / ${numberFormat.format(total)}`;
      const line = engine.shapeLine(label, footerStyle);
      p.ops.push({
        kind: 'text',
        line,
        x: left + contentWidth - line.width,
        baseline: footerTop + 8 + footerMetrics.baseline,
      });
    }
  });

  return { width: page.width, height: page.height, pages };
}

function shift(op: DrawOp, dx: number, dy: number): DrawOp {
  switch (op.kind) {
    case 'text':
      return { ...op, x: op.x + dx, baseline: op.baseline + dy };
    case 'stroke':
      return { ...op, x1: op.x1 + dx, y1: op.y1 + dy, x2: op.x2 + dx, y2: op.y2 + dy };
    case 'box':
    case 'tick':
      return { ...op, x: op.x + dx, y: op.y + dy };
  }
}

interface Ctx {
  engine: TextEngine;
  theme: Theme;
  width: number;
  showAnswers: boolean;
}

/** One atom per wrapped line of `text`, starting at x. */
function textAtoms(ctx: Ctx, text: string, style: TextStyle, x: number, width: number): Atom[] {
  const m = ctx.engine.metrics(text, style);
  return ctx.engine.wrap(text, style, width).map((line) => ({
    height: m.height,
    ops: [{ kind: 'text', line, x, baseline: m.baseline }],
  }));
}

/**
 * Lays out a labelled item (a list item, a question, an option): `label` in a column of
 * `labelWidth`, `text` wrapped beside it. The label sits on the text's first baseline.
 */
function labelledAtoms(
  ctx: Ctx,
  label: ShapedLine,
  text: string,
  style: TextStyle,
  x: number,
  labelWidth: number,
  width: number,
): Atom[] {
  const atoms = textAtoms(ctx, text, style, x + labelWidth, width - labelWidth);
  const first = atoms[0];
  const firstText = first?.ops[0];
  if (first && firstText?.kind === 'text') {
    const labelMetrics = ctx.engine.metrics(label.text, { size: label.size, weight: 'regular' });
    const baseline = Math.max(firstText.baseline, labelMetrics.baseline);
    first.height += baseline - firstText.baseline;
    firstText.baseline = baseline;
    first.ops.push({ kind: 'text', line: label, x, baseline });
  }
  return atoms;
}

function layoutBlock(block: Block, ctx: Ctx): BlockLayout {
  const { theme, engine, width } = ctx;
  const body: TextStyle = { size: theme.body, weight: 'regular' };
  switch (block.type) {
    case 'heading': {
      const size = theme.heading[block.level];
      const atoms = textAtoms(ctx, block.text, { size, weight: 'bold' }, 0, width);
      for (const a of atoms) a.keepWithNext = true;
      return {
        atoms,
        spaceBefore: block.level === 1 ? 0 : size * 0.8,
        spaceAfter: size * 0.35,
        keepTogether: true,
      };
    }
    case 'paragraph': {
      const style: TextStyle = {
        size: block.small ? theme.small : theme.body,
        weight: block.bold ? 'bold' : 'regular',
      };
      return {
        atoms: textAtoms(ctx, block.text, style, 0, width),
        spaceBefore: 0,
        spaceAfter: theme.paragraphGap,
        keepTogether: false,
      };
    }
    case 'list': {
      const labels = block.items.map((_, i) =>
        engine.shapeLine(block.ordered ? `${i + 1}.` : '•', body),
      );
      const labelWidth = Math.max(...labels.map((l) => l.width), 0) + body.size * 0.6;
      const atoms: Atom[] = [];
      block.items.forEach((item, i) => {
        const itemAtoms = labelledAtoms(ctx, labels[i]!, item, body, 0, labelWidth, width);
        const last = itemAtoms[itemAtoms.length - 1];
        if (last && i < block.items.length - 1) last.height += theme.body * 0.3;
        atoms.push(...itemAtoms);
      });
      return { atoms, spaceBefore: 0, spaceAfter: theme.paragraphGap, keepTogether: false };
    }
    case 'question': {
      const numberLabel = engine.shapeLine(`${block.number}.`, { ...body, weight: 'bold' });
      const labelWidth = Math.max(numberLabel.width + body.size * 0.5, body.size * 1.8);
      const atoms = labelledAtoms(ctx, numberLabel, block.prompt, body, 0, labelWidth, width);
      const answer = answerAtoms(block.answer, ctx, labelWidth, width - labelWidth);
      atoms.push({ height: theme.body * 0.4, ops: [] }, ...answer);
      return {
        atoms,
        spaceBefore: theme.questionGap / 2,
        spaceAfter: theme.questionGap / 2,
        keepTogether: true,
      };
    }
    case 'nameLine': {
      const labels = block.labels.slice(0, 3);
      const fieldWidth = width / Math.max(labels.length, 1);
      const m = engine.metrics(labels.join(' '), body);
      const ops: DrawOp[] = [];
      const lineY = m.baseline + 3;
      labels.forEach((label, i) => {
        const x = i * fieldWidth;
        const line = engine.shapeLine(collapseForLine(label), body);
        ops.push({ kind: 'text', line, x, baseline: m.baseline });
        const end = x + fieldWidth - (i < labels.length - 1 ? body.size : 0);
        const start = Math.min(x + line.width + body.size * 0.4, end - body.size * 3);
        ops.push({
          kind: 'stroke',
          x1: start,
          y1: lineY,
          x2: end,
          y2: lineY,
          width: 0.75,
          gray: 0,
        });
      });
      return {
        atoms: [{ height: m.height + theme.body * 0.6, ops }],
        spaceBefore: 0,
        spaceAfter: theme.paragraphGap,
        keepTogether: true,
      };
    }
    case 'rule':
      return {
        atoms: [
          {
            height: theme.body,
            ops: [
              {
                kind: 'stroke',
                x1: 0,
                y1: theme.body / 2,
                x2: width,
                y2: theme.body / 2,
                width: 0.5,
                gray: RULE_GRAY,
              },
            ],
          },
        ],
        spaceBefore: theme.paragraphGap / 2,
        spaceAfter: theme.paragraphGap / 2,
        keepTogether: true,
      };
    case 'spacer':
      return {
        atoms: [],
        spaceBefore: theme.spacer[block.size ?? 'medium'],
        spaceAfter: 0,
        keepTogether: false,
      };
  }
}

function collapseForLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function answerAtoms(answer: AnswerArea, ctx: Ctx, x: number, width: number): Atom[] {
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

/** Stacks atoms vertically into `ops` (relative to a shared top); returns their height. */
function stack(atoms: Atom[], ops: DrawOp[]): number {
  let y = 0;
  for (const atom of atoms) {
    for (const op of atom.ops) ops.push(shift(op, 0, y));
    y += atom.height;
  }
  return y;
}
