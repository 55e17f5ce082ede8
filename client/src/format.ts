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

/** Axis ticks: compact counts, whole percentages, otherwise as the value reads. */
export function formatAxisValue(value: number, unit: Unit): string {
  if (unit === 'COUNT') return formatCompact(value);
  if (unit === 'RATIO') return formatPercent(value, 0);
  return formatMetricValue(value, unit);
}
