import { describe, expect, it } from 'vitest';
import { DAY_MS, ceilToGrain, floorToGrain, grainAllowed, requestedGrain } from './grain';
import { bucketCoverage } from './coverage';
import { formatRange, bucketAxisLabel, bucketTitle } from './labels';
import { resolveRange } from './range';

// 2026-11-16 is a Monday; the data ends (exclusive) at 18:00 that day.
const MONDAY_18H = '2026-11-16T18:00:00Z';

describe('grain choice', () => {
  it('leaves auto to the server and names the others', () => {
    expect(requestedGrain('auto')).toBeNull();
    expect(requestedGrain('hour')).toBe('HOUR');
    expect(requestedGrain('week')).toBe('WEEK');
  });

  it('allows hourly buckets up to 42 days, as the server does', () => {
    expect(grainAllowed('hour', 42 * DAY_MS)).toBe(true);
    expect(grainAllowed('hour', 42 * DAY_MS + 1)).toBe(false);
    expect(grainAllowed('day', 900 * DAY_MS)).toBe(true);
    expect(grainAllowed('auto', 900 * DAY_MS)).toBe(true);
  });
});

describe('grain alignment (UTC)', () => {
  it('floors to the hour, the day and the ISO week (Monday)', () => {
    const sunday = new Date('2026-11-15T10:45:12Z');
    expect(floorToGrain(sunday, 'HOUR').toISOString()).toBe('2026-11-15T10:00:00.000Z');
    expect(floorToGrain(sunday, 'DAY').toISOString()).toBe('2026-11-15T00:00:00.000Z');
    expect(floorToGrain(sunday, 'WEEK').toISOString()).toBe('2026-11-09T00:00:00.000Z');
    expect(floorToGrain(new Date('2026-11-16T00:00:00Z'), 'WEEK').toISOString()).toBe('2026-11-16T00:00:00.000Z');
  });

  it('leaves boundaries alone when rounding up', () => {
    expect(ceilToGrain(new Date('2026-11-16T00:00:00Z'), 'DAY').toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(ceilToGrain(new Date('2026-11-16T00:00:01Z'), 'DAY').toISOString()).toBe('2026-11-17T00:00:00.000Z');
    expect(ceilToGrain(new Date('2026-11-17T08:00:00Z'), 'WEEK').toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });
});

describe('resolveRange', () => {
  it('counts 24 hours back from the end of the data, leaving the grain to the server', () => {
    const r = resolveRange('24h', 'auto', MONDAY_18H);
    expect(r.grain).toBeNull();
    expect(r.range).toEqual({ from: '2026-11-15T18:00:00Z', to: '2026-11-16T18:00:00Z' });
    expect(r.dataEnd.toISOString()).toBe('2026-11-16T18:00:00.000Z');
  });

  it('on auto, starts day presets at midnight and ends them with the data', () => {
    // Whole days at the start and no bucket after the data, whichever grain the server picks.
    expect(resolveRange('7d', 'auto', MONDAY_18H).range).toEqual({ from: '2026-11-10T00:00:00Z', to: '2026-11-16T18:00:00Z' });
    expect(resolveRange('28d', 'auto', MONDAY_18H).range).toEqual({ from: '2026-10-20T00:00:00Z', to: '2026-11-16T18:00:00Z' });
    expect(resolveRange('7d', 'auto', '2026-11-16T00:00:00Z').range).toEqual({ from: '2026-11-09T00:00:00Z', to: '2026-11-16T00:00:00Z' });
  });

  it('rounds a daily range out to whole days', () => {
    const r = resolveRange('7d', 'day', MONDAY_18H);
    expect(r.grain).toBe('DAY');
    expect(r.range).toEqual({ from: '2026-11-10T00:00:00Z', to: '2026-11-17T00:00:00Z' });
    expect(r.dataEnd.toISOString()).toBe('2026-11-16T18:00:00.000Z');
  });

  it('aligns weekly ranges on Mondays', () => {
    const r = resolveRange('28d', 'week', MONDAY_18H);
    expect(r.grain).toBe('WEEK');
    expect(r.range).toEqual({ from: '2026-10-26T00:00:00Z', to: '2026-11-23T00:00:00Z' });
    expect(new Date(r.range.from).getUTCDay()).toBe(1);
    expect(new Date(r.range.to).getUTCDay()).toBe(1);
  });

  it('rounds an end inside an hour up to the next hour', () => {
    expect(resolveRange('24h', 'auto', '2026-11-16T17:20:00Z').range.to).toBe('2026-11-16T18:00:00Z');
    expect(resolveRange('24h', 'auto', '2026-11-16T17:20:00Z').range.from).toBe('2026-11-15T18:00:00Z');
  });

  it('honours an explicit grain over the preset', () => {
    const r = resolveRange('90d', 'hour', MONDAY_18H);
    expect(r.grain).toBe('HOUR');
    expect(r.range.to).toBe('2026-11-16T18:00:00Z');
    expect(r.range.from).toBe('2026-08-18T18:00:00Z');
  });
});

describe('bucketCoverage', () => {
  const dataEnd = new Date(MONDAY_18H);
  const days = ['2026-11-14T00:00:00Z', '2026-11-15T00:00:00Z', '2026-11-16T00:00:00Z'];
  const dayRange = { from: '2026-11-14T00:00:00Z', to: '2026-11-17T00:00:00Z' };

  it('flags a last day that is still filling', () => {
    expect(bucketCoverage(days, 'DAY', dayRange, dataEnd)).toEqual({ firstPartial: false, lastPartial: true });
  });

  it('has no partial bucket when the data ends on a boundary', () => {
    expect(bucketCoverage(days, 'DAY', dayRange, new Date('2026-11-17T00:00:00Z'))).toEqual({ firstPartial: false, lastPartial: false });
    const hours = ['2026-11-16T16:00:00Z', '2026-11-16T17:00:00Z'];
    expect(bucketCoverage(hours, 'HOUR', { from: hours[0]!, to: MONDAY_18H }, dataEnd).lastPartial).toBe(false);
  });

  it('flags a first bucket that starts before the range (a server-chosen week)', () => {
    const weeks = ['2026-10-19T00:00:00Z', '2026-10-26T00:00:00Z'];
    const range = { from: '2026-10-20T00:00:00Z', to: '2026-11-02T00:00:00Z' };
    expect(bucketCoverage(weeks, 'WEEK', range, new Date('2026-11-02T00:00:00Z'))).toEqual({ firstPartial: true, lastPartial: false });
  });

  it('says nothing about an answer without buckets', () => {
    expect(bucketCoverage([], 'DAY', dayRange, dataEnd)).toEqual({ firstPartial: false, lastPartial: false });
  });
});

describe('labels', () => {
  it('names buckets in UTC', () => {
    expect(bucketAxisLabel('2026-11-16T14:00:00Z', 'HOUR')).toBe('16 Nov 14:00');
    expect(bucketAxisLabel('2026-11-16T00:00:00Z', 'DAY')).toBe('16 Nov');
    expect(bucketTitle('2026-11-16T14:00:00Z', 'HOUR')).toBe('Mon 16 Nov 2026, 14:00 UTC');
    expect(bucketTitle('2026-11-16T00:00:00Z', 'WEEK')).toBe('Week of Mon 16 Nov 2026');
  });

  it('reads a half-open range by its last included day', () => {
    expect(formatRange('2026-11-10T00:00:00Z', '2026-11-17T00:00:00Z', 'DAY')).toBe('10 Nov – 16 Nov 2026');
    expect(formatRange('2025-12-29T00:00:00Z', '2026-01-05T00:00:00Z', 'WEEK')).toBe('29 Dec 2025 – 4 Jan 2026');
    expect(formatRange('2026-11-15T18:00:00Z', '2026-11-16T18:00:00Z', 'HOUR')).toBe('15 Nov 18:00 – 16 Nov 2026 18:00');
  });

  it('reads a range of unknown grain as days between midnights, as times otherwise', () => {
    expect(formatRange('2026-11-10T00:00:00Z', '2026-11-17T00:00:00Z', null)).toBe('10 Nov – 16 Nov 2026');
    expect(formatRange('2026-11-10T00:00:00Z', '2026-11-16T18:00:00Z', null)).toBe('10 Nov 00:00 – 16 Nov 2026 18:00');
  });
});
