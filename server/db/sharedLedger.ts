// State several Vigil servers must agree on (sign-in attempts, rate-limit costs, ingestion lanes),
// kept as an append-only log of small events per (scope, key). Callers compute their answer from
// the events they read back, so the in-process log and the ClickHouse one (migration 0021, for
// several servers: VIGIL_SHARED_STATE=clickhouse) give the same answers to the same events.
//
// Counting is insert-then-read: append your event, then read the key. Of k events appended at
// once, the j-th to be acknowledged reads at least j - 1 others, so "refuse when the others
// already reach the limit" admits at most the limit across every server (see migration 0021 for
// what a cluster needs for that: quorum inserts, sequentially consistent reads).
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { Database } from './database.js';
import type { WriteMarks } from './answerCache.js';

export interface LedgerEntry {
  key: string;
  /** the event's id: a release or a ticket names the reservation it belongs to */
  id: string;
  /** seconds since the epoch (millisecond precision is kept) */
  at: number;
  weight: number;
  /** forget the key's earlier events */
  reset?: boolean;
}

export interface SharedLedger {
  /** 'memory' (this process only) or 'clickhouse' (every server on the database) */
  readonly kind: 'memory' | 'clickhouse';
  /** Appends; resolves once every later read (of any server) sees the entries. */
  append(scope: string, entries: readonly LedgerEntry[]): Promise<void>;
  /** The keys' entries at or after `since`, oldest first (ties: larger weight first, then id). */
  read(scope: string, keys: readonly string[], since: number): Promise<LedgerEntry[]>;
}

/** Oldest first; at one instant a reservation before its release, then by id (any fixed order). */
export const byTime = (a: LedgerEntry, b: LedgerEntry) => a.at - b.at || b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Entries older than this are never asked for (the longest window read is a day). */
const KEEP_SECONDS = 2 * 86400;

export class MemoryLedger implements SharedLedger {
  readonly kind = 'memory';
  private entries = new Map<string, LedgerEntry[]>();
  private appended = 0;

  async append(scope: string, entries: readonly LedgerEntry[]): Promise<void> {
    for (const e of entries) {
      const k = `${scope}\n${e.key}`;
      const list = this.entries.get(k) ?? [];
      list.push({ ...e });
      this.entries.set(k, list);
    }
    this.appended += entries.length;
    if (this.appended > 100_000) this.prune(Math.max(...entries.map((e) => e.at)) - KEEP_SECONDS);
  }

  async read(scope: string, keys: readonly string[], since: number): Promise<LedgerEntry[]> {
    return keys.flatMap((key) => {
      const k = `${scope}\n${key}`;
      // a scope's readers all look back the same span: what is older will not be asked for again
      const kept = (this.entries.get(k) ?? []).filter((e) => e.at >= since);
      if (kept.length) this.entries.set(k, kept);
      else this.entries.delete(k);
      return kept.map((e) => ({ ...e }));
    }).sort(byTime);
  }

  private prune(before: number): void {
    this.appended = 0;
    for (const [k, list] of this.entries) {
      const kept = list.filter((e) => e.at >= before);
      if (kept.length) this.entries.set(k, kept);
      else this.entries.delete(k);
    }
  }
}

const millis = (seconds: number) => Math.round(seconds * 1000);
const dateTime64 = (seconds: number) => new Date(millis(seconds)).toISOString().replace('T', ' ').replace('Z', '');

/**
 * On a single node both settings are ignored; on a cluster (shared_ledger on every node, one
 * replica set) a quorum insert returns once a majority of replicas has it, and a sequentially
 * consistent read sees every quorum insert acknowledged before it.
 */
const QUORUM_INSERT = "INSERT INTO shared_ledger SETTINGS insert_quorum = 'auto', insert_quorum_parallel = 0 FORMAT JSONEachRow";
const CONSISTENT_READ = { select_sequential_consistency: 1 };

export class ClickHouseLedger implements SharedLedger {
  readonly kind = 'clickhouse';
  constructor(private readonly db: Database) {}

  async append(scope: string, entries: readonly LedgerEntry[]): Promise<void> {
    await this.db.insertJsonWith(
      'shared.ledger',
      QUORUM_INSERT,
      entries.map((e) => ({ scope, key: e.key, id: e.id, at: dateTime64(e.at), weight: e.weight, reset: e.reset ? 1 : 0 })),
    );
  }

  async read(scope: string, keys: readonly string[], since: number): Promise<LedgerEntry[]> {
    const rows = await this.db.select<{ key: string; id: string; ms: string | number; weight: number; reset: number }>(
      'shared.ledger_read',
      `SELECT key, id, toUnixTimestamp64Milli(at) AS ms, weight, reset FROM shared_ledger
       WHERE scope = {scope:String} AND key IN {keys:Array(String)} AND at >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')`,
      { scope, keys, since: millis(since) },
      CONSISTENT_READ,
    );
    return rows.map((r) => ({ key: r.key, id: r.id, at: Number(r.ms) / 1000, weight: Number(r.weight), ...(Number(r.reset) ? { reset: true } : {}) })).sort(byTime);
  }
}

// The answer caches' shared watermark (answerCache.ts WriteMarks): each server numbers its
// acknowledged writes; a signature of the other servers' latest numbers changes whenever one of
// them wrote. (MemoryWriteMarks, one object several caches share in tests, also changes with the
// asker's own writes: answers are then forgotten more often, never less.)
export class MemoryWriteMarks implements WriteMarks {
  private seq = 0;
  async publish(): Promise<void> {
    this.seq++;
  }
  async signature(): Promise<string> {
    return String(this.seq);
  }
}

export class ClickHouseWriteMarks implements WriteMarks {
  /** increasing across restarts of this server: its clock in microseconds at start, then +1 per write */
  private seq = Date.now() * 1000;
  constructor(private readonly db: Database, private readonly instance: string) {}

  async publish(): Promise<void> {
    this.seq++;
    await this.db.insertJsonWith('shared.write_mark', "INSERT INTO write_marks SETTINGS insert_quorum = 'auto', insert_quorum_parallel = 0 FORMAT JSONEachRow", [
      { instance: this.instance, seq: this.seq, at: dateTime64(Date.now() / 1000) },
    ]);
  }

  /** The other servers' marks: this server's own writes reach its cache directly, by table. */
  async signature(): Promise<string> {
    const rows = await this.db.select<{ instance: string; seq: string }>(
      'shared.write_marks_read',
      'SELECT instance, toString(max(seq)) AS seq FROM write_marks WHERE instance != {me:String} GROUP BY instance ORDER BY instance',
      { me: this.instance },
      CONSISTENT_READ,
    );
    return rows.map((r) => `${r.instance}=${r.seq}`).join(',');
  }
}

/** With VIGIL_SHARED_STATE=clickhouse the answer cache's watermark is every server's writes, looked at every staleMs. */
export function shareWatermark(db: Database, config: Pick<Config, 'sharedState'> & { cache: Pick<Config['cache'], 'staleMs'> }): void {
  if (config.sharedState !== 'clickhouse' || !db.answers) return;
  db.answers.shareWatermark(new ClickHouseWriteMarks(db, `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`), config.cache.staleMs);
}
