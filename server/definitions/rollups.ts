// The rollup tables metrics read, with their time column, grain and dimension columns.
// Table names reach SQL only from here.
import type { Dimension, Grain } from '../domain/vocabulary.generated.js';

export interface RollupDef {
  table: string;
  /** 'hour' (DateTime) or 'day' (Date) */
  timeColumn: 'hour' | 'day';
  grain: Extract<Grain, 'HOUR' | 'DAY'>;
  dimensions: readonly Dimension[];
  /** rows are per task and per cell of its answers: a question merges a task's rows per cell first */
  perTask?: true;
  /** a ReplacingMergeTree rewritten by refreshes: read with FINAL (one row per key, the newest) */
  replaced?: true;
}

const MODERATION_DIMS: Dimension[] = ['REGION', 'COUNTRY', 'POLICY', 'CONTENT_TYPE', 'DETECTION_SOURCE', 'ENFORCEMENT_PATH', 'ACTION'];
const ANNOTATION_DIMS: Dimension[] = ['VENDOR', 'SITE', 'QUEUE', 'LANGUAGE', 'REGION', 'POLICY'];

export const ROLLUPS = {
  moderation: { table: 'moderation_hourly', timeColumn: 'hour', grain: 'HOUR', dimensions: MODERATION_DIMS },
  moderationByRegionPolicy: { table: 'moderation_region_policy_hourly', timeColumn: 'hour', grain: 'HOUR', dimensions: ['REGION', 'POLICY'] },
  reviewFlow: { table: 'review_flow_hourly', timeColumn: 'hour', grain: 'HOUR', dimensions: ['REGION', 'COUNTRY', 'POLICY', 'QUEUE'] },
  appeals: { table: 'appeals_hourly', timeColumn: 'hour', grain: 'HOUR', dimensions: ['REGION', 'COUNTRY', 'POLICY', 'CONTENT_TYPE'] },
  modelPerformance: { table: 'model_performance_daily', timeColumn: 'day', grain: 'DAY', dimensions: ['MODEL', 'MODEL_VERSION', 'REGION', 'POLICY', 'LABEL_SOURCE'] },
  modelScores: { table: 'model_scores_daily', timeColumn: 'day', grain: 'DAY', dimensions: ['MODEL', 'MODEL_VERSION', 'REGION', 'POLICY'] },
  annotationLabels: { table: 'annotation_labels_hourly', timeColumn: 'hour', grain: 'HOUR', dimensions: ANNOTATION_DIMS },
  annotationTasks: { table: 'annotation_tasks_hourly', timeColumn: 'hour', grain: 'HOUR', dimensions: ANNOTATION_DIMS },
  qaAudits: { table: 'qa_audits_hourly', timeColumn: 'hour', grain: 'HOUR', dimensions: ANNOTATION_DIMS },
  taskAnswers: { table: 'annotation_task_answers', timeColumn: 'day', grain: 'DAY', dimensions: ANNOTATION_DIMS, perTask: true },
} as const satisfies Record<string, RollupDef>;

export type RollupId = keyof typeof ROLLUPS;

/**
 * Daily twins of hourly rollups: the same columns summed by UTC day (distinct-count states merged
 * per day). Only the table decider (tableDecider.ts) picks them, for the whole UTC days of a
 * question that needs no finer time.
 */
export const DAILY_ROLLUPS = {
  moderationDaily: { table: 'moderation_daily', timeColumn: 'day', grain: 'DAY', dimensions: MODERATION_DIMS },
  moderationByRegionPolicyDaily: { table: 'moderation_region_policy_daily', timeColumn: 'day', grain: 'DAY', dimensions: ['REGION', 'POLICY'] },
  reviewFlowDaily: { table: 'review_flow_daily', timeColumn: 'day', grain: 'DAY', dimensions: ['REGION', 'COUNTRY', 'POLICY', 'QUEUE'] },
  appealsDaily: { table: 'appeals_daily', timeColumn: 'day', grain: 'DAY', dimensions: ['REGION', 'COUNTRY', 'POLICY', 'CONTENT_TYPE'] },
  annotationLabelsDaily: { table: 'annotation_labels_daily', timeColumn: 'day', grain: 'DAY', dimensions: ANNOTATION_DIMS },
  annotationTasksDaily: { table: 'annotation_tasks_daily', timeColumn: 'day', grain: 'DAY', dimensions: ANNOTATION_DIMS },
  qaAuditsDaily: { table: 'qa_audits_daily', timeColumn: 'day', grain: 'DAY', dimensions: ANNOTATION_DIMS },
} as const satisfies Record<string, RollupDef>;

/**
 * The two halves of annotation_task_answers for agreement (migration 0022): per-day sums of the
 * tasks held in one row, and the rows of the other tasks as they are. They hold disjoint sets of
 * tasks; the decider reads both and the figures add up.
 */
export const AGREEMENT_PARTS = {
  agreementDaily: { table: 'annotation_agreement_daily', timeColumn: 'day', grain: 'DAY', dimensions: ANNOTATION_DIMS, replaced: true },
  mixedTaskAnswers: { table: 'annotation_mixed_task_answers', timeColumn: 'day', grain: 'DAY', dimensions: ANNOTATION_DIMS, perTask: true, replaced: true },
} as const satisfies Record<string, RollupDef>;

/** Every table a metric statement may read: the rollups, their daily twins and the agreement parts. */
export type TableId = RollupId | keyof typeof DAILY_ROLLUPS | keyof typeof AGREEMENT_PARTS;
export const TABLES: Readonly<Record<TableId, RollupDef>> = { ...ROLLUPS, ...DAILY_ROLLUPS, ...AGREEMENT_PARTS };

export const ROLLUP_TABLES: ReadonlySet<string> = new Set(Object.values(TABLES).map((r) => r.table));
