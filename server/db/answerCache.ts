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
  /** settled rows, or the computation in flight */
  rows: readonly unknown[] | null;
  pending: Promise<readonly unknown[]> | null;
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
      for (const [key, e] of this.entries) if (e.rows && e.watermark < this.watermarkValue) this.drop(key, e);
      return;
    }
    const now = this.now();
    for (const [key, e] of this.entries) {
      if (e.changedAt !== null || (e.reads && !changed.some((t) => e.reads!.has(t)))) continue;
      // the first write it missed (or may have missed, if it was being computed) starts its window
      e.changedAt = now;
      if (e.rows && this.coalesceMs <= 0) this.drop(key, e);
    }
  }

  /** Whether an answer may still be served: within its age bound and its window after a write. */
  private fresh(e: Entry, now: number): boolean {
    if (this.staleMs !== null && now - e.startedAt > this.staleMs) return false;
    return e.changedAt === null || now - e.changedAt < this.coalesceMs;
  }

  /** Forgets every answer (the benchmark's "cold"). */
  clear(): void {
    for (const [key, e] of this.entries) if (e.rows) this.drop(key, e);
  }

  stats(): AnswerCacheStats {
    return { ...this.counts, entries: this.entries.size, bytes: this.bytes };
  }

  /**
   * The cached answer to `statementKey`, the one being computed, or `compute()`'s. `reads`: the
   * tables the statement reads (tableFeeds.ts tablesNamedIn); null: any write expires it.
   */
  async through<T>(statementKey: string, compute: () => Promise<T[]>, reads: readonly string[] | null = null): Promise<readonly T[]> {
    if (this.shared) {
      try {
        await this.checkShared();
      } catch {
        return compute();
      }
    }
    const key = `${this.watermarkValue}\n${statementKey}`;
    const found = this.entries.get(key);
    const now = this.now();
    if (found && this.fresh(found, now)) {
      this.entries.delete(key);
      this.entries.set(key, found);
      if (found.rows) {
        this.counts.hits++;
        return found.rows as readonly T[];
      }
      this.counts.joined++;
      return (await found.pending!) as readonly T[];
    }
    if (found) this.drop(key, found);
    const watermark = this.watermarkValue;
    const entry: Entry = { watermark, startedAt: now, reads: reads ? new Set(reads) : null, changedAt: null, bytes: 0, rows: null, pending: null };
    this.counts.executions++;
    entry.pending = compute().then(
      (rows) => {
        const frozen = Object.freeze(rows.map((r) => (r && typeof r === 'object' ? Object.freeze(r) : r)));
        if (this.entries.get(key) === entry) this.settle(key, entry, frozen);
        return frozen;
      },
      (err: unknown) => {
        // a failure is never kept: the next asker tries again
        if (this.entries.get(key) === entry) this.entries.delete(key);
        throw err;
      },
    );
    this.entries.set(key, entry);
    return (await entry.pending) as readonly T[];
  }

  private settle(key: string, entry: Entry, rows: readonly unknown[]): void {
    entry.pending = null;
    // written meanwhile: hand the answer to those who asked, keep nothing (a write to a table it
    // read keeps it for the rest of that write's window)
    if (entry.watermark !== this.watermarkValue || !this.fresh(entry, this.now())) {
      this.entries.delete(key);
      return;
    }
    entry.rows = rows;
    entry.bytes = 2 * (key.length + JSON.stringify(rows).length);
    if (entry.bytes > this.options.maxBytes) {
      this.entries.delete(key);
      return;
    }
    this.bytes += entry.bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      if (e.rows) this.drop(k, e);
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
