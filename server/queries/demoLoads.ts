// The demo loads' markers (migration 0014): started with its options, complete at the end.
import type { Statement } from './statements.js';

export const DEMO_LOAD_MARK_SQL =
  'INSERT INTO demo_loads (load_id, options, state, at) SELECT {load:String}, {options:String}, {state:String}, now64(3)';

/** Loads started and never completed, oldest first. */
export const UNFINISHED_DEMO_LOADS: Statement = {
  operation: 'seed.unfinished',
  sql: `SELECT load_id, argMin(options, at) AS options FROM demo_loads
        GROUP BY load_id HAVING countIf(state = 'complete') = 0 ORDER BY min(at), load_id`,
  params: {},
};

export const DEMO_NOTE_EXISTS: (noteId: string) => Statement = (noteId) => ({
  operation: 'seed.note_exists',
  sql: 'SELECT count() AS n FROM incident_notes WHERE note_id = {id:String}',
  params: { id: noteId },
});

/** The demo's model rollouts, repeated without effect by a resumed load (deduplication token). */
export function rolloutsInsertSql(token: string): string {
  if (!/^[a-z0-9_-]{1,100}$/.test(token)) throw new Error('invalid deduplication token');
  return `INSERT INTO model_rollouts SETTINGS insert_deduplication_token = '${token}' FORMAT JSONEachRow`;
}

/** Tables the demo's DSA service fills with JSON rows (server/demo/dsa.ts). */
const DEMO_JSON_TABLES = new Set([
  'moderation_decisions', 'appeal_events', 'dsa_notices', 'dsa_orders', 'dsa_disputes', 'dsa_suspensions', 'dsa_active_recipients',
  'dsa_moderation_staff', 'dsa_report_texts', 'model_predictions', 'ground_truth_labels',
]);

/** An insert of demo rows into an allow-listed table, repeated without effect by a resumed load (deduplication token). */
export function demoInsertSql(table: string, token: string): string {
  if (!DEMO_JSON_TABLES.has(table)) throw new Error(`the demo does not write ${table}`);
  if (!/^[a-z0-9_-]{1,100}$/.test(token)) throw new Error('invalid deduplication token');
  return `INSERT INTO ${table} SETTINGS insert_deduplication_token = '${token}' FORMAT JSONEachRow`;
}
