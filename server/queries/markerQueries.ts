// Events drawn on charts: model rollouts and rollbacks, and the current version of each incident
// note. Small event tables, read directly (not rollups).
import type { Statement } from './statements.js';
import { toClickHouseDateTime } from '../domain/time.js';
import { readableCondition, regionFilterCondition, type DocumentBounds } from './documentScope.js';

/**
 * Markers of [from, to) that concern the given regions / policies (empty: all), and that the
 * asker may read: a rollout is about its region (no vendor), a note about what it names.
 */
export function markersStatement(from: number, to: number, regions: readonly string[], policies: readonly string[], bounds: DocumentBounds): Statement {
  const readable = readableCondition(bounds);
  const byRegion = regionFilterCondition(regions);
  return {
    operation: 'markers.list',
    sql: `SELECT kind, toUnixTimestamp(at) AS at, ends_at, title, detail, regions, countries, policies, models, vendors FROM (
  SELECT if(event = 'rollback', 'ROLLBACK', 'ROLLOUT') AS kind, at, CAST(NULL, 'Nullable(UInt32)') AS ends_at,
         concat(model_id, ' ', model_version, if(event = 'rollback', ' (rollback)', ''), ' in ', region) AS title, note AS detail,
         [toString(region)] AS regions, CAST([], 'Array(String)') AS countries, CAST([], 'Array(String)') AS policies, [concat(model_id, ' ', model_version)] AS models, CAST([], 'Array(String)') AS vendors
  FROM model_rollouts
  WHERE at >= {from:DateTime('UTC')} AND at < {to:DateTime('UTC')}
  UNION ALL
  SELECT 'INCIDENT', starts_at, toUnixTimestamp(ends_at), title, body,
         arrayMap(x -> toString(x), regions), arrayMap(x -> toString(x), countries), arrayMap(x -> toString(x), policies), arrayMap(x -> toString(x), models), arrayMap(x -> toString(x), vendors)
  FROM (SELECT * FROM incident_notes ORDER BY note_id, version DESC LIMIT 1 BY note_id)
  WHERE is_deleted = 0 AND starts_at < {to:DateTime('UTC')} AND ends_at >= {from:DateTime('UTC')}
)
WHERE ${byRegion.sql}
  AND (empty({policies:Array(String)}) OR empty(policies) OR hasAny(policies, {policies:Array(String)}))
  AND ${readable.sql}
ORDER BY at, kind, title`,
    params: { from: toClickHouseDateTime(from), to: toClickHouseDateTime(to), policies: [...policies], ...byRegion.params, ...readable.params },
  };
}
