// SQL of ingestion: which event ids a stream already holds, and the deduplicated inserts.
import type { Statement } from './metricQuery.js';

/** Event ids of a stream already accepted, among the given ones (a primary-key lookup). */
export function seenStatement(stream: string, ids: readonly string[]): Statement {
  return {
    operation: 'ingest.seen',
    sql: 'SELECT event_id FROM ingest_seen WHERE stream = {stream:String} AND event_id IN {ids:Array(String)}',
    params: { stream, ids: [...ids] },
  };
}

const TOKEN = /^[0-9a-f]{64}(-seen)?$/;

/**
 * INSERT … FORMAT JSONEachRow carrying a deduplication token: a retry with the same token writes
 * only the blocks (of the table and of each rollup fed by it) that are not there yet.
 * Table and columns come from the stream definitions; the token is our own hex digest.
 */
export function deduplicatedInsertSql(table: string, columns: readonly string[], token: string): string {
  if (!TOKEN.test(token)) throw new Error('invalid deduplication token');
  if (![table, ...columns].every((c) => /^[a-z_][a-z0-9_]*$/.test(c))) throw new Error('invalid identifier');
  return `INSERT INTO ${table} (${columns.join(', ')}) SETTINGS insert_deduplication_token = '${token}', deduplicate_blocks_in_dependent_materialized_views = 1 FORMAT JSONEachRow`;
}

export const SEEN_COLUMNS = ['stream', 'event_id', 'batch_token', 'at'] as const;
