// Sizes and spacing of printed documents: one theme for normal type, one for young children.
// Everything is in PDF points (1/72 inch).

import type { PageSize } from '../model';

export const PAGE_SIZES: Record<PageSize, { width: number; height: number }> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};

export interface Theme {
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
  /** Pictures: a question's scene (largest side), a tick option's, a matching item's. */
  picture: { scene: number; option: number; match: number };
  /** Cards to cut out: title and large text sizes, picture sizes, padding, gap between parts. */
  card: {
    title: number;
    large: number;
    avatar: number;
    picture: number;
    padding: number;
    gap: number;
  };
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
  picture: { scene: 110, option: 40, match: 36 },
  card: { title: 20, large: 24, avatar: 40, picture: 46, padding: 10, gap: 5 },
};

/** Bigger text, ruled lines and boxes, for ages 5–7. */
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
  picture: { scene: 150, option: 58, match: 52 },
  card: { title: 26, large: 30, avatar: 52, picture: 56, padding: 12, gap: 7 },
};

/**
 * Smaller type and tighter spacing, for an adult's one-page text (the families' letter) that
 * must say everything on one sheet in every language: Khmer lines stand taller than Latin ones.
 */
const COMPACT: Theme = {
  ...NORMAL,
  body: 10,
  small: 8.5,
  heading: { 1: 16, 2: 13, 3: 11 },
  footer: 8,
  spacer: { small: 4, medium: 8, large: 16 },
  paragraphGap: 4,
};

export function themeFor(largeType: boolean | undefined, compact = false): Theme {
  return largeType ? LARGE : compact ? COMPACT : NORMAL;
}

export const MARGIN = { top: 50, side: 50, bottom: 42 };
/** Grey of ruled lines and separators (0 black, 1 white). */
export const RULE_GRAY = 0.55;
/** Grey of answer boxes. */
export const BOX_GRAY = 0;
