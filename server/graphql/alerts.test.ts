// The alerts API on the hand-made fixture: rules, scope on every object and every kind of scope,
// bad input, the preview (expected episodes worked out by hand from the fixture's decisions) and
// what is firing for the bell; test notifications through real channels to a local receiver.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { loadAnalyticsFixture } from '../testing/analyticsFixture.js';
import { startTestApi, type TestApi } from '../testing/testApi.js';
import { DataCatalogueCache } from '../metrics/dataInventory.js';
import { AlertEngine } from '../alerts/engine.js';
import type { Access } from '../access/access.js';
import { createChannel, type Channel, type Message } from '../alerts/channels.js';

let t: TestDatabase;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDatabase();
  await loadAnalyticsFixture(t.db);
  api = await startTestApi(t);
});
afterAll(async () => {
  await api.stop();
  await t.close();
});

const EU_EDITOR: Access = { username: 'eu-editor', role: 'editor', scope: { REGION: ['EU'] } };
const DE_EDITOR: Access = { username: 'de-editor', role: 'editor', scope: { COUNTRY: ['DE'] } };
const NA_ANALYST: Access = { username: 'na-analyst', role: 'analyst', scope: { REGION: ['NA'] } };
const KESTREL: Access = { username: 'kim', role: 'editor', scope: { VENDOR: ['kestrel'] } };
const VIEWER: Access = { username: 'viewer', role: 'viewer', scope: {} };

const RULE = `id version name filters { dimension values } groupBy state condition { type op value } windowHours forHours minVolume groups { groupKey state reason }`;
const CREATE = `mutation($input: AlertRuleInput!) { createAlertRule(input: $input) { ${RULE} } }`;
/** EU decisions in one hour above 0.5: the fixture has three EU decisions in 10:00–11:00 and one in 11:00–12:00 on 2026-03-02. */
const euDecisions = (extra: Record<string, unknown> = {}) => ({
  name: 'EU decisions', metric: 'decisions', filters: [{ dimension: 'REGION', values: ['EU'] }],
  condition: { type: 'THRESHOLD', op: 'ABOVE', value: 0.5 }, windowHours: 1, forHours: 0, minVolume: 1, ...extra,
});
const code = (r: { errors?: { extensions: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions.code;

describe('alert rules: who may write what', () => {
  it('a scoped editor writes rules inside their scope; an open region is narrowed to it, another region is refused', async () => {
    const own = (await api.ok(CREATE, { input: euDecisions() }, EU_EDITOR)).createAlertRule;
    expect(own.filters).toEqual([{ dimension: 'REGION', values: ['EU'] }]);
    const open = (await api.ok(CREATE, { input: euDecisions({ filters: [] }) }, EU_EDITOR)).createAlertRule;
    expect(open.filters).toEqual([{ dimension: 'REGION', values: ['EU'] }]);
    const r = await api.gql(CREATE, { input: euDecisions({ filters: [{ dimension: 'REGION', values: ['NA'] }] }) }, EU_EDITOR);
    expect(code(r)).toBe('FORBIDDEN');
    expect(r.errors![0]!.message).toMatch(/NA is outside your access/);
  });

  it('viewers and analysts may not write rules; a vendor manager may not watch moderation', async () => {
    expect(code(await api.gql(CREATE, { input: euDecisions() }, VIEWER))).toBe('FORBIDDEN');
    expect(code(await api.gql(CREATE, { input: euDecisions({ filters: [] }) }, NA_ANALYST))).toBe('FORBIDDEN');
    const r = await api.gql(CREATE, { input: euDecisions({ filters: [] }) }, KESTREL);
    expect(code(r)).toBe('FORBIDDEN');
    expect(r.errors![0]!.message).toMatch(/not kept by vendor/);
  });

  it('refuses bad rules with the argument at fault, writing nothing', async () => {
    const before = (await api.ok('{ alertRules { id } }')).alertRules.length;
    const bad = async (input: Record<string, unknown>, argument: string, message: RegExp) => {
      const r = await api.gql(CREATE, { input: euDecisions(input) });
      expect(code(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.extensions.argument).toBe(argument);
      expect(r.errors![0]!.message).toMatch(message);
    };
    await bad({ windowHours: 0 }, 'input.windowHours', /whole number of hours from 1/);
    await bad({ metric: 'time_to_action_p50' }, 'input.metric', /cannot be added up over a window/);
    await bad({ metric: 'precision', filters: [], windowHours: 12 }, 'input.windowHours', /whole days/);
    await bad({ channels: ['nowhere'] }, 'input.channels', /unknown channel "nowhere"/);
    await bad({ condition: { type: 'THRESHOLD', op: 'ABOVE' } }, 'input.condition.value', /needs a number/);
    await bad({ metric: 'decisions', condition: { type: 'TARGET' } }, 'input.condition.type', /no target/);
    await bad({ groupBy: ['QUEUE', 'REGION', 'POLICY'] }, 'input.groupBy', /at most two/);
    expect((await api.ok('{ alertRules { id } }')).alertRules.length).toBe(before);
  });
});

describe('alert rules: who may read what', () => {
  it('a rule is read, changed, silenced and its history seen only by users whose scope holds its whole slice', async () => {
    const global = (await api.ok(CREATE, { input: euDecisions({ name: 'All decisions', filters: [] }) })).createAlertRule;
    const de = (await api.ok(CREATE, { input: euDecisions({ name: 'DE decisions', filters: [{ dimension: 'COUNTRY', values: ['DE'] }] }) }, DE_EDITOR)).createAlertRule;
    const names = async (a: Access) => (await api.ok('{ alertRules { name } }', {}, a)).alertRules.map((r: { name: string }) => r.name).sort();
    expect(await names(EU_EDITOR)).toEqual(['DE decisions', 'EU decisions', 'EU decisions']);
    expect(await names(DE_EDITOR)).toEqual(['DE decisions']);
    expect(await names(NA_ANALYST)).toEqual([]);
    expect(await names(KESTREL)).toEqual([]);
    for (const a of [EU_EDITOR, DE_EDITOR, NA_ANALYST, KESTREL]) {
      expect(code(await api.gql(`query($id: ID!) { alertRule(id: $id) { id } }`, { id: global.id }, a))).toBe('FORBIDDEN');
      expect(code(await api.gql(`query($id: ID!) { alertEvaluations(input: { ruleId: $id }) { reason } }`, { id: global.id }, a))).toBe('FORBIDDEN');
      // FORBIDDEN before CONFLICT: a wrong version of a rule outside the scope tells nothing
      expect(code(await api.gql(`mutation($id: ID!) { deleteAlertRule(id: $id, expectedVersion: 7) { id } }`, { id: global.id }, a))).toBe('FORBIDDEN');
    }
    expect(code(await api.gql(`mutation($id: ID!) { createAlertSilence(input: { ruleId: $id, endsAt: "2099-01-01T00:00:00Z", reason: "x" }) { id } }`, { id: global.id }, EU_EDITOR))).toBe('FORBIDDEN');
    expect(code(await api.gql(`mutation($id: ID!, $input: AlertRuleInput!) { updateAlertRule(id: $id, expectedVersion: 1, input: $input) { id } }`, { id: de.id, input: euDecisions({ filters: [{ dimension: 'REGION', values: ['NA'] }] }) }, DE_EDITOR))).toBe('FORBIDDEN');
    // the DE rule may be widened to EU by the EU editor, who holds both
    const widened = (await api.ok(`mutation($id: ID!, $input: AlertRuleInput!) { updateAlertRule(id: $id, expectedVersion: 1, input: $input) { version filters { values } } }`, { id: de.id, input: euDecisions() }, EU_EDITOR)).updateAlertRule;
    expect(widened).toEqual({ version: 2, filters: [{ values: ['EU'] }] });
    expect(await names(DE_EDITOR)).toEqual([]);
    const stale = await api.gql(`mutation($id: ID!) { deleteAlertRule(id: $id, expectedVersion: 1) { id } }`, { id: de.id }, EU_EDITOR);
    expect(code(stale)).toBe('CONFLICT');
    const [entry] = await t.db.select<{ actor: string; action: string; detail: string }>('test.audit', "SELECT actor, action, detail FROM audit_log WHERE target = {id:String} AND action = 'alert_rule_updated'", { id: de.id });
    expect(entry).toEqual({ actor: 'eu-editor', action: 'alert_rule_updated', detail: '{"version":2}' });
  });
});

describe('preview and what is firing', () => {
  it('previews the episodes a rule would have fired on, with the figures behind them', async () => {
    const p = (await api.ok(`query($input: AlertRuleInput!) { alertPreview(input: $input) {
      range { from to } evaluations episodes { groupKey since firedAt resolvedAt worst { value baseline reason } } } }`, { input: euDecisions() }, EU_EDITOR)).alertPreview;
    // the latest decision is on 2026-03-09 at 12:00, an hour still filling: hours up to 12:00 are judged, 90 days of them
    expect(p.range).toEqual({ from: '2025-12-09T12:00:00Z', to: '2026-03-09T12:00:00Z' });
    expect(p.evaluations).toBe(90 * 24);
    // 3 EU decisions in [10:00, 11:00) and 1 in [11:00, 12:00): above 0.5 at 11:00 and 12:00, not at 13:00
    expect(p.episodes).toEqual([{
      groupKey: '', since: '2026-03-02T11:00:00Z', firedAt: '2026-03-02T11:00:00Z', resolvedAt: '2026-03-02T13:00:00Z',
      worst: { value: 3, baseline: 0.5, reason: '3 against the threshold above 1: crossed' },
    }]);
    expect(code(await api.gql(`query($input: AlertRuleInput!) { alertPreview(input: $input) { evaluations } }`, { input: euDecisions() }, NA_ANALYST))).toBe('FORBIDDEN');
  });

  it('the bell: what fires, for each asker only inside their scope', async () => {
    const week = (await api.ok(CREATE, { input: euDecisions({ name: 'EU decisions this week', windowHours: 8 * 24 }) }, EU_EDITOR)).createAlertRule;
    const catalogue = new DataCatalogueCache(t.db);
    const engine = new AlertEngine(t.db, t.log, { channels: [], publicUrl: '', digestChannels: [], digestHour: 7, catalogue: () => catalogue.get() });
    await engine.tick();
    const firing = async (a: Access) => (await api.ok('{ firingAlerts { rule { name } evaluation { value evaluatedUntil } } }', {}, a)).firingAlerts
      .filter((f: { rule: { name: string } }) => f.rule.name === week.name);
    // the 8-day window ending 2026-03-09 12:00 holds the four EU decisions of 2026-03-02
    expect(await firing(EU_EDITOR)).toEqual([{ rule: { name: week.name }, evaluation: { value: 4, evaluatedUntil: '2026-03-09T12:00:00Z' } }]);
    expect(await firing(NA_ANALYST)).toEqual([]);
    const evaluations = (await api.ok(`query($id: ID!) { alertEvaluations(input: { ruleId: $id, range: { from: "2026-03-09T00:00:00Z", to: "2026-03-10T00:00:00Z" } }) { evaluatedUntil state } }`, { id: week.id }, EU_EDITOR)).alertEvaluations;
    expect(evaluations[0]).toEqual({ evaluatedUntil: '2026-03-09T12:00:00Z', state: 'FIRING' });
    // evaluating again changes nothing: idempotent per rule, group and hour
    await engine.tick();
    const again = (await api.ok(`query($id: ID!) { alertEvaluations(input: { ruleId: $id, range: { from: "2026-03-01T00:00:00Z", to: "2026-03-10T00:00:00Z" }, limit: 500 }) { evaluatedUntil } }`, { id: week.id }, EU_EDITOR)).alertEvaluations;
    expect(again).toHaveLength(7 * 24);
  });
});

describe('digests', () => {
  it('sends the weekly retrospective and the morning summary once each, with absolute links', async () => {
    const got: Message[] = [];
    const inbox: Channel = { id: 'leads', kind: 'webhook', close: () => undefined, send: async (m) => (got.push(m), 'HTTP 200') };
    const catalogue = new DataCatalogueCache(t.db);
    const engine = new AlertEngine(t.db, t.log, {
      channels: [inbox], publicUrl: 'https://vigil.example.com', digestChannels: ['leads'], digestHour: 7, catalogue: () => catalogue.get(),
      now: () => Date.parse('2026-03-10T06:59:00Z'),
    });
    await engine.tick();
    expect(got).toHaveLength(0); // before the digest hour
    const later = new AlertEngine(t.db, t.log, {
      channels: [inbox], publicUrl: 'https://vigil.example.com', digestChannels: ['leads'], digestHour: 7, catalogue: () => catalogue.get(),
      now: () => Date.parse('2026-03-10T07:00:00Z'),
    });
    await later.tick();
    await later.tick();
    // the data ends on Monday 2026-03-09 at 12:00: the last complete week is the one of 2026-03-02
    expect(got.map((m) => m.deliveryId)).toEqual(['digest:weekly:2026-03-02:leads', 'digest:morning:2026-03-10:leads']);
    const [weekly, morning] = got;
    expect(weekly!.text.startsWith('# Weekly retrospective — week of 2026-03-02')).toBe(true);
    const links = [...weekly!.text.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !l.startsWith('https://vigil.example.com/'))).toEqual([]);
    expect(morning!.subject).toBe('Vigil — what needs attention, 2026-03-10');
    expect(morning!.text).toMatch(/^## Firing alerts \(\d+\)$/m);
    expect(morning!.text).toContain('](https://vigil.example.com/alerts)');
  });
});

describe('test notifications (admins checking a channel)', () => {
  let receiver: http.Server;
  let hits: { path: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  let withChannels: TestApi;
  const SEND = `mutation($channel: String!) { sendTestNotification(channel: $channel) { deliveryId ruleId channel channelKind kind status attempts detail subject recordedAt } }`;
  const ADMIN: Access = { username: 'ada', role: 'admin', scope: {} };
  beforeAll(async () => {
    // a local receiver (loopback only): /ok answers 200, /broken 500
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
        hits.push({ path: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(req.url === '/broken' ? 500 : 200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    withChannels = await startTestApi(t, {
      publicUrl: 'https://vigil.example.com',
      alertChannels: [
        createChannel({ id: 'ops-hook', kind: 'webhook', url: `${base}/ok`, secret: 'a-secret-of-some-length-for-hmac' }, null, 2000),
        createChannel({ id: 'ops-slack', kind: 'slack', url: `${base}/broken` }, null, 2000),
      ],
    });
  });
  afterAll(async () => {
    await withChannels?.stop();
    await new Promise((r) => receiver?.close(r));
  });

  it('sends through the channel, answers its outcome, and records it in the history and the audit log', async () => {
    hits = [];
    const sent = (await withChannels.ok(SEND, { channel: 'ops-hook' }, ADMIN)).sendTestNotification;
    expect(sent).toMatchObject({
      ruleId: '', channel: 'ops-hook', channelKind: 'webhook', kind: 'TEST', status: 'SENT', attempts: 1, detail: 'HTTP 200', subject: '[TEST] Vigil test notification to ops-hook',
    });
    expect(hits.map((h) => [h.path, h.headers['x-vigil-delivery']])).toEqual([['/ok', sent.deliveryId]]);
    expect(JSON.parse(hits[0]!.body)).toMatchObject({ kind: 'TEST', link: 'https://vigil.example.com/alerts' });
    expect(hits[0]!.headers['x-vigil-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    const history = (await withChannels.ok('{ alertNotifications { deliveryId kind status detail recordedAt } }', {}, ADMIN)).alertNotifications;
    expect(history.find((n: { deliveryId: string }) => n.deliveryId === sent.deliveryId)).toEqual({ deliveryId: sent.deliveryId, kind: 'TEST', status: 'SENT', detail: 'HTTP 200', recordedAt: sent.recordedAt });
    const audit = await t.db.select<{ actor: string; target: string; detail: string }>('test.audit', "SELECT actor, target, detail FROM audit_log WHERE action = 'alert_channel_tested' AND target = 'ops-hook'", {});
    expect(audit).toEqual([{ actor: 'ada', target: 'ops-hook', detail: JSON.stringify({ deliveryId: sent.deliveryId, status: 'SENT' }) }]);
  });

  it('a failing channel answers FAILED with the reason, not an error, and the channel list shows its last outcome', async () => {
    const r = await withChannels.gql(SEND, { channel: 'ops-slack' }, ADMIN);
    expect(r.errors).toBeUndefined();
    expect(r.data.sendTestNotification).toMatchObject({ channel: 'ops-slack', channelKind: 'slack', status: 'FAILED', attempts: 1, detail: 'HTTP 500' });
    const channels = (await withChannels.ok('{ alertChannels { id kind lastDelivery { kind status recordedAt } } }', {}, ADMIN)).alertChannels;
    expect(channels).toEqual([
      { id: 'ops-hook', kind: 'webhook', lastDelivery: { kind: 'TEST', status: 'SENT', recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) } },
      { id: 'ops-slack', kind: 'slack', lastDelivery: { kind: 'TEST', status: 'FAILED', recordedAt: r.data.sendTestNotification.recordedAt } },
    ]);
    // a scoped user reads no test or digest deliveries (rule ''), as in the history
    expect((await withChannels.ok('{ alertChannels { id lastDelivery { status } } }', {}, EU_EDITOR)).alertChannels).toEqual([
      { id: 'ops-hook', lastDelivery: null }, { id: 'ops-slack', lastDelivery: null },
    ]);
  });

  it('refuses non-admins (FORBIDDEN) and unknown channels (BAD_USER_INPUT, naming it), sending nothing', async () => {
    hits = [];
    const before = (await t.db.select<{ n: string }>('test.count', 'SELECT count() AS n FROM alert_notifications', {}))[0]!.n;
    for (const who of [EU_EDITOR, VIEWER, { username: 'ed', role: 'editor', scope: {} } as Access]) {
      expect(code(await withChannels.gql(SEND, { channel: 'ops-hook' }, who))).toBe('FORBIDDEN');
    }
    const unknown = await withChannels.gql(SEND, { channel: 'ops-pager' }, ADMIN);
    expect(code(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0]!.extensions.argument).toBe('channel');
    expect(unknown.errors![0]!.message).toBe('channel: unknown channel "ops-pager". Configured: ops-hook, ops-slack.');
    expect(hits).toEqual([]);
    expect((await t.db.select<{ n: string }>('test.count', 'SELECT count() AS n FROM alert_notifications', {}))[0]!.n).toBe(before);
  });
});
