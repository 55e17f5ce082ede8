// `npm run bench:dsa -- [--rows 1000000] [--share 0.05] [--parts 4]`: DSA import throughput on the
// filtered path. Generates a daily dump as published — a zip of zipped CSV parts, full layout, every
// platform mixed, `share` of the rows from the platform imported — and imports it with --platform
// into the embedded engine (a fresh temporary data folder). Prints statements per second read and
// filtered alone, and end to end (reading, filtering, parsing, validating and storing the platform's rows).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import yazl from 'yazl';
import { numberArg } from './run.js';
import { createLogger } from '../log.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { importDsa } from '../ingest/dsa/importer.js';
import { dumpParts } from '../ingest/dsa/dump.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, share: { type: 'string', default: '0.05' }, parts: { type: 'string', default: '4' } } });
const rows = numberArg('rows', values.rows!, 1, 100_000_000);
const share = numberArg('share', values.share!, 0, 1);
const parts = numberArg('parts', values.parts!, 1, 1000);
const PLATFORM = 'ExampleTok';
const OTHERS = ['Facebook', 'Instagram', 'YouTube', 'Google Shopping', 'Pinterest', 'Snapchat', 'Amazon Store', 'LinkedIn'];

const sample = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../ingest/dsa/samples/sor-full-sample.csv'), 'utf8').split('\n');
const header = sample[0]!;
// the sample's ten readable statements (lines 2–11), one of them with quotes and a newline in its facts
const templates = sample.slice(1, 12).join('\n').split(/\n(?=3f1c0b1e-)/).slice(0, 10);

function* csvRows(part: number, count: number): Generator<string> {
  yield `${header}\n`;
  let lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = part * count + i;
    // a deterministic spread: every 1/share-th row is the platform's
    const mine = share > 0 && Math.floor((n + 1) * share) > Math.floor(n * share);
    const platform = mine ? PLATFORM : OTHERS[n % OTHERS.length]!;
    lines.push(templates[n % templates.length]!.replace(/^3f1c0b1e-00\d\d-4a6b-9a50-0c6f1a0000\d\d/, `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`).replace(',ExampleTok,', `,${platform},`));
    if (lines.length === 1000) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length) yield `${lines.join('\n')}\n`;
}

function zipTo(file: string, entries: [string, () => NodeJS.ReadableStream][]): Promise<void> {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const [name, open] of entries) z.addReadStream(open() as Readable, name);
    z.end();
    z.outputStream.pipe(fs.createWriteStream(file)).on('finish', resolve).on('error', reject);
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-dsa-'));
const log = createLogger('warn');
const db = await openDatabase({ dataDir: path.join(dir, 'data'), clickhouse: null, queryTimeoutSeconds: 300, maxResultRows: 100_000 }, log);
try {
  await migrate(db, log);
  const perPart = Math.ceil(rows / parts);
  const inner: string[] = [];
  for (let p = 0; p < parts; p++) {
    const file = path.join(dir, `sor-global-bench-full-${String(p).padStart(5, '0')}.csv.zip`);
    await zipTo(file, [[path.basename(file, '.zip'), () => Readable.from(csvRows(p, perPart))]]);
    inner.push(file);
  }
  const dump = path.join(dir, 'sor-global-bench-full.zip');
  await zipTo(dump, inner.map((f) => [path.basename(f), () => fs.createReadStream(f)]));
  for (const f of inner) fs.rmSync(f);
  const size = fs.statSync(dump).size;

  // reading alone: the zips, the platform filter and csv-parse, for a platform with no statement
  const readStarted = performance.now();
  const scan = await importDsa(db, dumpParts(dump), { platform: 'NoSuchPlatform' });
  const readSeconds = (performance.now() - readStarted) / 1000;
  const started = performance.now();
  const report = await importDsa(db, dumpParts(dump), { platform: PLATFORM });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${report.rows} statements in ${parts} zipped parts (${(size / 1e6).toFixed(1)} MB), ${report.rows - report.otherPlatforms} of ${PLATFORM}\n` +
      `  reading and filtering: ${readSeconds.toFixed(1)} s, ${Math.round(scan.rows / readSeconds)} statements/s\n` +
      `  importing ${PLATFORM} (reading, filtering, validating, storing ${report.imported}): ${seconds.toFixed(1)} s, ${Math.round(report.rows / seconds)} statements/s\n`,
  );
} finally {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
