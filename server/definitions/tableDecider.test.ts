// The table decider's decisions, pinned (like Plausible's table_decider_test.exs): for every
// catalogue metric and a set of representative questions, the tables its statements read. Then,
// on the real engine and independently of the decider, that the Overview's default questions read
// the cheapest table that can answer them, judged from the tables' own columns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dimension, Grain } from '../domain/vocabulary.generated.js';
import { METRICS, metricDimensions, type MetricDef } from './metricCatalogue.js';
import { ROLLUP_TABLES } from './rollups.js';
import { decideTables } from './tableDecider.js';
import { breakdownStatements, seriesStatements, topKeysStatement, totalStatements, type Slice } from '../queries/metricQuery.js';
import { type Statement } from '../queries/statements.js';
import { refreshAgreement } from '../queries/agreementRefresh.js';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { LABELS, loadAnalyticsFixture } from '../testing/analyticsFixture.js';

const at = (iso: string) => Date.parse(iso) / 1000;
const iso = (t: number) => new Date(t * 1000).toISOString().slice(0, 16);

// The Overview's default: 28 days from a UTC midnight to the end of the data (mid-afternoon).
const DAYS_28 = { from: at('2026-02-02T00:00:00Z'), to: at('2026-03-02T14:00:00Z') };
// Its previous period (the KPIs' comparison): 28 whole days.
const PREVIOUS_28 = { from: at('2026-01-05T00:00:00Z'), to: at('2026-02-02T00:00:00Z') };

describe('decideTables', () => {
  it('reads whole UTC days daily and the hours around them hourly, the parts covering the range once', () => {
    const q = { rollup: 'moderation' as const, kind: 'COUNT' as const, dimensions: ['REGION'] as Dimension[], grain: 'DAY' as Grain, zone: 'UTC' };
    const show = (reads: ReturnType<typeof decideTables>) => reads.map((r) => `${r.table} ${iso(r.from)}..${iso(r.to)}`);
    expect(show(decideTables({ ...q, ...DAYS_28 }))).toEqual([
      'moderationByRegionPolicyDaily 2026-02-02T00:00..2026-03-02T00:00',
      'moderationByRegionPolicy 2026-03-02T00:00..2026-03-02T14:00',
    ]);
    // a range from 05:00 UTC (midnight in New York) to 14:00 UTC, as one figure
    expect(show(decideTables({ ...q, grain: null, zone: 'America/New_York', from: at('2026-02-02T05:00:00Z'), to: DAYS_28.to }))).toEqual([
      'moderationByRegionPolicyDaily 2026-02-03T00:00..2026-03-02T00:00',
      'moderationByRegionPolicy 2026-02-02T05:00..2026-02-03T00:00',
      'moderationByRegionPolicy 2026-03-02T00:00..2026-03-02T14:00',
    ]);
    // less than one whole UTC day: hourly only
    expect(show(decideTables({ ...q, from: at('2026-03-01T14:00:00Z'), to: at('2026-03-02T14:00:00Z') }))).toEqual([
      'moderationByRegionPolicy 2026-03-01T14:00..2026-03-02T14:00',
    ]);
    // a ranking cannot add parts: hourly unless the range is whole UTC days
    expect(show(decideTables({ ...q, grain: null, ...DAYS_28 }, true))).toEqual(['moderationByRegionPolicy 2026-02-02T00:00..2026-03-02T14:00']);
    expect(show(decideTables({ ...q, grain: null, ...PREVIOUS_28 }, true))).toEqual(['moderationByRegionPolicyDaily 2026-01-05T00:00..2026-02-02T00:00']);
  });

  it('splits only additive measures in time: every metric on a rollup with a daily twin is a count, a rate, a ratio of sums, a backlog or a histogram percentile', () => {
    // the oldest wait never asks the decider: it reads the hourly flows to find the oldest hour
    const reads = (def: MetricDef, range = DAYS_28) =>
      [def.value, def.numerator, def.denominator].flatMap((m) => (m ? [decideTables({ rollup: m.rollup, kind: def.kind, dimensions: [], grain: null, zone: 'UTC', ...range })] : []));
    const inTime = METRICS.filter((def) => def.kind !== 'OLDEST_WAIT' && reads(def).some((r) => new Set(r.map((x) => `${x.from}..${x.to}`)).size > 1));
    // a backlog is a difference of two sums (in − out), a ratio (productivity) a quotient of two sums: their parts add up too
    expect(inTime.filter((def) => !['COUNT', 'RATE', 'RATIO', 'QUANTILE', 'BACKLOG'].includes(def.kind)).map((d) => d.id)).toEqual([]);
    expect(new Set(inTime.map((d) => d.rollup))).toEqual(new Set(['moderation', 'reviewFlow', 'appeals', 'annotationLabels', 'annotationTasks', 'qaAudits']));
    // split by units instead: agreement's components are sums over tasks, and the two halves hold disjoint tasks
    const byUnits = METRICS.filter((def) => def.kind !== 'OLDEST_WAIT' && reads(def).some((r) => r.length > 1 && new Set(r.map((x) => `${x.from}..${x.to}`)).size === 1));
    expect(byUnits.map((d) => d.id).sort()).toEqual(['disagreement_rate', 'krippendorff_alpha', 'percent_agreement']);
    // a distinct count on a rollup with a twin: one read, daily only when the range is whole UTC days
    const distinct = METRICS.filter((def) => def.kind === 'DISTINCT');
    expect(distinct.map((d) => d.id)).toEqual(['active_annotators']);
    const show = (r: ReturnType<typeof decideTables>[]) => r.flat().map((x) => `${x.table} ${iso(x.from)}..${iso(x.to)}`);
    expect(show(reads(distinct[0]!))).toEqual(['annotationLabels 2026-02-02T00:00..2026-03-02T14:00']);
    expect(show(reads(distinct[0]!, PREVIOUS_28))).toEqual(['annotationLabelsDaily 2026-01-05T00:00..2026-02-02T00:00']);
    // the same rollup, an additive kind: split
    expect(show(reads(METRICS.find((d) => d.id === 'labels')!))).toEqual([
      'annotationLabelsDaily 2026-02-02T00:00..2026-03-02T00:00', 'annotationLabels 2026-03-02T00:00..2026-03-02T14:00',
    ]);
  });
});

// ---- The pinned table: metric × question → tables read, in statement order -------------------

type Ask = (def: MetricDef) => Statement[];
const slice = (range: { from: number; to: number }, filters: [Dimension, string[]][] = []): Slice => ({ ...range, filters: new Map(filters) });
const series = (range: { from: number; to: number }, grain: Grain, zone: string, groupBy: Dimension | null, filters: [Dimension, string[]][] = []): Ask =>
  (def) => seriesStatements(def, slice(range, filters), { grain, zone, groupBy, topKeys: null });

const QUESTIONS: Record<string, Ask> = {
  'overview tile: 28 d, day, UTC': series(DAYS_28, 'DAY', 'UTC', null),
  'overview chart: 28 d, day, UTC, by region': series(DAYS_28, 'DAY', 'UTC', 'REGION'),
  'kpi: 28 d total': (def) => totalStatements(def, slice(DAYS_28)),
  'kpi: previous 28 whole days': (def) => totalStatements(def, slice(PREVIOUS_28)),
  'by country, day, UTC, region filter': series(DAYS_28, 'DAY', 'UTC', 'COUNTRY', [['REGION', ['EU']]]),
  'day in Europe/Berlin': series(DAYS_28, 'DAY', 'Europe/Berlin', null),
  'hour, UTC, 2 days': series({ from: at('2026-03-01T00:00:00Z'), to: at('2026-03-03T00:00:00Z') }, 'HOUR', 'UTC', null),
  'week, UTC, action filter': series(PREVIOUS_28, 'WEEK', 'UTC', null, [['ACTION', ['removed']]]),
  'breakdown region × policy, 28 d': (def) => breakdownStatements(def, slice(DAYS_28), ['REGION', 'POLICY'], [null, null]),
  'top policies, 28 d': (def) => [topKeysStatement(def, slice(DAYS_28), 'POLICY', 9)],
};

const RP_SPLIT = 'moderation_region_policy_daily moderation_region_policy_hourly';
const MOD: Record<string, string> = {
  'overview tile: 28 d, day, UTC': RP_SPLIT,
  'overview chart: 28 d, day, UTC, by region': RP_SPLIT,
  'kpi: 28 d total': RP_SPLIT,
  'kpi: previous 28 whole days': 'moderation_region_policy_daily',
  'by country, day, UTC, region filter': 'moderation_daily moderation_hourly',
  'day in Europe/Berlin': 'moderation_region_policy_hourly',
  'hour, UTC, 2 days': 'moderation_region_policy_hourly',
  'week, UTC, action filter': 'moderation_daily',
  'breakdown region × policy, 28 d': RP_SPLIT,
  'top policies, 28 d': 'moderation_region_policy_hourly',
};
/** A rollup with a daily twin and no narrower table: whole UTC days daily, the edges hourly. */
const twin = (daily: string, hourly: string): Record<string, string> => ({
  'overview tile: 28 d, day, UTC': `${daily} ${hourly}`,
  'overview chart: 28 d, day, UTC, by region': `${daily} ${hourly}`,
  'kpi: 28 d total': `${daily} ${hourly}`,
  'kpi: previous 28 whole days': daily,
  'by country, day, UTC, region filter': `${daily} ${hourly}`,
  'day in Europe/Berlin': hourly,
  'hour, UTC, 2 days': hourly,
  'week, UTC, action filter': daily,
  'breakdown region × policy, 28 d': `${daily} ${hourly}`,
  'top policies, 28 d': hourly,
});
const APPEALS = twin('appeals_daily', 'appeals_hourly');
const REVIEW_FLOW = twin('review_flow_daily', 'review_flow_hourly');
// appeals of the decisions (numerator) ÷ actioned decisions (denominator); a ranking weighs by the numerator's rollup only
const APPEALS_WITH_DECISIONS = Object.fromEntries(Object.entries(MOD).map(([q, tables]) => [q, q === 'top policies, 28 d' ? 'appeals_hourly' : `${APPEALS[q]} ${tables}`]));
const everywhere = (tables: string) => Object.fromEntries(Object.keys(QUESTIONS).map((q) => [q, tables]));
// review_backlog: the flows in the range, then everything before the range (series) or before its
// end (totals, breakdowns), whose whole UTC days are read daily too: from the epoch to a midnight
// is all days
const REVIEW_BACKLOG: Record<string, string> = {
  ...REVIEW_FLOW,
  'day in Europe/Berlin': 'review_flow_hourly review_flow_daily',
  'hour, UTC, 2 days': 'review_flow_hourly review_flow_daily',
};
const LABELS_TWIN = twin('annotation_labels_daily', 'annotation_labels_hourly');
const TASKS_TWIN = twin('annotation_tasks_daily', 'annotation_tasks_hourly');
// a distinct count does not add across parts: one read, the daily twin only for whole UTC days
const ACTIVE_ANNOTATORS = { ...everywhere('annotation_labels_hourly'), 'kpi: previous 28 whole days': 'annotation_labels_daily' };
// the labelling backlog, like the review backlog: its "everything before" read is whole days daily
const ANNOTATION_BACKLOG: Record<string, string> = {
  ...TASKS_TWIN,
  'day in Europe/Berlin': 'annotation_tasks_hourly annotation_tasks_daily',
  'hour, UTC, 2 days': 'annotation_tasks_hourly annotation_tasks_daily',
};
// agreement: the per-day sums of tasks held in one row, plus the copied rows of the others; a
// ranking reads the per-task rollup whole (it cannot add two statements' weights)
const AGREEMENT = { ...everywhere('annotation_agreement_daily annotation_mixed_task_answers'), 'top policies, 28 d': 'annotation_task_answers' };
const PINNED: Record<string, Record<string, string>> = {
  decisions: MOD, actioned: MOD, action_rate: MOD, proactive_rate: MOD, automated_share: MOD,
  removal_within_24h: MOD, removal_before_views: MOD, time_to_action_p50: MOD, time_to_action_p90: MOD,
  appeals: APPEALS, appeal_rate: APPEALS_WITH_DECISIONS, overturn_rate: APPEALS,
  review_backlog: REVIEW_BACKLOG, review_sla: REVIEW_FLOW,
  precision: everywhere('model_performance_daily'), recall: everywhere('model_performance_daily'), f1: everywhere('model_performance_daily'),
  false_positive_rate: everywhere('model_performance_daily'), labelled_positives: everywhere('model_performance_daily'),
  labelled_negatives: everywhere('model_performance_daily'),
  predictions: everywhere('model_scores_daily'), flag_rate: everywhere('model_scores_daily'),
  labels: LABELS_TWIN, active_annotators: ACTIVE_ANNOTATORS,
  productivity: LABELS_TWIN, handle_time_p50: LABELS_TWIN, handle_time_p90: LABELS_TWIN, golden_accuracy: LABELS_TWIN,
  tasks_created: TASKS_TWIN, tasks_completed: TASKS_TWIN, turnaround_p50: TASKS_TWIN, turnaround_p90: TASKS_TWIN,
  annotation_backlog: ANNOTATION_BACKLOG, annotation_sla: TASKS_TWIN,
  qa_pass_rate: twin('qa_audits_daily', 'qa_audits_hourly'),
  disagreement_rate: AGREEMENT, percent_agreement: AGREEMENT, krippendorff_alpha: AGREEMENT,
};

/** Tables named after FROM in the statements, each once, in order. */
const tablesOf = (statements: Statement[]) => [...new Set(statements.flatMap((s) => [...s.sql.matchAll(/FROM (\w+)/g)].map((m) => m[1]!)))].join(' ');

/** A question a metric cannot be asked (a dimension it does not have) is left out. */
function applies(def: MetricDef, question: string): boolean {
  const dims = metricDimensions(def);
  const needs: Dimension[] = question.includes('country') ? ['COUNTRY', 'REGION'] : question.includes('action') ? ['ACTION']
    : question.includes('region × policy') ? ['REGION', 'POLICY'] : question.includes('region') ? ['REGION'] : question.includes('policies') ? ['POLICY'] : [];
  return needs.every((d) => dims.includes(d));
}

describe('the pinned decisions', () => {
  it('covers every catalogue metric but the oldest wait (it reads the flows from the start of the data)', () => {
    expect(Object.keys(PINNED).sort()).toEqual(METRICS.filter((d) => d.kind !== 'OLDEST_WAIT').map((d) => d.id).sort());
  });
  it.each(Object.keys(PINNED))('%s', (id) => {
    const def = METRICS.find((d) => d.id === id)!;
    const got = Object.fromEntries(Object.entries(QUESTIONS).filter(([q]) => applies(def, q)).map(([q, ask]) => [q, tablesOf(ask(def))]));
    const want = Object.fromEntries(Object.entries(PINNED[id]!).filter(([q]) => applies(def, q)));
    expect(got).toEqual(want);
  });
});

describe('rankings of a level', () => {
  // a backlog's groups are ranked by everything before the range's end: one table, so the daily
  // twin when that end is a UTC midnight, the hourly rollup otherwise
  it.each([['review_backlog', 'review_flow'], ['annotation_backlog', 'annotation_tasks']])('%s', (id, rollup) => {
    const def = METRICS.find((d) => d.id === id)!;
    expect(tablesOf([topKeysStatement(def, slice(PREVIOUS_28), 'REGION', 9, 'before_to')])).toBe(`${rollup}_daily`);
    expect(tablesOf([topKeysStatement(def, slice(DAYS_28), 'REGION', 9, 'before_to')])).toBe(`${rollup}_hourly`);
  });
});

// ---- Cheapest, judged from the schema ------------------------------------------------------------

describe("the Overview's default questions read the cheapest table that can answer them (EXPLAIN)", () => {
  let t: TestDatabase;
  /** table → its columns, and how many dimension (string) columns it keeps */
  const schema = new Map<string, { columns: Set<string>; dims: number; daily: boolean }>();
  beforeAll(async () => {
    t = await openTestDatabase();
    await loadAnalyticsFixture(t.db); // the plan reads a table only where it has parts
    // a task answered at a second site, so agreement's copied rows have parts too; then the refresh
    await t.db.insertRows('test.fixture', 'annotation_labels', [{ ...LABELS[0]!, label_id: 'k1-lima', annotator_id: 'e', site: 'tessera-lima' }]);
    await refreshAgreement(t.db);
    const rows = await t.db.select<{ table: string; name: string; type: string }>(
      'test.columns', 'SELECT table, name, type FROM system.columns WHERE database = currentDatabase() AND table IN {tables:Array(String)}', { tables: [...ROLLUP_TABLES] },
    );
    for (const r of rows) {
      const s = schema.get(r.table) ?? { columns: new Set<string>(), dims: 0, daily: false };
      s.columns.add(r.name);
      if (/^(LowCardinality\()?String\)?$/.test(r.type)) s.dims += 1;
      if (r.name === 'day') s.daily = true;
      schema.set(r.table, s);
    }
  });
  afterAll(async () => t.close());

  /** The tables the engine's plan reads for a statement. */
  async function planTables(s: Statement): Promise<string[]> {
    const rows = await t.db.select<{ explain: string }>('test.explain', `EXPLAIN ${s.sql}`, { ...s.params, tz: 'UTC' });
    return [...new Set(rows.flatMap((r) => [...r.explain.matchAll(/ReadFromMergeTree \((?:\w+\.)?(\w+)\)/g)].map((m) => m[1]!)))];
  }

  const ENTITY_IDS = ['task_id', 'content_id', 'decision_id', 'label_id'];

  // Overview panels' groupings (client/src/pages/overview/Overview.tsx), and the tile without one.
  const OVERVIEW_GROUP: Record<string, Dimension> = { decisions: 'POLICY', proactive_rate: 'REGION', time_to_action_p50: 'REGION', review_backlog: 'REGION', review_sla: 'REGION' };

  it('for every catalogue metric: series (tile and chart) and totals (KPI and its previous period)', async () => {
    let checked = 0;
    for (const def of METRICS.filter((d) => d.kind !== 'OLDEST_WAIT')) {
      const asks: { statements: Statement[]; grain: Grain | null }[] = [
        { statements: seriesStatements(def, slice(DAYS_28), { grain: 'DAY', zone: 'UTC', groupBy: null, topKeys: null }), grain: 'DAY' },
        { statements: totalStatements(def, slice(DAYS_28)), grain: null },
        { statements: totalStatements(def, slice(PREVIOUS_28)), grain: null },
      ];
      const groupBy = OVERVIEW_GROUP[def.id];
      if (groupBy) asks.push({ statements: seriesStatements(def, slice(DAYS_28), { grain: 'DAY', zone: 'UTC', groupBy, topKeys: null }), grain: 'DAY' });
      for (const { statements } of asks) {
        for (const s of statements) {
          const [table, ...more] = await planTables(s);
          expect(table, `${def.id}: ${s.sql}`).toBeDefined();
          expect(more, `${def.id}: one table per statement`).toEqual([]);
          const read = schema.get(table!)!;
          // what the statement needs: every column of its table that it names, but time
          const words = new Set(s.sql.match(/\w+/g));
          const needed = [...read.columns].filter((c) => c !== 'hour' && c !== 'day' && words.has(c));
          // a daily table answers this part when it is whole UTC days (both bounds at midnight)
          const wholeDays = Number(at(`${String(s.params.from).replace(' ', 'T')}Z`)) % 86_400 === 0 && at(`${String(s.params.to).replace(' ', 'T')}Z`) % 86_400 === 0;
          // a table keyed by an entity id the statement does not ask for (annotation_task_answers: one
          // row per task) holds the events, not a rollup of them: never cheaper
          const perEntity = (c: { columns: Set<string> }) => ENTITY_IDS.some((id) => c.columns.has(id) && !needed.includes(id));
          const candidates = [...schema].filter(([name, c]) =>
            name === table || (needed.every((n) => c.columns.has(n)) && (!c.daily || wholeDays) && !perEntity(c)));
          // cheapest: daily before hourly, then fewest dimension columns
          const cost = (c: { dims: number; daily: boolean }) => (c.daily ? 0 : 1000) + c.dims;
          const cheapest = Math.min(...candidates.map(([, c]) => cost(c)));
          expect(cost(read), `${def.id} reads ${table} for ${s.params.from}..${s.params.to}; cheaper: ${candidates.filter(([, c]) => cost(c) < cost(read)).map(([n]) => n)}`).toBe(cheapest);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(METRICS.length * 3);
  });
});
