// Each block of the document model as atoms: headings (kept with what follows), paragraphs and
// list items (never a lone first or last line on a page), questions (kept together with their
// picture and answer area), name lines, rules, spacers and grids of cards (cards.ts).

import type { Block } from '../model';
import type { TextStyle } from '../text';
import { answerAtoms } from './answers';
import { cardGridLayout } from './cards';
import type { Atom, BlockLayout, DrawOp } from './ops';
import { pictureOp } from './pictures';
import { tableLayout } from './table';
import { labelledAtoms, textAtoms } from './text-atoms';
import type { Ctx } from './text-atoms';
import { RULE_GRAY } from './theme';

export function layoutBlock(block: Block, ctx: Ctx): BlockLayout {
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
        atoms: keepLinesPaired(textAtoms(ctx, block.text, style, 0, width)),
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
        const itemAtoms = keepLinesPaired(
          labelledAtoms(ctx, labels[i]!, item, body, 0, labelWidth, width),
        );
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
      if (block.picture) {
        const pic = pictureOp(
          block.picture,
          labelWidth,
          theme.body * 0.4,
          Math.min(theme.picture.scene * 1.6, width - labelWidth),
          theme.picture.scene,
        );
        atoms.push({ height: pic.h + theme.body * 0.4, ops: [pic] });
      }
      // A question that must break over pages keeps its prompt (and picture) with its answer.
      for (const a of atoms) a.keepWithNext = true;
      const answer = answerAtoms(block.answer, ctx, labelWidth, width - labelWidth);
      atoms.push({ height: theme.body * 0.4, ops: [], keepWithNext: true }, ...answer);
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
    case 'picture': {
      const pic = pictureOp(block.picture, 0, 0, theme.picture.scene * 1.6, theme.picture.scene);
      return {
        atoms: [{ height: pic.h, ops: [pic] }],
        spaceBefore: theme.paragraphGap / 2,
        spaceAfter: theme.paragraphGap,
        keepTogether: true,
      };
    }
    case 'cards':
      return cardGridLayout(block, ctx);
    case 'table':
      return tableLayout(block, ctx);
    case 'spacer':
      return {
        atoms: [],
        spaceBefore: theme.spacer[block.size ?? 'medium'],
        spaceAfter: 0,
        keepTogether: false,
      };
  }
}

/**
 * Lines of a paragraph or list item that must not be split from their neighbours: the first
 * two stay together (no orphan at the foot of a page) and so do the last two (no widow at the
 * top of the next). A one-line text stays as it is.
 */
function keepLinesPaired(atoms: Atom[]): Atom[] {
  if (atoms.length >= 2) {
    atoms[0]!.keepWithNext = true;
    atoms[atoms.length - 2]!.keepWithNext = true;
  }
  return atoms;
}

function collapseForLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
