// The footer at the foot of every page: a rule, the footer text (it may wrap) and "n / total".
// Its height is measured before pagination (it bounds the body) and it is drawn after, once the
// page count is known.

import type { PdfDocumentModel } from '../model';
import { supportedLocale } from '../text';
import type { LineMetrics, ShapedLine, TextEngine, TextStyle } from '../text';
import type { LaidOutPage } from './ops';
import { MARGIN, RULE_GRAY } from './theme';
import type { Theme } from './theme';

export interface FooterFrame {
  /** 0 when the document has no footer and no page numbers. */
  height: number;
  /** Top of the footer's rule. */
  top: number;
  lines: ShapedLine[];
  metrics: LineMetrics;
  style: TextStyle;
}

/** Wraps the footer text beside room for the page number and places it above the margin. */
export function measureFooter(
  model: PdfDocumentModel,
  engine: TextEngine,
  theme: Theme,
  pageHeight: number,
  contentWidth: number,
): FooterFrame {
  const style: TextStyle = { size: theme.footer, weight: 'regular' };
  const pageNumberRoom = model.pageNumbers ? engine.measure('888 / 888', style) + 12 : 0;
  const lines = model.footer ? engine.wrap(model.footer, style, contentWidth - pageNumberRoom) : [];
  const metrics = engine.metrics(model.footer ?? '8', style);
  const lineCount = Math.max(lines.length, model.pageNumbers ? 1 : 0);
  const height = lineCount > 0 ? 8 + lineCount * metrics.height : 0;
  return { height, top: pageHeight - MARGIN.bottom - height, lines, metrics, style };
}

/** Adds the footer to every page, numbered in the document's language when asked. */
export function drawFooters(
  pages: LaidOutPage[],
  footer: FooterFrame,
  model: PdfDocumentModel,
  engine: TextEngine,
  left: number,
  contentWidth: number,
): void {
  if (footer.height === 0) return;
  const total = pages.length;
  const numberFormat = new Intl.NumberFormat(supportedLocale(model.lang));
  const { top, metrics } = footer;
  pages.forEach((p, index) => {
    p.ops.push({
      kind: 'stroke',
      x1: left,
      y1: top,
      x2: left + contentWidth,
      y2: top,
      width: 0.5,
      gray: RULE_GRAY,
    });
    let lineTop = top + 8;
    footer.lines.forEach((line) => {
      p.ops.push({ kind: 'text', line, x: left, baseline: lineTop + metrics.baseline });
      lineTop += metrics.height;
    });
    if (model.pageNumbers) {
      const label = `${numberFormat.format(index + 1)} / ${numberFormat.format(total)}`;
      const line = engine.shapeLine(label, footer.style);
      p.ops.push({
        kind: 'text',
        line,
        x: left + contentWidth - line.width,
        baseline: top + 8 + metrics.baseline,
      });
    }
  });
}
