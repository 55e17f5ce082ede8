// `npm run ingest -- <stream> <file.ndjson[.gz]> [--url http://host:4000 --token T] [--batch 5000]`
// Streams a large NDJSON file (gzip allowed) in batches, to a Vigil server (--url) or straight into
// the configured database. Progress goes to stderr. A checkpoint file (<file>.vigil-progress)
// remembers the last stored batch, so a run that was interrupted resumes after it; because
// ingestion is idempotent, even re-sending a batch twice never double-counts.
import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { STREAMS, streamByName, type StreamDef } from '../ingest/streams.js';
import { parseBatch, validateBatch, type RowError } from '../ingest/validate.js';
import { Ingestor, type IngestResult } from '../ingest/ingest.js';

class BatchRejected extends Error {
  constructor(readonly errors: RowError[]) {
    super('batch rejected');
  }
}

type Sender = (lines: string[]) => Promise<IngestResult>;

function httpSender(url: string, token: string, stream: string): Sender {
  return async (lines) => {
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(`${url.replace(/\/$/, '')}/ingest/v1/${stream}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
          body: lines.join('\n'),
        });
      } catch (e) {
        if (attempt >= 8) throw new Error(`the server did not answer (${(e as Error).message})`);
        await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
        continue;
      }
      const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (res.status === 200) return body as unknown as IngestResult;
      if (res.status === 422) throw new BatchRejected(body.errors as RowError[]);
      if ((res.status === 429 || res.status === 503) && attempt < 8) {
        const wait = Number(res.headers.get('retry-after') ?? 0) * 1000 || 500 * 2 ** attempt;
        await new Promise((r) => setTimeout(r, wait));
        continue; // the same batch again: idempotent
      }
      throw new Error(`the server answered ${res.status}: ${String(body.error ?? '')}`);
    }
  };
}

function embeddedSender(db: Database, stream: StreamDef): Sender {
  const ingestor = new Ingestor(db);
  return async (lines) => {
    const valid = validateBatch(stream, parseBatch(lines.join('\n'), 'ndjson'));
    if (valid.errors.length) throw new BatchRejected(valid.errors);
    return ingestor.ingest(stream, valid);
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { url: { type: 'string' }, token: { type: 'string' }, batch: { type: 'string', default: '5000' }, restart: { type: 'boolean' } },
  });
  const [streamName, file] = positionals;
  const stream = streamByName.get(streamName ?? '');
  if (!stream || !file) throw new Error(`usage: npm run ingest -- <stream> <file.ndjson[.gz]> [--url URL --token TOKEN] [--batch N] [--restart]; streams: ${STREAMS.map((s) => s.name).join(', ')}`);
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new Error('--batch must be a whole number from 1 to 100000');
  const checkpoint = `${file}.vigil-progress`;
  const resumeAt = !values.restart && fs.existsSync(checkpoint) ? Number(JSON.parse(fs.readFileSync(checkpoint, 'utf8')).line) : 0;

  let db: Database | undefined;
  let send: Sender;
  if (values.url) {
    const token = values.token ?? process.env.VIGIL_INGEST_TOKEN;
    if (!token) throw new Error('--token (or VIGIL_INGEST_TOKEN) is required with --url');
    send = httpSender(values.url, token, stream.name);
  } else {
    const config = loadConfig();
    const log = createLogger('warn');
    db = await openDatabase(config, log);
    await migrate(db, log);
    send = embeddedSender(db, stream);
  }

  const totals = { lines: 0, accepted: 0, duplicates: 0, batches: 0 };
  const started = performance.now();
  const progress = (final = false) => {
    const rate = Math.round(totals.accepted / Math.max(0.001, (performance.now() - started) / 1000));
    process.stderr.write(`\r${stream.name}: line ${totals.lines}, ${totals.batches} batches, ${totals.accepted} accepted, ${totals.duplicates} duplicates, ${rate} rows/s${final ? '\n' : ''}`);
  };
  if (resumeAt > 0) process.stderr.write(`resuming after line ${resumeAt} (checkpoint ${checkpoint}; --restart to start over)\n`);

  let input: NodeJS.ReadableStream = fs.createReadStream(file);
  if (file.endsWith('.gz')) input = input.pipe(createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let pending: string[] = [];
  let firstLine = resumeAt + 1;
  const flush = async () => {
    if (pending.length === 0) return;
    try {
      const r = await send(pending);
      totals.accepted += r.accepted;
      totals.duplicates += r.duplicates;
    } catch (e) {
      if (e instanceof BatchRejected) {
        progress(true);
        const where = e.errors.slice(0, 20).map((x) => `  line ${firstLine + x.line - 1}${x.field ? `, ${x.field}` : ''}: ${x.message}`).join('\n');
        throw new Error(`the batch starting at line ${firstLine} was rejected and not stored:\n${where}\nFix the file and run again: stored batches are skipped.`);
      }
      throw e;
    }
    totals.batches++;
    fs.writeFileSync(checkpoint, JSON.stringify({ line: firstLine + pending.length - 1 }));
    firstLine += pending.length;
    pending = [];
    progress();
  };
  try {
    let n = 0;
    for await (const line of lines) {
      n++;
      if (n <= resumeAt) continue;
      totals.lines = n;
      pending.push(line);
      if (pending.length >= batchSize) await flush();
    }
    await flush();
    progress(true);
    fs.rmSync(checkpoint, { force: true });
  } finally {
    await db?.close();
  }
}

main().catch((e) => {
  process.stderr.write(`\nvigil ingest: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
