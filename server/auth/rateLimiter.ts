// Rate limits per key (ingestion requests per token, expensive GraphQL fields per user) as a
// sliding window: the costs admitted in the last burst / rate seconds never exceed `burst`, so
// the rate averages at most `rate` a second, with bursts up to `burst`. Admitted costs are kept
// in a shared ledger (server/db/sharedLedger.ts): in this process, or in ClickHouse so that the
// limit holds across every Vigil server (VIGIL_SHARED_STATE=clickhouse). A request's cost is
// appended first and the window read after; one that meets others already filling it withdraws
// its cost (concurrent ones may refuse each other: they retry up to three times after a random pause that doubles each time).
import { randomUUID } from 'node:crypto';
import { MemoryLedger, type LedgerEntry, type SharedLedger } from '../db/sharedLedger.js';

const RETRIES = 3;

export class RateLimiter {
  private readonly windowSeconds: number;

  constructor(
    rate: number,
    private readonly burst: number,
    private readonly ledger: SharedLedger = new MemoryLedger(),
    /** the ledger scope: limits of different kinds never share keys */
    private readonly scope = 'rate',
    private readonly clock: () => number = () => Date.now() / 1000,
  ) {
    this.windowSeconds = burst / rate;
  }

  /** 0 when allowed, else the seconds to wait. */
  async take(key: string, cost = 1): Promise<number> {
    const c = Math.min(cost, this.burst); // a request dearer than the burst still passes in an empty window
    for (let round = 0; ; round++) {
      const now = this.clock();
      const since = now - this.windowSeconds;
      const wait = this.waitFor(await this.ledger.read(this.scope, [key], since), c, now, null);
      if (wait > 0) return wait;
      const id = randomUUID();
      await this.ledger.append(this.scope, [{ key, id, at: now, weight: c }]);
      const others = this.waitFor(await this.ledger.read(this.scope, [key], since), c, now, id);
      if (others === 0) return 0;
      await this.ledger.append(this.scope, [{ key, id, at: now, weight: -c }]);
      if (round === RETRIES) return others;
      await new Promise((resolve) => setTimeout(resolve, (5 + Math.random() * 45) * 2 ** round));
    }
  }

  /** 0 when `cost` fits beside the window's admitted costs; else when enough of them leave it. */
  private waitFor(entries: readonly LedgerEntry[], cost: number, now: number, except: string | null): number {
    const since = now - this.windowSeconds;
    // a withdrawn cost cancels its own entry (same id and time)
    const live = entries.filter((e) => e.id !== except && e.at > since);
    let used = live.reduce((sum, e) => sum + e.weight, 0);
    if (used + cost <= this.burst) return 0;
    for (const e of live) {
      used -= e.weight;
      if (used + cost <= this.burst) return Math.max(1e-3, e.at + this.windowSeconds - now);
    }
    return this.windowSeconds;
  }
}
