// The first query, end to end through Apollo and the HTTP app, on the hand-made fixture
// (server/testing/fixtures.ts): decisions at 10:00 — EU #1 #2 #3, NA #4 — and 11:00 — EU #6, NA #5.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { loadModerationFixture } from '../testing/fixtures.js';
import { createApolloServer } from './server.js';
import { createApp } from '../http/app.js';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLContext } from './context.js';

let t: TestDatabase;
let apollo: ApolloServer<GraphQLContext>;
let http: Server;
let base: string;

beforeAll(async () => {
  t = await openTestDatabase();
  await loadModerationFixture(t.db);
  apollo = createApolloServer();
  await apollo.start();
  http = createApp({ db: t.db, log: t.log, apollo, clientDir: '/nonexistent' }).listen(0, '127.0.0.1');
  await new Promise((r) => http.once('listening', r));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => http.close(r));
  await apollo.stop();
  await t.close();
});

const QUERY = `query($range: TimeRangeInput!, $grain: Grain!, $filter: SliceFilter, $groupBy: ModerationDimension) {
  moderationDecisions(range: $range, grain: $grain, filter: $filter, groupBy: $groupBy) {
    grain buckets total groups { key label values total }
  }
}`;

async function run(variables: Record<string, unknown>, query = QUERY) {
  const res = await apollo.executeOperation({ query, variables }, { contextValue: { db: t.db, log: t.log } });
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  return res.body.singleResult;
}

const range = { from: '2026-03-02T09:00:00Z', to: '2026-03-02T12:00:00Z' };

describe('moderationDecisions', () => {
  it('returns the hourly series, gap-filled, in one group without groupBy', async () => {
    const r = await run({ range, grain: 'HOUR' });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      moderationDecisions: {
        grain: 'HOUR',
        buckets: ['2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z'],
        total: 6,
        groups: [{ key: 'all', label: 'All decisions', values: [0, 4, 2], total: 6 }],
      },
    });
  });

  it('groups by region, largest first, and the groups add up to the total', async () => {
    const r = await run({ range, grain: 'HOUR', groupBy: 'REGION' });
    const s = (r.data as any).moderationDecisions;
    expect(s.groups).toEqual([
      { key: 'EU', label: 'Europe', values: [0, 3, 1], total: 4 },
      { key: 'NA', label: 'North America', values: [0, 1, 1], total: 2 },
    ]);
    expect(s.groups.reduce((a: number, g: any) => a + g.total, 0)).toBe(s.total);
  });

  it('filters by region and policy, and groups by action', async () => {
    const r = await run({ range, grain: 'DAY', filter: { regions: ['EU'], policies: ['hate_speech'] }, groupBy: 'ACTION' });
    const s = (r.data as any).moderationDecisions;
    expect(s.buckets).toEqual(['2026-03-02T00:00:00Z']);
    // EU hate speech: #1 removed, #2 none, #3 restricted, #6 removed
    expect(s.groups.map((g: any) => [g.key, g.total])).toEqual([['removed', 2], ['none', 1], ['restricted', 1]]);
  });

  it('buckets by ISO week starting on Monday', async () => {
    const r = await run({ range: { from: '2026-02-26T00:00:00Z', to: '2026-03-10T00:00:00Z' }, grain: 'WEEK' });
    const s = (r.data as any).moderationDecisions;
    // 2026-02-26 is a Thursday: its week starts on Monday 2026-02-23; the fixture is in the week of 2026-03-02
    expect(s.buckets).toEqual(['2026-02-23T00:00:00Z', '2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z']);
    expect(s.groups[0].values).toEqual([0, 6, 0]);
  });

  it.each([
    ['from after to', { range: { from: '2026-03-03T00:00:00Z', to: '2026-03-02T00:00:00Z' }, grain: 'DAY' }, /range\.from .* must be before range\.to/],
    ['from equal to to', { range: { from: '2026-03-02T00:00:00Z', to: '2026-03-02T00:00:00Z' }, grain: 'DAY' }, /must be before/],
    ['an unknown region', { range, grain: 'HOUR', filter: { regions: ['EU', 'ATLANTIS'] } }, /filter\.regions: unknown value "ATLANTIS"\. Allowed: NA, LATAM/],
    ['an unknown policy', { range, grain: 'HOUR', filter: { policies: ["x' OR 1=1 --"] } }, /filter\.policies: unknown value/],
    ['an absurd range for the grain', { range: { from: '2025-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }, grain: 'HOUR' }, /at most 42 days/],
    ['a range outside the supported years', { range: { from: '1970-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }, grain: 'WEEK' }, /between 2000-01-01 and 2100-01-01/],
    ['a date that is not ISO-8601', { range: { from: 'yesterday', to: '2026-03-01T00:00:00Z' }, grain: 'DAY' }, /range\.from must be an ISO-8601 instant/],
    ['a time not on a whole hour', { range: { from: '2026-03-02T09:30:00Z', to: '2026-03-02T12:00:00Z' }, grain: 'HOUR' }, /whole hours/],
  ])('rejects %s with BAD_USER_INPUT', async (_name, variables, message) => {
    const r = await run(variables);
    expect(r.data).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.message).toMatch(message);
  });

  it('rejects a value of the wrong type before any query runs', async () => {
    const r = await run({ range, grain: 'MONTH' });
    expect(r.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.message).toMatch(/Grain/);
  });
});

describe('dimensions', () => {
  it('lists the regions and policies with labels, and the span of the data', async () => {
    const r = await run({}, '{ dimensions { regions { code label } policies { code } dataFrom dataTo } }');
    const d = (r.data as any).dimensions;
    expect(d.regions).toContainEqual({ code: 'EU', label: 'Europe' });
    expect(d.policies).toHaveLength(12);
    expect([d.dataFrom, d.dataTo]).toEqual(['2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z']);
  });
});

describe('HTTP', () => {
  it('answers /healthz with the database status', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'embedded' });
  });

  it('answers a malformed body with a 400 and a JSON error, without internals', async () => {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ error: 'The request body is not valid JSON.' });
    expect(body).not.toMatch(/at .*\.js/);
  });

  it('serves GraphQL over HTTP with coded errors and no stack traces', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY, variables: { range: { from: '2026-03-03T00:00:00Z', to: '2026-03-02T00:00:00Z' }, grain: 'DAY' } }),
    });
    const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]!.extensions).not.toHaveProperty('stacktrace');
  });

  it('answers an unknown path with a JSON 404', async () => {
    const res = await fetch(`${base}/nope.js`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'Not found.' });
  });
});
