// Statistics for rates and counts: Wilson intervals, the two-proportion z-test, and the exact
// conditional test that compares two Poisson counts. Pure functions; tested against published
// values (R's binom, prop.test and poisson.test).
import { binomialTestTwoSided } from './binomial.js';

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

/** Standard normal CDF. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Complementary error function to machine precision (Chebyshev fit, Numerical Recipes 3rd ed. §6.2.2). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 2 / (2 + z);
  const ty = 4 * t - 2;
  const coefficients = [
    -1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3, -9.46595344482036e-4,
    3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8,
    -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12,
    -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17,
  ];
  let d = 0;
  let dd = 0;
  for (let j = coefficients.length - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + coefficients[j]!;
    dd = tmp;
  }
  const result = t * Math.exp(-z * z + 0.5 * (coefficients[0]! + ty * d) - dd);
  return x >= 0 ? result : 2 - result;
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
 * outcomes no more likely than x1 (R: poisson.test(c(x1, x2), c(t1, t2))) — exactly, for every n.
 * Null when an exposure is not positive or a count is not a whole number of events.
 */
export function poissonRateTest(x1: number, t1: number, x2: number, t2: number): TestResult {
  if (!(t1 > 0 && t2 > 0 && Number.isFinite(t1) && Number.isFinite(t2))) return { statistic: null, pValue: null };
  if (!Number.isSafeInteger(x1) || !Number.isSafeInteger(x2) || x1 < 0 || x2 < 0) return { statistic: null, pValue: null };
  const n = x1 + x2;
  if (n === 0) return { statistic: null, pValue: 1 };
  return finiteResult({ statistic: null, pValue: binomialTestTwoSided(x1, n, t1 / (t1 + t2)) });
}
