// Alert rules, evaluations, silences, notifications and the preview: argument checks and shapes.
// Scope checks live with the data (server/alerts/store.ts, rules.ts); every read goes through them.
import { metricById } from '../definitions/metricCatalogue.js';
import { badInput } from '../domain/errors.js';
import { DAY_S, HOUR_S, fromClickHouseDateTime, toIso } from '../domain/time.js';
import { requireRole } from '../access/access.js';
import {
  activeSilences, channelLastDeliveries, createRule, createSilence, deleteRule, endSilence, latestEvaluations, notificationHistory, readableRule, readableRules,
  ruleEvaluations, updateRule,
} from '../alerts/store.js';
import { sendTestNotification } from '../alerts/testNotification.js';
import { previewRule } from '../alerts/preview.js';
import { CATCH_UP_S } from '../alerts/engine.js';
import type { AlertRule as Rule } from '../alerts/rules.js';
import type { Evaluation } from '../alerts/evaluate.js';
import type { Silence } from '../alerts/store.js';
import { parseRange } from './argumentChecks.js';
import { metricInfo, stamp } from './answerShapes.js';
import type { AlertEvaluation, AlertNotification, AlertRule, AlertSilence, AlertState, Resolvers } from './generated.js';
import type { GraphQLContext } from './context.js';
import type { AuditAction } from '../auth/audit.js';

type Row = Record<string, unknown>;
const numOrNull = (v: unknown) => (v === null || v === undefined || !Number.isFinite(Number(v)) ? null : Number(v));
const iso = (v: unknown) => (v === null || v === undefined ? null : toIso(fromClickHouseDateTime(String(v))));

export function evaluationOf(r: Row): AlertEvaluation {
  return {
    ruleId: String(r.rule_id), groupKey: String(r.group_key), groupLabel: String(r.group_label), evaluatedUntil: iso(r.evaluated_until ?? r.until)!,
    conditionMet: r.condition_met === undefined ? r.state !== 'OK' : Number(r.condition_met) === 1, state: r.state as AlertState,
    since: r.state === 'OK' ? null : iso(r.since), value: numOrNull(r.value), baseline: numOrNull(r.baseline), low: numOrNull(r.low), high: numOrNull(r.high),
    pValue: numOrNull(r.p_value), qValue: numOrNull(r.q_value), volume: numOrNull(r.volume) ?? 0, reason: String(r.reason),
  };
}

const fromEvaluation = (e: Evaluation): AlertEvaluation => ({
  ruleId: e.ruleId, groupKey: e.groupKey, groupLabel: e.groupLabel, evaluatedUntil: toIso(e.evaluatedUntil), conditionMet: e.met, state: e.state,
  since: e.since === null ? null : toIso(e.since), value: e.value, baseline: e.baseline, low: e.low, high: e.high, pValue: e.pValue, qValue: e.qValue,
  volume: Number.isFinite(e.volume) ? e.volume : 0, reason: e.reason,
});

const RANK: Record<AlertState, number> = { OK: 0, PENDING: 1, FIRING: 2 };

function ruleOut(r: Rule, groups: AlertEvaluation[]): AlertRule {
  const c = r.condition;
  return {
    id: r.id, version: r.version, name: r.name, metric: metricInfo(metricById(r.metric)!), filters: r.filters.map((f) => ({ dimension: f.dimension, values: [...f.values] })),
    groupBy: r.groupBy, condition: {
      type: c.type, level: c.type === 'TARGET' ? c.level : null, comparison: c.type === 'CHANGE' ? c.comparison : null,
      direction: c.type === 'CHANGE' || c.type === 'ANOMALY' ? c.direction : null, op: c.type === 'THRESHOLD' ? c.op : null, value: c.type === 'THRESHOLD' ? c.value : null,
    },
    windowHours: r.windowSeconds / HOUR_S, forHours: r.forSeconds / HOUR_S, minSize: r.minSize, minVolume: r.minVolume, renotifyHours: r.renotifySeconds / HOUR_S,
    channels: r.channels, enabled: r.enabled, author: r.author, updatedBy: r.updatedBy, updatedAt: stamp(r.updatedAt),
    state: groups.reduce<AlertState>((s, g) => (RANK[g.state] > RANK[s] ? g.state : s), 'OK'), groups,
  };
}

/** Rules with each group's latest evaluation of the last week of data (the engine resumes no older state). */
async function withGroups(ctx: GraphQLContext, rules: Rule[]): Promise<AlertRule[]> {
  const span = (await ctx.catalogue.get(ctx.access)).span;
  const latest = span ? (await latestEvaluations(ctx.db, rules, span.to - CATCH_UP_S)).map(evaluationOf) : [];
  return rules.map((r) => ruleOut(r, latest.filter((e) => e.ruleId === r.id)));
}

/** Rule and silence changes go to the audit log like notes and targets. */
async function audited<T extends { id: string; version: number }>(ctx: GraphQLContext, action: AuditAction, doc: T): Promise<T> {
  await ctx.security.audit.record({ actor: ctx.access.username, action, target: doc.id, detail: JSON.stringify({ version: doc.version }), ip: ctx.ip });
  return doc;
}

const notificationOut = (r: Row): AlertNotification => ({
  deliveryId: String(r.delivery_id), ruleId: String(r.rule_id), groupKey: String(r.group_key), channel: String(r.channel_id), channelKind: String(r.channel_kind),
  kind: String(r.kind), status: String(r.status), attempts: Number(r.attempts), detail: String(r.detail), subject: String(r.subject), recordedAt: stamp(r.recorded_at),
});

/** Each channel's latest readable delivery, read once per request however many channels ask. */
const lastDeliveries = new WeakMap<GraphQLContext, Promise<Map<string, Row>>>();
function lastDeliveryOf(ctx: GraphQLContext, channel: string): Promise<Row | undefined> {
  if (!lastDeliveries.has(ctx)) lastDeliveries.set(ctx, channelLastDeliveries(ctx.db, ctx.access));
  return lastDeliveries.get(ctx)!.then((m) => m.get(channel));
}

const silenceOut = (s: Silence): AlertSilence => ({ ...s, startsAt: toIso(s.startsAt), endsAt: toIso(s.endsAt) });
const channelIds = (ctx: GraphQLContext) => (ctx.alertChannels ?? []).map((c) => c.id);
const nowS = () => Math.floor(Date.now() / 1000);

export const alertResolvers: Pick<Resolvers, 'Query' | 'Mutation' | 'AlertChannel'> = {
  Query: {
    async alertRules(_p, _a, ctx) {
      return withGroups(ctx, await readableRules(ctx.db, ctx.access));
    },
    async alertRule(_p, { id }, ctx) {
      return (await withGroups(ctx, [await readableRule(ctx.db, id, ctx.access)]))[0]!;
    },
    async alertEvaluations(_p, { input }, ctx) {
      const rule = await readableRule(ctx.db, input.ruleId, ctx.access, 'input.ruleId');
      const limit = input.limit ?? 200;
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badInput('input.limit must be a whole number from 1 to 500.', 'input.limit');
      const now = nowS();
      const r = input.range ? parseRange(input.range, 'input.range') : { from: now - 7 * DAY_S, to: now + HOUR_S };
      return (await ruleEvaluations(ctx.db, rule, r.from, r.to, input.groupKey ?? null, limit)).map(evaluationOf);
    },
    async firingAlerts(_p, _a, ctx) {
      const rules = await withGroups(ctx, await readableRules(ctx.db, ctx.access));
      return rules.flatMap((rule) => rule.groups.filter((g) => g.state === 'FIRING').map((evaluation) => ({ rule, evaluation })));
    },
    async alertSilences(_p, _a, ctx) {
      const rules = await readableRules(ctx.db, ctx.access);
      return (await activeSilences(ctx.db, rules.map((r) => r.id), nowS())).map(silenceOut);
    },
    async alertNotifications(_p, { limit }, ctx) {
      return (await notificationHistory(ctx.db, ctx.access, limit ?? 200)).map(notificationOut);
    },
    async alertPreview(_p, { input }, ctx) {
      requireRole(ctx.access, 'editor', 'Previewing alert rules');
      const p = await previewRule(ctx.db, await ctx.catalogue.get(ctx.access), input, ctx.access, channelIds(ctx));
      return {
        range: { from: toIso(p.from), to: toIso(p.to) }, evaluations: p.evaluations,
        episodes: p.episodes.map((e) => ({
          groupKey: e.groupKey, groupLabel: e.groupLabel, since: toIso(e.since), firedAt: toIso(e.firedAt), resolvedAt: e.resolvedAt === null ? null : toIso(e.resolvedAt),
          worst: fromEvaluation(e.worst),
        })),
      };
    },
    alertChannels(_p, _a, ctx) {
      return (ctx.alertChannels ?? []).map((c) => ({ id: c.id, kind: c.kind }));
    },
  },
  Mutation: {
    async createAlertRule(_p, { input }, ctx) {
      const rule = await audited(ctx, 'alert_rule_created', await createRule(ctx.db, input, await ctx.catalogue.get(ctx.access), ctx.access, channelIds(ctx)));
      ctx.alertsChanged?.();
      return ruleOut(rule, []);
    },
    async updateAlertRule(_p, { id, expectedVersion, input }, ctx) {
      const rule = await audited(ctx, 'alert_rule_updated', await updateRule(ctx.db, id, expectedVersion, input, await ctx.catalogue.get(ctx.access), ctx.access, channelIds(ctx)));
      ctx.alertsChanged?.();
      return (await withGroups(ctx, [rule]))[0]!;
    },
    async deleteAlertRule(_p, { id, expectedVersion }, ctx) {
      return ruleOut(await audited(ctx, 'alert_rule_deleted', await deleteRule(ctx.db, id, expectedVersion, ctx.access)), []);
    },
    async createAlertSilence(_p, { input }, ctx) {
      return silenceOut(await audited(ctx, 'alert_silenced', await createSilence(ctx.db, input, ctx.access, nowS())));
    },
    async endAlertSilence(_p, { id, expectedVersion }, ctx) {
      return silenceOut(await audited(ctx, 'alert_silence_ended', await endSilence(ctx.db, id, expectedVersion, ctx.access, nowS())));
    },
    async sendTestNotification(_p, { channel: name }, ctx) {
      requireRole(ctx.access, 'admin', 'Sending test notifications');
      const channel = (ctx.alertChannels ?? []).find((c) => c.id === name);
      if (!channel) {
        throw badInput(`channel: unknown channel ${JSON.stringify(name.slice(0, 40))}. Configured: ${channelIds(ctx).join(', ') || 'none (set VIGIL_ALERT_CHANNELS)'}.`, 'channel');
      }
      const outcome = await sendTestNotification(ctx.db, ctx.log, channel, ctx.access.username, ctx.publicUrl ?? '');
      await ctx.security.audit.record({
        actor: ctx.access.username, action: 'alert_channel_tested', target: channel.id, detail: JSON.stringify({ deliveryId: outcome.deliveryId, status: outcome.status }), ip: ctx.ip,
      });
      return {
        deliveryId: outcome.deliveryId, ruleId: '', groupKey: '', channel: channel.id, channelKind: channel.kind, kind: 'TEST', status: outcome.status,
        attempts: outcome.attempts, detail: outcome.detail, subject: outcome.subject, recordedAt: stamp(outcome.recordedAt),
      };
    },
  },
  AlertChannel: {
    async lastDelivery(parent, _a, ctx) {
      const row = await lastDeliveryOf(ctx, parent.id);
      return row ? notificationOut(row) : null;
    },
  },
};
