// Classifier metrics from confusion counts and from score histograms (100 buckets of 0.01 for
// positives and negatives), so curves never need raw scores. Pure functions.
import { LOW_SAMPLE, wilsonInterval } from './proportions.js';

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function precision(c: Confusion): number | null {
  return ratio(c.tp, c.tp + c.fp);
}
export function recall(c: Confusion): number | null {
  return ratio(c.tp, c.tp + c.fn);
}
export function falsePositiveRate(c: Confusion): number | null {
  return ratio(c.fp, c.fp + c.tn);
}
/** Harmonic mean of precision and recall: 2TP / (2TP + FP + FN). */
export function f1(c: Confusion): number | null {
  return ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);
}

export interface ThresholdRow {
  /** Items with score >= threshold are flagged. */
  threshold: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  falsePositiveRate: number | null;
}

/**
 * One row per threshold b/100 (b = 0…99) from bucket counts: bucket b holds scores in
 * [b/100, (b+1)/100). positives[b] and negatives[b] are the counts of violating / benign items.
 */
export function thresholdTable(positives: readonly number[], negatives: readonly number[]): ThresholdRow[] {
  const P = positives.reduce((a, b) => a + b, 0);
  const N = negatives.reduce((a, b) => a + b, 0);
  const rows: ThresholdRow[] = [];
  let tp = 0;
  let fp = 0;
  for (let b = 99; b >= 0; b--) {
    tp += positives[b] ?? 0;
    fp += negatives[b] ?? 0;
    const c = { tp, fp, fn: P - tp, tn: N - fp };
    rows.push({ threshold: b / 100, ...c, precision: precision(c), recall: recall(c), f1: f1(c), falsePositiveRate: falsePositiveRate(c) });
  }
  return rows.reverse();
}

/**
 * Average precision as scikit-learn defines it: Σ (R_n − R_{n−1}) · P_n over the distinct
 * thresholds, from the highest score down. Null without positives.
 */
export function averagePrecision(rows: readonly ThresholdRow[]): number | null {
  const total = rows[0] ? rows[0].tp + rows[0].fn : 0;
  if (total === 0) return null;
  let ap = 0;
  let previousRecall = 0;
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i]!;
    if (r.tp + r.fp === 0) continue;
    const rec = r.tp / total;
    ap += (rec - previousRecall) * (r.tp / (r.tp + r.fp));
    previousRecall = rec;
  }
  return ap;
}

/** The lowest threshold whose precision reaches the target (most recall at that precision), or null. */
export function bestThresholdForPrecision(rows: readonly ThresholdRow[], target: number): ThresholdRow | null {
  let best: ThresholdRow | null = null;
  for (const r of rows) {
    if (r.precision !== null && r.precision >= target && (best === null || (r.recall ?? 0) > (best.recall ?? 0))) best = r;
  }
  return best;
}

/** A best threshold must rest on at least this many flagged labelled items (as any rate: 30). */
export const MIN_THRESHOLD_SUPPORT = LOW_SAMPLE;

export interface BestThreshold {
  row: ThresholdRow | null;
  /** flagged labelled items (TP + FP) its precision rests on */
  support: number | null;
  /** 95 % Wilson interval of its precision */
  low: number | null;
  high: number | null;
  /** why there is none: no threshold reaches the target, or those that do rest on too few items */
  note: string | null;
}

/**
 * The best threshold for a precision target, offered only where its precision rests on at least
 * `minSupport` flagged labelled items, with that support and the precision's 95 % interval.
 */
export function bestThresholdWithSupport(rows: readonly ThresholdRow[], target: number, minSupport = MIN_THRESHOLD_SUPPORT): BestThreshold {
  const pct = (v: number) => `${Math.round(v * 1000) / 10} %`;
  const supported = rows.filter((r) => r.tp + r.fp >= minSupport);
  const best = bestThresholdForPrecision(supported, target);
  if (best) {
    const interval = wilsonInterval(best.tp, best.tp + best.fp);
    return { row: best, support: best.tp + best.fp, low: interval?.[0] ?? null, high: interval?.[1] ?? null, note: null };
  }
  const thin = bestThresholdForPrecision(rows, target);
  const note = thin
    ? `Threshold ${thin.threshold.toFixed(2)} reaches precision ${pct(thin.precision!)} on only ${thin.tp + thin.fp} flagged labelled items; ` +
      `a threshold is offered only when its precision rests on at least ${minSupport}, since on fewer its interval is too wide to choose by.`
    : `No threshold reaches precision ${pct(target)} on these labels.`;
  return { row: null, support: null, low: null, high: null, note };
}
