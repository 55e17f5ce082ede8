// Ingestion over HTTP on a real embedded engine: every stream lands, moves its figures by exactly
// the rows sent, never double-counts a re-sent or overlapping batch, writes nothing of a bad
// batch, and answers each limit with its status.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { startTestApi, type TestApi } from '../testing/testApi.js';
import { STREAMS, streamByName } from './streams.js';
import { parseBatch, validateBatch } from './validate.js';

let TOKEN: string;
let t: TestDatabase;
let api: TestApi;
let base: string;

beforeAll(async () => {
  t = await openTestDatabase();
  api = await startTestApi(t, { http: true, ingest: { maxBytes: 256 * 1024, maxRows: 500, ratePerSecond: 1000, burst: 1000 } });
  TOKEN = (await api.security.tokens.create('test producer', [], 'test')).secret;
  base = api.url;
});
afterAll(async () => {
  await api.stop();
  await t.close();
});

async function push(stream: string, rows: unknown[] | string, headers: Record<string, string> = {}) {
  const body = typeof rows === 'string' ? rows : rows.map((r) => JSON.stringify(r)).join('\n');
  const res = await fetch(`${base}/ingest/v1/${stream}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson', ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

const count = async (sql: string) => Number((await t.db.select<{ n: string }>('test.count', sql))[0]!.n);
/** Rows of every table (raw and rollups) an event of each stream reaches: nothing may move on a retry. */
async function snapshot() {
  const tables = [...new Set([...STREAMS.map((s) => s.table), 'model_outcomes'])];
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = await count(`SELECT count() AS n FROM ${table}`);
  out.rolled_decisions = await count('SELECT sum(decisions) AS n FROM moderation_hourly');
  out.rolled_narrow = await count('SELECT sum(decisions) AS n FROM moderation_region_policy_hourly');
  out.rolled_reviews = await count('SELECT sum(enqueued) + sum(reviewed) AS n FROM review_flow_hourly');
  out.rolled_appeals = await count('SELECT sum(appeals_filed) + sum(appeals_resolved) + sum(appeals_of_decisions) AS n FROM appeals_hourly');
  out.rolled_scores = await count('SELECT sum(predictions) AS n FROM model_scores_daily');
  out.rolled_outcomes = await count('SELECT sum(true_positives + false_positives + false_negatives + true_negatives) AS n FROM model_performance_daily');
  out.rolled_tasks = await count('SELECT sum(tasks_created) + sum(tasks_completed) AS n FROM annotation_tasks_hourly');
  out.rolled_labels = await count('SELECT sum(labels) AS n FROM annotation_labels_hourly');
  out.rolled_audits = await count('SELECT sum(audited) AS n FROM qa_audits_hourly');
  return out;
}

/** n copies of a stream's example with distinct ids (and a distinct content id for predictions). */
function rowsOf(stream: string, n: number, prefix: string) {
  const s = streamByName.get(stream)!;
  return Array.from({ length: n }, (_, i) => {
    const row: Record<string, unknown> = { ...s.example };
    for (const f of s.fields) if (f.type.kind === 'id' && /_id$/.test(f.name) && f.name === s.fields[0]!.name) row[f.name] = `${prefix}-${i}`;
    return row;
  });
}

describe('every stream', () => {
  it.each(STREAMS.map((s) => s.name))('%s: lands, then a re-sent batch changes no table', async (name) => {
    const before = await snapshot();
    const rows = rowsOf(name, 3, `${name}-a`);
    const first = await push(name, rows);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ stream: name, received: 3, accepted: 3, duplicates: 0 });
    const after = await snapshot();
    const table = streamByName.get(name)!.table;
    expect(after[table]).toBe(before[table]! + 3);
    const again = await push(name, rows);
    expect(again.body).toEqual({ stream: name, received: 3, accepted: 0, duplicates: 3 });
    expect(await snapshot()).toEqual(after);
  });

  it('the figures move by exactly the events sent', async () => {
    const series = async () =>
      (await api.ok('query($i: SeriesInput!) { series(input: $i) { total { value } } }', {
        i: { metric: 'decisions', range: { from: '2026-11-16T00:00:00Z', to: '2026-11-17T00:00:00Z' }, filters: [{ dimension: 'REGION', values: ['LATAM'] }] },
      })).series.total.value;
    const before = await series();
    expect((await push('moderation-decisions', rowsOf('moderation-decisions', 7, 'figures'))).status).toBe(200);
    expect(await series()).toBe(before + 7); // the example decision is in Brazil (LATAM) on 2026-11-16
  });

  it("an appeal counts in its decision's hour, whether the decision arrives before or after it", async () => {
    const decision = { ...streamByName.get('moderation-decisions')!.example, decision_id: 'late-d', decided_at: '2026-11-10T07:30:00Z', posted_at: '2026-11-10T07:00:00Z', flagged_at: '2026-11-10T07:10:00Z' };
    const appeal = { ...streamByName.get('appeals')!.example, appeal_id: 'early-a', decision_id: 'late-d', event: 'filed', outcome: '', event_at: '2026-11-12T09:00:00Z', decided_at: '2026-11-10T07:30:00Z' };
    expect((await push('appeals', [appeal])).status).toBe(200);
    expect((await push('moderation-decisions', [decision])).status).toBe(200);
    const at = (hour: string) => count(`SELECT sum(appeals_of_decisions) AS n FROM appeals_hourly WHERE hour = toDateTime('${hour}', 'UTC')`);
    expect(await at('2026-11-10 07:00:00')).toBe(1);
    expect(await at('2026-11-12 09:00:00')).toBe(0);
    // a decision without a queue keeps its first flag as its (unused) queue entry
    expect(await count("SELECT toUnixTimestamp(enqueued_at) - toUnixTimestamp(flagged_at) AS n FROM moderation_decisions WHERE decision_id = 'late-d'")).toBe(0);
  });

  it('a batch whose rows carry different optional fields stores each row as sent (missing ones get their default)', async () => {
    const example = streamByName.get('moderation-decisions')!.example;
    // the first row has no queue (so no enqueued_at), the second has both: the journal must keep both shapes
    const plain = { ...example, decision_id: 'mixed-1', flagged_at: '2026-11-16T09:58:40Z' };
    const queued = { ...example, decision_id: 'mixed-2', queue: 'review-latam', sla_seconds: 86400, enqueued_at: '2026-11-16T09:59:30Z' };
    expect((await push('moderation-decisions', [plain, queued])).status).toBe(200);
    const entered = (id: string) => count(`SELECT toUnixTimestamp(enqueued_at) AS n FROM moderation_decisions WHERE decision_id = '${id}'`);
    expect(await entered('mixed-1')).toBe(Date.UTC(2026, 10, 16, 9, 58, 40) / 1000); // DEFAULT flagged_at
    expect(await entered('mixed-2')).toBe(Date.UTC(2026, 10, 16, 9, 59, 30) / 1000);
    expect(await count("SELECT count() AS n FROM moderation_decisions WHERE decision_id = 'mixed-2' AND queue = 'review-latam' AND sla_seconds = 86400")).toBe(1);
  });

  it('a decision from a review queue must say when the item entered it; an appeal, when its decision was taken', async () => {
    const queued = { ...streamByName.get('moderation-decisions')!.example, decision_id: 'q-no-entry', queue: 'review-latam', sla_seconds: 86400 };
    const refused = await push('moderation-decisions', [queued]);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ line: 1, field: 'enqueued_at', message: expect.stringContaining('SLA clock starts there') })]);
    const appeal: Record<string, unknown> = { ...streamByName.get('appeals')!.example, appeal_id: 'no-decision-time' };
    delete appeal.decided_at;
    const noTime = await push('appeals', [appeal]);
    expect(noTime.status).toBe(422);
    expect(noTime.body.errors).toEqual([expect.objectContaining({ field: 'decided_at', message: 'is required' })]);
    const early = await push('appeals', [{ ...streamByName.get('appeals')!.example, appeal_id: 'before-decision', decided_at: '2026-11-19T00:00:00Z' }]);
    expect(early.status).toBe(422);
    expect(early.body.errors[0]).toMatchObject({ field: 'event_at', message: 'event_at is before decided_at' });
  });

  it('ground truth joins the predictions sent before it', async () => {
    const prediction = { ...streamByName.get('model-predictions')!.example, prediction_id: 'join-p', content_id: 'join-c', score: 0.2 };
    const label = { ...streamByName.get('ground-truth')!.example, label_id: 'join-l', content_id: 'join-c', is_violating: true };
    await push('model-predictions', [prediction]);
    await push('ground-truth', [label]);
    expect(await count("SELECT sum(false_negatives) AS n FROM model_performance_daily WHERE label_source = 'random_audit'")).toBeGreaterThanOrEqual(1);
    expect(await count("SELECT count() AS n FROM model_outcomes WHERE content_id = 'join-c'")).toBe(1);
  });
});

describe('idempotence', () => {
  it('overlapping batches add each event once', async () => {
    const rows = rowsOf('qa-audits', 5, 'overlap');
    const before = await count('SELECT sum(audited) AS n FROM qa_audits_hourly');
    expect((await push('qa-audits', rows.slice(0, 3))).body.accepted).toBe(3);
    expect((await push('qa-audits', rows.slice(2))).body).toMatchObject({ accepted: 2, duplicates: 1 });
    expect(await count('SELECT sum(audited) AS n FROM qa_audits_hourly')).toBe(before + 5);
  });

  it('an event repeated inside a batch counts once; repeated with other values it is refused', async () => {
    const [row] = rowsOf('review-enqueues', 1, 'repeat');
    expect((await push('review-enqueues', [row, row])).body).toEqual({ stream: 'review-enqueues', received: 2, accepted: 1, duplicates: 1 });
    const conflicting = await push('review-enqueues', [{ ...row, enqueue_id: 'repeat-x' }, { ...row, enqueue_id: 'repeat-x', sla_seconds: 60 }]);
    expect(conflicting.status).toBe(422);
    expect(conflicting.body.errors).toEqual([{ line: 2, field: null, message: 'event repeat-x repeats line 1 with different values' }]);
  });

  it('accepts gzip and JSON arrays', async () => {
    const rows = rowsOf('annotation-labels', 4, 'gz');
    const gz = await fetch(`${base}/ingest/v1/annotation-labels`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' },
      body: gzipSync(rows.slice(0, 2).map((r) => JSON.stringify(r)).join('\n')),
    });
    expect(await gz.json()).toMatchObject({ accepted: 2 });
    const json = await push('annotation-labels', JSON.stringify(rows.slice(2)), { 'content-type': 'application/json' });
    expect(json.body).toMatchObject({ accepted: 2 });
  });
});

describe('a bad batch writes nothing', () => {
  it('one invalid row rejects the whole batch with the line, field and reason', async () => {
    const before = await snapshot();
    const rows = rowsOf('moderation-decisions', 4, 'bad');
    rows[2] = { ...rows[2], country: 'XX', policy: 'vibes', decided_at: 'yesterday' };
    rows[3] = { ...rows[3], flagged_at: '2026-11-16T11:00:00Z' };
    const r = await push('moderation-decisions', rows);
    expect(r.status).toBe(422);
    expect(r.body.error).toBe('The batch was rejected: 4 problems. Nothing was written.');
    expect(r.body.errors).toEqual([
      { line: 3, field: 'decided_at', message: 'must be an ISO-8601 instant with a zone (e.g. 2026-11-16T10:00:00Z) or Unix seconds' },
      { line: 3, field: 'country', message: expect.stringMatching(/^must be one of "US", "CA"|^must be one of US, CA/) },
      { line: 3, field: 'policy', message: expect.stringMatching(/^must be one of/) },
      { line: 4, field: 'decided_at', message: 'decided_at is before flagged_at' },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('reports JSON that does not parse, unknown fields and missing ones', async () => {
    const r = await push('qa-audits', `{"audit_id": "x"\n${JSON.stringify({ ...streamByName.get('qa-audits')!.example, audit_id: 'y', colour: 'red' })}\n{}`);
    expect(r.status).toBe(422);
    expect(r.body.errors[0]).toMatchObject({ line: 1, field: null, message: expect.stringMatching(/^not valid JSON/) });
    expect(r.body.errors).toContainEqual({ line: 2, field: 'colour', message: 'is not a field of this stream' });
    expect(r.body.errors).toContainEqual({ line: 3, field: 'audit_id', message: 'is required' });
  });

  it('never answers 500 and never writes part of a batch, whatever the rows (property-based)', async () => {
    const hostile = fc.oneof(
      fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.boolean(), fc.constant('x'.repeat(10_000)),
      fc.constant("'); DROP TABLE qa_audits; --"), fc.constant('\u0000\u0007\n'), fc.constant('9999-12-31T00:00:00Z'), fc.constant(1e308),
      fc.constant(-1), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }),
    );
    const example = streamByName.get('qa-audits')!.example;
    const mutated = fc.record({ field: fc.constantFrom(...Object.keys(example), 'extra'), value: hostile, id: fc.uuid() });
    const before = await count('SELECT count() AS n FROM qa_audits');
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutated, { minLength: 1, maxLength: 5 }), async (mutations) => {
        const rows = mutations.map((m) => ({ ...example, audit_id: `prop-${m.id}`, [m.field]: m.value }));
        const r = await push('qa-audits', rows);
        expect([200, 413, 422]).toContain(r.status);
        if (r.status === 200) accepted += r.body.accepted;
        // all or nothing: a 422 never leaves any of its rows behind
        const ids = rows.map((x) => (typeof x.audit_id === 'string' ? x.audit_id : ''));
        const stored = await t.db.select<{ n: string }>('test.count', 'SELECT count() AS n FROM qa_audits WHERE audit_id IN {ids:Array(String)}', { ids });
        // a 200 may hold ids accepted by an earlier run (duplicates); a refusal leaves nothing new
        if (r.status !== 200) expect(Number(stored[0]!.n)).toBe(0);
        else expect(Number(stored[0]!.n)).toBe(new Set(ids).size);
      }),
      { numRuns: 60, seed: 20261122 },
    );
    expect(await count('SELECT count() AS n FROM qa_audits')).toBe(before + accepted);
  });

  it('validation alone: never throws, and accepts only rows that satisfy every field rule (property-based)', () => {
    const s = streamByName.get('moderation-decisions')!;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...s.fields.map((f) => f.name)), fc.jsonValue()), (row) => {
        const v = validateBatch(s, parseBatch(JSON.stringify(row), 'ndjson'));
        if (v.rows.length === 1) {
          for (const f of s.fields.filter((x) => x.required)) expect(row).toHaveProperty(f.name);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('limits and refusals', () => {
  it('401 without a token or with a wrong one, in JSON', async () => {
    const none = await fetch(`${base}/ingest/v1/qa-audits`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: 'Missing, invalid or revoked ingestion token (Authorization: Bearer <token>).' });
    expect((await push('qa-audits', '{}', { authorization: 'Bearer not-the-token-at-all' })).status).toBe(401);
  });
  it('404 for an unknown stream', async () => {
    const r = await push('tweets', '{}');
    expect(r.status).toBe(404);
    expect(r.body.error).toMatch(/Unknown stream "tweets"\. Streams: moderation-decisions, review-enqueues/);
  });
  it('415 for another content type or encoding', async () => {
    expect((await push('qa-audits', 'a,b', { 'content-type': 'text/csv' })).status).toBe(415);
    expect((await push('qa-audits', '{}', { 'content-encoding': 'br' })).status).toBe(415);
  });
  it('413 over the row limit and over the size limit', async () => {
    const many = await push('qa-audits', rowsOf('qa-audits', 501, 'many'));
    expect(many.status).toBe(413);
    expect(many.body.error).toBe('At most 500 events per batch; this one has more. Split it.');
    const big = await push('qa-audits', 'x'.repeat(300 * 1024));
    expect(big.status).toBe(413);
    // a small gzip body that inflates past the limit is refused too
    const bomb = await fetch(`${base}/ingest/v1/qa-audits`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' },
      body: gzipSync(' '.repeat(2 * 1024 * 1024)),
    });
    expect(bomb.status).toBe(413);
  });
  it('a gzip bomb under the default limits (16 MiB, 10,000 events): 413 without parsing it, memory bounded', async () => {
    const defaults = await startTestApi(t, { http: true, ingest: { maxBytes: 16 * 1024 * 1024, maxRows: 10_000, ratePerSecond: 1000, burst: 1000 } });
    try {
      // 16 KiB of gzip, 16 MiB of "{}" lines: 5.6 million events once inflated
      const bomb = gzipSync('{}\n'.repeat((16 * 1024 * 1024) / 3), { level: 9 });
      const before = process.memoryUsage().rss;
      const res = await fetch(`${defaults.url}/ingest/v1/qa-audits`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' },
        body: bomb,
      });
      expect(res.status).toBe(413);
      // parsing every line first took gigabytes; reading stops after the 10,001st line
      expect(process.memoryUsage().rss - before).toBeLessThan(128 * 1024 * 1024);
      expect(await res.json()).toEqual({ error: 'At most 10000 events per batch; this one has more. Split it.' });
    } finally {
      await defaults.stop();
    }
  });
  it('serves each stream’s JSON Schema with an example that validates', async () => {
    const res = await fetch(`${base}/ingest/v1/streams`);
    const { streams } = (await res.json()) as { streams: { name: string; schema: any }[] };
    expect(streams.map((s) => s.name)).toEqual(STREAMS.map((s) => s.name));
    for (const s of streams) {
      const v = validateBatch(streamByName.get(s.name)!, parseBatch(JSON.stringify(s.schema.examples[0]), 'ndjson'));
      expect(v.errors, s.name).toEqual([]);
      expect(s.schema.required.length).toBeGreaterThan(2);
    }
  });
});

describe('the README', () => {
  it('shows an example line for every stream, and each one is accepted', async () => {
    const readme = (await import('node:fs')).readFileSync('README.md', 'utf8');
    for (const s of STREAMS) {
      const block = new RegExp(`\\*\\*${s.name}\\*\\*[^\\n]*\\n\`\`\`json\\n(.+)\\n\`\`\``).exec(readme);
      expect(block, s.name).not.toBeNull();
      expect(validateBatch(s, parseBatch(block![1]!, 'ndjson')).errors, s.name).toEqual([]);
    }
  });
});
