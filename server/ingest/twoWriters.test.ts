// Exactly-once with two Vigil servers writing one database at the same time (VIGIL_SHARED_STATE=
// clickhouse): two Ingestors on the real embedded engine, each with its own lanes shared through
// the ClickHouse ledger (lanes.ts), receive overlapping batches concurrently. Each event must be
// stored once in the raw table and counted once in every rollup, and accepted by one server only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import type { Database } from '../db/database.js';
import { ClickHouseLedger } from '../db/sharedLedger.js';
import { Ingestor } from './ingest.js';
import { SharedLanes } from './lanes.js';
import { streamByName, type StreamDef } from './streams.js';
import { parseBatch, validateBatch } from './validate.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

const stream = streamByName.get('moderation-decisions')!;
/** A Vigil server's ingestion: its own lanes, the state they share in ClickHouse. */
const server = (db: Database = t.db) => new Ingestor(db, new SharedLanes(new ClickHouseLedger(t.db)));

const batchOf = (s: StreamDef, rows: readonly Record<string, unknown>[]) => {
  const valid = validateBatch(s, parseBatch(rows.map((r) => JSON.stringify(r)).join('\n'), 'ndjson'));
  expect(valid.errors).toEqual([]);
  return valid;
};
const iso = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');

/** Decisions of one scenario, in a day of their own, in a review queue: they reach every moderation rollup. */
function decisions(scenario: number, n: number): Record<string, unknown>[] {
  const day = Date.UTC(2022, 0, 1 + scenario * 3) / 1000;
  return Array.from({ length: n }, (_, i) => {
    const decided = day + Math.floor((i * 86400) / n);
    return {
      ...stream.example, decision_id: `w${scenario}-${i}`, content_id: `wc${scenario}-${i}`, posted_at: iso(decided - 600), flagged_at: iso(decided - 300),
      enqueued_at: iso(decided - 200), decided_at: iso(decided), enforcement_path: 'human', queue: 'review-eu', sla_seconds: 3600,
    };
  });
}

async function counts(scenario: number) {
  const day = Date.UTC(2022, 0, 1 + scenario * 3) / 1000;
  const params = { from: day, to: day + 86400 };
  const n = async (sql: string) => Number((await t.db.select<{ n: string }>('test.count', sql, params))[0]!.n);
  const within = (column: string) => `${column} >= toDateTime({from:UInt32}, 'UTC') AND ${column} < toDateTime({to:UInt32}, 'UTC')`;
  return {
    raw: await n(`SELECT count() AS n FROM moderation_decisions WHERE ${within('decided_at')}`),
    distinct: await n(`SELECT uniqExact(decision_id) AS n FROM moderation_decisions WHERE ${within('decided_at')}`),
    hourly: await n(`SELECT sum(decisions) AS n FROM moderation_hourly WHERE ${within('hour')}`),
    regionPolicy: await n(`SELECT sum(decisions) AS n FROM moderation_region_policy_hourly WHERE ${within('hour')}`),
    daily: await n(`SELECT sum(decisions) AS n FROM moderation_daily WHERE day = toDate(toDateTime({from:UInt32}, 'UTC'))`),
    reviewed: await n(`SELECT sum(reviewed) AS n FROM review_flow_hourly WHERE ${within('hour')}`),
  };
}
const once = (n: number) => ({ raw: n, distinct: n, hourly: n, regionPolicy: n, daily: n, reviewed: n });

/** Consecutive slices of 1–90 events (the split depends on the seed). */
function slices<T>(items: readonly T[], seed: number): T[][] {
  const out: T[][] = [];
  for (let i = 0, k = seed; i < items.length; k = (k * 7 + 3) % 90) {
    out.push(items.slice(i, i + 1 + k));
    i += 1 + k;
  }
  return out;
}

describe('two servers writing one database at once', () => {
  it('stores each event of overlapping batches sent to both servers concurrently once, accepted by one of them', async () => {
    const events = decisions(1, 600);
    const [one, two] = [server(), server()];
    // one gets events 0–399, two gets 200–599 (reversed, differently split): 200 overlap
    const send = async (ingestor: Ingestor, part: Record<string, unknown>[], seed: number) => {
      let accepted = 0;
      for (const group of slices(part, seed)) accepted += (await ingestor.ingest(stream, batchOf(stream, group))).accepted;
      return accepted;
    };
    const accepted = await Promise.all([send(one, events.slice(0, 400), 11), send(two, events.slice(200).reverse(), 29)]);
    expect(accepted[0] + accepted[1]).toBe(600);
    expect(await counts(1)).toEqual(once(600));
  });

  it('stores the same batch sent to both servers at the same moment once', async () => {
    const events = decisions(2, 300);
    const [one, two] = [server(), server()];
    const results = await Promise.all([one.ingest(stream, batchOf(stream, events)), two.ingest(stream, batchOf(stream, events))]);
    expect(results.map((r) => r.accepted).sort((a, b) => a - b)).toEqual([0, 300]);
    expect(await counts(2)).toEqual(once(300));
  });

  it("completes a batch another server left half-written before checking its own, so a re-send to it counts once", async () => {
    const events = decisions(3, 200);
    const two = server();
    // two has started and read the journal already (nothing unfinished then)
    await two.ingest(stream, batchOf(stream, events.slice(0, 10)));
    // one writes the journal and the raw table of a batch, then dies before recording its ids
    let writes = 0;
    const dying = new Proxy(t.db, {
      get(target, key) {
        const v = Reflect.get(target, key);
        if (key === 'command' || key === 'insertJsonWith' || key === 'insertText') {
          return async (...a: unknown[]) => {
            if (writes >= 2) throw new Error('the process is dead');
            await (v as (...x: unknown[]) => Promise<void>).apply(target, a);
            writes++;
          };
        }
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    await expect(server(dying).ingest(stream, batchOf(stream, events.slice(10)))).rejects.toThrow('the process is dead');
    expect((await counts(3)).raw).toBe(200);
    // the producer, unanswered, re-sends to two
    const again = await two.ingest(stream, batchOf(stream, events.slice(10)));
    expect(again.accepted).toBe(0);
    expect(await counts(3)).toEqual(once(200));
  });
});
