import type { Grain } from '../generated/graphql';
import { UTC, wallTime, zonedInstant } from './zones';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** What the grain picker offers; "auto" leaves the choice to the server (grain: null). */
export type GrainChoice = 'auto' | 'hour' | 'day' | 'week';

export const GRAIN_CHOICES: readonly GrainChoice[] = ['auto', 'hour', 'day', 'week'];

const GRAIN_OF_CHOICE: Record<Exclude<GrainChoice, 'auto'>, Grain> = {
  hour: 'HOUR',
  day: 'DAY',
  week: 'WEEK',
};

/** The grain to ask for; null asks the server to choose, and Series.grain says what it chose. */
export function requestedGrain(choice: GrainChoice): Grain | null {
  return choice === 'auto' ? null : GRAIN_OF_CHOICE[choice];
}

/**
 * The server refuses hourly series longer than 42 days (BAD_USER_INPUT); the grain picker
 * disables "hour" beyond it rather than let the query fail.
 */
const MAX_HOURLY_SPAN_MS = 42 * DAY_MS;

export function grainAllowed(choice: GrainChoice, spanMs: number): boolean {
  return choice !== 'hour' || spanMs <= MAX_HOURLY_SPAN_MS;
}

/**
 * What "auto" becomes for hourly metrics, by the API's documented rule: the finest grain with at
 * most 200 buckets. Shown in the grain picker; each chart's subtitle says what its answer used
 * (metrics kept per day never go finer than days).
 */
export function expectedAutoGrain(range: { from: string; to: string }): Grain {
  const span = Date.parse(range.to) - Date.parse(range.from);
  if (span <= 200 * HOUR_MS) return 'HOUR';
  return span <= 200 * DAY_MS ? 'DAY' : 'WEEK';
}

/**
 * Start of the bucket holding `t` in a zone: the hour (zones are whole-hour, so UTC hours),
 * local midnight, or the local Monday midnight of the ISO week.
 */
export function floorToGrain(t: Date, grain: Grain, zone: string = UTC): Date {
  if (grain === 'HOUR') return new Date(Math.floor(t.getTime() / HOUR_MS) * HOUR_MS);
  const w = wallTime(t, zone);
  // weekday: Sunday = 0, so days since Monday = (weekday + 6) % 7.
  const back = grain === 'WEEK' ? (w.weekday + 6) % 7 : 0;
  return zonedInstant(w.year, w.month, w.day - back, 0, zone);
}

/** Smallest bucket boundary ≥ `t`. */
export function ceilToGrain(t: Date, grain: Grain, zone: string = UTC): Date {
  const floor = floorToGrain(t, grain, zone);
  return floor.getTime() === t.getTime() ? floor : addGrain(floor, grain, 1, zone);
}

/** `n` buckets later (or earlier); local days keep local midnight across daylight-saving changes. */
export function addGrain(t: Date, grain: Grain, n: number, zone: string = UTC): Date {
  if (grain === 'HOUR') return new Date(t.getTime() + n * HOUR_MS);
  const w = wallTime(t, zone);
  const days = grain === 'DAY' ? n : 7 * n;
  return zonedInstant(w.year, w.month, w.day + days, w.hour, zone);
}
