// `node --cpu-prof --import tsx server/cli/profileIngest.ts` (N=batches, LOG_LEVEL=debug for each
// statement's time): batches of 10,000 moderation decisions through the ingestion path in process
// — body read and parsed as the HTTP route does, validated, written exactly once — on a fresh
// temporary folder, with the wall time of each stage per batch. The CPU profile says where the
// JavaScript time goes (README, Ingestion, *Where the time goes*).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createLogger } from '../log.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { streamByName } from '../ingest/streams.js';
import { validateBatch } from '../ingest/validate.js';
import { readBatch } from '../ingest/readBatch.js';
import { Ingestor } from '../ingest/ingest.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-prof-'));
const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
const db = await openDatabase({ dataDir, clickhouse: null, queryTimeoutSeconds: 300, maxResultRows: 100_000 }, log);
await migrate(db, log);
const s = streamByName.get('moderation-decisions')!;
const ing = new Ingestor(db);
const N = Math.max(2, Number(process.env.N ?? 6));
// the first batch warms up (JIT, the engine's caches): left out of the means
const totals = { read: 0, validate: 0, ingest: 0 };
for (let b = 0; b < N; b++) {
  const body = Buffer.from(Array.from({ length: 10000 }, (_, i) => JSON.stringify({ ...s.example, decision_id: `b${b}-${i}`, content_id: `c${b}-${i}` })).join('\n'));
  const chunks: Buffer[] = [];
  for (let i = 0; i < body.length; i += 65536) chunks.push(body.subarray(i, i + 65536));
  const t = performance.now();
  const read = await readBatch(Readable.from(chunks), { gzip: false, format: 'ndjson', maxBytes: 64 << 20, maxRows: 10000 });
  if (!read.ok) throw new Error(read.error);
  const t1 = performance.now();
  const v = validateBatch(s, read.parsed);
  if (v.errors.length) throw new Error(JSON.stringify(v.errors[0]));
  const t2 = performance.now();
  const r = await ing.ingest(s, v);
  const t3 = performance.now();
  if (r.accepted !== 10000) throw new Error('accepted ' + r.accepted);
  if (b > 0) { totals.read += t1 - t; totals.validate += t2 - t1; totals.ingest += t3 - t2; }
  console.log(`batch ${b}: read+parse ${(t1 - t).toFixed(0)} ms, validate ${(t2 - t1).toFixed(0)} ms, ingest ${(t3 - t2).toFixed(0)} ms`);
}
console.log('mean (excl. first):', Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Math.round(v / (N - 1))])));
await db.close();
fs.rmSync(dataDir, { recursive: true, force: true });
