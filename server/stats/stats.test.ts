// Every statistic against a published reference value (the source is named next to each).
import { describe, expect, it } from 'vitest';
import { poissonRateTest, twoProportionZTest, wilsonInterval } from './proportions.js';
import { cohensKappa, contingency, krippendorffAlphaFromSums, unanimity } from './agreement.js';
import { averagePrecision, bestThresholdForPrecision, bestThresholdWithSupport, thresholdTable } from './classification.js';
import { durationBucket, histogramQuantile, populationStabilityIndex } from './distributions.js';
import { benjaminiHochberg, robustBand } from './multiple.js';
import { METRICS } from '../definitions/metricCatalogue.js';

describe('Wilson interval (R: binom::binom.confint(method = "wilson"))', () => {
  it.each([
    [18, 20, 0.69897, 0.97213],
    [4, 20, 0.08066, 0.41602],
    [0, 30, 0, 0.11351],
  ])('%i/%i -> %f–%f', (x, n, lo, hi) => {
    const [l, h] = wilsonInterval(x, n)!;
    expect(l).toBeCloseTo(lo, 5);
    expect(h).toBeCloseTo(hi, 5);
  });
  it('has no interval without a denominator', () => expect(wilsonInterval(0, 0)).toBeNull());
});

describe('two-proportion z-test (R: prop.test(c(15, 25), c(50, 50), correct = FALSE): X² = 4.1667, p = 0.04123)', () => {
  it('matches', () => {
    const r = twoProportionZTest(15, 50, 25, 50);
    expect(r.statistic! ** 2).toBeCloseTo(4.1667, 4);
    expect(r.statistic).toBeLessThan(0);
    expect(r.pValue).toBeCloseTo(0.04123, 5);
  });
});

describe('Poisson rate comparison (R docs: poisson.test(c(11, 6 + 8 + 7), c(800, 1083 + 1050 + 878)): p = 0.07967)', () => {
  it('matches the exact conditional test', () => {
    expect(poissonRateTest(11, 800, 21, 1083 + 1050 + 878).pValue).toBeCloseTo(0.07967, 5);
  });
  it('finds no difference in equal rates', () => {
    expect(poissonRateTest(100, 7, 100, 7).pValue).toBeCloseTo(1, 6);
  });
});

describe("Krippendorff's alpha (Krippendorff 2011, 'Computing Krippendorff's Alpha-Reliability', 4 observers × 12 units)", () => {
  // rows are observers A–D, columns units 1–12, null = missing
  const data = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];
  const units = data[0]!.map((_, u) => data.map((row) => row[u]).filter((v) => v !== null).map(String));
  it('nominal alpha = 0.743 from the sums SQL adds up: values per category and observed disagreement', () => {
    // counted by hand over the 11 pairable units (unit 12 has one value): n_1 = 9, n_2 = 13,
    // n_3 = 10, n_4 = 5, n_5 = 3 (n = 40); (m² − Σ n_uc²) ÷ (m − 1) is 2 for unit 2 (2, 2, 3, 2),
    // 4 for unit 6 (1, 2, 3, 4), 2 for unit 8 (1, 1, 2, 1), 0 elsewhere: observed 8;
    // alpha = 1 − 39 × 8 ÷ (1600 − 384)
    const counts = new Map([['1', 9], ['2', 13], ['3', 10], ['4', 5], ['5', 3]]);
    expect(krippendorffAlphaFromSums(counts, 8)).toBeCloseTo(0.743, 3);
    expect(krippendorffAlphaFromSums(counts, 8)).toBeCloseTo(1 - 312 / 1216, 12);
  });
  it('has no alpha without disagreement to expect (one value only, or fewer than two values)', () => {
    expect(krippendorffAlphaFromSums(new Map([['a', 6]]), 0)).toBeNull();
    expect(krippendorffAlphaFromSums(new Map(), 0)).toBeNull();
  });
  it('counts pairable units and unanimous ones', () => {
    // unit 12 has one value; units 1, 3, 4, 5, 7, 9, 10, 11 are unanimous
    expect(unanimity(units)).toEqual({ unanimous: 8, units: 11 });
  });
});

describe("Cohen's kappa", () => {
  it('Artstein & Poesio (2008) table [[20, 20], [10, 50]] -> 0.348', () => {
    expect(cohensKappa([[20, 20], [10, 50]])).toBeCloseTo(0.348, 3);
  });
  it('scikit-learn cohen_kappa_score example -> 0.6875', () => {
    const a = ['negative', 'positive', 'negative', 'neutral', 'positive'];
    const b = ['negative', 'positive', 'negative', 'neutral', 'negative'];
    const { table } = contingency(a.map((x, i) => [x, b[i]!] as const));
    expect(cohensKappa(table)).toBeCloseTo(0.6875, 6);
  });
});

describe('precision-recall from score histograms (scikit-learn precision_recall_curve / average_precision_score example)', () => {
  // y = [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8]
  const positives = Array(100).fill(0);
  const negatives = Array(100).fill(0);
  positives[35] = 1;
  positives[80] = 1;
  negatives[10] = 1;
  negatives[40] = 1;
  const rows = thresholdTable(positives, negatives);
  it('gives precision [0.5, 0.667, 0.5, 1] and recall [1, 1, 0.5, 0.5] at thresholds [0.1, 0.35, 0.4, 0.8]', () => {
    const at = (t: number) => rows[Math.round(t * 100)]!;
    expect([0.1, 0.35, 0.4, 0.8].map((t) => at(t).precision)).toEqual([0.5, 2 / 3, 0.5, 1]);
    expect([0.1, 0.35, 0.4, 0.8].map((t) => at(t).recall)).toEqual([1, 1, 0.5, 0.5]);
  });
  it('average precision = 0.8333', () => {
    expect(averagePrecision(rows)).toBeCloseTo(0.8333, 4);
  });
  it('picks the threshold with the most recall at a precision target', () => {
    const best = bestThresholdForPrecision(rows, 0.6)!;
    expect(best.threshold).toBe(0.11); // scores >= 0.11 flag 0.35, 0.4, 0.8: precision 2/3, recall 1
    expect(bestThresholdForPrecision(rows, 1)!.threshold).toBe(0.41);
  });
});

describe('best threshold for a precision target, with its support', () => {
  // 18 violating and 2 benign items score 0.90; 12 violating and 8 benign score 0.50
  const positives = Array(100).fill(0);
  const negatives = Array(100).fill(0);
  positives[90] = 18;
  negatives[90] = 2;
  positives[50] = 12;
  negatives[50] = 8;
  const rows = thresholdTable(positives, negatives);
  it('refuses a threshold whose precision rests on fewer than 30 flagged items, and says why', () => {
    // 0.51 … 0.90 flag 20 items at precision 18/20 = 0.9: too few to choose by
    const best = bestThresholdWithSupport(rows, 0.85);
    expect(best.row).toBeNull();
    expect(best.note).toMatch(/^Threshold 0\.51 reaches precision 90 % on only 20 flagged labelled items; .* at least 30/);
  });
  it('offers one with enough support, with that support and the Wilson interval of its precision', () => {
    // 0.01 … 0.50 flag all 40 items at precision 30/40 = 0.75; Wilson 95 % for 30/40 by hand: centre (0.75 + z²/80)/(1 + z²/40) = 0.72810, half-width 0.13003 → 0.5981–0.8581
    const best = bestThresholdWithSupport(rows, 0.7);
    expect(best.row!.threshold).toBe(0);
    expect(best.support).toBe(40);
    expect(best.low).toBeCloseTo(0.5981, 4);
    expect(best.high).toBeCloseTo(0.8581, 4);
    expect(bestThresholdWithSupport(rows, 0.95).note).toBe('No threshold reaches precision 95 % on these labels.');
  });
});

describe('duration percentiles from log-spaced buckets', () => {
  it('put a duration in bucket floor(8·log2(1 + seconds))', () => {
    expect([0, 30, 3600, 7199].map(durationBucket)).toEqual([0, 39, 94, 102]);
  });
  it('interpolate inside the bucket holding the rank', () => {
    // two items in bucket 39 = [2^(39/8) − 1, 2^5 − 1) = [28.344, 31): the median is its upper edge, p25 its middle
    expect(histogramQuantile([39, 94], [2, 2], 0.5)).toBeCloseTo(31, 6);
    expect(histogramQuantile([39, 94], [2, 2], 0.25)).toBeCloseTo((28.344 + 31) / 2, 2);
  });
  it('stay within 5 % of the true percentiles of 1…1000 seconds', () => {
    const durations = Array.from({ length: 1000 }, (_, i) => i + 1);
    const hist = new Map<number, number>();
    for (const d of durations) hist.set(durationBucket(d), (hist.get(durationBucket(d)) ?? 0) + 1);
    const p50 = histogramQuantile([...hist.keys()], [...hist.values()], 0.5)!;
    const p90 = histogramQuantile([...hist.keys()], [...hist.values()], 0.9)!;
    expect(Math.abs(p50 - 500) / 500).toBeLessThan(0.05);
    expect(Math.abs(p90 - 900) / 900).toBeLessThan(0.05);
  });
});

describe('percentiles of a two-peaked distribution (what the catalogue states)', () => {
  // 600 quick decisions (10…69 s, ten each) and 400 slow ones (3,000…3,399 s, one each)
  const durations = [
    ...Array.from({ length: 600 }, (_, i) => 10 + Math.floor(i / 10)),
    ...Array.from({ length: 400 }, (_, i) => 3000 + i),
  ].sort((a, b) => a - b);
  const hist = new Map<number, number>();
  for (const d of durations) hist.set(durationBucket(d), (hist.get(durationBucket(d)) ?? 0) + 1);
  /** R quantile(type = 1): the smallest value with at least a share q of the items at or below it. */
  const type1 = (q: number) => durations[Math.ceil(q * durations.length) - 1]!;
  const estimate = (q: number) => histogramQuantile([...hist.keys()], [...hist.values()], q)!;

  it('stays within one bucket of the lower empirical quantile (R type 1): 9.1 % of (1 s + the true value)', () => {
    for (const q of [0.05, 0.25, 0.5, 0.6, 0.61, 0.75, 0.9, 0.99]) {
      expect(Math.abs(estimate(q) - type1(q)), `q = ${q}`).toBeLessThanOrEqual((2 ** (1 / 8) - 1) * (1 + type1(q)));
    }
  });
  it('is stated in the catalogue for every percentile: the quantile approximated and the error bound', () => {
    const percentiles = METRICS.filter((m) => m.kind === 'QUANTILE');
    expect(percentiles.length).toBe(6);
    for (const m of percentiles) expect(m.definition, m.id).toMatch(/R quantile type 1.*9\.1 % of \(1 s \+ the true value\)/);
  });
  it('puts the median in the quick peak and the p90 in the slow one, never in the empty gap between them', () => {
    // type 1: the 500th of 1,000 is 59 s and the 900th 3,299 s (type 7 would give the same here; a
    // median between the peaks, as a mean of the two middle values could give, is impossible)
    expect(type1(0.5)).toBe(59);
    expect(type1(0.9)).toBe(3299);
    expect(estimate(0.5)).toBeGreaterThan(50);
    expect(estimate(0.5)).toBeLessThan(70);
    expect(estimate(0.9)).toBeGreaterThan(3000);
    expect(estimate(0.9)).toBeLessThan(3600);
  });
});

describe('population stability index', () => {
  it('is (0.6 − 0.5)·ln(1.2) + (0.4 − 0.5)·ln(0.8) = 0.0405465 for 50/50 -> 60/40', () => {
    expect(populationStabilityIndex([50, 50], [60, 40])).toBeCloseTo(0.0405465, 6);
  });
  it('is 0 for the same distribution', () => {
    expect(populationStabilityIndex([10, 30, 60], [1, 3, 6])).toBeCloseTo(0, 12);
  });
});

describe('Benjamini–Hochberg (R: p.adjust(method = "BH"))', () => {
  it('p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "BH") is 0.05 everywhere', () => {
    benjaminiHochberg([0.01, 0.02, 0.03, 0.04, 0.05]).forEach((q) => expect(q).toBeCloseTo(0.05, 12));
  });
  it('keeps the input order: p = 0.01, 0.04, 0.03, 0.005 -> 0.02, 0.04, 0.04, 0.02', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    [0.02, 0.04, 0.04, 0.02].forEach((v, i) => expect(q[i]).toBeCloseTo(v, 12));
  });
});

describe('robust band', () => {
  it('median 100, MAD 2 -> scale 2.9652, band ±3.5 scales', () => {
    const b = robustBand([96, 98, 100, 102, 104], 120, 0);
    expect(b.expected).toBe(100);
    expect(b.high).toBeCloseTo(100 + 3.5 * 1.4826 * 2, 9);
    expect(b.z).toBeCloseTo(20 / (1.4826 * 2), 9);
  });
  it('never narrower than the noise floor', () => {
    const b = robustBand([50, 50, 50, 50], 58, Math.sqrt(50));
    expect(b.z).toBeCloseTo(8 / Math.sqrt(50), 9);
  });
});
