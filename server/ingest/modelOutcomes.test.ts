// Model outcomes through ingestion, on the real engine: scores and labels joined whichever arrives
// first, one outcome per (prediction, label source) — the latest label, ties to the highest
// label_id — and support counting exactly what recall and the false-positive rate rest on.
// The same events are sent in several arrival orders, each under its own model and item ids, and
// every scenario must give the figures worked out by hand below and the same rows in every table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { startTestApi, type TestApi } from '../testing/testApi.js';
import { Ingestor } from './ingest.js';
import { streamByName } from './streams.js';
import { parseBatch, validateBatch } from './validate.js';
import type { Database } from '../db/database.js';

let t: TestDatabase;
let api: TestApi;
let TOKEN: string;

beforeAll(async () => {
  t = await openTestDatabase();
  api = await startTestApi(t, { http: true, ingest: { maxBytes: 256 * 1024, maxRows: 500, ratePerSecond: 1000, burst: 1000 } });
  TOKEN = (await api.security.tokens.create('test producer', [], 'test')).secret;
});
afterAll(async () => {
  await api.stop();
  await t.close();
});

type Stream = 'model-predictions' | 'ground-truth';
interface Event {
  stream: Stream;
  row: Record<string, unknown>;
}

// Threshold 0.5. Item i1 is scored twice (0.9 on 2 March, re-scored 0.45 on 3 March).
const SCORES: [id: string, item: string, score: number, day: string][] = [
  ['s1', 'i1', 0.9, '02'], ['s1b', 'i1', 0.45, '03'], ['s2', 'i2', 0.8, '02'], ['s3', 'i3', 0.7, '02'], ['s4', 'i4', 0.3, '02'],
  ['s5', 'i5', 0.2, '02'], ['s6', 'i6', 0.6, '02'], ['s7', 'i7', 0.4, '02'], ['s8', 'i8', 0.1, '02'],
];
const LABELS: [id: string, item: string, source: string, violating: boolean, day: string][] = [
  ['l1', 'i1', 'random_audit', true, '05'],
  ['l2', 'i2', 'random_audit', false, '05'], // relabelled on the 6th: l3 wins
  ['l3', 'i2', 'random_audit', true, '06'],
  ['l4', 'i3', 'random_audit', false, '05'],
  ['l5', 'i4', 'random_audit', true, '05'],
  ['l6', 'i5', 'random_audit', false, '05'],
  ['l7-a', 'i6', 'random_audit', true, '05'], // same second as l7-b: the higher label_id (l7-b) wins
  ['l7-b', 'i6', 'random_audit', false, '05'],
  ['l8', 'i7', 'golden_set', false, '04'],
  ['h1', 'i1', 'human_review', true, '03'],
  ['h2', 'i3', 'human_review', true, '03'],
  ['h3', 'i2', 'human_review', false, '03'],
];

// Worked out by hand, one outcome per (prediction, source):
//   random_audit: s1 0.9 violating TP; s1b 0.45 violating FN; s2 0.8 violating (l3) TP; s3 0.7 benign FP;
//                 s4 0.3 violating FN; s5 0.2 benign TN; s6 0.6 benign (l7-b) FP       -> TP 2 FP 2 FN 2 TN 1
//   golden_set:   s7 0.4 benign TN                                                      -> TN 1
//   human_review: s1 TP; s1b FN; s3 0.7 violating TP; s2 0.8 benign FP                   -> TP 2 FP 1 FN 1
//   s8 is never labelled.
const OUTCOMES = [
  ['s1', 'human_review', 'h1', 1], ['s1', 'random_audit', 'l1', 1], ['s1b', 'human_review', 'h1', 1], ['s1b', 'random_audit', 'l1', 1],
  ['s2', 'human_review', 'h3', 0], ['s2', 'random_audit', 'l3', 1], ['s3', 'human_review', 'h2', 1], ['s3', 'random_audit', 'l4', 0],
  ['s4', 'random_audit', 'l5', 1], ['s5', 'random_audit', 'l6', 0], ['s6', 'random_audit', 'l7-b', 0], ['s7', 'golden_set', 'l8', 0],
].map(([prediction, source, label, violating]) => ({ prediction, source, label, violating }));
const UNBIASED = { tp: 2, fp: 2, fn: 2, tn: 2 };
const HUMAN = { tp: 2, fp: 1, fn: 1, tn: 0 };
const ALL = { tp: 4, fp: 3, fn: 3, tn: 2 };

/** The events of one scenario: model, items and ids prefixed so scenarios never meet. */
function events(prefix: string): Event[] {
  const scores = SCORES.map(([id, item, score, day]): Event => ({
    stream: 'model-predictions',
    row: {
      prediction_id: `${prefix}-${id}`, content_id: `${prefix}-${item}`, scored_at: `2026-03-${day}T10:00:00Z`, model_id: `model-${prefix}`,
      model_version: '3.3', country: 'PH', policy: 'harassment_bullying', score, threshold: 0.5,
    },
  }));
  const labels = LABELS.map(([id, item, source, violating, day]): Event => ({
    stream: 'ground-truth',
    row: { label_id: `${prefix}-${id}`, content_id: `${prefix}-${item}`, policy: 'harassment_bullying', label_source: source, is_violating: violating, labelled_at: `2026-03-${day}T08:00:00Z` },
  }));
  return [...scores, ...labels];
}

/** Deterministic shuffle (mulberry32), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed;
  const random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Consecutive events of one stream, at most `size` per batch. */
function batches(list: readonly Event[], size: number): Event[][] {
  const out: Event[][] = [];
  for (const e of list) {
    const last = out.at(-1);
    if (last && last[0]!.stream === e.stream && last.length < size) last.push(e);
    else out.push([e]);
  }
  return out;
}

async function push(batch: Event[]) {
  const res = await fetch(`${api.url}/ingest/v1/${batch[0]!.stream}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' },
    body: batch.map((e) => JSON.stringify(e.row)).join('\n'),
  });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body as { accepted: number; duplicates: number };
}

const SCENARIOS = {
  // scores first, then labels day by day as they were given
  ordered: async (p: string) => {
    const all = events(p);
    await push(all.filter((e) => e.stream === 'model-predictions'));
    const labels = all.filter((e) => e.stream === 'ground-truth');
    for (const day of ['03', '04', '05', '06']) await push(labels.filter((e) => String(e.row.labelled_at).startsWith(`2026-03-${day}`)));
  },
  // every label before any score, shuffled, three per batch; scores two per batch
  labelsFirst: async (p: string) => {
    const all = shuffled(events(p), 7);
    for (const b of batches(all.filter((e) => e.stream === 'ground-truth'), 3)) await push(b);
    for (const b of batches(all.filter((e) => e.stream === 'model-predictions'), 2)) await push(b);
  },
  // both streams interleaved at random, and every third batch sent again later
  interleaved: async (p: string) => {
    const sent: Event[][] = [];
    for (const b of batches(shuffled(events(p), 11), 3)) {
      await push(b);
      sent.push(b);
      if (sent.length % 3 === 0) expect((await push(sent[sent.length - 3]!)).accepted).toBe(0);
    }
  },
  // one event per batch, all sent at once: the ingestor must still write them one at a time
  concurrent: async (p: string) => {
    await Promise.all(batches(shuffled(events(p), 23), 1).map(push));
  },
};
type Scenario = keyof typeof SCENARIOS;
const NAMES = Object.keys(SCENARIOS) as Scenario[];

const rows = <T>(sql: string, params: Record<string, unknown> = {}) => t.db.select<T>('test.outcomes', sql, params);
const strip = (p: string) => (v: unknown) => String(v).replace(`${p}-`, '');

/** Net outcomes of a scenario, as (prediction, source, label, violating), ids without the prefix. */
async function outcomes(p: string) {
  const got = await rows<{ prediction_id: string; label_source: string; label_id: string; is_violating: number; n: number }>(
    `SELECT prediction_id, label_source, label_id, is_violating, sum(sign) AS n FROM model_outcomes
     WHERE startsWith(content_id, {p:String}) GROUP BY prediction_id, label_source, label_id, is_violating HAVING n != 0
     ORDER BY prediction_id, label_source`,
    { p: `${p}-` },
  );
  return got.map((r) => ({ prediction: strip(p)(r.prediction_id), source: r.label_source, label: strip(p)(r.label_id), violating: Number(r.is_violating), n: Number(r.n) }));
}

/** What every table derived from the two streams holds for a scenario, ids and model without the prefix. */
async function tables(p: string) {
  const params = { p: `${p}-`, m: `model-${p}` };
  const s = strip(p);
  return {
    predictions: (await rows<Record<string, unknown>>('SELECT prediction_id, content_id, score FROM model_predictions WHERE startsWith(content_id, {p:String}) ORDER BY prediction_id', params))
      .map((r) => [s(r.prediction_id), s(r.content_id), r.score]),
    predictionsByContent: (await rows<Record<string, unknown>>('SELECT prediction_id FROM predictions_by_content WHERE startsWith(content_id, {p:String}) ORDER BY prediction_id', params))
      .map((r) => s(r.prediction_id)),
    labels: (await rows<Record<string, unknown>>('SELECT label_id, is_violating FROM ground_truth_labels WHERE startsWith(content_id, {p:String}) ORDER BY label_id', params))
      .map((r) => [s(r.label_id), r.is_violating]),
    labelsByContent: (await rows<Record<string, unknown>>('SELECT label_id FROM labels_by_content WHERE startsWith(content_id, {p:String}) ORDER BY label_id', params))
      .map((r) => s(r.label_id)),
    outcomes: await outcomes(p),
    performance: await rows(
      `SELECT day, model_version, region, policy, label_source, max(deployed_threshold) AS threshold,
              sum(true_positives) AS tp, sum(false_positives) AS fp, sum(false_negatives) AS fn, sum(true_negatives) AS tn,
              sumMap(positive_score_hist) AS positives, sumMap(negative_score_hist) AS negatives
       FROM model_performance_daily WHERE model_id = {m:String}
       GROUP BY day, model_version, region, policy, label_source ORDER BY day, label_source`,
      params,
    ),
    scores: await rows(
      `SELECT day, model_version, region, policy, sum(predictions) AS n, sum(flagged) AS flagged, sumMap(score_hist) AS hist
       FROM model_scores_daily WHERE model_id = {m:String} GROUP BY day, model_version, region, policy ORDER BY day`,
      params,
    ),
  };
}

const POINT = 'value numerator denominator';
async function total(metric: string, p: string, sources?: string[]) {
  const filters = [{ dimension: 'MODEL', values: [`model-${p}`] }, ...(sources ? [{ dimension: 'LABEL_SOURCE', values: sources }] : [])];
  const data = await api.ok(`query($i: SeriesInput!) { series(input: $i) { total { ${POINT} } } }`, {
    i: { metric, range: { from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' }, grain: 'DAY', filters },
  });
  return data.series.total as { value: number | null; numerator: number | null; denominator: number | null };
}

describe('model outcomes in any arrival order', () => {
  beforeAll(async () => {
    for (const name of NAMES) await SCENARIOS[name](name.toLowerCase());
  }, 120_000);

  it.each(NAMES)('%s: one outcome per prediction and label source, as worked out by hand', async (name) => {
    expect(await outcomes(name.toLowerCase())).toEqual(OUTCOMES.map((o) => ({ ...o, n: 1 })));
  });

  it('a prediction with two disagreeing labels of one source counts once, for the latest (ties: highest label_id)', async () => {
    for (const name of NAMES) {
      const got = (await outcomes(name.toLowerCase())).filter((o) => o.source === 'random_audit' && (o.prediction === 's2' || o.prediction === 's6'));
      // s2: l2 benign on the 5th, l3 violating on the 6th; s6: l7-a violating and l7-b benign at the same second
      expect(got, name).toEqual([
        { prediction: 's2', source: 'random_audit', label: 'l3', violating: 1, n: 1 },
        { prediction: 's6', source: 'random_audit', label: 'l7-b', violating: 0, n: 1 },
      ]);
    }
  });

  it.each(NAMES)('%s: precision, recall, false-positive rate and support as worked out by hand', async (name) => {
    const p = name.toLowerCase();
    // precision reads every source: TP 4, FP 3
    expect(await total('precision', p)).toEqual({ value: ALL.tp / (ALL.tp + ALL.fp), numerator: ALL.tp, denominator: ALL.tp + ALL.fp });
    // recall and FPR default to the unbiased sources: TP 2 of 4 violating, FP 2 of 4 benign
    expect(await total('recall', p)).toEqual({ value: 0.5, numerator: UNBIASED.tp, denominator: UNBIASED.tp + UNBIASED.fn });
    expect(await total('false_positive_rate', p)).toEqual({ value: 0.5, numerator: UNBIASED.fp, denominator: UNBIASED.fp + UNBIASED.tn });
    expect((await total('labelled_positives', p)).value).toBe(4);
    expect((await total('labelled_negatives', p)).value).toBe(4);
    // human reviews only: TP 2 of 3 violating, FP 1 of 1 benign
    expect(await total('recall', p, ['human_review'])).toEqual({ value: 2 / 3, numerator: HUMAN.tp, denominator: HUMAN.tp + HUMAN.fn });
    expect((await total('labelled_positives', p, ['human_review'])).value).toBe(3);
    expect((await total('labelled_negatives', p, ['human_review'])).value).toBe(1);
  });

  it('support counts exactly what recall and the false-positive rate rest on, for the label sources in force', async () => {
    for (const sources of [undefined, ['human_review'], ['random_audit'], ['golden_set', 'human_review', 'random_audit', 'appeal']]) {
      const recall = await total('recall', 'ordered', sources);
      const fpr = await total('false_positive_rate', 'ordered', sources);
      expect((await total('labelled_positives', 'ordered', sources)).value, JSON.stringify(sources)).toBe(recall.denominator);
      expect((await total('labelled_negatives', 'ordered', sources)).value, JSON.stringify(sources)).toBe(fpr.denominator);
    }
    expect((await total('labelled_positives', 'ordered', ['golden_set', 'human_review', 'random_audit', 'appeal'])).value).toBe(ALL.tp + ALL.fn);
  });

  it('every arrival order leaves the same rows in the raw tables and every rollup', async () => {
    const ordered = await tables('ordered');
    expect(ordered.outcomes).toHaveLength(OUTCOMES.length);
    expect(ordered.performance.length).toBeGreaterThan(0);
    for (const name of NAMES.slice(1)) expect(await tables(name.toLowerCase()), name).toEqual(ordered);
  });

  it('sending everything again changes no table', async () => {
    const before = await tables('interleaved');
    for (const b of batches(events('interleaved'), 4)) expect((await push(b)).accepted).toBe(0);
    expect(await tables('interleaved')).toEqual(before);
  });
});

describe('the ingestor', () => {
  it('writes a batch of scores and a batch of labels one after the other, never interleaved', async () => {
    // the real database, with each write step recorded: which stream, and when it started and ended
    const steps: { stream: string; at: 'start' | 'end' }[] = [];
    const recording = new Proxy(t.db, {
      get(target, key) {
        const original = Reflect.get(target, key) as unknown;
        if (typeof original !== 'function') return original;
        return async (operation: string, ...rest: unknown[]) => {
          // score ids are lane-s…, label ids lane-l… and lane-h…
          const args = JSON.stringify(rest);
          const stream = /lane-s/.test(args) ? 'scores' : /lane-[lh]/.test(args) ? 'labels' : 'other';
          steps.push({ stream, at: 'start' });
          try {
            return await (original as (...a: unknown[]) => Promise<unknown>).call(target, operation, ...rest);
          } finally {
            steps.push({ stream, at: 'end' });
          }
        };
      },
    }) as Database;
    const ingestor = new Ingestor(recording);
    const batchOf = (e: Event[]) => {
      const stream = streamByName.get(e[0]!.stream)!;
      return ingestor.ingest(stream, validateBatch(stream, parseBatch(e.map((x) => JSON.stringify(x.row)).join('\n'), 'ndjson')));
    };
    const all = events('lane');
    await Promise.all([
      batchOf(all.filter((e) => e.stream === 'model-predictions')),
      batchOf(all.filter((e) => e.stream === 'ground-truth')),
    ]);
    const order = steps.filter((s) => s.stream !== 'other').map((s) => s.stream);
    // every step of one batch before any step of the other
    expect(order.length).toBeGreaterThanOrEqual(6);
    expect(order.indexOf('labels') > order.lastIndexOf('scores') || order.indexOf('scores') > order.lastIndexOf('labels'), order.join(' ')).toBe(true);
    expect(await outcomes('lane')).toEqual(OUTCOMES.map((o) => ({ ...o, n: 1 })));
  });
});
