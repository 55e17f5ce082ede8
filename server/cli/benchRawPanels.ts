// The Overview's panels computed from the raw event tables, as they would be without rollups: the
// benchmark times each next to the same panel through the API and prints raw ÷ rollup (issue 14,
// goal 2). Same range, grain (UTC days) and grouping as the panel; the same definitions as the
// rollups' views (migrations 0002, 0004, 0015). Backlogs sum every flow before the range's end,
// as the API does. Not carried: precision and recall (their raw form is the label reconciliation
// of migration 0012, a join per item) and the 14-headline KPI call (each tile's raw form is here).
// Names are the benchmark's call names (bench.ts pageCalls).

const DAY = (column: string) => `toStartOfDay(${column}, 'UTC')`;
const RANGE = (column: string) => `${column} >= {from:DateTime('UTC')} AND ${column} < {to:DateTime('UTC')}`;

function series(name: string, table: string, time: string, measures: string, where: string | null, groupBy: string | null, before = false): [string, string] {
  const keys = [DAY(time), ...(groupBy ? [groupBy] : [])];
  const conditions = [before ? `${time} < {to:DateTime('UTC')}` : RANGE(time), ...(where ? [where] : [])];
  return [name, `SELECT ${keys.join(', ')}, ${measures} FROM ${table} WHERE ${conditions.join(' AND ')} GROUP BY ${keys.join(', ')}`];
}

/** in − out by day (and key) for everything before the end; the running sum is the panel's. */
function backlog(name: string, inflow: [table: string, time: string, where: string], outflow: [table: string, time: string, where: string], groupBy: string | null): [string, string] {
  const part = ([table, time, where]: [string, string, string], sign: string) =>
    `SELECT ${DAY(time)} AS d${groupBy ? `, ${groupBy} AS k` : ''}, ${sign}toInt64(count()) AS n FROM ${table} WHERE ${time} < {to:DateTime('UTC')} AND ${where} GROUP BY d${groupBy ? ', k' : ''}`;
  return [name, `SELECT d${groupBy ? ', k' : ''}, sum(n) AS flow FROM (${part(inflow, '')} UNION ALL ${part(outflow, '-')}) GROUP BY d${groupBy ? ', k' : ''} ORDER BY d`];
}

const PROACTIVE = "countIf(action != 'none' AND detection_source = 'automated') / countIf(action != 'none')";
const TTA = "quantileExact(0.5)(greatest(0, dateDiff('second', flagged_at, decided_at)))";
const REVIEW_SLA = 'countIf(dateDiff(\'second\', enqueued_at, decided_at) <= sla_seconds) / count()';
const ANNOTATION_SLA = "countIf(event = 'completed' AND dateDiff('second', task_created_at, event_at) <= sla_seconds) / countIf(event = 'completed')";
const GOLDEN = 'countIf(is_golden = 1 AND answer = gold_answer) / countIf(is_golden = 1)';
const REVIEWS: [string, string, string] = ['moderation_decisions', 'decided_at', "queue != ''"];
const ENTRIES: [string, string, string] = ['review_enqueues', 'enqueued_at', '1'];
const CREATED: [string, string, string] = ['annotation_task_events', 'event_at', "event = 'created'"];
const COMPLETED: [string, string, string] = ['annotation_task_events', 'event_at', "event = 'completed'"];

export const RAW_PANELS: ReadonlyMap<string, string> = new Map([
  series('series: decisions (tile)', 'moderation_decisions', 'decided_at', 'count()', null, null),
  series('series: decisions by policy', 'moderation_decisions', 'decided_at', 'count()', null, 'policy'),
  series('series: proactive_rate (tile)', 'moderation_decisions', 'decided_at', PROACTIVE, null, null),
  series('series: proactive_rate by region', 'moderation_decisions', 'decided_at', PROACTIVE, null, 'region'),
  series('series: time_to_action_p50 (tile)', 'moderation_decisions', 'decided_at', TTA, null, null),
  series('series: time_to_action_p50 by region', 'moderation_decisions', 'decided_at', TTA, null, 'region'),
  backlog('series: review_backlog (tile)', ENTRIES, REVIEWS, null),
  backlog('series: review_backlog by region', ENTRIES, REVIEWS, 'region'),
  series('series: review_sla (tile)', 'moderation_decisions', 'decided_at', REVIEW_SLA, "queue != ''", null),
  series('series: review_sla by region', 'moderation_decisions', 'decided_at', REVIEW_SLA, "queue != ''", 'region'),
  series('series: overturn_rate (tile)', 'appeal_events', 'event_at', "countIf(event = 'resolved' AND outcome = 'overturned') / countIf(event = 'resolved')", null, null),
  series('series: labels (tile)', 'annotation_labels', 'submitted_at', 'count()', null, null),
  backlog('series: annotation_backlog (tile)', CREATED, COMPLETED, null),
  backlog('series: annotation_backlog by vendor', CREATED, COMPLETED, 'vendor'),
  series('series: annotation_sla (tile)', 'annotation_task_events', 'event_at', ANNOTATION_SLA, null, null),
  series('series: annotation_sla by vendor', 'annotation_task_events', 'event_at', ANNOTATION_SLA, null, 'vendor'),
  series('series: golden_accuracy (tile)', 'annotation_labels', 'submitted_at', GOLDEN, null, null),
  series('series: golden_accuracy by vendor', 'annotation_labels', 'submitted_at', GOLDEN, null, 'vendor'),
  series('series: qa_pass_rate (tile)', 'qa_audits', 'audited_at', 'countIf(passed = 1) / count()', null, null),
  series('series: qa_pass_rate by vendor', 'qa_audits', 'audited_at', 'countIf(passed = 1) / count()', null, 'vendor'),
]);
