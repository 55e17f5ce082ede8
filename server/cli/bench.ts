// `npm run bench -- [--scale X] [--days N] [--repeat N] [--users 10,50] [--max-seconds S] [--compare-scale Y] [--no-ingest]`
// Measures the Overview as the browser asks it — the same GraphQL documents (client/src/operations)
// with the page's default filters — through Apollo in-process on the configured database (no HTTP:
// this is the API's work), and prints one table with each figure next to its goal (issue 14): each
// call cold, the page cold and warm, raw ÷ rollup per panel (benchRawPanels.ts), crowds of people
// at once, the same crowd while 4 producers write a batch a second, ingestion over HTTP with 1/2/4
// producers next to in-engine INSERT … SELECT (benchIngest.ts, a child process on a temporary
// folder), and with --compare-scale the page at a second scale (a child process on its own folder)
// and the ratio.
// With --scale it seeds, or reuses, the demo at that scale in data-bench/scale-<X>-<N>d (the seed
// time is printed); without, it reads the configured database (VIGIL_DATA_DIR or CLICKHOUSE_URL).
// "Cold" means this process's caches (answers, catalogue) cleared; the engine's own caches stay.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode } from 'graphql';
import { numberArg, runCli } from './run.js';
import { migrate } from '../db/migrate.js';
import { refreshAgreement } from '../queries/agreementRefresh.js';
import { defaultDemoOptions, seedDemo } from '../demo/seed.js';
import { countModerationDecisions } from '../queries/dataStatus.js';
import { createApolloServer } from '../graphql/server.js';
import { DataCatalogueCache } from '../metrics/dataInventory.js';
import { createSecurity } from '../auth/security.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { Access } from '../access/access.js';
import { REGIONS } from '../domain/taxonomy.js';
import { spawnSync } from 'node:child_process';
import { RAW_PANELS } from './benchRawPanels.js';
import { Ingestor } from '../ingest/ingest.js';
import { streamByName } from '../ingest/streams.js';
import { parseBatch, validateBatch } from '../ingest/validate.js';
import type { IngestFigures } from './benchIngest.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string' },
    days: { type: 'string', default: '90' },
    repeat: { type: 'string', default: '5' },
    users: { type: 'string', default: '10,50' },
    'max-seconds': { type: 'string', default: '300' },
    data: { type: 'string' },
    'compare-scale': { type: 'string' },
    'no-ingest': { type: 'boolean', default: false },
    'ingest-size': { type: 'string', default: '10000' },
    // internal: only the page cold and warm, as JSON (what --compare-scale asks its child)
    summary: { type: 'boolean', default: false },
    // where the cold time goes: every engine statement of one cold load, each run alone
    statements: { type: 'boolean', default: false },
  },
});

const scale = values.scale === undefined ? null : numberArg('scale', values.scale, 0.001, 50);
const days = Math.round(numberArg('days', values.days, 7, 730));
const repeat = Math.round(numberArg('repeat', values.repeat, 1, 100));
const userCounts = values.users.split(',').map((u) => Math.round(numberArg('users', u, 1, 200)));
const maxMs = numberArg('max-seconds', values['max-seconds'], 1, 3600) * 1000;
const compareScale = values['compare-scale'] === undefined ? null : numberArg('compare-scale', values['compare-scale'], 0.001, 50);
const ingestSize = Math.round(numberArg('ingest-size', values['ingest-size'], 1, 10_000));
if (scale !== null && !process.env.CLICKHOUSE_URL) {
  process.env.VIGIL_DATA_DIR = path.resolve(values.data ?? path.join('data-bench', `scale-${scale}-${days}d`));
  fs.mkdirSync(path.dirname(process.env.VIGIL_DATA_DIR), { recursive: true });
}
process.env.LOG_LEVEL ??= 'warn';

// ---- the Overview's requests (client/src/pages/overview/Overview.tsx and the panels it holds) ----

const OPERATIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/src/operations');

/** An operation file with the fragments it uses (transitively), as the client sends it. */
function documentOf(file: string): string {
  const own = parse(fs.readFileSync(path.join(OPERATIONS, file), 'utf8'));
  const shared = parse(fs.readFileSync(path.join(OPERATIONS, 'Fragments.graphql'), 'utf8'));
  const fragments = new Map<string, DefinitionNode>();
  for (const d of [...own.definitions, ...shared.definitions]) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const used = new Set<string>();
  const walk = (node: DocumentNode | DefinitionNode) => visit(node, {
    FragmentSpread(s) {
      if (used.has(s.name.value)) return;
      used.add(s.name.value);
      walk(fragments.get(s.name.value)!);
    },
  });
  const operation = own.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
  walk(operation);
  return [operation, ...[...used].map((n) => fragments.get(n)!)].map((d) => print(d)).join('\n');
}

const DOCS = {
  catalogue: documentOf('Catalogue.graphql'),
  markers: documentOf('Markers.graphql'),
  kpis: documentOf('Kpis.graphql'),
  attention: documentOf('Attention.graphql'),
  sparklines: documentOf('Sparklines.graphql'),
  series: documentOf('Series.graphql'),
  breakdown: documentOf('Breakdown.graphql'),
};

const HEADLINES = [
  'decisions', 'proactive_rate', 'time_to_action_p50', 'review_backlog', 'review_sla', 'overturn_rate', 'precision', 'recall',
  'labels', 'annotation_backlog', 'annotation_sla', 'golden_accuracy', 'qa_pass_rate', 'krippendorff_alpha',
];
const CHARTS: [string, string][] = [
  ['decisions', 'POLICY'], ['review_backlog', 'REGION'], ['review_sla', 'REGION'], ['proactive_rate', 'REGION'], ['time_to_action_p50', 'REGION'],
  ['annotation_backlog', 'VENDOR'], ['annotation_sla', 'VENDOR'], ['golden_accuracy', 'VENDOR'], ['qa_pass_rate', 'VENDOR'],
];
const BARS = ['precision', 'recall'];

interface View { name: string; days: number; region: string | null }
interface Call { name: string; query: string; variables: Record<string, unknown> }

const DAY_MS = 86_400_000;
/** client/src/time/range.ts on a preset with grain "auto": from the UTC day N days before the data's end. */
function rangeOf(view: View, dataTo: string) {
  const to = Date.parse(dataTo);
  const from = Math.floor((to - view.days * DAY_MS) / DAY_MS) * DAY_MS;
  return { from: new Date(from).toISOString().replace('.000Z', 'Z'), to: dataTo };
}

function pageCalls(view: View, dataTo: string): Call[] {
  const range = rangeOf(view, dataTo);
  const filters = view.region ? { filters: [{ dimension: 'REGION', values: [view.region] }] } : {};
  const series = (metric: string, groupBy?: string): Call => ({
    name: `series: ${metric}${groupBy ? ` by ${groupBy.toLowerCase()}` : ' (tile)'}`,
    query: DOCS.series,
    variables: { input: { metric, range, grain: null, timeZone: 'UTC', ...filters, ...(groupBy ? { groupBy } : {}) } },
  });
  return [
    { name: 'markers', query: DOCS.markers, variables: { input: { range, ...(view.region ? { regions: [view.region] } : {}) } } },
    { name: 'kpis: 14 headlines vs previous period', query: DOCS.kpis, variables: { input: { metrics: HEADLINES, range, comparison: 'PREVIOUS_PERIOD', timeZone: 'UTC', ...filters } } },
    // what needs attention, with each flag's culprit and since when (server/analysis/attention.ts)
    { name: 'attention: 14 headlines', query: DOCS.attention, variables: { input: { metrics: HEADLINES, range, comparison: 'PREVIOUS_PERIOD', timeZone: 'UTC', ...filters } } },
    { name: 'sparklines: 14 tiles', query: DOCS.sparklines, variables: { input: { metrics: HEADLINES, range, timeZone: 'UTC', ...filters } } },
    ...CHARTS.map(([m, g]) => series(m, g)),
    ...BARS.map((metric) => ({ name: `breakdown: ${metric} by policy`, query: DOCS.breakdown, variables: { input: { metric, range, dimensions: ['POLICY'], ...filters } } })),
  ];
}

// ---- measuring ----

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN;
};
const ms = (x: number) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : Math.round(x)} ms` : '—');

await runCli('bench', async ({ db, log, config }) => {
  let seeded = 'the configured database';
  if (scale !== null) {
    await migrate(db, log);
    if ((await countModerationDecisions(db)) === 0) {
      const r = await seedDemo(db, log, defaultDemoOptions({ scale, days }));
      seeded = `seeded in ${r.seconds.toFixed(1)} s into ${config.dataDir}`;
    } else seeded = `reused ${config.dataDir}`;
  }
  const decisions = await countModerationDecisions(db);
  if (decisions === 0) throw new Error('the database is empty: run `npm run seed` (or `npm start` once), or pass --scale');
  // as the server does at start: agreement's per-day sums up to date before anyone asks
  const refreshStarted = performance.now();
  const refreshedDays = (await refreshAgreement(db)).length;
  if (refreshedDays) seeded += `; agreement sums of ${refreshedDays} days brought up to date in ${((performance.now() - refreshStarted) / 1000).toFixed(1)} s`;

  // everyone may ask as much as they like: the benchmark measures the work, not the rate limit
  const unlimited = { ...config.auth, userRate: 1e9, userBurst: 1e9 };
  const apollo = createApolloServer(unlimited);
  await apollo.start();
  const security = createSecurity(db, log, unlimited);
  let catalogue = new DataCatalogueCache(db);
  const coldStart = () => {
    db.answers?.clear();
    catalogue = new DataCatalogueCache(db);
  };
  const person = (i: number): Access => ({ username: `bench-${i}`, role: 'admin', scope: {} });

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50).unref();

  async function ask<T = any>(call: Call, access: Access): Promise<T> {
    const contextValue: GraphQLContext = { db, log, catalogue, security, access, sessionHash: null, ip: '127.0.0.1' };
    const res = await apollo.executeOperation({ query: call.query, variables: call.variables }, { contextValue });
    if (res.body.kind !== 'single') throw new Error(`${call.name}: not a single answer`);
    if (res.body.singleResult.errors) throw new Error(`${call.name}: ${JSON.stringify(res.body.singleResult.errors).slice(0, 300)}`);
    return res.body.singleResult.data as T;
  }
  const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
    const started = performance.now();
    const r = await f();
    return [r, performance.now() - started];
  };

  /** One person opening the Overview: the catalogue, then every panel and the attention list at once. */
  async function loadPage(view: View, access: Access, perCall?: Map<string, number[]>, sequential = false): Promise<number> {
    const started = performance.now();
    const note = (name: string, t: number) => perCall && perCall.set(name, [...(perCall.get(name) ?? []), t]);
    const run = async <T>(call: Call): Promise<T> => {
      const [r, t] = await timed(() => ask<T>(call, access));
      note(call.name, t);
      return r;
    };
    const all = async <T>(calls: Call[]): Promise<T[]> => {
      if (!sequential) return Promise.all(calls.map((c) => run<T>(c)));
      const out: T[] = [];
      for (const c of calls) out.push(await run<T>(c));
      return out;
    };
    const cat = await run<{ catalogue: { dataTo: string } }>({ name: 'catalogue', query: DOCS.catalogue, variables: {} });
    await all<any>(pageCalls(view, cat.catalogue.dataTo));
    return performance.now() - started;
  }

  const DEFAULT_VIEW: View = { name: 'Overview, last 28 days', days: 28, region: null };
  const lines: [string, string, string][] = [];
  const row = (figure: string, measured: string, goal = '') => lines.push([figure, measured, goal]);

  // Each call on its own, caches cleared before each page: what every call costs cold.
  const perCall = new Map<string, number[]>();
  for (let i = 0; i < repeat; i++) {
    coldStart();
    await loadPage(DEFAULT_VIEW, person(0), perCall, true);
  }
  // The page as the browser asks it: cold, then warm.
  const cold: number[] = [];
  const coldReads: number[] = [];
  for (let i = 0; i < repeat; i++) {
    coldStart();
    const before = db.readsExecuted;
    cold.push(await loadPage(DEFAULT_VIEW, person(0)));
    coldReads.push(db.readsExecuted - before);
  }
  const warm: number[] = [];
  const warmBefore = db.readsExecuted;
  for (let i = 0; i < repeat; i++) warm.push(await loadPage(DEFAULT_VIEW, person(0)));
  const warmReads = (db.readsExecuted - warmBefore) / repeat;
  if (values.statements) {
    await printStatementCosts();
    clearInterval(sampler);
    await apollo.stop();
    return;
  }
  if (values.summary) {
    process.stdout.write(`${JSON.stringify({ decisions, coldP50: quantile(cold, 0.5), coldP95: quantile(cold, 0.95), warmP50: quantile(warm, 0.5), seeded })}\n`);
    clearInterval(sampler);
    await apollo.stop();
    return;
  }

  /**
   * Where the cold time goes: the engine statements of one cold load of the default view (and a
   * region's), each distinct one run alone, one after another, median of `repeat`, slowest first.
   */
  async function printStatementCosts(): Promise<void> {
    const asked = new Map<string, { operation: string; sql: string; params: Record<string, unknown> }>();
    const select = db.select.bind(db);
    db.select = (async (operation: string, sql: string, params: Record<string, unknown> = {}, settings = {}) => {
      asked.set(JSON.stringify([operation, sql, params]), { operation, sql, params });
      return select(operation, sql, params, settings);
    }) as typeof db.select;
    try {
      for (const view of [DEFAULT_VIEW, { name: 'EU, 28 days', days: 28, region: 'EU' }]) {
        coldStart();
        await loadPage(view, person(0), undefined, true);
      }
    } finally {
      db.select = select;
    }
    const costs: [string, number][] = [];
    for (const s of asked.values()) {
      const times: number[] = [];
      for (let i = 0; i < repeat; i++) times.push((await timed(() => db.select(s.operation, s.sql, s.params)))[1]);
      const table = s.sql.match(/FROM (\w+)/)?.[1] ?? '';
      costs.push([`${s.operation} ${table}`, quantile(times, 0.5)]);
    }
    costs.sort((a, b) => b[1] - a[1]);
    const total = costs.reduce((n, [, t]) => n + t, 0);
    process.stdout.write(`\n${costs.length} distinct engine statements in one cold load of the default view and EU's, each alone (median of ${repeat}): ${ms(total)} in all\n`);
    for (const [name, t] of costs.slice(0, 25)) process.stdout.write(`${ms(t).padStart(9)}  ${name}\n`);
    const byOperation = new Map<string, [number, number]>();
    for (const [name, t] of costs) {
      const [n, sum] = byOperation.get(name) ?? [0, 0];
      byOperation.set(name, [n + 1, sum + t]);
    }
    process.stdout.write('by operation and table (statements, time):\n');
    for (const [op, [n, t]] of [...byOperation].sort((a, b) => b[1][1] - a[1][1])) process.stdout.write(`${ms(t).padStart(9)}  ${String(n).padStart(3)} × ${op}\n`);
  }

  // The same panels from the raw tables (same range, UTC days, same grouping), one after another.
  const { catalogue: { dataTo } } = await ask<{ catalogue: { dataTo: string } }>({ name: 'catalogue', query: DOCS.catalogue, variables: {} }, person(0));
  const range = rangeOf(DEFAULT_VIEW, dataTo);
  const rawParams = { from: range.from.replace('T', ' ').replace('Z', ''), to: range.to.replace('T', ' ').replace('Z', '').slice(0, 19) };
  const rawTimes = new Map<string, number>();
  for (const [name, sql] of RAW_PANELS) {
    const times: number[] = [];
    for (let i = 0; i < repeat; i++) times.push((await timed(() => db.select('bench.raw_panel', sql, rawParams)))[1]);
    rawTimes.set(name, quantile(times, 0.5));
  }

  // Many people at once: the same view, then ten views (five regions × 28 and 7 days).
  const VIEWS: View[] = REGIONS.slice(0, 5).map((r) => r.code).flatMap((region) => [28, 7].map((d) => ({ name: `${region} ${d} d`, days: d, region })));
  const crowd = async (n: number, views: View[]) => {
    coldStart();
    const pages: number[] = [];
    let errors = 0;
    const before = db.readsExecuted;
    const started = performance.now();
    const everyone = Promise.all(Array.from({ length: n }, (_, i) =>
      loadPage(views[i % views.length]!, person(i + 1)).then((t) => pages.push(t), (e: Error) => {
        errors++;
        failures.add(e.message.slice(0, 300));
      })));
    const limit = new Promise<'late'>((r) => setTimeout(() => r('late'), maxMs).unref());
    const late = (await Promise.race([everyone, limit])) === 'late';
    return { pages, errors, late, wall: performance.now() - started, reads: db.readsExecuted - before };
  };
  const failures = new Set<string>();
  const crowdRuns: { label: string; n: number; r: Awaited<ReturnType<typeof crowd>>; goal: string }[] = [];
  for (const n of userCounts) {
    crowdRuns.push({ label: `${n} people, same Overview at once`, n, r: await crowd(n, [DEFAULT_VIEW]), goal: n === 50 ? 'page p95 ≤ 2 s, 0 errors' : '' });
    if (crowdRuns.at(-1)!.r.late) break; // what is still running would spoil the next figure
  }
  const widest = Math.max(...userCounts);
  if (!crowdRuns.at(-1)!.r.late) {
    crowdRuns.push({ label: `${widest} people across ${VIEWS.length} views (regions × 28/7 d)`, n: widest, r: await crowd(widest, VIEWS), goal: widest === 50 ? 'page p95 ≤ 5 s, 0 errors' : '' });
  }
  const RELOAD_MS = 8000;
  // The widest same-view crowd again while 4 producers each store a batch of 1,000 decisions a
  // second (in-process, through validation and the exactly-once path). Their decisions are dated in
  // 2001, outside every range the Overview asks, so its figures stay those of the demo, while the
  // batches still expire the cached answers that read the decisions' tables (at most once per
  // VIGIL_CACHE_STALE_MS) and load the engine, as real producers do.
  let withProducers: { r: Awaited<ReturnType<typeof crowd>>; batches: number; without: Awaited<ReturnType<typeof crowd>>; reloads: number; reloadExecutions: number | null } | null = null;
  const sameView = crowdRuns.filter((c) => c.label.includes('same Overview')).at(-1);
  if (sameView && !sameView.r.late) {
    const decisionsStream = streamByName.get('moderation-decisions')!;
    const ingestor = new Ingestor(db);
    const runId = Date.now().toString(36);
    let stop = false;
    let batches = 0;
    const producer = async (p: number) => {
      for (let b = 0; !stop; b++) {
        const started = performance.now();
        const body = Array.from({ length: 1000 }, (_, i) => JSON.stringify({
          ...decisionsStream.example, decision_id: `bench-${runId}-${p}-${b}-${i}`, content_id: `bench-${runId}-${p}-${b}-${i}`,
          posted_at: '2001-01-01T00:00:00Z', flagged_at: '2001-01-01T00:00:10Z', decided_at: '2001-01-01T00:01:00Z',
        })).join('\n');
        await ingestor.ingest(decisionsStream, validateBatch(decisionsStream, parseBatch(body, 'ndjson')));
        batches++;
        await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (performance.now() - started))));
      }
    };
    const producing = Promise.all([0, 1, 2, 3].map(producer));
    await new Promise((r) => setTimeout(r, 1500)); // producers in full swing first
    const r = await crowd(sameView.n, [DEFAULT_VIEW]);
    // then one person reloading the Overview for RELOAD_MS while they write: the statements each
    // load sends to the engine (the answer cache's executions, so ingestion's own reads are not
    // counted) say how often the batches make the page recompute
    const executionsBefore = db.answers?.stats().executions ?? 0;
    const reloadUntil = performance.now() + RELOAD_MS;
    let reloads = 0;
    while (performance.now() < reloadUntil) {
      // a new person each time: one person's rate bucket is not what this measures
      await loadPage(DEFAULT_VIEW, person(1000 + reloads));
      reloads++;
    }
    const reloadExecutions = db.answers ? db.answers.stats().executions - executionsBefore : null;
    stop = true;
    await producing;
    withProducers = { r, batches, without: sameView.r, reloads, reloadExecutions };
  }
  clearInterval(sampler);
  await apollo.stop();

  // Ingestion over HTTP, and the page at a second scale: child processes, each on its own folder.
  const child = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' }, maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`${args[0]} failed: ${r.stderr.slice(0, 500)}`);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as unknown;
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const ingestion = values['no-ingest'] ? null : (child([path.join(here, 'benchIngest.ts'), '--json', '--batches', String(Math.max(3, repeat)), '--size', String(ingestSize)]) as IngestFigures);
  const compared = compareScale === null ? null : (child([
    fileURLToPath(import.meta.url), '--summary', '--scale', String(compareScale), '--days', String(days), '--repeat', String(repeat),
  ]) as { decisions: number; coldP50: number; coldP95: number; warmP50: number; seeded: string });

  // ---- the table ----
  const out = process.stdout;
  out.write(`\nVigil benchmark — ${db.kind} engine, ${decisions.toLocaleString('en')} moderation decisions (${scale !== null ? `demo scale ${scale}, ${days} days, ` : ''}${seeded})\n`);
  out.write(`answer cache: ${db.answers ? `on (${config.cache.maxMb} MB)` : 'off'}; cold = this process's caches cleared; ${repeat} runs per figure\n`);
  // on a shared machine the times say little without it
  out.write(`${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min) at the end\n\n`);
  const nameWidth = Math.max(...[...perCall.keys()].map((k) => k.length), 40);
  out.write(`${'Overview call (cold, one after another)'.padEnd(nameWidth)}  ${'p50'.padStart(8)}  ${'p95'.padStart(8)}   goal at scale 20: p95 ≤ 250 ms\n`);
  let worst = 0;
  for (const [name, times] of perCall) {
    worst = Math.max(worst, quantile(times, 0.95));
    out.write(`${name.padEnd(nameWidth)}  ${ms(quantile(times, 0.5)).padStart(8)}  ${ms(quantile(times, 0.95)).padStart(8)}\n`);
  }
  out.write('\n');
  row('requests per Overview load', String(perCall.size === 0 ? 0 : Math.round([...perCall.values()].reduce((a, t) => a + t.length, 0) / repeat)));
  row('slowest call, cold p95', ms(worst), '≤ 250 ms');
  row('Overview API work, cold (p50 / p95)', `${ms(quantile(cold, 0.5))} / ${ms(quantile(cold, 0.95))}`, 'p95 ≤ 600 ms');
  row('Overview API work, warm (p50 / p95)', `${ms(quantile(warm, 0.5))} / ${ms(quantile(warm, 0.95))}`, 'p95 ≤ 60 ms');
  row('engine statements per load, cold / warm', `${quantile(coldReads, 0.5)} / ${warmReads}`);
  for (const { label, r, goal } of crowdRuns) {
    const measured = r.late
      ? `unfinished after ${maxMs / 1000} s (${r.pages.length} pages done)`
      : `p50 ${ms(quantile(r.pages, 0.5))}, p95 ${ms(quantile(r.pages, 0.95))}, all in ${ms(r.wall)}, ${r.errors} errors, ${r.reads} statements`;
    row(label, measured, goal);
  }
  if (withProducers) {
    const { r, batches, without, reloads, reloadExecutions } = withProducers;
    const ratio = quantile(r.pages, 0.95) / quantile(without.pages, 0.95);
    row(
      `${r.pages.length + r.errors} people, same Overview, 4 producers writing 1 batch/s`,
      `p50 ${ms(quantile(r.pages, 0.5))}, p95 ${ms(quantile(r.pages, 0.95))} (${ratio.toFixed(2)}× without), ${r.errors} errors, ${batches} batches of 1,000 stored meanwhile, ${r.reads} statements (${without.reads} without)`,
      'p95 ≤ 1.3× without producers',
    );
    row(
      `one person reloading the Overview for ${RELOAD_MS / 1000} s meanwhile`,
      `${reloads} loads, ${reloadExecutions === null ? 'no answer cache' : `${(reloadExecutions / reloads).toFixed(1)} engine statements per load (${reloadExecutions} in all)`}`,
    );
  }
  row('peak RSS of this process (engine included)', `${Math.round(peakRss / 1024 / 1024)} MB`, '≤ 1.5 GB');
  if (ingestion) {
    for (const h of ingestion.http) {
      row(`ingestion over HTTP, ${h.producers} producer${h.producers > 1 ? 's' : ''}, batches of ${ingestion.batchSize.toLocaleString('en')}`,
        `${h.rowsPerSecond.toLocaleString('en')} rows/s (batch p50 ${h.batchP50Ms} ms)`, h.producers === 4 ? '≥ 150,000 rows/s (stretch 300,000), scaling with producers' : '');
    }
    row('ingestion in the engine (INSERT … SELECT, same table and views)', `${ingestion.inEngineRowsPerSecond.toLocaleString('en')} rows/s`, 'the ceiling');
  }
  if (compared) {
    const first = quantile(cold, 0.95);
    // the goal is the larger data's time over the smaller's, whichever order the scales were given in
    const ratio = decisions >= compared.decisions ? first / compared.coldP95 : compared.coldP95 / first;
    row(`Overview API work cold p95, scale ${scale ?? '(configured)'} → scale ${compareScale} (${compared.decisions.toLocaleString('en')} decisions)`,
      `${ms(first)} → ${ms(compared.coldP95)}: larger ÷ smaller ${ratio.toFixed(2)}`, 'scale 20 ÷ scale 1 ≤ 1.3');
  }
  out.write(`raw tables ÷ rollups per Overview panel (cold, p50; raw = the panel's SQL over the raw events)   goal: every panel ≥ 40×\n`);
  let least = Number.POSITIVE_INFINITY;
  for (const [name, raw] of rawTimes) {
    const viaApi = quantile(perCall.get(name) ?? [], 0.5);
    const ratio = raw / viaApi;
    if (Number.isFinite(ratio)) least = Math.min(least, ratio);
    out.write(`${name.padEnd(nameWidth)}  raw ${ms(raw).padStart(8)}  rollup ${ms(viaApi).padStart(8)}  ${Number.isFinite(ratio) ? `${ratio.toFixed(1)}×` : '—'}\n`);
  }
  out.write('\n');
  row('raw ÷ rollup, smallest over the panels', Number.isFinite(least) ? `${least.toFixed(1)}×` : '—', '≥ 40×');
  const w0 = Math.max(...lines.map((l) => l[0].length));
  const w1 = Math.max(...lines.map((l) => l[1].length));
  out.write(`${'figure'.padEnd(w0)}  ${'measured'.padEnd(w1)}  goal (issue 14, scale 20)\n`);
  for (const [f, m, g] of lines) out.write(`${f.padEnd(w0)}  ${m.padEnd(w1)}  ${g}\n`);
  for (const f of failures) out.write(`error: ${f}\n`);
});
