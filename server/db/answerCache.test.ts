// The answer cache on the real embedded engine: a question asked twice, or by 50 people at once,
// reaches the engine once; a stored batch is in the next answer; different slices (the scope is a
// slice) never share an answer; failures are not kept; memory stays under its bound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, at, type TestDatabase } from '../testing/testDatabase.js';
import { loadModerationFixture } from '../testing/fixtures.js';
import { totalStatements, type Slice } from '../queries/metricQuery.js';
import { run, type Statement } from '../queries/statements.js';
import { metricById } from '../definitions/metricCatalogue.js';
import { Ingestor } from '../ingest/ingest.js';
import { streamByName } from '../ingest/streams.js';
import { parseBatch, validateBatch } from '../ingest/validate.js';
import { revokeSessionStatement } from '../queries/accessQueries.js';
import { AnswerCache } from './answerCache.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
  await loadModerationFixture(t.db);
});
afterAll(async () => t.close());

const DAY: Slice = { from: at('2026-03-02T00:00:00Z'), to: at('2026-03-03T00:00:00Z'), filters: new Map() };
const decisionsStatement = (slice: Slice = DAY): Statement => totalStatements(metricById('decisions')!, slice)[0]!;
const decisions = async (s: Statement) => Number((await run<{ value: string }>(t.db, s))[0]!.value);

/** Engine reads while `f` runs. */
async function readsDuring(f: () => Promise<unknown>): Promise<number> {
  const before = t.db.readsExecuted;
  await f();
  return t.db.readsExecuted - before;
}

describe('answer cache on the engine', () => {
  it('answers the same question twice with one engine query', async () => {
    const s = decisionsStatement();
    // fixtures.ts: six decisions on 2026-03-02
    expect(await readsDuring(async () => expect(await decisions(s)).toBe(6))).toBe(1);
    expect(await readsDuring(async () => expect(await decisions(s)).toBe(6))).toBe(0);
  });

  it('runs 50 identical questions in flight once', async () => {
    t.db.answers!.clear();
    let answers: number[] = [];
    const reads = await readsDuring(async () => {
      answers = await Promise.all(Array.from({ length: 50 }, () => decisions(decisionsStatement())));
    });
    expect(reads).toBe(1);
    expect(answers).toEqual(Array(50).fill(6));
  });

  it('never shares an answer between different slices', async () => {
    const eu = decisionsStatement({ ...DAY, filters: new Map([['REGION', ['EU']]]) });
    const na = decisionsStatement({ ...DAY, filters: new Map([['REGION', ['NA']]]) });
    // fixtures.ts: #1 #2 #3 #6 are EU, #4 #5 NA
    expect(await readsDuring(async () => expect([await decisions(eu), await decisions(na)]).toEqual([4, 2]))).toBe(2);
  });

  it('includes an ingested batch in the next answer', async () => {
    const s = decisionsStatement();
    expect(await decisions(s)).toBe(6);
    const stream = streamByName.get('moderation-decisions')!;
    const event = {
      decision_id: 'cache-7', content_id: 'c-cache-7', posted_at: '2026-03-02T12:00:00Z', flagged_at: '2026-03-02T12:01:00Z', decided_at: '2026-03-02T12:02:00Z',
      country: 'DE', policy: 'hate_speech', content_type: 'video', detection_source: 'automated', enforcement_path: 'automated', action: 'removed',
    };
    const batch = validateBatch(stream, parseBatch(JSON.stringify(event), 'ndjson'));
    expect(batch.errors).toEqual([]);
    expect((await new Ingestor(t.db).ingest(stream, batch)).accepted).toBe(1);
    expect(await readsDuring(async () => expect(await decisions(s)).toBe(7))).toBe(1);
  });

  it('keeps answers when only sign-in tables are written', async () => {
    const s = decisionsStatement();
    await decisions(s);
    const revoke = revokeSessionStatement('no-such-session');
    await t.db.command(revoke.operation, revoke.sql, revoke.params);
    expect(await readsDuring(() => decisions(s))).toBe(0);
    // and a write anywhere else does not
    await t.db.command('test.other_write', revoke.sql, revoke.params);
    expect(await readsDuring(() => decisions(s))).toBe(1);
  });

  it('does not keep a failure: the next asker runs the statement again', async () => {
    const bad: Statement = { operation: 'metrics.total', sql: 'SELECT no_such_column AS value FROM moderation_hourly', params: {} };
    const reads = await readsDuring(async () => {
      await expect(run(t.db, bad)).rejects.toThrow(/no_such_column/i);
      await expect(run(t.db, bad)).rejects.toThrow(/no_such_column/i);
    });
    expect(reads).toBe(2);
  });

  it('never caches statements outside the allow-list', async () => {
    const s = { ...decisionsStatement(), operation: 'users.count' };
    expect(await readsDuring(async () => { await run(t.db, s); await run(t.db, s); })).toBe(2);
  });
});

describe('AnswerCache', () => {
  const rowsOf = (n: number) => [{ v: 'x'.repeat(n) }];

  it('drops the least recently used answers beyond its byte bound', async () => {
    // each answer ≈ 2 × (key + 1,010 characters of JSON) ≈ 2 kB: the bound holds two, not three
    const cache = new AnswerCache({ maxBytes: 5000, staleMs: null });
    let computed = 0;
    const ask = (key: string) => cache.through(key, async () => (computed++, rowsOf(1000)));
    await ask('a');
    await ask('b');
    await ask('a'); // a is now the most recently used
    await ask('c'); // over the bound: b goes
    expect(computed).toBe(3);
    expect(cache.stats().bytes).toBeLessThanOrEqual(5000);
    await ask('a');
    await ask('c');
    expect(computed).toBe(3);
    await ask('b');
    expect(computed).toBe(4);
  });

  it('does not keep an answer larger than the whole bound', async () => {
    const cache = new AnswerCache({ maxBytes: 100, staleMs: null });
    let computed = 0;
    const ask = () => cache.through('big', async () => (computed++, rowsOf(1000)));
    expect((await ask())[0]).toEqual({ v: 'x'.repeat(1000) });
    await ask();
    expect(computed).toBe(2);
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('expires answers staleMs after their computation started (other writers)', async () => {
    let now = 1_000_000;
    const cache = new AnswerCache({ maxBytes: 1e6, staleMs: 5000, now: () => now });
    let computed = 0;
    const ask = () => cache.through('k', async () => [{ n: ++computed }]);
    expect(await ask()).toEqual([{ n: 1 }]);
    now += 5000;
    expect(await ask()).toEqual([{ n: 1 }]);
    now += 1;
    expect(await ask()).toEqual([{ n: 2 }]);
  });

  it('does not keep an answer whose computation overlapped a write', async () => {
    const cache = new AnswerCache({ maxBytes: 1e6, staleMs: null });
    let release!: () => void;
    const slow = cache.through('k', () => new Promise<{ n: number }[]>((r) => (release = () => r([{ n: 1 }]))));
    cache.advance();
    release();
    expect(await slow).toEqual([{ n: 1 }]);
    expect(await cache.through('k', async () => [{ n: 2 }])).toEqual([{ n: 2 }]);
  });
});
