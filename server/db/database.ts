// The one door to ClickHouse. Everything goes through @clickhouse/client: by default plugged into
// the embedded engine (chDB) on a data folder, or, when CLICKHOUSE_URL is set, a ClickHouse server.
// The SQL is the same both ways; settings travel in each statement's SETTINGS clause (not as
// client settings) because chDB applies client settings with a session-wide SET that would stick.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { createClient, type ClickHouseClient, type Logger as ClientLogger, type LogParams, type ErrorLogParams } from '@clickhouse/client';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { ClusterTarget } from './clusterRender.js';
import { AnswerCache } from './answerCache.js';
import { tablesChangedBy } from './tableFeeds.js';
import { InFlightLimit, defaultInFlight } from './inFlight.js';

export type QueryParams = Record<string, unknown>;

export interface Limits {
  queryTimeoutSeconds: number;
  maxResultRows: number;
}

/** A failure talking to ClickHouse, with what callers may show: the operation and the query id. */
export class DatabaseError extends Error {
  constructor(
    message: string,
    readonly operation: string,
    readonly queryId: string,
    /** ClickHouse's error name, e.g. TIMEOUT_EXCEEDED, or UNAVAILABLE when it did not answer. */
    readonly type: string,
  ) {
    super(message);
  }
}

/** Raised when the database cannot be opened at all; the message says what to do. */
export class DatabaseUnavailableError extends Error {}

const OPERATION_NAME = /^[a-z][a-z0-9_.:-]{0,79}$/;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** An insert of rows already in a line format; names from our own constants only. */
export interface TextInsert {
  table: string;
  columns?: readonly string[];
  settings: Record<string, string | number>;
  format: 'JSONEachRow' | 'TabSeparated' | 'TabSeparatedWithNames' | 'CSV';
}
type RawInsert = (params: TextInsert & { values: Buffer }) => Promise<unknown>;

function settingsClause(operation: string, settings: Record<string, number | string>): string {
  // Only our own constants reach this string: operation names are checked against OPERATION_NAME.
  const parts = Object.entries(settings).map(([k, v]) => `${k} = ${typeof v === 'number' ? v : `'${v}'`}`);
  parts.push(`log_comment = 'vigil:${operation}'`);
  return ` SETTINGS ${parts.join(', ')}`;
}

/**
 * Writes that change no cached answer: tables no cached statement reads (sessions, audit log,
 * shared state), and agreement's refresh, which only catches up with labels whose batch already
 * expired the answers that read it (tableFeeds.ts DERIVED).
 */
const KEEPS_ANSWERS = /^(sessions|audit_log|shared|agreement)\./;

export class Database {
  private inFlight = 0;
  private drained: (() => void) | null = null;
  private closing = false;
  /** Reads sent to the engine (tests and the benchmark count them: a cached answer sends none). */
  readsExecuted = 0;

  constructor(
    private readonly client: ClickHouseClient,
    readonly kind: 'embedded' | 'server',
    readonly limits: Limits,
    private readonly log: Logger,
    /** Set when the server is one node of a ClickHouse cluster (VIGIL_CLUSTER): migrations are rendered for it. */
    readonly cluster: ClusterTarget | null = null,
    /** Answers of cacheable reads (queries/statements.ts `run`); null: every read goes to the engine. */
    readonly answers: AnswerCache | null = null,
    /** The embedded engine's raw insert (bytes handed over as they are), for insertText. */
    private readonly rawInsert: RawInsert | null = null,
    /** statements at the engine at once (VIGIL_QUERIES_IN_FLIGHT); null: as many as are asked */
    readonly inFlightLimit: InFlightLimit | null = null,
  ) {}

  /**
   * Another handle on the same engine with its own answer cache: a second Vigil server in tests
   * (chDB opens a data folder once per process). Closing it closes the engine for both.
   */
  withAnswerCache(answers: AnswerCache | null): Database {
    return new Database(this.client, this.kind, this.limits, this.log, this.cluster, answers);
  }

  /** A dashboard read: read-only, time- and size-limited, tagged with the operation. */
  async select<T>(operation: string, sql: string, params: QueryParams = {}, settings: Record<string, number | string> = {}): Promise<T[]> {
    const clause = settingsClause(operation, {
      ...settings,
      readonly: 2,
      max_execution_time: this.limits.queryTimeoutSeconds,
      max_result_rows: this.limits.maxResultRows,
      result_overflow_mode: 'throw',
      // GROUPING() = 1 marks a column rolled up, as in standard SQL, whatever the server's default
      force_grouping_standard_compatibility: 1,
    });
    this.readsExecuted++;
    return this.track(operation, async (query_id) => {
      const rs = await this.client.query({ query: sql + clause, query_params: params, format: 'JSONEachRow', query_id });
      return rs.json<T>();
    });
  }

  /** A statement that changes something (DDL, INSERT … SELECT — not INSERT … VALUES, which cannot
   *  carry a trailing SETTINGS clause), tagged, without the read-only limits. */
  async command(operation: string, sql: string, params: QueryParams = {}): Promise<void> {
    const clause = /^\s*(CREATE|ALTER|DROP|RENAME|TRUNCATE)\b/i.test(sql) ? '' : settingsClause(operation, {});
    await this.write(operation, (query_id) => this.client.command({ query: sql + clause, query_params: params, query_id }));
  }

  /**
   * Bulk insert of tab-separated rows in the table's column order. With a deduplication token, a
   * repeat of the insert writes only the blocks (of the table and of each view's target) that are
   * not there yet.
   */
  async insertTsv(operation: string, table: string, rows: Buffer, deduplicationToken?: string): Promise<void> {
    if (rows.length === 0) return;
    if (deduplicationToken === undefined) {
      await this.write(operation, (query_id) =>
        this.client.insert({ table, values: Readable.from([rows], { objectMode: false }), format: 'TabSeparated', query_id }),
      table);
      return;
    }
    // the table comes from our own constants; the token is checked to be a plain word
    if (!/^[a-z_][a-z0-9_]*$/.test(table) || !/^[A-Za-z0-9_.:-]{1,200}$/.test(deduplicationToken)) throw new Error('invalid table or deduplication token');
    await this.insertWith(
      operation,
      `INSERT INTO ${table} SETTINGS insert_deduplication_token = '${deduplicationToken}', deduplicate_blocks_in_dependent_materialized_views = 1 FORMAT TabSeparated`,
      rows,
      table,
    );
  }

  /**
   * `INSERT … FORMAT JSONEachRow` whose statement carries its own SETTINGS (e.g. a deduplication
   * token), fed with the rows as the body.
   */
  async insertJsonWith(operation: string, insertSql: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    // the statement is our own constant: the table it names is the one written
    const table = /^\s*INSERT INTO ([a-z_][a-z0-9_]*)/i.exec(insertSql)?.[1];
    await this.insertWith(operation, insertSql, Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n') + '\n'), table);
  }

  /**
   * An insert of rows already written as text in a line format. The embedded engine takes the bytes
   * as they are (chDB's raw insert: no copy into a SQL string, its parallel parser reads them); a
   * server gets the same statement over HTTP.
   */
  async insertText(operation: string, insert: TextInsert, body: string): Promise<void> {
    if (body.length === 0) return;
    if (![insert.table, ...(insert.columns ?? []), ...Object.keys(insert.settings)].every((x) => IDENTIFIER.test(x))) throw new Error('invalid identifier');
    if (this.rawInsert) {
      const raw = this.rawInsert;
      await this.write(operation, () => raw({ ...insert, values: Buffer.from(body) }), insert.table);
      return;
    }
    const columns = insert.columns ? ` (${insert.columns.join(', ')})` : '';
    const settings = Object.entries(insert.settings).map(([k, v]) => `${k} = ${typeof v === 'number' ? v : `'${v.replace(/[\\']/g, '\\$&')}'`}`);
    const sql = `INSERT INTO ${insert.table}${columns}${settings.length ? ` SETTINGS ${settings.join(', ')}` : ''} FORMAT ${insert.format}`;
    await this.insertWith(operation, sql, body, insert.table);
  }

  /** An INSERT statement ending in FORMAT …, fed with the body. */
  private async insertWith(operation: string, insertSql: string, body: Buffer | string, table: string | undefined): Promise<void> {
    await this.write(operation, async (query_id) => {
      const r = await this.client.exec({ query: insertSql, values: Readable.from([body], { objectMode: false }), query_id });
      r.stream.resume();
      await new Promise((resolve, reject) => r.stream.on('end', resolve).on('close', resolve).on('error', reject));
    }, table);
  }

  /** Insert of JSON objects, one per row. */
  async insertRows(operation: string, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    await this.write(operation, (query_id) =>
      this.client.insert({ table, values: rows as Record<string, unknown>[], format: 'JSONEachRow', query_id }),
    table);
  }

  async ping(): Promise<boolean> {
    try {
      const rows = await this.select<{ ok: number }>('health.ping', 'SELECT 1 AS ok');
      return rows[0]?.ok === 1;
    } catch {
      return false;
    }
  }

  /** Waits for every query in flight (chDB must never be closed under a running query), then closes. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    await this.client.close();
  }

  /**
   * A write, then the answer cache learns of it (once the engine acknowledged it). Every writer —
   * ingestion, the demo loader, imports, admin changes — goes through here, so none can forget.
   * An insert into a known `table` expires only the answers that read it or a rollup its views
   * fill, within the cache's window (answerCache.ts advance); any other write (a command, whose
   * SQL may touch anything) expires every answer at once. Writes to the sign-in tables only
   * (never cached) leave it, so signing in does not discard every answer.
   */
  private async write(operation: string, run: (queryId: string) => Promise<unknown>, table?: string): Promise<void> {
    try {
      await this.track(operation, run);
    } finally {
      // also after a failure: a write the engine reported failed may still have landed in part;
      // other servers are told before the write is acknowledged (a shared watermark)
      if (!KEEPS_ANSWERS.test(operation) && this.answers) {
        this.answers.advance(table === undefined ? null : tablesChangedBy(table));
        await this.answers.publish();
      }
    }
  }

  private async track<T>(operation: string, run: (queryId: string) => Promise<T>): Promise<T> {
    if (!OPERATION_NAME.test(operation)) throw new Error(`invalid operation name ${operation}`);
    if (this.closing) throw new DatabaseError('The database is shutting down.', operation, '', 'SHUTTING_DOWN');
    const queryId = `vigil-${operation.replace(/[^a-z0-9]+/g, '-')}-${randomUUID()}`;
    this.inFlight++;
    const started = performance.now();
    try {
      return await (this.inFlightLimit ? this.inFlightLimit.run(() => run(queryId)) : run(queryId));
    } catch (err) {
      const e = err as { type?: string; code?: string; message?: string };
      const type = e.type ?? (e.code && /^E[A-Z]+/.test(e.code) ? 'UNAVAILABLE' : 'UNKNOWN');
      this.log.warn({ operation, queryId, type, err: e.message }, 'query failed');
      throw new DatabaseError(e.message ?? String(err), operation, queryId, type);
    } finally {
      this.inFlight--;
      this.log.debug({ operation, queryId, ms: Math.round(performance.now() - started) }, 'query');
      if (this.inFlight === 0 && this.drained) this.drained();
    }
  }
}

/** The client's own log lines go to our logger at debug level: failures reach the caller as errors. */
function clientLogger(log: Logger): new () => ClientLogger {
  const write = (p: LogParams | ErrorLogParams) => log.debug({ module: p.module, args: p.args, err: (p as ErrorLogParams).err?.message }, p.message);
  return class implements ClientLogger {
    trace = write;
    debug = write;
    info = write;
    warn = write;
    error = write;
  };
}

/** Checks that the embedded engine's data folder can be used, creating it when only it is missing. */
function prepareDataDir(dataDir: string): void {
  const parent = path.dirname(dataDir);
  if (!fs.existsSync(dataDir)) {
    if (!fs.existsSync(parent)) {
      throw new DatabaseUnavailableError(
        `Data folder ${dataDir} cannot be created: its parent ${parent} does not exist. Create it or set VIGIL_DATA_DIR to another folder.`,
      );
    }
    try {
      fs.mkdirSync(dataDir);
    } catch (e) {
      throw new DatabaseUnavailableError(
        `Data folder ${dataDir} cannot be created (${(e as Error).message}). Set VIGIL_DATA_DIR to a writable folder.`,
      );
    }
  }
  if (!fs.statSync(dataDir).isDirectory()) {
    throw new DatabaseUnavailableError(`Data folder ${dataDir} is a file, not a folder. Set VIGIL_DATA_DIR to a folder.`);
  }
  try {
    fs.accessSync(dataDir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    throw new DatabaseUnavailableError(
      `Data folder ${dataDir} is not readable and writable by this user. Fix its permissions or set VIGIL_DATA_DIR to another folder.`,
    );
  }
}

/**
 * The answer cache of a connection: off with 0 MB. With a server, other processes may write, so
 * answers also expire after `staleMs`; the embedded engine's folder belongs to this process alone,
 * so there only its own writes expire them. Either way an answer may miss this process's batches
 * for up to `staleMs` (coalesced expiry: recomputed at most once per `staleMs` while they arrive).
 */
function answerCacheFor(kind: Database['kind'], cache: Config['cache'] | undefined): AnswerCache | null {
  const { maxMb, staleMs } = cache ?? DEFAULT_CACHE;
  if (maxMb <= 0) return null;
  return new AnswerCache({ maxBytes: maxMb * 1024 * 1024, staleMs: kind === 'server' ? staleMs : null, coalesceMs: staleMs });
}

const limitOf = (n: number | null) => (n === null ? null : new InFlightLimit(n));

const DEFAULT_CACHE: Config['cache'] = { maxMb: 64, staleMs: 5000 };

export async function openDatabase(
  config: Pick<Config, 'dataDir' | 'clickhouse' | 'queryTimeoutSeconds' | 'maxResultRows'> & Partial<Pick<Config, 'cluster' | 'queriesInFlight'>> & { cache?: Config['cache'] },
  log: Logger,
  /** share another connection's answer cache (ingestion's own user writes the data those answers read) */
  answers?: AnswerCache | null,
): Promise<Database> {
  const limits = { queryTimeoutSeconds: config.queryTimeoutSeconds, maxResultRows: config.maxResultRows };
  if (config.clickhouse) {
    const { url, user, password, database } = config.clickhouse;
    const inFlight = config.queriesInFlight ?? defaultInFlight('server')!;
    const client = createClient({
      url, username: user, password, database,
      request_timeout: (config.queryTimeoutSeconds + 5) * 1000,
      // a socket for each statement in flight, so none waits for a connection
      max_open_connections: inFlight,
      log: { LoggerClass: clientLogger(log) },
    });
    const ping = await client.ping();
    if (!ping.success) {
      await client.close();
      throw new DatabaseUnavailableError(
        `ClickHouse at ${url} did not answer (${ping.error.message}). Check CLICKHOUSE_URL and that the server runs, or unset CLICKHOUSE_URL to use the embedded engine.`,
      );
    }
    const db = new Database(
      client, 'server', limits, log, config.cluster ? { cluster: config.cluster, database } : null, answers !== undefined ? answers : answerCacheFor('server', config.cache),
      null, limitOf(inFlight),
    );
    if (!(await db.ping())) {
      await db.close();
      throw new DatabaseUnavailableError(
        `ClickHouse at ${url} answered but refused a query as ${user} on database ${database}. Check CLICKHOUSE_USER, CLICKHOUSE_PASSWORD and that CLICKHOUSE_DATABASE exists.`,
      );
    }
    return db;
  }
  prepareDataDir(config.dataDir);
  // Loaded lazily so a server deployment never touches the embedded engine's native library.
  const { createChdbConnection } = await import('chdb/connection');
  let connection;
  try {
    connection = createChdbConnection({ path: config.dataDir });
  } catch (e) {
    throw new DatabaseUnavailableError(
      `The embedded engine could not open ${config.dataDir} (${(e as Error).message}). Only one process may use a data folder: stop the other one or set VIGIL_DATA_DIR.`,
    );
  }
  // chdb ships its own copy of @clickhouse/client-common's types; the runtime contract is the same.
  type ClientConnection = NonNullable<Parameters<typeof createClient>[0]>['connection'];
  const client = createClient({ connection: connection as unknown as ClientConnection, log: { LoggerClass: clientLogger(log) } });
  const rawInsert: RawInsert = (params) => connection.chdb.rawInsert({ ...params, columns: params.columns ? [...params.columns] : undefined });
  return new Database(
    client, 'embedded', limits, log, null, answers !== undefined ? answers : answerCacheFor('embedded', config.cache),
    rawInsert, limitOf(config.queriesInFlight ?? defaultInFlight('embedded')),
  );
}
