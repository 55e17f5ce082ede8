// Checks and converts GraphQL arguments before any query runs. Every failure is a
// BAD_USER_INPUT error naming the argument and the allowed values or limits.
import { REGIONS, POLICIES } from '../domain/taxonomy.js';
import { HOUR_S, DAY_S, MAX_RANGE_DAYS } from '../domain/time.js';
import { badInput } from './errors.js';
import type { Grain, SliceFilter, TimeRangeInput } from './generated.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const EARLIEST = Date.UTC(2000, 0, 1) / 1000;
const LATEST = Date.UTC(2100, 0, 1) / 1000;

export function parseInstant(value: string, argument: string): number {
  const ms = ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw badInput(`${argument} must be an ISO-8601 instant such as 2026-11-16T00:00:00Z; got "${value.slice(0, 40)}".`, argument);
  }
  const s = ms / 1000;
  if (s < EARLIEST || s >= LATEST) throw badInput(`${argument} must be between 2000-01-01 and 2100-01-01.`, argument);
  return s;
}

export interface TimeRange {
  from: number;
  to: number;
}

/** A range on whole hours (the rollups' grain), from < to, no longer than the grain allows. */
export function parseRange(range: TimeRangeInput, grain: Grain): TimeRange {
  const from = parseInstant(range.from, 'range.from');
  const to = parseInstant(range.to, 'range.to');
  if (from >= to) throw badInput(`range.from (${range.from}) must be before range.to (${range.to}).`, 'range');
  if (from % HOUR_S !== 0 || to % HOUR_S !== 0) {
    throw badInput('range.from and range.to must fall on whole hours (the rollups are hourly).', 'range');
  }
  const maxDays = MAX_RANGE_DAYS[grain];
  if (to - from > maxDays * DAY_S) {
    throw badInput(`A ${grain.toLowerCase()} series may cover at most ${maxDays} days; this range covers ${Math.ceil((to - from) / DAY_S)}. Use a coarser grain or a shorter range.`, 'range');
  }
  return { from, to };
}

function checkCodes(values: readonly string[] | null | undefined, allowed: readonly string[], argument: string): string[] {
  const list = values ?? [];
  if (list.length > allowed.length) throw badInput(`${argument} lists more values than exist (${allowed.length}).`, argument);
  for (const v of list) {
    if (!allowed.includes(v)) {
      throw badInput(`${argument}: unknown value "${v.slice(0, 40)}". Allowed: ${allowed.join(', ')}.`, argument);
    }
  }
  return [...new Set(list)];
}

export interface Slice {
  regions: string[];
  policies: string[];
}

export function parseFilter(filter: SliceFilter | null | undefined): Slice {
  return {
    regions: checkCodes(filter?.regions, REGIONS.map((r) => r.code), 'filter.regions'),
    policies: checkCodes(filter?.policies, POLICIES.map((p) => p.code), 'filter.policies'),
  };
}
