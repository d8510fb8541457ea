// A release's term: its id, its days and the instants they span, and when a term may be built
// (STAT-06: once, after it has ended, never overlapping another release). Days are UTC calendar
// days, as feedback days are (`feedbackDay`); `to` is included.

/** A term id: lowercase letters, digits and dashes, at most 32, starting with a letter or digit. */
export const TERM_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** A day, `YYYY-MM-DD`. */
export const TERM_DAY = /^\d{4}-\d{2}-\d{2}$/;

const DAY_MS = 86_400_000;

/** A term as a release names it. */
export interface Term {
  readonly term: string;
  /** First day, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last day, included. */
  readonly to: string;
}

/** The instants of a term: from the start of `from` (UTC) up to, not including, the day after `to`. */
export interface TermWindow {
  readonly start: number;
  readonly end: number;
}

/** Epoch ms of the start of a real day `YYYY-MM-DD` (UTC), or null for anything else. */
export function dayStart(day: string): number | null {
  if (!TERM_DAY.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === day ? ms : null;
}

/** The window of a term, or null when a day is not a real day or `from` comes after `to`. */
export function termWindow(term: Pick<Term, 'from' | 'to'>): TermWindow | null {
  const start = dayStart(term.from);
  const last = dayStart(term.to);
  if (start === null || last === null || start > last) return null;
  return { start, end: last + DAY_MS };
}

/** Whether an instant falls in the window. */
export const inWindow = (w: TermWindow, at: number): boolean => at >= w.start && at < w.end;

/** Why a term may not be built now. */
export type TermRefusal =
  | { readonly code: 'release_exists'; readonly term: string }
  | { readonly code: 'term_not_ended'; readonly today: string }
  | { readonly code: 'term_overlap'; readonly term: string };

/**
 * Whether `term` may be built on `today` (`YYYY-MM-DD`, UTC) beside the releases already built:
 * once per id (a release is never recomputed, STAT-06), only once its last day is over, and
 * never over days another release counts (two releases sharing days would count a child's
 * activity twice, and their difference would isolate the shared days). Null when it may.
 * Expects a valid term (`termWindow` not null).
 */
export function termRefusal(term: Term, today: string, built: readonly Term[]): TermRefusal | null {
  const same = built.find((b) => b.term === term.term);
  if (same) return { code: 'release_exists', term: same.term };
  if (!(term.to < today)) return { code: 'term_not_ended', today };
  const overlap = built
    .filter((b) => b.from <= term.to && term.from <= b.to)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))[0];
  return overlap ? { code: 'term_overlap', term: overlap.term } : null;
}
