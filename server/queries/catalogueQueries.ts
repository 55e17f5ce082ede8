// What the data holds: the values of every dimension, and the time span of the data.
import type { Database } from '../db/database.js';
import type { Dimension } from '../domain/vocabulary.generated.js';
import type { ScopedDimension } from '../access/access.js';
import { TABLES, type RollupId, type TableId } from '../definitions/rollups.js';
import { fromClickHouseDateTime } from '../domain/time.js';
import type { Statement } from './statements.js';

/**
 * The table each rollup's values are kept from in dimension_values (its `source`): the one migration
 * 0024's views follow, which was the rollup's coarsest copy then (its daily twin where one was kept).
 * The annotation rollups' daily twins came later (0025) and hold the same values: the catalogue
 * keeps following the hourly tables rather than writing every value twice.
 */
const SOURCE: Readonly<Record<RollupId, TableId>> = {
  moderation: 'moderationDaily',
  moderationByRegionPolicy: 'moderationByRegionPolicyDaily',
  reviewFlow: 'reviewFlowDaily',
  appeals: 'appealsDaily',
  modelPerformance: 'modelPerformance',
  modelScores: 'modelScores',
  annotationLabels: 'annotationLabels',
  annotationTasks: 'annotationTasks',
  qaAudits: 'qaAudits',
  taskAnswers: 'taskAnswers',
};

/** The tables whose values dimension_values keeps (its `source`), one per rollup. */
export function catalogueSources(): { table: string; dimensions: readonly Dimension[] }[] {
  return Object.values(SOURCE).map((id) => TABLES[id]);
}

/**
 * Distinct values of every dimension across the rollups that hold it (empty strings left out),
 * read from dimension_values, which views on the rollups fill as rows arrive (migration 0024): it
 * costs what the distinct values do, not the rollups' rows. With restrictions (a scope: dimension →
 * allowed values), only sources that keep every restricted dimension are read, and only values
 * that appear in their rows inside the restrictions (each kept with the scope values of its row).
 */
export function dimensionValuesStatement(restrict: readonly [ScopedDimension, readonly string[]][] = []): Statement {
  const params: Record<string, unknown> = {
    sources: catalogueSources().filter((r) => restrict.every(([d]) => r.dimensions.includes(d))).map((r) => r.table),
  };
  const where = ['source IN {sources:Array(String)}'];
  for (const [d, values] of restrict) {
    params[`s_${d.toLowerCase()}`] = [...values];
    where.push(`${SCOPE_COLUMNS[d]} IN {s_${d.toLowerCase()}:Array(String)}`);
  }
  return {
    operation: 'catalogue.dimension_values',
    sql: `SELECT dimension, value FROM dimension_values WHERE ${where.join(' AND ')} GROUP BY dimension, value ORDER BY dimension, value`,
    params,
  };
}

/** dimension_values' column of each scope dimension (named as in the rollups). */
const SCOPE_COLUMNS: Readonly<Record<ScopedDimension, string>> = { REGION: 'region', COUNTRY: 'country', VENDOR: 'vendor' };

export async function dimensionValues(db: Database, restrict: readonly [ScopedDimension, readonly string[]][] = []): Promise<Map<Dimension, string[]>> {
  const s = dimensionValuesStatement(restrict);
  const rows = await db.select<{ dimension: Dimension; value: string }>(s.operation, s.sql, s.params);
  const out = new Map<Dimension, string[]>();
  for (const r of rows) out.set(r.dimension, [...(out.get(r.dimension) ?? []), r.value]);
  return out;
}

/**
 * First and last hour with moderation decisions, or null on an empty database: the first and last
 * UTC day from the daily region × policy rollup (96 rows a day), then the hours of only those two
 * days from the hourly one.
 */
export async function moderationDataSpan(db: Database): Promise<{ from: number; to: number } | null> {
  const rows = await db.select<{ n: string; first: string; last: string }>(
    'catalogue.data_span',
    `WITH (SELECT min(day) FROM moderation_region_policy_daily) AS first_day, (SELECT max(day) FROM moderation_region_policy_daily) AS last_day
SELECT
  (SELECT count() FROM moderation_region_policy_daily) AS n,
  (SELECT min(hour) FROM moderation_region_policy_hourly WHERE hour >= toDateTime(first_day, 'UTC') AND hour < toDateTime(first_day, 'UTC') + INTERVAL 1 DAY) AS first,
  (SELECT max(hour) FROM moderation_region_policy_hourly WHERE hour >= toDateTime(last_day, 'UTC')) AS last`,
  );
  const r = rows[0];
  if (!r || Number(r.n) === 0) return null;
  return { from: fromClickHouseDateTime(r.first), to: fromClickHouseDateTime(r.last) };
}
