// The answer cache's shared watermark (VIGIL_SHARED_STATE=clickhouse), the same tests on both
// write-mark implementations: two caches stand for two servers. An answer may miss another
// server's acknowledged write for at most pollMs (VIGIL_CACHE_STALE_MS) after it, and is kept as
// long as nobody writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { AnswerCache, type WriteMarks } from './answerCache.js';
import { ClickHouseWriteMarks, MemoryWriteMarks } from './sharedLedger.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

const POLL_MS = 1000;

describe.each([
  ['in this process', (): [WriteMarks, WriteMarks] => { const m = new MemoryWriteMarks(); return [m, m]; }],
  ['in ClickHouse', (): [WriteMarks, WriteMarks] => [new ClickHouseWriteMarks(t.db, 'server-one'), new ClickHouseWriteMarks(t.db, 'server-two')]],
])('write marks %s', (_where, marksOf) => {
  it("forgets another server's answers within pollMs of an acknowledged write, and keeps them otherwise", async () => {
    let now = 0;
    const [marksOne, marksTwo] = marksOf();
    const [one, two] = [new AnswerCache({ maxBytes: 1 << 20, staleMs: 5, now: () => now }), new AnswerCache({ maxBytes: 1 << 20, staleMs: 5, now: () => now })];
    one.shareWatermark(marksOne, POLL_MS);
    two.shareWatermark(marksTwo, POLL_MS);
    let stored = 1;
    const ask = () => two.through('decisions', async () => [stored]);
    expect(await ask()).toEqual([1]);
    now = 900; // far past the unshared expiry (5 ms): a shared watermark keeps answers by writes, not age
    expect(await ask()).toEqual([1]);
    expect(two.stats().executions).toBe(1);
    // server one writes, and publishes before acknowledging
    stored = 2;
    one.advance();
    await one.publish();
    now = 999; // two looked at the marks at 0: it may still serve the old answer
    expect(await ask()).toEqual([1]);
    now = 1000; // pollMs after that look: it looks again, sees the write, asks the engine
    expect(await ask()).toEqual([2]);
    expect(two.stats().executions).toBe(2);
    now = 2500; // looks again: nobody wrote, the answer stays
    expect(await ask()).toEqual([2]);
    expect(two.stats().executions).toBe(2);
  });
});

describe('write marks in ClickHouse', () => {
  it("leave a server's own writes to its cache: an answer of tables it did not write stays", async () => {
    let now = 0;
    const cache = new AnswerCache({ maxBytes: 1 << 20, staleMs: 5, coalesceMs: 5, now: () => now });
    cache.shareWatermark(new ClickHouseWriteMarks(t.db, 'server-solo'), POLL_MS);
    let computed = 0;
    const ask = () => cache.through('moderation', async () => [++computed], ['moderation_daily']);
    expect(await ask()).toEqual([1]);
    // this server stores a batch of labels, and publishes it for the others
    cache.advance(['annotation_labels', 'annotation_labels_hourly']);
    await cache.publish();
    now = POLL_MS; // it looks at the others' marks again: none wrote
    expect(await ask()).toEqual([1]);
    expect(cache.stats().executions).toBe(1);
  });
});
