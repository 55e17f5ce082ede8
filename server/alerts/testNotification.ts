// A test message through one channel, so an admin can check that it works (the Alerts page's
// "Send test notification"). It goes through the channel's real code — the signed webhook, the
// Slack body, the SMTP client — and the delivery ledger like any notification, so it shows in the
// history with its outcome. One attempt, no retries: an admin waits for the answer, and a channel
// that needs retries to get through is worth knowing about.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import { run } from '../queries/statements.js';
import { deliveriesStatement } from '../queries/alertQueries.js';
import { DEFAULT_RETRY, type Channel, type Message } from './channels.js';
import { deliver, deliveryIdOf, type Clock, type DeliveryStatus } from './deliveries.js';

export interface TestOutcome {
  deliveryId: string;
  status: DeliveryStatus;
  attempts: number;
  /** what the channel answered ("HTTP 200", "SMTP 250 …") or why it failed ("HTTP 500", "no answer: …") */
  detail: string;
  subject: string;
  /** ClickHouse DateTime64 text of the outcome's record */
  recordedAt: string;
}

/** The test message: says plainly that it is a test, who sent it and that nothing is firing. */
export function testMessage(channel: Pick<Channel, 'id' | 'kind'>, actor: string, publicUrl: string, at: Date): Message {
  return {
    deliveryId: `test:${at.getTime()}:${randomUUID()}`,
    kind: 'TEST',
    subject: `[TEST] Vigil test notification to ${channel.id}`,
    text: `This is a test notification, not an alert: ${actor} sent it from Vigil's Alerts page at ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC to check that the channel ${channel.id} (${channel.kind}) delivers. Nothing is firing because of it; no action is needed.`,
    link: `${publicUrl}/alerts`,
  };
}

/**
 * Sends a test message to `channel` and records it (PENDING, then SENT or FAILED) in the
 * notification history under rule ''; a failing channel is an outcome, not an exception (only the
 * ledger itself failing throws).
 */
export async function sendTestNotification(
  db: Database, log: Logger, channel: Channel, actor: string, publicUrl: string, clock: Clock = Date.now,
): Promise<TestOutcome> {
  const message = testMessage(channel, actor, publicUrl, new Date(clock()));
  const topic = { ruleId: '', groupKey: '', episode: null };
  const statuses = await deliver(db, log, [channel], topic, message, { retry: { ...DEFAULT_RETRY, attempts: 1 }, clock });
  const deliveryId = deliveryIdOf(message.deliveryId, channel.id);
  const [row] = statuses.has(channel.id) ? await run<Record<string, unknown>>(db, deliveriesStatement([deliveryId])) : [];
  if (!row) throw new Error(`the test notification to ${channel.id} could not be recorded (the database did not answer)`);
  return {
    deliveryId, status: row.status as DeliveryStatus, attempts: Number(row.attempts), detail: String(row.detail), subject: message.subject, recordedAt: String(row.recorded_at),
  };
}
