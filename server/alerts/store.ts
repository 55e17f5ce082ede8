// Rules, silences and evaluations in ClickHouse (migration 0019): versioned writes with the
// documents' CONFLICT rule, and every read or write of a rule, its evaluations, silences and
// notifications checked against the asker's scope on that object (rules.ts: the whole slice must
// lie inside the scope) — before any CONFLICT or NOT_FOUND detail is told.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { badInput, NotFound } from '../domain/errors.js';
import { parseInstant, text } from '../domain/fieldChecks.js';
import { fromClickHouseDateTime, toClickHouseDateTime } from '../domain/time.js';
import type { Dimension } from '../domain/vocabulary.generated.js';
import { requireRole, restrictions, type Access } from '../access/access.js';
import type { DataCatalogue } from '../metrics/dataInventory.js';
import { run } from '../queries/statements.js';
import { historyStatement, latestVersionStatement } from '../queries/versionedQueries.js';
import { currentVersion, now64, writeVersion } from '../queries/versionedWrites.js';
import {
  EVALUATIONS_INSERT, activeSilencesStatement, channelLastDeliveriesStatement, currentRulesStatement, evaluationsStatement, latestEvaluationsStatement, notificationHistoryStatement,
} from '../queries/alertQueries.js';
import { checkRule, requireRuleReadable, ruleReadable, subjectOf, type AlertRule, type RuleInput } from './rules.js';
import type { Evaluation, GroupState } from './evaluate.js';

type Row = Record<string, unknown>;
const time = (v: unknown) => (v === null || v === undefined ? null : fromClickHouseDateTime(String(v)));

export function ruleOf(r: Row): AlertRule {
  const filters = JSON.parse(String(r.filters)) as AlertRule['filters'];
  return {
    id: String(r.rule_id), version: Number(r.version), name: String(r.name), metric: String(r.metric_id), filters,
    groupBy: r.group_by as Dimension[], condition: JSON.parse(String(r.condition)) as AlertRule['condition'],
    windowSeconds: Number(r.window_seconds), forSeconds: Number(r.for_seconds), minSize: Number(r.min_size), minVolume: Number(r.min_volume),
    renotifySeconds: Number(r.renotify_seconds), channels: r.channels as string[], enabled: Number(r.enabled) === 1,
    subject: subjectOf(filters), author: String(r.author), updatedBy: String(r.updated_by), updatedAt: String(r.updated_at),
  };
}

/** Every current rule (the scheduler's view: no scope). */
export async function loadRules(db: Database): Promise<AlertRule[]> {
  return (await run<Row>(db, currentRulesStatement())).map(ruleOf);
}

/** The rules `access` may read. */
export async function readableRules(db: Database, access: Access): Promise<AlertRule[]> {
  return (await loadRules(db)).filter((r) => ruleReadable(access, r));
}

/** One rule, refused outside the asker's scope (before saying whether it was deleted). */
export async function readableRule(db: Database, id: string, access: Access, argument = 'id'): Promise<AlertRule> {
  const [latest] = await run<Row>(db, latestVersionStatement('alert_rules', id));
  if (!latest) throw new NotFound(`No alert rule with id ${JSON.stringify(id.slice(0, 40))}.`);
  const rule = ruleOf(latest);
  requireRuleReadable(access, rule, argument);
  if (Number(latest.is_deleted) === 1) throw new NotFound(`No alert rule with id ${JSON.stringify(id.slice(0, 40))} (it was deleted).`);
  return rule;
}

function ruleRow(input: RuleInput, data: DataCatalogue, access: Access, channelIds: readonly string[]) {
  requireRole(access, 'editor', 'Writing alert rules');
  const r = checkRule(input, data, access, channelIds);
  return {
    name: r.name, metric_id: r.metric, filters: JSON.stringify(r.filters), group_by: r.groupBy, condition: JSON.stringify(r.condition),
    window_seconds: r.windowSeconds, for_seconds: r.forSeconds, min_size: r.minSize, min_volume: r.minVolume, renotify_seconds: r.renotifySeconds,
    channels: r.channels, enabled: r.enabled ? 1 : 0, regions: r.subject.regions, countries: r.subject.countries, vendors: r.subject.vendors,
    updated_by: access.username,
  };
}

export async function createRule(db: Database, input: RuleInput, data: DataCatalogue, access: Access, channelIds: readonly string[], id: string = randomUUID()): Promise<AlertRule> {
  const row = ruleRow(input, data, access, channelIds);
  return ruleOf(await writeVersion(db, 'alert_rules', id, 1, { rule_id: id, version: 1, ...row, author: access.username, is_deleted: 0, updated_at: now64() }));
}

export async function updateRule(db: Database, id: string, expectedVersion: number, input: RuleInput, data: DataCatalogue, access: Access, channelIds: readonly string[]): Promise<AlertRule> {
  const row = ruleRow(input, data, access, channelIds); // the new slice must lie inside the scope
  const old = await readableRule(db, id, access); // and so must the old one, before any CONFLICT
  await currentVersion(db, 'alert_rules', id, expectedVersion, 'alert rule');
  return ruleOf(await writeVersion(db, 'alert_rules', id, expectedVersion + 1, { rule_id: id, version: expectedVersion + 1, ...row, author: old.author, is_deleted: 0, updated_at: now64() }));
}

export async function deleteRule(db: Database, id: string, expectedVersion: number, access: Access): Promise<AlertRule> {
  requireRole(access, 'editor', 'Deleting alert rules');
  await readableRule(db, id, access);
  const latest = await currentVersion(db, 'alert_rules', id, expectedVersion, 'alert rule');
  const { version: _v, updated_at: _u, ...rest } = latest;
  return ruleOf(await writeVersion(db, 'alert_rules', id, expectedVersion + 1, { ...rest, version: expectedVersion + 1, updated_by: access.username, is_deleted: 1, updated_at: now64() }));
}

/** A rule's versions, newest first (readable rules only). */
export async function ruleHistory(db: Database, id: string, access: Access): Promise<AlertRule[]> {
  await readableRule(db, id, access).catch((e) => {
    if (!(e instanceof NotFound) || !String(e.message).includes('deleted')) throw e;
  });
  return (await run<Row>(db, historyStatement('alert_rules', id))).map(ruleOf);
}

// ---- Evaluations ----------------------------------------------------------------------------

export async function saveEvaluations(db: Database, evaluations: readonly Evaluation[]): Promise<void> {
  if (evaluations.length === 0) return;
  const at = now64();
  const finiteOrNull = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);
  for (let i = 0; i < evaluations.length; i += 20_000) {
    await db.insertJsonWith('alerts.save_evaluations', EVALUATIONS_INSERT, evaluations.slice(i, i + 20_000).map((e) => ({
      rule_id: e.ruleId, rule_version: e.ruleVersion, group_key: e.groupKey, group_label: e.groupLabel, evaluated_until: toClickHouseDateTime(e.evaluatedUntil),
      condition_met: e.met ? 1 : 0, state: e.state, since: e.since === null ? null : toClickHouseDateTime(e.since),
      value: finiteOrNull(e.value), baseline: finiteOrNull(e.baseline), low: finiteOrNull(e.low), high: finiteOrNull(e.high),
      p_value: finiteOrNull(e.pValue), q_value: finiteOrNull(e.qValue), volume: Number.isFinite(e.volume) ? e.volume : 0, reason: e.reason, evaluated_at: at,
    })));
  }
}

/** Where each rule stopped (evaluated at or after `notBefore`): the latest evaluated hour and each group's state. */
export async function loadStates(db: Database, ruleIds: readonly string[], notBefore: number): Promise<Map<string, { until: number; groups: Map<string, GroupState> }>> {
  const out = new Map<string, { until: number; groups: Map<string, GroupState> }>();
  if (ruleIds.length === 0) return out;
  for (const r of await run<Row>(db, latestEvaluationsStatement(ruleIds, notBefore))) {
    const id = String(r.rule_id);
    const entry = out.get(id) ?? { until: 0, groups: new Map() };
    entry.until = Math.max(entry.until, time(r.until)!);
    entry.groups.set(String(r.group_key), { state: r.state as GroupState['state'], since: time(r.since) });
    out.set(id, entry);
  }
  return out;
}

/** The latest evaluation (at or after `notBefore`) of each group of these rules: what is firing, and why. */
export async function latestEvaluations(db: Database, rules: readonly AlertRule[], notBefore: number): Promise<Row[]> {
  if (rules.length === 0) return [];
  return run<Row>(db, latestEvaluationsStatement(rules.map((r) => r.id), notBefore));
}

export async function ruleEvaluations(db: Database, rule: AlertRule, from: number, to: number, groupKey: string | null, limit: number): Promise<Row[]> {
  return run<Row>(db, evaluationsStatement(rule.id, from, to, groupKey, limit));
}

// ---- Silences -------------------------------------------------------------------------------

export interface Silence {
  id: string;
  version: number;
  ruleId: string;
  /** '' silences every group of the rule */
  groupKey: string;
  startsAt: number;
  endsAt: number;
  reason: string;
  author: string;
}

export const silenceOf = (r: Row): Silence => ({
  id: String(r.silence_id), version: Number(r.version), ruleId: String(r.rule_id), groupKey: String(r.group_key),
  startsAt: time(r.starts_at)!, endsAt: time(r.ends_at)!, reason: String(r.reason), author: String(r.author),
});

export async function activeSilences(db: Database, ruleIds: readonly string[], now: number): Promise<Silence[]> {
  if (ruleIds.length === 0) return [];
  return (await run<Row>(db, activeSilencesStatement(ruleIds, now))).map(silenceOf);
}

/** Silences a rule (or one group of it) until `endsAt`, with a reason; editors, inside their scope. */
export async function createSilence(
  db: Database, input: { ruleId: string; groupKey?: string | null; endsAt: string; reason: string }, access: Access, now: number,
): Promise<Silence> {
  requireRole(access, 'editor', 'Silencing alerts');
  const rule = await readableRule(db, input.ruleId, access, 'input.ruleId');
  const endsAt = parseInstant(input.endsAt, 'input.endsAt');
  if (endsAt <= now) throw badInput('input.endsAt must be in the future.', 'input.endsAt');
  if (endsAt > now + 90 * 86_400) throw badInput('input.endsAt: a silence lasts at most 90 days.', 'input.endsAt');
  const reason = text(input.reason, 'input.reason', 500, true);
  const groupKey = text(input.groupKey, 'input.groupKey', 200, false);
  const id = randomUUID();
  const row = {
    silence_id: id, version: 1, rule_id: rule.id, group_key: groupKey, starts_at: toClickHouseDateTime(now), ends_at: toClickHouseDateTime(endsAt),
    reason, author: access.username, is_deleted: 0, updated_by: access.username, updated_at: now64(),
  };
  return silenceOf(await writeVersion(db, 'alert_silences', id, 1, row));
}

/** Ends a silence now (a new version with ends_at = now). */
export async function endSilence(db: Database, id: string, expectedVersion: number, access: Access, now: number): Promise<Silence> {
  requireRole(access, 'editor', 'Ending silences');
  const [latest] = await run<Row>(db, latestVersionStatement('alert_silences', id));
  if (!latest) throw new NotFound(`No silence with id ${JSON.stringify(id.slice(0, 40))}.`);
  await readableRule(db, String(latest.rule_id), access);
  const current = await currentVersion(db, 'alert_silences', id, expectedVersion, 'silence');
  const { version: _v, updated_at: _u, ...rest } = current;
  return silenceOf(await writeVersion(db, 'alert_silences', id, expectedVersion + 1, {
    ...rest, version: expectedVersion + 1, ends_at: toClickHouseDateTime(Math.min(now, time(current.ends_at)!)), updated_by: access.username, updated_at: now64(),
  }));
}

// ---- Notifications ----------------------------------------------------------------------------

/** Every notification attempt of the rules `access` may read, newest first; digests only without a scope. */
export async function notificationHistory(db: Database, access: Access, limit: number): Promise<Row[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badInput('limit must be a whole number from 1 to 1000.', 'limit');
  const ids = await readableNotificationTopics(db, access);
  if (ids.length === 0) return [];
  return run<Row>(db, notificationHistoryStatement(ids, limit));
}

/** The rule ids whose notifications `access` may read; '' (digests, tests) for users without a scope. */
async function readableNotificationTopics(db: Database, access: Access): Promise<string[]> {
  const ids = (await readableRules(db, access)).map((r) => r.id);
  if (restrictions(access).length === 0) ids.push('');
  return ids;
}

/** Each channel's latest delivery that `access` may read (as notificationHistory), by channel id. */
export async function channelLastDeliveries(db: Database, access: Access): Promise<Map<string, Row>> {
  const ids = await readableNotificationTopics(db, access);
  if (ids.length === 0) return new Map();
  return new Map((await run<Row>(db, channelLastDeliveriesStatement(ids))).map((r) => [String(r.channel_id), r]));
}
