// The disclosure policy's numbers, in one place (research/measurement.md Part 2 (b)). Changing one
// changes what may be published: docs/national.md explains each.

/** Fewest children a shown count or a ratio's denominator may have (k = 10, STAT-01, PRIV-19). */
export const MIN_CHILDREN = 10;

/** Fewest schools a sub-national cell may come from (STAT-10). */
export const MIN_SCHOOLS = 3;

/** Counts are rounded to the nearest multiple of this (Ofqual's 5). */
export const ROUNDING_BASE = 5;

/** Fewest pre/post pairs a gain may be shown from (MEAS-09). */
export const MIN_PAIRS = 30;

/** Gains from fewer pairs than this carry "[u]", low reliability (≈90 pairs detect d = 0.3). */
export const RELIABLE_PAIRS = 90;

/** Percents under this are shown as "<5%", over 100 minus it as ">95%". */
export const PERCENT_EDGE = 5;
