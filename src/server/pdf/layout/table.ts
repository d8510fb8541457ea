// A table as atoms: the heading row (bold, kept with the first row, a dark rule under it, and
// repeated at the top of each page the table goes on to) and one atom per row (a row never breaks over pages), each cell's text wrapped within its column
// and a thin grey rule under every row. A cell with a bar draws it in greys beside its text.

import type { TableBlock, TableCell } from '../model';
import type { ShapedLine, TextStyle } from '../text';
import type { Atom, BlockLayout, DrawOp } from './ops';
import type { Ctx } from './text-atoms';
import { RULE_GRAY } from './theme';

/** Tables up to this many rows move to the next page whole rather than break. */
const KEEP_TOGETHER_ROWS = 12;
/** Greys of a bar: its track (outline) and its filled part. */
const BAR_TRACK_GRAY = 0.6;
const BAR_FILL_GRAY = 0.35;

const cellText = (c: TableCell): string => (typeof c === 'string' ? c : c.text);

export function tableLayout(block: TableBlock, ctx: Ctx): BlockLayout {
  const { engine, theme } = ctx;
  const size = theme.body - 1;
  const padX = size * 0.45;
  const padY = size * 0.4;
  const shares = block.columns.map((c) => Math.max(c.width, 0));
  const total = shares.reduce((a, b) => a + b, 0) || 1;
  const widths = shares.map((s) => (s / total) * ctx.width);
  const lefts = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));

  const row = (cells: readonly TableCell[], bold: boolean, rule: 'dark' | 'light'): Atom => {
    const ops: DrawOp[] = [];
    let height = 0;
    const placed = block.columns.map((col, i) => {
      const cell = cells[i] ?? '';
      const style: TextStyle = {
        size,
        weight: bold || (typeof cell !== 'string' && cell.bold) ? 'bold' : 'regular',
      };
      const text = cellText(cell);
      const m = engine.metrics(text || '8', style);
      const inner = widths[i]! - 2 * padX;
      const bar = typeof cell === 'string' ? undefined : cell.bar;
      // A bar takes the cell's width but the room of its (short) text at the end.
      const lines: ShapedLine[] =
        bar === undefined ? engine.wrap(text, style, inner) : [engine.shapeLine(text, style)];
      height = Math.max(height, lines.length * m.height);
      return { col, lines, m, bar, x: lefts[i]! + padX, inner };
    });
    height += 2 * padY;
    for (const { col, lines, m, bar, x, inner } of placed) {
      lines.forEach((line, k) => {
        const end = col.align === 'end' || bar !== undefined;
        ops.push({
          kind: 'text',
          line,
          x: end ? x + inner - line.width : x,
          baseline: padY + k * m.height + m.baseline,
        });
      });
      if (bar !== undefined) {
        const textRoom = (lines[0]?.width ?? 0) + padX;
        const w = Math.max(inner - textRoom - padX, 0);
        const h = size * 0.75;
        const y = padY + m.baseline - h * 0.9;
        const share = Math.min(Math.max(bar, 0), 1);
        ops.push({ kind: 'box', x, y, w, h, width: 0.5, gray: BAR_TRACK_GRAY });
        if (share > 0) ops.push({ kind: 'fill', x, y, w: w * share, h, gray: BAR_FILL_GRAY });
      }
    }
    ops.push({
      kind: 'stroke',
      x1: 0,
      y1: height,
      x2: ctx.width,
      y2: height,
      width: rule === 'dark' ? 0.9 : 0.4,
      gray: rule === 'dark' ? 0 : RULE_GRAY,
    });
    return { height, ops };
  };

  const atoms: Atom[] = [];
  let heading: Atom | undefined;
  if (block.columns.some((c) => (c.heading ?? '') !== '')) {
    heading = row(
      block.columns.map((c) => c.heading ?? ''),
      true,
      'dark',
    );
    atoms.push({ ...heading, keepWithNext: true });
  }
  for (const cells of block.rows) atoms.push(row(cells, false, 'light'));
  return {
    atoms,
    spaceBefore: theme.paragraphGap / 2,
    spaceAfter: theme.paragraphGap * 1.5,
    keepTogether: block.rows.length <= KEEP_TOGETHER_ROWS,
    ...(heading ? { repeat: heading } : {}),
  };
}
