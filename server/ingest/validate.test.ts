// Dimension values at ingestion (queues, vendors, sites, languages, annotators, models): a safe,
// documented character set, so that no ingested value can become a spreadsheet formula in a CSV
// export or break a label; free text refuses broken characters.
import { describe, expect, it } from 'vitest';
import { parseBatch, validateBatch } from './validate.js';
import { jsonSchemaOf, streamByName } from './streams.js';

const NOW = Date.UTC(2026, 11, 1) / 1000;
const check = (stream: string, changes: Record<string, unknown>) => {
  const s = streamByName.get(stream)!;
  return validateBatch(s, parseBatch(JSON.stringify([{ ...s.example, ...changes }]), 'json'), NOW);
};
const SAFE = 'must be 1–64 letters, digits or . _ : -, starting with a letter or digit';

describe('dimension values at ingestion', () => {
  it.each([
    ['moderation-decisions', 'queue', '=HYPERLINK("http://evil.example","click")', `${SAFE} (or '' for none)`],
    ['moderation-decisions', 'model_id', '@SUM(1+1)', `${SAFE} (or '' for none)`],
    ['moderation-decisions', 'model_version', '-2+3', `${SAFE} (or '' for none)`],
    ['review-enqueues', 'queue', '+cmd', SAFE],
    ['model-predictions', 'model_id', 'safety mm', SAFE],
    ['annotation-labels', 'vendor', '=1+1', SAFE],
    ['annotation-labels', 'site', 'bogotá', SAFE],
    ['annotation-labels', 'annotator_id', '\tx', SAFE],
    ['qa-audits', 'language', '', SAFE],
    ['annotation-tasks', 'queue', 'x'.repeat(65), SAFE],
  ])('%s refuses %s = %j', (stream, field, value, message) => {
    const r = check(stream, { [field]: value });
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([{ line: 1, field, message }]);
  });

  it('accepts the usual values, and none for optional ones', () => {
    expect(check('moderation-decisions', { queue: 'review-eu', enqueued_at: '2026-11-16T09:59:00Z', model_id: 'safety-mm', model_version: '3.3' }).errors).toEqual([]);
    expect(check('moderation-decisions', { queue: '', model_id: '' }).errors).toEqual([]);
    expect(check('annotation-labels', { vendor: 'tessera', site: 'tessera-bogota', queue: 'es-general', language: 'pt_BR', annotator_id: 'tessera:12' }).errors).toEqual([]);
  });

  it('states the pattern in the JSON Schema served to producers', () => {
    const props = jsonSchemaOf(streamByName.get('moderation-decisions')!).properties as Record<string, { pattern?: string }>;
    expect(props.queue!.pattern).toBe('^$|^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$');
    expect((jsonSchemaOf(streamByName.get('qa-audits')!).properties as Record<string, { pattern?: string }>).vendor!.pattern).toBe('^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$');
  });

  it('refuses a lone UTF-16 surrogate in free text', () => {
    expect(check('annotation-labels', { answer: 'viol\uD800ating' }).errors).toEqual([
      { line: 1, field: 'answer', message: 'contains a broken character (half of a UTF-16 surrogate pair)' },
    ]);
  });
});
