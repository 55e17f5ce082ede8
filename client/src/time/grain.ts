import type { Grain } from '../generated/graphql';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** What the grain picker offers; "auto" leaves the choice to the server (grain: null). */
export type GrainChoice = 'auto' | 'hour' | 'day' | 'week';

export const GRAIN_OF_CHOICE: Record<Exclude<GrainChoice, 'auto'>, Grain> = {
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
export const MAX_HOURLY_SPAN_MS = 42 * DAY_MS;

export function grainAllowed(choice: GrainChoice, spanMs: number): boolean {
  return choice !== 'hour' || spanMs <= MAX_HOURLY_SPAN_MS;
}

/** Start of the UTC bucket holding `t`. ISO weeks start on Monday. */
export function floorToGrain(t: Date, grain: Grain): Date {
  const d = new Date(t.getTime());
  d.setUTCMinutes(0, 0, 0);
  if (grain === 'HOUR') return d;
  d.setUTCHours(0);
  if (grain === 'DAY') return d;
  // getUTCDay(): Sunday = 0; days since Monday = (day + 6) % 7.
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}

/** Smallest bucket boundary ≥ `t`. */
export function ceilToGrain(t: Date, grain: Grain): Date {
  const floor = floorToGrain(t, grain);
  return floor.getTime() === t.getTime() ? floor : addGrain(floor, grain, 1);
}

/** Fixed-length steps are exact because everything is in UTC (no DST). */
export function addGrain(t: Date, grain: Grain, n: number): Date {
  const step = grain === 'HOUR' ? HOUR_MS : grain === 'DAY' ? DAY_MS : WEEK_MS;
  return new Date(t.getTime() + n * step);
}
