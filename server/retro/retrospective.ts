// The draft of a week's retrospective, computed from the rollups: headline KPIs against the week
// before and the trailing four weeks, top movers with false-discovery-rate control, anomalous days
// against the same weekday of previous weeks, and what happened (rollouts, SLA breaches, quality
// dips, incidents). Every item links to the view that shows it.
import type { Database } from '../db/database.js';
import type { Dimension, ViewPage } from '../domain/vocabulary.generated.js';
import type { View } from '../domain/views.js';
import { FAMILY_DRILL } from '../analysis/attention.js';
import { cellTest } from '../analysis/cells.js';
import { KIND_RULES } from '../definitions/kinds.js';
import { DAY_S, HOUR_S, toIso } from '../domain/time.js';
import { metricById, metricDimensions, type MetricDef } from '../definitions/metricCatalogue.js';
import { withTarget } from '../metrics/targets.js';
import { dimensionValueLabel } from '../definitions/dimensions.js';
import { breakdownOf, seriesOf, totalOf, type BreakdownCellResult } from '../metrics/service.js';
import { kpiOf } from '../metrics/kpis.js';
import type { Point } from '../metrics/points.js';
import { parseFilters, type DimensionFilter } from '../metrics/sliceInput.js';
import { benjaminiHochberg, median, robustBand } from '../stats/multiple.js';
import { mattersInPractice } from '../stats/practical.js';
import { run } from '../queries/statements.js';
import { markersStatement } from '../queries/markerQueries.js';
import { notesStatement, retroItemsStatement } from '../queries/versionedQueries.js';
import type { DataCatalogue } from '../metrics/dataInventory.js';
import { canSee, hasRole, regionsFor, scopeBounds, type Access } from '../access/access.js';

export const HEADLINE_METRICS = [
  'decisions', 'action_rate', 'proactive_rate', 'time_to_action_p90', 'review_backlog', 'review_sla',
  'precision', 'recall', 'labels', 'annotation_sla', 'golden_accuracy', 'qa_pass_rate',
];
/**
 * Cells tested for movers: moderation and models by region × policy, annotation by vendor × queue,
 * against the week before — and model precision against the four weeks before, since model
 * labels are sparse and a regression can span a rollout week.
 */
export const MOVER_TESTS: { metric: string; dims: [Dimension, Dimension]; baseline: 'WEEK_BEFORE' | 'TRAILING_4_WEEKS' }[] = [
  { metric: 'decisions', dims: ['REGION', 'POLICY'], baseline: 'WEEK_BEFORE' },
  { metric: 'action_rate', dims: ['REGION', 'POLICY'], baseline: 'WEEK_BEFORE' },
  { metric: 'review_sla', dims: ['REGION', 'POLICY'], baseline: 'WEEK_BEFORE' },
  { metric: 'appeal_rate', dims: ['REGION', 'POLICY'], baseline: 'WEEK_BEFORE' },
  { metric: 'precision', dims: ['REGION', 'POLICY'], baseline: 'TRAILING_4_WEEKS' },
  { metric: 'labels', dims: ['VENDOR', 'QUEUE'], baseline: 'WEEK_BEFORE' },
  { metric: 'annotation_sla', dims: ['VENDOR', 'QUEUE'], baseline: 'WEEK_BEFORE' },
  { metric: 'golden_accuracy', dims: ['VENDOR', 'QUEUE'], baseline: 'WEEK_BEFORE' },
];
/** Daily values checked for anomalies, in total and per large slice. */
export const ANOMALY_TESTS: { metric: string; slice: Dimension | null }[] = [
  { metric: 'decisions', slice: 'REGION' },
  { metric: 'action_rate', slice: 'REGION' },
  { metric: 'review_sla', slice: 'REGION' },
  { metric: 'labels', slice: 'VENDOR' },
  { metric: 'golden_accuracy', slice: 'VENDOR' },
];
export const FALSE_DISCOVERY_RATE = 0.05;
const HISTORY_WEEKS = 6;
/** Daily figures (anomalies, breaches, dips) need this many items a day; tests account for the noise. */
const MIN_DAILY_DENOMINATOR = 20;

type Filters = Map<Dimension, string[]>;

/**
 * Where a figure is shown: Explore for analysts and above; for viewers (who may not open Explore)
 * the family's page on the same slice and period, at the metric's panel.
 */
function metricView(def: MetricDef, access: Access, from: number, to: number, filters: Filters, extra: [Dimension, string][] = []): View {
  const page: ViewPage = hasRole(access, 'analyst') ? 'EXPLORE' : FAMILY_DRILL[def.family].page;
  return { page, metric: def.id, range: { from, to }, grain: 'DAY', filters: sliceOf(filters, extra) };
}
/** A family page (no metric) on a range and one dimension's value. */
const pageView = (page: ViewPage, from: number, to: number, extra: [Dimension, string | undefined][]): View => ({ page, metric: null, range: { from, to }, grain: null, filters: sliceOf(new Map(), extra) });
const range = (from: number, to: number) => ({ from: toIso(from), to: toIso(to) });
/** The filters in force, with the cell's own values set (a cell's dimension replaces the filter on it). */
function sliceOf(filters: Filters, extra: [Dimension, string | undefined][]): View['filters'] {
  const out = new Map<Dimension, string[]>([...filters].map(([d, v]) => [d, [...v]]));
  for (const [d, v] of extra) if (v !== undefined) out.set(d, [v]);
  return [...out].map(([dimension, values]) => ({ dimension, values }));
}

/** The retrospective's question context: scope filters asked for, the data's values, and who asks. */
interface Ask {
  input: readonly DimensionFilter[];
  data: DataCatalogue;
  access: Access;
}

function filtersFor(def: MetricDef, ask: Ask): Filters {
  return parseFilters(def, ask.input, ask.data, ask.access, 'input.filters', 'leave out');
}

/** Metrics the asker's scope cannot be applied to are left out of their retrospective. */
const visible = (ids: readonly string[], ask: Ask) => ids.map((id) => metricOf(id, ask)).filter((def) => canSee(ask.access, metricDimensions(def)));

/** A metric with the target in force (an admin may have changed the catalogue's). */
const metricOf = (id: string, ask: Ask) => withTarget(metricById(id)!, ask.data.targets);

// ---- Headlines -------------------------------------------------------------------------------

async function headlines(db: Database, week: number, ask: Ask, dataEnd: number) {
  const out = [];
  for (const def of visible(HEADLINE_METRICS, ask)) {
    const filters = filtersFor(def, ask);
    const k = await kpiOf(db, def, filters, { from: week, to: week + 7 * DAY_S, mode: 'PREVIOUS_WEEK', custom: null, dataEnd });
    const trailing = (await totalOf(db, def, week - 28 * DAY_S, week, filters)).point;
    const perWeek = KIND_RULES[def.kind].sumsOverTime && trailing.value !== null ? { ...trailing, value: trailing.value / 4 } : trailing;
    out.push({
      def, lastWeek: k.current, weekBefore: k.previous, trailing: perWeek, absoluteChange: k.absoluteChange, relativeChange: k.relativeChange,
      pValue: k.pValue, significant: k.significant, targetStatus: k.targetStatus,
      view: metricView(def, ask.access, week - 28 * DAY_S, week + 7 * DAY_S, filters),
    });
  }
  return out;
}

// ---- Movers ------------------------------------------------------------------------------------

interface Candidate {
  def: MetricDef;
  dims: [Dimension, Dimension];
  baseline: 'WEEK_BEFORE' | 'TRAILING_4_WEEKS';
  keys: string[];
  current: Point;
  previous: Point;
  change: number;
  contribution: number;
  pValue: number;
  filters: Filters;
}

/** A cell's test against its baseline: the Overview's culprits use the same rule (analysis/cells.ts). */
function moverTest(def: MetricDef, cur: Point, prev: Point, totals: { cur: Point; prev: Point }) {
  const t = cellTest(def, cur, prev, totals);
  return t && t.pValue !== null ? { ...t, pValue: t.pValue } : null;
}

async function movers(db: Database, week: number, ask: Ask) {
  const candidates: Candidate[] = [];
  for (const spec of MOVER_TESTS) {
    const def = metricById(spec.metric)!;
    if (!canSee(ask.access, metricDimensions(def))) continue;
    const filters = filtersFor(def, ask);
    const q = { dims: spec.dims, filters, topN: 50 };
    const cur = await breakdownOf(db, def, { from: week, to: week + 7 * DAY_S, ...q });
    const prev = await breakdownOf(db, def, { from: week - (spec.baseline === 'WEEK_BEFORE' ? 7 : 28) * DAY_S, to: week, ...q });
    const cellKey = (c: BreakdownCellResult) => c.keys.join('\u0000');
    const current = new Map(cur.cells.map((c) => [cellKey(c), c]));
    const previous = new Map(prev.cells.map((c) => [cellKey(c), c]));
    const cells = new Map<string, BreakdownCellResult>();
    for (const c of [...cur.cells, ...prev.cells]) if (!cells.has(cellKey(c))) cells.set(cellKey(c), c);
    const empty: BreakdownCellResult['point'] = { value: 0, numerator: 0, denominator: 0, low: null, high: null, lowSample: true, nullReason: null };
    for (const [key, cell] of cells) {
      if (cell.isOther) continue;
      const c = current.get(key)?.point ?? empty;
      const p = previous.get(key)?.point ?? empty;
      const test = moverTest(def, c, p, { cur: cur.total, prev: prev.total });
      if (test) candidates.push({ def, dims: spec.dims, baseline: spec.baseline, keys: cell.keys, current: c, previous: p, filters, ...test });
    }
  }
  const q = benjaminiHochberg(candidates.map((c) => c.pValue));
  const significant = candidates
    .map((c, i) => ({ ...c, qValue: q[i]! }))
    .filter((c) => c.qValue <= FALSE_DISCOVERY_RATE)
    .sort((a, b) => MOVER_TESTS.findIndex((s) => s.metric === a.def.id) - MOVER_TESTS.findIndex((s) => s.metric === b.def.id) || Math.abs(b.contribution) - Math.abs(a.contribution));
  const perMetric = new Map<string, number>();
  const kept = significant.filter((c) => {
    const n = (perMetric.get(c.def.id) ?? 0) + 1;
    perMetric.set(c.def.id, n);
    return n <= 10;
  });
  return {
    tested: candidates.length,
    movers: kept.map((c) => ({
      ...c,
      labels: c.keys.map((k, i) => dimensionValueLabel(c.dims[i]!, k)),
      view: metricView(c.def, ask.access, week - 28 * DAY_S, week + 7 * DAY_S, c.filters, [[c.dims[0], c.keys[0]!], [c.dims[1], c.keys[1]!]]),
    })),
  };
}

// ---- Anomalies ---------------------------------------------------------------------------------

export interface AnomalyResult {
  def: MetricDef;
  day: number;
  sliceDimension: Dimension | null;
  sliceKey: string | null;
  sliceLabel: string | null;
  value: number;
  expected: number;
  low: number;
  high: number;
  direction: 'ABOVE' | 'BELOW';
  view: View;
}

async function anomalies(db: Database, week: number, ask: Ask, dataEnd: number) {
  const found: AnomalyResult[] = [];
  const from = week - HISTORY_WEEKS * 7 * DAY_S;
  for (const spec of ANOMALY_TESTS) {
    const def = metricById(spec.metric)!;
    if (!canSee(ask.access, metricDimensions(def))) continue;
    const filters = filtersFor(def, ask);
    const s = await seriesOf(db, def, { from, to: week + 7 * DAY_S, grain: 'DAY', zone: 'UTC', filters, groupBy: spec.slice, topN: 8 });
    const rule = KIND_RULES[def.kind];
    const lines: { key: string | null; label: string | null; points: Point[]; volume: number }[] = [
      { key: null, label: null, points: s.bucketTotals, volume: Infinity },
      ...s.groups.filter((g) => !g.isOther).map((g) => ({ key: g.key, label: g.label, points: g.points, volume: rule.support(g.total) })),
    ];
    for (const line of lines) {
      // a slice must be large enough that its daily values are not mostly noise
      if (line.volume < (rule.noise === 'poisson' ? 7 * 100 : 7 * MIN_DAILY_DENOMINATOR)) continue;
      s.buckets.forEach((bucket, i) => {
        if (bucket < week || bucket + DAY_S > dataEnd) return;
        const point = line.points[i]!;
        if (point.value === null || (rule.noise === 'binomial' && (point.denominator ?? 0) < MIN_DAILY_DENOMINATOR)) return;
        const history = [];
        for (let k = 1; k <= HISTORY_WEEKS; k++) {
          const h = line.points[i - 7 * k];
          if (h && h.value !== null) history.push(h.value);
        }
        if (history.length < 4) return;
        const med = median(history);
        const noise = rule.noise === 'poisson' ? Math.sqrt(Math.max(med, 1)) : Math.sqrt(Math.max(med * (1 - med), 1e-4) / Math.max(point.denominator ?? 1, 1));
        const band = robustBand(history, point.value, noise);
        // beyond noise is not enough: the change must matter (10 % of a count, 2 points of a rate)
        if (Math.abs(band.z) <= 3.5 || !mattersInPractice(def.unit, point.value, band.expected)) return;
        found.push({
          def, day: bucket, sliceDimension: line.key ? spec.slice : null, sliceKey: line.key, sliceLabel: line.label, value: point.value,
          expected: band.expected, low: band.low, high: band.high, direction: band.z > 0 ? 'ABOVE' : 'BELOW',
          view: metricView(def, ask.access, from, week + 7 * DAY_S, filters, line.key && spec.slice ? [[spec.slice, line.key]] : []),
        });
      });
    }
  }
  return found;
}

// ---- What happened -----------------------------------------------------------------------------

/** A day's rate is below target beyond sampling noise: one-sided test of p < target at 5 %. */
function surelyBelow(p: Point, target: number): boolean {
  const n = p.denominator ?? 0;
  if (p.value === null || n < MIN_DAILY_DENOMINATOR || p.value >= target) return false;
  return (target - p.value) / Math.sqrt((target * (1 - target)) / n) > 1.645;
}

/** Consecutive days of a line surely under a target, as [first day, last day + 1) with the worst value. */
function spansBelow(buckets: number[], points: Point[], target: number) {
  const spans: { from: number; to: number; worst: Point }[] = [];
  buckets.forEach((b, i) => {
    const p = points[i]!;
    const bad = surelyBelow(p, target);
    if (!bad) return;
    const last = spans[spans.length - 1];
    if (last && last.to === b) {
      last.to = b + DAY_S;
      if (p.value! < last.worst.value!) last.worst = p;
    } else spans.push({ from: b, to: b + DAY_S, worst: p });
  });
  return spans;
}

const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)} %`);
/** "18,274": counts in text with thousands separators */
const count = (v: number | null) => (v === null ? 'n/a' : Math.round(v).toLocaleString('en-US'));

/**
 * Rollouts and rollbacks (no weight) in time order first, then breaches and dips by their week's
 * volume, largest first: a queue of 6,000 reviews below its SLA matters more than one of 20.
 */
export function orderEvents<E extends { at: number; kind: string; weight?: number }>(events: E[]): E[] {
  const weightOf = (e: E) => e.weight ?? Number.POSITIVE_INFINITY;
  return [...events].sort((a, b) => {
    const wa = weightOf(a);
    const wb = weightOf(b);
    if (wa !== wb) return wb - wa;
    return a.at - b.at || a.kind.localeCompare(b.kind);
  });
}

async function events(db: Database, week: number, ask: Ask) {
  const to = week + 7 * DAY_S;
  const regionFilter = regionsFor(ask.access, ask.input.find((f) => f.dimension === 'REGION')?.values ?? [], 'input.filters');
  const policyFilter = ask.input.find((f) => f.dimension === 'POLICY')?.values ?? [];
  // weight: how many reviews (golden labels) the breached queue (dipping vendor) had this week
  const out: { kind: string; at: number; endsAt: number | null; title: string; detail: string | null; view: View; weight?: number }[] = [];
  const markers = await run<{ kind: string; at: string; title: string; detail: string; regions: string[] }>(db, markersStatement(week, to, regionFilter, policyFilter, scopeBounds(ask.access)));
  for (const m of markers.filter((x) => x.kind !== 'INCIDENT')) {
    out.push({ kind: m.kind, at: Number(m.at), endsAt: null, title: m.title, detail: m.detail || null, view: pageView('MODELS', week - 28 * DAY_S, to, [['REGION', m.regions[0]]]) });
  }
  const sla = metricOf('review_sla', ask);
  // no target (an admin removed it): nothing counts as a breach
  const canSla = sla.target !== undefined && canSee(ask.access, metricDimensions(sla));
  const slaFilters = canSla ? filtersFor(sla, ask) : new Map();
  const byQueue = canSla ? await seriesOf(db, sla, { from: week, to, grain: 'DAY', zone: 'UTC', filters: slaFilters, groupBy: 'QUEUE', topN: 25 }) : null;
  const backlog = canSla ? await seriesOf(db, metricById('review_backlog')!, { from: week, to, grain: 'DAY', zone: 'UTC', filters: slaFilters, groupBy: 'QUEUE', topN: 25 }) : null;
  for (const g of byQueue?.groups.filter((x) => !x.isOther) ?? []) {
    const worstBacklog = Math.max(0, ...(backlog?.groups.find((b) => b.key === g.key)?.points.map((p) => p.value ?? 0) ?? [0]));
    const reviews = g.points.reduce((sum, p) => sum + (p.denominator ?? 0), 0);
    for (const span of spansBelow(byQueue!.buckets, g.points, sla.target!.value)) {
      out.push({
        kind: 'SLA_BREACH', at: span.from, endsAt: span.to, title: `${g.key} below the ${pct(sla.target!.value)} review SLA`, weight: reviews,
        detail: `${count(reviews)} reviews this week; worst day ${pct(span.worst.value)} of ${count(span.worst.denominator)} reviews within SLA; backlog up to ${count(worstBacklog)} items`,
        view: pageView('MODERATION', week - 28 * DAY_S, to, [['QUEUE', g.key]]),
      });
    }
  }
  const golden = metricOf('golden_accuracy', ask);
  const byVendor = golden.target !== undefined && canSee(ask.access, metricDimensions(golden))
    ? await seriesOf(db, golden, { from: week, to, grain: 'DAY', zone: 'UTC', filters: filtersFor(golden, ask), groupBy: 'VENDOR', topN: 25 })
    : null;
  for (const g of byVendor?.groups.filter((x) => !x.isOther) ?? []) {
    const labels = g.points.reduce((sum, p) => sum + (p.denominator ?? 0), 0);
    for (const span of spansBelow(byVendor!.buckets, g.points, golden.target!.value)) {
      out.push({
        kind: 'QUALITY_DIP', at: span.from, endsAt: span.to, title: `${g.label} golden-set accuracy below ${pct(golden.target!.value)}`, weight: labels,
        detail: `${count(labels)} golden labels this week; worst day ${pct(span.worst.value)} of ${count(span.worst.denominator)} golden labels`,
        view: pageView('ANNOTATION', week - 28 * DAY_S, to, [['VENDOR', g.key]]),
      });
    }
  }
  const notes = await run<Record<string, unknown>>(db, notesStatement(week, to, regionFilter, policyFilter, scopeBounds(ask.access)));
  return { events: orderEvents(out).map(({ weight: _weight, ...e }) => e), notes };
}

// ---- The whole draft ---------------------------------------------------------------------------

export async function retrospectiveOf(db: Database, data: DataCatalogue, q: { week: number; filters: readonly DimensionFilter[]; access: Access }) {
  const dataEnd = data.span ? data.span.to + HOUR_S : q.week + 7 * DAY_S;
  const ask: Ask = { input: q.filters, data, access: q.access };
  const [head, move, odd, happened] = [
    await headlines(db, q.week, ask, dataEnd),
    await movers(db, q.week, ask),
    await anomalies(db, q.week, ask, dataEnd),
    await events(db, q.week, ask),
  ];
  const items = await run<Record<string, unknown>>(db, retroItemsStatement(toIso(q.week).slice(0, 10), scopeBounds(q.access)));
  return {
    week: toIso(q.week).slice(0, 10), range: range(q.week, q.week + 7 * DAY_S), filters: q.filters.map((f) => ({ dimension: f.dimension, values: [...f.values] })), headlines: head, movers: move.movers, moversTested: move.tested,
    falseDiscoveryRate: FALSE_DISCOVERY_RATE, anomalies: odd, events: happened.events, notes: happened.notes, items,
  };
}

export type RetrospectiveData = Awaited<ReturnType<typeof retrospectiveOf>>;
