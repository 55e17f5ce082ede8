// `npm run bench:ingest -- [--batches N] [--size N] [--producers 1,2,4] [--json]`
// Ingestion throughput over HTTP into the embedded engine (a fresh temporary data folder): the real
// ingestion route (streamed body, validation, journal, exactly-once writes) on a loopback port, and
// 1, 2 and 4 producers, each posting batches of moderation decisions one after the other, from a
// worker thread (so their own JSON work does not share the server's thread, as with producers on
// other machines). Next to it, the engine's own pace: INSERT … SELECT of as many rows inside it.
// With --json it prints one JSON object (npm run bench reads it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import express from 'express';
import { createLogger } from '../log.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { streamByName } from '../ingest/streams.js';
import { ingestRouter } from '../http/ingestRoutes.js';
import type { IngestTokens } from '../auth/ingestTokens.js';
import { numberArg } from './run.js';

const { values } = parseArgs({
  options: { batches: { type: 'string', default: '8' }, size: { type: 'string', default: '10000' }, producers: { type: 'string', default: '1,2,4' }, json: { type: 'boolean', default: false } },
});
const batches = Math.round(numberArg('batches', values.batches, 1, 1000));
const size = Math.round(numberArg('size', values.size, 1, 10_000));
const producerCounts = values.producers.split(',').map((p) => Math.round(numberArg('producers', p, 1, 16)));

/** A producer pool in a worker thread: `producers` loops, each posting its `batches` bodies in turn. */
const PRODUCERS = `
const { parentPort, workerData: w } = require('node:worker_threads');
const bodies = Array.from({ length: w.producers }, (_, p) => Array.from({ length: w.batches }, (_, b) =>
  Array.from({ length: w.size }, (_, i) => JSON.stringify({ ...w.example, decision_id: w.prefix + '-' + p + '-' + b + '-' + i, content_id: 'c' + p + '-' + b + '-' + i })).join('\\n')));
(async () => {
  const started = performance.now();
  const latencies = [];
  await Promise.all(bodies.map(async (mine) => {
    for (const body of mine) {
      const t = performance.now();
      const res = await fetch(w.url, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', authorization: 'Bearer bench' }, body });
      const answer = await res.json();
      if (res.status !== 200 || answer.accepted !== w.size) throw new Error('HTTP ' + res.status + ' ' + JSON.stringify(answer).slice(0, 200));
      latencies.push(performance.now() - t);
    }
  }));
  parentPort.postMessage({ seconds: (performance.now() - started) / 1000, latencies });
})().catch((e) => parentPort.postMessage({ error: String(e && e.message || e) }));
`;

function produce(url: string, producers: number, prefix: string): Promise<{ seconds: number; latencies: number[] }> {
  const example = streamByName.get('moderation-decisions')!.example;
  return new Promise((resolve, reject) => {
    const worker = new Worker(PRODUCERS, { eval: true, workerData: { url, producers, batches, size, example, prefix } });
    worker.once('message', (m: { error?: string; seconds: number; latencies: number[] }) => {
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once('error', reject);
  });
}

export interface IngestFigures {
  batchSize: number;
  batchesPerProducer: number;
  http: { producers: number; rowsPerSecond: number; batchP50Ms: number }[];
  inEngineRowsPerSecond: number;
  peakRssMb: number;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-ingest-'));
const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
const db = await openDatabase({ dataDir, clickhouse: null, queryTimeoutSeconds: 300, maxResultRows: 100_000 }, log);
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
try {
  await migrate(db, log);
  const app = express();
  // any bearer is accepted and the rate is unbounded: this measures ingestion, not tokens
  const tokens = { check: async () => ({ ok: true, token: { id: 'bench' } }) } as unknown as IngestTokens;
  app.use(ingestRouter({ db, log, tokens, config: { maxBytes: 64 * 1024 * 1024, maxRows: size, ratePerSecond: 1e9, burst: 1e9 } }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ingest/v1/moderation-decisions`;
  const figures: IngestFigures = { batchSize: size, batchesPerProducer: batches, http: [], inEngineRowsPerSecond: 0, peakRssMb: 0 };
  for (const producers of producerCounts) {
    const r = await produce(url, producers, `p${producers}`);
    const sorted = [...r.latencies].sort((a, b) => a - b);
    figures.http.push({ producers, rowsPerSecond: Math.round((producers * batches * size) / r.seconds), batchP50Ms: Math.round(sorted[Math.floor(sorted.length / 2)]!) });
  }
  server.close();
  // the engine's pace on the same table, views and rows: INSERT … SELECT of `size` rows at a time.
  // The rows are chosen in a subquery: a WHERE beside `* REPLACE (… AS decision_id)` would read the
  // replaced id, match nothing and time empty inserts (as this benchmark did before).
  const runs = Math.max(3, Math.min(batches, 8));
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    await db.command(
      'bench.insert_select',
      `INSERT INTO moderation_decisions SELECT * REPLACE (concat('engine-${i}-', decision_id) AS decision_id)
       FROM (SELECT * FROM moderation_decisions WHERE startsWith(decision_id, 'p') LIMIT {size:UInt32})`,
      { size },
    );
  }
  const seconds = (performance.now() - started) / 1000;
  const [copied] = await db.select<{ n: string }>('bench.count', "SELECT count() AS n FROM moderation_decisions WHERE startsWith(decision_id, 'engine-')");
  figures.inEngineRowsPerSecond = Math.round(Number(copied!.n) / seconds);
  figures.peakRssMb = Math.round(peakRss / 1024 / 1024);
  if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else {
    const out = process.stdout;
    out.write(`ingestion over HTTP, moderation-decisions, batches of ${size.toLocaleString('en')}, ${batches} per producer (${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)})\n`);
    for (const h of figures.http) out.write(`  ${h.producers} producer${h.producers > 1 ? 's' : ' '}: ${h.rowsPerSecond.toLocaleString('en').padStart(8)} rows/s (batch p50 ${h.batchP50Ms} ms)${h.producers === 4 ? '   goal ≥ 150,000 (stretch 300,000)' : ''}\n`);
    out.write(`  in-engine INSERT … SELECT: ${figures.inEngineRowsPerSecond.toLocaleString('en')} rows/s\n  peak RSS ${figures.peakRssMb} MB\n`);
  }
} finally {
  clearInterval(sampler);
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
