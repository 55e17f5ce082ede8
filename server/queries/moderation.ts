// Moderation reads, from the hourly rollup only. Column names come from the allow-list below;
// every value is a bound parameter.
import type { Database } from '../db/database.js';
import type { Grain, ModerationDimension } from '../graphql/generated.js';
import { toClickHouseDateTime, fromClickHouseDateTime } from '../domain/time.js';
import type { Slice } from '../graphql/inputs.js';

export const MODERATION_DIMENSION_COLUMNS: Record<ModerationDimension, string> = {
  REGION: 'region',
  COUNTRY: 'country',
  POLICY: 'policy',
  CONTENT_TYPE: 'content_type',
  DETECTION_SOURCE: 'detection_source',
  ENFORCEMENT_PATH: 'enforcement_path',
  ACTION: 'action',
};

/** Bucket expressions over the rollup's `hour` column (UTC); weeks start on Monday. */
export const BUCKET_SQL: Record<Grain, string> = {
  HOUR: 'hour',
  DAY: 'toStartOfDay(hour)',
  WEEK: "toDateTime(toMonday(hour), 'UTC')",
};

export interface CountRow {
  bucket: number;
  key: string;
  value: number;
}

/** The WHERE clause shared by rollup reads: the time range and the slice filters that are set. */
export function sliceWhere(timeColumn: string, slice: Slice): string {
  const parts = [`${timeColumn} >= {from:DateTime('UTC')}`, `${timeColumn} < {to:DateTime('UTC')}`];
  if (slice.regions.length) parts.push('region IN {regions:Array(String)}');
  if (slice.policies.length) parts.push('policy IN {policies:Array(String)}');
  return parts.join(' AND ');
}

export function sliceParams(from: number, to: number, slice: Slice): Record<string, unknown> {
  return { from: toClickHouseDateTime(from), to: toClickHouseDateTime(to), regions: slice.regions, policies: slice.policies };
}

export function decisionsSeriesSql(grain: Grain, slice: Slice, groupBy: ModerationDimension | null): string {
  const key = groupBy ? MODERATION_DIMENSION_COLUMNS[groupBy] : "'all'";
  return `SELECT ${BUCKET_SQL[grain]} AS bucket, ${key} AS key, sum(decisions) AS value
FROM moderation_hourly
WHERE ${sliceWhere('hour', slice)}
GROUP BY bucket, key
ORDER BY bucket, key`;
}

export async function decisionsSeries(
  db: Database,
  q: { from: number; to: number; grain: Grain; slice: Slice; groupBy: ModerationDimension | null },
): Promise<CountRow[]> {
  const rows = await db.select<{ bucket: string; key: string; value: string }>(
    'moderation.decisions_series',
    decisionsSeriesSql(q.grain, q.slice, q.groupBy),
    sliceParams(q.from, q.to, q.slice),
  );
  return rows.map((r) => ({ bucket: fromClickHouseDateTime(r.bucket), key: String(r.key), value: Number(r.value) }));
}

/** First and last hour with moderation decisions, or null on an empty database. */
export async function moderationDataSpan(db: Database): Promise<{ from: number; to: number } | null> {
  const rows = await db.select<{ n: string; first: string; last: string }>(
    'moderation.data_span',
    'SELECT count() AS n, min(hour) AS first, max(hour) AS last FROM moderation_hourly',
  );
  const r = rows[0];
  if (!r || Number(r.n) === 0) return null;
  return { from: fromClickHouseDateTime(r.first), to: fromClickHouseDateTime(r.last) };
}
