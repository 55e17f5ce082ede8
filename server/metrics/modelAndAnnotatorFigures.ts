// Figures beyond one metric: a model version's precision-recall curve and confusion matrix, score
// drift between two periods, and Cohen's kappa of two annotators.
import type { Database } from '../db/database.js';
import { badInput, forbidden } from '../domain/errors.js';
import { parseFilters, type DimensionFilter } from './sliceInput.js';
import { metricById } from '../definitions/metricCatalogue.js';
import { UNBIASED_LABEL_SOURCES } from '../definitions/dimensions.js';
import { alignToRollup } from './service.js';
import type { DataCatalogue } from './dataInventory.js';
import { describeScope, type Access } from '../access/access.js';
import { run, type Statement } from '../queries/statements.js';
import { curveStatement, scoreHistogramStatement } from '../queries/modelQueries.js';
import { annotatorPairStatement, annotatorsStatement, pairedAnnotatorsStatement } from '../queries/annotationQueries.js';
import { MIN_THRESHOLD_SUPPORT, averagePrecision, bestThresholdWithSupport, thresholdTable, type ThresholdRow } from '../stats/classification.js';
import { populationStabilityIndex } from '../stats/distributions.js';
import { cohensKappa } from '../stats/agreement.js';

const ANNOTATOR_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/** A figure outside the metric points (kappa, PSI, average precision): finite, or null. */
const finiteOrNull = (v: number | null) => (v !== null && Number.isFinite(v) ? v : null);

/** A model or version in the data (an error lists those inside the asker's scope) and inside the scope. */
function checkKnown(data: DataCatalogue, dimension: 'MODEL' | 'MODEL_VERSION', value: string, argument: string, access: Access): void {
  const mine = data.visible.get(dimension) ?? [];
  const noun = dimension === 'MODEL' ? 'model' : 'model version';
  if (!(data.values.get(dimension) ?? []).includes(value)) {
    throw badInput(`${argument}: unknown ${noun} ${JSON.stringify(value.slice(0, 40))}. Known: ${mine.join(', ') || 'none in the data yet'}.`, argument);
  }
  if (!mine.includes(value)) throw forbidden(`${argument}: ${noun} ${value} is outside your access (${describeScope(access)}).`);
}

/** sumMap result [buckets, counts] as 100 counts, one per score bucket of 0.01. */
function hundred(hist: [number[], (number | string)[]] | undefined): number[] {
  const out = Array<number>(100).fill(0);
  const [keys, counts] = hist ?? [[], []];
  keys.forEach((k, i) => (out[Number(k)] = Number(counts[i])));
  return out;
}

const row = (r: ThresholdRow) => ({
  threshold: r.threshold, truePositives: r.tp, falsePositives: r.fp, falseNegatives: r.fn, trueNegatives: r.tn,
  precision: r.precision, recall: r.recall, f1: r.f1, falsePositiveRate: r.falsePositiveRate,
});

export async function modelCurveOf(
  db: Database, data: DataCatalogue,
  q: { model: string; version: string; from: number; to: number; filters: readonly DimensionFilter[]; precisionTarget: number; access: Access },
) {
  checkKnown(data, 'MODEL', q.model, 'input.model', q.access);
  checkKnown(data, 'MODEL_VERSION', q.version, 'input.version', q.access);
  // recall's entry carries the model rollup's dimensions and the unbiased label sources by default
  const recall = metricById('recall')!;
  const own = q.filters.filter((f) => f.dimension !== 'MODEL' && f.dimension !== 'MODEL_VERSION');
  if (own.length !== q.filters.length) throw badInput('input.filters: give the model and version as input.model and input.version.', 'input.filters');
  const filters = parseFilters(recall, own, data, q.access, 'input.filters');
  filters.set('MODEL_VERSION', [q.version]);
  const { from, to } = alignToRollup(recall, q.from, q.to);
  const s = curveStatement(q.model, { from, to, filters });
  const [r] = await run<Record<string, unknown>>(db, s);
  const positives = hundred(r?.positives as [number[], number[]]);
  const negatives = hundred(r?.negatives as [number[], number[]]);
  const rows = thresholdTable(positives, negatives);
  const best = bestThresholdWithSupport(rows, q.precisionTarget);
  const labelSources = filters.get('LABEL_SOURCE')!;
  const tp = Number(r?.tp ?? 0), fp = Number(r?.fp ?? 0), fn = Number(r?.fn ?? 0), tn = Number(r?.tn ?? 0);
  const threshold = tp + fp + fn + tn > 0 ? Math.round(Number(r?.deployed_threshold) * 1e6) / 1e6 : null;
  const confusion = threshold === null ? null : {
    threshold, truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn,
    precision: tp + fp ? tp / (tp + fp) : null, recall: tp + fn ? tp / (tp + fn) : null,
    f1: 2 * tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : null, falsePositiveRate: fp + tn ? fp / (fp + tn) : null,
  };
  return {
    model: q.model, version: q.version, labelSources, unbiased: labelSources.every((l) => UNBIASED_LABEL_SOURCES.includes(l)),
    deployedThreshold: threshold, confusion, thresholds: rows.map(row), averagePrecision: finiteOrNull(averagePrecision(rows)),
    precisionTarget: q.precisionTarget, bestThreshold: best.row ? row(best.row) : null,
    bestThresholdSupport: best.support, bestThresholdPrecisionLow: best.low, bestThresholdPrecisionHigh: best.high,
    bestThresholdMinimumSupport: MIN_THRESHOLD_SUPPORT, bestThresholdNote: best.note,
    positives: positives.reduce((a, b) => a + b, 0), negatives: negatives.reduce((a, b) => a + b, 0),
    statements: [s] as Statement[],
  };
}

export async function scoreDriftOf(
  db: Database, data: DataCatalogue,
  q: { model: string; baseline: { from: number; to: number }; current: { from: number; to: number }; filters: readonly DimensionFilter[]; access: Access },
) {
  checkKnown(data, 'MODEL', q.model, 'input.model', q.access);
  const predictions = metricById('predictions')!;
  const filters = parseFilters(predictions, q.filters.filter((f) => f.dimension !== 'MODEL'), data, q.access, 'input.filters');
  const b = alignToRollup(predictions, q.baseline.from, q.baseline.to);
  const c = alignToRollup(predictions, q.current.from, q.current.to);
  const sb = scoreHistogramStatement(q.model, { ...b, filters });
  const sc = scoreHistogramStatement(q.model, { ...c, filters });
  const base = hundred((await run<{ hist: [number[], number[]] }>(db, sb))[0]?.hist);
  const cur = hundred((await run<{ hist: [number[], number[]] }>(db, sc))[0]?.hist);
  const nb = base.reduce((x, y) => x + y, 0);
  const nc = cur.reduce((x, y) => x + y, 0);
  return {
    psi: finiteOrNull(populationStabilityIndex(base, cur)), baselineCount: nb, currentCount: nc,
    baselineShares: base.map((v) => (nb ? v / nb : 0)), currentShares: cur.map((v) => (nc ? v / nc : 0)),
    statements: [sb, sc],
  };
}

export async function annotatorAgreementOf(
  db: Database, data: DataCatalogue,
  q: { a: string; b: string; from: number; to: number; filters: readonly DimensionFilter[]; access: Access },
) {
  for (const [id, arg] of [[q.a, 'input.annotatorA'], [q.b, 'input.annotatorB']] as const) {
    if (!ANNOTATOR_ID.test(id)) throw badInput(`${arg} must be an annotator id (letters, digits, . _ : -, up to 64); got ${JSON.stringify(id.slice(0, 40))}.`, arg);
  }
  if (q.a === q.b) throw badInput('input.annotatorB must differ from input.annotatorA.', 'input.annotatorB');
  const def = metricById('disagreement_rate')!;
  const filters = parseFilters(def, q.filters, data, q.access, 'input.filters');
  const { from, to } = alignToRollup(def, q.from, q.to);
  const s = annotatorPairStatement(q.a, q.b, { from, to, filters });
  const rows = await run<{ answer_a: string; answer_b: string; items: string }>(db, s);
  const categories = [...new Set(rows.flatMap((r) => [r.answer_a, r.answer_b]))].sort();
  const index = new Map(categories.map((c, i) => [c, i]));
  const table = categories.map(() => categories.map(() => 0));
  for (const r of rows) table[index.get(r.answer_a)!]![index.get(r.answer_b)!]! += Number(r.items);
  return { kappa: finiteOrNull(cohensKappa(table)), items: rows.reduce((a, r) => a + Number(r.items), 0), categories, table, statements: [s] };
}

/**
 * Annotators who labelled in a range and slice, for picking a pair: most labels first, or, paired
 * with one annotator, those who labelled tasks that annotator also labelled, most shared tasks
 * first. The filters go through parseFilters with the labels metric (the annotation dimensions),
 * so the asker's vendor / region scope applies and a filter outside it is refused.
 */
export async function annotatorsOf(
  db: Database, data: DataCatalogue,
  q: { from: number; to: number; filters: readonly DimensionFilter[]; pairedWith: string | null; search: string | null; access: Access },
) {
  if (q.pairedWith !== null && !ANNOTATOR_ID.test(q.pairedWith)) {
    throw badInput(`input.pairedWith must be an annotator id (letters, digits, . _ : -, up to 64); got ${JSON.stringify(q.pairedWith.slice(0, 40))}.`, 'input.pairedWith');
  }
  if (q.search !== null && !ANNOTATOR_ID.test(q.search)) {
    throw badInput(`input.search must be part of an annotator id: 1–64 letters, digits, . _ : -; got ${JSON.stringify(q.search.slice(0, 40))}.`, 'input.search');
  }
  const filters = parseFilters(metricById('labels')!, q.filters, data, q.access, 'input.filters');
  const slice = { from: q.from, to: q.to, filters };
  const s = q.pairedWith === null
    ? annotatorsStatement(slice, q.search)
    : pairedAnnotatorsStatement(q.pairedWith, slice, alignToRollup(metricById('disagreement_rate')!, q.from, q.to), q.search);
  const rows = await run<{ id: string; vendor: string; labels: string; shared_tasks: string }>(db, s);
  return {
    annotators: rows.map((r) => ({
      id: String(r.id), vendor: String(r.vendor), labels: Number(r.labels), sharedTasks: q.pairedWith === null ? null : Number(r.shared_tasks),
    })),
    statements: [s],
  };
}
