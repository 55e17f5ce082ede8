// Versioned documents (incident notes, retrospective items, users, ingestion tokens, targets): every edit is a new row; the current
// document is its highest version. Writes carry the deduplication token "<id>:<version>", so two
// writers of the same version store only the first (see migration 0007).
import type { Statement } from './statements.js';
import { toClickHouseDateTime } from '../domain/time.js';
import { readableCondition, regionFilterCondition, type DocumentBounds } from './documentScope.js';

export type VersionedTable = 'incident_notes' | 'retro_items' | 'users' | 'ingest_tokens' | 'metric_targets' | 'alert_rules' | 'alert_silences' | 'dsa_report_texts';
const ID_COLUMN: Record<VersionedTable, string> = {
  incident_notes: 'note_id', retro_items: 'item_id', users: 'username', ingest_tokens: 'token_id', metric_targets: 'metric_id',
  alert_rules: 'rule_id', alert_silences: 'silence_id', dsa_report_texts: 'text_id',
};

export function latestVersionStatement(table: VersionedTable, id: string): Statement {
  return {
    operation: `${table}.latest`,
    sql: `SELECT * FROM ${table} WHERE ${ID_COLUMN[table]} = {id:String} ORDER BY version DESC LIMIT 1`,
    params: { id },
  };
}

export function historyStatement(table: VersionedTable, id: string): Statement {
  return {
    operation: `${table}.history`,
    sql: `SELECT * FROM ${table} WHERE ${ID_COLUMN[table]} = {id:String} ORDER BY version DESC`,
    params: { id },
  };
}

export function versionedInsertSql(table: VersionedTable, columns: readonly string[], id: string, version: number): string {
  if (!/^[A-Za-z0-9._@-]{1,64}$/.test(id) || !Number.isInteger(version)) throw new Error('invalid version token');
  return `INSERT INTO ${table} (${columns.join(', ')}) SETTINGS insert_deduplication_token = '${id}:${version}' FORMAT JSONEachRow`;
}

/**
 * Current, undeleted notes overlapping [from, to) that concern the given regions / policies, and
 * that the asker may read (documentScope.ts).
 */
export function notesStatement(from: number, to: number, regions: readonly string[], policies: readonly string[], bounds: DocumentBounds): Statement {
  const readable = readableCondition(bounds);
  const byRegion = regionFilterCondition(regions);
  return {
    operation: 'incident_notes.list',
    sql: `SELECT * FROM (SELECT * FROM incident_notes ORDER BY note_id, version DESC LIMIT 1 BY note_id)
WHERE is_deleted = 0 AND starts_at < {to:DateTime('UTC')} AND ends_at >= {from:DateTime('UTC')}
  AND ${byRegion.sql}
  AND (empty({policies:Array(String)}) OR empty(policies) OR hasAny(policies, {policies:Array(String)}))
  AND ${readable.sql}
ORDER BY starts_at, note_id`,
    params: { from: toClickHouseDateTime(from), to: toClickHouseDateTime(to), policies: [...policies], ...byRegion.params, ...readable.params },
  };
}

/**
 * Current items of a week, and action items of earlier weeks still open (they carry over), that
 * the asker may read (documentScope.ts).
 */
export function retroItemsStatement(week: string, bounds: DocumentBounds): Statement {
  const readable = readableCondition(bounds);
  return {
    operation: 'retro_items.list',
    sql: `SELECT * FROM (SELECT * FROM retro_items ORDER BY item_id, version DESC LIMIT 1 BY item_id)
WHERE is_deleted = 0 AND (week = {week:Date} OR (week < {week:Date} AND kind = 'ACTION' AND status = 'OPEN'))
  AND ${readable.sql}
ORDER BY week, section, updated_at`,
    params: { week, ...readable.params },
  };
}

/** The latest version of every target set by an admin. */
export function targetOverridesStatement(): Statement {
  return {
    operation: 'metric_targets.list',
    sql: 'SELECT * FROM metric_targets ORDER BY metric_id, version DESC LIMIT 1 BY metric_id',
    params: {},
  };
}
