// SQL of ingestion through the journal (migration 0014 explains the design): which event ids a
// stream already holds, the journal insert, and the two replayable INSERT … SELECT of a batch.
import type { Statement } from './statements.js';

/** Event ids of a stream already accepted, among the given ones (a primary-key lookup). */
export function seenStatement(stream: string, ids: readonly string[]): Statement {
  return {
    operation: 'ingest.seen',
    sql: 'SELECT event_id FROM ingest_seen WHERE stream = {stream:String} AND event_id IN {ids:Array(String)}',
    params: { stream, ids: [...ids] },
  };
}

/** Batch tokens are our own random hex; only they (and identifiers from the stream definitions)
 *  are written into SQL text, because a SETTINGS clause and a column list take no parameters. */
const BATCH_TOKEN = /^[0-9a-f]{32}$/;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** ClickHouse types a journal row's fields are read as (the insert then converts to the column's). */
const COLUMN_TYPE = /^(String|UInt8|UInt32|Float64|DateTime\('UTC'\)|Array\(String\))$/;

function checkToken(token: string): string {
  if (!BATCH_TOKEN.test(token)) throw new Error('invalid batch token');
  return token;
}

export interface JournalColumn {
  name: string;
  type: string;
}

/**
 * Step 1: the batch's new rows, one block: {stream, batch_token, event_id, row, at} with row the
 * record as a JSON object, stored as its text (cheaper than sending it as an escaped string).
 */
export const JOURNAL_INSERT_SQL =
  'INSERT INTO ingest_journal (stream, batch_token, event_id, row, at) SETTINGS input_format_json_read_objects_as_strings = 1 FORMAT JSONEachRow';

/**
 * The settings of a replayable INSERT … SELECT: the batch token as deduplication token, checked
 * again by every rollup, and blocks formed the same way on every attempt (the defaults, pinned so
 * that a changed profile between a crash and the replay cannot regroup the rows).
 */
function replaySettings(token: string): string {
  return (
    `insert_deduplication_token = '${token}', deduplicate_blocks_in_dependent_materialized_views = 1, ` +
    'min_insert_block_size_rows = 1048449, min_insert_block_size_bytes = 268435456, max_insert_block_size = 1048449, insert_null_as_default = 1'
  );
}

/** Step 2: the raw table from the journal; params of journalBatchParams. */
export function rawFromJournalSql(table: string, columns: readonly JournalColumn[], token: string): string {
  if (![table, ...columns.map((c) => c.name)].every((c) => IDENTIFIER.test(c))) throw new Error('invalid identifier');
  if (!columns.every((c) => COLUMN_TYPE.test(c.type))) throw new Error('invalid column type');
  const names = columns.map((c) => c.name);
  return (
    `INSERT INTO ${table} (${names.join(', ')}) SETTINGS ${replaySettings(checkToken(token))} ` +
    `SELECT ${names.map((n) => `tupleElement(r, '${n}')`).join(', ')} FROM (` +
    'SELECT event_id, JSONExtract(row, {tuple:String}) AS r FROM ingest_journal WHERE stream = {stream:String} AND batch_token = {token:String}) ORDER BY event_id'
  );
}

/**
 * The JSONExtract type of a journal row, e.g. Tuple(decision_id Nullable(String), …). Every scalar
 * element is Nullable: a row without an optional field gives NULL, which the insert turns into the
 * column's DEFAULT (insert_null_as_default), as a JSON insert of the row would. An Array cannot be
 * Nullable: a row without a list field reads [], which is every list column's DEFAULT.
 */
export function journalTupleType(columns: readonly JournalColumn[]): string {
  return `Tuple(${columns.map((c) => `${c.name} ${c.type.startsWith('Array(') ? c.type : `Nullable(${c.type})`}`).join(', ')})`;
}

/** Step 3: the batch's ids into ingest_seen; its view marks the batch done. */
export function seenFromJournalSql(token: string): string {
  return (
    `INSERT INTO ingest_seen (stream, event_id, batch_token, at) SETTINGS ${replaySettings(`${checkToken(token)}-seen`)} ` +
    'SELECT stream, event_id, batch_token, at FROM ingest_journal WHERE stream = {stream:String} AND batch_token = {token:String} ORDER BY event_id'
  );
}

/** A batch whose journal is empty (it failed before its rows were stored): done, nothing to write. */
export const EMPTY_BATCH_DONE_SQL =
  "INSERT INTO ingest_batches (stream, batch_token, state, events, at) SELECT {stream:String}, {token:String}, 'done', 0, now()";

/** Batches journaled in the last 30 days but not done: left by a crash or a failed write. */
export const UNFINISHED_BATCHES: Statement = {
  operation: 'ingest.unfinished',
  sql: `SELECT stream, batch_token FROM ingest_batches WHERE at >= now() - INTERVAL 30 DAY
        GROUP BY stream, batch_token HAVING countIf(state = 'done') = 0 ORDER BY min(at), batch_token`,
  params: {},
};

/** The columns a journaled batch was written with (every key of its rows; none when it has no row). */
export function journalColumnsStatement(stream: string, token: string): Statement {
  return {
    operation: 'ingest.journal_columns',
    sql: 'SELECT arraySort(groupUniqArrayArray(JSONExtractKeys(row))) AS columns FROM ingest_journal WHERE stream = {stream:String} AND batch_token = {token:String} HAVING count() > 0',
    params: { stream, token },
  };
}

/** Whether this database has the journal yet (before migration 0014 there is nothing to finish). */
export const HAS_JOURNAL: Statement = {
  operation: 'ingest.has_journal',
  sql: "SELECT count() AS n FROM system.tables WHERE database = currentDatabase() AND name = 'ingest_batches'",
  params: {},
};
