// SQL for catalogue metrics: every statement reads one rollup, re-aggregates it, and binds every
// value as a parameter. Columns and tables come only from the catalogue, the rollup registry and
// the dimension registry. Statements are returned (not only run) so the API can show the exact
// SQL behind a figure.
import type { Dimension, Grain } from '../domain/vocabulary.generated.js';
import { DIMENSIONS } from '../definitions/dimensions.js';
import { ROLLUPS, TABLES, type RollupDef, type RollupId } from '../definitions/rollups.js';
import { decideTables } from '../definitions/tableDecider.js';
import { measureSqlOn, type Measure, type MetricDef } from '../definitions/metricCatalogue.js';
import { KIND_RULES } from '../definitions/kinds.js';
import { toClickHouseDateTime } from '../domain/time.js';
import type { Statement } from './statements.js';

/** Key of the group that adds up every value beyond the top N. */
export const OTHER_KEY = '__other__';

/** What to read: a half-open time range on the rollup's grain, and dimension filters. */
export interface Slice {
  from: number;
  to: number;
  filters: ReadonlyMap<Dimension, readonly string[]>;
}

type Part = 'value' | 'numerator' | 'denominator';

/** One statement's worth of a metric: a table, the part of the slice it covers, the measures it sums. */
interface PlannedRead {
  table: RollupDef;
  slice: Slice;
  parts: { part: Part; sql: string }[];
}

/**
 * The reads that answer a metric over a slice: its measures grouped by the rollup they are defined
 * on (most metrics have one), each rollup read from the tables the decider picks for the question
 * (definitions/tableDecider.ts) — the narrowest holding the dimensions used, daily for whole UTC days
 * where the grain allows. `grain` null: one figure over the range (totals, breakdowns). A read of
 * everything before the start or the end of the range (a backlog carried in, or as it stands at the
 * end) is the range from the epoch to that instant: its whole UTC days daily where a twin is kept.
 * Each read's slice is the part of time it covers.
 */
function plannedReads(
  def: MetricDef, slice: Slice, grain: Grain | null, zone: string, used: readonly Dimension[], time: 'range' | 'before_from' | 'before_to' = 'range',
): PlannedRead[] {
  const byRollup = new Map<RollupId, { part: Part; measure: Measure }[]>();
  for (const part of ['value', 'numerator', 'denominator'] as const) {
    const measure = def[part];
    if (!measure) continue;
    byRollup.set(measure.rollup, [...(byRollup.get(measure.rollup) ?? []), { part, measure }]);
  }
  const aggregate = (sql: string) => (KIND_RULES[def.kind].aggregate === 'sumMap' ? `sumMap(${sql})` : sql);
  const [from, to] = time === 'range' ? [slice.from, slice.to] : [0, time === 'before_from' ? slice.from : slice.to];
  return [...byRollup].flatMap(([rollup, measures]) =>
    decideTables({ rollup, kind: def.kind, dimensions: used, grain, zone, from, to }).map((read) => ({
      table: TABLES[read.table],
      slice: { ...slice, from: read.from, to: read.to },
      parts: measures.map(({ part, measure }) => ({ part, sql: aggregate(measureSqlOn(measure, read.table)) })),
    })));
}

/** The dimensions a question touches: its filters and groupings. */
function usedDimensions(slice: Slice, ...grouped: (Dimension | null | undefined)[]): Dimension[] {
  return [...slice.filters.keys(), ...grouped.filter((d): d is Dimension => !!d)];
}

/** What ranks groups for top N: the metric's volume on its main rollup. */
export function weightSql(def: MetricDef): string {
  switch (KIND_RULES[def.kind].rankBy) {
    case 'histogram':
      return `arraySum(sumMap(${def.value!.sql}).2)`;
    case 'pairable':
      return 'countIf(length(answers) >= 2)';
    case 'value':
      return def.value!.sql;
    case 'denominator': {
      const den = def.denominator!;
      return den.rollup === def.rollup ? den.sql : def.numerator!.sql;
    }
  }
}

function filterParam(d: Dimension): string {
  return `f_${d.toLowerCase()}`;
}

/** `column IN {f_dimension:Array(String)}` for each filter. */
export function filterPredicates(filters: ReadonlyMap<Dimension, readonly string[]>): string[] {
  return [...filters.keys()].map((d) => `${DIMENSIONS[d].column} IN {${filterParam(d)}:Array(String)}`);
}

function predicates(r: RollupDef, slice: Slice, time: 'range' | 'before_from' | 'before_to'): string[] {
  const t = r.timeColumn;
  const [from, to] = t === 'day' ? ['{from_day:Date}', '{to_day:Date}'] : ["{from:DateTime('UTC')}", "{to:DateTime('UTC')}"];
  const parts =
    time === 'range' ? [`${t} >= ${from}`, `${t} < ${to}`] : time === 'before_from' ? [`${t} < ${from}`] : [`${t} < ${to}`];
  return [...parts, ...filterPredicates(slice.filters)];
}

/** Bound values of a slice: its bounds as DateTime and as Date, and each filter's values. */
export function sliceParams(slice: Slice): Record<string, unknown> {
  const day = (t: number) => toClickHouseDateTime(t).slice(0, 10);
  const params: Record<string, unknown> = {
    from: toClickHouseDateTime(slice.from),
    to: toClickHouseDateTime(slice.to),
    from_day: day(slice.from),
    to_day: day(slice.to),
  };
  for (const [d, values] of slice.filters) params[filterParam(d)] = [...values];
  return params;
}

/**
 * What a statement groups by: key columns (expression, alias), the GROUPING SETS over their aliases
 * (null: one group per combination of keys), and columns that tell which set a row belongs to.
 */
interface Grouping {
  keys: readonly (readonly [sql: string, alias: string])[];
  sets: readonly (readonly string[])[] | null;
  flags: readonly (readonly [sql: string, alias: string])[];
}

const NO_GROUPING: Grouping = { keys: [], sets: null, flags: [] };

function groupBySql(g: Grouping, extra: readonly string[] = []): string {
  if (g.sets) return `GROUP BY GROUPING SETS (${g.sets.map((set) => `(${[...set, ...extra].join(', ')})`).join(', ')})`;
  const keys = [...g.keys.map(([, alias]) => alias), ...extra];
  return keys.length ? `GROUP BY ${keys.join(', ')}` : '';
}

const named = (columns: Grouping['keys']) => columns.map(([sql, alias]) => `${sql} AS ${alias}`);

/**
 * A predicate keeping the tasks with two or more answers under `where` (the slice), from the
 * per-task rollup's answer counts. Most tasks are labelled once: this keeps agreement queries from
 * merging the answers of every task, and changes no figure (a single answer forms no pair). Tasks
 * are matched by a 64-bit hash of their id, about twice as fast as by the string: a collision can
 * only let a task with one answer through, and the exact grouping by task_id after it finds a
 * single answer there, which pairs with nothing.
 */
export function multiLabelledTasks(where: readonly string[], indent = '  ', from = 'annotation_task_answers'): string {
  const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return `cityHash64(task_id) IN (\n${indent}  SELECT cityHash64(task_id) AS task FROM ${from}\n${indent}  ${condition}\n${indent}  GROUP BY task\n${indent}  HAVING sum(labels) >= 2\n${indent})`;
}

/**
 * SELECT keys, flags, measures FROM the rollup WHERE … GROUP BY …; `tail` (ORDER BY, LIMIT) last.
 *
 * Agreement's unit is the task: its values are all its answers in the cell (the slice, the bucket
 * and the group), whatever site, language, region, policy or day each came from. The per-task
 * rollup holds one row per task and (day, vendor, site, queue, language, region, policy), so a
 * task's rows are merged per cell first: the inner query groups by every grouping set plus
 * task_id, the outer one adds up the tasks of each cell. A unit with fewer than two answers counts
 * in no agreement measure: only tasks with two or more answers in the slice are merged
 * (multiLabelledTasks), and cells' single answers are left out.
 */
function selectSql(r: RollupDef, where: string[], g: Grouping, measures: string, tail = ''): string {
  const { head, tail: rest } = selectShape(r, where, g);
  return `${head}${measures}${rest}${tail ? `\n${tail}` : ''}`;
}

/**
 * A statement of measures over a rollup, with its shape: what comes before the measures (the keys)
 * and after them (FROM … GROUP BY …). Statements with the same shape and parameters differ only in
 * their measures, so the runner may send them as one (statementMerger.ts).
 */
function measuresSelect(operation: string, r: RollupDef, where: string[], g: Grouping, parts: { part: Part; sql: string }[], params: Record<string, unknown>): Statement {
  const { head, tail } = selectShape(r, where, g);
  const measures = parts.map((p) => [p.part, p.sql] as const);
  return { operation, sql: `${head}${columns(parts)}${tail}`, params, merge: { head, measures, tail } };
}

/** The text before and after a statement's measures. */
function selectShape(r: RollupDef, where: string[], g: Grouping): { head: string; tail: string } {
  const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = r.replaced ? `${r.table} FINAL` : r.table;
  if (!r.perTask) {
    const keys = [...named(g.keys), ...named(g.flags)];
    const group = groupBySql(g);
    return { head: `SELECT ${keys.length ? `${keys.join(', ')},\n  ` : ''}`, tail: `\nFROM ${from}\n${condition}${group ? `\n${group}` : ''}` };
  }
  const inner = [...named(g.keys), ...named(g.flags), 'task_id', 'groupArrayMerge(answers) AS answers'];
  const cell = [...g.keys, ...g.flags].map(([, alias]) => alias);
  return {
    head: `SELECT ${cell.length ? `${cell.join(', ')},\n  ` : ''}`,
    tail:
      `\nFROM (\n  SELECT ${inner.join(', ')}\n  FROM ${from}\n  WHERE ${[...where, multiLabelledTasks(where, '  ', from)].join(' AND ')}\n` +
      `  ${groupBySql(g, ['task_id'])}\n  HAVING length(answers) >= 2\n)` +
      `${cell.length ? `\nGROUP BY ${cell.join(', ')}` : ''}`,
  };
}

/** Bucket start as a Unix timestamp; days, weeks and months in the zone for hourly rollups. */
function bucketSql(r: RollupDef, grain: Grain): string {
  if (r.timeColumn === 'day') {
    if (grain === 'WEEK') return "toUnixTimestamp(toDateTime(toMonday(day), 'UTC'))";
    if (grain === 'MONTH') return "toUnixTimestamp(toDateTime(toStartOfMonth(day), 'UTC'))";
    return "toUnixTimestamp(toDateTime(day, 'UTC'))";
  }
  if (grain === 'HOUR') return 'toUnixTimestamp(hour)';
  if (grain === 'DAY') return 'toUnixTimestamp(toStartOfDay(hour, {tz:String}))';
  if (grain === 'MONTH') return 'toUnixTimestamp(toDateTime(toStartOfMonth(hour, {tz:String}), {tz:String}))';
  return 'toUnixTimestamp(toDateTime(toMonday(hour, {tz:String}), {tz:String}))';
}

function keySql(groupBy: Dimension | null, topKeys: readonly string[] | null, param = 'top'): string {
  if (!groupBy) return "'all'";
  const column = DIMENSIONS[groupBy].column;
  return topKeys ? `if(${column} IN {${param}:Array(String)}, ${column}, '${OTHER_KEY}')` : column;
}

const columns = (parts: { part: Part; sql: string }[]) => parts.map((p) => `${p.sql} AS ${p.part}`).join(',\n  ');

/** The values of a dimension ranked by the metric's volume: the first `limit` of them. */
export function topKeysStatement(def: MetricDef, slice: Slice, dimension: Dimension, limit: number, time: 'range' | 'before_to' = 'range'): Statement {
  // Ranking cannot add parts: one table for the whole range (daily only when it is whole UTC days);
  // a level ranks by everything before the range's end, whole days when that end is a UTC midnight.
  const used = usedDimensions(slice, dimension);
  const from = time === 'range' ? slice.from : 0;
  const table = decideTables({ rollup: def.rollup, kind: def.kind, dimensions: used, grain: null, zone: 'UTC', from, to: slice.to }, true)[0]!.table;
  const r = TABLES[table];
  const column = DIMENSIONS[dimension].column;
  return {
    operation: 'metrics.top_keys',
    sql: selectSql(r, predicates(r, slice, time), { keys: [[column, 'key']], sets: null, flags: [] }, `${weightSql(def)} AS weight`, 'ORDER BY weight DESC, key\nLIMIT {limit:UInt32}'),
    params: { ...sliceParams(slice), limit },
  };
}

export interface SeriesShape {
  grain: Grain;
  zone: string;
  groupBy: Dimension | null;
  /** null: every value of groupBy is its own group */
  topKeys: readonly string[] | null;
}

/**
 * Per rollup: one row per (bucket, key), per key, per bucket and overall (GROUPING SETS), so
 * totals of distinct counts and percentiles are exact rather than added up.
 */
export function seriesStatements(def: MetricDef, slice: Slice, shape: SeriesShape): Statement[] {
  const statements: Statement[] = [];
  for (const { table: r, slice: part, parts } of plannedReads(def, slice, shape.grain, shape.zone, usedDimensions(slice, shape.groupBy))) {
    const params: Record<string, unknown> = { ...sliceParams(part) };
    if (shape.topKeys) params.top = [...shape.topKeys];
    const bucket = bucketSql(r, shape.grain);
    if (bucket.includes('{tz:')) params.tz = shape.zone;
    // Without groupBy there is one group: every row is an all-keys row.
    const grouping: Grouping = shape.groupBy
      ? {
          keys: [[bucket, 'bucket'], [keySql(shape.groupBy, shape.topKeys), 'key']],
          sets: [['bucket', 'key'], ['key'], ['bucket'], []],
          flags: [['grouping(bucket)', 'all_buckets'], ['grouping(key)', 'all_keys']],
        }
      : { keys: [[bucket, 'bucket']], sets: [['bucket'], []], flags: [['grouping(bucket)', 'all_buckets'], ['1', 'all_keys']] };
    statements.push(measuresSelect('metrics.series', r, predicates(r, part, 'range'), grouping, parts, params));
  }
  // a level carries in everything before the range
  if (KIND_RULES[def.kind].fill === 'level') statements.push(...backlogBeforeStatements(def, slice, shape.groupBy, shape.topKeys));
  return statements;
}

/** Everything in minus everything out before the range: the backlog carried in (one statement per table part). */
export function backlogBeforeStatements(def: MetricDef, slice: Slice, groupBy: Dimension | null, topKeys: readonly string[] | null): Statement[] {
  const grouping: Grouping = groupBy
    ? { keys: [[keySql(groupBy, topKeys), 'key']], sets: [['key'], []], flags: [['grouping(key)', 'all_keys']] }
    : { ...NO_GROUPING, flags: [['1', 'all_keys']] };
  return plannedReads(def, slice, null, 'UTC', usedDimensions(slice, groupBy), 'before_from').map(({ table: r, slice: part, parts }) => {
    const params: Record<string, unknown> = { ...sliceParams(part) };
    if (topKeys) params.top = [...topKeys];
    return measuresSelect('metrics.backlog_before', r, predicates(r, part, 'range'), grouping, parts, params);
  });
}

/**
 * A metric for the whole range by one or two dimensions, with the marginals of each and the
 * overall total. A backlog is read as it stands at the end of the range.
 */
export function breakdownStatements(def: MetricDef, slice: Slice, dims: readonly Dimension[], topKeys: readonly (readonly string[] | null)[]): Statement[] {
  const k1 = [keySql(dims[0]!, topKeys[0] ?? null, 'top1'), 'k1'] as const;
  const grouping: Grouping = dims.length === 2
    ? {
        keys: [k1, [keySql(dims[1]!, topKeys[1] ?? null, 'top2'), 'k2']],
        sets: [['k1', 'k2'], ['k1'], ['k2'], []],
        flags: [['grouping(k1)', 'all_1'], ['grouping(k2)', 'all_2']],
      }
    : { keys: [k1], sets: [['k1'], []], flags: [['grouping(k1)', 'all_1']] };
  const time = KIND_RULES[def.kind].window === 'to_end' ? 'before_to' : 'range';
  const statements: Statement[] = [];
  for (const { table: r, slice: part, parts } of plannedReads(def, slice, null, 'UTC', usedDimensions(slice, ...dims), time)) {
    const params: Record<string, unknown> = { ...sliceParams(part) };
    if (topKeys[0]) params.top1 = [...topKeys[0]];
    if (topKeys[1]) params.top2 = [...topKeys[1]];
    statements.push(measuresSelect('metrics.breakdown', r, predicates(r, part, 'range'), grouping, parts, params));
  }
  return statements;
}

/** A metric over the whole range, one row per rollup; a backlog as it stands at the end of the range. */
export function totalStatements(def: MetricDef, slice: Slice): Statement[] {
  const time = KIND_RULES[def.kind].window === 'to_end' ? 'before_to' : 'range';
  return plannedReads(def, slice, null, 'UTC', usedDimensions(slice), time).map(({ table: r, slice: part, parts }) =>
    measuresSelect('metrics.total', r, predicates(r, part, 'range'), NO_GROUPING, parts, sliceParams(part)));
}

/** One grouping of an oldest-wait statement: a dimension, with its top values (the rest fold into Other). */
export interface WaitKey {
  dimension: Dimension;
  topKeys: readonly string[] | null;
}

/**
 * The oldest item still waiting at each of `ends`, per queue and key: a queue worked first in,
 * first out has, at time t, its oldest waiting item in the first hour whose cumulative inflow
 * exceeds everything reviewed before t. One row per (keys, queue) with the hour (Unix seconds, 0
 * when nothing waits) for each end; the flows run from the start of the data.
 */
export function oldestWaitStatement(def: MetricDef, slice: Slice, keys: readonly WaitKey[], ends: readonly number[]): Statement {
  const r = ROLLUPS[def.rollup];
  const params: Record<string, unknown> = { ...sliceParams(slice), ends: ends.map(toClickHouseDateTime) };
  const keyColumns = keys.map((k, i) => {
    if (k.topKeys) params[`top${i + 1}`] = [...k.topKeys];
    return `${keySql(k.dimension, k.topKeys, `top${i + 1}`)} AS k${i + 1}`;
  });
  const keyNames = keys.map((_, i) => `k${i + 1}`);
  const groupKeys = [...keyNames, 'queue'].join(', ');
  const inner = [...keyColumns, 'queue', 'hour', `${def.numerator!.sql} AS inflow`, `${def.denominator!.sql} AS outflow`].join(', ');
  return {
    operation: 'metrics.oldest_wait',
    sql:
      `SELECT ${groupKeys},
` +
      `  arrayMap(t -> toUnixTimestamp(arrayFirst((h, c) -> h < t AND c > arraySum(arrayFilter((o, oh) -> oh < t, outflows, hours)), hours, arrayCumSum(inflows))), {ends:Array(DateTime('UTC'))}) AS oldest
` +
      `FROM (
  SELECT ${groupKeys}, arraySort(x -> x.1, groupArray((hour, inflow, outflow))) AS flows,
` +
      `    arrayMap(x -> x.1, flows) AS hours, arrayMap(x -> x.2, flows) AS inflows, arrayMap(x -> x.3, flows) AS outflows
` +
      `  FROM (
    SELECT ${inner}
    FROM ${r.table}
    WHERE ${predicates(r, slice, 'before_to').join(' AND ') || '1'}
    GROUP BY ${[...keyNames, 'queue', 'hour'].join(', ')}
  )
  GROUP BY ${groupKeys}
)`,
    params,
  };
}
