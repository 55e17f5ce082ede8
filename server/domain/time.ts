// Time ranges and buckets (UTC). Ranges are half-open [from, to); weeks are ISO weeks.
import type { Grain } from './vocabulary.generated.js';

export const HOUR_S = 3600;
export const DAY_S = 86_400;
export const WEEK_S = 7 * DAY_S;

export const GRAIN_SECONDS: Record<Grain, number> = { HOUR: HOUR_S, DAY: DAY_S, WEEK: WEEK_S };

/** The longest range each grain may cover: keeps a series under ~1,000 points. */
export const MAX_RANGE_DAYS: Record<Grain, number> = { HOUR: 42, DAY: 1100, WEEK: 5 * 366 };

/** Start of the bucket holding t (seconds). 1970-01-01 was a Thursday; ISO weeks start on Monday. */
export function bucketStart(t: number, grain: Grain): number {
  if (grain === 'WEEK') return Math.floor((t - 4 * DAY_S) / WEEK_S) * WEEK_S + 4 * DAY_S;
  const size = GRAIN_SECONDS[grain];
  return Math.floor(t / size) * size;
}

/** Every bucket start overlapping [from, to). */
export function bucketStarts(from: number, to: number, grain: Grain): number[] {
  const out: number[] = [];
  for (let t = bucketStart(from, grain); t < to; t += GRAIN_SECONDS[grain]) out.push(t);
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
