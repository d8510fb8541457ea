// Wrapped text as atoms: one atom per line, and labelled items (a number or bullet in a column,
// the text wrapped beside it).

import type { ShapedLine, TextEngine, TextStyle } from '../text';
import type { Atom } from './ops';
import type { Theme } from './theme';

/** What laying out a block needs to know. */
export interface Ctx {
  engine: TextEngine;
  theme: Theme;
  /** Width of the text column. */
  width: number;
  /** Height of a page's body, between the top margin and the footer. */
  height: number;
  showAnswers: boolean;
}

/** One atom per wrapped line of `text`, starting at x. */
export function textAtoms(
  ctx: Ctx,
  text: string,
  style: TextStyle,
  x: number,
  width: number,
): Atom[] {
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
export function labelledAtoms(
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
