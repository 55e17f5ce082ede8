// `npm run bench:ingest`: ingestion throughput into the embedded engine (a fresh temporary data
// folder), through the same validation and exactly-once path as the HTTP endpoint, without HTTP.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../log.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { streamByName } from '../ingest/streams.js';
import { parseBatch, validateBatch } from '../ingest/validate.js';
import { Ingestor } from '../ingest/ingest.js';

const { values } = parseArgs({ options: { batches: { type: 'string', default: '20' }, size: { type: 'string', default: '10000' } } });
const batches = Number(values.batches);
const size = Number(values.size);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-ingest-'));
const log = createLogger('warn');
const db = await openDatabase({ dataDir, clickhouse: null, queryTimeoutSeconds: 120, maxResultRows: 100_000 }, log);
try {
  await migrate(db, log);
  const stream = streamByName.get('moderation-decisions')!;
  const ingestor = new Ingestor(db);
  const body = (b: number) => Array.from({ length: size }, (_, i) => JSON.stringify({ ...stream.example, decision_id: `b${b}-${i}`, content_id: `c${b}-${i}` })).join('\n');
  let validateMs = 0;
  const started = performance.now();
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    const valid = validateBatch(stream, parseBatch(body(b), 'ndjson'));
    validateMs += performance.now() - t0;
    await ingestor.ingest(stream, valid);
  }
  const seconds = (performance.now() - started) / 1000;
  const resend = performance.now();
  await ingestor.ingest(stream, validateBatch(stream, parseBatch(body(0), 'ndjson')));
  process.stdout.write(
    `moderation-decisions: ${batches} batches of ${size}: ${Math.round((batches * size) / seconds)} rows/s ` +
      `(validation ${Math.round(validateMs / batches)} ms a batch); a re-sent batch (all duplicates) ${Math.round(performance.now() - resend)} ms\n`,
  );
} finally {
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
