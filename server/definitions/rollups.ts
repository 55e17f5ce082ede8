// The rollup tables metrics read, with their time column, grain and dimension columns.
// Table names reach SQL only from here.
import type { Dimension, Grain } from '../domain/vocabulary.generated.js';

export interface RollupDef {
  table: string;
  /** 'hour' (DateTime) or 'day' (Date) */
  timeColumn: 'hour' | 'day';
  grain: Extract<Grain, 'HOUR' | 'DAY'>;
  dimensions: readonly Dimension[];
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
  taskAnswers: { table: 'annotation_task_answers', timeColumn: 'day', grain: 'DAY', dimensions: ANNOTATION_DIMS },
} as const satisfies Record<string, RollupDef>;

export type RollupId = keyof typeof ROLLUPS;

/**
 * Daily twins of hourly rollups: the same columns summed by UTC day. Only the table decider
 * (tableDecider.ts) picks them, for the whole UTC days of a question that needs no finer time.
 */
export const DAILY_ROLLUPS = {
  moderationDaily: { table: 'moderation_daily', timeColumn: 'day', grain: 'DAY', dimensions: MODERATION_DIMS },
  moderationByRegionPolicyDaily: { table: 'moderation_region_policy_daily', timeColumn: 'day', grain: 'DAY', dimensions: ['REGION', 'POLICY'] },
  reviewFlowDaily: { table: 'review_flow_daily', timeColumn: 'day', grain: 'DAY', dimensions: ['REGION', 'COUNTRY', 'POLICY', 'QUEUE'] },
  appealsDaily: { table: 'appeals_daily', timeColumn: 'day', grain: 'DAY', dimensions: ['REGION', 'COUNTRY', 'POLICY', 'CONTENT_TYPE'] },
} as const satisfies Record<string, RollupDef>;

/** Every table a metric statement may read: the rollups and their daily twins. */
export type TableId = RollupId | keyof typeof DAILY_ROLLUPS;
export const TABLES: Readonly<Record<TableId, RollupDef>> = { ...ROLLUPS, ...DAILY_ROLLUPS };

export const ROLLUP_TABLES: ReadonlySet<string> = new Set(Object.values(TABLES).map((r) => r.table));
