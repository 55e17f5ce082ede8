// What the data holds: the values of every dimension, and the time span of the data.
import type { Database } from '../db/database.js';
import type { Dimension } from '../graphql/generated.js';
import { DIMENSIONS } from '../metrics/dimensions.js';
import { ROLLUPS } from '../metrics/rollups.js';
import { fromClickHouseDateTime } from '../domain/time.js';
import type { Statement } from './metricQuery.js';

/** Distinct values of every dimension across the rollups that hold it (empty strings left out). */
export function dimensionValuesStatement(): Statement {
  const selects: string[] = [];
  for (const r of Object.values(ROLLUPS)) {
    for (const d of r.dimensions) {
      const column = DIMENSIONS[d].column;
      selects.push(`SELECT '${d}' AS dimension, toString(${column}) AS value FROM ${r.table} GROUP BY value`);
    }
  }
  return {
    operation: 'catalogue.dimension_values',
    sql: `SELECT dimension, value FROM (\n${selects.join('\nUNION ALL\n')}\n) WHERE value != '' GROUP BY dimension, value ORDER BY dimension, value`,
    params: {},
  };
}

export async function dimensionValues(db: Database): Promise<Map<Dimension, string[]>> {
  const s = dimensionValuesStatement();
  const rows = await db.select<{ dimension: Dimension; value: string }>(s.operation, s.sql, s.params);
  const out = new Map<Dimension, string[]>();
  for (const r of rows) out.set(r.dimension, [...(out.get(r.dimension) ?? []), r.value]);
  return out;
}

/** First and last hour with moderation decisions, or null on an empty database. */
export async function moderationDataSpan(db: Database): Promise<{ from: number; to: number } | null> {
  const rows = await db.select<{ n: string; first: string; last: string }>(
    'catalogue.data_span',
    'SELECT count() AS n, min(hour) AS first, max(hour) AS last FROM moderation_hourly',
  );
  const r = rows[0];
  if (!r || Number(r.n) === 0) return null;
  return { from: fromClickHouseDateTime(r.first), to: fromClickHouseDateTime(r.last) };
}
