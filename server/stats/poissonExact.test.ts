// The exact Poisson rate test at large n. Expected p-values are computed here independently of
// Vigil's code, by the definition R's poisson.test(c(x1, x2), c(t1, t2)) applies (binom.test of x1
// in x1 + x2 trials at p = t1 / (t1 + t2), two-sided, outcomes with pmf ≤ pmf(x1)·(1 + 1e-7)) in
// exact rational arithmetic: with p = a / (a + b), pmf(k) = C(n, k)·a^k·b^(n−k) / (a + b)^n, every
// term an exact BigInt. (R cannot run on this machine; this is the same sum without rounding.)
import { describe, expect, it } from 'vitest';
import { poissonRateTest } from './proportions.js';

function exactPoissonTestP(x1: number, a: number, x2: number, b: number): number {
  const n = x1 + x2;
  const A = BigInt(a), B = BigInt(b);
  const weights: bigint[] = [B ** BigInt(n)];
  for (let k = 0; k < n; k++) weights.push((weights[k]! * BigInt(n - k) * A) / (BigInt(k + 1) * B));
  const observed = weights[x1]!;
  let sum = 0n;
  for (const w of weights) if (w * 10_000_000n <= observed * 10_000_001n) sum += w;
  const total = (A + B) ** BigInt(n);
  return Number((sum * 10n ** 18n) / total) / 1e18;
}

describe('exact Poisson rate test above 10,000 events (no normal approximation)', () => {
  it.each([
    // equal exposures, n = 20,000
    [10_150, 1, 9_850, 1],
    // 3 h against 4 h, n = 12,100 (just above the old cut-off)
    [5_300, 3, 6_800, 4],
    // a week against a week with a skewed split, n = 40,000
    [20_210, 1, 19_790, 1],
    // a very significant change, n = 15,000
    [8_000, 1, 7_000, 1],
  ])('x1 = %i over %i, x2 = %i over %i', (x1, t1, x2, t2) => {
    const expected = exactPoissonTestP(x1, t1, x2, t2);
    const p = poissonRateTest(x1, t1, x2, t2).pValue!;
    expect(Math.abs(p - expected)).toBeLessThanOrEqual(1e-9 + 1e-7 * expected);
  });

  it('gives 1 when the counts match the exposures exactly', () => {
    expect(poissonRateTest(30_000, 3, 40_000, 4).pValue).toBe(1);
  });

  it('is finite for hundreds of millions of events', () => {
    const p = poissonRateTest(200_010_000, 1, 200_000_000, 1).pValue!;
    // z = (200,010,000 − 200,005,000) / √(400,010,000 · 0.25) = 0.499988 → 2·(1 − Φ(z)) = 0.6171
    // (at this n the exact test and the normal approximation agree to 4 places)
    expect(p).toBeCloseTo(0.6171, 4);
  });

  // Above a variance of 1e10 the test is the normal approximation with continuity correction;
  // expected values from Python's math.erfc: z = (|x1 − n·p| − ½) / √(n·p·q), p = erfc(z / √2).
  // Before, the tail walk here ran for hours (past 2^53, i + 1 === i and it never ended).
  it.each([
    // 10^15 events over equal exposures: z = 2.0238576708849862
    [500_000_032_000_000, 1, 499_999_968_000_000, 1, 0.0429847983255137],
    // 4·10^12 events, 3 h against 1 h: z = 2.309400499408234
    [2_999_998_000_000, 3, 1_000_002_000_000, 1, 0.020921367345983214],
  ])('x1 = %i over %i, x2 = %i over %i: the normal approximation', (x1, t1, x2, t2, expected) => {
    expect(poissonRateTest(x1, t1, x2, t2).pValue).toBeCloseTo(expected, 10);
  });

  it('has no p-value when the total is past the whole numbers a double holds (2^53)', () => {
    expect(poissonRateTest(2 ** 53 - 1, 1, 2 ** 53 - 3, 1)).toEqual({ statistic: null, pValue: null });
  });
});
