// SQL of ingestion through the journal (migrations 0014 and 0020 explain the design): which event
// ids a stream already holds, the journal insert, and the two replayable inserts of a batch; and
// the INSERT … SELECT that complete a batch an older version left in the row journal (0014).
import type { Statement } from './statements.js';
import type { TextInsert } from '../db/database.js';

/**
 * Event ids of a stream already accepted, among the given ones (a primary-key lookup). The ids
 * travel as one comma-separated string, split by the engine: binding an Array(String) of 10,000
 * ids costs more than the lookup (ids are letters, digits and . _ : -, never a comma).
 */
export function seenStatement(stream: string, ids: readonly string[]): Statement {
  return {
    operation: 'ingest.seen',
    sql: "SELECT event_id FROM ingest_seen WHERE stream = {stream:String} AND event_id IN (SELECT arrayJoin(splitByChar(',', {ids:String})))",
    params: { stream, ids: ids.join(',') },
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
 * Step 1 (since migration 0020): the batch as one row of ingest_batch_journal — its event ids and
 * the raw table's rows as text — sent as one CSV record (journalLine): the ids and the body are
 * quoted fields, in which newlines and tabs stand as they are, so the body is copied without
 * escaping (only a double quote, rare, is doubled).
 */
export const BATCH_JOURNAL_INSERT: TextInsert = {
  table: 'ingest_batch_journal', columns: ['stream', 'batch_token', 'events', 'ids', 'body', 'at', 'format'], settings: {}, format: 'CSV',
};

/** The formats a journaled body may be in: JSONEachRow before migration 0023, its header and values since. */
export type BodyFormat = 'JSONEachRow' | 'TabSeparatedWithNames';
const BODY_FORMATS: readonly BodyFormat[] = ['JSONEachRow', 'TabSeparatedWithNames'];

/** A journaled batch, as written and as read back for a replay. */
export interface JournaledBatch {
  /** event ids, in the order of the body's rows */
  ids: string[];
  /** the raw table's rows, one per line (after the header line of a TabSeparatedWithNames body) */
  body: string;
  format: BodyFormat;
  /** ClickHouse DateTime text of when it was journaled */
  at: string;
}

/** A journal row's format, checked: it chooses the statement's FORMAT and settings. */
export function bodyFormat(text: string): BodyFormat {
  const format = BODY_FORMATS.find((f) => f === text);
  if (!format) throw new Error(`unknown journal body format ${JSON.stringify(text.slice(0, 40))}`);
  return format;
}

/** A quoted CSV field: the text as it is, a double quote doubled. */
const csv = (text: string) => `"${text.includes('"') ? text.replace(/"/g, '""') : text}"`;

export function journalLine(stream: string, token: string, batch: JournaledBatch): string {
  return `${csv(stream)},${checkToken(token)},${batch.ids.length},${csv(batch.ids.join('\n'))},${csv(batch.body)},${csv(batch.at)},${csv(batch.format)}\n`;
}

/** A batch's journal row (none for a batch journaled before migration 0020, or never stored). */
export function batchJournalStatement(stream: string, token: string): Statement {
  return {
    operation: 'ingest.journal_batch',
    sql: 'SELECT ids, body, at, format FROM ingest_batch_journal WHERE stream = {stream:String} AND batch_token = {token:String} LIMIT 1',
    params: { stream, token },
  };
}

/**
 * Step 2: the raw table, from the journaled body as is, with the batch token as deduplication
 * token: a replay sends the same bytes with the same settings, so it forms the same blocks, and
 * ClickHouse skips those already written (in the raw table and in each rollup).
 */
export function rawInsert(table: string, token: string, format: BodyFormat): TextInsert {
  if (!IDENTIFIER.test(table)) throw new Error('invalid identifier');
  const settings = replaySettings(checkToken(token));
  // an empty field is the column's DEFAULT, as a field left out of a JSON row (rowText.ts)
  if (format === 'TabSeparatedWithNames') Object.assign(settings, { input_format_tsv_empty_as_default: 1, input_format_defaults_for_omitted_fields: 1 });
  return { table, settings, format };
}

/** Step 3: the batch's ids into ingest_seen (its view marks the batch done); rows of seenRows. */
export function seenInsert(token: string): TextInsert {
  return { table: 'ingest_seen', columns: ['stream', 'event_id', 'batch_token', 'at'], settings: replaySettings(`${checkToken(token)}-seen`), format: 'TabSeparated' };
}

/** The seen rows of a batch, always the same text for the same journaled batch. */
export function seenRows(stream: string, token: string, batch: JournaledBatch): string {
  const tail = `\t${checkToken(token)}\t${batch.at}\n`;
  let out = '';
  for (const id of batch.ids) out += `${stream}\t${id}${tail}`;
  return out;
}

/**
 * The settings of a replayable insert: the batch token as deduplication token, checked
 * again by every rollup, and blocks formed the same way on every attempt (the defaults, pinned so
 * that a changed profile between a crash and the replay cannot regroup the rows).
 */
function replaySettings(token: string): Record<string, string | number> {
  return {
    insert_deduplication_token: token, deduplicate_blocks_in_dependent_materialized_views: 1,
    min_insert_block_size_rows: 1048449, min_insert_block_size_bytes: 268435456, max_insert_block_size: 1048449, insert_null_as_default: 1,
  };
}

/** The same settings as a SETTINGS clause (the token is our own hex, checked). */
function replaySettingsClause(token: string): string {
  return Object.entries(replaySettings(token)).map(([k, v]) => `${k} = ${typeof v === 'number' ? v : `'${v}'`}`).join(', ');
}

/** Before 0020, step 2: the raw table from the row journal (batches left unfinished by an older version). */
export function rawFromJournalSql(table: string, columns: readonly JournalColumn[], token: string): string {
  if (![table, ...columns.map((c) => c.name)].every((c) => IDENTIFIER.test(c))) throw new Error('invalid identifier');
  if (!columns.every((c) => COLUMN_TYPE.test(c.type))) throw new Error('invalid column type');
  const names = columns.map((c) => c.name);
  return (
    `INSERT INTO ${table} (${names.join(', ')}) SETTINGS ${replaySettingsClause(checkToken(token))} ` +
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

/** Before 0020, step 3: the batch's ids from the row journal into ingest_seen. */
export function seenFromJournalSql(token: string): string {
  return (
    `INSERT INTO ingest_seen (stream, event_id, batch_token, at) SETTINGS ${replaySettingsClause(`${checkToken(token)}-seen`)} ` +
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
