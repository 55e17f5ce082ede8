// What the data holds: the values of every dimension, and the time span of the data.
import type { Database } from '../db/database.js';
import type { Dimension } from '../domain/vocabulary.generated.js';
import { DIMENSIONS } from '../definitions/dimensions.js';
import { ROLLUPS, TABLES, type RollupId } from '../definitions/rollups.js';
import { coarsestCopy } from '../definitions/tableDecider.js';
import { fromClickHouseDateTime } from '../domain/time.js';
import type { Statement } from './statements.js';

/**
 * Distinct values of every dimension across the rollups that hold it (empty strings left out),
 * each read from its daily twin where one is kept: the same keys in ~1/24 of the rows, so the
 * catalogue's periodic re-read costs what the dimension combinations do, not the events.
 * With restrictions (a scope: dimension → allowed values), only rollups that keep every
 * restricted dimension are read, and only their rows inside the restrictions.
 */
export function dimensionValuesStatement(restrict: readonly [Dimension, readonly string[]][] = []): Statement {
  const selects: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [d, values] of restrict) params[`s_${d.toLowerCase()}`] = [...values];
  const where = restrict.map(([d]) => `${DIMENSIONS[d].column} IN {s_${d.toLowerCase()}:Array(String)}`).join(' AND ');
  for (const id of Object.keys(ROLLUPS) as RollupId[]) {
    const r = TABLES[coarsestCopy(id)];
    const kept = r.dimensions as readonly Dimension[];
    if (!restrict.every(([d]) => kept.includes(d))) continue;
    for (const d of r.dimensions) {
      const column = DIMENSIONS[d].column;
      selects.push(`SELECT '${d}' AS dimension, toString(${column}) AS value FROM ${r.table}${where ? ` WHERE ${where}` : ''} GROUP BY value`);
    }
  }
  if (selects.length === 0) return { operation: 'catalogue.dimension_values', sql: "SELECT '' AS dimension, '' AS value WHERE 0", params };
  return {
    operation: 'catalogue.dimension_values',
    sql: `SELECT dimension, value FROM (\n${selects.join('\nUNION ALL\n')}\n) WHERE value != '' GROUP BY dimension, value ORDER BY dimension, value`,
    params,
  };
}

export async function dimensionValues(db: Database, restrict: readonly [Dimension, readonly string[]][] = []): Promise<Map<Dimension, string[]>> {
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
