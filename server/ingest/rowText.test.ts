// Batches are journaled and inserted as TabSeparatedWithNames since migration 0023 (rowText.ts):
// an empty field is the column's DEFAULT. These tests check, on the migrated engine, that this
// stores exactly what the JSON rows stored (text with quotes and backslashes, lists, a computed
// DEFAULT, numbers in exponent form), that no column a stream may send '' to has another DEFAULT, and that a
// batch journaled as JSONEachRow before 0023 is still completed from its journal row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { STREAMS, streamByName, type FieldDef, type StreamDef } from './streams.js';
import { parseBatch, validateBatch } from './validate.js';
import { Ingestor } from './ingest.js';
import { rowLine, storedColumns } from './rowText.js';
import { BATCH_JOURNAL_INSERT, journalLine } from '../queries/ingestQueries.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

const batchOf = (s: StreamDef, rows: readonly Record<string, unknown>[]) => {
  const valid = validateBatch(s, parseBatch(rows.map((r) => JSON.stringify(r)).join('\n'), 'ndjson'));
  expect(valid.errors).toEqual([]);
  return valid;
};

/** A field an event may give as '' (free text, an optional dimension, a list of values with ''). */
const mayBeEmpty = (f: FieldDef) =>
  f.type.kind === 'name' || (f.type.kind === 'dimension' && !f.required) || (f.type.kind === 'enum' && f.type.values.includes(''));

describe('rows as TabSeparatedWithNames', () => {
  it("gives '' to every column a stream may send '' to (an empty field reads as the column's DEFAULT)", async () => {
    const columns = await t.db.select<{ table: string; name: string; default_kind: string; default_expression: string }>(
      'test.columns', 'SELECT table, name, default_kind, default_expression FROM system.columns WHERE database = currentDatabase()',
    );
    const checked: string[] = [];
    for (const s of STREAMS) {
      for (const f of s.fields.filter(mayBeEmpty)) {
        const c = columns.find((x) => x.table === s.table && x.name === f.name);
        expect(c, `${s.table}.${f.name}`).toBeDefined();
        if (c!.default_kind !== '') expect(c!.default_expression, `${s.table}.${f.name}`).toBe("''");
        checked.push(`${s.table}.${f.name}`);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['annotation_labels.answer', 'moderation_decisions.queue', 'dsa_notices.eu_keyword']));
  });

  it('lists every column of the raw table a record may carry, derived ones last', () => {
    const decisions = streamByName.get('moderation-decisions')!;
    const columns = storedColumns(decisions);
    expect(columns.slice(0, 3)).toEqual(['decision_id', 'content_id', 'posted_at']);
    expect(columns.at(-1)).toBe('region');
    expect(rowLine(['a', 'b', 'c', 'd'], { a: "it's \\ a\ttab", c: ['X', "Y'"], d: 0.5 })).toBe("it\\'s \\\\ a\\ttab\t\t['X','Y\\'']\t0.5\n");
  });

  it('stores quotes, backslashes, lists, a computed DEFAULT and numbers in exponent form as the JSON rows did', async () => {
    const labels = streamByName.get('annotation-labels')!;
    const answer = `it's "odd" \\ isn't it`;
    await new Ingestor(t.db).ingest(labels, batchOf(labels, [{ ...labels.example, label_id: 'rt-1', answer }]));
    const [label] = await t.db.select<{ answer: string; gold_answer: string; is_golden: number }>(
      'test.row', "SELECT answer, gold_answer, is_golden FROM annotation_labels WHERE label_id = 'rt-1'",
    );
    expect(label).toEqual({ answer, gold_answer: '', is_golden: 0 });

    const decisions = streamByName.get('moderation-decisions')!;
    // no queue, so no enqueued_at: the column's DEFAULT is flagged_at (migration 0015)
    const decision = {
      ...decisions.example, decision_id: 'rt-2', flagged_at: '2026-11-16T09:58:40Z', restrictions: ['DECISION_VISIBILITY_CONTENT_REMOVED', 'DECISION_ACCOUNT_SUSPENDED'],
      time_precision: 'day',
    };
    await new Ingestor(t.db).ingest(decisions, batchOf(decisions, [decision]));
    const [row] = await t.db.select<Record<string, unknown>>(
      'test.row', "SELECT toString(enqueued_at) AS enqueued_at, restrictions, time_precision, region, queue, model_version FROM moderation_decisions WHERE decision_id = 'rt-2'",
    );
    expect(row).toEqual({
      enqueued_at: '2026-11-16 09:58:40', restrictions: ['DECISION_VISIBILITY_CONTENT_REMOVED', 'DECISION_ACCOUNT_SUSPENDED'], time_precision: 'day', region: 'LATAM', queue: '',
      model_version: '3.3',
    });

    const predictions = streamByName.get('model-predictions')!;
    await new Ingestor(t.db).ingest(predictions, batchOf(predictions, [{ ...predictions.example, prediction_id: 'rt-3', score: 1e-7, threshold: 1 }]));
    const [scored] = await t.db.select<{ score: number; threshold: number }>('test.row', "SELECT score, threshold FROM model_predictions WHERE prediction_id = 'rt-3'");
    expect(scored).toEqual({ score: 1e-7, threshold: 1 });
  });

  it('completes a batch journaled as JSONEachRow before migration 0023', async () => {
    const decisions = streamByName.get('moderation-decisions')!;
    const token = 'b'.repeat(32);
    const rows = batchOf(decisions, [1, 2, 3].map((i) => ({ ...decisions.example, decision_id: `rt-json-${i}`, content_id: `rt-json-c${i}` }))).rows;
    // what the version before 0023 wrote as step 1 (no format column: it reads JSONEachRow), and nothing after it
    const line = journalLine(decisions.name, token, {
      ids: rows.map((r) => r.eventId), body: rows.map((r) => `${JSON.stringify(r.record)}\n`).join(''), format: 'JSONEachRow', at: '2026-12-01 10:00:00',
    });
    await t.db.insertText('test.journal', { ...BATCH_JOURNAL_INSERT, columns: BATCH_JOURNAL_INSERT.columns!.filter((c) => c !== 'format') }, line.replace(/,"JSONEachRow"\n$/, '\n'));
    const [journaled] = await t.db.select<{ format: string }>('test.journal', 'SELECT format FROM ingest_batch_journal WHERE batch_token = {token:String}', { token });
    expect(journaled).toEqual({ format: 'JSONEachRow' });
    const restarted = new Ingestor(t.db);
    expect(await restarted.finishUnfinished()).toBe(1);
    const [n] = await t.db.select<{ n: string }>('test.count', "SELECT count() AS n FROM moderation_decisions WHERE startsWith(decision_id, 'rt-json-')");
    expect(Number(n!.n)).toBe(3);
    expect((await restarted.ingest(decisions, batchOf(decisions, [{ ...decisions.example, decision_id: 'rt-json-2', content_id: 'rt-json-c2' }]))).accepted).toBe(0);
  });
});
