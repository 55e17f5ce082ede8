// `npm run sizing -- [--scale X] [--days N] [--ingest-rows N]`
// The measurements behind the README's sizing (Running on a cluster): on the demo at that scale
// (seeded, or reused, in data-sizing/scale-<X>-<N>d; with CLICKHOUSE_URL the configured database),
// per rollup: rows per day, distinct dimension combinations and how many of them a time bucket
// holds, bytes per row on disk; per raw table: bytes per row; the cost of reading a rollup
// (milliseconds per million rows); and the cost of ingesting a decision (exactly-once path,
// without HTTP). Then what a 2×2 and a 10-shard cluster would hold under the assumptions printed.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { numberArg, runCli } from './run.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { defaultDemoOptions, seedDemo } from '../demo/seed.js';
import { countModerationDecisions } from '../queries/dataStatus.js';
import { TABLES } from '../definitions/rollups.js';
import { DIMENSIONS } from '../definitions/dimensions.js';
import { STREAMS, streamByName } from '../ingest/streams.js';
import { parseBatch, validateBatch } from '../ingest/validate.js';
import { Ingestor } from '../ingest/ingest.js';

/** The options, or one line on stderr and exit code 1 (no stack trace) when one is not valid. */
function options(): { scale: number; days: number; ingestRows: number; data: string | undefined } {
  try {
    const { values } = parseArgs({
      options: { scale: { type: 'string', default: '1' }, days: { type: 'string', default: '90' }, 'ingest-rows': { type: 'string', default: '50000' }, data: { type: 'string' } },
    });
    return {
      scale: numberArg('scale', values.scale, 0.001, 50),
      days: Math.round(numberArg('days', values.days, 7, 730)),
      ingestRows: Math.round(numberArg('ingest-rows', values['ingest-rows'], 1000, 1_000_000)),
      data: values.data,
    };
  } catch (e) {
    process.stderr.write(`vigil sizing: ${(e as Error).message}\n`);
    process.exit(1);
  }
}
const { scale, days, ingestRows, data } = options();
if (!process.env.CLICKHOUSE_URL) {
  process.env.VIGIL_DATA_DIR = path.resolve(data ?? path.join('data-sizing', `scale-${scale}-${days}d`));
  fs.mkdirSync(path.dirname(process.env.VIGIL_DATA_DIR), { recursive: true });
}
process.env.LOG_LEVEL ??= 'warn';
process.env.VIGIL_CACHE_MB = '0'; // every read measured goes to the engine

/** The ingestion measurement writes decisions on this day, outside the demo's span, and the rollup figures leave it out. */
const SCRATCH_DAY = '2020-01-01';
const SINCE = '2021-01-01';

const n = (v: unknown) => Number(v);
const fmt = (v: number, digits = 0) => v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function one<T>(db: Database, sql: string, params: Record<string, unknown> = {}): Promise<T> {
  return (await db.select<T>('sizing.read', sql, params))[0]!;
}

async function onDisk(db: Database, table: string): Promise<{ rows: number; bytes: number; uncompressed: number }> {
  const r = await one<{ rows: string; bytes: string; uncompressed: string }>(
    db,
    `SELECT sum(rows) AS rows, sum(bytes_on_disk) AS bytes, sum(data_uncompressed_bytes) AS uncompressed
     FROM system.parts WHERE database = currentDatabase() AND table = {table:String} AND active`,
    { table },
  );
  return { rows: n(r.rows), bytes: n(r.bytes), uncompressed: n(r.uncompressed) };
}

async function median(times: number, f: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await f();
    ms.push(performance.now() - started);
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

interface RollupFigures {
  table: string;
  grain: string;
  dimensions: number;
  rows: number;
  rowsPerDay: number;
  combinations: number;
  perBucket: number;
  bytesPerRow: number;
  msPerMillion: number;
}

async function rollupFigures(db: Database): Promise<RollupFigures[]> {
  const out: RollupFigures[] = [];
  const seen = new Set<string>();
  for (const r of Object.values(TABLES)) {
    if (seen.has(r.table)) continue;
    seen.add(r.table);
    // merged, as a rollup is after the background merges have caught up
    await db.command('sizing.optimize', `OPTIMIZE TABLE ${r.table} FINAL`);
    const columns = (r.dimensions as readonly string[]).map((d) => DIMENSIONS[d as keyof typeof DIMENSIONS].column);
    const since = `${r.timeColumn} >= toDateTime({since:String}, 'UTC')`;
    const stats = await one<{ rows: string; buckets: string; days: string; combinations: string }>(
      db,
      `SELECT count() AS rows, uniqExact(${r.timeColumn}) AS buckets, uniqExact(toDate(${r.timeColumn})) AS days,
              uniqExact(tuple(${columns.join(', ')})) AS combinations
       FROM ${r.table} WHERE ${since}`,
      { since: SINCE },
    );
    const disk = await onDisk(db, r.table);
    // the cost of reading every column of every row and regrouping by day and every dimension
    const ms = await median(3, () => db.select('sizing.scan', `SELECT count() AS groups, sum(h) AS h FROM (SELECT toDate(${r.timeColumn}) AS d, ${columns.join(', ')}, sum(cityHash64(*)) AS h FROM ${r.table} GROUP BY ALL)`));
    const rows = n(stats.rows);
    out.push({
      table: r.table, grain: r.grain, dimensions: columns.length, rows, rowsPerDay: rows / n(stats.days), combinations: n(stats.combinations),
      perBucket: rows / n(stats.buckets), bytesPerRow: disk.bytes / disk.rows, msPerMillion: (ms / disk.rows) * 1e6,
    });
  }
  return out;
}

async function ingestionCost(db: Database): Promise<{ usPerRow: number; rowsPerSecond: number }> {
  const stream = streamByName.get('moderation-decisions')!;
  const ingestor = new Ingestor(db);
  const run = Date.now().toString(36);
  const size = Math.min(10_000, ingestRows);
  let ms = 0;
  for (let b = 0; b * size < ingestRows; b++) {
    const body = Array.from({ length: size }, (_, i) => JSON.stringify({
      ...stream.example, decision_id: `sizing-${run}-${b}-${i}`, content_id: `sizing-c-${run}-${b}-${i}`,
      posted_at: `${SCRATCH_DAY}T09:58:00Z`, flagged_at: `${SCRATCH_DAY}T09:58:40Z`, decided_at: `${SCRATCH_DAY}T10:01:05Z`,
    })).join('\n');
    const started = performance.now();
    await ingestor.ingest(stream, validateBatch(stream, parseBatch(body, 'ndjson')));
    ms += performance.now() - started;
  }
  return { usPerRow: (ms * 1000) / ingestRows, rowsPerSecond: ingestRows / (ms / 1000) };
}

await runCli('sizing', async ({ db, log }) => {
  await migrate(db, log);
  if ((await countModerationDecisions(db)) === 0) {
    const started = performance.now();
    await seedDemo(db, log, defaultDemoOptions({ days, scale }));
    process.stdout.write(`seeded the demo (scale ${scale}, ${days} days) in ${fmt((performance.now() - started) / 1000, 1)} s\n`);
  }
  const decisions = await one<{ n: string; days: string }>(db, `SELECT count() AS n, uniqExact(toDate(decided_at)) AS days FROM moderation_decisions WHERE decided_at >= toDateTime({since:String}, 'UTC')`, { since: SINCE });
  const perDay = n(decisions.n) / n(decisions.days);
  process.stdout.write(`\ndemo: ${fmt(n(decisions.n))} decisions over ${decisions.days} days = ${fmt(perDay)} a day\n\n`);

  const rollups = await rollupFigures(db);
  process.stdout.write('| rollup | grain | dimensions | rows a day | distinct combinations | rows per bucket (share of combinations) | bytes per row | ms per million rows read |\n|---|---|---|---|---|---|---|---|\n');
  for (const r of rollups) {
    process.stdout.write(`| \`${r.table}\` | ${r.grain.toLowerCase()} | ${r.dimensions} | ${fmt(r.rowsPerDay)} | ${fmt(r.combinations)} | ${fmt(r.perBucket)} (${fmt((100 * r.perBucket) / r.combinations, 1)} %) | ${fmt(r.bytesPerRow, 1)} | ${fmt(r.msPerMillion)} |\n`);
  }

  process.stdout.write('\n| raw table | rows | bytes per row on disk | uncompressed bytes per row |\n|---|---|---|---|\n');
  let rawBytes = 0;
  for (const table of STREAMS.map((s) => s.table)) {
    const disk = await onDisk(db, table);
    if (disk.rows === 0) continue;
    process.stdout.write(`| \`${table}\` | ${fmt(disk.rows)} | ${fmt(disk.bytes / disk.rows, 1)} | ${fmt(disk.uncompressed / disk.rows, 1)} |\n`);
    // the demo's rows only (the ingestion measurement adds decisions on a scratch day)
    rawBytes += (disk.bytes / disk.rows) * (table === 'moderation_decisions' ? n(decisions.n) : disk.rows);
  }
  const rollupBytesPerDay = rollups.reduce((sum, r) => sum + r.rowsPerDay * r.bytesPerRow, 0);
  const bytesPerDecision = rawBytes / n(decisions.n);
  process.stdout.write(`\nevery raw table: ${fmt(bytesPerDecision, 1)} bytes on disk per decision (all streams, at the demo's mix of scores, labels, reviews, appeals per decision); rollups ${fmt(rollupBytesPerDay / 1e6, 2)} MB a day\n`);

  const ingest = await ingestionCost(db);
  process.stdout.write(`ingestion (moderation decisions, batches of ${fmt(Math.min(10_000, ingestRows))}, exactly-once path, no HTTP): ${fmt(ingest.usPerRow, 1)} µs a row = ${fmt(ingest.rowsPerSecond)} rows/s on this machine\n`);
  // what exactly-once ingestion keeps besides the raw row: the id in ingest_seen (kept), the row in the journal (35 days)
  const seen = await onDisk(db, 'ingest_seen');
  const journal = await onDisk(db, 'ingest_journal');
  const seenPerRow = seen.bytes / seen.rows;
  const journalPerRow = journal.bytes / journal.rows;
  process.stdout.write(`ingest_seen ${fmt(seenPerRow, 1)} bytes per event, ingest_journal ${fmt(journalPerRow, 1)} bytes per event (kept 35 days)\n`);

  // ---- projections: every assumption is a named constant, printed with the result ----
  const A = {
    diskPerNodeTB: 2,
    diskUsable: 0.7, // free space ClickHouse needs for merges
    laneRowsPerSecond: Math.round(ingest.rowsPerSecond), // one batch at a time per stream across the cluster: one writer's rate (this machine's)
    combinationGrowth: 10, // a large organisation: ten times the demo's queues, models, countries, vendors in use
    coresPerNode: 16, // a read uses every core of each shard's node; this machine has 2
    thisMachineCores: 2,
    overviewDays: 28, // the Overview's default range: four weeks
    volumes: [100e6, 500e6], // decisions a day to size for
  };
  const volumeFactor = (v: number) => v / perDay;
  /** rows a day of a rollup at a volume: buckets × occupied combinations, occupancy growing with volume up to every combination */
  const rowsPerDayAt = (r: RollupFigures, v: number) => {
    const buckets = r.grain === 'HOUR' ? 24 : 1;
    if (r.perBucket > r.combinations) return r.rowsPerDay * volumeFactor(v); // one row per entity (a task): grows with volume
    return buckets * Math.min(r.combinations * A.combinationGrowth, r.perBucket * volumeFactor(v));
  };
  // the Overview's panels read moderation by region × policy by day (the table decider), the other
  // families' rollups whole; not the seven-dimension moderation tables, nor per-task answers (agreement, a slice)
  const overviewTables = rollups.filter((r) => !['moderation_hourly', 'moderation_region_policy_hourly', 'moderation_daily', 'annotation_task_answers'].includes(r.table));
  const big = rollups.reduce((x, r) => (r.rows > x.rows ? r : x));
  process.stdout.write(`\nassumptions: ${JSON.stringify(A)}; read cost ${fmt(big.msPerMillion)} ms per million rollup rows (${big.table}, the largest)\n`);
  process.stdout.write('\n| cluster | decisions a day | raw retention on disk | rollup rows a day | rollup rows the Overview reads (4 weeks) | their read time, spread over the shards |\n|---|---|---|---|---|---|\n');
  for (const [name, shards] of [['2 shards × 2 replicas', 2], ['10 shards × 2 replicas', 10]] as const) {
    for (const v of A.volumes) {
      const diskBytes = shards * A.diskPerNodeTB * 1e12 * A.diskUsable; // replicas hold copies: capacity is per shard
      const rollupRows = rollups.reduce((sum, r) => sum + rowsPerDayAt(r, v), 0);
      const rollupBytes = rollups.reduce((sum, r) => sum + rowsPerDayAt(r, v) * r.bytesPerRow, 0);
      const perDayBytes = v * (bytesPerDecision + seenPerRow) + rollupBytes;
      const retentionDays = (diskBytes - 35 * v * journalPerRow) / perDayBytes;
      const overviewRows = overviewTables.reduce((sum, r) => sum + rowsPerDayAt(r, v), 0) * A.overviewDays;
      const readMs = ((overviewRows / 1e6) * big.msPerMillion) / (A.coresPerNode / A.thisMachineCores) / shards;
      const ceiling = v / 86400 > A.laneRowsPerSecond ? ` (above one lane's ${fmt(A.laneRowsPerSecond * 86400 / 1e6)} million)` : '';
      process.stdout.write(`| ${name} | ${fmt(v / 1e6)} million${ceiling} | ${fmt(retentionDays)} days | ${fmt(rollupRows)} | ${fmt(overviewRows)} | ${fmt(readMs)} ms |\n`);
    }
  }
});
