// A server killed (SIGKILL) in the middle of a stream of batches loses no acknowledged row and,
// once the unanswered batches are sent again, holds every event exactly once. Then concurrent
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
const batch = (b: number, size: number) =>
  Array.from({ length: size }, (_, i) => JSON.stringify({ ...example, decision_id: `dur-${b}-${i}`, content_id: `c-${b}-${i}` })).join('\n');

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
    for (let b = 0; b < BATCHES; b++) if (!acknowledged.has(b)) expect(await send(server.url, batch(b, SIZE))).toBe(200);
    // and once more everything, as an over-eager producer would
    for (let b = 0; b < BATCHES; b += 7) expect(await send(server.url, batch(b, SIZE))).toBe(200);
    expect(await server.stop()).toBe(0);
    expect(await countsOnDisk()).toEqual({ rows: BATCHES * SIZE, distinct: BATCHES * SIZE, rolled: BATCHES * SIZE, narrow: BATCHES * SIZE });
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
  });
});
