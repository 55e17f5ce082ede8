// Figures of the retrospective as the rest of the dashboard writes them.
import { formatDuration, formatMetricValue, formatPoints, formatRelative } from '../../format';
import type { TargetStatus, Unit } from '../../generated/graphql';

/** A signed change in the metric's unit: "+2.4 pts", "−1,204", "+3 min 20 s". */
export function signedChange(change: number | null, unit: Unit): string {
  if (change === null || !Number.isFinite(change)) return '–';
  if (unit === 'RATIO') return formatPoints(change);
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const size = Math.abs(change);
  if (unit === 'SECONDS') return `${sign}${formatDuration(size)}`;
  if (unit === 'COEFFICIENT') return `${sign}${size.toFixed(3)}`;
  return `${sign}${formatMetricValue(size, unit)}`;
}

export const relativeChange = (change: number | null) => (change === null ? '–' : formatRelative(change));

/** "q < 0.001", "q = 0.012": a Benjamini–Hochberg adjusted p-value. */
export function formatQ(q: number): string {
  if (q < 0.001) return 'q < 0.001';
  return `q = ${q < 0.01 ? q.toFixed(3) : q.toFixed(2)}`;
}

export const STATUS_TEXT: Record<TargetStatus, string> = { ON_TARGET: 'On target', AT_RISK: 'At risk', BREACHED: 'Breached', NO_DATA: 'No data', NO_TARGET: 'no target' };
export const STATUS_CLASS: Record<TargetStatus, string> = {
  ON_TARGET: 'badge-on-target', AT_RISK: 'badge-at-risk', BREACHED: 'badge-breached', NO_DATA: 'badge-no-data', NO_TARGET: 'badge-no-target',
};
