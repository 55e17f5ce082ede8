// Time ranges and buckets (UTC). Ranges are half-open [from, to); weeks are ISO weeks, months
// calendar months.
import type { Grain } from './vocabulary.generated.js';

export const HOUR_S = 3600;
export const DAY_S = 86_400;
export const WEEK_S = 7 * DAY_S;

/** Grains from finest to coarsest. */
export const GRAINS: readonly Grain[] = ['HOUR', 'DAY', 'WEEK', 'MONTH'];

/**
 * The longest range each grain may cover: keeps a series under ~1,000 points (and a total over a
 * range, which reads days, at the day's limit). Served in the catalogue (Catalogue.grains), so
 * the client's grain picker never offers what the API would refuse.
 */
export const MAX_RANGE_DAYS: Record<Grain, number> = { HOUR: 42, DAY: 1100, WEEK: 5 * 366, MONTH: 80 * 366 };

/** Automatic grain: the finest with at most this many buckets (a week is 7 days, not 168 hours). */
export const AUTO_GRAIN_MAX_BUCKETS = 100;

/** Start of the bucket holding t (seconds). 1970-01-01 was a Thursday; ISO weeks start on Monday. */
export function bucketStart(t: number, grain: Grain): number {
  if (grain === 'WEEK') return Math.floor((t - 4 * DAY_S) / WEEK_S) * WEEK_S + 4 * DAY_S;
  if (grain === 'MONTH') {
    const d = new Date(t * 1000);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
  }
  const size = grain === 'DAY' ? DAY_S : HOUR_S;
  return Math.floor(t / size) * size;
}

/** The start of the bucket after the one starting at `start` (UTC). */
export function nextBucketStart(start: number, grain: Grain): number {
  if (grain === 'MONTH') {
    const d = new Date(start * 1000);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
  }
  return start + (grain === 'WEEK' ? WEEK_S : grain === 'DAY' ? DAY_S : HOUR_S);
}

/** Every bucket start overlapping [from, to). */
export function bucketStarts(from: number, to: number, grain: Grain): number[] {
  const out: number[] = [];
  for (let t = bucketStart(from, grain); t < to; t = nextBucketStart(t, grain)) out.push(t);
  return out;
}

/** Monday 00:00 UTC of the last ISO week that ends on or before `end`. */
export function lastCompleteWeekStart(end: number): number {
  const day = Math.floor((end - 1) / DAY_S);
  const dayOfWeek = (day + 3) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  let monday = (day - dayOfWeek) * DAY_S;
  if (monday + WEEK_S > end) monday -= WEEK_S;
  return monday;
}

export function toIso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** ClickHouse's DateTime text form, for bound DateTime('UTC') parameters. */
export function toClickHouseDateTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Parses a ClickHouse DateTime('UTC') as returned in JSON ("2026-11-16 00:00:00"). */
export function fromClickHouseDateTime(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}Z`) / 1000;
}
