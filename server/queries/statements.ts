// The statement runner of the query layer: every SQL statement is a Statement (an operation name
// for logs and query ids, the SQL, its bound parameters), built by the *Queries modules and run
// here, where answers of read-only dashboard statements are shared through the answer cache.
import type { Database } from '../db/database.js';
import { noteUnkeepableRead, statementKey } from '../db/answerCache.js';
import { tablesNamedIn } from '../db/tableFeeds.js';
import { AGREEMENT_TABLES, refreshAgreement } from './agreementRefresh.js';
import { mergedSelect, type MergeShape } from './statementMerger.js';

export interface Statement {
  operation: string;
  sql: string;
  params: Record<string, unknown>;
  /** the same statement as keys, measures and the rest: may be sent with others of its shape */
  merge?: MergeShape;
}

/**
 * The statements whose answers may be shared and kept (db/answerCache.ts): read-only dashboard
 * reads of event data and rollups, and the lists of incident notes and markers (whose writes expire
 * them at once: tableFeeds.ts SEEN_AT_ONCE). Everything else — accounts, sessions, tokens, the
 * audit log, targets, retrospective items, ingestion's own look-ups — always goes to the engine,
 * where a stale answer would be wrong.
 */
export const CACHEABLE_OPERATIONS: ReadonlySet<string> = new Set([
  'metrics.top_keys', 'metrics.series', 'metrics.backlog_before', 'metrics.breakdown', 'metrics.total', 'metrics.oldest_wait',
  'models.curve', 'models.score_histogram',
  'annotation.annotator_pair', 'annotation.annotators', 'annotation.paired_annotators',
  'markers.list', 'incident_notes.list',
]);

/**
 * Runs a statement; the rows come back as ClickHouse's JSON (64-bit integers as strings). Answers
 * of cacheable statements are shared and frozen: callers read them, never change them; each is
 * kept with the tables its SQL names, so only a write to one of those expires it.
 */
export async function run<T = Record<string, unknown>>(db: Database, s: Statement): Promise<T[]> {
  const tables = tablesNamedIn(s.sql);
  const compute = async () => {
    // agreement's precomputed halves catch up with the labels before they are read
    if (tables?.some((t) => AGREEMENT_TABLES.includes(t))) await refreshAgreement(db);
    return s.merge ? mergedSelect<T>(db, s.operation, s.merge, s.params) : db.select<T>(s.operation, s.sql, s.params);
  };
  if (!db.answers || !CACHEABLE_OPERATIONS.has(s.operation)) {
    // an answer composed from this one cannot be kept either (it would miss this one's changes)
    noteUnkeepableRead();
    return compute();
  }
  return (await db.answers.through(statementKey(s.operation, s.sql, s.params), compute, tables)) as T[];
}
