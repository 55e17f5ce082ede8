// The exact two-sided binomial test for any n, in log space. Probabilities come from Loader's
// saddle-point form of the binomial density ("Fast and Accurate Computation of Binomial
// Probabilities", C. Loader, 2000 — the algorithm of R's dbinom), which stays accurate where
// n! overflows; tails are summed outward from their boundary term, relative to it, so nothing
// underflows before it is negligible. Pure functions.
//
// A tail walk takes about ten standard deviations of steps, so beyond a variance of 1e10 (more than
// a million steps, or an endless loop once n passes 2^53 and i + 1 === i) the test uses the normal
// approximation with continuity correction instead: there the binomial's skewness is below 1e-5
// and the two agree to far more places than a p-value is shown with.
import { erfc } from './normal.js';

const LN_SQRT_2PI = 0.9189385332046728;

/** log(n!) − log(√(2π n) (n/e)^n): the error of Stirling's formula. */
function stirlingError(n: number): number {
  if (n <= 15) {
    let logFactorial = 0;
    for (let i = 2; i <= n; i++) logFactorial += Math.log(i);
    return logFactorial - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
  }
  const nn = n * n;
  const S0 = 1 / 12, S1 = 1 / 360, S2 = 1 / 1260, S3 = 1 / 1680, S4 = 1 / 1188;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** x·log(x / np) + np − x, computed without cancellation when x is close to np. */
function deviance(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const next = s + ej / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / np) + np - x;
}

/** log P(X = x) for X ~ binomial(n, p). */
export function binomialLogPmf(x: number, n: number, p: number): number {
  const q = 1 - p;
  if (x < 0 || x > n) return -Infinity;
  if (p === 0) return x === 0 ? 0 : -Infinity;
  if (q === 0) return x === n ? 0 : -Infinity;
  if (x === 0) return n === 0 ? 0 : p < 0.1 ? -deviance(n, n * q) - n * p : n * Math.log(q);
  if (x === n) return q < 0.1 ? -deviance(n, n * p) - n * q : n * Math.log(p);
  const lc = stirlingError(n) - stirlingError(x) - stirlingError(n - x) - deviance(x, n * p) - deviance(n - x, n * q);
  return lc - 0.5 * (Math.log(2 * Math.PI) + Math.log(x) + Math.log1p(-x / n));
}

/**
 * P(X ≤ k) when k is at or below the mode, or P(X ≥ k) when it is at or above (direction −1 or
 * +1): terms shrink away from k, each the previous times the pmf ratio, until they no longer
 * change the sum.
 */
function tailFrom(k: number, n: number, p: number, direction: -1 | 1): number {
  if (k < 0 || k > n) return 0;
  const odds = p / (1 - p);
  let term = 1;
  let sum = 1;
  for (let i = k; direction < 0 ? i > 0 : i < n; i += direction) {
    // pmf(i−1)/pmf(i) = i / ((n − i + 1)·odds); pmf(i+1)/pmf(i) = (n − i)·odds / (i + 1)
    term *= direction < 0 ? i / ((n - i + 1) * odds) : ((n - i) * odds) / (i + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.exp(binomialLogPmf(k, n, p) + Math.log(sum));
}

/** Above this variance n·p·(1 − p) the exact walk is replaced by the normal approximation. */
export const EXACT_VARIANCE_LIMIT = 1e10;

/** R's tolerance for "no more likely than the observed outcome" (binom.test's relErr). */
const LOG_REL_ERR = Math.log1p(1e-7);

/**
 * Two-sided exact binomial test of x successes in n trials against p (R: binom.test(x, n, p)):
 * the probability of every outcome no more likely than x. The outcomes on the far side of the
 * mean are found by bisection (the pmf is monotone there), so the cost does not grow with n
 * beyond the tail walks.
 */
export function binomialTestTwoSided(x: number, n: number, p: number): number {
  const mean = n * p;
  if (x === mean) return 1;
  const variance = mean * (1 - p);
  if (variance > EXACT_VARIANCE_LIMIT) {
    const z = Math.max(0, Math.abs(x - mean) - 0.5) / Math.sqrt(variance);
    return Math.min(1, erfc(z / Math.SQRT2));
  }
  const limit = binomialLogPmf(x, n, p) + LOG_REL_ERR;
  const unlikely = (i: number) => binomialLogPmf(i, n, p) <= limit;
  if (x < mean) {
    // the first i ≥ ⌈mean⌉ (pmf decreasing there) no more likely than x
    let lo = Math.ceil(mean), hi = n + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (unlikely(mid)) hi = mid;
      else lo = mid + 1;
    }
    return Math.min(1, tailFrom(x, n, p, -1) + tailFrom(lo, n, p, 1));
  }
  // the last i ≤ ⌊mean⌋ (pmf increasing there) no more likely than x
  let lo = -1, hi = Math.floor(mean);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (unlikely(mid)) lo = mid;
    else hi = mid - 1;
  }
  return Math.min(1, tailFrom(lo, n, p, -1) + tailFrom(x, n, p, 1));
}
