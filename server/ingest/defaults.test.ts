// Validation leaves out of a stored record every optional field whose default is its type's zero
// value ('', 0, false, []) when the event gives that value or nothing (validate.ts): the insert
// fills it with the column's default. That is only right while every such column's default is
// that zero value: checked here for every stream against the migrated engine, and end to end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { STREAMS, streamByName } from './streams.js';
import { parseBatch, validateBatch } from './validate.js';
import { Ingestor } from './ingest.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

const ZERO_LITERAL: Record<string, string> = { '""': "''", '0': '0', 'false': '0', '[]': '[]' };

describe('optional fields left out at their zero default', () => {
  it("every such field's column defaults to that zero value", async () => {
    const columns = await t.db.select<{ table: string; name: string; default_kind: string; default_expression: string }>(
      'test.columns', 'SELECT table, name, default_kind, default_expression FROM system.columns WHERE database = currentDatabase()',
    );
    const checked: string[] = [];
    for (const s of STREAMS) {
      for (const f of s.fields) {
        const zero = ZERO_LITERAL[JSON.stringify(f.default)];
        if (f.required || zero === undefined) continue;
        const c = columns.find((x) => x.table === s.table && x.name === f.name);
        expect(c, `${s.table}.${f.name}`).toBeDefined();
        // no DEFAULT clause: the type's own default, which is the zero value
        if (c!.default_kind !== '') expect([c!.default_kind, c!.default_expression], `${s.table}.${f.name}`).toEqual(['DEFAULT', zero]);
        checked.push(`${s.table}.${f.name}`);
      }
    }
    expect(checked).toContain('moderation_decisions.restrictions');
    expect(checked).toContain('annotation_labels.is_golden');
  });

  it('stores the zero values for a decision that leaves them out, and one that gives them, as the same event', async () => {
    const stream = streamByName.get('moderation-decisions')!;
    const bare = {
      decision_id: 'zero-1', content_id: 'c-zero-1', posted_at: '2026-03-02T09:58:00Z', flagged_at: '2026-03-02T09:58:40Z', decided_at: '2026-03-02T10:01:05Z',
      country: 'DE', policy: 'hate_speech', content_type: 'video', detection_source: 'automated', enforcement_path: 'automated', action: 'removed',
    };
    const explicit = { ...bare, queue: '', sla_seconds: 0, views_at_action: 0, model_id: '', restrictions: [], eu_keywords: [], time_precision: 'second' };
    const batch = validateBatch(stream, parseBatch([bare, explicit].map((e) => JSON.stringify(e)).join('\n'), 'ndjson'));
    expect(batch.errors).toEqual([]);
    expect(batch.repeats).toBe(1);
    expect((await new Ingestor(t.db).ingest(stream, batch)).accepted).toBe(1);
    const [row] = await t.db.select<Record<string, unknown>>(
      'test.row', "SELECT queue, sla_seconds, views_at_action, model_id, restrictions, eu_keywords, time_precision, region FROM moderation_decisions WHERE decision_id = 'zero-1'",
    );
    expect(row).toEqual({ queue: '', sla_seconds: 0, views_at_action: 0, model_id: '', restrictions: [], eu_keywords: [], time_precision: 'second', region: 'EU' });
  });
});
