// SQL of alerts (migration 0019): current rules and silences (latest version of each), the
// latest evaluation per rule and group, evaluations and episodes over time, and the notification
// ledger. Values are bound parameters; tables and columns are fixed here.
import type { Statement } from './statements.js';

/** Every rule at its latest version, deleted ones left out. */
export function currentRulesStatement(): Statement {
  return {
    operation: 'alerts.rules',
    sql: `SELECT * FROM alert_rules WHERE (rule_id, version) IN (SELECT rule_id, max(version) FROM alert_rules GROUP BY rule_id)
          AND is_deleted = 0 ORDER BY name, rule_id`,
    params: {},
  };
}

/**
 * Each group's latest evaluation of the given rules at or after `notBefore`: where the state
 * machine resumes (older states are not resumed, see engine.ts), what is firing.
 */
export function latestEvaluationsStatement(ruleIds: readonly string[], notBefore: number): Statement {
  return {
    operation: 'alerts.latest_evaluations',
    sql: `SELECT rule_id, group_key, argMax(group_label, evaluated_until) AS group_label, max(evaluated_until) AS until,
                 argMax(state, evaluated_until) AS state, argMax(since, evaluated_until) AS since,
                 argMax(value, evaluated_until) AS value, argMax(baseline, evaluated_until) AS baseline,
                 argMax(low, evaluated_until) AS low, argMax(high, evaluated_until) AS high,
                 argMax(p_value, evaluated_until) AS p_value, argMax(q_value, evaluated_until) AS q_value,
                 argMax(reason, evaluated_until) AS reason, argMax(rule_version, evaluated_until) AS rule_version
          FROM alert_evaluations FINAL WHERE rule_id IN {ids:Array(String)} AND evaluated_until >= toDateTime({notBefore:UInt32}, 'UTC')
          GROUP BY rule_id, group_key ORDER BY rule_id, group_key
          SETTINGS prefer_column_name_to_alias = 1`,
    params: { ids: ruleIds, notBefore: Math.max(0, notBefore) },
  };
}

/** Evaluations of one rule in [from, to), optionally of one group, newest first. */
export function evaluationsStatement(ruleId: string, from: number, to: number, groupKey: string | null, limit: number): Statement {
  return {
    operation: 'alerts.evaluations',
    sql: `SELECT * FROM alert_evaluations FINAL
          WHERE rule_id = {rule:String} AND evaluated_until >= toDateTime({from:UInt32}, 'UTC') AND evaluated_until < toDateTime({to:UInt32}, 'UTC')
            AND ({group:Nullable(String)} IS NULL OR group_key = {group:Nullable(String)})
          ORDER BY evaluated_until DESC, group_key LIMIT {limit:UInt32}`,
    params: { rule: ruleId, from, to, group: groupKey, limit },
  };
}

/** Firing episodes (rule, group, since) of the given rules seen firing at or after `notBefore`. */
export function episodesStatement(ruleIds: readonly string[], notBefore: number): Statement {
  return {
    operation: 'alerts.episodes',
    sql: `SELECT rule_id, group_key, any(group_label) AS group_label, toUnixTimestamp(since) AS since,
                 toUnixTimestamp(min(evaluated_until)) AS fired_at, toUnixTimestamp(max(evaluated_until)) AS last_firing
          FROM alert_evaluations FINAL WHERE rule_id IN {ids:Array(String)} AND state = 'FIRING' AND since IS NOT NULL
            AND evaluated_until >= toDateTime({notBefore:UInt32}, 'UTC')
          GROUP BY rule_id, group_key, since ORDER BY fired_at
          SETTINGS prefer_column_name_to_alias = 1`,
    params: { ids: ruleIds, notBefore: Math.max(0, notBefore) },
  };
}

export const EVALUATIONS_INSERT = `INSERT INTO alert_evaluations (rule_id, rule_version, group_key, group_label, evaluated_until, condition_met, state, since,
  value, baseline, low, high, p_value, q_value, volume, reason, evaluated_at) FORMAT JSONEachRow`;

export const NOTIFICATIONS_INSERT = `INSERT INTO alert_notifications (delivery_id, rule_id, group_key, episode, channel_id, channel_kind, kind, status,
  attempts, detail, subject, payload, recorded_at) FORMAT JSONEachRow`;

/**
 * The order of a delivery's rows: time, then the outcome after the PENDING row written the same
 * millisecond (a fast local receiver answers within it).
 */
const LATEST = "(recorded_at, status != 'PENDING')";

/** Each delivery's latest row (its outcome), of the given deliveries. */
export function deliveriesStatement(ids: readonly string[]): Statement {
  return {
    operation: 'alerts.deliveries',
    sql: `SELECT delivery_id, argMax(status, ${LATEST}) AS status, max(recorded_at) AS recorded_at, argMax(attempts, ${LATEST}) AS attempts,
                 argMax(detail, ${LATEST}) AS detail
          FROM alert_notifications WHERE delivery_id IN {ids:Array(String)} GROUP BY delivery_id
          SETTINGS prefer_column_name_to_alias = 1`,
    params: { ids },
  };
}

/** Deliveries whose latest row is PENDING: a send a crash interrupted. */
export function unfinishedDeliveriesStatement(): Statement {
  return {
    operation: 'alerts.unfinished_deliveries',
    sql: `SELECT delivery_id, argMax(rule_id, ${LATEST}) AS rule_id, argMax(group_key, ${LATEST}) AS group_key, argMax(episode, ${LATEST}) AS episode,
                 argMax(channel_id, ${LATEST}) AS channel_id, argMax(channel_kind, ${LATEST}) AS channel_kind, argMax(kind, ${LATEST}) AS kind,
                 argMax(attempts, ${LATEST}) AS attempts, argMax(subject, ${LATEST}) AS subject, argMax(payload, ${LATEST}) AS payload
          FROM alert_notifications GROUP BY delivery_id HAVING argMax(status, ${LATEST}) = 'PENDING'
          SETTINGS prefer_column_name_to_alias = 1`,
    params: {},
  };
}

/** Notifications of one episode (rule, group, since): what was sent, and when. */
export function episodeDeliveriesStatement(ruleId: string, groupKey: string, since: number): Statement {
  return {
    operation: 'alerts.episode_deliveries',
    sql: `SELECT delivery_id, argMax(kind, ${LATEST}) AS kind, argMax(status, ${LATEST}) AS status, toUnixTimestamp(max(recorded_at)) AS at
          FROM alert_notifications WHERE rule_id = {rule:String} AND group_key = {group:String} AND episode = toDateTime({since:UInt32}, 'UTC')
          GROUP BY delivery_id ORDER BY at
          SETTINGS prefer_column_name_to_alias = 1`,
    params: { rule: ruleId, group: groupKey, since },
  };
}

/** The history of notifications (every row: each attempt's outcome) of the given rules, newest first; digests with rule ''. */
export function notificationHistoryStatement(ruleIds: readonly string[], limit: number): Statement {
  return {
    operation: 'alerts.notification_history',
    sql: `SELECT * FROM alert_notifications WHERE rule_id IN {ids:Array(String)} ORDER BY recorded_at DESC, delivery_id LIMIT {limit:UInt32}`,
    params: { ids: ruleIds, limit },
  };
}

/**
 * Each channel's latest delivery record (its outcome, or PENDING while a send is under way), among
 * the notifications of the given rules ('' for digests and tests). SILENCED records are left out:
 * nothing was sent, so they say nothing about the channel.
 */
export function channelLastDeliveriesStatement(ruleIds: readonly string[]): Statement {
  return {
    operation: 'alerts.channel_last_deliveries',
    sql: `SELECT channel_id, argMax(delivery_id, ${LATEST}) AS delivery_id, argMax(rule_id, ${LATEST}) AS rule_id, argMax(group_key, ${LATEST}) AS group_key,
                 argMax(channel_kind, ${LATEST}) AS channel_kind, argMax(kind, ${LATEST}) AS kind, argMax(status, ${LATEST}) AS status,
                 argMax(attempts, ${LATEST}) AS attempts, argMax(detail, ${LATEST}) AS detail, argMax(subject, ${LATEST}) AS subject, max(recorded_at) AS recorded_at
          FROM alert_notifications WHERE rule_id IN {ids:Array(String)} AND status != 'SILENCED' GROUP BY channel_id
          SETTINGS prefer_column_name_to_alias = 1`,
    params: { ids: ruleIds },
  };
}

/** Silences at their latest version, not deleted, ending after `now`, of the given rules. */
export function activeSilencesStatement(ruleIds: readonly string[], now: number): Statement {
  return {
    operation: 'alerts.silences',
    sql: `SELECT * FROM alert_silences WHERE (silence_id, version) IN (SELECT silence_id, max(version) FROM alert_silences GROUP BY silence_id)
          AND is_deleted = 0 AND rule_id IN {ids:Array(String)} AND ends_at > toDateTime({now:UInt32}, 'UTC') ORDER BY ends_at`,
    params: { ids: ruleIds, now },
  };
}
