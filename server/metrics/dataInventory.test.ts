// The kept catalogue: a stored batch's new values and decision hours are merged in without
// rescanning the rollups, and agree with a full read; over HTTP an ingested batch reaches the
// GraphQL catalogue; a stale catalogue is served while it is read again.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, at, type TestDatabase } from '../testing/testDatabase.js';
import { loadModerationFixture } from '../testing/fixtures.js';
import { startTestApi, type TestApi } from '../testing/testApi.js';
import { gqlOverHttp } from '../testing/signIn.js';
import { Ingestor } from '../ingest/ingest.js';
import { streamByName } from '../ingest/streams.js';
import { parseBatch, validateBatch } from '../ingest/validate.js';
import { DataCatalogueCache, catalogueVersion } from './dataInventory.js';
import { dimensionValuesStatement } from '../queries/catalogueQueries.js';

let t: TestDatabase;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDatabase();
  await loadModerationFixture(t.db);
  api = await startTestApi(t, { http: true, ingest: { maxBytes: 1 << 20, maxRows: 100, ratePerSecond: 1000, burst: 1000 } });
});
afterAll(async () => {
  await api.stop();
  await t.close();
});

const stream = streamByName.get('moderation-decisions')!;
const decision = (id: string, country: string, queue: string, decidedAt: string) => ({
  decision_id: id, content_id: `c-${id}`, posted_at: '2026-03-04T00:00:00Z', flagged_at: '2026-03-04T00:00:00Z', enqueued_at: '2026-03-04T00:00:00Z', decided_at: decidedAt,
  country, policy: 'hate_speech', content_type: 'video', detection_source: 'user_report', enforcement_path: 'human', action: 'removed', queue, sla_seconds: 3600,
});

async function ingest(events: object[]) {
  const batch = validateBatch(stream, parseBatch(events.map((e) => JSON.stringify(e)).join('\n'), 'ndjson'));
  expect(batch.errors).toEqual([]);
  await new Ingestor(t.db).ingest(stream, batch);
  return { table: stream.table, records: batch.rows.map((r) => r.record) };
}

describe('catalogue kept across ingestion', () => {
  it('merges a batch without rescanning, and agrees with a full read', async () => {
    const cache = new DataCatalogueCache(t.db);
    const before = await cache.get();
    // fixtures.ts: queues review-eu and review-na; regions EU and NA; decisions 10:00–11:59 on 2026-03-02
    expect(before.values.get('QUEUE')).toEqual(['review-eu', 'review-na']);
    expect(before.values.get('REGION')).toEqual(['EU', 'NA']);
    expect(before.span).toEqual({ from: at('2026-03-02T10:00:00Z'), to: at('2026-03-02T11:00:00Z') });

    // Brazil lies in LATAM (taxonomy); decided 2026-03-05 08:30 → hour 08:00
    cache.noteIngested(await ingest([decision('cat-1', 'BR', 'review-latam', '2026-03-05T08:30:00Z')]));
    const reads = t.db.readsExecuted;
    const after = await cache.get();
    expect(t.db.readsExecuted - reads).toBe(0);
    expect(after.values.get('QUEUE')).toEqual(['review-eu', 'review-latam', 'review-na']);
    expect(after.values.get('REGION')).toEqual(['EU', 'LATAM', 'NA']);
    expect(after.values.get('COUNTRY')).toEqual(['BR', 'DE', 'FR', 'US']);
    expect(after.span).toEqual({ from: at('2026-03-02T10:00:00Z'), to: at('2026-03-05T08:00:00Z') });
    // the first answer given out is not changed under its holder
    expect(before.values.get('QUEUE')).toEqual(['review-eu', 'review-na']);

    const full = await new DataCatalogueCache(t.db).get();
    expect(full.values).toEqual(after.values);
    expect(full.span).toEqual(after.span);
  });

  it('reads dimension values kept from the daily twins, never from the hourly rollups they stand for', () => {
    const s = dimensionValuesStatement();
    expect([...s.sql.matchAll(/FROM (\w+)/g)].map((m) => m[1])).toEqual(['dimension_values']);
    const tables = new Set(s.params.sources as string[]);
    for (const daily of ['moderation_daily', 'moderation_region_policy_daily', 'review_flow_daily', 'appeals_daily']) expect(tables.has(daily), daily).toBe(true);
    for (const hourly of ['moderation_hourly', 'moderation_region_policy_hourly', 'review_flow_hourly', 'appeals_hourly']) expect(tables.has(hourly), hourly).toBe(false);
  });

  it('shows an ingested batch in the GraphQL catalogue over HTTP', async () => {
    const cookie = await api.signIn('admin', 'correct horse battery staple');
    const q = '{ catalogue { dimensions { id values { code } } dataTo } }';
    await gqlOverHttp(api.url, cookie, q);
    const token = (await api.security.tokens.create('catalogue test', [], 'test')).secret;
    const res = await fetch(`${api.url}/ingest/v1/moderation-decisions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      body: JSON.stringify(decision('cat-2', 'DE', 'review-night', '2026-03-06T23:59:00Z')),
    });
    expect(res.status).toBe(200);
    const c = (await gqlOverHttp(api.url, cookie, q)).catalogue;
    expect(c.dimensions.find((d: { id: string }) => d.id === 'QUEUE').values.map((v: { code: string }) => v.code)).toContain('review-night');
    // the last hour with decisions is 23:00; the data reach to its end
    expect(c.dataTo).toBe('2026-03-07T00:00:00Z');
  });

  it('serves the catalogue in hand while it is read again, whose version changes only when what it holds does', async () => {
    const cache = new DataCatalogueCache(t.db, 0);
    const first = await cache.get();
    // another process stores a decision with a new queue: not merged here, found by a read again
    await ingest([decision('cat-3', 'DE', 'review-elsewhere', '2026-03-04T10:00:00Z')]);
    // get() wraps the kept catalogue per asker, so identity is checked on what it keeps (values)
    expect((await cache.get()).values).toBe(first.values); // stale: served at once, a read starts behind it
    await vi.waitFor(async () => expect((await cache.get()).values.get('QUEUE')).toContain('review-elsewhere'));
    const changed = await cache.get();
    expect(catalogueVersion(changed)).not.toBe(catalogueVersion(first));
    // reads again that find nothing new keep the version (answers kept under it stay)
    const reads = t.db.readsExecuted;
    await vi.waitFor(async () => {
      await cache.get();
      expect(t.db.readsExecuted - reads).toBeGreaterThanOrEqual(8); // two reads again begun: the first is done
    });
    expect(catalogueVersion(await cache.get())).toBe(catalogueVersion(changed));
  });
});
