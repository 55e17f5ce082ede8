// What needs attention among a page's headline figures, where and since when: the Overview's
// list, computed here rather than in the browser so it follows the retrospective's rules (cells
// tested with their kind's test, the false discovery rate held over every cell tested,
// shift-share, practical size) and a page asks it in one request instead of three per figure.
import type { Database } from '../db/database.js';
import type { Dimension, Grain, MetricFamily, ViewPage } from '../domain/vocabulary.generated.js';
import type { View } from '../domain/views.js';
import type { MetricDef, TargetDef } from '../definitions/metricCatalogue.js';
import { KIND_RULES } from '../definitions/kinds.js';
import { dimensionValueLabel } from '../definitions/dimensions.js';
import { ROLLUPS } from '../definitions/rollups.js';
import { breakdownOf, seriesOf } from '../metrics/service.js';
import type { KpiResult } from '../metrics/kpis.js';
import type { Point } from '../metrics/points.js';
import { benjaminiHochberg } from '../stats/multiple.js';
import { beyondCountNoise, mattersInPractice } from '../stats/practical.js';
import { normalCdf } from '../stats/normal.js';
import { cellTest } from './cells.js';

export const ATTENTION_FDR = 0.05;
/** A move this large the wrong way is worth a look even where no test applies (percentiles, backlogs). */
const LARGE_MOVE = 0.5;
/** Cells per drill dimension before the rest fold into Other (as the retrospective's movers). */
const CELLS_TOP_N = 50;
/** A proportion or coefficient change below this shows as ±0.0 pts: it is no move at all. */
const SHOWN_AS_ZERO = 0.0005;

/**
 * Where a family's figures are explained: its page, and the two dimensions whose cell is the usual
 * culprit (region × policy for moderation and models; vendor × region for labelling throughput,
 * since queues are regional; vendor × policy for label quality).
 */
export const FAMILY_DRILL: Record<MetricFamily, { page: ViewPage; dimensions: [Dimension, Dimension] }> = {
  MODERATION: { page: 'MODERATION', dimensions: ['REGION', 'POLICY'] },
  MODELS: { page: 'MODELS', dimensions: ['REGION', 'POLICY'] },
  ANNOTATION_THROUGHPUT: { page: 'ANNOTATION', dimensions: ['VENDOR', 'REGION'] },
  ANNOTATION_QUALITY: { page: 'ANNOTATION', dimensions: ['VENDOR', 'POLICY'] },
};

export type Reason = 'BREACHED' | 'AT_RISK' | 'SIGNIFICANT' | 'LARGE_MOVE';
const REASON_SCORE: Record<Reason, number> = { BREACHED: 3, AT_RISK: 1, SIGNIFICANT: 2, LARGE_MOVE: 2 };

export interface BadRun {
  from: number;
  to: number;
  ongoing: boolean;
  grain: Grain;
  zone: string;
}

export interface Culprit {
  dimensions: Dimension[];
  keys: string[];
  labels: string[];
  current: Point;
  previous: Point | null;
  qValue: number | null;
  badRun: BadRun | null;
}

export interface Flag {
  kpi: KpiResult;
  reasons: Reason[];
  culprit: Culprit | null;
  view: View;
}

/** +1 when a rise is bad, -1 when a fall is bad, 0 when neither is. */
export function badSign(def: MetricDef): number {
  return def.goodDirection === 'DOWN' ? 1 : def.goodDirection === 'UP' ? -1 : 0;
}

/** How far a value is on the wrong side of the target (0 on the right side). */
export function shortfall(value: number, target: TargetDef): number {
  return Math.max(0, target.direction === 'AT_MOST' ? value - target.value : target.value - value);
}

/** Whether the comparison period lies within the data; before it, "previous" is an artefact of the range. */
const comparisonCovered = (k: KpiResult, dataFrom: number | null) => k.previousRange !== null && (dataFrom === null || k.previousRange.from >= dataFrom);

/** A change the wrong way, larger than the figure shows as zero. */
function wrongWay(def: MetricDef, change: number | null): boolean {
  const sign = badSign(def);
  if (change === null || sign === 0) return false;
  if ((def.unit === 'RATIO' || def.unit === 'COEFFICIENT') && Math.abs(change) < SHOWN_AS_ZERO) return false;
  return change * sign > 0;
}

/**
 * The flags without their culprits: targets breached or at risk; changes the wrong way that stay
 * significant after Benjamini–Hochberg over every figure tested (many figures means many chances
 * of a fluke) and are large enough to matter; and large moves of figures no test applies to.
 */
export function flagsOf(kpis: readonly KpiResult[], dataFrom: number | null, fdr = ATTENTION_FDR): { flags: { kpi: KpiResult; reasons: Reason[]; score: number }[]; tested: number } {
  const tested = kpis.filter((k) => k.pValue !== null && comparisonCovered(k, dataFrom));
  const q = benjaminiHochberg(tested.map((k) => k.pValue!));
  const significant = new Set(tested.filter((_, i) => q[i]! <= fdr).map((k) => k.def.id));
  const flags = [];
  for (const kpi of kpis) {
    const { def } = kpi;
    const reasons: Reason[] = [];
    if (def.target && kpi.targetStatus === 'BREACHED') reasons.push('BREACHED');
    if (def.target && kpi.targetStatus === 'AT_RISK') reasons.push('AT_RISK');
    const now = kpi.current.value;
    const before = kpi.previous?.value ?? null;
    const bad = comparisonCovered(kpi, dataFrom) && wrongWay(def, kpi.absoluteChange) && now !== null && before !== null && mattersInPractice(def.unit, now, before);
    if (bad && significant.has(def.id)) reasons.push('SIGNIFICANT');
    // untested: at least half its base (or a base too small for a percentage), counts beyond their Poisson noise
    const large = kpi.relativeChange === null || Math.abs(kpi.relativeChange) >= LARGE_MOVE;
    if (bad && kpi.pValue === null && large && (def.unit !== 'COUNT' || beyondCountNoise(now!, before!))) reasons.push('LARGE_MOVE');
    if (reasons.length) flags.push({ kpi, reasons, score: reasons.reduce((s, r) => s + REASON_SCORE[r], 0) });
  }
  return { flags: flags.sort((a, b) => b.score - a.score), tested: tested.length };
}

interface Candidate {
  flag: number;
  keys: string[];
  current: Point;
  previous: Point | null;
  /** how much of the figure's badness the cell carries (items short of target, or its bad shift-share) */
  weight: number;
  pValue: number | null;
}

/** One-sided p-value that a rate's true value is on the wrong side of the target (normal approximation). */
function offTargetPValue(p: Point, target: TargetDef): number | null {
  const n = p.denominator ?? 0;
  if (p.value === null || n <= 0) return null;
  const t = target.value;
  const z = shortfall(p.value, target) / Math.sqrt(Math.max(t * (1 - t), 1e-9) / n);
  return 1 - normalCdf(z);
}

/**
 * The cells of one flagged figure that could explain it, with their test (p-values are adjusted
 * by the caller over every cell of the screen):
 * - off target (rates and other non-additive kinds): each cell on the wrong side of the target,
 *   weighted by its items × its shortfall; rates are tested one-sided against the target;
 * - a backlog: each cell where it grew (its level in the range), untested;
 * - otherwise: each cell that moved the wrong way by an amount that matters, weighted by its
 *   shift-share, tested with its kind's test against the same cell in the comparison period.
 * Low-sample cells and Other are never culprits: neither is a slice one can act on.
 */
function candidatesOf(index: number, kpi: KpiResult, current: { keys: string[]; point: Point; isOther: boolean }[], previous: Map<string, Point> | null, totals: { cur: Point; prev: Point | null }): Candidate[] {
  const { def } = kpi;
  const rule = KIND_RULES[def.kind];
  const sign = badSign(def);
  const offTarget = def.target !== undefined && (kpi.targetStatus === 'BREACHED' || kpi.targetStatus === 'AT_RISK') && !rule.additive;
  const out: Candidate[] = [];
  for (const cell of current) {
    const { point } = cell;
    if (point.value === null || point.lowSample || cell.isOther) continue;
    const prior = previous?.get(cell.keys.join('\u0000')) ?? null;
    const base = { flag: index, keys: cell.keys, current: point, previous: prior };
    if (offTarget) {
      const weight = rule.support(point) * shortfall(point.value, def.target!);
      if (weight > 0) out.push({ ...base, weight, pValue: rule.noise === 'binomial' ? offTargetPValue(point, def.target!) : null });
    } else if (rule.culprit === 'level') {
      const weight = point.value * (sign || 1);
      if (weight > 0) out.push({ ...base, weight, pValue: null });
    } else if (prior && prior.value !== null && totals.prev) {
      if (!(sign === 0 ? point.value !== prior.value : wrongWay(def, point.value - prior.value))) continue;
      if (!mattersInPractice(def.unit, point.value, prior.value)) continue;
      if (rule.additive && !rule.test && !beyondCountNoise(point.value, prior.value)) continue;
      const test = cellTest(def, point, prior, { cur: totals.cur, prev: totals.prev });
      if (!test) continue;
      const weight = sign === 0 ? Math.abs(test.contribution) : test.contribution * sign;
      if (weight > 0) out.push({ ...base, weight, pValue: test.pValue });
    }
  }
  return out;
}

/** Whether one bucket of the culprit's series is bad: off target, or (no target) a rate surely on the wrong side of its comparison value. */
export function bucketIsBad(point: Point, def: MetricDef, baseline: number | null): boolean {
  if (point.value === null) return false;
  if (def.target) return shortfall(point.value, def.target) > 0;
  const sign = badSign(def);
  if (baseline === null || sign === 0 || point.low === null || point.high === null) return false;
  return sign > 0 ? point.low > baseline : point.high < baseline;
}

/** The longest run of bad buckets (the latest one on a tie), as bucket indexes; undefined if none. */
export function longestBadRun(bad: readonly boolean[]): { start: number; end: number } | undefined {
  let best: { start: number; end: number } | undefined;
  let start = -1;
  bad.forEach((isBad, i) => {
    if (isBad && start < 0) start = i;
    const closes = start >= 0 && (!isBad || i === bad.length - 1);
    if (!closes) return;
    const end = isBad ? i : i - 1;
    if (!best || end - start >= best.end - best.start) best = { start, end };
    start = -1;
  });
  return best;
}

export interface AttentionAsk {
  kpis: readonly KpiResult[];
  /** start of the data (a comparison period before it is not compared) */
  dataFrom: number | null;
  /** the zone the culprit's buckets are in */
  zone: string;
  /** the series grain for a range (the API's automatic grain) */
  grainFor: (range: { from: number; to: number }, minGrain: Grain) => Grain;
}

/**
 * The flags, each with its culprit and when the culprit went wrong, and a view of the family page
 * on the culprit's slice. The culprit is the heaviest cell whose test survives Benjamini–Hochberg
 * over every cell tested for the screen (untested kinds: the heaviest cell that matters).
 */
export async function attentionOf(db: Database, ask: AttentionAsk) {
  const { flags, tested } = flagsOf(ask.kpis, ask.dataFrom);
  // every flag's cells asked at once: breakdowns of one rollup and slice go to the engine together
  const candidates: Candidate[] = (await Promise.all([...flags.entries()].map(async ([index, { kpi }]) => {
    const { def } = kpi;
    const dims = FAMILY_DRILL[def.family].dimensions;
    const q = { dims, filters: kpi.filters, topN: CELLS_TOP_N };
    const [cur, prev] = await Promise.all([
      breakdownOf(db, def, { ...kpi.currentRange, ...q }),
      kpi.previousRange && comparisonCovered(kpi, ask.dataFrom) ? breakdownOf(db, def, { ...kpi.previousRange, ...q }) : null,
    ]);
    const cells = cur.cells.map((c) => ({ keys: c.keys, point: c.point, isOther: c.isOther }));
    const before = prev ? new Map(prev.cells.map((c) => [c.keys.join('\u0000'), c.point])) : null;
    return candidatesOf(index, kpi, cells, before, { cur: cur.total, prev: prev?.total ?? null });
  }))).flat();
  const testedCells = candidates.filter((c) => c.pValue !== null);
  const adjusted = benjaminiHochberg(testedCells.map((c) => c.pValue!));
  const qValue = new Map(testedCells.map((c, i) => [c, adjusted[i]!]));

  const out: Flag[] = await Promise.all([...flags.entries()].map(async ([index, { kpi, reasons }]) => {
    const { def } = kpi;
    const drill = FAMILY_DRILL[def.family];
    let best: Candidate | undefined;
    for (const c of candidates) {
      if (c.flag !== index) continue;
      const q = qValue.get(c);
      if (q !== undefined && q > ATTENTION_FDR) continue;
      if (!best || c.weight > best.weight) best = c;
    }
    const culprit = best ? await culpritOf(db, kpi, drill.dimensions, best, qValue.get(best) ?? null, ask) : null;
    return {
      kpi, reasons, culprit,
      view: {
        page: drill.page, metric: def.id, range: null, grain: null,
        filters: culprit ? culprit.dimensions.map((dimension, i) => ({ dimension, values: [culprit.keys[i]!] })) : [],
      },
    };
  }));
  return { flags: out, tested, cellsTested: testedCells.length, falseDiscoveryRate: ATTENTION_FDR };
}

async function culpritOf(db: Database, kpi: KpiResult, dims: [Dimension, Dimension], cell: Candidate, qValue: number | null, ask: AttentionAsk): Promise<Culprit> {
  const { def } = kpi;
  const filters = new Map(kpi.filters);
  dims.forEach((d, i) => filters.set(d, [cell.keys[i]!]));
  const range = kpi.currentRange;
  const grain = ask.grainFor(range, ROLLUPS[def.rollup].grain);
  const series = await seriesOf(db, def, { ...range, grain, zone: ask.zone, filters, groupBy: null, topN: 1 });
  const points = series.groups[0]?.points ?? [];
  const run = longestBadRun(points.map((p) => bucketIsBad(p, def, cell.previous?.value ?? null)));
  return {
    dimensions: [...dims], keys: cell.keys, labels: cell.keys.map((k, i) => dimensionValueLabel(dims[i]!, k)),
    current: cell.current, previous: cell.previous, qValue,
    badRun: run
      ? { from: series.buckets[run.start]!, to: series.buckets[run.end]!, ongoing: run.end === series.buckets.length - 1, grain: series.grain, zone: series.zone }
      : null,
  };
}

export type AttentionResult = Awaited<ReturnType<typeof attentionOf>>;
