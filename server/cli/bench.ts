// `npm run bench`: a dashboard's worth of API calls against the configured database (the demo),
// each repeated, printing response times. Run it on a seeded database (npm start once, or seed).
import { parseArgs } from 'node:util';
import { runCli } from './run.js';
import { createApolloServer } from '../graphql/server.js';
import { DataCatalogueCache } from '../metrics/dataCatalogue.js';
import { FULL_ACCESS } from '../access/access.js';
import { createSecurity } from '../auth/security.js';
import { moderationDataSpan } from '../queries/catalogueQueries.js';
import { toIso, DAY_S, HOUR_S } from '../domain/time.js';

await runCli('bench', async ({ db, log, config }) => {
  const { values } = parseArgs({ options: { repeat: { type: 'string', default: '5' } } });
  const repeat = Number(values.repeat);
  const span = await moderationDataSpan(db);
  if (!span) throw new Error('the database is empty: run `npm run seed` (or `npm start` once) first');
  const end = span.to + HOUR_S;
  const days = (n: number) => ({ from: toIso(end - n * DAY_S), to: toIso(end) });
  const apollo = createApolloServer(config.auth);
  await apollo.start();
  const catalogue = new DataCatalogueCache(db);
  const security = createSecurity(db, log, config.auth);
  const P = 'value numerator denominator low high lowSample';
  const series = `query($input: SeriesInput!) { series(input: $input) { grain buckets groups { key total { ${P} } points { ${P} } } total { ${P} } } }`;
  const calls: [string, string, Record<string, unknown>][] = [
    ['catalogue (cached after the first call)', '{ catalogue { metrics { id label } dimensions { id values { code } } dataTo } }', {}],
    ['kpis: 12 headline metrics, 7 d vs previous week', `query($input: KpiInput!) { kpis(input: $input) { metric { id } current { ${P} } previous { ${P} } pValue targetStatus } }`, {
      input: { metrics: ['decisions', 'action_rate', 'proactive_rate', 'time_to_action_p90', 'review_backlog', 'review_sla', 'precision', 'recall', 'labels', 'annotation_sla', 'golden_accuracy', 'qa_pass_rate'], range: days(7), comparison: 'PREVIOUS_WEEK' },
    }],
    ['series: decisions by policy, 28 d daily', series, { input: { metric: 'decisions', range: days(28), groupBy: 'POLICY' } }],
    ['series: decisions, 7 d hourly', series, { input: { metric: 'decisions', range: days(7), grain: 'HOUR' } }],
    ['series: proactive rate by region, 90 d', series, { input: { metric: 'proactive_rate', range: days(90), groupBy: 'REGION' } }],
    ['series: time to action p50 by region, 28 d', series, { input: { metric: 'time_to_action_p50', range: days(28), groupBy: 'REGION' } }],
    ['series: review backlog LATAM, 28 d hourly', series, { input: { metric: 'review_backlog', range: days(28), grain: 'HOUR', filters: [{ dimension: 'REGION', values: ['LATAM'] }] } }],
    ['series: precision by policy, 90 d', series, { input: { metric: 'precision', range: days(90), groupBy: 'POLICY' } }],
    ['series: golden accuracy by vendor, 90 d', series, { input: { metric: 'golden_accuracy', range: days(90), groupBy: 'VENDOR' } }],
    ["series: Krippendorff's alpha by vendor, 28 d", series, { input: { metric: 'krippendorff_alpha', range: days(28), groupBy: 'VENDOR' } }],
    ['breakdown: action rate region × policy, 7 d', `query($input: BreakdownInput!) { breakdown(input: $input) { cells { keys point { ${P} } } total { value } } }`, {
      input: { metric: 'action_rate', range: days(7), dimensions: ['REGION', 'POLICY'] },
    }],
    ['model curve: safety-mm 3.3, 90 d', `query($input: ModelCurveInput!) { modelCurve(input: $input) { averagePrecision bestThreshold { threshold } } }`, {
      input: { model: 'safety-mm', version: '3.3', range: days(90) },
    }],
  ];
  const results: { name: string; p50: number; max: number }[] = [];
  for (const [name, query, variables] of calls) {
    const times: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const started = performance.now();
      const res = await apollo.executeOperation({ query, variables }, { contextValue: { db, log, catalogue, security, access: FULL_ACCESS, sessionHash: null, ip: '' } });
      times.push(performance.now() - started);
      if (res.body.kind === 'single' && res.body.singleResult.errors) throw new Error(`${name}: ${JSON.stringify(res.body.singleResult.errors)}`);
    }
    times.sort((a, b) => a - b);
    results.push({ name, p50: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]! });
  }
  await apollo.stop();
  const width = Math.max(...results.map((r) => r.name.length));
  process.stdout.write(`${'call'.padEnd(width)}  p50 ms  max ms   (${repeat} runs each, ${db.kind} engine)\n`);
  for (const r of results) process.stdout.write(`${r.name.padEnd(width)}  ${r.p50.toFixed(0).padStart(6)}  ${r.max.toFixed(0).padStart(6)}\n`);
  const total = results.reduce((a, r) => a + r.p50, 0);
  process.stdout.write(`${'a whole dashboard, one call after another'.padEnd(width)}  ${total.toFixed(0).padStart(6)}\n`);
});
