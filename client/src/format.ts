import type { Unit } from './generated/graphql';

// Display formatting is pinned to one locale so figures read the same on every screen
// (and in screenshots pasted into incident docs), whatever the viewer's browser locale.
const LOCALE = 'en-US';

const countFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const compactFormat = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });

/** 1234567 → "1,234,567". Non-finite values render as an en dash rather than "NaN". */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '–';
  // Intl rounds -0.4 to "-0"; a count is never negative zero.
  const rounded = Math.round(value);
  return countFormat.format(rounded === 0 ? 0 : rounded);
}

/** 1234567 → "1.2M"; for axis ticks, where width matters more than precision. */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return compactFormat.format(value);
}

/** A ratio in [0, 1] → "12.3%". */
export function formatPercent(ratio: number, fractionDigits = 1): string {
  if (!Number.isFinite(ratio)) return '–';
  return `${(ratio * 100).toFixed(fractionDigits)}%`;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Seconds → the two most significant units: "42 s", "3 min 20 s", "2 h 05 min", "3 d 4 h".
 * Two units are enough to compare times to action without reading a stopwatch.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 10) return `${Number(seconds.toFixed(1))} s`;
  const s = Math.round(seconds);
  if (s < MINUTE) return `${s} s`;
  if (s < HOUR) {
    const m = Math.floor(s / MINUTE);
    const rest = s % MINUTE;
    return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
  }
  if (s < DAY) {
    const h = Math.floor(s / HOUR);
    const m = Math.floor((s % HOUR) / MINUTE);
    return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')} min`;
  }
  const d = Math.floor(s / DAY);
  const h = Math.floor((s % DAY) / HOUR);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

const decimalFormat = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const coefficientFormat = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A metric value as its unit reads; null (nothing to compute it from) as an en dash. */
export function formatMetricValue(value: number | null, unit: Unit): string {
  if (value === null || !Number.isFinite(value)) return '–';
  switch (unit) {
    case 'COUNT':
      return formatCount(value);
    case 'RATIO':
      return formatPercent(value);
    case 'SECONDS':
      return formatDuration(value);
    case 'PER_HOUR':
      return `${decimalFormat.format(value)}/h`;
    case 'COEFFICIENT':
      return coefficientFormat.format(value);
  }
}

/** A target's at-risk margin: for a proportion in percentage points, not a percentage of the target. */
export function formatMargin(margin: number, unit: Unit): string {
  return unit === 'RATIO' ? `${(margin * 100).toFixed(1)} pts` : formatMetricValue(margin, unit);
}

/** Axis ticks: compact counts, whole percentages, otherwise as the value reads. */
export function formatAxisValue(value: number, unit: Unit): string {
  if (unit === 'COUNT') return formatCompact(value);
  if (unit === 'SECONDS') return formatAxisDuration(value);
  // Zoomed-in rate axes step by fractions of a percent; whole percentages would repeat.
  if (unit === 'RATIO') return formatPercent(value, Number.isInteger(Math.round(value * 1e6) / 1e4) ? 0 : 1);
  return formatMetricValue(value, unit);
}

/** A 95 % interval as "84.6–86.5%", in the metric's unit. */
export function formatInterval(low: number | null, high: number | null, unit: Unit): string | null {
  if (low === null || high === null || !Number.isFinite(low) || !Number.isFinite(high)) return null;
  if (unit === 'RATIO') return `${(low * 100).toFixed(1)}–${formatPercent(high)}`;
  return `${formatMetricValue(low, unit)}–${formatMetricValue(high, unit)}`;
}

/** A change of a rate in percentage points: "+2.4 pts", with a true minus sign. */
export function formatPoints(change: number): string {
  if (!Number.isFinite(change)) return '–';
  const pts = change * 100;
  const text = Math.abs(pts).toFixed(Math.abs(pts) < 10 ? 1 : 0);
  return `${signOf(pts, text)}${text} pts`;
}

/** A relative change: "+12%", "−3.4%". */
export function formatRelative(change: number): string {
  if (!Number.isFinite(change)) return '–';
  const pct = change * 100;
  const text = Math.abs(pct) < 10 ? Math.abs(pct).toFixed(1) : Math.abs(pct).toFixed(0);
  return `${signOf(pct, text)}${text}%`;
}

/** The sign of what is shown: a change that rounds to zero is "±0.0", never "+0.0" or "−0.0". */
function signOf(v: number, shown: string): string {
  if (Number(shown) === 0) return '±';
  return v > 0 ? '+' : '−';
}

/** A p-value as statisticians write it: "p < 0.001", "p = 0.03". */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return '–';
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

/**
 * Axis ticks of durations in one unit each ("45 s", "12 min", "2.5 h", "36 h"): ticks fall on round
 * numbers of seconds, which read badly as "1 d 17 h".
 */
export function formatAxisDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds === 0) return '0';
  if (seconds < 120) return `${Number(seconds.toFixed(1))} s`;
  if (seconds < 2 * HOUR) return `${Number((seconds / MINUTE).toFixed(1))} min`;
  return `${Number((seconds / HOUR).toFixed(seconds < 10 * HOUR ? 1 : 0))} h`;
}
