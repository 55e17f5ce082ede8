// Where notifications go: a generic webhook (JSON, HMAC-SHA256 signed), a Slack-compatible
// incoming webhook, and email over SMTP (nodemailer). Each send is retried with exponential
// backoff on failures that may pass (network errors, timeouts, 408, 429, 5xx, SMTP 4xx) and
// given up on at once on those that will not (other 4xx, SMTP 5xx). Every attempt has a timeout,
// so a channel that hangs costs its own delivery time, never another channel's.
import { createHmac } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AlertChannelConfig, SmtpConfig } from '../config.js';

/** What is sent: the same facts for every kind of channel. */
export interface Message {
  deliveryId: string;
  /** TEST: sent by an admin from the Alerts page to check the channel, about no alert */
  kind: 'FIRING' | 'RESOLVED' | 'RENOTIFY' | 'DIGEST' | 'TEST';
  subject: string;
  /** Markdown (digests) or plain lines (alerts) */
  text: string;
  /** absolute link to the view (relative when VIGIL_PUBLIC_URL is unset) */
  link: string;
  /** the alert's figures and reason (absent for digests) */
  alert?: Record<string, unknown>;
}

export interface SendOutcome {
  ok: boolean;
  attempts: number;
  detail: string;
}

export interface RetryPolicy {
  attempts: number;
  firstDelayMs: number;
  timeoutMs: number;
}
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, firstDelayMs: 1000, timeoutMs: 10_000 };

/** A failure worth another attempt, or not. */
class SendError extends Error {
  constructor(message: string, readonly retry: boolean) {
    super(message);
  }
}

/** The body a webhook receives; byte-identical on every attempt, so receivers can verify and deduplicate. */
export const webhookBody = (m: Message) => JSON.stringify({ deliveryId: m.deliveryId, kind: m.kind, subject: m.subject, text: m.text, link: m.link, alert: m.alert ?? null });

/** Slack's incoming-webhook body: a fallback `text` and Block Kit sections (mrkdwn). */
export function slackBody(m: Message): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = escape(m.text).slice(0, 2900);
  return JSON.stringify({
    text: m.subject,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: m.subject.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: body } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `<${m.link}|Open in Vigil> · delivery ${m.deliveryId}` }] },
    ],
  });
}

/**
 * The webhook signature: hex HMAC-SHA256 of "<timestamp>.<body>" with the channel's secret, sent
 * as `X-Vigil-Signature: sha256=<hex>` with `X-Vigil-Timestamp` (seconds), so a receiver can also
 * refuse old replays.
 */
export const signature = (secret: string, timestamp: string, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (e) {
    throw new SendError(`no answer: ${(e as Error).message}`, true);
  }
  await res.arrayBuffer().catch(() => undefined);
  if (res.ok) return `HTTP ${res.status}`;
  throw new SendError(`HTTP ${res.status}`, res.status === 408 || res.status === 429 || res.status >= 500);
}

export interface Channel {
  id: string;
  kind: AlertChannelConfig['kind'];
  send(m: Message): Promise<string>;
  close(): void;
}

export function createChannel(c: AlertChannelConfig, smtp: SmtpConfig | null, timeoutMs = DEFAULT_RETRY.timeoutMs): Channel {
  switch (c.kind) {
    case 'webhook':
      return {
        id: c.id, kind: c.kind, close: () => undefined,
        send: (m) => {
          const body = webhookBody(m);
          const timestamp = String(Math.floor(Date.now() / 1000));
          return post(c.url!, body, { 'x-vigil-delivery': m.deliveryId, 'x-vigil-timestamp': timestamp, 'x-vigil-signature': `sha256=${signature(c.secret ?? '', timestamp, body)}` }, timeoutMs);
        },
      };
    case 'slack':
      return { id: c.id, kind: c.kind, close: () => undefined, send: (m) => post(c.url!, slackBody(m), {}, timeoutMs) };
    case 'email': {
      if (!smtp) throw new Error(`channel ${c.id} sends email but VIGIL_SMTP_URL is not set`);
      const transport: Transporter = nodemailer.createTransport({ url: smtp.url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs } as never);
      return {
        id: c.id, kind: c.kind, close: () => transport.close(),
        send: async (m) => {
          try {
            const info = await transport.sendMail({
              from: smtp.from, to: c.to, subject: m.subject, text: `${m.text}\n\n${m.link}\n`,
              // the delivery id as Message-ID: a mail system that sees it twice can tell
              messageId: `<${m.deliveryId}@vigil>`, headers: { 'X-Vigil-Delivery': m.deliveryId },
            });
            return `SMTP ${String(info.response).slice(0, 80)}`;
          } catch (e) {
            const code = (e as { responseCode?: number }).responseCode;
            throw new SendError(`SMTP ${code ?? ''} ${(e as Error).message}`.trim(), code === undefined || code < 500);
          }
        },
      };
    }
  }
}

/** Sends with retries; never throws. */
export async function sendWithRetry(channel: Channel, m: Message, policy: RetryPolicy = DEFAULT_RETRY): Promise<SendOutcome> {
  let delay = policy.firstDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, attempts: attempt, detail: await channel.send(m) };
    } catch (e) {
      const retry = e instanceof SendError ? e.retry : true;
      if (!retry || attempt >= policy.attempts) return { ok: false, attempts: attempt, detail: (e as Error).message.slice(0, 500) };
      await new Promise((r) => setTimeout(r, delay));
      delay *= 2;
    }
  }
}
