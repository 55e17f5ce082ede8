// The validation workers (validationPool.ts): a batch prepared in a worker gives what validation
// gives in this thread (the same rows, the same errors with their lines), requests beyond the
// workers wait their turn, and a worker that dies fails only the request it held, then is replaced.
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationPool, ValidationWorkerError } from './validationPool.js';
import { streamByName } from './streams.js';

const decisions = streamByName.get('moderation-decisions')!;
const line = (id: string, extra: Record<string, unknown> = {}) => JSON.stringify({ ...decisions.example, decision_id: id, ...extra });
const now = Date.UTC(2026, 11, 1) / 1000;
const pool = new ValidationPool(2);
const dying = new ValidationPool(1, fileURLToPath(new URL('../testing/dyingValidationWorker.ts', import.meta.url)));
afterAll(async () => {
  await pool.close();
  await dying.close();
});

describe('validation workers', () => {
  it('prepare a valid batch: its ids, its rows as text, in-batch repeats, the catalogue rows', async () => {
    const text = [line('vp-1'), '', line('vp-2'), line('vp-1')].join('\n');
    const r = await pool.run({ stream: decisions.name, format: 'ndjson', text, now });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.batch.ids).toEqual(['vp-1', 'vp-2']);
    expect(r.batch.repeats).toBe(1);
    expect(r.batch.lines.split('\n')).toHaveLength(3);
    expect(r.batch.lines.startsWith('vp-1\tv-88120\t2026-11-16 09:58:00\t')).toBe(true);
    // both rows have the same dimension values and decision hour: one catalogue row
    expect(r.catalogue).toEqual([expect.objectContaining({ country: 'BR', region: 'LATAM', policy: 'hate_speech', model_id: 'safety-mm', decided_at: '2026-11-16 10:00:00' })]);
  });

  it('refuse a bad record with its line and field, as validation in this thread does', async () => {
    const text = [line('vp-3'), line('vp-4'), line('vp-5', { country: 'XX' }), '{"decision_id": '].join('\n');
    const r = await pool.run({ stream: decisions.name, format: 'ndjson', text, now });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([[4, null], [3, 'country']]);
    expect(r.errors[0]!.message).toMatch(/^not valid JSON: /);
    expect(r.errors[1]!.message).toMatch(/^must be one of US, CA, BR, /);
    expect(await pool.run({ stream: decisions.name, format: 'json', text: '[]', now })).toEqual({ ok: false, empty: true, errors: [] });
  });

  it('take more requests than workers, each answered with its own batch', async () => {
    const answers = await Promise.all(Array.from({ length: 7 }, (_, i) => pool.run({ stream: decisions.name, format: 'ndjson', text: line(`vq-${i}`), now })));
    expect(answers.map((a) => (a.ok ? a.batch.ids : a.errors))).toEqual(Array.from({ length: 7 }, (_, i) => [`vq-${i}`]));
  });

  it('fail the request a dying worker held, and go on with a new worker', async () => {
    const before = dying.run({ stream: decisions.name, format: 'ndjson', text: line('vd-1'), now });
    const killed = dying.run({ stream: decisions.name, format: 'ndjson', text: line('die'), now });
    const after = dying.run({ stream: decisions.name, format: 'ndjson', text: line('vd-2'), now });
    expect((await before).ok).toBe(true);
    await expect(killed).rejects.toBeInstanceOf(ValidationWorkerError);
    expect(await after).toMatchObject({ ok: true, batch: { ids: ['vd-2'] } });
  });
});
