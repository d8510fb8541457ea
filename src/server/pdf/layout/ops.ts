// What layout produces: plain data, pages of drawing operations, drawn afterwards by a surface
// (surface.ts): the PDF, or a recording in tests. Blocks are laid out as atoms, unbreakable
// slices whose operations are relative to their own top; pagination shifts them onto a page.

import type { ShapedLine } from '../text';

export type DrawOp =
  | { kind: 'text'; line: ShapedLine; x: number; baseline: number }
  | {
      kind: 'stroke';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      width: number;
      gray: number;
      /** Dashed (e.g. a line to cut along): the length of each dash and of each gap. */
      dash?: number;
    }
  | { kind: 'box'; x: number; y: number; w: number; h: number; width: number; gray: number }
  | { kind: 'tick'; x: number; y: number; size: number }
  /** A filled grey rectangle (e.g. a bar of a score). */
  | { kind: 'fill'; x: number; y: number; w: number; h: number; gray: number }
  /** A filled round dot centred on (x, y), e.g. the ends of a line to draw. */
  | { kind: 'dot'; x: number; y: number; r: number }
  /** An SVG picture scaled to fit the box (x, y, w, h), keeping its proportions. */
  | { kind: 'picture'; x: number; y: number; w: number; h: number; svg: string; alt: string };

export interface LaidOutPage {
  ops: DrawOp[];
}

export interface Layout {
  width: number;
  height: number;
  pages: LaidOutPage[];
}

/** An unbreakable slice of a block: its height and operations relative to its top. */
export interface Atom {
  height: number;
  ops: DrawOp[];
  /** Start a new page rather than leave this atom alone at the bottom of one. */
  keepWithNext?: boolean;
}

export interface BlockLayout {
  atoms: Atom[];
  spaceBefore: number;
  spaceAfter: number;
  /** Move the whole block to the next page if it does not fit here (and fits on a page). */
  keepTogether: boolean;
  /** Drawn again at the top of each page the block continues on (e.g. a table's heading row). */
  repeat?: Atom;
}

export function shift(op: DrawOp, dx: number, dy: number): DrawOp {
  switch (op.kind) {
    case 'text':
      return { ...op, x: op.x + dx, baseline: op.baseline + dy };
    case 'stroke':
      return { ...op, x1: op.x1 + dx, y1: op.y1 + dy, x2: op.x2 + dx, y2: op.y2 + dy };
    case 'box':
    case 'fill':
    case 'tick':
    case 'dot':
    case 'picture':
      return { ...op, x: op.x + dx, y: op.y + dy };
  }
}

/** Stacks atoms vertically into `ops` (relative to a shared top); returns their height. */
export function stack(atoms: Atom[], ops: DrawOp[]): number {
  let y = 0;
  for (const atom of atoms) {
    for (const op of atom.ops) ops.push(shift(op, 0, y));
    y += atom.height;
  }
  return y;
}
