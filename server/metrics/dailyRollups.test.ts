// The daily rollups (migrations 0016, 0020 and 0025) give the same answers as the hourly ones they
// stand in for: every moderation, review-flow, appeal and annotation figure — series, breakdowns
// and totals; counts, rates, ratios, backlogs, histogram percentiles and distinct counts — is asked
// twice on the analytics fixture (plus decisions spread over every hour of ten days, with
// review-queue entries, appeals, labels, task events and QA audits likewise), once as the table
// decider reads it (daily for whole UTC days, hourly at the edges; a distinct count daily only
// when the range is whole days) and once from the hourly rollups only (as before 0016), and the
// answers must be equal exactly.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Dimension, Grain } from '../domain/vocabulary.generated.js';
import { METRICS, metricDimensions } from '../definitions/metricCatalogue.js';
import { KIND_RULES } from '../definitions/kinds.js';
import { breakdownOf, seriesOf, totalOf } from './service.js';
import { DECISIONS, LABELS, loadAnalyticsFixture, type Row } from '../testing/analyticsFixture.js';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';

// The decider, or the hourly rollup it narrows to for the whole range (what every read was before).
const mode = vi.hoisted(() => ({ hourlyOnly: false }));
vi.mock('../definitions/tableDecider.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../definitions/tableDecider.js')>();
  return {
    ...real,
    decideTables: (q: Parameters<typeof real.decideTables>[0], single?: boolean) =>
      mode.hourlyOnly ? [{ table: real.narrowestTable(q.rollup, q.dimensions), from: q.from, to: q.to }] : real.decideTables(q, single),
  };
});

// 240 more decisions, one every 58 minutes from 2026-03-01 00:17 UTC, cycling through regions,
// countries, policies, actions and times to action (1 s to ~3 days), so that every day and both
// edges of a range hold several slices and the histograms many buckets.
const REGIONS = [['EU', 'DE'], ['EU', 'FR'], ['NA', 'US'], ['SEA', 'PH'], ['LATAM', 'BR']] as const;
const POLICIES = ['hate_speech', 'spam_fake_engagement', 'harassment_bullying'];
const ACTIONS = ['removed', 'none', 'restricted', 'none'];
const fmt = (t: number) => new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ');
const SPREAD: Row[] = Array.from({ length: 240 }, (_, i) => {
  const decided = Date.parse('2026-03-01T00:17:00Z') / 1000 + i * 58 * 60;
  const wait = Math.round(Math.exp((i * 7) % 12)); // 1 s … e^11 s
  const [region, country] = REGIONS[i % REGIONS.length]!;
  return {
    ...DECISIONS[0]!, decision_id: `s-${i}`, content_id: `cs-${i}`, region, country, policy: POLICIES[i % 3]!, action: ACTIONS[i % 4]!,
    content_type: i % 2 ? 'video' : 'text', detection_source: i % 3 ? 'automated' : 'user_report', enforcement_path: i % 5 ? 'human' : 'automated',
    posted_at: fmt(decided - wait - (i % 2 ? 90_000 : 600)), flagged_at: fmt(decided - wait), decided_at: fmt(decided), views_at_action: i % 6 ? 10 : 0,
    queue: '', sla_seconds: 0, enqueued_at: fmt(decided - wait),
  };
});

// 160 decisions from review queues, one every 83 minutes from 2026-03-01 00:41 UTC, half of them
// within their 2 h SLA, and 200 queue entries one every 61 minutes from 2026-02-28 20:05, so the
// backlog carried into a range and its flows cross every day; 180 appeal events (filed, then
// resolved a day later, every third overturned) of decisions spread the same way.
const QUEUES = ['review-eu', 'review-na'];
const QUEUED: Row[] = Array.from({ length: 160 }, (_, i) => {
  const decided = Date.parse('2026-03-01T00:41:00Z') / 1000 + i * 83 * 60;
  const [region, country] = REGIONS[i % REGIONS.length]!;
  return {
    ...SPREAD[i]!, decision_id: `q-${i}`, content_id: `cq-${i}`, region, country, decided_at: fmt(decided), flagged_at: fmt(decided - 9000),
    posted_at: fmt(decided - 9600), enqueued_at: fmt(decided - (i % 2 ? 3600 : 9000)), queue: QUEUES[i % 2]!, sla_seconds: 7200, enforcement_path: 'human',
  };
});
const ENTRIES: Row[] = Array.from({ length: 200 }, (_, i) => {
  const [region, country] = REGIONS[i % REGIONS.length]!;
  return {
    enqueue_id: `qe-${i}`, content_id: `ce-${i}`, enqueued_at: fmt(Date.parse('2026-02-28T20:05:00Z') / 1000 + i * 61 * 60), region, country,
    policy: POLICIES[i % 3]!, queue: QUEUES[i % 2]!, sla_seconds: 7200,
  };
});
const APPEAL_SPREAD: Row[] = Array.from({ length: 90 }, (_, i) => {
  const decided = Date.parse('2026-03-01T03:13:00Z') / 1000 + i * 107 * 60;
  const [region, country] = REGIONS[i % REGIONS.length]!;
  const base = { appeal_id: `ap-${i}`, decision_id: `apd-${i}`, decided_at: fmt(decided), region, country, policy: POLICIES[i % 3]!, content_type: i % 2 ? 'video' : 'text' };
  return [
    { ...base, event: 'filed', event_at: fmt(decided + 3600), outcome: '' },
    { ...base, event: 'resolved', event_at: fmt(decided + 90_000), outcome: i % 3 ? 'upheld' : 'overturned' },
  ];
}).flat();

// 400 labels, one every 36 minutes from 2026-03-01 00:07 UTC (ten days), by three vendor sites and
// three policies, from seven regular annotators and one more every 50 labels (so each day's and
// each part's set of annotators differs), a quarter of them golden, with handling times from 1 s
// to ~2 h; 200 tasks created every 70 minutes from 00:23 and completed 1 s to ~6 h later (1 h
// SLA); 150 QA audits every 95 minutes from 00:51, two in three passed.
const SITES = [
  { vendor: 'kestrel', site: 'kestrel-krakow', queue: 'de-fr-general', language: 'de', region: 'EU' },
  { vendor: 'tessera', site: 'tessera-bogota', queue: 'es-general', language: 'es', region: 'LATAM' },
  { vendor: 'tessera', site: 'tessera-lima', queue: 'es-priority', language: 'es', region: 'LATAM' },
] as const;
const cell = (i: number) => ({ ...SITES[i % 3]!, policy: POLICIES[Math.floor(i / 2) % 3]! });
const LABEL_SPREAD: Row[] = Array.from({ length: 400 }, (_, i) => {
  const submitted = Date.parse('2026-03-01T00:07:00Z') / 1000 + i * 36 * 60;
  return {
    label_id: `ls-${i}`, task_id: `lt-${i}`, annotator_id: i % 50 === 0 ? `rare-${i / 50}` : `n${(i * 3) % 7}`, ...cell(i),
    task_created_at: fmt(submitted - 600), submitted_at: fmt(submitted), answer: i % 8 === 0 ? 'benign' : 'violating',
    is_golden: i % 4 === 0 ? 1 : 0, gold_answer: i % 4 === 0 ? 'violating' : '', handle_seconds: Math.round(Math.exp((i * 5) % 9)), labels_required: 1,
  };
});
const TASK_SPREAD: Row[] = Array.from({ length: 200 }, (_, i) => {
  const created = Date.parse('2026-03-01T00:23:00Z') / 1000 + i * 70 * 60;
  const base = { task_id: `ts-${i}`, task_created_at: fmt(created), ...cell(i), sla_seconds: 3600, labels_required: 1 };
  return [{ ...base, event: 'created', event_at: fmt(created) }, { ...base, event: 'completed', event_at: fmt(created + Math.round(Math.exp((i * 3) % 10))) }];
}).flat();
const AUDIT_SPREAD: Row[] = Array.from({ length: 150 }, (_, i) => ({
  audit_id: `as-${i}`, label_id: `ls-${i}`, annotator_id: `n${i % 7}`, ...cell(i),
  audited_at: fmt(Date.parse('2026-03-01T00:51:00Z') / 1000 + i * 95 * 60), passed: i % 3 ? 1 : 0,
}));

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
  await loadAnalyticsFixture(t.db);
  await t.db.insertRows('test.fixture', 'moderation_decisions', [...SPREAD, ...QUEUED]);
  await t.db.insertRows('test.fixture', 'review_enqueues', ENTRIES);
  await t.db.insertRows('test.fixture', 'appeal_events', APPEAL_SPREAD);
  await t.db.insertRows('test.fixture', 'annotation_labels', LABEL_SPREAD);
  await t.db.insertRows('test.fixture', 'annotation_task_events', TASK_SPREAD);
  await t.db.insertRows('test.fixture', 'qa_audits', AUDIT_SPREAD);
});
afterAll(async () => t.close());

const at = (iso: string) => Date.parse(iso) / 1000;
const RANGES = {
  'whole UTC days': { from: at('2026-03-01T00:00:00Z'), to: at('2026-03-11T00:00:00Z') },
  'partial days at both ends': { from: at('2026-03-01T10:00:00Z'), to: at('2026-03-09T13:00:00Z') },
};
// every metric whose rollup has a daily twin (the oldest wait reads hourly flows by design)
const TWINNED_METRICS = METRICS.filter((d) => ['moderation', 'reviewFlow', 'appeals', 'annotationLabels', 'annotationTasks', 'qaAudits'].includes(d.rollup) && d.kind !== 'OLDEST_WAIT');
const readsDaily = (statements: { sql: string }[]) =>
  statements.some((s) => /FROM (moderation(_region_policy)?|review_flow|appeals|annotation_labels|annotation_tasks|qa_audits)_daily\b/.test(s.sql));

async function both<T extends { statements: { sql: string }[] }>(ask: () => Promise<T>): Promise<{ decided: Omit<T, 'statements'>; hourly: Omit<T, 'statements'>; daily: boolean }> {
  mode.hourlyOnly = false;
  const { statements, ...decided } = await ask();
  mode.hourlyOnly = true;
  try {
    const { statements: hourlyStatements, ...hourly } = await ask();
    expect(readsDaily(hourlyStatements)).toBe(false);
    return { decided, hourly, daily: readsDaily(statements) };
  } finally {
    mode.hourlyOnly = false;
  }
}

describe('daily rollups answer as the hourly ones', () => {
  it('hold the same sums and merged histograms per UTC day as the hourly rollups', async () => {
    const columns = 'sum(decisions), sum(actioned), sum(proactive_actioned), sum(automated_decisions), sum(actioned_within_24h), sum(actioned_zero_views), sumMap(tta_hist)';
    const rows = (sql: string) => t.db.select('test.rows', sql);
    const dims = 'region, country, policy, content_type, detection_source, enforcement_path, action';
    expect(await rows(`SELECT day, ${dims}, ${columns} FROM moderation_daily GROUP BY ALL ORDER BY ALL`))
      .toEqual(await rows(`SELECT toDate(hour) AS day, ${dims}, ${columns} FROM moderation_hourly GROUP BY ALL ORDER BY ALL`));
    expect(await rows(`SELECT day, region, policy, ${columns} FROM moderation_region_policy_daily GROUP BY ALL ORDER BY ALL`))
      .toEqual(await rows(`SELECT toDate(hour) AS day, region, policy, ${columns} FROM moderation_region_policy_hourly GROUP BY ALL ORDER BY ALL`));
    const flows = 'sum(enqueued), sum(reviewed), sum(reviewed_within_sla)';
    expect(await rows(`SELECT day, region, country, policy, queue, ${flows} FROM review_flow_daily GROUP BY ALL ORDER BY ALL`))
      .toEqual(await rows(`SELECT toDate(hour) AS day, region, country, policy, queue, ${flows} FROM review_flow_hourly GROUP BY ALL ORDER BY ALL`));
    const appeals = 'sum(appeals_filed), sum(appeals_resolved), sum(appeals_overturned), sum(appeals_of_decisions)';
    expect(await rows(`SELECT day, region, country, policy, content_type, ${appeals} FROM appeals_daily GROUP BY ALL ORDER BY ALL`))
      .toEqual(await rows(`SELECT toDate(hour) AS day, region, country, policy, content_type, ${appeals} FROM appeals_hourly GROUP BY ALL ORDER BY ALL`));
    // and every decision once: 9 of the fixture + 240 spread + 160 queued
    const [total] = await t.db.select<{ n: string }>('test.total', 'SELECT sum(decisions) AS n FROM moderation_daily');
    expect(Number(total!.n)).toBe(DECISIONS.length + SPREAD.length + QUEUED.length);
    // every queue entry and appeal event once (the fixture's own plus the spread ones)
    const [flow] = await t.db.select<{ enqueued: string; filed: string }>(
      'test.total', 'SELECT (SELECT sum(enqueued) FROM review_flow_daily) AS enqueued, (SELECT sum(appeals_filed) FROM appeals_daily) AS filed');
    const [raw] = await t.db.select<{ enqueued: string; filed: string }>(
      'test.total', "SELECT (SELECT count() FROM review_enqueues) AS enqueued, (SELECT countIf(event = 'filed') FROM appeal_events) AS filed");
    expect(flow).toEqual(raw);
    expect(Number(raw!.enqueued)).toBeGreaterThanOrEqual(ENTRIES.length);
  });

  it('hold the same annotation sums, histograms and distinct annotators per UTC day as the hourly rollups', async () => {
    const rows = (sql: string) => t.db.select('test.rows', sql);
    const dims = 'vendor, site, queue, language, region, policy';
    const twins: [string, string][] = [
      ['annotation_labels', 'sum(labels), sum(golden_labels), sum(golden_correct), sum(handle_seconds_total), sumMap(handle_hist), uniqExactMerge(annotators)'],
      ['annotation_tasks', 'sum(tasks_created), sum(tasks_completed), sum(completed_within_sla), sumMap(turnaround_hist)'],
      ['qa_audits', 'sum(audited), sum(passed)'],
    ];
    for (const [rollup, columns] of twins) {
      const daily = await rows(`SELECT day, ${dims}, ${columns} FROM ${rollup}_daily GROUP BY ALL ORDER BY ALL`);
      expect(daily.length, rollup).toBeGreaterThanOrEqual(10);
      expect(daily, rollup).toEqual(await rows(`SELECT toDate(hour) AS day, ${dims}, ${columns} FROM ${rollup}_hourly GROUP BY ALL ORDER BY ALL`));
    }
    // the annotators of every day, and of the ten days, from the rows
    const labels = [...LABELS, ...LABEL_SPREAD];
    const perDay = new Map<string, Set<string>>();
    for (const l of labels) perDay.set(String(l.submitted_at).slice(0, 10), (perDay.get(String(l.submitted_at).slice(0, 10)) ?? new Set()).add(String(l.annotator_id)));
    const days = await t.db.select<{ day: string; n: string }>('test.days', 'SELECT toString(day) AS day, uniqExactMerge(annotators) AS n FROM annotation_labels_daily GROUP BY day ORDER BY day');
    expect(days.map((d) => [d.day, Number(d.n)])).toEqual([...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([d, set]) => [d, set.size]));
    const [all] = await t.db.select<{ n: string }>('test.all', 'SELECT uniqExactMerge(annotators) AS n FROM annotation_labels_daily');
    // a, b, c, d, e of the fixture, n0…n6 and rare-0…rare-7
    expect(Number(all!.n)).toBe(5 + 7 + 8);
  });

  for (const [rangeName, range] of Object.entries(RANGES)) {
    describe(rangeName, () => {
      const seriesQuestions: { grain: Grain; groupBy: Dimension | null; filters: [Dimension, string[]][] }[] = [
        { grain: 'DAY', groupBy: null, filters: [] },
        { grain: 'DAY', groupBy: 'REGION', filters: [] },
        { grain: 'DAY', groupBy: 'COUNTRY', filters: [['REGION', ['EU', 'NA']]] },
        { grain: 'WEEK', groupBy: 'POLICY', filters: [['CONTENT_TYPE', ['video']]] },
        { grain: 'WEEK', groupBy: 'SITE', filters: [['VENDOR', ['tessera']]] },
        { grain: 'MONTH', groupBy: 'QUEUE', filters: [] },
      ];
      it.each(TWINNED_METRICS.map((d) => d.id))('%s: series, breakdowns and totals', async (id) => {
        const def = METRICS.find((d) => d.id === id)!;
        const has = (dims: (Dimension | null)[]) => dims.every((d) => d === null || metricDimensions(def).includes(d));
        let daily = 0;
        for (const q of seriesQuestions.filter((q) => has([q.groupBy, ...q.filters.map(([d]) => d)]))) {
          const r = await both(() => seriesOf(t.db, def, { ...range, grain: q.grain, zone: 'UTC', filters: new Map(q.filters), groupBy: q.groupBy, topN: 3 }));
          expect(r.decided, JSON.stringify(q)).toEqual(r.hourly);
          daily += Number(r.daily);
        }
        for (const dims of ([['REGION', 'POLICY'], ['CONTENT_TYPE'], ['VENDOR', 'LANGUAGE']] as Dimension[][]).filter(has)) {
          const r = await both(() => breakdownOf(t.db, def, { ...range, dims, filters: new Map(), topN: 3 }));
          expect(r.decided, dims.join()).toEqual(r.hourly);
          daily += Number(r.daily);
        }
        for (const filters of [new Map(), new Map([['POLICY', ['hate_speech']]])] as Map<Dimension, string[]>[]) {
          const r = await both(async () => {
            const { point, statements } = await totalOf(t.db, def, range.from, range.to, filters);
            return { point, statements };
          });
          expect(r.decided).toEqual(r.hourly);
          daily += Number(r.daily);
        }
        // the comparison means something only if the decider did read the daily rollups; a distinct
        // count (one read) only when the range is whole UTC days
        if (KIND_RULES[def.kind].partsAdd || rangeName === 'whole UTC days') expect(daily).toBeGreaterThanOrEqual(6);
        else expect(daily).toBe(0);
      });
    });
  }

  it('counts the decisions of a range with partial days once (checked against the rows)', async () => {
    const { from, to } = RANGES['partial days at both ends'];
    const inRange = [...DECISIONS, ...SPREAD, ...QUEUED].filter((d) => {
      const s = at(`${String(d.decided_at).replace(' ', 'T')}Z`);
      return s >= from && s < to;
    });
    const { point, statements } = await totalOf(t.db, METRICS.find((d) => d.id === 'decisions')!, from, to, new Map());
    expect(statements.map((s) => s.sql.match(/FROM (\w+)/)![1])).toEqual(['moderation_region_policy_daily', 'moderation_region_policy_hourly', 'moderation_region_policy_hourly']);
    expect(point.value).toBe(inRange.length);
  });
});
