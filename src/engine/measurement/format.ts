import type { Band } from '../types/text';

/** How many of something an item may show: at least `min`, at most `max`. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

/**
 * The answer formats a band's items follow (research/measurement.md (a), DESIGN.md): 5–7
 * pictures read aloud with two or three options; 8–10 three options and "not sure"; 11–16
 * four options. Scales (self-efficacy, intention) have three faces for 5–7 and five points
 * above. `notSure`: whether a scored choice must, may or must not offer "not sure".
 */
export interface BandFormat {
  /** Options of a scored choice, not counting "not sure". */
  readonly options: Range;
  readonly notSure: 'required' | 'optional' | 'none';
  readonly bins: Range;
  readonly cards: Range;
  /** Points of a self-efficacy or intention scale. */
  readonly scalePoints: number;
}

/** The format of each band's items. */
export const BAND_FORMATS: Readonly<Record<Band, BandFormat>> = Object.freeze({
  '5-7': {
    options: { min: 2, max: 3 },
    notSure: 'none',
    bins: { min: 2, max: 3 },
    cards: { min: 2, max: 4 },
    scalePoints: 3,
  },
  '8-10': {
    options: { min: 3, max: 3 },
    notSure: 'required',
    bins: { min: 2, max: 3 },
    cards: { min: 2, max: 6 },
    scalePoints: 5,
  },
  '11-13': {
    options: { min: 4, max: 4 },
    notSure: 'optional',
    bins: { min: 2, max: 4 },
    cards: { min: 2, max: 6 },
    scalePoints: 5,
  },
  '14-16': {
    options: { min: 4, max: 4 },
    notSure: 'optional',
    bins: { min: 2, max: 4 },
    cards: { min: 2, max: 6 },
    scalePoints: 5,
  },
});
