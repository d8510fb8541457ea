// Classification tasks (MEAS-08, e.g. "scam or not" for six messages): hits and false alarms,
// never one percent correct, so over-suspicion shows instead of passing for skill.

/** The four counts of a classification check, over a group's answers. */
export interface DetectionCounts {
  /** Scams called scams. */
  readonly hits: number;
  /** Scams called safe. */
  readonly misses: number;
  /** Safe messages called scams. */
  readonly falseAlarms: number;
  /** Safe messages called safe. */
  readonly correctRejections: number;
}

/** Hit and false-alarm rates and the sensitivity d′. */
export interface Detection {
  readonly hitRate: number | null;
  readonly falseAlarmRate: number | null;
  /** z(H) − z(F) with the log-linear correction (0.5 added to every count), so 0 and 1 stay finite. */
  readonly dPrime: number | null;
}

/** The standard normal quantile, by bisection on an erf series: pure and exact to ~1e-12. */
const normalQuantile = (p: number): number => {
  const cdf = (x: number) => {
    // Φ(x) = ½ + φ(x)·Σ x^(2k+1)/(1·3·…·(2k+1)), which converges for every x we meet (|x| < 9).
    let term = x;
    let sum = x;
    for (let k = 1; k < 200 && Math.abs(term) > 1e-17; k++) {
      term *= (x * x) / (2 * k + 1);
      sum += term;
    }
    return 0.5 + (sum * Math.exp((-x * x) / 2)) / Math.sqrt(2 * Math.PI);
  };
  let lo = -9;
  let hi = 9;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
};

/** Rates and d′ of a classification check; null where a kind of item was never shown. */
export function detection(c: DetectionCounts): Detection {
  const signal = c.hits + c.misses;
  const noise = c.falseAlarms + c.correctRejections;
  const hitRate = signal > 0 ? c.hits / signal : null;
  const falseAlarmRate = noise > 0 ? c.falseAlarms / noise : null;
  if (signal === 0 || noise === 0) return { hitRate, falseAlarmRate, dPrime: null };
  const h = (c.hits + 0.5) / (signal + 1);
  const f = (c.falseAlarms + 0.5) / (noise + 1);
  return { hitRate, falseAlarmRate, dPrime: normalQuantile(h) - normalQuantile(f) };
}
