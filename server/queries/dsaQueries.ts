// SQL of the DSA transparency report (server/dsa): every figure of parts 3–10 aggregated in the
// engine from the raw events of one reporting period, so an answer is a few hundred rows whatever
// the volume. Values are bound parameters; grouping columns come only from the allow-lists below.
// Medians are quantileExactInclusive(0.5): the middle value, or the mean of the two middle ones.
import { toClickHouseDateTime } from '../domain/time.js';
import { LABEL_SOURCES } from '../domain/taxonomy.js';
import type { Statement } from './statements.js';

export interface ReportWindow {
  /** first second of the period (UTC midnight of its first day) */
  from: number;
  /** first second after it (UTC midnight after its last day) */
  to: number;
  /** '' = every service */
  service: string;
}

const params = (w: ReportWindow) => ({ from: toClickHouseDateTime(w.from), to: toClickHouseDateTime(w.to), service: w.service });
const inPeriod = (column: string) => `${column} >= {from:DateTime('UTC')} AND ${column} < {to:DateTime('UTC')}`;
const ofService = `({service:String} = '' OR service = {service:String})`;
const median = (expr: string, cond: string) => `quantileExactInclusiveIf(0.5)(${expr}, ${cond})`;

/**
 * DSA measures of the period: decisions with a legal ground that restricted something, grouped by
 * everything parts 5, 6 and 8 split them by. Own initiative = not prompted by a notice or an order;
 * solely automated = detected and decided without a human.
 */
export function dsaMeasuresStatement(w: ReportWindow): Statement {
  return {
    operation: 'dsa.measures',
    sql: `SELECT legal_ground, eu_category AS category, eu_keywords AS keywords, restrictions,
        detection_source IN ('automated', 'own_initiative') AS own_initiative,
        detection_source = 'automated' AND enforcement_path = 'automated' AS solely_automated,
        content_language AS language, count() AS n
      FROM moderation_decisions
      WHERE ${inPeriod('decided_at')} AND ${ofService} AND legal_ground != '' AND action != 'none'
      GROUP BY legal_ground, category, keywords, restrictions, own_initiative, solely_automated, language`,
    params: params(w),
  };
}

/** The keyword column: the notice's or order's keyword when it belongs to its category, else KEYWORD_OTHER. */
const KEYWORD = `if(has({pairs:Array(String)}, concat(eu_category, '|', eu_keyword)), eu_keyword, 'KEYWORD_OTHER')`;

const NOTICE_GROUPS = { total: [], category: ['category'], keyword: ['category', 'keyword'] } as const;

/** Part 4 (and part 8's NAM rows): notices received in the period, by category and keyword. */
export function dsaNoticesStatement(w: ReportWindow, by: keyof typeof NOTICE_GROUPS, pairs: readonly string[]): Statement {
  const group: readonly string[] = NOTICE_GROUPS[by];
  const col = (name: string, expr: string) => (group.includes(name) ? `${expr} AS ${name}` : `'' AS ${name}`);
  const acted = `decision_id != '' AND legal_ground != ''`;
  const secs = `dateDiff('second', received_at, decided_at)`;
  return {
    operation: 'dsa.notices',
    sql: `SELECT ${col('category', 'eu_category')}, ${col('keyword', KEYWORD)},
        count() AS notices, countIf(trusted_flagger = 1) AS tf_notices,
        sum(items) AS notice_items, sumIf(items, trusted_flagger = 1) AS tf_items,
        ${median(secs, acted)} AS median_s, ${median(secs, `${acted} AND trusted_flagger = 1`)} AS tf_median_s,
        countIf(legal_ground = 'DECISION_GROUND_ILLEGAL_CONTENT') AS law, countIf(legal_ground = 'DECISION_GROUND_ILLEGAL_CONTENT' AND trusted_flagger = 1) AS tf_law,
        countIf(legal_ground = 'DECISION_GROUND_INCOMPATIBLE_CONTENT') AS tc, countIf(legal_ground = 'DECISION_GROUND_INCOMPATIBLE_CONTENT' AND trusted_flagger = 1) AS tf_tc,
        countIf(automated = 1) AS nam_automated, countIf(automated = 1 AND trusted_flagger = 1) AS tf_nam_automated
      FROM dsa_notices
      WHERE ${inPeriod('received_at')} AND ${ofService}
      ${group.length ? `GROUP BY ${group.join(', ')}` : ''}`,
    params: { ...params(w), pairs },
  };
}

const ORDER_GROUPS = {
  total: [], category: ['category'], keyword: ['category', 'keyword'],
  state: ['member_state'], stateCategory: ['member_state', 'category'], stateKeyword: ['member_state', 'category', 'keyword'],
} as const;
export type OrderGrouping = keyof typeof ORDER_GROUPS;
export const ORDER_GROUPINGS = Object.keys(ORDER_GROUPS) as OrderGrouping[];

/** Part 3: orders received in the period, grouped one of six ways ('' in a column not grouped by). */
export function dsaOrdersStatement(w: ReportWindow, by: OrderGrouping, pairs: readonly string[]): Statement {
  const group: readonly string[] = ORDER_GROUPS[by];
  const col = (name: string, expr: string) => (group.includes(name) ? `${expr} AS ${name}` : `'' AS ${name}`);
  const act = `order_type = 'act_against_illegal_content'`;
  const info = `order_type = 'provide_information'`;
  const ack = `dateDiff('second', received_at, acknowledged_at)`;
  const eff = `dateDiff('second', received_at, effected_at)`;
  return {
    operation: 'dsa.orders',
    sql: `SELECT ${col('member_state', 'member_state')}, ${col('category', 'eu_category')}, ${col('keyword', KEYWORD)},
        countIf(${act}) AS act_orders, sumIf(items, ${act}) AS act_items,
        ${median(ack, act)} AS act_ack_s, ${median(eff, `${act} AND effected_at > toDateTime(0, 'UTC')`)} AS act_effect_s,
        countIf(${info}) AS info_orders, ${median(ack, info)} AS info_ack_s, ${median(eff, `${info} AND effected_at > toDateTime(0, 'UTC')`)} AS info_effect_s
      FROM dsa_orders
      WHERE ${inPeriod('received_at')} AND ${ofService}
      ${group.length ? `GROUP BY ${group.join(', ')}` : ''}`,
    params: { ...params(w), pairs },
  };
}

/**
 * Part 7, complaints: appeals filed in the period that are DSA complaints (they say what they are
 * about), with the outcome and handling time of those resolved by the end of the period.
 */
export function dsaComplaintsStatement(w: ReportWindow, bySubject: boolean): Statement {
  return {
    operation: 'dsa.complaints',
    sql: `SELECT ${bySubject ? 'subject' : "'' AS subject"}, count() AS complaints,
        countIf(outcome = 'upheld') AS upheld, countIf(outcome = 'partially_reversed') AS partially_reversed,
        countIf(outcome = 'reversed') AS reversed, countIf(outcome = 'omitted') AS omitted,
        ${median('dateDiff(\'second\', filed_at, resolved_at)', "outcome != ''")} AS median_s, sum(imposed) AS imposed
      FROM (
        SELECT appeal_id, anyIf(dsa_subject, event = 'filed') AS subject, minIf(event_at, event = 'filed') AS filed_at,
          anyIf(dsa_outcome, event = 'resolved' AND event_at < {to:DateTime('UTC')}) AS outcome,
          minIf(event_at, event = 'resolved') AS resolved_at,
          sumIf(restrictions_imposed, event = 'resolved' AND event_at < {to:DateTime('UTC')}) AS imposed
        FROM appeal_events
        WHERE ${ofService} AND event_at >= {from:DateTime('UTC')}
        GROUP BY appeal_id
        HAVING countIf(event = 'filed' AND dsa_subject != '') > 0 AND ${inPeriod('filed_at')}
      )
      ${bySubject ? 'GROUP BY subject' : ''}`,
    params: params(w),
  };
}

/** Part 7, out-of-court disputes submitted in the period. */
export function dsaDisputesStatement(w: ReportWindow): Statement {
  return {
    operation: 'dsa.disputes',
    sql: `SELECT count() AS disputes, countIf(result = 'upheld') AS upheld, countIf(result = 'partially_reversed') AS partially_reversed,
        countIf(result = 'reversed') AS reversed, countIf(result = 'omitted') AS omitted,
        ${median("dateDiff('second', submitted, resolved_at)", "result != ''")} AS median_s,
        countIf(result != '') AS resolved, countIf(result != '' AND was_implemented = 1) AS implemented
      FROM (
        SELECT dispute_id, min(submitted_at) AS submitted,
          anyIf(outcome, event = 'resolved' AND event_at < {to:DateTime('UTC')}) AS result,
          minIf(event_at, event = 'resolved') AS resolved_at,
          maxIf(implemented, event = 'resolved' AND event_at < {to:DateTime('UTC')}) AS was_implemented
        FROM dsa_disputes
        WHERE ${ofService}
        GROUP BY dispute_id
        HAVING ${inPeriod('submitted')}
      )`,
    params: params(w),
  };
}

/** Part 7, Article 23 suspensions enacted in the period, by reason. */
export function dsaSuspensionsStatement(w: ReportWindow): Statement {
  return {
    operation: 'dsa.suspensions',
    sql: `SELECT reason, count() AS suspensions FROM dsa_suspensions WHERE ${inPeriod('suspended_at')} AND ${ofService} GROUP BY reason`,
    params: params(w),
  };
}

/**
 * Part 10: the average over the period's months of each scope's monthly active recipients (latest
 * figure per service, month and scope; services added up), rounded to a whole number.
 */
export function dsaActiveRecipientsStatement(w: ReportWindow): Statement {
  return {
    operation: 'dsa.active_recipients',
    sql: `SELECT member_state, round(avg(recipients)) AS average, count() AS months
      FROM (
        SELECT member_state, month_start, sum(latest) AS recipients
        FROM (
          SELECT service, member_state, month_start, argMax(recipients, (reported_at, figure_id)) AS latest
          FROM dsa_active_recipients
          WHERE ${inPeriod('month_start')} AND ${ofService}
          GROUP BY service, member_state, month_start
        )
        GROUP BY member_state, month_start
      )
      GROUP BY member_state`,
    params: params(w),
  };
}

/** Part 9: moderators at the last date with figures up to the end of the period (latest figure per key; services added up). */
export function dsaStaffStatement(w: ReportWindow): Statement {
  return {
    operation: 'dsa.staff',
    sql: `SELECT employment, language, sum(latest) AS moderators
      FROM (
        SELECT service, employment, language, argMax(moderators, (reported_at, figure_id)) AS latest
        FROM dsa_moderation_staff
        WHERE ${ofService} AND as_of = (SELECT max(as_of) FROM dsa_moderation_staff WHERE ${ofService} AND as_of < {to:DateTime('UTC')})
        GROUP BY service, employment, language
      )
      GROUP BY employment, language`,
    params: params(w),
  };
}

const UNBIASED_LABEL_SOURCES = LABEL_SOURCES.filter((s) => s.unbiased).map((s) => s.code);

/**
 * Part 8: confusion counts of the classifiers on EU content over the period, from unbiased label
 * sources only (random audits and golden sets; human review and appeals see only flagged items).
 */
export function dsaModelPerformanceStatement(w: ReportWindow): Statement {
  return {
    operation: 'dsa.model_performance',
    sql: `SELECT sum(true_positives) AS tp, sum(false_positives) AS fp, sum(false_negatives) AS fn, sum(true_negatives) AS tn
      FROM model_performance_daily
      WHERE day >= toDate({from:DateTime('UTC')}) AND day < toDate({to:DateTime('UTC')}) AND region = 'EU' AND label_source IN {sources:Array(String)}`,
    params: { ...params(w), sources: UNBIASED_LABEL_SOURCES },
  };
}

/**
 * The services with something the report of the period counts: a measure, notice, order,
 * complaint, dispute, suspension, active-recipients month or staff figure dated in it. '' (the
 * install's only service, README "Streams") is left out: the report of every service covers it.
 */
export function dsaServicesStatement(w: Pick<ReportWindow, 'from' | 'to'>): Statement {
  const of = (table: string, column: string, extra = '') => `SELECT DISTINCT service FROM ${table} WHERE ${inPeriod(column)}${extra ? ` AND ${extra}` : ''}`;
  return {
    operation: 'dsa.services',
    sql: `SELECT DISTINCT service FROM (
        ${of('moderation_decisions', 'decided_at', "legal_ground != '' AND action != 'none'")}
        UNION ALL ${of('dsa_notices', 'received_at')}
        UNION ALL ${of('dsa_orders', 'received_at')}
        UNION ALL ${of('appeal_events', 'event_at', "event = 'filed' AND dsa_subject != ''")}
        UNION ALL ${of('dsa_disputes', 'submitted_at')}
        UNION ALL ${of('dsa_suspensions', 'suspended_at')}
        UNION ALL ${of('dsa_active_recipients', 'month_start')}
        UNION ALL ${of('dsa_moderation_staff', 'as_of')}
      )
      WHERE service != ''
      ORDER BY service`,
    params: { from: toClickHouseDateTime(w.from), to: toClickHouseDateTime(w.to) },
  };
}

/** Part 11: the current (highest-version, undeleted) text of each indicator for the service and period. */
export function dsaTextsStatement(service: string, periodFrom: string, periodTo: string): Statement {
  return {
    operation: 'dsa.texts',
    sql: `SELECT indicator, body, latest_version, text_id FROM (
        SELECT text_id, argMax(indicator, version) AS indicator, argMax(body, version) AS body, max(version) AS latest_version, argMax(is_deleted, version) AS deleted
        FROM dsa_report_texts
        WHERE service = {service:String} AND period_from = {pfrom:Date} AND period_to = {pto:Date}
        GROUP BY text_id
      ) WHERE deleted = 0`,
    params: { service, pfrom: periodFrom, pto: periodTo },
  };
}
