// Statistics for rates and counts: Wilson intervals, the two-proportion z-test, and the exact
// conditional test that compares two Poisson counts. Pure functions; tested against published
// values (R's binom, prop.test and poisson.test).
import { binomialTestTwoSided } from './binomial.js';
import { erfc } from './normal.js';

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

/** Rates on fewer items than this are flagged as low-sample. */
export const LOW_SAMPLE = 30;

/**
 * Wilson score interval for successes out of n (no continuity correction); null when n = 0 or
 * when successes is not a count within 0 … n (then there is no proportion to bound).
 */
export function wilsonInterval(successes: number, n: number, z = Z95): [number, number] | null {
  if (!(n > 0) || !Number.isFinite(n) || !(successes >= 0 && successes <= n)) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  const low = Math.max(0, Math.min(p, centre - half));
  const high = Math.min(1, Math.max(p, centre + half));
  return Number.isFinite(low) && Number.isFinite(high) ? [low, high] : null;
}

export interface TestResult {
  /** Test statistic (z for the z-test; null for the exact test). */
  statistic: number | null;
  /** Two-sided p-value; null when the test cannot be computed (a zero denominator). */
  pValue: number | null;
}

/** Two-proportion z-test with pooled variance (R: prop.test(correct = FALSE)). */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): TestResult {
  const proportion = (x: number, n: number) => n > 0 && Number.isFinite(n) && x >= 0 && x <= n;
  if (!proportion(x1, n1) || !proportion(x2, n2)) return { statistic: null, pValue: null };
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { statistic: 0, pValue: 1 };
  const z = (x1 / n1 - x2 / n2) / se;
  return finiteResult({ statistic: z, pValue: erfc(Math.abs(z) / Math.SQRT2) });
}

/** A test whose statistic or p-value is not a finite number (degenerate inputs) has no result. */
function finiteResult(r: TestResult): TestResult {
  const ok = (v: number | null) => v === null || Number.isFinite(v);
  return ok(r.statistic) && ok(r.pValue) ? r : { statistic: null, pValue: null };
}

/**
 * Compares two Poisson counts observed over exposures t1 and t2 (e.g. hours): conditional on the
 * total, x1 is binomial(x1 + x2, t1 / (t1 + t2)) under equal rates; the two-sided p-value sums the
 * outcomes no more likely than x1 (R: poisson.test(c(x1, x2), c(t1, t2))) — exactly up to a variance
 * of 1e10 (tens of billions of events), by the normal approximation beyond (binomial.ts). Null when
 * an exposure is not positive or a count, or their total, is not a whole number of events.
 */
export function poissonRateTest(x1: number, t1: number, x2: number, t2: number): TestResult {
  if (!(t1 > 0 && t2 > 0 && Number.isFinite(t1) && Number.isFinite(t2))) return { statistic: null, pValue: null };
  if (!Number.isSafeInteger(x1) || !Number.isSafeInteger(x2) || x1 < 0 || x2 < 0) return { statistic: null, pValue: null };
  const n = x1 + x2;
  if (!Number.isSafeInteger(n)) return { statistic: null, pValue: null };
  if (n === 0) return { statistic: null, pValue: 1 };
  return finiteResult({ statistic: null, pValue: binomialTestTwoSided(x1, n, t1 / (t1 + t2)) });
}
