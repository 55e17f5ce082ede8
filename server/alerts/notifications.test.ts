// Notifications against real local receivers (loopback only): an HTTP server standing in for a
// webhook receiver and Slack, and an SMTP server (smtp-server). The ledger is real SQL on the
// embedded engine.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { run } from '../queries/statements.js';
import { toClickHouseDateTime } from '../domain/time.js';
import { now64 } from '../queries/versionedWrites.js';
import { NOTIFICATIONS_INSERT } from '../queries/alertQueries.js';
import { createChannel, type Channel, type Message, type RetryPolicy } from './channels.js';
import { deliver, recoverDeliveries } from './deliveries.js';
import { sendTestNotification } from './testNotification.js';
import { AlertEngine } from './engine.js';
import { createRule, createSilence, endSilence, saveEvaluations } from './store.js';
import type { Evaluation } from './evaluate.js';
import type { DataCatalogue } from '../metrics/dataInventory.js';
import { FULL_ACCESS } from '../access/access.js';

const SECRET = 'a-webhook-secret-of-some-length';
const FAST: RetryPolicy = { attempts: 3, firstDelayMs: 20, timeoutMs: 2000 };

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
let received: Received[] = [];
/** per path: statuses to answer in turn (the last one repeats) */
let script: Record<string, number[]> = {};
let http_: http.Server;
let base = '';
let mails: { envelopeTo: string[]; raw: string }[] = [];
let smtp: SMTPServer;
let smtpUrl = '';
let t: TestDatabase;

beforeAll(async () => {
  http_ = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const statuses = script[req.url!] ?? [200];
      res.statusCode = statuses.length > 1 ? statuses.shift()! : statuses[0]!;
      res.end('ok');
    });
  });
  await new Promise<void>((r) => http_.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(http_.address() as AddressInfo).port}`;
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  t = await openTestDatabase();
});
afterAll(async () => {
  await new Promise((r) => http_.close(r));
  await new Promise<void>((r) => smtp.close(() => r()));
  await t?.close();
});
beforeEach(() => {
  received = [];
  mails = [];
  script = {};
});

const webhook = (path = '/hook', id = 'ops-hook') => createChannel({ id, kind: 'webhook', url: `${base}${path}`, secret: SECRET }, null, 2000);
const slack = (path = '/slack') => createChannel({ id: 'ops-slack', kind: 'slack', url: `${base}${path}` }, null, 2000);
const email = () => createChannel({ id: 'leads-mail', kind: 'email', to: ['lead@example.com'] }, { url: smtpUrl, from: 'vigil@example.com' }, 2000);
const topic = { ruleId: 'r1', groupKey: 'review-latam', episode: 1_700_000_000 };
const message = (id: string): Message => ({
  deliveryId: id, kind: 'FIRING', subject: '[FIRING] Review queue below its SLA target — review-latam',
  text: 'Firing: Review queue below its SLA target — review-latam\n4.0 % < 95 %', link: 'https://vigil.example.com/explore?metric=review_sla',
  alert: { ruleId: 'r1', value: 0.04 },
});
const history = (id: string) => run<{ status: string; attempts: number }>(t.db, {
  operation: 'test.history', params: { id }, sql: 'SELECT status, attempts FROM alert_notifications WHERE delivery_id = {id:String} ORDER BY recorded_at',
});

describe('webhook', () => {
  it('posts the JSON body signed with HMAC-SHA256 of "<timestamp>.<body>", with the delivery id', async () => {
    const status = await deliver(t.db, t.log, [webhook()], topic, message('m1'), { retry: FAST });
    expect(status.get('ops-hook')).toBe('SENT');
    expect(received).toHaveLength(1);
    const r = received[0]!;
    expect(r.headers['x-vigil-delivery']).toBe('m1:ops-hook');
    const expected = createHmac('sha256', SECRET).update(`${r.headers['x-vigil-timestamp']}.${r.body}`).digest('hex');
    expect(r.headers['x-vigil-signature']).toBe(`sha256=${expected}`);
    expect(JSON.parse(r.body)).toEqual({
      deliveryId: 'm1:ops-hook', kind: 'FIRING', subject: message('m1').subject, text: message('m1').text, link: message('m1').link, alert: { ruleId: 'r1', value: 0.04 },
    });
    expect(await history('m1:ops-hook')).toEqual([{ status: 'PENDING', attempts: 0 }, { status: 'SENT', attempts: 1 }]);
  });

  it('retries 5xx with backoff under the same id and body, and never sends a recorded delivery again', async () => {
    script['/flaky'] = [503, 500, 200];
    const ch = webhook('/flaky');
    expect((await deliver(t.db, t.log, [ch], topic, message('m2'), { retry: FAST })).get('ops-hook')).toBe('SENT');
    expect(received.map((r) => r.headers['x-vigil-delivery'])).toEqual(['m2:ops-hook', 'm2:ops-hook', 'm2:ops-hook']);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    expect((await history('m2:ops-hook')).at(-1)).toEqual({ status: 'SENT', attempts: 3 });
    await deliver(t.db, t.log, [ch], topic, message('m2'), { retry: FAST });
    expect(received).toHaveLength(3);
  });

  it('gives up at once on a 4xx other than 408 and 429', async () => {
    script['/gone'] = [410];
    expect((await deliver(t.db, t.log, [webhook('/gone')], topic, message('m3'), { retry: FAST })).get('ops-hook')).toBe('FAILED');
    expect(received).toHaveLength(1);
    expect((await history('m3:ops-hook')).at(-1)).toEqual({ status: 'FAILED', attempts: 1 });
  });
});

describe('Slack and email', () => {
  it('sends a Slack incoming-webhook body: fallback text and Block Kit sections', async () => {
    await deliver(t.db, t.log, [slack()], topic, message('m4'), { retry: FAST });
    const body = JSON.parse(received[0]!.body);
    expect(body.text).toBe(message('m4').subject);
    expect(body.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: message('m4').subject } });
    expect(body.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Firing: Review queue below its SLA target — review-latam\n4.0 % &lt; 95 %' } });
    expect(body.blocks[2].elements[0].text).toBe('<https://vigil.example.com/explore?metric=review_sla|Open in Vigil> · delivery m4:ops-slack');
  });

  it('sends email over SMTP with the delivery id as Message-ID', async () => {
    expect((await deliver(t.db, t.log, [email()], topic, message('m5'), { retry: FAST })).get('leads-mail')).toBe('SENT');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.envelopeTo).toEqual(['lead@example.com']);
    expect(mails[0]!.raw).toMatch(/^Message-ID: <m5:leads-mail@vigil>\r?$/m);
    expect(mails[0]!.raw).toMatch(/^Subject: /m);
    // quoted-printable: soft line breaks and "=" encoded
    expect(mails[0]!.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=')).toContain('https://vigil.example.com/explore?metric=review_sla');
  });

  it('a channel that fails or hangs does not keep the others from sending', async () => {
    script['/down'] = [503];
    const closed = createChannel({ id: 'nowhere', kind: 'slack', url: 'http://127.0.0.1:9/' }, null, 2000);
    const status = await deliver(t.db, t.log, [webhook('/down'), closed, slack(), email()], topic, message('m6'), { retry: FAST });
    expect(Object.fromEntries(status)).toEqual({ 'ops-hook': 'FAILED', nowhere: 'FAILED', 'ops-slack': 'SENT', 'leads-mail': 'SENT' });
    expect(mails).toHaveLength(1);
    expect(received.filter((r) => r.path === '/down')).toHaveLength(3);
  });
});

describe('a test notification (an admin checking a channel)', () => {
  const AT = Date.parse('2026-11-16T09:41:30Z');
  const clock = () => AT;
  const recorded = (id: string) => run<{ rule_id: string; kind: string; status: string; attempts: number; detail: string; subject: string }>(t.db, {
    operation: 'test.recorded', params: { id },
    sql: 'SELECT rule_id, kind, status, attempts, detail, subject FROM alert_notifications WHERE delivery_id = {id:String} ORDER BY recorded_at, status != \'PENDING\'',
  });

  it('goes through the signed webhook, says it is a test, and is recorded like any delivery', async () => {
    const outcome = await sendTestNotification(t.db, t.log, webhook(), 'ana', 'https://vigil.example.com', clock);
    expect(outcome).toMatchObject({ status: 'SENT', attempts: 1, detail: 'HTTP 200', subject: '[TEST] Vigil test notification to ops-hook' });
    // 1794822090000 ms = 2026-11-16T09:41:30Z (Python: datetime(2026, 11, 16, 9, 41, 30, tzinfo=utc).timestamp())
    expect(outcome.deliveryId).toMatch(/^test:1794822090000:[0-9a-f-]{36}:ops-hook$/);
    expect(received).toHaveLength(1);
    const r = received[0]!;
    expect(r.headers['x-vigil-delivery']).toBe(outcome.deliveryId);
    expect(r.headers['x-vigil-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(`${r.headers['x-vigil-timestamp']}.${r.body}`).digest('hex')}`);
    expect(JSON.parse(r.body)).toEqual({
      deliveryId: outcome.deliveryId, kind: 'TEST', subject: '[TEST] Vigil test notification to ops-hook',
      text: 'This is a test notification, not an alert: ana sent it from Vigil\'s Alerts page at 2026-11-16 09:41 UTC to check that the channel ops-hook (webhook) delivers. Nothing is firing because of it; no action is needed.',
      link: 'https://vigil.example.com/alerts', alert: null,
    });
    expect(await recorded(outcome.deliveryId)).toEqual([
      { rule_id: '', kind: 'TEST', status: 'PENDING', attempts: 0, detail: '', subject: '[TEST] Vigil test notification to ops-hook' },
      { rule_id: '', kind: 'TEST', status: 'SENT', attempts: 1, detail: 'HTTP 200', subject: '[TEST] Vigil test notification to ops-hook' },
    ]);
    // each press is its own delivery: a second test is sent, not deduplicated away
    const again = await sendTestNotification(t.db, t.log, webhook(), 'ana', 'https://vigil.example.com', clock);
    expect(again.deliveryId).not.toBe(outcome.deliveryId);
    expect(received).toHaveLength(2);
  });

  it('goes as a Slack body and as an email through SMTP', async () => {
    expect((await sendTestNotification(t.db, t.log, slack(), 'ana', '', clock)).status).toBe('SENT');
    const body = JSON.parse(received[0]!.body);
    expect(body.text).toBe('[TEST] Vigil test notification to ops-slack');
    expect(body.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '[TEST] Vigil test notification to ops-slack' } });
    const mail = await sendTestNotification(t.db, t.log, email(), 'ana', '', clock);
    expect(mail.status).toBe('SENT');
    expect(mail.detail).toMatch(/^SMTP 250/);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.envelopeTo).toEqual(['lead@example.com']);
    expect(mails[0]!.raw).toMatch(/^Subject: \[TEST\] Vigil test notification to leads-mail\r?$/m);
    // headers folded onto a second line when long
    expect(mails[0]!.raw.replace(/\r?\n[ \t]+/g, ' ')).toContain(`Message-ID: <${mail.deliveryId}@vigil>`);
  });

  it('a failing channel is an outcome with its reason, tried once (an admin is waiting), not an exception', async () => {
    script['/down'] = [503];
    const outcome = await sendTestNotification(t.db, t.log, webhook('/down'), 'ana', '', clock);
    expect(outcome).toMatchObject({ status: 'FAILED', attempts: 1, detail: 'HTTP 503' });
    expect(received).toHaveLength(1);
    expect((await recorded(outcome.deliveryId)).at(-1)).toMatchObject({ status: 'FAILED', attempts: 1, detail: 'HTTP 503' });
    // nobody listening at all
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const nowhere = createChannel({ id: 'gone-hook', kind: 'webhook', url: `http://127.0.0.1:${port}/hook`, secret: SECRET }, null, 2000);
    const refused = await sendTestNotification(t.db, t.log, nowhere, 'ana', '', clock);
    expect(refused.status).toBe('FAILED');
    expect(refused.detail).toMatch(/^no answer: /);
  });
});

describe('after a crash', () => {
  it('sends an interrupted webhook again under the same id and body; Slack and email are not repeated (UNKNOWN)', async () => {
    const pending = (id: string, ch: Channel, payload: Message) => ({
      delivery_id: id, rule_id: 'r1', group_key: 'g', episode: toClickHouseDateTime(1_700_000_000), channel_id: ch.id, channel_kind: ch.kind, kind: 'FIRING',
      status: 'PENDING', attempts: 0, detail: '', subject: payload.subject, payload: JSON.stringify(payload), recorded_at: now64(),
    });
    const hook = webhook();
    const mail = email();
    const m = { ...message('crash'), deliveryId: 'crash:ops-hook' };
    await t.db.insertJsonWith('test.pending', NOTIFICATIONS_INSERT, [pending('crash:ops-hook', hook, m), pending('crash:leads-mail', mail, { ...m, deliveryId: 'crash:leads-mail' })]);
    expect(await recoverDeliveries(t.db, t.log, [hook, mail], FAST)).toBe(2);
    expect(received).toHaveLength(1);
    expect(received[0]!.headers['x-vigil-delivery']).toBe('crash:ops-hook');
    expect(received[0]!.body).toBe(JSON.stringify({ deliveryId: 'crash:ops-hook', kind: 'FIRING', subject: m.subject, text: m.text, link: m.link, alert: m.alert }));
    expect(mails).toHaveLength(0);
    expect((await history('crash:ops-hook')).at(-1)!.status).toBe('SENT');
    expect((await history('crash:leads-mail')).at(-1)!.status).toBe('UNKNOWN');
    // nothing is left to recover, and a later round does not send either again
    expect(await recoverDeliveries(t.db, t.log, [hook, mail], FAST)).toBe(0);
    await deliver(t.db, t.log, [hook, mail], topic, { ...message('crash') }, { retry: FAST });
    expect(received).toHaveLength(1);
    expect(mails).toHaveLength(0);
  });
});

describe('the engine: firing, silence, re-notify, resolved', () => {
  it('notifies an episode once, stays quiet while silenced, re-notifies after the silence, and says when it resolved', async () => {
    const W = Date.parse('2026-11-12T18:00:00Z') / 1000;
    const data: DataCatalogue = { values: new Map(), visible: new Map(), scopeKey: '', span: { from: W - 86_400, to: W }, targets: new Map() };
    const rule = await createRule(t.db, {
      name: 'SLA of review-latam', metric: 'review_sla', groupBy: ['QUEUE'], condition: { type: 'THRESHOLD', op: 'BELOW', value: 0.9 },
      windowHours: 24, forHours: 2, renotifyHours: 1, channels: ['ops-hook'],
    }, data, FULL_ACCESS, ['ops-hook']);
    const evaluation = (until: number, state: Evaluation['state'], since: number | null): Evaluation => ({
      ruleId: rule.id, ruleVersion: 1, groupKey: 'review-latam', groupLabel: 'review-latam', evaluatedUntil: until, state, since,
      value: 0.04, baseline: 0.9, low: null, high: null, pValue: null, qValue: null, volume: 5000, holds: state !== 'OK', tested: false, met: state !== 'OK',
      reason: `4.0 % against the threshold below 90.0 %: ${state === 'OK' ? 'not crossed' : 'crossed'}`,
    });
    const since = W - 2 * 3600;
    await saveEvaluations(t.db, [evaluation(since, 'PENDING', since), evaluation(W - 3600, 'PENDING', since), evaluation(W, 'FIRING', since)]);
    let now = (W + 600) * 1000;
    let span = W;
    const engine = new AlertEngine(t.db, t.log, {
      channels: [webhook()], publicUrl: 'https://vigil.example.com', digestChannels: [], digestHour: 7, retry: FAST,
      catalogue: async () => ({ ...data, span: { from: W - 86_400, to: span } }), now: () => now,
    });
    await engine.tick();
    await engine.tick();
    expect(received.map((r) => JSON.parse(r.body).kind)).toEqual(['FIRING']);
    const first = JSON.parse(received[0]!.body);
    expect(first.deliveryId).toBe(`${rule.id}:review-latam:${since}:firing:ops-hook`);
    expect(first.link).toMatch(/^https:\/\/vigil\.example\.com\/explore\?metric=review_sla&.*queue=review-latam/);

    const silence = await createSilence(t.db, { ruleId: rule.id, endsAt: new Date((W + 4 * 3600) * 1000).toISOString(), reason: 'known: election surge' }, FULL_ACCESS, W + 700);
    now = (W + 2 * 3600) * 1000; // the re-notify interval has passed, but the rule is silenced
    await engine.tick();
    expect(received).toHaveLength(1);

    await endSilence(t.db, silence.id, 1, FULL_ACCESS, W + 2 * 3600 + 60);
    now = (W + 2 * 3600 + 120) * 1000;
    await engine.tick();
    expect(received.map((r) => JSON.parse(r.body).kind)).toEqual(['FIRING', 'RENOTIFY']);
    await saveEvaluations(t.db, [evaluation(W + 3600, 'OK', null)]);

    span = W + 3600;
    await engine.tick();
    await engine.tick();
    expect(received.map((r) => JSON.parse(r.body).kind)).toEqual(['FIRING', 'RENOTIFY', 'RESOLVED']);
    expect(JSON.parse(received[2]!.body).subject).toBe('[RESOLVED] SLA of review-latam — review-latam');
  });
});

describe('the engine: silenced from the start, and a channel that is down', () => {
  it('records SILENCED while silenced and notifies once the silence ends; a failed channel is not retried every round', async () => {
    const W = Date.parse('2026-11-13T18:00:00Z') / 1000;
    const data: DataCatalogue = { values: new Map(), visible: new Map(), scopeKey: '', span: { from: W - 86_400, to: W }, targets: new Map() };
    const input = { name: 'x', metric: 'review_sla', groupBy: ['QUEUE' as const], condition: { type: 'THRESHOLD' as const, op: 'BELOW' as const, value: 0.9 }, windowHours: 24, forHours: 0, renotifyHours: 1 };
    const quiet = await createRule(t.db, { ...input, name: 'Quiet', channels: ['ops-hook'] }, data, FULL_ACCESS, ['ops-hook']);
    const down = await createRule(t.db, { ...input, name: 'Down', channels: ['dead'] }, data, FULL_ACCESS, ['ops-hook', 'dead']);
    const firing = (ruleId: string): Evaluation => ({
      ruleId, ruleVersion: 1, groupKey: 'review-latam', groupLabel: 'review-latam', evaluatedUntil: W, state: 'FIRING', since: W,
      value: 0.04, baseline: 0.9, low: null, high: null, pValue: null, qValue: null, volume: 5000, holds: true, tested: false, met: true, reason: 'crossed',
    });
    await saveEvaluations(t.db, [firing(quiet.id), firing(down.id)]);
    const silence = await createSilence(t.db, { ruleId: quiet.id, groupKey: 'review-latam', endsAt: new Date((W + 7200) * 1000).toISOString(), reason: 'maintenance' }, FULL_ACCESS, W);
    script['/dead'] = [503];
    let now = (W + 60) * 1000;
    const engine = new AlertEngine(t.db, t.log, {
      channels: [webhook(), webhook('/dead', 'dead')], publicUrl: '', digestChannels: [], digestHour: 7, retry: FAST,
      catalogue: async () => data, now: () => now,
    });
    await engine.tick();
    now += 60_000;
    await engine.tick();
    expect(received.filter((r) => r.path === '/hook')).toHaveLength(0);
    // the dead channel: one delivery, tried 3 times, then left until the re-notify interval
    expect(received.filter((r) => r.path === '/dead')).toHaveLength(3);
    expect((await history(`${quiet.id}:review-latam:${W}:firing:ops-hook`)).map((h) => h.status)).toEqual(['SILENCED']);
    await endSilence(t.db, silence.id, 1, FULL_ACCESS, W + 180);
    now = (W + 240) * 1000;
    await engine.tick();
    expect(received.filter((r) => r.path === '/hook').map((r) => JSON.parse(r.body).deliveryId)).toEqual([`${quiet.id}:review-latam:${W}:renotify:1:ops-hook`]);
    expect(received.filter((r) => r.path === '/dead')).toHaveLength(3);
    now = (W + 3600 + 120) * 1000;
    await engine.tick();
    expect(received.filter((r) => r.path === '/dead').map((r) => JSON.parse(r.body).kind)).toEqual(['FIRING', 'FIRING', 'FIRING', 'RENOTIFY', 'RENOTIFY', 'RENOTIFY']);
  });
});
