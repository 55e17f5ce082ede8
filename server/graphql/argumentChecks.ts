// Checks and converts GraphQL arguments before any query runs. Every failure is a
// BAD_USER_INPUT error naming the argument and the allowed values or limits. Instants are checked
// by domain/fieldChecks.ts and filters by metrics/sliceInput.ts, which the layers below share.
import { HOUR_S, DAY_S, MAX_RANGE_DAYS } from '../domain/time.js';
import { TIME_ZONES } from '../domain/zones.js';
import { METRICS, metricById, type MetricDef } from '../definitions/metricCatalogue.js';
import { badInput } from '../domain/errors.js';
import { parseInstant, quote } from '../domain/fieldChecks.js';
import type { Grain, TimeRangeInput } from './generated.js';

export const MAX_TOP_N = 25;
export const MAX_BREAKDOWN_TOP_N = 50;

export interface TimeRange {
  from: number;
  to: number;
}

/** A range on whole hours (the finest rollup grain) with from < to. */
export function parseRange(range: TimeRangeInput, argument = 'range'): TimeRange {
  const from = parseInstant(range.from, `${argument}.from`);
  const to = parseInstant(range.to, `${argument}.to`);
  if (from >= to) throw badInput(`${argument}.from (${range.from}) must be before ${argument}.to (${range.to}).`, argument);
  if (from % HOUR_S !== 0 || to % HOUR_S !== 0) {
    throw badInput(`${argument}.from and ${argument}.to must fall on whole hours (the rollups are hourly).`, argument);
  }
  return { from, to };
}

export function checkSpan(range: TimeRange, grain: Grain, argument = 'range'): void {
  const maxDays = MAX_RANGE_DAYS[grain];
  if (range.to - range.from > maxDays * DAY_S) {
    throw badInput(
      `A ${grain.toLowerCase()} series may cover at most ${maxDays} days; this range covers ${Math.ceil((range.to - range.from) / DAY_S)}. Use a coarser grain or a shorter range.`,
      argument,
    );
  }
}

export function parseMetric(id: string, argument = 'metric'): MetricDef {
  const def = metricById(id);
  if (!def) throw badInput(`${argument}: unknown metric ${quote(id)}. Known metrics: ${METRICS.map((m) => m.id).join(', ')}.`, argument);
  return def;
}

export function parseZone(zone: string | null | undefined, argument = 'timeZone'): string {
  if (zone === null || zone === undefined) return 'UTC';
  if (!(TIME_ZONES as readonly string[]).includes(zone)) {
    throw badInput(`${argument}: ${quote(zone)} is not an allowed time zone. Allowed: ${TIME_ZONES.join(', ')}.`, argument);
  }
  return zone;
}

export function parseTopN(value: number | null | undefined, fallback: number, max: number, argument = 'topN'): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw badInput(`${argument} must be a whole number from 1 to ${max}; got ${value}.`, argument);
  return value;
}

/** Finest grain with at most 200 buckets, never finer than the rollup keeps. */
export function autoGrain(range: TimeRange, minGrain: Grain): Grain {
  const hours = (range.to - range.from) / HOUR_S;
  const grain: Grain = hours <= 200 ? 'HOUR' : hours / 24 <= 200 ? 'DAY' : 'WEEK';
  const order: Grain[] = ['HOUR', 'DAY', 'WEEK'];
  return order[Math.max(order.indexOf(grain), order.indexOf(minGrain))]!;
}

export function checkGrain(def: MetricDef, grain: Grain, minGrain: Grain, argument = 'grain'): void {
  if (minGrain === 'DAY' && grain === 'HOUR') {
    throw badInput(`${argument}: metric ${def.id} is kept per day; use DAY or WEEK.`, argument);
  }
}
