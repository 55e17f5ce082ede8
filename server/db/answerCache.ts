// Answers to read-only dashboard statements, kept so the same question is not computed twice.
// A key is the exact statement (operation, SQL text, bound parameters — the asker's scope is in
// them) and the data watermark: every write through this process advances the watermark, so an
// answer computed before a write is never served after it. Other processes (several Vigil servers
// on one ClickHouse server) cannot advance it: there every answer also expires `staleMs` after its
// computation started, which bounds how long it may miss another process's batch — unless the
// watermark is shared (VIGIL_SHARED_STATE=clickhouse, `shareWatermark`): then every server
// publishes its acknowledged writes (server/db/sharedLedger.ts WriteMarks) and an answer is served
// only while the latest look at every server's writes started less than `staleMs` ago and found
// none new, so no answer older than a batch acknowledged anywhere is served more than `staleMs`
// after that acknowledgement, and an answer no one wrote against is kept until memory needs it. Identical
// questions in flight share one execution (single-flight). Memory is bounded: least recently used
// answers are dropped beyond `maxBytes` (approximate: the size of the answer's JSON and its key).
//
// Two kinds of answers share it: a statement's rows (`through`, keyed by the statement), and a
// whole API answer built from statements (`throughComposed`, keyed by the question): a composed
// answer keeps the tables every statement of its computation read, and the oldest start and first
// missed write of the cached statement answers it was built from, so it never outlives them.
import { AsyncLocalStorage } from 'node:async_hooks';
import { SEEN_AT_ONCE } from './tableFeeds.js';

/**
 * A shared watermark's source (server/db/sharedLedger.ts): each server numbers its acknowledged
 * writes; the signature of every server's latest number changes whenever any server wrote.
 */
export interface WriteMarks {
  /** After a write was acknowledged by the engine, before it is acknowledged to the asker. */
  publish(): Promise<void>;
  /** Changes whenever another server published since the last call's answer (this server's own
   *  writes expire its answers by table, `advance`; it may also change for those). */
  signature(): Promise<string>;
}

export interface AnswerCacheOptions {
  maxBytes: number;
  /** expire answers this long after their computation started; null: only writes expire them */
  staleMs: number | null;
  /**
   * How long an answer may still be served after a write to a table it read (VIGIL_CACHE_STALE_MS):
   * while batches keep arriving it is recomputed at most once per this window. 0 (the default):
   * at once.
   */
  coalesceMs?: number;
  /** tables whose writes expire the answers that read them at once, whatever `coalesceMs` (default: tableFeeds.ts SEEN_AT_ONCE) */
  seenAtOnce?: ReadonlySet<string>;
  now?: () => number;
}

interface Entry {
  watermark: number;
  startedAt: number;
  /** the tables the statement reads; null: unknown, any write expires it */
  reads: ReadonlySet<string> | null;
  /** when the first write to one of those tables since the computation started was acknowledged */
  changedAt: number | null;
  bytes: number;
  settled: boolean;
  /** the settled answer (rows, or a composed answer) */
  value: unknown;
  /** the computation in flight */
  pending: Promise<unknown> | null;
}

/**
 * What a composed answer's computation read: the statements' tables, and the oldest start and the
 * first missed write of the cached answers it used (a cached answer served within its window after
 * a write is already behind by that write). `unkeepable`: something it read cannot be kept (a
 * statement that is never cached, or whose tables are unknown), so neither can the answer.
 */
class ReadLog {
  tables = new Set<string>();
  unkeepable = false;
  oldestStart = Infinity;
  firstMissedWrite: number | null = null;

  note(reads: ReadonlySet<string> | readonly string[] | null, startedAt: number, changedAt: number | null): void {
    if (!reads) this.unkeepable = true;
    else for (const t of reads) this.tables.add(t);
    this.oldestStart = Math.min(this.oldestStart, startedAt);
    if (changedAt !== null) this.firstMissedWrite = Math.min(this.firstMissedWrite ?? changedAt, changedAt);
  }

  merge(other: ReadLog): void {
    if (other.unkeepable) this.unkeepable = true;
    for (const t of other.tables) this.tables.add(t);
    this.oldestStart = Math.min(this.oldestStart, other.oldestStart);
    if (other.firstMissedWrite !== null) this.firstMissedWrite = Math.min(this.firstMissedWrite ?? other.firstMissedWrite, other.firstMissedWrite);
  }
}

/** The read log of the composed answer being computed, if any (follows the computation's async calls). */
const readLogs = new AsyncLocalStorage<ReadLog>();

/**
 * A read that no cache may keep (a statement that always goes to the engine): a composed answer
 * computed around it is handed to its askers but not kept.
 */
export function noteUnkeepableRead(): void {
  const log = readLogs.getStore();
  if (log) log.unkeepable = true;
}

export interface AnswerCacheStats {
  /** statements actually sent to the engine through the cache */
  executions: number;
  /** answers served from memory */
  hits: number;
  /** answers that joined an identical computation in flight */
  joined: number;
  entries: number;
  bytes: number;
}

export class AnswerCache {
  private watermarkValue = 0;
  /** insertion order = recency order (an entry is re-inserted when used) */
  private entries = new Map<string, Entry>();
  private bytes = 0;
  private counts = { executions: 0, hits: 0, joined: 0 };
  private readonly now: () => number;
  private staleMs: number | null;
  private readonly coalesceMs: number;
  private shared: { marks: WriteMarks; pollMs: number; signature: string | null; checkedFrom: number; check: { from: number; done: Promise<void> } | null } | null = null;

  constructor(private readonly options: AnswerCacheOptions) {
    this.now = options.now ?? Date.now;
    this.staleMs = options.staleMs;
    this.coalesceMs = options.coalesceMs ?? 0;
  }

  /**
   * The watermark comes from every server's writes: this cache publishes its own, and before
   * serving looks at everyone's at most `pollMs` apart (answers then no longer expire by age).
   */
  shareWatermark(marks: WriteMarks, pollMs: number): void {
    this.shared = { marks, pollMs, signature: null, checkedFrom: -Infinity, check: null };
    this.staleMs = null;
  }

  /** After this process's write was acknowledged: other servers learn of it before it is acknowledged. */
  async publish(): Promise<void> {
    await this.shared?.marks.publish();
  }

  /** A look at every server's writes that started less than pollMs ago, made when there is none. */
  private async checkShared(): Promise<void> {
    const s = this.shared!;
    const now = this.now();
    if (now - s.checkedFrom < s.pollMs) return;
    if (!s.check || now - s.check.from >= s.pollMs) {
      const from = now;
      const done = s.marks.signature().then(
        (signature) => {
          if (signature !== s.signature) {
            s.signature = signature;
            this.advance();
          }
          s.checkedFrom = Math.max(s.checkedFrom, from);
        },
        (err: unknown) => {
          // not knowing what others wrote: forget every answer; the question goes to the engine
          this.advance();
          throw err;
        },
      ).finally(() => {
        if (s.check?.done === done) s.check = null;
      });
      s.check = { from, done };
    }
    await s.check.done;
  }

  get watermark(): number {
    return this.watermarkValue;
  }

  /**
   * After a write is acknowledged. `changed`: the tables it changed (tableFeeds.ts) — answers that
   * read none of them stay, those that read one are served at most `coalesceMs` longer (then
   * recomputed, with every batch acknowledged meanwhile). Unknown tables: no answer computed
   * before the write is served again.
   */
  advance(changed?: readonly string[] | null): void {
    if (!changed) {
      this.watermarkValue++;
      // answers of older watermarks can never be served again: free them now
      for (const [key, e] of this.entries) if (e.settled && e.watermark < this.watermarkValue) this.drop(key, e);
      return;
    }
    const now = this.now();
    const atOnce = changed.filter((t) => (this.options.seenAtOnce ?? SEEN_AT_ONCE).has(t));
    for (const [key, e] of this.entries) {
      if (atOnce.length > 0 && (!e.reads || atOnce.some((t) => e.reads!.has(t)))) {
        // a hand-made change: no window (being computed, it is handed to its askers, not kept)
        e.changedAt = now - this.coalesceMs;
        if (e.settled) this.drop(key, e);
        continue;
      }
      if (e.changedAt !== null || (e.reads && !changed.some((t) => e.reads!.has(t)))) continue;
      // the first write it missed (or may have missed, if it was being computed) starts its window
      e.changedAt = now;
      if (e.settled && this.coalesceMs <= 0) this.drop(key, e);
    }
  }

  /** Whether an answer may still be served: within its age bound and its window after a write. */
  private fresh(e: Entry, now: number): boolean {
    if (this.staleMs !== null && now - e.startedAt > this.staleMs) return false;
    return e.changedAt === null || now - e.changedAt < this.coalesceMs;
  }

  /** Forgets every answer (the benchmark's "cold"). */
  clear(): void {
    for (const [key, e] of this.entries) if (e.settled) this.drop(key, e);
  }

  stats(): AnswerCacheStats {
    return { ...this.counts, entries: this.entries.size, bytes: this.bytes };
  }

  /**
   * The cached answer to `statementKey`, the one being computed, or `compute()`'s. `reads`: the
   * tables the statement reads (tableFeeds.ts tablesNamedIn); null: any write expires it.
   */
  async through<T>(statementKey: string, compute: () => Promise<T[]>, reads: readonly string[] | null = null): Promise<readonly T[]> {
    const frozenRows = (rows: T[]) => Object.freeze(rows.map((r) => (r && typeof r === 'object' ? Object.freeze(r) : r)));
    return (await this.answer(statementKey, reads, async () => ({ value: frozenRows(await compute()), reads, keep: true }))) as readonly T[];
  }

  /**
   * The cached answer to a question answered from statements (a whole API answer: `key` must hold
   * everything the answer depends on besides the statements — the question, the asker's scope),
   * the one being computed, or `compute()`'s. It is kept with every table its statements read, and
   * expires no later than the statement answers it was built from; it is not kept when one of
   * them cannot be (noteUnkeepableRead). Callers must not change the answer.
   */
  async throughComposed<T>(key: string, compute: () => Promise<T>): Promise<T> {
    // what it reads is learned as it runs: until then any write reaches it
    return (await this.answer(`composed\n${key}`, null, async () => {
      const log = new ReadLog();
      const value = await readLogs.run(log, compute);
      return { value, reads: [...log.tables], log, keep: !log.unkeepable };
    })) as T;
  }

  /**
   * `reads`: the tables known before computing (null: unknown yet, any write reaches it); the
   * computation gives the final ones, what it was built from (`log`) and whether it may be kept.
   */
  private async answer(
    statementKey: string,
    reads: readonly string[] | null,
    compute: () => Promise<{ value: unknown; reads: readonly string[] | null; log?: ReadLog; keep: boolean }>,
  ): Promise<unknown> {
    if (this.shared) {
      try {
        await this.checkShared();
      } catch {
        readLogs.getStore()?.note(null, this.now(), null);
        return (await compute()).value;
      }
    }
    const key = `${this.watermarkValue}\n${statementKey}`;
    const found = this.entries.get(key);
    const now = this.now();
    const outer = readLogs.getStore();
    if (found && this.fresh(found, now)) {
      this.entries.delete(key);
      this.entries.set(key, found);
      if (found.settled) {
        this.counts.hits++;
        outer?.note(found.reads, found.startedAt, found.changedAt);
        return found.value;
      }
      this.counts.joined++;
      const value = await found.pending!;
      // what it read is known once it settled; dropped unsettled (not keepable): nothing to keep
      outer?.note(found.settled ? found.reads : null, found.startedAt, found.changedAt);
      return value;
    }
    if (found) this.drop(key, found);
    const watermark = this.watermarkValue;
    const entry: Entry = { watermark, startedAt: now, reads: reads ? new Set(reads) : null, changedAt: null, bytes: 0, settled: false, value: undefined, pending: null };
    this.counts.executions++;
    entry.pending = compute().then(
      ({ value, reads: finalReads, log, keep }) => {
        entry.reads = finalReads ? new Set(finalReads) : null;
        if (log) {
          // no younger and no fresher than what it was built from
          entry.startedAt = Math.min(entry.startedAt, log.oldestStart);
          if (log.firstMissedWrite !== null) entry.changedAt = Math.min(entry.changedAt ?? log.firstMissedWrite, log.firstMissedWrite);
        }
        if (this.entries.get(key) !== entry) {
          // expired or cleared meanwhile: nothing to keep
        } else if (keep) this.settle(key, entry, value);
        else this.entries.delete(key);
        if (log) outer?.merge(log);
        else outer?.note(entry.reads, now, entry.changedAt);
        return value;
      },
      (err: unknown) => {
        // a failure is never kept: the next asker tries again
        if (this.entries.get(key) === entry) this.entries.delete(key);
        throw err;
      },
    );
    this.entries.set(key, entry);
    return entry.pending;
  }

  private settle(key: string, entry: Entry, value: unknown): void {
    entry.pending = null;
    // written meanwhile: hand the answer to those who asked, keep nothing (a write to a table it
    // read keeps it for the rest of that write's window)
    if (entry.watermark !== this.watermarkValue || !this.fresh(entry, this.now())) {
      this.entries.delete(key);
      return;
    }
    entry.settled = true;
    entry.value = value;
    entry.bytes = 2 * (key.length + JSON.stringify(value).length);
    if (entry.bytes > this.options.maxBytes) {
      this.entries.delete(key);
      return;
    }
    this.bytes += entry.bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      if (e.settled) this.drop(k, e);
    }
  }

  private drop(key: string, e: Entry): void {
    this.entries.delete(key);
    this.bytes -= e.bytes;
  }
}

/** The statement part of a key: parameters in a stable order, so equal questions meet. */
export function statementKey(operation: string, sql: string, params: Record<string, unknown>): string {
  const sorted = Object.keys(params).sort().map((k) => [k, params[k]]);
  return `${operation}\n${sql}\n${JSON.stringify(sorted)}`;
}
