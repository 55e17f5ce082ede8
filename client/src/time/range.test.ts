import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../testing/catalogueFixture';
import { DAY_MS, addGrain, ceilToGrain, expectedAutoGrain, floorToGrain, grainAllowed, requestedGrain } from './grain';
import { bucketCoverage } from './coverage';
import { bucketAxisLabel, bucketTitle, formatMoment, formatRange } from './labels';
import { baselineRange, comparisonInput } from './comparison';
import type { CompareMode } from '../state/filterState';
import { resolveRange } from './range';
import { isKnownZone, wallTime, zoneOffsetMs, zonedInstant } from './zones';

// 2026-11-16 is a Monday; the data ends (exclusive) at 18:00 that day.
const MONDAY_18H = '2026-11-16T18:00:00Z';

describe('zones', () => {
  it('reads wall-clock time in a zone', () => {
    expect(wallTime(new Date('2026-11-15T20:00:00Z'), 'Asia/Tokyo')).toMatchObject({ year: 2026, month: 11, day: 16, hour: 5, weekday: 1 });
    expect(zoneOffsetMs(new Date('2026-07-01T00:00:00Z'), 'Europe/Paris')).toBe(2 * 3_600_000);
    expect(zoneOffsetMs(new Date('2026-12-01T00:00:00Z'), 'Europe/Paris')).toBe(3_600_000);
  });

  it('finds local midnight, also across a daylight-saving change', () => {
    expect(zonedInstant(2026, 11, 16, 0, 'America/Sao_Paulo').toISOString()).toBe('2026-11-16T03:00:00.000Z');
    // Europe/Paris leaves summer time on Sun 25 Oct 2026 at 03:00 local.
    expect(zonedInstant(2026, 10, 25, 0, 'Europe/Paris').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(zonedInstant(2026, 10, 26, 0, 'Europe/Paris').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('rejects zones the runtime does not know', () => {
    expect(isKnownZone('Asia/Jakarta')).toBe(true);
    expect(isKnownZone('Mars/Olympus')).toBe(false);
  });
});

describe('grain', () => {
  it('leaves auto to the server and names the others', () => {
    expect(requestedGrain('auto')).toBeNull();
    expect(requestedGrain('hour')).toBe('HOUR');
  });

  it('allows each grain up to the limit the catalogue serves', () => {
    expect(grainAllowed('hour', 42 * DAY_MS, CATALOGUE)).toBe(true);
    expect(grainAllowed('hour', 42 * DAY_MS + 1, CATALOGUE)).toBe(false);
    expect(grainAllowed('week', 1831 * DAY_MS, CATALOGUE)).toBe(false);
    expect(grainAllowed('month', 4108 * DAY_MS, CATALOGUE)).toBe(true);
    expect(grainAllowed('auto', 9000 * DAY_MS, CATALOGUE)).toBe(true);
    // other limits served, other answers: nothing is copied here
    expect(grainAllowed('hour', 10 * DAY_MS, { ...CATALOGUE, grains: [{ grain: 'HOUR', maxRangeDays: 7 }] })).toBe(false);
  });

  it('predicts the automatic grain by the served rule (at most 100 buckets: a week is daily)', () => {
    expect(expectedAutoGrain({ from: '2026-11-15T00:00:00Z', to: '2026-11-16T00:00:00Z' }, CATALOGUE)).toBe('HOUR');
    expect(expectedAutoGrain({ from: '2026-11-09T00:00:00Z', to: '2026-11-16T00:00:00Z' }, CATALOGUE)).toBe('DAY');
    expect(expectedAutoGrain({ from: '2026-08-18T00:00:00Z', to: '2026-11-16T00:00:00Z' }, CATALOGUE)).toBe('DAY');
    expect(expectedAutoGrain({ from: '2025-11-16T00:00:00Z', to: '2026-11-16T00:00:00Z' }, CATALOGUE)).toBe('WEEK');
    // 2015 → 2026 is 4,337 days: 620 weeks, 145 months of 30 days
    expect(expectedAutoGrain({ from: '2015-01-01T00:00:00Z', to: '2026-11-16T00:00:00Z' }, CATALOGUE)).toBe('MONTH');
    expect(expectedAutoGrain({ from: '2026-11-09T00:00:00Z', to: '2026-11-16T00:00:00Z' }, { ...CATALOGUE, autoGrainMaxBuckets: 200 })).toBe('HOUR');
  });

  it('floors to the calendar month and adds months, in UTC or a zone', () => {
    expect(floorToGrain(new Date('2026-11-16T10:00:00Z'), 'MONTH').toISOString()).toBe('2026-11-01T00:00:00.000Z');
    // 1 Nov 00:00 in Tokyo (UTC+9) is 31 Oct 15:00 UTC
    expect(floorToGrain(new Date('2026-11-16T10:00:00Z'), 'MONTH', 'Asia/Tokyo').toISOString()).toBe('2026-10-31T15:00:00.000Z');
    expect(addGrain(new Date('2026-11-01T00:00:00Z'), 'MONTH', 2).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('floors to the hour, the day and the ISO week (Monday), in UTC or a zone', () => {
    const sunday = new Date('2026-11-15T10:45:12Z');
    expect(floorToGrain(sunday, 'HOUR').toISOString()).toBe('2026-11-15T10:00:00.000Z');
    expect(floorToGrain(sunday, 'DAY').toISOString()).toBe('2026-11-15T00:00:00.000Z');
    expect(floorToGrain(sunday, 'WEEK').toISOString()).toBe('2026-11-09T00:00:00.000Z');
    // 10:45 UTC Sunday is 19:45 Sunday in Tokyo; 15:00 UTC Sunday is already Monday there.
    expect(floorToGrain(sunday, 'DAY', 'Asia/Tokyo').toISOString()).toBe('2026-11-14T15:00:00.000Z');
    expect(floorToGrain(new Date('2026-11-15T15:00:00Z'), 'WEEK', 'Asia/Tokyo').toISOString()).toBe('2026-11-15T15:00:00.000Z');
  });

  it('rounds up only off boundaries, and adds local days', () => {
    expect(ceilToGrain(new Date('2026-11-16T00:00:00Z'), 'DAY').toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(ceilToGrain(new Date('2026-11-16T00:00:01Z'), 'DAY').toISOString()).toBe('2026-11-17T00:00:00.000Z');
    expect(addGrain(new Date('2026-10-24T22:00:00Z'), 'DAY', 1, 'Europe/Paris').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });
});

describe('resolveRange', () => {
  it('counts 24 hours back from the end of the data, leaving the grain to the server', () => {
    const r = resolveRange({ preset: '24h' }, 'auto', MONDAY_18H, 'UTC');
    expect(r.grain).toBeNull();
    expect(r.range).toEqual({ from: '2026-11-15T18:00:00Z', to: '2026-11-16T18:00:00Z' });
  });

  it('on auto, starts day presets at local midnight and ends them with the data', () => {
    expect(resolveRange({ preset: '7d' }, 'auto', MONDAY_18H, 'UTC').range).toEqual({ from: '2026-11-10T00:00:00Z', to: MONDAY_18H });
    expect(resolveRange({ preset: '28d' }, 'auto', '2026-11-16T00:00:00Z', 'UTC').range).toEqual({ from: '2026-10-19T00:00:00Z', to: '2026-11-16T00:00:00Z' });
    // In Tokyo the data ends at 03:00 on Tuesday 17th: seven local days end that Tuesday.
    expect(resolveRange({ preset: '7d' }, 'auto', MONDAY_18H, 'Asia/Tokyo').range).toEqual({ from: '2026-11-10T15:00:00Z', to: MONDAY_18H });
  });

  it('rounds out to whole buckets of a chosen grain', () => {
    expect(resolveRange({ preset: '7d' }, 'day', MONDAY_18H, 'UTC').range).toEqual({ from: '2026-11-10T00:00:00Z', to: '2026-11-17T00:00:00Z' });
    const weeks = resolveRange({ preset: '28d' }, 'week', MONDAY_18H, 'UTC');
    expect(weeks.range).toEqual({ from: '2026-10-19T00:00:00Z', to: '2026-11-23T00:00:00Z' });
  });

  it('reads this week and last week as ISO weeks relative to the end of the data', () => {
    const saturdayNight = '2026-11-22T00:00:00Z';
    expect(resolveRange({ preset: 'tw' }, 'auto', saturdayNight, 'UTC').range).toEqual({ from: '2026-11-16T00:00:00Z', to: saturdayNight });
    expect(resolveRange({ preset: 'lw' }, 'auto', saturdayNight, 'UTC').range).toEqual({ from: '2026-11-09T00:00:00Z', to: '2026-11-16T00:00:00Z' });
  });

  it('says so when this week has no data yet, and shows the week that just ended', () => {
    const r = resolveRange({ preset: 'tw' }, 'auto', '2026-11-16T00:00:00Z', 'UTC');
    expect(r.range).toEqual({ from: '2026-11-09T00:00:00Z', to: '2026-11-16T00:00:00Z' });
    expect(r.note).toMatch(/no data yet/);
    // Last week stays the last complete week.
    expect(resolveRange({ preset: 'lw' }, 'auto', '2026-11-16T00:00:00Z', 'UTC').range.from).toBe('2026-11-09T00:00:00Z');
  });

  it('turns absolute dates into local days, cut at the end of the data', () => {
    expect(resolveRange({ from: '2026-11-01', to: '2026-11-03' }, 'auto', MONDAY_18H, 'UTC').range).toEqual({
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-04T00:00:00Z',
    });
    expect(resolveRange({ from: '2026-11-01', to: '2026-11-30' }, 'auto', MONDAY_18H, 'America/Sao_Paulo').range).toEqual({
      from: '2026-11-01T03:00:00Z',
      to: MONDAY_18H,
    });
    expect(resolveRange({ from: '2026-12-01', to: '2026-12-05' }, 'auto', MONDAY_18H, 'UTC').note).toMatch(/data ends/);
    // 2015 → now starts where the data does (its first local day), and says so
    const long = resolveRange({ from: '2015-01-01', to: '2026-11-16' }, 'auto', MONDAY_18H, 'Asia/Tokyo', '2026-09-01T03:00:00Z');
    expect(long.range).toEqual({ from: '2026-08-31T15:00:00Z', to: '2026-11-16T15:00:00Z' });
    expect(long.note).toBe('The data starts 2026-09-01; showing from then.');
    // a range inside the data is left alone
    expect(resolveRange({ preset: '7d' }, 'auto', MONDAY_18H, 'UTC', '2026-09-01T03:00:00Z').note).toBeUndefined();
  });
});

describe('comparison periods', () => {
  it('is the equal period before, or the same period a week earlier', () => {
    const range = { from: '2026-11-09T00:00:00Z', to: '2026-11-16T00:00:00Z' };
    const mode = (compare: CompareMode) => ({ compare, compareFrom: null, compareTo: null, zone: 'UTC' });
    expect(baselineRange(range, mode('PREVIOUS_PERIOD'))).toEqual({ from: '2026-11-02T00:00:00Z', to: '2026-11-09T00:00:00Z' });
    expect(baselineRange({ from: '2026-11-15T18:00:00Z', to: MONDAY_18H }, mode('PREVIOUS_WEEK'))).toEqual({ from: '2026-11-08T18:00:00Z', to: '2026-11-09T18:00:00Z' });
    expect(baselineRange(range, mode('NONE'))).toBeNull();
  });

  it('is a custom period of whole local days, cut to the range’s length as the server cuts it', () => {
    const range = { from: '2026-11-09T00:00:00Z', to: '2026-11-16T00:00:00Z' };
    // 1–31 Oct in Paris (UTC+2 until 25 Oct, then UTC+1): 30 Sep 22:00 UTC to 31 Oct 23:00 UTC
    const october = { compare: 'CUSTOM' as const, compareFrom: '2026-10-01', compareTo: '2026-10-31', zone: 'Europe/Paris' };
    expect(comparisonInput(october)).toEqual({ comparison: 'CUSTOM', comparisonRange: { from: '2026-09-30T22:00:00Z', to: '2026-10-31T23:00:00Z' } });
    // a week's chart compares with the custom period's first week
    expect(baselineRange(range, october)).toEqual({ from: '2026-09-30T22:00:00Z', to: '2026-10-07T22:00:00Z' });
    // without both days in order: no comparison
    expect(comparisonInput({ ...october, compareTo: null })).toEqual({ comparison: 'NONE' });
    expect(comparisonInput({ ...october, compareFrom: '2026-11-01' })).toEqual({ comparison: 'NONE' });
    expect(comparisonInput({ ...october, compare: 'PREVIOUS_WEEK' })).toEqual({ comparison: 'PREVIOUS_WEEK' });
  });
});

describe('bucketCoverage', () => {
  const dataEnd = new Date(MONDAY_18H);
  const days = ['2026-11-14T00:00:00Z', '2026-11-15T00:00:00Z', '2026-11-16T00:00:00Z'];
  const dayRange = { from: '2026-11-14T00:00:00Z', to: '2026-11-17T00:00:00Z' };

  it('flags a last day that is still filling', () => {
    expect(bucketCoverage(days, 'DAY', dayRange, dataEnd, 'UTC')).toEqual({ firstPartial: false, lastPartial: true });
    expect(bucketCoverage(days, 'DAY', dayRange, new Date('2026-11-17T00:00:00Z'), 'UTC').lastPartial).toBe(false);
  });

  it('flags a first bucket that starts before the range (a server-chosen week)', () => {
    const weeks = ['2026-10-19T00:00:00Z', '2026-10-26T00:00:00Z'];
    expect(bucketCoverage(weeks, 'WEEK', { from: '2026-10-20T00:00:00Z', to: '2026-11-02T00:00:00Z' }, new Date('2026-11-02T00:00:00Z'), 'UTC')).toEqual({
      firstPartial: true,
      lastPartial: false,
    });
  });
});

describe('labels', () => {
  it('names buckets in the zone of the answer', () => {
    expect(bucketAxisLabel('2026-11-16T14:00:00Z', 'HOUR')).toBe('16 Nov 14:00');
    expect(bucketAxisLabel('2026-11-16T14:00:00Z', 'HOUR', 'Asia/Tokyo')).toBe('16 Nov 23:00');
    expect(bucketTitle('2026-11-16T14:00:00Z', 'HOUR')).toBe('Mon 16 Nov 2026, 14:00 UTC');
    expect(bucketTitle('2026-11-15T15:00:00Z', 'DAY', 'Asia/Tokyo')).toBe('Mon 16 Nov 2026');
    expect(bucketTitle('2026-11-16T00:00:00Z', 'WEEK')).toBe('Week of Mon 16 Nov 2026');
    expect(formatMoment('2026-11-10T08:00:00Z')).toBe('Tue 10 Nov 08:00');
    expect(formatMoment('2026-11-10T00:00:00Z')).toBe('Tue 10 Nov');
  });

  it('reads a half-open range by its last included day', () => {
    expect(formatRange('2026-11-10T00:00:00Z', '2026-11-17T00:00:00Z', 'DAY')).toBe('10 Nov – 16 Nov 2026');
    expect(formatRange('2025-12-29T00:00:00Z', '2026-01-05T00:00:00Z', 'WEEK')).toBe('29 Dec 2025 – 4 Jan 2026');
    expect(formatRange('2026-11-15T18:00:00Z', '2026-11-16T18:00:00Z', 'HOUR')).toBe('15 Nov 18:00 – 16 Nov 2026 18:00');
    expect(formatRange('2026-11-10T00:00:00Z', '2026-11-16T18:00:00Z', null)).toBe('10 Nov 00:00 – 16 Nov 2026 18:00');
    expect(formatRange('2026-11-09T15:00:00Z', '2026-11-16T15:00:00Z', null, 'Asia/Tokyo')).toBe('10 Nov – 16 Nov 2026');
  });
});

describe('month and quarter presets', () => {
  // The data ends (exclusive) Monday 2026-11-16 18:00 UTC: November is this month, October the
  // last one, and Q3 (July to September) the last complete quarter.
  const resolve = (preset: 'tm' | 'lm' | 'lq', zone: string, dataTo = MONDAY_18H) => resolveRange({ preset }, 'auto', dataTo, zone);

  it('this month runs from the 1st, local midnight, to the end of the data', () => {
    expect(resolve('tm', 'UTC').range).toEqual({ from: '2026-11-01T00:00:00Z', to: '2026-11-16T18:00:00Z' });
  });

  it('last month and last quarter are whole calendar months, half-open, in UTC', () => {
    expect(resolve('lm', 'UTC').range).toEqual({ from: '2026-10-01T00:00:00Z', to: '2026-11-01T00:00:00Z' });
    expect(resolve('lq', 'UTC').range).toEqual({ from: '2026-07-01T00:00:00Z', to: '2026-10-01T00:00:00Z' });
  });

  it('follow the chosen zone: Tokyo (UTC+9) and Paris (summer time in July and September)', () => {
    expect(resolve('lm', 'Asia/Tokyo').range).toEqual({ from: '2026-09-30T15:00:00Z', to: '2026-10-31T15:00:00Z' });
    expect(resolve('lq', 'Europe/Paris').range).toEqual({ from: '2026-06-30T22:00:00Z', to: '2026-09-30T22:00:00Z' });
  });

  it('cross the year: in January, last month is December and last quarter is October to December', () => {
    expect(resolve('lm', 'UTC', '2027-01-10T00:00:00Z').range).toEqual({ from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
    expect(resolve('lq', 'UTC', '2027-01-10T00:00:00Z').range).toEqual({ from: '2026-10-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
  });

  it('this month, with the data ending exactly at its start, shows the month that just ended and says so', () => {
    const r = resolve('tm', 'UTC', '2026-12-01T00:00:00Z');
    expect(r.range).toEqual({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' });
    expect(r.note).toBe('This month has no data yet; showing the month that just ended.');
  });
});
