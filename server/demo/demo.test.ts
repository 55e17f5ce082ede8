// The demo is deterministic and tells its stories: checked with SQL on a small seeded database.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { seedDemo, type SeedResult } from './seed.js';
import { generateModeration } from './moderation.js';
import { generateModels } from './models.js';
import { generateAnnotation } from './annotation.js';
import { TsvWriter } from './writer.js';
import { DECISIONS_INSERT, GROUND_TRUTH_INSERT, LABELS_INSERT } from './inserts.js';
import type { Database } from '../db/database.js';
import { DAY, HOUR, type DemoOptions } from './world.js';
import { lastCompleteWeekStart } from '../domain/time.js';
import { startTestApi, type TestApi } from '../testing/testApi.js';

// A Monday, so the last complete ISO week is the one just before it.
const END = Date.parse('2026-03-30T00:00:00Z') / 1000;
const OPTIONS: DemoOptions = { seed: 7, days: 75, scale: 0.3, end: END };

let t: TestDatabase;
let seeded: SeedResult;
beforeAll(async () => {
  t = await openTestDatabase();
  seeded = await seedDemo(t.db, t.log, OPTIONS);
});
afterAll(async () => t.close());

const one = async <T>(sql: string, params: Record<string, unknown> = {}) => (await t.db.select<T>('test.demo', sql, params))[0]!;
const dt = (s: number) => new Date(s * 1000).toISOString().slice(0, 19).replace('T', ' ');

/** Hash of every row the generators write, without a database. */
async function fingerprint(o: DemoOptions): Promise<string> {
  const hash = createHash('sha256');
  const sink = { insertTsv: async (_op: string, table: string, rows: Buffer) => void hash.update(table).update(rows) } as unknown as Database;
  const w = (insert: typeof DECISIONS_INSERT) => new TsvWriter(sink, insert, 1 << 20);
  const writers = [w(DECISIONS_INSERT), w(DECISIONS_INSERT), w(DECISIONS_INSERT)];
  await generateModeration(o, { decisions: writers[0]!, enqueues: writers[1]!, appeals: writers[2]! });
  const models = { predictions: w(GROUND_TRUTH_INSERT), groundTruth: w(GROUND_TRUTH_INSERT) };
  await generateModels(o, models);
  const annotation = { taskEvents: w(LABELS_INSERT), labels: w(LABELS_INSERT), audits: w(LABELS_INSERT) };
  await generateAnnotation(o, annotation);
  for (const x of [...writers, models.predictions, models.groundTruth, annotation.taskEvents, annotation.labels, annotation.audits]) await x.close();
  return hash.digest('hex');
}

describe('demo generator', () => {
  it('is deterministic: the same options give the same rows, another seed other rows', async () => {
    const small = { ...OPTIONS, days: 21, scale: 0.05 };
    const a = await fingerprint(small);
    expect(await fingerprint(small)).toBe(a);
    expect(await fingerprint({ ...small, seed: 8 })).not.toBe(a);
  });

  it('stores every generated row, and the rollups count every raw row', async () => {
    const counts = await one<Record<string, string>>(`SELECT
      (SELECT count() FROM moderation_decisions) AS decisions, (SELECT sum(decisions) FROM moderation_hourly) AS rolled_decisions,
      (SELECT count() FROM model_predictions) AS predictions, (SELECT sum(predictions) FROM model_scores_daily) AS rolled_predictions,
      (SELECT count() FROM annotation_labels) AS labels, (SELECT sum(labels) FROM annotation_labels_hourly) AS rolled_labels,
      (SELECT count() FROM ground_truth_labels) AS truth, (SELECT count() FROM model_outcomes) AS outcomes`);
    expect(Number(counts.decisions)).toBe(seeded.rows.moderation_decisions);
    expect(counts.rolled_decisions).toBe(counts.decisions);
    expect(Number(counts.predictions)).toBe(seeded.rows.model_predictions);
    expect(counts.rolled_predictions).toBe(counts.predictions);
    expect(Number(counts.labels)).toBe(seeded.rows.annotation_labels);
    expect(counts.rolled_labels).toBe(counts.labels);
    // every ground-truth label found its prediction
    expect(counts.outcomes).toBe(counts.truth);
    expect(seeded.rows.moderation_decisions).toBeGreaterThan(400_000);
  });

  it('has regions whose sizes differ by more than an order of magnitude', async () => {
    const r = await one<{ biggest: string; smallest: string }>(
      'SELECT max(n) AS biggest, min(n) AS smallest FROM (SELECT region, sum(decisions) AS n FROM moderation_hourly GROUP BY region)',
    );
    expect(Number(r.biggest) / Number(r.smallest)).toBeGreaterThan(10);
  });
});

describe('planted stories', () => {
  it('1: model 3.3 loses precision on harassment in SEA until it is rolled back', async () => {
    const precision = (version: string, policy: string, from: number, to: number) =>
      one<{ p: number; n: string }>(
        `SELECT sum(true_positives) / (sum(true_positives) + sum(false_positives)) AS p, sum(true_positives) + sum(false_positives) AS n
         FROM model_performance_daily
         WHERE region = 'SEA' AND model_version = {v:String} AND policy = {p:String} AND day >= toDate({from:DateTime('UTC')}) AND day < toDate({to:DateTime('UTC')})`,
        { v: version, p: policy, from: dt(from), to: dt(to) },
      );
    const rollout = END - 40 * DAY + 11 * HOUR;
    const rollback = END - 28 * DAY;
    const during = await precision('3.3', 'harassment_bullying', rollout, rollback);
    const before = await precision('3.2', 'harassment_bullying', rollout - 25 * DAY, rollout - DAY);
    const otherPolicy = await precision('3.3', 'hate_speech', rollout, rollback);
    expect(Number(during.n)).toBeGreaterThan(50);
    expect(during.p).toBeLessThan(0.65);
    expect(before.p).toBeGreaterThan(0.75);
    expect(otherPolicy.p).toBeGreaterThan(0.75);
    const rollouts = await t.db.select<{ event: string; model_version: string }>(
      'test.demo', "SELECT event, model_version FROM model_rollouts WHERE region = 'SEA' AND model_version IN ('3.3') OR event = 'rollback' ORDER BY at");
    expect(rollouts).toEqual([{ event: 'rollout', model_version: '3.3' }, { event: 'rollback', model_version: '3.2' }]);
  });

  it('2: Tessera golden-set accuracy dips for ten days after onboarding, other vendors do not', async () => {
    const accuracy = (vendor: string, from: number, to: number) =>
      one<{ a: number }>(
        `SELECT sum(golden_correct) / sum(golden_labels) AS a FROM annotation_labels_hourly
         WHERE vendor = {v:String} AND hour >= {from:DateTime('UTC')} AND hour < {to:DateTime('UTC')}`,
        { v: vendor, from: dt(from), to: dt(to) },
      );
    const onboarded = END - 60 * DAY;
    expect((await accuracy('tessera', onboarded, onboarded + 10 * DAY)).a).toBeLessThan(0.85);
    expect((await accuracy('tessera', onboarded - 14 * DAY, onboarded)).a).toBeGreaterThan(0.88);
    expect((await accuracy('tessera', onboarded + 25 * DAY, END)).a).toBeGreaterThan(0.88);
    expect((await accuracy('kestrel', onboarded, onboarded + 10 * DAY)).a).toBeGreaterThan(0.88);
  });

  it('3: a surge of user reports in LATAM fills the review backlog and breaks the SLA in the last complete week', async () => {
    const week = lastCompleteWeekStart(END);
    const backlog = (from: number, to: number) =>
      one<{ peak: string }>(
        `SELECT max(backlog) AS peak FROM (
           SELECT hour, sum(sum(enqueued) - sum(reviewed)) OVER (ORDER BY hour) AS backlog
           FROM review_flow_hourly WHERE region = 'LATAM' GROUP BY hour)
         WHERE hour >= {from:DateTime('UTC')} AND hour < {to:DateTime('UTC')}`,
        { from: dt(from), to: dt(to) },
      );
    const sla = (from: number, to: number) =>
      one<{ s: number }>(
        `SELECT sum(reviewed_within_sla) / sum(reviewed) AS s FROM review_flow_hourly
         WHERE region = 'LATAM' AND queue = 'review-latam' AND hour >= {from:DateTime('UTC')} AND hour < {to:DateTime('UTC')}`,
        { from: dt(from), to: dt(to) },
      );
    const surgePeak = Number((await backlog(week, week + 7 * DAY)).peak);
    const usualPeak = Number((await backlog(week - 28 * DAY, week)).peak);
    expect(surgePeak).toBeGreaterThan(5 * usualPeak);
    expect((await sla(week, week + 7 * DAY)).s).toBeLessThan(0.7);
    expect((await sla(week - 28 * DAY, week)).s).toBeGreaterThan(0.95);
    // other regions keep their SLA that week
    const eu = await one<{ s: number }>(
      `SELECT sum(reviewed_within_sla) / sum(reviewed) AS s FROM review_flow_hourly
       WHERE region = 'EU' AND hour >= {from:DateTime('UTC')} AND hour < {to:DateTime('UTC')}`,
      { from: dt(week), to: dt(week + 7 * DAY) },
    );
    expect(eu.s).toBeGreaterThan(0.95);
  });
});

describe('the retrospective of each planted story surfaces it', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(t);
  });
  afterAll(async () => api.stop());

  const RETRO = `query($week: String) { retrospective(input: { week: $week }) {
    week movers { metric { id } keys change qValue } anomalies { metric { id } sliceKey direction day }
    events { kind title } notes { title } markdown } }`;
  const retro = async (week: number) => (await api.ok(RETRO, { week: new Date(week * 1000).toISOString().slice(0, 10) })).retrospective;
  const mover = (r: any, metric: string, keys: string) => r.movers.find((m: any) => m.metric.id === metric && m.keys.join('|') === keys);

  it('3: the surge week (the default week) shows LATAM reports up, its SLA breached, and the incident', async () => {
    const r = (await api.ok(RETRO, {})).retrospective;
    expect(r.week).toBe(new Date(lastCompleteWeekStart(END) * 1000).toISOString().slice(0, 10));
    for (const policy of ['misinformation', 'hate_speech', 'harassment_bullying']) expect(mover(r, 'decisions', `LATAM|${policy}`)?.change).toBeGreaterThan(0);
    expect(r.events.map((e: any) => e.title)).toContain('review-latam below the 95.0 % review SLA');
    expect(r.anomalies.some((a: any) => a.metric.id === 'decisions' && a.sliceKey === 'LATAM' && a.direction === 'ABOVE')).toBe(true);
    expect(r.notes.map((n: any) => n.title)).toContain('Election in Brazil: surge of user reports');
    expect(r.markdown).toMatch(/## Top movers[\s\S]*Latin America × Misinformation/);
  });

  it('1: the rollout week shows 3.3 arriving in SEA and its precision falling on harassment', async () => {
    const week = lastCompleteWeekStart(END - 40 * DAY + 7 * DAY);
    const r = await retro(week);
    expect(r.events).toContainEqual({ kind: 'ROLLOUT', title: 'safety-mm 3.3 in SEA' });
    expect(mover(r, 'decisions', 'SEA|harassment_bullying')?.change).toBeGreaterThan(0);
    const next = await retro(week + 7 * DAY);
    const drops = [mover(r, 'precision', 'SEA|harassment_bullying'), mover(next, 'precision', 'SEA|harassment_bullying')].filter(Boolean);
    expect(drops.length).toBeGreaterThan(0);
    for (const d of drops) expect(d.change).toBeLessThan(-0.1);
  });

  it('2: the onboarding weeks show Tessera golden-set accuracy falling', async () => {
    const onboarded = END - 60 * DAY;
    const weeks = [lastCompleteWeekStart(onboarded + 7 * DAY), lastCompleteWeekStart(onboarded + 14 * DAY)];
    let seen = false;
    for (const w of weeks) {
      const r = await retro(w);
      seen ||= r.events.some((e: any) => e.kind === 'QUALITY_DIP' && e.title.startsWith('Tessera BPO'))
        || r.anomalies.some((a: any) => a.metric.id === 'golden_accuracy' && a.sliceKey === 'tessera' && a.direction === 'BELOW');
    }
    expect(seen).toBe(true);
  });
});
