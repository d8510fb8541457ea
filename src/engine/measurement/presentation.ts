import type { MeasureUse } from '../types/measurement';

/**
 * How the app shows a check: data the player honours rather than a rule each screen knows.
 * `correctness`: whether an answer's right or wrong is shown (never on a pre-check, MEAS-03:
 * feedback there would teach the answers the post-check measures); `score`: a check is not a
 * test of the child, so no total is ever shown; `skippable`: a child may always say "not now".
 */
export interface CheckPresentation {
  readonly correctness: boolean;
  readonly score: false;
  readonly skippable: true;
}

const PRE: CheckPresentation = Object.freeze({ correctness: false, score: false, skippable: true });
const AFTER: CheckPresentation = Object.freeze({
  correctness: true,
  score: false,
  skippable: true,
});

/** How a check of `use` is shown. */
export function checkPresentation(use: MeasureUse): CheckPresentation {
  return use === 'pre' ? PRE : AFTER;
}
