// Which tables a statement reads and which tables a write changes, for the answer cache's precise
// expiry (answerCache.ts): a batch expires only the answers that read a table it changed.
// Reads: the known tables (the cluster registry lists every table a migration creates) named in
// the statement's own SQL — built from our constants, so a table it reads is always named in it
// (there are no plain views or dictionaries to hide one behind). Writes: the table written and
// every table its materialised views fill, transitively (a label fills model_outcomes, which
// fills model_performance_daily). tableFeeds.test.ts checks FEEDS against the migrated engine.
import { CLUSTER_TABLES } from './clusterTables.js';

/** The tables each table's materialised views write (direct targets only). */
export const FEEDS: Readonly<Record<string, readonly string[]>> = {
  moderation_decisions: ['moderation_hourly', 'moderation_daily', 'moderation_region_policy_hourly', 'moderation_region_policy_daily', 'review_flow_hourly', 'review_flow_daily'],
  review_enqueues: ['review_flow_hourly', 'review_flow_daily'],
  appeal_events: ['appeals_hourly', 'appeals_daily'],
  model_predictions: ['model_outcomes', 'model_scores_daily', 'predictions_by_content'],
  ground_truth_labels: ['model_outcomes', 'labels_by_content'],
  model_outcomes: ['model_performance_daily'],
  // the catalogue's values (0024), from each rollup the catalogue lists (its daily twin where kept
  // then: the annotation rollups' twins, 0025, came later and are not followed)
  moderation_daily: ['dimension_values'],
  moderation_region_policy_daily: ['dimension_values'],
  review_flow_daily: ['dimension_values'],
  appeals_daily: ['dimension_values'],
  model_performance_daily: ['dimension_values'],
  model_scores_daily: ['dimension_values'],
  annotation_labels_hourly: ['dimension_values'],
  annotation_tasks_hourly: ['dimension_values'],
  qa_audits_hourly: ['dimension_values'],
  annotation_task_answers: ['dimension_values'],
  annotation_labels: ['annotation_task_answers', 'annotator_labels_hourly', 'annotation_labels_hourly', 'annotation_labels_daily', 'annotation_label_days', 'annotation_task_days'],
  annotation_task_events: ['annotation_tasks_hourly', 'annotation_tasks_daily'],
  qa_audits: ['qa_audits_hourly', 'qa_audits_daily'],
  ingest_journal: ['ingest_batches'],
  ingest_batch_journal: ['ingest_batches'],
  ingest_seen: ['ingest_batches'],
};

/**
 * Tables recomputed from a table by code rather than by views: agreement's halves follow the
 * labels (queries/agreementRefresh.ts runs before every read of them), so a batch of labels
 * expires the answers that read them as if views filled them.
 */
export const DERIVED: Readonly<Record<string, readonly string[]>> = {
  annotation_task_answers: ['annotation_agreement_daily', 'annotation_mixed_task_answers'],
};

/**
 * Tables people change by hand in the dashboard (incident notes and model rollout markers): whoever
 * wrote expects the change in their next answer, so a write to one expires the answers that read it
 * at once, without the window batches of events get (`VIGIL_CACHE_STALE_MS`). Writes are rare.
 */
export const SEEN_AT_ONCE: ReadonlySet<string> = new Set(['incident_notes', 'model_rollouts']);

const KNOWN = Object.keys(CLUSTER_TABLES);
const NAMED = new RegExp(`\\b(${KNOWN.join('|')})\\b`, 'g');

/** Statements are built from constants: a page asks the same few hundred texts again and again. */
const named = new Map<string, readonly string[] | null>();
const NAMED_KEPT = 5000;

/** The known tables named in a statement's SQL; null when it names none (then any write expires it). */
export function tablesNamedIn(sql: string): readonly string[] | null {
  const known = named.get(sql);
  if (known !== undefined) return known;
  const found = new Set(sql.match(NAMED) ?? []);
  const tables = found.size > 0 ? Object.freeze([...found].sort()) : null;
  if (named.size >= NAMED_KEPT) named.clear();
  named.set(sql, tables);
  return tables;
}

/** The table written and every table its views fill (or code derives from it), transitively; null for an unknown table. */
export function tablesChangedBy(table: string): readonly string[] | null {
  if (!(table in CLUSTER_TABLES)) return null;
  const changed = new Set<string>([table]);
  for (const t of changed) for (const next of [...(FEEDS[t] ?? []), ...(DERIVED[t] ?? [])]) changed.add(next);
  return [...changed];
}
