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
import { AnswerCache, noteUnkeepableRead } from './answerCache.js';
import type { Database } from './database.js';
import { markersStatement } from '../queries/markerQueries.js';
import { createNote } from '../retro/documents.js';
import { FULL_ACCESS, scopeBounds } from '../access/access.js';

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

/** A moderation decision decided at `decidedAt`, as a producer sends it. */
const decisionEvent = (id: string, decidedAt: string) => ({
  decision_id: id, content_id: `c-${id}`, posted_at: '2026-05-01T09:00:00Z', flagged_at: '2026-05-01T09:01:00Z', decided_at: decidedAt,
  country: 'DE', policy: 'hate_speech', content_type: 'video', detection_source: 'automated', enforcement_path: 'automated', action: 'removed',
});

describe('precise, coalesced expiry on the engine (a window of VIGIL_CACHE_STALE_MS)', () => {
  const WINDOW_MS = 5000;
  // a day no fixture decision falls on: every decision counted there is one a test stored
  const MAY_1: Slice = { from: at('2026-05-01T00:00:00Z'), to: at('2026-05-02T00:00:00Z'), filters: new Map() };
  let now = 1_000_000;
  let db: Database;
  let cache: AnswerCache;
  let ingestor: Ingestor;
  const stats = () => cache.stats();
  const mayDecisions = async () => Number((await run<{ value: string }>(db, decisionsStatement(MAY_1)))[0]!.value);
  async function store(streamName: string, events: object[]): Promise<void> {
    const stream = streamByName.get(streamName)!;
    const batch = validateBatch(stream, parseBatch(events.map((e) => JSON.stringify(e)).join('\n'), 'ndjson'));
    expect(batch.errors).toEqual([]);
    expect((await ingestor.ingest(stream, batch)).accepted).toBe(events.length);
  }

  beforeAll(() => {
    cache = new AnswerCache({ maxBytes: 1 << 24, staleMs: null, coalesceMs: WINDOW_MS, now: () => now });
    db = t.db.withAnswerCache(cache);
    ingestor = new Ingestor(db);
  });

  it('keeps a moderation answer when a batch of annotation labels is stored', async () => {
    expect(await mayDecisions()).toBe(0);
    const before = stats();
    await store('annotation-labels', [{
      label_id: 'cache-label-1', task_id: 'cache-task-1', annotator_id: 'tessera-bogota-12', vendor: 'tessera', site: 'tessera-bogota', queue: 'es-general',
      language: 'es', region: 'LATAM', policy: 'hate_speech', task_created_at: '2026-05-01T08:00:00Z', submitted_at: '2026-05-01T08:41:00Z', answer: 'violating', handle_seconds: 38,
    }]);
    // far past the window, too: nothing the answer read was written
    now += 10 * WINDOW_MS;
    expect(await mayDecisions()).toBe(0);
    expect(stats().executions - before.executions).toBe(0);
    expect(stats().hits - before.hits).toBe(1);
    // the label was stored: the engine counts it
    const [stored] = await db.select<{ n: string }>('test.count', "SELECT count() AS n FROM annotation_labels WHERE label_id = 'cache-label-1'");
    expect(Number(stored!.n)).toBe(1);
  });

  it('includes a moderation batch in the next answer no later than the window after it', async () => {
    now += 10 * WINDOW_MS;
    cache.clear();
    expect(await mayDecisions()).toBe(0);
    await store('moderation-decisions', [decisionEvent('cache-may-1', '2026-05-01T10:00:00Z')]);
    const acknowledged = now;
    now = acknowledged + WINDOW_MS - 1; // within the window the answer computed before may be served
    expect(await mayDecisions()).toBe(0);
    now = acknowledged + WINDOW_MS; // the window is over: recomputed, with the batch
    expect(await mayDecisions()).toBe(1);
  });

  it('has a hand-written incident note in the next markers answer at once, within the window', async () => {
    now += 10 * WINDOW_MS;
    const markers = async () => (await run<{ title: string }>(db, markersStatement(at('2026-05-01T00:00:00Z'), at('2026-05-02T00:00:00Z'), [], [], scopeBounds(FULL_ACCESS)))).map((m) => m.title);
    expect(await markers()).toEqual([]);
    const before = stats();
    expect(await markers()).toEqual([]);
    expect(stats().hits - before.hits).toBe(1); // kept, like other dashboard reads
    const known = { models: [], vendors: [], visibleModels: [], visibleVendors: [] };
    await createNote(db, { startsAt: '2026-05-01T09:00:00Z', title: 'Spam wave' }, known, FULL_ACCESS);
    // no window for a hand-made change: the same instant
    expect(await markers()).toEqual(['Spam wave']);
  });

  it('recomputes an answer at most once per window during a burst of 20 batches', async () => {
    now += 10 * WINDOW_MS;
    expect(await mayDecisions()).toBe(1); // stored by the previous test
    const before = stats();
    const burstStart = now + 100;
    for (let i = 1; i <= 20; i++) {
      now = burstStart + (i - 1) * 200; // 20 batches in 3.8 s, inside one window
      await store('moderation-decisions', [decisionEvent(`cache-burst-${i}`, '2026-05-01T11:00:00Z')]);
      expect(await mayDecisions()).toBe(1);
    }
    expect(stats().executions - before.executions).toBe(0);
    now = burstStart + WINDOW_MS; // a window after the burst's first batch: every batch is in
    expect(await mayDecisions()).toBe(21);
    expect(await mayDecisions()).toBe(21);
    expect(stats().executions - before.executions).toBe(1);
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

describe('AnswerCache expiry by table', () => {
  it('expires only answers that read a changed table, and those at once without a window', async () => {
    const cache = new AnswerCache({ maxBytes: 1e6, staleMs: null });
    let computed = 0;
    const ask = (key: string, reads: string[]) => cache.through(key, async () => [{ n: ++computed }], reads);
    await ask('moderation', ['moderation_daily']);
    await ask('labels', ['annotation_labels_hourly']);
    cache.advance(['annotation_labels', 'annotation_labels_hourly']);
    expect(await ask('moderation', ['moderation_daily'])).toEqual([{ n: 1 }]);
    expect(await ask('labels', ['annotation_labels_hourly'])).toEqual([{ n: 3 }]);
    // a write whose tables are unknown expires everything
    cache.advance(null);
    expect(await ask('moderation', ['moderation_daily'])).toEqual([{ n: 4 }]);
  });

  it('keeps an answer whose computation overlapped a write to its tables only for that write\'s window', async () => {
    let now = 0;
    const cache = new AnswerCache({ maxBytes: 1e6, staleMs: null, coalesceMs: 1000, now: () => now });
    let release!: () => void;
    const slow = cache.through('k', () => new Promise<{ n: number }[]>((r) => (release = () => r([{ n: 1 }]))), ['t']);
    now = 10;
    cache.advance(['t']);
    release();
    expect(await slow).toEqual([{ n: 1 }]);
    now = 1009;
    expect(await cache.through('k', async () => [{ n: 2 }], ['t'])).toEqual([{ n: 1 }]);
    now = 1010;
    expect(await cache.through('k', async () => [{ n: 2 }], ['t'])).toEqual([{ n: 2 }]);
  });
});

describe('AnswerCache: answers composed from statements', () => {
  it('keeps a composed answer with the tables its statements read, and expires it with them', async () => {
    const cache = new AnswerCache({ maxBytes: 1e6, staleMs: null });
    let composed = 0;
    const ask = () => cache.throughComposed('q', async () => {
      const [a] = await cache.through('s1', async () => [{ n: 1 }], ['moderation_daily']);
      const [b] = await cache.through('s2', async () => [{ n: 2 }], ['qa_audits_daily']);
      return { sum: a!.n + b!.n, run: ++composed };
    });
    expect(await ask()).toEqual({ sum: 3, run: 1 });
    cache.advance(['annotation_labels_daily']);
    expect(await ask()).toEqual({ sum: 3, run: 1 });
    cache.advance(['qa_audits_daily']);
    expect(await ask()).toEqual({ sum: 3, run: 2 });
  });

  it('does not keep a composed answer that read something never cached', async () => {
    const cache = new AnswerCache({ maxBytes: 1e6, staleMs: null });
    let composed = 0;
    const ask = () => cache.throughComposed('q', async () => {
      await cache.through('s1', async () => [{ n: 1 }], ['moderation_daily']);
      noteUnkeepableRead();
      return ++composed;
    });
    expect([await ask(), await ask()]).toEqual([1, 2]);
  });

  it('never outlives a statement answer it was built from that was already behind a write', async () => {
    let now = 0;
    const cache = new AnswerCache({ maxBytes: 1e6, staleMs: null, coalesceMs: 1000, now: () => now });
    let statementRuns = 0;
    const statement = () => cache.through('s', async () => [{ n: ++statementRuns }], ['moderation_daily']);
    await statement();
    now = 100;
    cache.advance(['moderation_daily']); // the statement may be served until 1100
    now = 500;
    const ask = () => cache.throughComposed('q', async () => (await statement())[0]!.n);
    expect(await ask()).toBe(1); // built from the answer that missed the write
    now = 1099;
    expect(await ask()).toBe(1);
    now = 1100; // both windows end together: the write is in
    expect(await ask()).toBe(2);
  });

  it('never outlives the age bound of a statement answer it was built from (other writers)', async () => {
    let now = 0;
    const cache = new AnswerCache({ maxBytes: 1e6, staleMs: 1000, now: () => now });
    let statementRuns = 0;
    await cache.through('s', async () => [{ n: ++statementRuns }], ['moderation_daily']);
    now = 800;
    const ask = () => cache.throughComposed('q', async () => (await cache.through('s', async () => [{ n: ++statementRuns }], ['moderation_daily']))[0]!.n);
    expect(await ask()).toBe(1);
    now = 1001; // the statement answer is older than the bound, and so is what was built from it
    expect(await ask()).toBe(2);
  });
});
