// When a change is large enough to matter in practice, whatever its p-value: one rule for the
// retrospective's anomalies and movers and the Overview's "What needs attention" (server/analysis).
// Pure functions.

/** A proportion must move by at least this many points (0.02 = 2 points). */
export const PRACTICAL_POINTS = 0.02;
/** Any other figure must move by at least this share of its baseline (10 %). */
export const PRACTICAL_SHARE = 0.1;
/** A count's move must also exceed this many Poisson standard deviations of its baseline (√baseline). */
export const COUNT_NOISE_SDS = 3.5;

export type PracticalUnit = 'RATIO' | 'COUNT' | 'SECONDS' | 'PER_HOUR' | 'COEFFICIENT';

/**
 * Whether a move from `baseline` to `value` matters: 2 points for proportions and coefficients,
 * 10 % of the baseline for counts, durations and rates per hour.
 */
export function mattersInPractice(unit: PracticalUnit, value: number, baseline: number): boolean {
  const change = Math.abs(value - baseline);
  if (!Number.isFinite(change)) return false;
  if (unit === 'RATIO' || unit === 'COEFFICIENT') return change >= PRACTICAL_POINTS;
  return change >= PRACTICAL_SHARE * Math.abs(baseline) && change > 0;
}

/** Whether a count moved beyond its own noise: |value − baseline| > 3.5 · √max(baseline, 1). */
export function beyondCountNoise(value: number, baseline: number): boolean {
  return Math.abs(value - baseline) > COUNT_NOISE_SDS * Math.sqrt(Math.max(Math.abs(baseline), 1));
}

/**
 * The relative change, or null when the base is too small for a percentage to mean anything
 * (zero, or a move of more than ten times the base: "+191,515 %" says less than the absolute change).
 */
export function relativeChangeOf(value: number, baseline: number): number | null {
  if (baseline === 0 || !Number.isFinite(value) || !Number.isFinite(baseline)) return null;
  const relative = (value - baseline) / Math.abs(baseline);
  return Number.isFinite(relative) && Math.abs(relative) <= 10 ? relative : null;
}
