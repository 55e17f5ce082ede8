// SQL for catalogue metrics: every statement reads one rollup, re-aggregates it, and binds every
// value as a parameter. Columns and tables come only from the catalogue, the rollup registry and
// the dimension registry. Statements are returned (not only run) so the API can show the exact
// SQL behind a figure.
import type { Database } from '../db/database.js';
import { statementKey } from '../db/answerCache.js';
import type { Dimension, Grain } from '../graphql/generated.js';
import { DIMENSIONS } from '../metrics/dimensions.js';
import { ROLLUPS, narrowestRollup, type RollupDef, type RollupId } from '../metrics/rollups.js';
import type { MetricDef } from '../metrics/catalogue.js';
import { toClickHouseDateTime } from '../domain/time.js';

/** Key of the group that adds up every value beyond the top N. */
export const OTHER_KEY = '__other__';

export interface Statement {
  operation: string;
  sql: string;
  params: Record<string, unknown>;
}

/** What to read: a half-open time range on the rollup's grain, and dimension filters. */
export interface Slice {
  from: number;
  to: number;
  filters: ReadonlyMap<Dimension, readonly string[]>;
}

type Part = 'value' | 'numerator' | 'denominator';

/**
 * The measures of a metric grouped by the rollup they read (most metrics read one), each rollup
 * the narrowest that holds the dimensions the question uses.
 */
export function partsByRollup(def: MetricDef, used: Iterable<Dimension> = []): Map<RollupId, { part: Part; sql: string }[]> {
  const dims = [...used];
  const out = new Map<RollupId, { part: Part; sql: string }[]>();
  for (const part of ['value', 'numerator', 'denominator'] as const) {
    const measure = def[part];
    if (!measure) continue;
    const sql = def.kind === 'QUANTILE' ? `sumMap(${measure.sql})` : measure.sql;
    const rollup = narrowestRollup(measure.rollup, dims);
    const list = out.get(rollup) ?? [];
    list.push({ part, sql });
    out.set(rollup, list);
  }
  return out;
}

/** The dimensions a question touches: its filters and groupings. */
function usedDimensions(slice: Slice, ...grouped: (Dimension | null | undefined)[]): Dimension[] {
  return [...slice.filters.keys(), ...grouped.filter((d): d is Dimension => !!d)];
}

/** What ranks groups for top N: the metric's volume on its main rollup. */
export function weightSql(def: MetricDef): string {
  switch (def.kind) {
    case 'QUANTILE':
      return `arraySum(sumMap(${def.value!.sql}).2)`;
    case 'AGREEMENT':
      return 'countIf(length(answers) >= 2)';
    case 'COUNT':
    case 'DISTINCT':
      return def.value!.sql;
    default: {
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

/** FROM … WHERE …: multi-labelled task rows are merged per task first, with the filters inside. */
function source(r: RollupDef, where: string[]): string {
  const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
  if (r.table === 'annotation_task_answers') {
    const keys = 'day, vendor, site, queue, language, region, policy, task_id';
    return `FROM (\n  SELECT ${keys}, groupArrayMerge(answers) AS answers\n  FROM annotation_task_answers\n  ${condition}\n  GROUP BY ${keys}\n)`;
  }
  return `FROM ${r.table}\n${condition}`;
}

/** Bucket start as a Unix timestamp; days and weeks in the zone for hourly rollups. */
function bucketSql(r: RollupDef, grain: Grain): string {
  if (r.timeColumn === 'day') {
    return grain === 'WEEK' ? "toUnixTimestamp(toDateTime(toMonday(day), 'UTC'))" : "toUnixTimestamp(toDateTime(day, 'UTC'))";
  }
  if (grain === 'HOUR') return 'toUnixTimestamp(hour)';
  if (grain === 'DAY') return 'toUnixTimestamp(toStartOfDay(hour, {tz:String}))';
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
  const r = ROLLUPS[narrowestRollup(def.rollup, usedDimensions(slice, dimension))];
  const column = DIMENSIONS[dimension].column;
  return {
    operation: 'metrics.top_keys',
    sql: `SELECT ${column} AS key, ${weightSql(def)} AS weight\n${source(r, predicates(r, slice, time))}\nGROUP BY key\nORDER BY weight DESC, key\nLIMIT {limit:UInt32}`,
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
  for (const [rollupId, parts] of partsByRollup(def, usedDimensions(slice, shape.groupBy))) {
    const r = ROLLUPS[rollupId];
    const params: Record<string, unknown> = { ...sliceParams(slice) };
    if (shape.topKeys) params.top = [...shape.topKeys];
    const bucket = bucketSql(r, shape.grain);
    if (bucket.includes('{tz:')) params.tz = shape.zone;
    // Without groupBy there is one group: every row is an all-keys row.
    const keys = shape.groupBy ? `${keySql(shape.groupBy, shape.topKeys)} AS key, grouping(bucket) AS all_buckets, grouping(key) AS all_keys` : 'grouping(bucket) AS all_buckets, 1 AS all_keys';
    const sets = shape.groupBy ? '((bucket, key), (key), (bucket), ())' : '((bucket), ())';
    statements.push({
      operation: 'metrics.series',
      sql: `SELECT ${bucket} AS bucket, ${keys},\n  ${columns(parts)}\n${source(r, predicates(r, slice, 'range'))}\nGROUP BY GROUPING SETS ${sets}`,
      params,
    });
  }
  if (def.kind === 'BACKLOG') statements.push(backlogBeforeStatement(def, slice, shape.groupBy, shape.topKeys, 'before_from'));
  return statements;
}

/** Everything in minus everything out before the range (or before its end): the backlog carried in. */
export function backlogBeforeStatement(
  def: MetricDef, slice: Slice, groupBy: Dimension | null, topKeys: readonly string[] | null, time: 'before_from' | 'before_to',
): Statement {
  const r = ROLLUPS[narrowestRollup(def.rollup, usedDimensions(slice, groupBy))];
  const params: Record<string, unknown> = { ...sliceParams(slice) };
  if (topKeys) params.top = [...topKeys];
  const grouped = groupBy !== null;
  return {
    operation: 'metrics.backlog_before',
    sql:
      `SELECT ${grouped ? `${keySql(groupBy, topKeys)} AS key, grouping(key) AS all_keys` : '1 AS all_keys'},\n  ${def.numerator!.sql} AS numerator, ${def.denominator!.sql} AS denominator\n` +
      `${source(r, predicates(r, slice, time))}${grouped ? '\nGROUP BY GROUPING SETS ((key), ())' : ''}`,
    params,
  };
}

/**
 * A metric for the whole range by one or two dimensions, with the marginals of each and the
 * overall total. A backlog is read as it stands at the end of the range.
 */
export function breakdownStatements(def: MetricDef, slice: Slice, dims: readonly Dimension[], topKeys: readonly (readonly string[] | null)[]): Statement[] {
  const two = dims.length === 2;
  const keys = two
    ? `${keySql(dims[0]!, topKeys[0] ?? null, 'top1')} AS k1, ${keySql(dims[1]!, topKeys[1] ?? null, 'top2')} AS k2, grouping(k1) AS all_1, grouping(k2) AS all_2`
    : `${keySql(dims[0]!, topKeys[0] ?? null, 'top1')} AS k1, grouping(k1) AS all_1`;
  const sets = two ? '((k1, k2), (k1), (k2), ())' : '((k1), ())';
  const time = def.kind === 'BACKLOG' ? 'before_to' : 'range';
  const statements: Statement[] = [];
  for (const [rollupId, parts] of partsByRollup(def, usedDimensions(slice, ...dims))) {
    const r = ROLLUPS[rollupId];
    const params: Record<string, unknown> = { ...sliceParams(slice) };
    if (topKeys[0]) params.top1 = [...topKeys[0]];
    if (topKeys[1]) params.top2 = [...topKeys[1]];
    statements.push({
      operation: 'metrics.breakdown',
      sql: `SELECT ${keys},\n  ${columns(parts)}\n${source(r, predicates(r, slice, time))}\nGROUP BY GROUPING SETS ${sets}`,
      params,
    });
  }
  return statements;
}

/** A metric over the whole range, one row per rollup; a backlog as it stands at the end of the range. */
export function totalStatements(def: MetricDef, slice: Slice): Statement[] {
  const time = def.kind === 'BACKLOG' ? 'before_to' : 'range';
  return [...partsByRollup(def, usedDimensions(slice))].map(([rollupId, parts]) => {
    const r = ROLLUPS[rollupId];
    return {
      operation: 'metrics.total',
      sql: `SELECT ${columns(parts)}\n${source(r, predicates(r, slice, time))}`,
      params: sliceParams(slice),
    };
  });
}

/**
 * The statements whose answers may be shared and kept (db/answerCache.ts): read-only dashboard
 * reads of event data and rollups. Everything else — accounts, sessions, tokens, the audit log,
 * notes, markers, targets, ingestion's own look-ups — always goes to the engine, where a stale
 * answer would be wrong.
 */
export const CACHEABLE_OPERATIONS: ReadonlySet<string> = new Set([
  'metrics.top_keys', 'metrics.series', 'metrics.backlog_before', 'metrics.breakdown', 'metrics.total',
  'models.curve', 'models.score_histogram',
  'annotation.annotator_pair', 'annotation.annotators', 'annotation.paired_annotators',
]);

/**
 * Runs a statement; the rows come back as ClickHouse's JSON (64-bit integers as strings). Answers
 * of cacheable statements are shared and frozen: callers read them, never change them.
 */
export async function run<T = Record<string, unknown>>(db: Database, s: Statement): Promise<T[]> {
  if (!db.answers || !CACHEABLE_OPERATIONS.has(s.operation)) return db.select<T>(s.operation, s.sql, s.params);
  return (await db.answers.through(statementKey(s.operation, s.sql, s.params), () => db.select<T>(s.operation, s.sql, s.params))) as T[];
}
