// A server killed (SIGKILL) in the middle of a stream of batches loses no acknowledged row and,
// once the unanswered events are sent again, grouped at random, holds every event exactly once,
// in the raw table and in every rollup. Then concurrent
// producers on loopback: no errors, nothing lost or duplicated (rows/s and p95 are printed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../testing/serverProcess.js';
import { openDatabase } from '../db/database.js';
import { createLogger } from '../log.js';
import { streamByName } from './streams.js';
import { gqlOverHttp, signIn } from '../testing/signIn.js';

let TOKEN = '';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-durability-'));
const env = { VIGIL_DATA_DIR: dataDir, VIGIL_DEMO: '0', VIGIL_INGEST_RATE: '100000', VIGIL_INGEST_BURST: '100000' };
let server: ServerProcess | undefined;

afterAll(async () => {
  if (server && server.child.exitCode === null) await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const example = streamByName.get('moderation-decisions')!.example;
// reviewed in a queue, so that every rollup of moderation_decisions counts them
const event = (b: number, i: number) =>
  JSON.stringify({ ...example, decision_id: `dur-${b}-${i}`, content_id: `c-${b}-${i}`, enforcement_path: 'human', queue: 'review-eu', enqueued_at: '2026-11-16T09:59:00Z', sla_seconds: 3600 });
const batch = (b: number, size: number) => Array.from({ length: size }, (_, i) => event(b, i)).join('\n');

/** The events shuffled and split into batches of random sizes (seeded: a failure can be replayed). */
function regroup(events: readonly string[], seed: number): string[][] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const shuffled = [...events];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const groups: string[][] = [];
  for (let i = 0; i < shuffled.length; ) {
    const size = 1 + Math.floor(random() * 700);
    groups.push(shuffled.slice(i, i + size));
    i += size;
  }
  return groups;
}

async function send(url: string, body: string): Promise<number | 'failed'> {
  try {
    const res = await fetch(`${url}/ingest/v1/moderation-decisions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' },
      body,
    });
    await res.text();
    return res.status;
  } catch {
    return 'failed';
  }
}

/** Counts read straight from the data folder (the server must be stopped: one process per folder). */
async function countsOnDisk() {
  const db = await openDatabase({ dataDir, clickhouse: null, queryTimeoutSeconds: 60, maxResultRows: 1_000_000 }, createLogger('silent'));
  try {
    const one = async (sql: string) => Number((await db.select<{ n: string }>('test.count', sql))[0]!.n);
    return {
      rows: await one('SELECT count() AS n FROM moderation_decisions'),
      distinct: await one('SELECT uniqExact(decision_id) AS n FROM moderation_decisions'),
      rolled: await one('SELECT sum(decisions) AS n FROM moderation_hourly'),
      narrow: await one('SELECT sum(decisions) AS n FROM moderation_region_policy_hourly'),
      reviewed: await one('SELECT sum(reviewed) AS n FROM review_flow_hourly'),
    };
  } finally {
    await db.close();
  }
}

describe('durability', () => {
  it('keeps every acknowledged batch exactly once through a SIGKILL, and re-sending completes the data', async () => {
    server = await startServerProcess(env);
    // a producer's token, made by the admin as in production (it is in the data folder from now on)
    const created = await gqlOverHttp(server.url, await signIn(server.url), 'mutation { createIngestToken(input: { name: "durability", streams: ["moderation-decisions"] }) { secret } }');
    TOKEN = created.createIngestToken.secret;
    const BATCHES = 60;
    const SIZE = 200;
    const acknowledged = new Set<number>();
    const pending: Promise<void>[] = [];
    let killed = false;
    for (let b = 0; b < BATCHES; b++) {
      // four producers at a time; the server dies while batches are in flight
      pending.push(send(server.url, batch(b, SIZE)).then((status) => void (status === 200 && acknowledged.add(b))));
      if (pending.length % 4 === 0) await Promise.all(pending.slice(-4));
      if (b === 25) {
        await server.kill();
        killed = true;
      }
    }
    await Promise.all(pending);
    expect(killed).toBe(true);

    const afterCrash = await countsOnDisk();
    expect(afterCrash.rows).toBe(afterCrash.distinct); // never two copies of an event
    expect(afterCrash.rows).toBeGreaterThanOrEqual(acknowledged.size * SIZE); // nothing acknowledged is lost
    expect(afterCrash.rows).toBeLessThan(BATCHES * SIZE);

    server = await startServerProcess(env);
    // the unanswered events again, grouped differently, with acknowledged ones among them as an
    // over-eager producer would send
    const unanswered: string[] = [];
    for (let b = 0; b < BATCHES; b++) {
      for (let i = 0; i < SIZE; i++) if (!acknowledged.has(b) || (b % 7 === 0 && i % 3 === 0)) unanswered.push(event(b, i));
    }
    const seed = Date.now() % 100_000;
    for (const group of regroup(unanswered, seed)) expect(await send(server.url, group.join('\n')), `regrouping seed ${seed}`).toBe(200);
    expect(await server.stop()).toBe(0);
    const all = BATCHES * SIZE;
    expect(await countsOnDisk(), `regrouping seed ${seed}`).toEqual({ rows: all, distinct: all, rolled: all, narrow: all, reviewed: all });
  });

  it('takes concurrent producers without errors, losses or duplicates', async () => {
    server = await startServerProcess(env);
    const before = (await (await fetch(`${server.url}/healthz`)).json()) as { status: string };
    expect(before.status).toBe('ok');
    const PRODUCERS = 8;
    const PER_PRODUCER = 10;
    const SIZE = 500;
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: PRODUCERS }, async (_, p) => {
        for (let k = 0; k < PER_PRODUCER; k++) {
          const body = Array.from({ length: SIZE }, (_, i) => JSON.stringify({ ...example, decision_id: `load-${p}-${k}-${i}`, content_id: `l-${p}-${k}-${i}` })).join('\n');
          const t0 = performance.now();
          expect(await send(server!.url, body)).toBe(200);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const rows = PRODUCERS * PER_PRODUCER * SIZE;
    process.stdout.write(
      `ingestion load: ${rows} rows in ${PRODUCERS * PER_PRODUCER} batches from ${PRODUCERS} producers: ${Math.round(rows / seconds)} rows/s, ` +
        `p50 ${Math.round(latencies[Math.floor(latencies.length / 2)]!)} ms, p95 ${Math.round(latencies[Math.floor(latencies.length * 0.95)]!)} ms per batch\n`,
    );
    expect(await server.stop()).toBe(0);
    const counts = await countsOnDisk();
    expect(counts.rows).toBe(60 * 200 + rows);
    expect(counts.distinct).toBe(counts.rows);
    expect(counts.rolled).toBe(counts.rows);
    expect(counts.narrow).toBe(counts.rows);
  });
});
