// Where a laid-out document is drawn: the PDF (renderer.ts), or a recording that tests read
// without a PDF reader. paint() walks the pages in order, so a surface sees exactly the page
// breaks and drawing operations the PDF gets.

import type { DrawOp, Layout } from './layout';

export interface Surface {
  /** Starts a new page of the given size, in points. */
  beginPage(width: number, height: number): void;
  draw(op: DrawOp): void;
}

export function paint(layout: Layout, surface: Surface): void {
  for (const page of layout.pages) {
    surface.beginPage(layout.width, layout.height);
    for (const op of page.ops) surface.draw(op);
  }
}

/** A drawing operation as recorded: a text run keeps its text, position, size and fonts. */
export type RecordedOp =
  | {
      kind: 'text';
      text: string;
      x: number;
      baseline: number;
      width: number;
      size: number;
      /** Font keys of the line's runs, e.g. `latin-bold`, `khmer-regular`. */
      fonts: string[];
    }
  | Exclude<DrawOp, { kind: 'text' }>;

export interface RecordedPage {
  width: number;
  height: number;
  ops: RecordedOp[];
}

/** A surface that keeps what is drawn, page by page, as plain data. */
export class RecordingSurface implements Surface {
  readonly pages: RecordedPage[] = [];

  beginPage(width: number, height: number): void {
    this.pages.push({ width, height, ops: [] });
  }

  draw(op: DrawOp): void {
    const page = this.pages[this.pages.length - 1];
    if (!page) throw new Error('draw() before beginPage()');
    if (op.kind !== 'text') {
      page.ops.push({ ...op });
      return;
    }
    const { line, x, baseline } = op;
    page.ops.push({
      kind: 'text',
      text: line.text,
      x,
      baseline,
      width: line.width,
      size: line.size,
      fonts: line.runs.map((r) => r.font.key),
    });
  }

  /** The text runs of a page (0-based), in drawing order. */
  texts(page: number): Extract<RecordedOp, { kind: 'text' }>[] {
    return (this.pages[page]?.ops ?? []).filter((o) => o.kind === 'text');
  }
}
