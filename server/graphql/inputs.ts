// Checks and converts GraphQL arguments before any query runs. Every failure is a
// BAD_USER_INPUT error naming the argument and the allowed values or limits.
import { HOUR_S, DAY_S, MAX_RANGE_DAYS } from '../domain/time.js';
import { TIME_ZONES } from '../domain/zones.js';
import { DIMENSIONS } from '../metrics/dimensions.js';
import { METRICS, metricById, metricDimensions, type MetricDef } from '../metrics/catalogue.js';
import { badInput } from './errors.js';
import { describeScope, filterableCountries, filterableRegions, forbidden, scopeFilters, scopeKey, type Access } from '../access/access.js';
import type { DataCatalogue } from '../metrics/dataCatalogue.js';
import type { Dimension, DimensionFilterInput, Grain, TimeRangeInput } from './generated.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const EARLIEST = Date.UTC(2000, 0, 1) / 1000;
const LATEST = Date.UTC(2100, 0, 1) / 1000;
/** Values of data-driven dimensions (queues, vendors, model versions…) look like this. */
const VALUE_FORMAT = /^[A-Za-z0-9_.:-]{1,64}$/;
export const MAX_TOP_N = 25;
export const MAX_BREAKDOWN_TOP_N = 50;

const quote = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

export function parseInstant(value: string, argument: string): number {
  const ms = ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw badInput(`${argument} must be an ISO-8601 instant such as 2026-11-16T00:00:00Z; got ${quote(value)}.`, argument);
  }
  const s = ms / 1000;
  if (s < EARLIEST || s >= LATEST) throw badInput(`${argument} must be between 2000-01-01 and 2100-01-01.`, argument);
  return s;
}

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

export function checkDimension(def: MetricDef, d: Dimension, argument: string): void {
  const allowed = metricDimensions(def);
  if (!allowed.includes(d)) {
    throw badInput(`${argument}: metric ${def.id} cannot be sliced by ${d}. It can be by: ${allowed.join(', ')}.`, argument);
  }
}

/**
 * Values of a dimension the asker may filter by: places that hold some of their scope's (taxonomy),
 * other taxonomy values (not scoped), and data values found inside the scope.
 */
function valuesInScope(d: Dimension, known: Pick<DataCatalogue, 'visible'>, access: Access): readonly string[] {
  if (d === 'REGION') return filterableRegions(access);
  if (d === 'COUNTRY') return filterableCountries(access);
  return DIMENSIONS[d].values?.map((v) => v.code) ?? known.visible.get(d) ?? [];
}

/**
 * Filters for a metric: each dimension must apply to it, each value must be known (taxonomy
 * values, or values present in the data; an error lists only those inside the asker's scope) and
 * inside the scope — on every dimension, e.g. a country of another region (FORBIDDEN); the
 * metric's default filters fill the dimensions left open, and the asker's scope narrows them (or
 * refuses the question). Returns the filters in force. `known` must be the catalogue read for
 * this asker (DataCatalogueCache.get(access)).
 */
export function parseFilters(
  def: MetricDef,
  filters: readonly DimensionFilterInput[] | null | undefined,
  known: Pick<DataCatalogue, 'values' | 'visible' | 'scopeKey'>,
  access: Access,
  argument = 'filters',
): Map<Dimension, string[]> {
  if (known.scopeKey !== scopeKey(access)) throw new Error('parseFilters needs the catalogue read for the asker’s scope');
  const out = new Map<Dimension, string[]>();
  for (const [i, f] of (filters ?? []).entries()) {
    const where = `${argument}[${i}]`;
    checkDimension(def, f.dimension, `${where}.dimension`);
    if (out.has(f.dimension)) throw badInput(`${where}: ${f.dimension} is filtered twice; give all its values in one filter.`, where);
    if (f.values.length === 0) throw badInput(`${where}.values: give at least one value (or leave ${f.dimension} out).`, `${where}.values`);
    if (f.values.length > 200) throw badInput(`${where}.values: at most 200 values.`, `${where}.values`);
    const taxonomy = DIMENSIONS[f.dimension].values?.map((v) => v.code);
    const allowed = taxonomy ?? known.values.get(f.dimension) ?? [];
    const mine = valuesInScope(f.dimension, known, access);
    for (const v of f.values) {
      if (!VALUE_FORMAT.test(v) || !allowed.includes(v)) {
        const list = mine.length > 30 ? `${mine.slice(0, 30).join(', ')}, …` : mine.join(', ') || 'none in the data yet';
        throw badInput(`${where}.values: unknown ${DIMENSIONS[f.dimension].label.toLowerCase()} ${quote(v)}. Known: ${list}.`, `${where}.values`);
      }
    }
    // the scope's own dimension is refused by scopeFilters below; here, values outside it on the others
    const outside = access.scope[f.dimension as keyof Access['scope']]?.length ? [] : f.values.filter((v) => !mine.includes(v));
    if (outside.length) {
      throw forbidden(`${where}.values: ${outside.join(', ')} ${outside.length > 1 ? 'are' : 'is'} outside your access (${describeScope(access)}).`);
    }
    out.set(f.dimension, [...new Set(f.values)]);
  }
  for (const [d, values] of Object.entries(def.defaultFilters ?? {}) as [Dimension, string[]][]) {
    if (!out.has(d)) out.set(d, values);
  }
  return scopeFilters(access, out, metricDimensions(def), `metric ${def.id}`, argument);
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
