// One card of a card grid: its parts stacked top to bottom, each centred across the card: a
// title beside its picture, lines of text (with an optional label before them), and a row of
// pictures with a label and a caption under each. Operations are relative to the card's top
// left (inside its padding).

import type { Card, CardPart, CardPictures, CardText, CardTitle } from '../model';
import type { TextStyle } from '../text';
import type { DrawOp } from './ops';
import { pictureOp } from './pictures';
import type { Ctx } from './text-atoms';

export interface CardContent {
  height: number;
  ops: DrawOp[];
}

/** The smallest a title is set to fit on one line, as a share of its size. */
const TITLE_MIN_SCALE = 0.6;

/** Lays out a card's parts in `width`, a gap between parts. */
export function cardContent(card: Card, ctx: Ctx, width: number): CardContent {
  const ops: DrawOp[] = [];
  let y = 0;
  card.parts.forEach((part, i) => {
    if (i > 0) y += ctx.theme.card.gap;
    y += partAt(part, ctx, width, y, ops);
  });
  return { height: y, ops };
}

/** Draws one part with its top at y; returns its height. */
function partAt(part: CardPart, ctx: Ctx, width: number, y: number, ops: DrawOp[]): number {
  switch (part.kind) {
    case 'title':
      return titleAt(part, ctx, width, y, ops);
    case 'text':
      return textAt(part, ctx, width, y, ops);
    case 'pictures':
      return picturesAt(part, ctx, width, y, ops);
  }
}

function titleAt(part: CardTitle, ctx: Ctx, width: number, y: number, ops: DrawOp[]): number {
  const { engine, theme } = ctx;
  const full = theme.card.title;
  const gap = part.picture ? full * 0.5 : 0;
  const pictureWidth = part.picture ? theme.card.avatar : 0;
  const room = width - pictureWidth - gap;
  const natural = engine.measure(part.text, { size: full, weight: 'bold' });
  const size = natural <= room ? full : Math.max(full * TITLE_MIN_SCALE, (full * room) / natural);
  const style: TextStyle = { size, weight: 'bold' };
  const lines = engine.wrap(part.text, style, room);
  const m = engine.metrics(part.text, style);
  const textHeight = lines.length * m.height;
  const height = Math.max(textHeight, pictureWidth);
  const textWidth = Math.max(...lines.map((l) => l.width), 0);
  const left = Math.max(0, (room - textWidth) / 2);
  if (part.picture) {
    ops.push(
      pictureOp(part.picture, left, y + (height - pictureWidth) / 2, pictureWidth, pictureWidth),
    );
  }
  let top = y + (height - textHeight) / 2;
  for (const line of lines) {
    ops.push({ kind: 'text', line, x: left + pictureWidth + gap, baseline: top + m.baseline });
    top += m.height;
  }
  return height;
}

/** Wrapped lines of text, each centred in `width` from x; returns their height. */
function centredLines(
  text: string,
  style: TextStyle,
  ctx: Ctx,
  x: number,
  width: number,
  y: number,
  ops: DrawOp[],
): number {
  const m = ctx.engine.metrics(text, style);
  const lines = ctx.engine.wrap(text, style, width);
  lines.forEach((line, i) => {
    const left = x + Math.max(0, (width - line.width) / 2);
    ops.push({ kind: 'text', line, x: left, baseline: y + i * m.height + m.baseline });
  });
  return lines.length * m.height;
}

interface Styled {
  text: string;
  style: TextStyle;
}

/**
 * Two texts side by side on one baseline, centred together in `width` from x, a space apart;
 * when they do not fit on one line, each is centred on lines of its own, the first above.
 * Returns their height.
 */
function pairAt(
  first: Styled,
  second: Styled,
  ctx: Ctx,
  x: number,
  width: number,
  y: number,
  ops: DrawOp[],
): number {
  const { engine } = ctx;
  const a = engine.shapeLine(first.text, first.style);
  const b = engine.shapeLine(second.text, second.style);
  const space = first.style.size * 0.4;
  if (a.width + space + b.width > width) {
    const h = centredLines(first.text, first.style, ctx, x, width, y, ops);
    return h + centredLines(second.text, second.style, ctx, x, width, y + h, ops);
  }
  const ma = engine.metrics(first.text, first.style);
  const mb = engine.metrics(second.text, second.style);
  const baseline = Math.max(ma.baseline, mb.baseline);
  const below = Math.max(ma.height - ma.baseline, mb.height - mb.baseline);
  const left = x + (width - (a.width + space + b.width)) / 2;
  ops.push({ kind: 'text', line: a, x: left, baseline: y + baseline });
  ops.push({ kind: 'text', line: b, x: left + a.width + space, baseline: y + baseline });
  return baseline + below;
}

function textStyle(part: CardText, ctx: Ctx): TextStyle {
  const { theme } = ctx;
  if (part.size === 'large') return { size: theme.card.large, weight: 'bold' };
  return {
    size: part.size === 'small' ? theme.small : theme.body,
    weight: part.bold ? 'bold' : 'regular',
  };
}

function textAt(part: CardText, ctx: Ctx, width: number, y: number, ops: DrawOp[]): number {
  const style = textStyle(part, ctx);
  if (part.label === undefined) return centredLines(part.text, style, ctx, 0, width, y, ops);
  const label: Styled = { text: part.label, style: { size: ctx.theme.small, weight: 'regular' } };
  return pairAt(label, { text: part.text, style }, ctx, 0, width, y, ops);
}

function picturesAt(part: CardPictures, ctx: Ctx, width: number, y: number, ops: DrawOp[]): number {
  const { theme } = ctx;
  const n = part.items.length;
  if (n === 0) return 0;
  const slot = Math.min(width / n, theme.card.picture * 2);
  const size = Math.min(theme.card.picture, slot * 0.85);
  const start = (width - slot * n) / 2;
  const labelStyle: TextStyle = { size: theme.body, weight: 'bold' };
  const captionStyle: TextStyle = { size: theme.small, weight: 'regular' };
  let height = 0;
  part.items.forEach((item, i) => {
    const x = start + i * slot;
    const pic = pictureOp(item.picture, x, y, size, size);
    pic.x = x + (slot - pic.w) / 2;
    ops.push(pic);
    const top = y + size + theme.body * 0.25;
    const label: Styled = { text: item.label, style: labelStyle };
    const h = item.caption
      ? pairAt(label, { text: item.caption, style: captionStyle }, ctx, x, slot, top, ops)
      : centredLines(item.label, labelStyle, ctx, x, slot, top, ops);
    height = Math.max(height, top - y + h);
  });
  return height;
}
