import type { Grain } from '../generated/graphql';
import { UTC, wallTime, zonedInstant } from './zones';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** What the grain picker offers; "auto" leaves the choice to the server (grain: null). */
export type GrainChoice = 'auto' | 'hour' | 'day' | 'week' | 'month';

export const GRAIN_CHOICES: readonly GrainChoice[] = ['auto', 'hour', 'day', 'week', 'month'];

const GRAIN_OF_CHOICE: Record<Exclude<GrainChoice, 'auto'>, Grain> = {
  hour: 'HOUR',
  day: 'DAY',
  week: 'WEEK',
  month: 'MONTH',
};

/** The grain to ask for; null asks the server to choose, and Series.grain says what it chose. */
export function requestedGrain(choice: GrainChoice): Grain | null {
  return choice === 'auto' ? null : GRAIN_OF_CHOICE[choice];
}

/**
 * The API's grain rules, as the catalogue serves them (Catalogue.grains, autoGrainMaxBuckets):
 * the client keeps no copy, so the picker offers exactly what the server answers.
 */
export interface GrainRules {
  grains: readonly { grain: Grain; maxRangeDays: number }[];
  autoGrainMaxBuckets: number;
}

/**
 * Whether a grain can cover the span. The server would answer a longer range at a coarser grain
 * (and say so); the picker disables it so that what is chosen is what is drawn.
 */
export function grainAllowed(choice: GrainChoice, spanMs: number, rules: GrainRules | undefined): boolean {
  if (choice === 'auto' || !rules) return true;
  const limit = rules.grains.find((g) => g.grain === GRAIN_OF_CHOICE[choice]);
  return !limit || spanMs <= limit.maxRangeDays * DAY_MS;
}

/**
 * What "auto" becomes for hourly metrics, by the API's rule: the finest grain with at most
 * autoGrainMaxBuckets buckets (months counted as 30 days). Shown in the grain picker; each
 * chart's subtitle says what its answer used (metrics kept per day never go finer than days).
 */
export function expectedAutoGrain(range: { from: string; to: string }, rules: GrainRules): Grain {
  const span = Date.parse(range.to) - Date.parse(range.from);
  const size: Record<Grain, number> = { HOUR: HOUR_MS, DAY: DAY_MS, WEEK: WEEK_MS, MONTH: 30 * DAY_MS };
  return rules.grains.find((g) => span / size[g.grain] <= rules.autoGrainMaxBuckets)?.grain ?? 'MONTH';
}

/**
 * Start of the bucket holding `t` in a zone: the hour (zones are whole-hour, so UTC hours),
 * local midnight, the local Monday midnight of the ISO week, or local midnight on the 1st.
 */
export function floorToGrain(t: Date, grain: Grain, zone: string = UTC): Date {
  if (grain === 'HOUR') return new Date(Math.floor(t.getTime() / HOUR_MS) * HOUR_MS);
  const w = wallTime(t, zone);
  if (grain === 'MONTH') return zonedInstant(w.year, w.month, 1, 0, zone);
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
  if (grain === 'MONTH') return zonedInstant(w.year, w.month + n, w.day, w.hour, zone);
  const days = grain === 'DAY' ? n : 7 * n;
  return zonedInstant(w.year, w.month, w.day + days, w.hour, zone);
}
