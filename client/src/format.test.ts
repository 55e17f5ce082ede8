import { describe, expect, it } from 'vitest';
import {
  formatAxisDuration,
  formatAxisValue,
  formatCompact,
  formatCount,
  formatDuration,
  formatInterval,
  formatMetricValue,
  formatPercent,
  formatPoints,
  formatPValue,
  formatRelative,
} from './format';

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(250_000_000)).toBe('250,000,000');
  });

  it('rounds to whole counts and never shows -0 or NaN', () => {
    expect(formatCount(1234.6)).toBe('1,235');
    expect(formatCount(-0.4)).toBe('0');
    expect(formatCount(Number.NaN)).toBe('–');
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('–');
  });
});

describe('formatCompact', () => {
  it('abbreviates large numbers for axis ticks', () => {
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(1500)).toBe('1.5K');
    expect(formatCompact(2_000_000)).toBe('2M');
  });
});

describe('formatPercent', () => {
  it('turns a ratio into a percentage', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.5, 0)).toBe('50%');
    expect(formatPercent(0.00049, 2)).toBe('0.05%');
    expect(formatPercent(Number.NaN)).toBe('–');
  });
});

describe('formatDuration', () => {
  it('shows the two most significant units', () => {
    expect(formatDuration(0.25)).toBe('0.3 s');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(60)).toBe('1 min');
    expect(formatDuration(200)).toBe('3 min 20 s');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(2 * 3600 + 5 * 60 + 59)).toBe('2 h 05 min');
    expect(formatDuration(3 * 86400 + 4 * 3600 + 120)).toBe('3 d 4 h');
    expect(formatDuration(86400)).toBe('1 d');
  });

  it('rejects impossible durations', () => {
    expect(formatDuration(-5)).toBe('–');
    expect(formatDuration(Number.NaN)).toBe('–');
  });
});

describe('formatMetricValue', () => {
  it('reads each unit as people say it', () => {
    expect(formatMetricValue(1_234_567, 'COUNT')).toBe('1,234,567');
    expect(formatMetricValue(0.8512, 'RATIO')).toBe('85.1%');
    expect(formatMetricValue(200, 'SECONDS')).toBe('3 min 20 s');
    expect(formatMetricValue(41.25, 'PER_HOUR')).toBe('41.3/h');
    expect(formatMetricValue(0.7, 'COEFFICIENT')).toBe('0.70');
  });

  it('shows a missing value as an en dash, and zero as zero', () => {
    expect(formatMetricValue(null, 'RATIO')).toBe('–');
    expect(formatMetricValue(0, 'COUNT')).toBe('0');
  });

  it('keeps axis ticks short', () => {
    expect(formatAxisValue(2_500_000, 'COUNT')).toBe('2.5M');
    expect(formatAxisValue(0.25, 'RATIO')).toBe('25%');
    expect(formatAxisValue(90, 'SECONDS')).toBe('90 s');
  });
});

describe('changes, intervals and tests', () => {
  it('reads changes of rates in points and other changes in percent, with true minus signs', () => {
    expect(formatPoints(0.0241)).toBe('+2.4 pts');
    expect(formatPoints(-0.191)).toBe('−19 pts');
    expect(formatPoints(0)).toBe('±0.0 pts');
    expect(formatRelative(0.069)).toBe('+6.9%');
    expect(formatRelative(-0.9366)).toBe('−94%');
  });

  it('shows 95 % intervals in the unit of the metric', () => {
    expect(formatInterval(0.8449, 0.8484, 'RATIO')).toBe('84.5–84.8%');
    expect(formatInterval(null, 0.9, 'RATIO')).toBeNull();
    expect(formatInterval(60, 90, 'SECONDS')).toBe('1 min–1 min 30 s');
  });

  it('writes p-values as statisticians do', () => {
    expect(formatPValue(1.6e-16)).toBe('p < 0.001');
    expect(formatPValue(0.0042)).toBe('p = 0.004');
    expect(formatPValue(0.0312)).toBe('p = 0.03');
    expect(formatPValue(0.42)).toBe('p = 0.42');
  });

  it('labels duration axes in one unit per tick', () => {
    expect(formatAxisDuration(0)).toBe('0');
    expect(formatAxisDuration(45)).toBe('45 s');
    expect(formatAxisDuration(720)).toBe('12 min');
    expect(formatAxisDuration(9000)).toBe('2.5 h');
    expect(formatAxisDuration(180_000)).toBe('50 h');
    expect(formatAxisValue(0.845, 'RATIO')).toBe('84.5%');
  });
});
