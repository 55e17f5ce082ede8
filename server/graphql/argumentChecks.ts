// Checks and converts GraphQL arguments before any query runs. Every failure is a
// BAD_USER_INPUT error naming the argument and the allowed values or limits. Instants are checked
// by domain/fieldChecks.ts and filters by metrics/sliceInput.ts, which the layers below share.
import { HOUR_S, DAY_S, WEEK_S, toIso, AUTO_GRAIN_MAX_BUCKETS, GRAINS, MAX_RANGE_DAYS } from '../domain/time.js';
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

/**
 * A range for one figure over it (totals, breakdowns, curves), which reads days: one longer than
 * days allow is cut to the data's span (nothing lies outside it, so the figure is the same, and
 * the answer's range says what was read); only a span of data itself too long is refused.
 */
export function fitRange(range: TimeRange, dataSpan: { from: number; to: number } | null, argument = 'range'): TimeRange {
  if (range.to - range.from <= MAX_RANGE_DAYS.DAY * DAY_S || !dataSpan) {
    checkSpan(range, 'DAY', argument);
    return range;
  }
  const clamped = { from: Math.max(range.from, dataSpan.from), to: Math.min(range.to, dataSpan.to + HOUR_S) };
  if (clamped.from >= clamped.to) {
    throw badInput(`${argument}: no data in this range; the data runs from ${toIso(dataSpan.from)} to ${toIso(dataSpan.to + HOUR_S)}.`, argument);
  }
  checkSpan(clamped, 'DAY', argument);
  return clamped;
}

const GRAIN_NAMES: Record<Grain, string> = { HOUR: 'hourly', DAY: 'daily', WEEK: 'weekly', MONTH: 'monthly' };

/**
 * The grain asked for, or — when the range is longer than it may cover — the finest coarser one
 * that can answer, with a note saying so: a long range is answered, never refused for its grain.
 */
export function fitGrain(range: TimeRange, asked: Grain, argument = 'grain'): { grain: Grain; note: string | null } {
  const span = range.to - range.from;
  const fits = (g: Grain) => span <= MAX_RANGE_DAYS[g] * DAY_S;
  if (fits(asked)) return { grain: asked, note: null };
  const coarser = GRAINS.slice(GRAINS.indexOf(asked) + 1).find(fits);
  const days = Math.ceil(span / DAY_S);
  if (!coarser) throw badInput(`A series may cover at most ${MAX_RANGE_DAYS.MONTH} days (monthly); this range covers ${days}. Use a shorter range.`, argument);
  return {
    grain: coarser,
    note: `${GRAIN_NAMES[asked][0]!.toUpperCase()}${GRAIN_NAMES[asked].slice(1)} buckets cover at most ${MAX_RANGE_DAYS[asked]} days and this range covers ${days}: answered ${GRAIN_NAMES[coarser]}.`,
  };
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

/** Finest grain with at most AUTO_GRAIN_MAX_BUCKETS buckets (months counted as 30 days), never finer than the rollup keeps. */
export function autoGrain(range: TimeRange, minGrain: Grain): Grain {
  const span = range.to - range.from;
  const size: Record<Grain, number> = { HOUR: HOUR_S, DAY: DAY_S, WEEK: WEEK_S, MONTH: 30 * DAY_S };
  const grain = GRAINS.find((g) => span / size[g] <= AUTO_GRAIN_MAX_BUCKETS) ?? 'MONTH';
  return GRAINS[Math.max(GRAINS.indexOf(grain), GRAINS.indexOf(minGrain))]!;
}

export function checkGrain(def: MetricDef, grain: Grain, minGrain: Grain, argument = 'grain'): void {
  if (minGrain === 'DAY' && grain === 'HOUR') {
    throw badInput(`${argument}: metric ${def.id} is kept per day; use DAY, WEEK or MONTH.`, argument);
  }
}
