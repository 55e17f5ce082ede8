// The metric catalogue: every metric of Vigil, defined once. Screens, the API, exports and the
// retrospective read these entries; nothing else names a metric's label, definition or SQL.
// Adding a metric is adding an entry here (plus a rollup column when the data is not kept yet).
//
// SQL fragments are aggregate expressions over the entry's rollup (see rollups.ts); they are
// constants of this file, never built from input. Rates are always sum(numerator) / sum(denominator)
// over the slice, never averages of rates.
import type { Dimension, Direction, MetricFamily, MetricKind, Unit } from '../domain/vocabulary.generated.js';
import { ROLLUPS, type RollupId, type TableId } from './rollups.js';
import { UNBIASED_LABEL_SOURCES } from './dimensions.js';
import { PAIRABLE, UNIT } from './agreementUnits.js';

/** An aggregate over one rollup. */
export interface Measure {
  rollup: RollupId;
  /** ClickHouse aggregate expression over the rollup's columns. */
  sql: string;
  label: string;
  /** the same measure over another table the decider may read instead (its columns differ) */
  on?: Partial<Record<TableId, string>>;
}

export interface TargetDef {
  value: number;
  direction: 'AT_LEAST' | 'AT_MOST';
  /** within this distance of the target, on the good side, the status is AT_RISK */
  atRiskMargin: number;
}

export interface MetricDef {
  id: string;
  label: string;
  family: MetricFamily;
  definition: string;
  kind: MetricKind;
  unit: Unit;
  goodDirection: Direction;
  /** the rollup whose dimensions and grain the metric has */
  rollup: RollupId;
  /** COUNT, DISTINCT: the value; QUANTILE: the histogram column; BACKLOG: inflow */
  value?: Measure;
  /** RATE, RATIO; BACKLOG: outflow is the denominator */
  numerator?: Measure;
  denominator?: Measure;
  /** RATIO: value = numerator / denominator × scale */
  scale?: number;
  /** QUANTILE: which percentile (0–1) */
  quantile?: number;
  defaultFilters?: Partial<Record<Dimension, string[]>>;
  target?: TargetDef;
}

const m = (rollup: RollupId, sql: string, label: string, on?: Measure['on']): Measure => (on ? { rollup, sql, label, on } : { rollup, sql, label });

/** The SQL of a measure over the table read. */
export function measureSqlOn(measure: Measure, table: TableId): string {
  return measure.on?.[table] ?? measure.sql;
}

/**
 * How every percentile is read (stats/distributions.ts): the quantile it approximates and its
 * error bound, stated with each percentile's definition.
 */
/** Why some decisions have no time to action (migration 0017). */
const DAY_PRECISION =
  ' Decisions whose times are known only to the day (time_precision "day", e.g. statements imported from the EU DSA Transparency Database, which publishes' +
  ' dates only) are left out: their "time to action" would read 0 s for a same-day decision or the content\'s age in whole days — neither is a reaction time.' +
  ' They still count in every other figure.';

export const PERCENTILE_METHOD =
  ' Read from a histogram of log-spaced buckets (each about 9 % wide): the estimate lies in the same bucket as the lower empirical quantile ' +
  '(the smallest duration with at least that share of items at or below it; R quantile type 1), interpolated linearly within the bucket, ' +
  'so it is never more than 9.1 % of (1 s + the true value) away from it; on smooth distributions, usually within 5 %.';

// Agreement units: the rollup keeps every labelled task's (annotator, answer) pairs; metrics read
// them through a subquery that merges a task's rows within each cell (bucket × group), so `answers` is
// all of one task's answers in the cell (see selectSql in queries/metricQuery.ts). The same sums,
// added up per day ahead of time for tasks held in one row, are the columns of
// annotation_agreement_daily (`agreementDaily`; agreementUnits.ts defines a unit's share once).
const MULTI = PAIRABLE;

const MODERATION: MetricDef[] = [
  {
    id: 'decisions', label: 'Decisions', family: 'MODERATION', kind: 'COUNT', unit: 'COUNT', goodDirection: 'NEUTRAL', rollup: 'moderation',
    definition: 'Moderation decisions taken, whatever their outcome.',
    value: m('moderation', 'sum(decisions)', 'decisions'),
  },
  {
    id: 'actioned', label: 'Actioned', family: 'MODERATION', kind: 'COUNT', unit: 'COUNT', goodDirection: 'NEUTRAL', rollup: 'moderation',
    definition: 'Decisions whose outcome is an enforcement: removed, restricted, age-restricted or an account action.',
    value: m('moderation', 'sum(actioned)', 'actioned decisions'),
  },
  {
    id: 'action_rate', label: 'Action rate', family: 'MODERATION', kind: 'RATE', unit: 'RATIO', goodDirection: 'NEUTRAL', rollup: 'moderation',
    definition: 'Share of decisions that enforced: actioned ÷ decisions.',
    numerator: m('moderation', 'sum(actioned)', 'actioned'), denominator: m('moderation', 'sum(decisions)', 'decisions'),
  },
  {
    id: 'proactive_rate', label: 'Proactive rate', family: 'MODERATION', kind: 'RATE', unit: 'RATIO', goodDirection: 'UP', rollup: 'moderation',
    definition: 'Share of actioned items first detected by automated detection, before any user report: proactive actioned ÷ actioned (Meta CSER, TikTok CGER).',
    numerator: m('moderation', 'sum(proactive_actioned)', 'actioned, found by automation'), denominator: m('moderation', 'sum(actioned)', 'actioned'),
    target: { value: 0.8, direction: 'AT_LEAST', atRiskMargin: 0.03 },
  },
  {
    id: 'automated_share', label: 'Automated decision share', family: 'MODERATION', kind: 'RATE', unit: 'RATIO', goodDirection: 'NEUTRAL', rollup: 'moderation',
    definition: 'Share of decisions taken fully by automation: automated decisions ÷ decisions.',
    numerator: m('moderation', 'sum(automated_decisions)', 'automated decisions'), denominator: m('moderation', 'sum(decisions)', 'decisions'),
  },
  {
    id: 'removal_within_24h', label: 'Removal within 24 h', family: 'MODERATION', kind: 'RATE', unit: 'RATIO', goodDirection: 'UP', rollup: 'moderation',
    definition: 'Share of actioned items actioned within 24 hours of being posted — at most 24 h, as every "within" in Vigil (TikTok CGER).',
    numerator: m('moderation', 'sum(actioned_within_24h)', 'actioned within 24 h'), denominator: m('moderation', 'sum(actioned)', 'actioned'),
    target: { value: 0.9, direction: 'AT_LEAST', atRiskMargin: 0.03 },
  },
  {
    id: 'removal_before_views', label: 'Removal before any views', family: 'MODERATION', kind: 'RATE', unit: 'RATIO', goodDirection: 'UP', rollup: 'moderation',
    definition: 'Share of actioned items that had zero views when actioned (TikTok CGER).',
    numerator: m('moderation', 'sum(actioned_zero_views)', 'actioned with zero views'), denominator: m('moderation', 'sum(actioned)', 'actioned'),
  },
  {
    id: 'time_to_action_p50', label: 'Time to action p50', family: 'MODERATION', kind: 'QUANTILE', unit: 'SECONDS', goodDirection: 'DOWN', rollup: 'moderation',
    definition: 'Median time from the first flag or report to the decision.' + DAY_PRECISION + PERCENTILE_METHOD,
    value: m('moderation', 'tta_hist', 'decisions'), quantile: 0.5,
  },
  {
    id: 'time_to_action_p90', label: 'Time to action p90', family: 'MODERATION', kind: 'QUANTILE', unit: 'SECONDS', goodDirection: 'DOWN', rollup: 'moderation',
    definition: '90th percentile of the time from the first flag or report to the decision.' + DAY_PRECISION + PERCENTILE_METHOD,
    value: m('moderation', 'tta_hist', 'decisions'), quantile: 0.9,
  },
  {
    id: 'appeals', label: 'Appeals', family: 'MODERATION', kind: 'COUNT', unit: 'COUNT', goodDirection: 'NEUTRAL', rollup: 'appeals',
    definition: 'Appeals filed against enforcement decisions, by the time they were filed.',
    value: m('appeals', 'sum(appeals_filed)', 'appeals filed'),
  },
  {
    id: 'appeal_rate', label: 'Appeal rate', family: 'MODERATION', kind: 'RATE', unit: 'RATIO', goodDirection: 'DOWN', rollup: 'appeals',
    definition:
      'Share of actioned decisions that were appealed: appeals of the decisions actioned in the period and slice ÷ decisions actioned there. ' +
      'An appeal counts at the time of the decision it appeals, so recent periods rise as appeals arrive (most within a few days).',
    numerator: m('appeals', 'sum(appeals_of_decisions)', 'appeals of these decisions'), denominator: m('moderation', 'sum(actioned)', 'actioned'),
  },
  {
    id: 'overturn_rate', label: 'Overturn rate', family: 'MODERATION', kind: 'RATE', unit: 'RATIO', goodDirection: 'DOWN', rollup: 'appeals',
    definition: 'Share of decided appeals that restored the content: overturned ÷ appeals decided.',
    numerator: m('appeals', 'sum(appeals_overturned)', 'overturned'), denominator: m('appeals', 'sum(appeals_resolved)', 'appeals decided'),
    target: { value: 0.15, direction: 'AT_MOST', atRiskMargin: 0.03 },
  },
  {
    id: 'review_backlog', label: 'Review backlog', family: 'MODERATION', kind: 'BACKLOG', unit: 'COUNT', goodDirection: 'DOWN', rollup: 'reviewFlow',
    definition: 'Items waiting for a human review decision at the end of each bucket (everything enqueued minus everything reviewed since the data began).',
    numerator: m('reviewFlow', 'sum(enqueued)', 'enqueued'), denominator: m('reviewFlow', 'sum(reviewed)', 'reviewed'),
  },
  {
    id: 'review_oldest_wait', label: 'Oldest waiting review', family: 'MODERATION', kind: 'OLDEST_WAIT', unit: 'SECONDS', goodDirection: 'DOWN', rollup: 'reviewFlow',
    definition:
      'Age of the oldest item waiting for a human review decision at the end of each bucket (0 when nothing waits), the largest over the queues in the slice. ' +
      'Counted from the start of the hour the item entered its queue (the flows are kept per hour), assuming each queue is worked first in, first out.',
    numerator: m('reviewFlow', 'sum(enqueued)', 'enqueued'), denominator: m('reviewFlow', 'sum(reviewed)', 'reviewed'),
  },
  {
    id: 'review_sla', label: 'Review SLA attainment', family: 'MODERATION', kind: 'RATE', unit: 'RATIO', goodDirection: 'UP', rollup: 'reviewFlow',
    definition: "Share of human reviews decided within their queue's SLA, counted from when the item entered the review queue (at most the SLA): reviewed within SLA ÷ reviewed.",
    numerator: m('reviewFlow', 'sum(reviewed_within_sla)', 'reviewed within SLA'), denominator: m('reviewFlow', 'sum(reviewed)', 'reviewed'),
    target: { value: 0.95, direction: 'AT_LEAST', atRiskMargin: 0.02 },
  },
];

const MODELS: MetricDef[] = [
  {
    id: 'precision', label: 'Precision', family: 'MODELS', kind: 'RATE', unit: 'RATIO', goodDirection: 'UP', rollup: 'modelPerformance',
    definition: 'Of the items the model flagged at its deployed threshold, the share that truly violate: TP ÷ (TP + FP). Any label source can measure it, since it only needs flagged items. Each prediction has one outcome per label source, from the latest label of that source (latest labelled_at, ties to the highest label_id); an item labelled by two sources counts once for each.',
    numerator: m('modelPerformance', 'sum(true_positives)', 'true positives'),
    denominator: m('modelPerformance', 'sum(true_positives) + sum(false_positives)', 'flagged and labelled'),
    target: { value: 0.8, direction: 'AT_LEAST', atRiskMargin: 0.03 },
  },
  {
    id: 'recall', label: 'Recall', family: 'MODELS', kind: 'RATE', unit: 'RATIO', goodDirection: 'UP', rollup: 'modelPerformance',
    definition: 'Of the items that truly violate, the share the model flagged: TP ÷ (TP + FN). Only honest on unbiased samples, so it uses random audits and golden sets unless a label source is chosen. Each prediction has one outcome per label source, from the latest label of that source (latest labelled_at, ties to the highest label_id).',
    numerator: m('modelPerformance', 'sum(true_positives)', 'true positives'),
    denominator: m('modelPerformance', 'sum(true_positives) + sum(false_negatives)', 'violating and labelled'),
    defaultFilters: { LABEL_SOURCE: [...UNBIASED_LABEL_SOURCES] },
    target: { value: 0.85, direction: 'AT_LEAST', atRiskMargin: 0.03 },
  },
  {
    id: 'f1', label: 'F1', family: 'MODELS', kind: 'RATIO', unit: 'RATIO', goodDirection: 'UP', rollup: 'modelPerformance',
    definition: 'Harmonic mean of precision and recall: 2TP ÷ (2TP + FP + FN). Uses unbiased label sources unless one is chosen, like recall.',
    numerator: m('modelPerformance', '2 * sum(true_positives)', '2 × true positives'),
    denominator: m('modelPerformance', '2 * sum(true_positives) + sum(false_positives) + sum(false_negatives)', '2TP + FP + FN'),
    scale: 1,
    defaultFilters: { LABEL_SOURCE: [...UNBIASED_LABEL_SOURCES] },
  },
  {
    id: 'false_positive_rate', label: 'False-positive rate', family: 'MODELS', kind: 'RATE', unit: 'RATIO', goodDirection: 'DOWN', rollup: 'modelPerformance',
    definition: 'Of the benign items, the share the model flagged: FP ÷ (FP + TN). Uses unbiased label sources unless one is chosen. Each prediction has one outcome per label source, from the latest label of that source (latest labelled_at, ties to the highest label_id).',
    numerator: m('modelPerformance', 'sum(false_positives)', 'false positives'),
    denominator: m('modelPerformance', 'sum(false_positives) + sum(true_negatives)', 'benign and labelled'),
    defaultFilters: { LABEL_SOURCE: [...UNBIASED_LABEL_SOURCES] },
  },
  {
    id: 'labelled_positives', label: 'Support: positives', family: 'MODELS', kind: 'COUNT', unit: 'COUNT', goodDirection: 'NEUTRAL', rollup: 'modelPerformance',
    definition: 'Labelled items that truly violate (TP + FN): exactly the items recall rests on, so unbiased label sources unless one is chosen, one outcome per prediction and label source (its latest label).',
    value: m('modelPerformance', 'sum(true_positives) + sum(false_negatives)', 'violating items'),
    defaultFilters: { LABEL_SOURCE: [...UNBIASED_LABEL_SOURCES] },
  },
  {
    id: 'labelled_negatives', label: 'Support: negatives', family: 'MODELS', kind: 'COUNT', unit: 'COUNT', goodDirection: 'NEUTRAL', rollup: 'modelPerformance',
    definition: 'Labelled items that are benign (FP + TN): exactly the items the false-positive rate rests on, so unbiased label sources unless one is chosen, one outcome per prediction and label source (its latest label).',
    value: m('modelPerformance', 'sum(false_positives) + sum(true_negatives)', 'benign items'),
    defaultFilters: { LABEL_SOURCE: [...UNBIASED_LABEL_SOURCES] },
  },
  {
    id: 'predictions', label: 'Predictions', family: 'MODELS', kind: 'COUNT', unit: 'COUNT', goodDirection: 'NEUTRAL', rollup: 'modelScores',
    definition: 'Items scored by the model, labelled or not.',
    value: m('modelScores', 'sum(predictions)', 'scored items'),
  },
  {
    id: 'flag_rate', label: 'Flag rate', family: 'MODELS', kind: 'RATE', unit: 'RATIO', goodDirection: 'NEUTRAL', rollup: 'modelScores',
    definition: 'Share of scored items at or above the deployed threshold: flagged ÷ scored.',
    numerator: m('modelScores', 'sum(flagged)', 'flagged'), denominator: m('modelScores', 'sum(predictions)', 'scored'),
  },
];

const THROUGHPUT: MetricDef[] = [
  {
    id: 'labels', label: 'Labels submitted', family: 'ANNOTATION_THROUGHPUT', kind: 'COUNT', unit: 'COUNT', goodDirection: 'NEUTRAL', rollup: 'annotationLabels',
    definition: 'Answers submitted by annotators.',
    value: m('annotationLabels', 'sum(labels)', 'labels'),
  },
  {
    id: 'active_annotators', label: 'Active annotators', family: 'ANNOTATION_THROUGHPUT', kind: 'DISTINCT', unit: 'COUNT', goodDirection: 'NEUTRAL', rollup: 'annotationLabels',
    definition: 'Distinct annotators who submitted at least one label.',
    value: m('annotationLabels', 'uniqExactMerge(annotators)', 'annotators'),
  },
  {
    id: 'productivity', label: 'Productivity', family: 'ANNOTATION_THROUGHPUT', kind: 'RATIO', unit: 'PER_HOUR', goodDirection: 'UP', rollup: 'annotationLabels',
    definition: 'Labels per annotator-hour of handling time: labels ÷ (handle seconds ÷ 3600).',
    numerator: m('annotationLabels', 'sum(labels)', 'labels'), denominator: m('annotationLabels', 'sum(handle_seconds_total)', 'handling seconds'),
    scale: 3600,
  },
  {
    id: 'handle_time_p50', label: 'Handle time p50', family: 'ANNOTATION_THROUGHPUT', kind: 'QUANTILE', unit: 'SECONDS', goodDirection: 'DOWN', rollup: 'annotationLabels',
    definition: 'Median time an annotator spends on one label.' + PERCENTILE_METHOD,
    value: m('annotationLabels', 'handle_hist', 'labels'), quantile: 0.5,
  },
  {
    id: 'handle_time_p90', label: 'Handle time p90', family: 'ANNOTATION_THROUGHPUT', kind: 'QUANTILE', unit: 'SECONDS', goodDirection: 'DOWN', rollup: 'annotationLabels',
    definition: '90th percentile of the time an annotator spends on one label.' + PERCENTILE_METHOD,
    value: m('annotationLabels', 'handle_hist', 'labels'), quantile: 0.9,
  },
  {
    id: 'tasks_created', label: 'Tasks created', family: 'ANNOTATION_THROUGHPUT', kind: 'COUNT', unit: 'COUNT', goodDirection: 'NEUTRAL', rollup: 'annotationTasks',
    definition: 'Labelling tasks created.',
    value: m('annotationTasks', 'sum(tasks_created)', 'tasks created'),
  },
  {
    id: 'tasks_completed', label: 'Tasks completed', family: 'ANNOTATION_THROUGHPUT', kind: 'COUNT', unit: 'COUNT', goodDirection: 'NEUTRAL', rollup: 'annotationTasks',
    definition: 'Labelling tasks completed (all their labels submitted).',
    value: m('annotationTasks', 'sum(tasks_completed)', 'tasks completed'),
  },
  {
    id: 'turnaround_p50', label: 'Turnaround p50', family: 'ANNOTATION_THROUGHPUT', kind: 'QUANTILE', unit: 'SECONDS', goodDirection: 'DOWN', rollup: 'annotationTasks',
    definition: 'Median time from a task being created to its completion.' + PERCENTILE_METHOD,
    value: m('annotationTasks', 'turnaround_hist', 'tasks completed'), quantile: 0.5,
  },
  {
    id: 'turnaround_p90', label: 'Turnaround p90', family: 'ANNOTATION_THROUGHPUT', kind: 'QUANTILE', unit: 'SECONDS', goodDirection: 'DOWN', rollup: 'annotationTasks',
    definition: '90th percentile of the time from a task being created to its completion.' + PERCENTILE_METHOD,
    value: m('annotationTasks', 'turnaround_hist', 'tasks completed'), quantile: 0.9,
  },
  {
    id: 'annotation_backlog', label: 'Labelling backlog', family: 'ANNOTATION_THROUGHPUT', kind: 'BACKLOG', unit: 'COUNT', goodDirection: 'DOWN', rollup: 'annotationTasks',
    definition: 'Tasks created and not yet completed, at the end of each bucket.',
    numerator: m('annotationTasks', 'sum(tasks_created)', 'created'), denominator: m('annotationTasks', 'sum(tasks_completed)', 'completed'),
  },
  {
    id: 'annotation_sla', label: 'Labelling SLA attainment', family: 'ANNOTATION_THROUGHPUT', kind: 'RATE', unit: 'RATIO', goodDirection: 'UP', rollup: 'annotationTasks',
    definition: "Share of completed tasks completed within their queue's SLA of being created (at most the SLA).",
    numerator: m('annotationTasks', 'sum(completed_within_sla)', 'completed within SLA'), denominator: m('annotationTasks', 'sum(tasks_completed)', 'completed'),
    target: { value: 0.95, direction: 'AT_LEAST', atRiskMargin: 0.02 },
  },
];

const QUALITY: MetricDef[] = [
  {
    id: 'golden_accuracy', label: 'Golden-set accuracy', family: 'ANNOTATION_QUALITY', kind: 'RATE', unit: 'RATIO', goodDirection: 'UP', rollup: 'annotationLabels',
    definition: 'Labels on golden items equal to the gold answer ÷ labels on golden items.',
    numerator: m('annotationLabels', 'sum(golden_correct)', 'correct golden labels'), denominator: m('annotationLabels', 'sum(golden_labels)', 'golden labels'),
    target: { value: 0.9, direction: 'AT_LEAST', atRiskMargin: 0.02 },
  },
  {
    id: 'qa_pass_rate', label: 'QA pass rate', family: 'ANNOTATION_QUALITY', kind: 'RATE', unit: 'RATIO', goodDirection: 'UP', rollup: 'qaAudits',
    definition: 'Audited labels that passed QA ÷ audited labels.',
    numerator: m('qaAudits', 'sum(passed)', 'passed'), denominator: m('qaAudits', 'sum(audited)', 'audited'),
    target: { value: 0.9, direction: 'AT_LEAST', atRiskMargin: 0.02 },
  },
  {
    id: 'disagreement_rate', label: 'Disagreement rate', family: 'ANNOTATION_QUALITY', kind: 'RATE', unit: 'RATIO', goodDirection: 'DOWN', rollup: 'taskAnswers',
    definition: 'Items labelled by two or more annotators without a unanimous answer ÷ items labelled by two or more annotators. An item is a task with all its answers in the slice, from any site, language or day.',
    numerator: m('taskAnswers', `countIf(${MULTI} AND ${UNIT.disagreeing})`, 'items without a unanimous answer', { agreementDaily: 'sum(disagreeing_items)' }),
    denominator: m('taskAnswers', `countIf(${MULTI})`, 'multi-labelled items', { agreementDaily: 'sum(items)' }),
  },
  {
    id: 'percent_agreement', label: 'Percent agreement', family: 'ANNOTATION_QUALITY', kind: 'RATIO', unit: 'RATIO', goodDirection: 'UP', rollup: 'taskAnswers',
    definition: 'Share of pairs of answers to the same item that agree, over items labelled by two or more annotators. An item is a task with all its answers in the slice, from any site, language or day.',
    numerator: m('taskAnswers', `sumIf(${UNIT.agreeingPairs}, ${MULTI})`, 'agreeing pairs', { agreementDaily: 'sum(agreeing_pairs)' }),
    denominator: m('taskAnswers', `sumIf(${UNIT.pairs}, ${MULTI})`, 'pairs', { agreementDaily: 'sum(pairs)' }),
    scale: 1,
  },
  {
    id: 'krippendorff_alpha', label: "Krippendorff's alpha", family: 'ANNOTATION_QUALITY', kind: 'AGREEMENT', unit: 'COEFFICIENT', goodDirection: 'UP', rollup: 'taskAnswers',
    definition: "Krippendorff's alpha (nominal) over items labelled by two or more annotators: 1 − observed ÷ expected disagreement. 1 is perfect agreement, 0 is chance. An item is a task with all its answers in the slice, from any site, language or day.",
    // (answers per value, observed disagreement) over multi-labelled items: the sums alpha needs
    // (stats/agreement.ts, krippendorffAlphaFromSums), keyed by the answer itself. Answers are never
    // paired into a joined string: they are free text and may hold any separator.
    value: m(
      'taskAnswers',
      `(sumMapIf(${UNIT.answerKeys}, ${UNIT.answerOnes}, ${MULTI}), sumIf(${UNIT.disagreement}, ${MULTI}))`,
      'multi-labelled items',
      { agreementDaily: '(sumMap(answer_counts), sum(disagreement))' },
    ),
    target: { value: 0.667, direction: 'AT_LEAST', atRiskMargin: 0.05 },
  },
];

export const METRICS: readonly MetricDef[] = [...MODERATION, ...MODELS, ...THROUGHPUT, ...QUALITY];

const byId = new Map(METRICS.map((d) => [d.id, d]));

export function metricById(id: string): MetricDef | undefined {
  return byId.get(id);
}

/** The measures a metric reads, each with its rollup. */
export function measuresOf(d: MetricDef): Measure[] {
  return [d.value, d.numerator, d.denominator].filter((x): x is Measure => x !== undefined);
}

/** Dimensions available in every rollup the metric reads. */
export function metricDimensions(d: MetricDef): Dimension[] {
  const rollups = new Set(measuresOf(d).map((x) => x.rollup));
  return ROLLUPS[d.rollup].dimensions.filter((dim) => [...rollups].every((r) => (ROLLUPS[r].dimensions as readonly Dimension[]).includes(dim)));
}
