// Two Vigil servers behind one load balancer, as two apps in one process on one embedded engine
// (chDB opens a data folder once per process), each with its own answer cache and with
// VIGIL_SHARED_STATE=clickhouse: what one server learns, the other must act on — a throttled
// sign-in, a session, an ingested batch (within the cache's stated bound), a user's rate limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { loadAnalyticsFixture } from '../testing/analyticsFixture.js';
import { startTestApi, TEST_ADMIN, type TestApi } from '../testing/testApi.js';
import { AnswerCache } from '../db/answerCache.js';
import type { Database } from '../db/database.js';
import { shareWatermark } from '../db/sharedLedger.js';

/** VIGIL_CACHE_STALE_MS of both servers: how long an answer may miss another server's batch. */
const BOUND_MS = 1500;
const PASSWORD = 'a long enough password';
const ENV = { VIGIL_SHARED_STATE: 'clickhouse', VIGIL_ALERTS: '0', VIGIL_TRUSTED_PROXIES: '127.0.0.1', VIGIL_USER_RATE: '0.1', VIGIL_USER_BURST: '6' };
const INGEST = { maxBytes: 65536, maxRows: 100, ratePerSecond: 1000, burst: 1000 };

let t: TestDatabase;
let one: TestApi;
let two: TestApi;
let dbOne: Database;
let dbTwo: Database;
let token: string;

function serverDb(): Database {
  const db = t.db.withAnswerCache(new AnswerCache({ maxBytes: 64 * 1024 * 1024, staleMs: null }));
  shareWatermark(db, { sharedState: 'clickhouse', cache: { staleMs: BOUND_MS } });
  return db;
}

beforeAll(async () => {
  t = await openTestDatabase();
  await loadAnalyticsFixture(t.db);
  [dbOne, dbTwo] = [serverDb(), serverDb()];
  one = await startTestApi(t, { http: true, env: ENV, ingest: INGEST, db: dbOne });
  two = await startTestApi(t, { http: true, env: ENV, ingest: INGEST, db: dbTwo });
  await one.security.accounts.create('zed', PASSWORD, { role: 'viewer' }, 'test', []);
  await one.security.accounts.create('vi', PASSWORD, { role: 'viewer' }, 'test', []);
  token = (await one.security.tokens.create('producer', [], 'test')).secret;
});
afterAll(async () => {
  await one.stop();
  await two.stop();
  await t.close();
});

const login = (api: TestApi, username: string, password: string, ip: string) =>
  fetch(`${api.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ username, password }) });
const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;
const post = (api: TestApi, path: string, body: unknown, cookie: string) =>
  fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
const KPI = (alias: string) => `${alias}: kpis(input: { metrics: ["decisions"], comparison: PREVIOUS_PERIOD, range: { from: "2026-03-01T00:00:00Z", to: "2026-03-08T00:00:00Z" } }) { current { value } }`;

describe('two Vigil servers on one database', () => {
  it('refuses on one server the sign-in the other throttled', async () => {
    for (let i = 0; i < 5; i++) expect((await login(one, 'zed', `wrong guess ${i}!`, '10.60.0.1')).status).toBe(401);
    const elsewhere = await login(two, 'zed', PASSWORD, '10.60.0.1');
    expect(elsewhere.status).toBe(429);
    // 30 s from the fifth failure, less the time since it
    const retryAfter = Number(elsewhere.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(20);
    expect(retryAfter).toBeLessThanOrEqual(30);
    // the owner from another address is let in, by either server
    expect((await login(two, 'zed', PASSWORD, '10.60.0.2')).status).toBe(200);
  });

  it('honours on one server a session made on the other, and its sign-out', async () => {
    const cookie = cookieOf(await login(one, TEST_ADMIN.username, TEST_ADMIN.password, '10.60.1.1'));
    const me = await post(two, '/graphql', { query: '{ me { username } }' }, cookie);
    expect(((await me.json()) as any).data.me.username).toBe(TEST_ADMIN.username);
    expect((await post(two, '/auth/logout', {}, cookie)).status).toBeLessThan(300);
    expect((await post(one, '/graphql', { query: '{ me { username } }' }, cookie)).status).toBe(401);
  });

  it("serves no answer older than a batch ingested on the other server for longer than VIGIL_CACHE_STALE_MS", async () => {
    const cookie = cookieOf(await login(two, TEST_ADMIN.username, TEST_ADMIN.password, '10.60.2.1'));
    const decisions = async (api: TestApi) => Number(((await (await post(api, '/graphql', { query: `{ ${KPI('k')} }` }, cookie)).json()) as any).data.k[0].current.value);
    // the fixture's decisions decided from 1 to 8 March: #1–#8 (analyticsFixture.ts)
    expect(await decisions(two)).toBe(8);
    const executions = dbTwo.answers!.stats().executions;
    expect(await decisions(two)).toBe(8);
    expect(dbTwo.answers!.stats().executions - executions).toBe(0); // kept: nobody wrote
    const row = {
      decision_id: 'two-servers-1', content_id: 'c-two-1', posted_at: '2026-03-02T09:58:00Z', flagged_at: '2026-03-02T09:58:40Z', decided_at: '2026-03-02T10:01:05Z',
      country: 'BR', policy: 'hate_speech', content_type: 'video', detection_source: 'automated', enforcement_path: 'automated', action: 'removed',
    };
    const ingested = await fetch(`${one.url}/ingest/v1/moderation-decisions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' }, body: JSON.stringify(row) });
    expect(((await ingested.json()) as any).accepted).toBe(1);
    const acknowledged = Date.now();
    expect(await decisions(one)).toBe(9);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, acknowledged + BOUND_MS - Date.now())));
    expect(await decisions(two)).toBe(9);
  });

  it('holds one per-user rate limit across both servers under a concurrent burst', async () => {
    const cookie = cookieOf(await login(one, 'vi', PASSWORD, '10.60.3.1'));
    // two expensive fields per request, 6 per 60 s (VIGIL_USER_BURST / VIGIL_USER_RATE): 3 requests in all
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => post(i % 2 ? one : two, '/graphql', { query: `{ ${KPI('a')} ${KPI('b')} }` }, cookie).then((r) => r.status)));
    const admitted = statuses.filter((s) => s === 200).length;
    expect(admitted).toBeLessThanOrEqual(3);
    expect(admitted).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 429)).toBe(true);
  });

  it('holds one per-token ingestion rate limit across both servers under a concurrent burst', async () => {
    // 3 requests per 30 s (VIGIL_INGEST_BURST 3, VIGIL_INGEST_RATE 0.1) for the token, in all
    const tight = { ...INGEST, ratePerSecond: 0.1, burst: 3 };
    const servers = [await startTestApi(t, { http: true, env: ENV, ingest: tight, db: dbOne }), await startTestApi(t, { http: true, env: ENV, ingest: tight, db: dbTwo })];
    try {
      const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => fetch(`${servers[i % 2]!.url}/ingest/v1/qa-audits`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' }, body: '{}',
      }).then((r) => r.status)));
      // within the limit the empty event is refused as invalid (422): nothing is written either way
      const admitted = statuses.filter((s) => s === 422).length;
      expect(admitted).toBeLessThanOrEqual(3);
      expect(admitted).toBeGreaterThanOrEqual(1);
      expect(statuses.filter((s) => s !== 422).every((s) => s === 429)).toBe(true);
    } finally {
      for (const s of servers) await s.stop();
    }
  });
});
