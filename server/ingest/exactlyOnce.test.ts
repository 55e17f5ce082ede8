// Exactly-once ingestion across a crash at every point of a batch's writes, on the real embedded
// engine: the process "dies" right after one of its statements (the engine keeps what that
// statement wrote, the process forgets everything), a new process starts on the same data, and
// the producer re-sends the unanswered events grouped at random, with overlaps. Then the raw
// table and every rollup it feeds hold each event exactly once. A statement that fails half-way
// (the raw table written, a rollup not) is covered by a materialized view that throws.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import type { Database } from '../db/database.js';
import { Ingestor } from './ingest.js';
import { STREAMS, streamByName, type StreamDef } from './streams.js';
import { parseBatch, validateBatch } from './validate.js';
import { toClickHouseDateTime } from '../domain/time.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t.close();
});

class Crash extends Error {}

/** The real database, as seen by a process that dies right after its n-th write statement. */
function dyingAfter(db: Database, writes: number): Database {
  let done = 0;
  const write = <A extends unknown[]>(f: (...a: A) => Promise<void>) => async (...a: A) => {
    if (done >= writes) throw new Crash('the process is dead');
    await f(...a);
    if (++done >= writes) throw new Crash(`died after write ${done}`);
  };
  return new Proxy(db, {
    get(target, key) {
      if (key === 'command') return write(target.command.bind(target));
      if (key === 'insertJsonWith') return write(target.insertJsonWith.bind(target));
      if (key === 'insertText') return write(target.insertText.bind(target));
      if (key === 'insertRows') return write(target.insertRows.bind(target));
      const v = Reflect.get(target, key);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/** Deterministic shuffles and splits (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function regroup<T>(items: readonly T[], seed: number): T[][] {
  const random = rng(seed);
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const groups: T[][] = [];
  for (let i = 0; i < shuffled.length; ) {
    const size = 1 + Math.floor(random() * Math.min(120, shuffled.length - i));
    groups.push(shuffled.slice(i, i + size));
    i += size;
  }
  return groups;
}

const batchOf = (stream: StreamDef, rows: readonly Record<string, unknown>[]) => {
  const valid = validateBatch(stream, parseBatch(rows.map((r) => JSON.stringify(r)).join('\n'), 'ndjson'));
  expect(valid.errors).toEqual([]);
  return valid;
};

const count = async (sql: string, params: Record<string, unknown>) => Number((await t.db.select<{ n: string }>('test.count', sql, params))[0]!.n);
const iso = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');

/**
 * Decisions of one scenario: decided in the 24 hours around the start of a month of its own (two
 * partitions), in a review queue, so they reach every rollup of moderation_decisions.
 */
function decisions(scenario: number, n: number): Record<string, unknown>[] {
  const boundary = Date.UTC(2023, scenario, 1) / 1000;
  const example = streamByName.get('moderation-decisions')!.example;
  return Array.from({ length: n }, (_, i) => {
    const decided = boundary - 12 * 3600 + Math.floor((i * 24 * 3600) / n);
    return {
      ...example, decision_id: `x${scenario}-${i}`, content_id: `xc${scenario}-${i}`, posted_at: iso(decided - 600), flagged_at: iso(decided - 300),
      enqueued_at: iso(decided - 200), decided_at: iso(decided), enforcement_path: 'human', queue: 'review-eu', sla_seconds: 3600,
    };
  });
}

/** What the raw table and each rollup of moderation_decisions hold for a scenario. */
async function decisionCounts(scenario: number) {
  const range = { from: Date.UTC(2023, scenario, 1) / 1000 - 86400, to: Date.UTC(2023, scenario, 1) / 1000 + 86400 };
  const where = (column: string) => `${column} >= toDateTime({from:UInt32}, 'UTC') AND ${column} < toDateTime({to:UInt32}, 'UTC')`;
  return {
    raw: await count(`SELECT count() AS n FROM moderation_decisions WHERE ${where('decided_at')}`, range),
    distinct: await count(`SELECT uniqExact(decision_id) AS n FROM moderation_decisions WHERE ${where('decided_at')}`, range),
    hourly: await count(`SELECT sum(decisions) AS n FROM moderation_hourly WHERE ${where('hour')}`, range),
    regionPolicy: await count(`SELECT sum(decisions) AS n FROM moderation_region_policy_hourly WHERE ${where('hour')}`, range),
    reviewed: await count(`SELECT sum(reviewed) AS n FROM review_flow_hourly WHERE ${where('hour')}`, range),
  };
}

const all = (n: number) => ({ raw: n, distinct: n, hourly: n, regionPolicy: n, reviewed: n });

describe('a crash at any point, then a re-send grouped at random', () => {
  const decisionsStream = streamByName.get('moderation-decisions')!;
  // a batch is three writes: the journal (one row), the raw table (with its rollups), the seen ids
  const cases = [1, 2, 3].flatMap((writes) => [1, 2].map((seed) => ({ writes, seed, scenario: writes * 2 + seed })));

  it.each(cases)('dies after write $writes of a batch (regrouping seed $seed)', async ({ writes, seed, scenario }) => {
    const events = decisions(scenario, 400);
    const acknowledged = events.slice(0, 100);
    const unanswered = events.slice(100);
    const first = new Ingestor(t.db);
    expect((await first.ingest(decisionsStream, batchOf(decisionsStream, acknowledged))).accepted).toBe(100);

    const dying = new Ingestor(dyingAfter(t.db, writes));
    await expect(dying.ingest(decisionsStream, batchOf(decisionsStream, unanswered))).rejects.toThrow(Crash);

    // a new process; the producer re-sends what was not answered, split and ordered differently,
    // with some acknowledged events among them
    const restarted = new Ingestor(t.db);
    let accepted = 0;
    for (const group of regroup([...unanswered, ...acknowledged.slice(0, 30)], seed)) {
      accepted += (await restarted.ingest(decisionsStream, batchOf(decisionsStream, group))).accepted;
    }
    expect(await decisionCounts(scenario)).toEqual(all(400));
    // the re-send accepted exactly what had not been stored before the crash
    expect(accepted).toBeLessThanOrEqual(300);
  });

  it.each([1, 2, 3])('dies after write %i of a group of batches written together, then a re-send grouped at random', async (writes) => {
    const scenario = 40 + writes;
    const events = decisions(scenario, 300);
    const first = new Ingestor(t.db);
    expect((await first.ingest(decisionsStream, batchOf(decisionsStream, events.slice(0, 60)))).accepted).toBe(60);
    // three producers' batches (overlapping, and with acknowledged events) wait for the lane together: one group
    const dying = new Ingestor(dyingAfter(t.db, writes));
    const answers = await Promise.allSettled([events.slice(40, 140), events.slice(120, 230), events.slice(200, 300)].map((b) => dying.ingest(decisionsStream, batchOf(decisionsStream, b))));
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(dying.groupsWritten).toBe(1);
    const restarted = new Ingestor(t.db);
    for (const group of regroup(events.slice(20), writes)) await restarted.ingest(decisionsStream, batchOf(decisionsStream, group));
    expect(await decisionCounts(scenario)).toEqual(all(300));
  });

  it('a write that fails half-way (raw table stored, a rollup not) is completed on the next batch', async () => {
    const scenario = 20;
    const events = decisions(scenario, 300);
    // a view that fails every insert into moderation_decisions, as a full disk would midway
    await t.db.command('test.crash', 'CREATE TABLE crash_target (n UInt8) ENGINE = Null');
    await t.db.command('test.crash', 'CREATE MATERIALIZED VIEW crash_mv TO crash_target AS SELECT throwIf(count() > 0, \'disk full\') AS n FROM moderation_decisions');
    const ingestor = new Ingestor(t.db);
    await expect(ingestor.ingest(decisionsStream, batchOf(decisionsStream, events))).rejects.toThrow(/disk full/);
    // the failure left the raw table written and some rollup short of it
    const partial = await decisionCounts(scenario);
    expect(partial.raw).toBe(300);
    expect(Math.min(partial.hourly, partial.regionPolicy, partial.reviewed)).toBeLessThan(300);
    await t.db.command('test.crash', 'DROP VIEW crash_mv');
    await t.db.command('test.crash', 'DROP TABLE crash_target');
    // the same process, the same events regrouped
    for (const group of regroup(events, 7)) await ingestor.ingest(decisionsStream, batchOf(decisionsStream, group));
    expect(await decisionCounts(scenario)).toEqual(all(300));
  });

  it('ground truth through the chained rollups (outcomes, then daily performance)', async () => {
    const predictions = streamByName.get('model-predictions')!;
    const truth = streamByName.get('ground-truth')!;
    const day = '2023-07-04';
    const scored = Array.from({ length: 200 }, (_, i) => ({
      ...predictions.example, prediction_id: `gp-${i}`, content_id: `gc-${i}`, scored_at: `${day}T01:00:00Z`, score: (i % 10) / 10,
    }));
    await new Ingestor(t.db).ingest(predictions, batchOf(predictions, scored));
    const labels = scored.map((p, i) => ({ ...truth.example, label_id: `gl-${i}`, content_id: p.content_id, is_violating: i % 3 === 0, labelled_at: `${day}T05:00:00Z` }));
    await expect(new Ingestor(dyingAfter(t.db, 2)).ingest(truth, batchOf(truth, labels))).rejects.toThrow(Crash);
    const restarted = new Ingestor(t.db);
    expect(await restarted.finishUnfinished()).toBe(1);
    for (const group of regroup(labels, 3)) await restarted.ingest(truth, batchOf(truth, group));
    const params = { day };
    expect({
      labels: await count("SELECT count() AS n FROM ground_truth_labels WHERE toDate(labelled_at) = {day:Date} AND startsWith(label_id, 'gl-')", params),
      outcomes: await count("SELECT count() AS n FROM model_outcomes WHERE startsWith(content_id, 'gc-')", params),
      daily: await count('SELECT sum(true_positives + false_positives + false_negatives + true_negatives) AS n FROM model_performance_daily WHERE day = {day:Date}', params),
    }).toEqual({ labels: 200, outcomes: 200, daily: 200 });
  });

  it('journals a batch as one row (ids and rows), with one write per table', async () => {
    const scenario = 30;
    const events = decisions(scenario, 250);
    const writes: string[] = [];
    const counting = new Proxy(t.db, {
      get(target, key) {
        const v = Reflect.get(target, key);
        if (typeof v !== 'function') return v;
        return (...a: unknown[]) => {
          if (['command', 'insertText', 'insertJsonWith', 'insertRows'].includes(String(key))) writes.push(String(a[0]));
          return v.apply(target, a);
        };
      },
    });
    await new Ingestor(counting).ingest(decisionsStream, batchOf(decisionsStream, events));
    expect(writes).toEqual(['ingest.journal', 'ingest.moderation_decisions', 'ingest.seen']);
    const [row] = await t.db.select<{ n: number; events: number; id_count: number }>(
      'test.journal',
      "SELECT count() AS n, any(events) AS events, any(length(splitByChar('\\n', ids))) AS id_count FROM ingest_batch_journal WHERE has(splitByChar('\\n', ids), 'x30-0')",
    );
    expect(row).toEqual({ n: 1, events: 250, id_count: 250 });
    expect(await decisionCounts(scenario)).toEqual(all(250));
  });

  it('completes a batch an older version left unfinished in the row journal (migration 0014)', async () => {
    const scenario = 31;
    const token = 'a'.repeat(32);
    const rows = batchOf(decisionsStream, decisions(scenario, 50)).rows;
    // what the version before 0020 wrote as step 1, and nothing after it
    await t.db.insertJsonWith(
      'test.journal',
      'INSERT INTO ingest_journal (stream, batch_token, event_id, row, at) SETTINGS input_format_json_read_objects_as_strings = 1 FORMAT JSONEachRow',
      rows.map((r) => ({ stream: decisionsStream.name, batch_token: token, event_id: r.eventId, row: r.record, at: toClickHouseDateTime(Math.floor(Date.now() / 1000)) })),
    );
    const restarted = new Ingestor(t.db);
    expect(await restarted.finishUnfinished()).toBe(1);
    expect(await decisionCounts(scenario)).toEqual(all(50));
    // and the events, sent again, are known
    expect((await restarted.ingest(decisionsStream, batchOf(decisionsStream, decisions(scenario, 50)))).accepted).toBe(0);
  });

  it('every table an event reaches keeps a deduplication window, so that a replay can skip its blocks', async () => {
    const tables = await t.db.select<{ name: string; window: string }>(
      'test.windows',
      `SELECT name, extract(create_table_query, 'non_replicated_deduplication_window = (\\d+)') AS window
       FROM system.tables
       WHERE database = currentDatabase() AND (name IN {raw:Array(String)} OR name IN (
         SELECT extract(create_table_query, ' TO [^.]+\\.(\\w+)') FROM system.tables WHERE database = currentDatabase() AND engine = 'MaterializedView'))`,
      { raw: STREAMS.map((s) => s.table) },
    );
    expect(tables.map((x) => x.name)).toEqual(expect.arrayContaining(['moderation_decisions', 'moderation_hourly', 'model_performance_daily', 'annotator_labels_hourly']));
    expect(tables.filter((x) => !(Number(x.window) > 0)).map((x) => x.name)).toEqual([]);
  });
});
