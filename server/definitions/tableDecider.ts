// The table decider: which rollup (or rollups) answer a question, exactly and most cheaply. Every
// metric statement asks it (queries/metricQuery.ts); nothing else picks a table. Modelled on
// Plausible's table_decider.ex: a pure function of the question, pinned by a table of decisions
// (tableDecider.test.ts).
//
// Two choices:
// 1. Dimensions. Among the rollups with the measure's columns, the narrowest one that keeps every
//    dimension the question uses (filters, scope restrictions, group-by, breakdown dimensions):
//    fewer rows, same sums. Candidates are listed cheapest first.
// 2. Time. A daily twin (same columns summed by UTC day) can answer only whole UTC days, and only
//    when the question needs no finer time: totals, breakdowns and top keys in any zone (a range is
//    a pair of instants), series at day, week or month grain in UTC (UTC days, Monday-started weeks
//    and calendar months are whole UTC days). Hour grain, and days, weeks or months in any other
//    zone (no zone Vigil offers is a whole number of days away from UTC, and every one is some hours away at some time of year),
//    read hourly. A range that does not start and end at UTC midnight reads its whole days from the
//    daily twin and the hours before the first and after the last midnight from the hourly table:
//    the parts are disjoint and cover the range, and every measure read this way is a sum or a
//    histogram merged by sumMap, so adding the parts gives the same figure as one hourly read.
//    A distinct count (active annotators: a uniqExact state per day) does not add across parts
//    (KIND_RULES' partsAdd): it reads the twin only when the whole range is whole UTC days (one
//    read; merging per-day states is exact), and the hourly rollup for the whole range otherwise.
import type { Dimension, Grain, MetricKind } from '../domain/vocabulary.generated.js';
import { DAY_S } from '../domain/time.js';
import { KIND_RULES } from './kinds.js';
import { TABLES, type RollupId, type TableId } from './rollups.js';

/** What a statement asks of a measure's rollup. */
export interface Question {
  /** the rollup the measure is defined on (metricCatalogue.ts) */
  rollup: RollupId;
  /** the metric's kind: whether figures of disjoint parts add up (KIND_RULES' partsAdd) */
  kind: MetricKind;
  /** every dimension the question uses: filters (the scope's included), group-by, breakdown dimensions */
  dimensions: Iterable<Dimension>;
  /** the buckets' grain; null for one figure over the range (totals, breakdowns, top keys) */
  grain: Grain | null;
  zone: string;
  /** half-open range, Unix seconds on whole hours */
  from: number;
  to: number;
}

/**
 * One table over a part of the range; the parts of a decision are disjoint and cover the range
 * (disjoint in time, or, for agreement, in the tasks each table holds).
 */
export interface Read {
  table: TableId;
  from: number;
  to: number;
}

/** Rollups with the same columns as the key, cheapest (fewest rows) first; the key itself last. */
const NARROWER: Partial<Record<RollupId, readonly RollupId[]>> = { moderation: ['moderationByRegionPolicy', 'moderation'] };

/** The daily twin of an hourly rollup, where one is kept. */
const DAILY_TWIN: Partial<Record<TableId, TableId>> = {
  moderation: 'moderationDaily',
  moderationByRegionPolicy: 'moderationByRegionPolicyDaily',
  reviewFlow: 'reviewFlowDaily',
  appeals: 'appealsDaily',
  annotationLabels: 'annotationLabelsDaily',
  annotationTasks: 'annotationTasksDaily',
  qaAudits: 'qaAuditsDaily',
};

/** The table that holds the same rows as `table` with the least time detail: its daily twin, or itself. */
export function coarsestCopy(table: TableId): TableId {
  return DAILY_TWIN[table] ?? table;
}

/**
 * Rollups whose units are split between tables holding disjoint sets of them: agreement's tasks
 * held in one row are summed per day (agreementDaily), the others keep their rows
 * (mixedTaskAnswers). Every agreement component is a sum over units, so the two reads add up.
 */
const BY_UNITS: Partial<Record<RollupId, readonly TableId[]>> = { taskAnswers: ['agreementDaily', 'mixedTaskAnswers'] };

/** Zones whose days are UTC days. */
const UTC_ZONES: ReadonlySet<string> = new Set(['UTC']);

/** The narrowest rollup like `rollup` that keeps every dimension used, on its own grain. */
export function narrowestTable(rollup: RollupId, dimensions: Iterable<Dimension>): RollupId {
  const used = [...dimensions];
  for (const candidate of NARROWER[rollup] ?? []) {
    if (used.every((d) => (TABLES[candidate].dimensions as readonly Dimension[]).includes(d))) return candidate;
  }
  return rollup;
}

/** Whether UTC days may stand for the question's buckets. */
function daysAnswer(grain: Grain | null, zone: string): boolean {
  if (grain === null) return true;
  return (grain === 'DAY' || grain === 'WEEK' || grain === 'MONTH') && UTC_ZONES.has(zone);
}

/**
 * The reads that answer `q`: the narrowest table holding its dimensions, and, where it has a daily
 * twin that can answer, the twin for the whole UTC days of the range and the hourly table for the
 * edges; agreement from its two disjoint halves (BY_UNITS). `one`: one table for the whole range
 * (a statement that ranks, like top keys, cannot add parts; nor can a kind whose parts do not add):
 * the twin only when the range is whole UTC days, the whole per-task rollup for agreement.
 */
export function decideTables(q: Question, one = false): Read[] {
  const single = one || !KIND_RULES[q.kind].partsAdd;
  const hourly = narrowestTable(q.rollup, q.dimensions);
  const whole: Read[] = [{ table: hourly, from: q.from, to: q.to }];
  const units = BY_UNITS[q.rollup];
  if (units) return single ? whole : units.map((table) => ({ table, from: q.from, to: q.to }));
  const daily = DAILY_TWIN[hourly];
  if (!daily || !daysAnswer(q.grain, q.zone)) return whole;
  const firstDay = Math.ceil(q.from / DAY_S) * DAY_S;
  const lastDay = Math.floor(q.to / DAY_S) * DAY_S;
  if (firstDay >= lastDay) return whole;
  if (single && (firstDay !== q.from || lastDay !== q.to)) return whole;
  const reads: Read[] = [{ table: daily, from: firstDay, to: lastDay }];
  if (q.from < firstDay) reads.push({ table: hourly, from: q.from, to: firstDay });
  if (lastDay < q.to) reads.push({ table: hourly, from: lastDay, to: q.to });
  return reads;
}
