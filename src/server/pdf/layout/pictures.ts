// Placing SVG pictures: their proportions from the SVG's viewBox (or width and height), and a
// picture op scaled to fit a box of at most the given width and height.

import type { Picture } from '../model';
import type { DrawOp } from './ops';

const number = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?`;
const VIEW_BOX = new RegExp(
  String.raw`<svg\b[^>]*\bviewBox\s*=\s*["']\s*${number}[\s,]+${number}[\s,]+(${number})[\s,]+(${number})\s*["']`,
  'i',
);
const attr = (name: string) =>
  new RegExp(String.raw`<svg\b[^>]*\b${name}\s*=\s*["']\s*(${number})(?:px)?\s*["']`, 'i');

/** Width over height of an SVG picture; 1 when the file does not say. */
export function aspectRatio(svg: string): number {
  const box = VIEW_BOX.exec(svg);
  let w = box ? Number(box[1]) : NaN;
  let h = box ? Number(box[2]) : NaN;
  if (!(w > 0 && h > 0)) {
    w = Number(attr('width').exec(svg)?.[1]);
    h = Number(attr('height').exec(svg)?.[1]);
  }
  return w > 0 && h > 0 ? w / h : 1;
}

/** The picture scaled to fit within maxW × maxH, its top left at (x, y). */
export function pictureOp(
  picture: Picture,
  x: number,
  y: number,
  maxW: number,
  maxH: number,
): Extract<DrawOp, { kind: 'picture' }> {
  const ratio = aspectRatio(picture.svg);
  const w = Math.min(maxW, maxH * ratio);
  const h = w / ratio;
  return { kind: 'picture', x, y, w, h, svg: picture.svg, alt: picture.alt };
}
