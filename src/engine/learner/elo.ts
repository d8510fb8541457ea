/** Parameters of the Elo update (after Pelánek): K = alpha / (1 + beta · n). */
export interface EloParams {
  readonly alpha: number;
  readonly beta: number;
  /** Credit for a correct answer given with a hint or the solution showing (0–1). */
  readonly hintCredit: number;
}

/** Defaults: a fast start that settles after a dozen answers; half credit when hinted. */
export const ELO_DEFAULTS: EloParams = Object.freeze({ alpha: 1, beta: 0.05, hintCredit: 0.5 });

/** One skill's estimate: ability `theta` (logit) after `n` graded answers. */
export interface SkillEstimate {
  readonly theta: number;
  readonly n: number;
}

/** Probability of a correct answer to an item of `difficulty` at ability `theta`. */
export function expected(theta: number, difficulty: number): number {
  return 1 / (1 + Math.exp(difficulty - theta));
}

/** The score of one answer: 1 right, `hintCredit` right with help, 0 wrong. */
export function answerScore(
  correct: boolean,
  hinted: boolean,
  params: EloParams = ELO_DEFAULTS,
): number {
  if (!correct) return 0;
  return hinted ? params.hintCredit : 1;
}

/**
 * The Elo update: theta moves toward the observed score by K · (score − expected).
 *
 * @example
 * updateEstimate({ theta: 0, n: 0 }, 1, 0) // { theta: 0.5, n: 1 }
 */
export function updateEstimate(
  est: SkillEstimate,
  score: number,
  difficulty: number,
  params: EloParams = ELO_DEFAULTS,
): SkillEstimate {
  const k = params.alpha / (1 + params.beta * est.n);
  return { theta: est.theta + k * (score - expected(est.theta, difficulty)), n: est.n + 1 };
}
