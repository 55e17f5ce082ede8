import { describe, expect, it } from 'vitest';
import { tickIndices } from './ticks';

const hours = (startIso: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(startIso) + i * 3_600_000).toISOString());
const days = (startIso: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(startIso) + i * 86_400_000).toISOString());
const labelled = (buckets: string[], idx: number[]) => idx.map((i) => buckets[i]!.slice(0, 16));

describe('time axis labels on round boundaries', () => {
  it('labels 24 hours from 17:00 every 3 hours on the clock (never 17:00, never 8.3 h apart)', () => {
    const b = hours('2026-11-15T17:00:00Z', 24);
    expect(labelled(b, tickIndices(b, 'HOUR', 'UTC'))).toEqual([
      '2026-11-15T18:00', '2026-11-15T21:00', '2026-11-16T00:00', '2026-11-16T03:00', '2026-11-16T06:00', '2026-11-16T09:00', '2026-11-16T12:00', '2026-11-16T15:00',
    ]);
  });

  it('follows the zone shown: Tokyo midnights and noons are 15:00 and 03:00 UTC', () => {
    // three Tokyo days from local midnight: 72 hours, so every 12 hours (6 labels)
    const b = hours('2026-11-13T15:00:00Z', 72);
    expect(labelled(b, tickIndices(b, 'HOUR', 'Asia/Tokyo'))).toEqual([
      '2026-11-13T15:00', '2026-11-14T03:00', '2026-11-14T15:00', '2026-11-15T03:00', '2026-11-15T15:00', '2026-11-16T03:00',
    ]);
  });

  it('labels 28 days on Mondays, 90 days on Mondays of alternate weeks or month starts', () => {
    // 19 Oct 2026 is a Monday
    const month = days('2026-10-19T00:00:00Z', 28);
    expect(labelled(month, tickIndices(month, 'DAY', 'UTC'))).toEqual(['2026-10-19T00:00', '2026-10-26T00:00', '2026-11-02T00:00', '2026-11-09T00:00']);
    const quarter = days('2026-08-18T00:00:00Z', 90);
    const q = labelled(quarter, tickIndices(quarter, 'DAY', 'UTC'));
    expect(q.length).toBeLessThanOrEqual(8);
    expect(q.every((d) => new Date(`${d}:00Z`).getUTCDay() === 1)).toBe(true);
    // consecutive labels two weeks apart
    expect(q.slice(1).map((d, i) => (Date.parse(`${d}:00Z`) - Date.parse(`${q[i]}:00Z`)) / 86_400_000)).toEqual(Array(q.length - 1).fill(14));
  });

  it('labels months on January-based steps: 2015 → 2026 every year in January', () => {
    const months = Array.from({ length: 143 }, (_, i) => new Date(Date.UTC(2015, i, 1)).toISOString());
    const idx = tickIndices(months, 'MONTH', 'UTC', 12);
    expect(labelled(months, idx).every((d) => d.slice(5, 10) === '01-01')).toBe(true);
    expect(idx).toHaveLength(12);
  });
});
