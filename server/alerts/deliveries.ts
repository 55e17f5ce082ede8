// The delivery ledger (alert_notifications): a delivery id is recorded PENDING, with its exact
// payload, before anything is sent, and its outcome (SENT, FAILED, SILENCED, UNKNOWN) after.
//
// The guarantee (README "Alerts and digests"):
//   - a delivery whose latest record is anything but PENDING is never sent again, by any restart;
//   - a send a crash interrupted (latest record PENDING) is, at the next start,
//       webhook: sent again, byte for byte, under the same X-Vigil-Delivery id — at least once, and
//                exactly once for a receiver that ignores ids it has seen;
//       Slack, email: not sent again and recorded UNKNOWN — at most once, since their receivers
//                cannot tell a repeat (the email's Message-ID is the delivery id all the same).
// Channels are sent to concurrently and each failure stays with its channel.
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import { fromClickHouseDateTime, toClickHouseDateTime } from '../domain/time.js';
import { run } from '../queries/statements.js';
import { NOTIFICATIONS_INSERT, deliveriesStatement, unfinishedDeliveriesStatement } from '../queries/alertQueries.js';
import { sendWithRetry, type Channel, type Message, type RetryPolicy } from './channels.js';

export type DeliveryStatus = 'PENDING' | 'SENT' | 'FAILED' | 'SILENCED' | 'UNKNOWN';

/** What a notification is about (rule '' and group '' for digests). */
export interface Topic {
  ruleId: string;
  groupKey: string;
  /** the episode's first hour (alerts), null for digests */
  episode: number | null;
}

interface Record_ {
  deliveryId: string;
  topic: Topic;
  channel: Pick<Channel, 'id' | 'kind'>;
  kind: Message['kind'];
  status: DeliveryStatus;
  attempts: number;
  detail: string;
  subject: string;
  payload: string;
}

/** Milliseconds since the epoch; the engine's clock (tests move it). */
export type Clock = () => number;

const stamp = (clock: Clock) => new Date(clock()).toISOString().replace('T', ' ').replace('Z', '');

async function record(db: Database, r: Record_, clock: Clock = Date.now): Promise<void> {
  await db.insertJsonWith('alerts.record_delivery', NOTIFICATIONS_INSERT, [{
    delivery_id: r.deliveryId, rule_id: r.topic.ruleId, group_key: r.topic.groupKey, episode: r.topic.episode === null ? null : toClickHouseDateTime(r.topic.episode),
    channel_id: r.channel.id, channel_kind: r.channel.kind, kind: r.kind, status: r.status, attempts: r.attempts, detail: r.detail, subject: r.subject,
    payload: r.payload, recorded_at: stamp(clock),
  }]);
}

/** The latest status of each of these delivery ids (absent: never recorded). */
export async function deliveryStatuses(db: Database, ids: readonly string[]): Promise<Map<string, DeliveryStatus>> {
  if (ids.length === 0) return new Map();
  return new Map((await run<{ delivery_id: string; status: DeliveryStatus }>(db, deliveriesStatement(ids))).map((r) => [r.delivery_id, r.status]));
}

/** The id of one message to one channel. */
export const deliveryIdOf = (messageId: string, channelId: string) => `${messageId}:${channelId}`;

/**
 * Sends `message` (its deliveryId is the message id; each channel gets `<id>:<channel>`) to every
 * channel that has not had it yet, all at once; `silenced` records SILENCED instead of sending.
 * Resolves when every channel has its outcome recorded; never throws for a channel's failure.
 */
export async function deliver(
  db: Database, log: Logger, channels: readonly Channel[], topic: Topic, message: Message, opts: { silenced?: boolean; retry?: RetryPolicy; clock?: Clock } = {},
): Promise<Map<string, DeliveryStatus>> {
  const ids = channels.map((c) => deliveryIdOf(message.deliveryId, c.id));
  const known = await deliveryStatuses(db, ids);
  const out = new Map<string, DeliveryStatus>();
  await Promise.all(channels.map(async (channel, i) => {
    const deliveryId = ids[i]!;
    const seen = known.get(deliveryId);
    if (seen) {
      out.set(channel.id, seen); // recorded before: never sent twice (a PENDING one is recovery's)
      return;
    }
    const m = { ...message, deliveryId };
    const base = { deliveryId, topic, channel, kind: message.kind, subject: message.subject, payload: JSON.stringify(m) };
    try {
      if (opts.silenced) {
        await record(db, { ...base, status: 'SILENCED', attempts: 0, detail: 'silenced' }, opts.clock);
        out.set(channel.id, 'SILENCED');
        return;
      }
      await record(db, { ...base, status: 'PENDING', attempts: 0, detail: '' }, opts.clock);
      const outcome = await sendWithRetry(channel, m, opts.retry);
      await record(db, { ...base, payload: '', status: outcome.ok ? 'SENT' : 'FAILED', attempts: outcome.attempts, detail: outcome.detail }, opts.clock);
      out.set(channel.id, outcome.ok ? 'SENT' : 'FAILED');
      if (!outcome.ok) log.warn({ channel: channel.id, deliveryId, detail: outcome.detail }, 'notification failed');
    } catch (e) {
      // the ledger itself failed (database down): leave the delivery to the next round or recovery
      log.error({ err: e, channel: channel.id, deliveryId }, 'could not record a notification');
    }
  }));
  return out;
}

/**
 * At start: sends interrupted by a crash (latest record PENDING). Webhooks are sent again with the
 * same id and body; Slack and email are recorded UNKNOWN and not repeated.
 */
export async function recoverDeliveries(db: Database, log: Logger, channels: readonly Channel[], retry?: RetryPolicy): Promise<number> {
  const rows = await run<Record<string, unknown>>(db, unfinishedDeliveriesStatement());
  for (const r of rows) {
    const channel = channels.find((c) => c.id === r.channel_id);
    const topic = { ruleId: String(r.rule_id), groupKey: String(r.group_key), episode: r.episode ? fromClickHouseDateTime(String(r.episode)) : null };
    const base = { deliveryId: String(r.delivery_id), topic, kind: r.kind as Message['kind'], subject: String(r.subject), payload: '' };
    if (!channel || channel.kind !== 'webhook') {
      await record(db, { ...base, channel: { id: String(r.channel_id), kind: r.channel_kind as Channel['kind'] }, status: 'UNKNOWN', attempts: Number(r.attempts), detail: 'interrupted by a restart; not repeated (the receiver cannot tell a repeat)' });
      continue;
    }
    // the same bytes as before: the webhook body is a function of the stored message alone
    const message = JSON.parse(String(r.payload)) as Message;
    const outcome = await sendWithRetry(channel, message, retry);
    await record(db, { ...base, channel, status: outcome.ok ? 'SENT' : 'FAILED', attempts: Number(r.attempts) + outcome.attempts, detail: `after a restart: ${outcome.detail}` });
  }
  if (rows.length) log.warn({ deliveries: rows.length }, 'finished notifications a restart interrupted');
  return rows.length;
}
