// Migration 0011 changes what annotation_task_answers holds (every labelled task, not only those
// announced with labels_required >= 2): a data folder made before it must be rebuilt from the raw
// labels, once, even when the migration's statements run again, and then follow new labels.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, loadMigrations, migrate } from './migrate.js';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase({ migrate: false });
});
afterAll(async () => t.close());

const label = (id: string, task: string, annotator: string, answer: string, required: number, where: Record<string, string> = {}) => ({
  label_id: id, task_id: task, annotator_id: annotator, vendor: 'tessera', site: 'tessera-bogota', queue: 'es-general', language: 'es',
  region: 'LATAM', policy: 'hate_speech', task_created_at: '2026-03-02 09:00:00', submitted_at: '2026-03-02 10:00:00',
  answer, is_golden: 0, gold_answer: '', handle_seconds: 30, labels_required: required, ...where,
});

/** Each task's answers as the rollup holds them, sorted. */
const tasks = () =>
  t.db.select<{ task_id: string; answers: [string, string][] }>(
    'test.task_answers',
    'SELECT task_id, arraySort(groupArrayMerge(answers)) AS answers FROM annotation_task_answers GROUP BY task_id ORDER BY task_id',
  );

describe('migration 0011 (every labelled task in annotation_task_answers)', () => {
  it('rebuilds the rollup from the raw labels once, then follows new ones', async () => {
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-migrations-'));
    for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '0011')) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(before, f));
    await migrate(t.db, t.log, before);
    await t.db.insertRows('test.fixture', 'annotation_labels', [
      label('l1', 'announced', 'a', 'violating', 3), // announced: the old view kept it
      label('l2', 'announced', 'b', 'benign', 3),
      label('l3', 'unannounced', 'a', 'a|b', 1), // labelled twice, at two sites, without labels_required
      label('l4', 'unannounced', 'b', 'a|b', 1, { site: 'tessera-lima' }),
      label('l5', 'single', 'c', 'benign', 1), // one answer so far
    ]);
    // the old definition: only the announced task
    expect((await tasks()).map((r) => r.task_id)).toEqual(['announced']);

    await migrate(t.db, t.log);
    const rebuilt = [
      { task_id: 'announced', answers: [['a', 'violating'], ['b', 'benign']] },
      { task_id: 'single', answers: [['c', 'benign']] },
      { task_id: 'unannounced', answers: [['a', 'a|b'], ['b', 'a|b']] },
    ];
    expect(await tasks()).toEqual(rebuilt);

    // an interrupted migration is applied again from its first statement: nothing doubles
    for (const s of loadMigrations().find((m) => m.version === 11)!.statements) await t.db.command('test.rerun', s);
    expect(await tasks()).toEqual(rebuilt);

    // new labels reach the rollup through the new view: the single task gets its second answer
    await t.db.insertRows('test.fixture', 'annotation_labels', [label('l6', 'single', 'd', 'violating', 1, { submitted_at: '2026-03-03 10:00:00' })]);
    expect(await tasks()).toEqual([rebuilt[0], { task_id: 'single', answers: [['c', 'benign'], ['d', 'violating']] }, rebuilt[2]]);
    fs.rmSync(before, { recursive: true, force: true });
  });
});
