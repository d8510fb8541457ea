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

/**
 * Fewest children a correlation (MEAS-06) or an item's statistics (MEAS-11) are shown from, as
 * for gains: with 30 pairs the 95 % interval of r by Fisher's z is about ±0.35 around 0, so a
 * smaller group says next to nothing about the rules or the item; the count itself is then far
 * above the 10 children any published group needs.
 */
export const MIN_STATISTIC_CHILDREN = 30;

/** Fewest children a form's KR-20 is shown from (MEAS-11: "report KR-20 once n ≥ 200"). */
export const MIN_RELIABILITY_CHILDREN = 200;

/** Item flags (MEAS-11 heuristics, not rules): p over this is very easy… */
export const ITEM_P_HIGH = 0.95;
/** …p under this is very hard… */
export const ITEM_P_LOW = 0.2;
/** …and a corrected item–total r under this tells the item apart from the rest too little. */
export const ITEM_R_LOW = 0.2;
