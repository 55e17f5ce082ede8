// Ingestion lanes: one batch at a time per lane (a stream, or streams that must not interleave,
// StreamDef.lane), because checking a batch's ids against those already accepted and writing it
// must not interleave with another batch of the lane.
//   ProcessLanes  one writer per lane inside this process (one Vigil server);
//   SharedLanes   also one writer per lane across every Vigil server on the database
//                 (VIGIL_SHARED_STATE=clickhouse): Lamport's bakery over the shared ledger
//                 (server/db/sharedLedger.ts, scope 'lane'). A writer announces it is choosing
//                 (weight -1), takes the number one above every live ticket (weight n), and
//                 writes once no other writer is choosing and none holds a smaller (number, id);
//                 it leaves with weight 0. The bakery needs only that a read sees every append
//                 acknowledged before it (migration 0021). A server that dies holding a lane
//                 blocks it until its entries are LEASE_SECONDS old; a batch must be written
//                 within that time (a batch of VIGIL_INGEST_MAX_ROWS takes about a second).
import { randomUUID } from 'node:crypto';
import type { LedgerEntry, SharedLedger } from '../db/sharedLedger.js';

export interface IngestLanes {
  /** true when the lanes are shared with other servers: their unfinished batches must be read anew */
  readonly shared: boolean;
  run<T>(lane: string, task: () => Promise<T>): Promise<T>;
}

export class ProcessLanes implements IngestLanes {
  readonly shared: boolean = false;
  private tails = new Map<string, Promise<unknown>>();

  run<T>(lane: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(lane) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.tails.set(lane, next);
    return next;
  }
}

export const LEASE_SECONDS = 60;
const SCOPE = 'lane';

export class LaneTimeoutError extends Error {}

interface Writer {
  choosing: boolean;
  number: number;
}

/** Every writer of the lane with a live entry, but `except`: choosing, or holding a ticket (done ones are left out). */
function writers(entries: readonly LedgerEntry[], except: string): Map<string, Writer> {
  const out = new Map<string, Writer>();
  const done = new Set(entries.filter((e) => e.weight === 0).map((e) => e.id));
  for (const e of entries) {
    if (e.id === except || done.has(e.id)) continue;
    const w = out.get(e.id) ?? { choosing: true, number: 0 };
    if (e.weight > 0) {
      w.choosing = false;
      w.number = e.weight;
    }
    out.set(e.id, w);
  }
  return out;
}

export class SharedLanes implements IngestLanes {
  readonly shared: boolean = true;
  private local = new ProcessLanes();

  constructor(
    private readonly ledger: SharedLedger,
    private readonly clock: () => number = () => Date.now() / 1000,
  ) {}

  run<T>(lane: string, task: () => Promise<T>): Promise<T> {
    // this server's own writers queue here first: only one of them at a time takes a number
    return this.local.run(lane, async () => {
      const id = await this.enter(lane);
      try {
        return await task();
      } finally {
        await this.ledger.append(SCOPE, [{ key: lane, id, at: this.clock(), weight: 0 }]);
      }
    });
  }

  private read(lane: string): Promise<LedgerEntry[]> {
    return this.ledger.read(SCOPE, [lane], this.clock() - LEASE_SECONDS);
  }

  private async enter(lane: string): Promise<string> {
    const id = randomUUID();
    const started = this.clock();
    await this.ledger.append(SCOPE, [{ key: lane, id, at: started, weight: -1 }]);
    const number = 1 + Math.max(0, ...[...writers(await this.read(lane), id).values()].map((w) => w.number));
    await this.ledger.append(SCOPE, [{ key: lane, id, at: this.clock(), weight: number }]);
    for (;;) {
      const ahead = [...writers(await this.read(lane), id)].some(([other, w]) => w.choosing || (w.number > 0 && (w.number < number || (w.number === number && other < id))));
      if (!ahead) return id;
      if (this.clock() - started > LEASE_SECONDS) {
        await this.ledger.append(SCOPE, [{ key: lane, id, at: this.clock(), weight: 0 }]);
        throw new LaneTimeoutError(`ingestion lane ${lane} stayed busy for ${LEASE_SECONDS} s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
    }
  }
}
