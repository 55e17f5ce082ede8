// Group commit (ingest.ts): batches of one stream that wait for its lane together are written as
// one journaled batch, each answered with its own counts as if they had been written one after
// the other, in arrival order. On the real embedded engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { Ingestor } from './ingest.js';
import { streamByName, type StreamDef } from './streams.js';
import { parseBatch, validateBatch } from './validate.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

const decisions = streamByName.get('moderation-decisions')!;
const enqueues = streamByName.get('review-enqueues')!;
const batchOf = (s: StreamDef, ids: readonly number[], prefix: string) => {
  const example = s.example;
  const idField = s === decisions ? 'decision_id' : 'enqueue_id';
  const valid = validateBatch(s, parseBatch(ids.map((i) => JSON.stringify({ ...example, [idField]: `${prefix}-${i}` })).join('\n'), 'ndjson'));
  expect(valid.errors).toEqual([]);
  return valid;
};
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const stored = async (prefix: string) =>
  (await t.db.select<{ n: number; u: number; hourly: number }>(
    'test.count',
    `SELECT count() AS n, uniqExact(decision_id) AS u,
            (SELECT sum(decisions) FROM moderation_hourly WHERE hour = toStartOfHour(toDateTime('2026-11-16 10:01:05', 'UTC'))) AS hourly
     FROM moderation_decisions WHERE startsWith(decision_id, {p:String})`,
    { p: `${prefix}-` },
  ))[0]!;

describe('group commit', () => {
  it('writes batches that wait together once, each counted as if written in turn', async () => {
    const ingestor = new Ingestor(t.db);
    // 300–309 stored before
    expect((await ingestor.ingest(decisions, batchOf(decisions, range(300, 310), 'gc'))).accepted).toBe(10);
    const before = ingestor.groupsWritten;
    const answers = await Promise.all([
      ingestor.ingest(decisions, batchOf(decisions, range(0, 100), 'gc')), // 100 new
      ingestor.ingest(decisions, batchOf(decisions, range(50, 150), 'gc')), // 50–99 in the first: 50 new
      ingestor.ingest(decisions, batchOf(decisions, [...range(0, 50), 0], 'gc')), // all in the first; 0 twice in the batch
      ingestor.ingest(decisions, batchOf(decisions, [...range(200, 250), 300, 301], 'gc')), // 50 new, 300 and 301 stored before
    ]);
    expect(ingestor.groupsWritten - before).toBe(1);
    expect(answers.map((a) => [a.received, a.accepted, a.duplicates])).toEqual([[100, 100, 0], [100, 50, 50], [51, 0, 51], [52, 50, 2]]);
    // 10 + 100 + 50 + 50 distinct events, each once in the raw table and in the hourly rollup
    expect(await stored('gc')).toEqual({ n: 210, u: 210, hourly: 210 });
  });

  it('writes batches of other streams, and rows over the group limit, in turns of their own', async () => {
    const limit = 100;
    const ingestor = new Ingestor(t.db, undefined, limit);
    const before = ingestor.groupsWritten;
    const big = range(0, limit - 10);
    const answers = await Promise.all([
      ingestor.ingest(decisions, batchOf(decisions, big, 'gl')),
      ingestor.ingest(enqueues, batchOf(enqueues, range(0, 5), 'gl')), // another stream, another lane
      ingestor.ingest(decisions, batchOf(decisions, range(limit, limit + 20), 'gl')), // over the limit with the first: next turn
    ]);
    expect(answers.map((a) => a.accepted)).toEqual([limit - 10, 5, 20]);
    expect(ingestor.groupsWritten - before).toBe(3);
    expect((await stored('gl')).u).toBe(limit + 10);
  });

  it('fails every batch of a group whose write fails; the next batch completes the group, exactly once', async () => {
    const ingestor = new Ingestor(t.db);
    await t.db.command('test.crash', 'CREATE TABLE gc_crash_target (n UInt8) ENGINE = Null');
    await t.db.command('test.crash', "CREATE MATERIALIZED VIEW gc_crash_mv TO gc_crash_target AS SELECT throwIf(count() > 0, 'disk full') AS n FROM moderation_decisions");
    try {
      const answers = await Promise.allSettled([
        ingestor.ingest(decisions, batchOf(decisions, range(0, 10), 'gf')),
        ingestor.ingest(decisions, batchOf(decisions, range(10, 20), 'gf')),
      ]);
      expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected']);
    } finally {
      await t.db.command('test.crash', 'DROP VIEW gc_crash_mv');
      await t.db.command('test.crash', 'DROP TABLE gc_crash_target');
    }
    // the group stays journaled and is completed before the next batch of the stream: exactly once
    expect((await ingestor.ingest(decisions, batchOf(decisions, range(0, 30), 'gf'))).accepted).toBe(10);
    expect(await stored('gf')).toEqual({ n: 30, u: 30, hourly: expect.any(Number) as unknown as number });
  });
});
