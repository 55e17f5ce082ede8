// Histograms: percentiles from log-spaced duration buckets, and the population stability index
// between two score distributions. Pure functions.

/** Durations d (seconds) are kept in bucket floor(8·log2(1 + d)) — see migrations/0002. */
export const BUCKETS_PER_DOUBLING = 8;

export function durationBucket(seconds: number): number {
  return Math.floor(BUCKETS_PER_DOUBLING * Math.log2(1 + Math.max(0, seconds)));
}

/** The smallest duration that falls in bucket b. */
export function bucketLowerBound(b: number): number {
  return 2 ** (b / BUCKETS_PER_DOUBLING) - 1;
}

/**
 * The q-quantile (0 < q < 1) of a duration histogram, interpolating linearly within the bucket
 * that holds it (bucket edges are at most 9 % apart). Null for an empty histogram.
 */
export function histogramQuantile(buckets: readonly number[], counts: readonly number[], q: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const order = buckets.map((b, i) => [b, counts[i]!] as const).sort((a, b) => a[0] - b[0]);
  const rank = q * total;
  let seen = 0;
  for (const [b, n] of order) {
    if (seen + n >= rank && n > 0) {
      const lo = bucketLowerBound(b);
      const hi = bucketLowerBound(b + 1);
      return lo + ((rank - seen) / n) * (hi - lo);
    }
    seen += n;
  }
  return bucketLowerBound(order[order.length - 1]![0] + 1);
}

/**
 * Population stability index between a baseline and a current distribution over the same
 * buckets: Σ (c − b)·ln(c / b) on shares. Empty buckets get a share of 0.0001 so the logarithm
 * stays finite (the usual convention). Null when either side is empty.
 */
export function populationStabilityIndex(baseline: readonly number[], current: readonly number[]): number | null {
  const nb = baseline.reduce((a, b) => a + b, 0);
  const nc = current.reduce((a, b) => a + b, 0);
  if (nb === 0 || nc === 0) return null;
  const floor = 1e-4;
  let psi = 0;
  for (let i = 0; i < Math.max(baseline.length, current.length); i++) {
    const b = Math.max((baseline[i] ?? 0) / nb, floor);
    const c = Math.max((current[i] ?? 0) / nc, floor);
    psi += (c - b) * Math.log(c / b);
  }
  return psi;
}
