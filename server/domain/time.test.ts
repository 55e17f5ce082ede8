// The hand-written fast paths of ingestion's time handling give exactly what JavaScript's Date
// gives (the reference): the ClickHouse text of an instant, and the instant of ISO-8601 text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseInstantMs, toClickHouseDateTime } from './time.js';

const viaDate = (s: number) => new Date(s * 1000).toISOString().slice(0, 19).replace('T', ' ');

describe('toClickHouseDateTime', () => {
  it('matches Date.toISOString on published dates and leap days', () => {
    expect(toClickHouseDateTime(0)).toBe('1970-01-01 00:00:00');
    expect(toClickHouseDateTime(951_782_400)).toBe('2000-02-29 00:00:00');
    expect(toClickHouseDateTime(4_107_542_399)).toBe('2100-02-28 23:59:59');
    expect(toClickHouseDateTime(1_700_000_000)).toBe('2023-11-14 22:13:20');
  });

  it('matches Date.toISOString for any whole second from 1970 to 2200', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 7_258_118_400 }), (s) => toClickHouseDateTime(s) === viaDate(s)), { numRuns: 20_000 });
  });
});

describe('parseInstantMs', () => {
  it('matches Date.parse, including the values Date.parse rolls over or refuses', () => {
    for (const s of ['2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T23:60:00Z', '2026-01-00T00:00:00Z', '2026-11-16T09:58:00+02:00', '2026-11-16T09:58Z', '2026-11-16T09:58:00.5Z']) {
      expect(Object.is(parseInstantMs(s), Date.parse(s))).toBe(true);
    }
    expect(parseInstantMs('2026-11-16T09:58:00Z')).toBe(Date.UTC(2026, 10, 16, 9, 58, 0));
  });

  it('matches Date.parse on any YYYY-MM-DDTHH:MM:SSZ text of digits', () => {
    const d = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
    fc.assert(fc.property(d(4, 9999), d(2, 99), d(2, 99), d(2, 99), d(2, 99), d(2, 99), (y, mo, da, h, mi, se) => {
      const s = `${y}-${mo}-${da}T${h}:${mi}:${se}Z`;
      return Object.is(parseInstantMs(s), Date.parse(s));
    }), { numRuns: 20_000 });
  });
});
