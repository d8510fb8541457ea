// Lays the document model out on pages. Each block becomes a list of atoms (a text line, a
// ruled line, a tick-box row, a matching row, a drawing box): unbreakable slices with a
// height and drawing operations relative to their top. Pagination then places atoms top to
// bottom, keeping headings with what follows, a question with its answer area when they fit
// on one page, and never a lone first or last line of a paragraph at a page's foot or head. Layout produces plain data (pages of operations), drawn afterwards, so the
// page count is known before the footers are drawn.

import type { PdfDocumentModel } from '../model';
import type { TextEngine } from '../text';
import { layoutBlock } from './blocks';
import { drawFooters, measureFooter } from './footer';
import type { Atom, BlockLayout, LaidOutPage, Layout } from './ops';
import { shift } from './ops';
import type { Ctx } from './text-atoms';
import { MARGIN, PAGE_SIZES, themeFor } from './theme';

/** Height of the start of a block that may not be split: its first atom and those kept with it. */
function leading(block: BlockLayout): number {
  let h = 0;
  for (const atom of block.atoms) {
    h += atom.height;
    if (!atom.keepWithNext) break;
  }
  return h;
}

export function layoutDocument(model: PdfDocumentModel, engine: TextEngine): Layout {
  const page = PAGE_SIZES[model.pageSize];
  const theme = themeFor(model.largeType, model.compact);
  const left = MARGIN.side;
  const contentWidth = page.width - 2 * MARGIN.side;

  // The footer's height is the same on every page; the body ends above it.
  const footer = measureFooter(model, engine, theme, page.height, contentWidth);
  const bodyTop = MARGIN.top;
  const bodyBottom = footer.top - (footer.height > 0 ? 10 : 0);
  const bodyHeight = bodyBottom - bodyTop;
  const ctx: Ctx = {
    engine,
    theme,
    width: contentWidth,
    height: bodyHeight,
    showAnswers: model.showAnswers === true,
  };

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
        // Keep a run of kept atoms together and with the atom after it: a heading's lines and
        // the start of what follows, the first two or last two lines of a paragraph.
        let k = a + 1;
        while (k < block.atoms.length && block.atoms[k - 1]!.keepWithNext) {
          need += block.atoms[k]!.height;
          k++;
        }
        if (k >= block.atoms.length && block.atoms[k - 1]!.keepWithNext) {
          const next = blocks[b + 1];
          if (next && next.atoms.length > 0) {
            const nextTotal = next.atoms.reduce((h, x) => h + x.height, 0);
            const togetherTotal = next.keepTogether && nextTotal <= bodyHeight / 2;
            need +=
              block.spaceAfter + next.spaceBefore + (togetherTotal ? nextTotal : leading(next));
          }
        }
      }
      const breaks =
        y > bodyTop &&
        ((y + need > bodyBottom && need <= bodyHeight) || y + atom.height > bodyBottom);
      if (breaks) {
        newPage();
        // The block goes on over the break: its repeated part (a table's heading row) first.
        if (block.repeat && a > 0) place(block.repeat);
      }
      place(atom);
    }
    y += block.spaceAfter;
  }

  // Footers, now that the page count is known.
  drawFooters(pages, footer, model, engine, left, contentWidth);

  return { width: page.width, height: page.height, pages };
}
