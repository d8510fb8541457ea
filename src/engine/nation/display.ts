// How a shown cell's numbers are written: counts rounded to 5, percents whole or as a range.

import { PERCENT_EDGE, ROUNDING_BASE } from './policy';
import type { Shown } from './types';

/** A count rounded to the nearest 5 (a whole count never falls halfway). */
export function roundCount(count: number): Shown {
  return { shown: 'count', value: ROUNDING_BASE * Math.round(count / ROUNDING_BASE) };
}

/**
 * `numerator / denominator` as a whole percent; under 5 % as "<5%" and over 95 % as ">95%"
 * (Delaware's rule), so an extreme does not say "all" or "none" of a group. The caller shows it
 * only when the denominator's own count is shown.
 */
export function percentOf(numerator: number, denominator: number): Shown {
  const p = (100 * numerator) / denominator;
  if (p < PERCENT_EDGE) return { shown: 'below', value: 5 };
  if (p > 100 - PERCENT_EDGE) return { shown: 'above', value: 95 };
  return { shown: 'percent', value: Math.round(p) };
}

/** The GSS way of writing a shown value: `25`, `40%`, `<5%`, `>95%`, `[c]`, `[z]`. */
export function formatShown(s: Shown): string {
  switch (s.shown) {
    case 'count':
      return String(s.value);
    case 'percent':
      return `${s.value}%`;
    case 'below':
      return '<5%';
    case 'above':
      return '>95%';
    case 'c':
      return '[c]';
    case 'z':
      return '[z]';
  }
}
