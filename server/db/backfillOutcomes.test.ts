// Migration 0012 changes what model_outcomes and model_performance_daily count (one outcome per
// prediction and label source, whichever arrived first): a data folder filled before it must get
// the new figures, once, even when its statements run again, and keep them as events arrive.
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

const prediction = (id: string, score: number) => ({
  prediction_id: `s-${id}`, content_id: id, scored_at: '2026-03-02 10:00:00', model_id: 'safety-mm', model_version: '3.3',
  region: 'SEA', country: 'PH', policy: 'harassment_bullying', score, threshold: 0.5,
});
const label = (id: string, item: string, violating: number, day: string) => ({
  label_id: id, content_id: item, policy: 'harassment_bullying', label_source: 'random_audit', is_violating: violating, labelled_at: `2026-03-${day} 00:00:00`,
});
const confusion = async () => {
  const [r] = await t.db.select<Record<string, unknown>>(
    'test.confusion',
    `SELECT sum(true_positives) AS tp, sum(false_positives) AS fp, sum(false_negatives) AS fn, sum(true_negatives) AS tn
     FROM model_performance_daily WHERE label_source = 'random_audit'`,
  );
  return Object.fromEntries(Object.entries(r!).map(([k, v]) => [k, Number(v)]));
};

describe('migration 0012 (one outcome per prediction and label source, any arrival order)', () => {
  it('rebuilds the outcomes stored before it once, then follows new labels and scores', async () => {
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-migrations-'));
    for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '0012')) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(before, f));
    await migrate(t.db, t.log, before);
    // b1's label arrives before its score; b2 is labelled violating, then relabelled benign a day later
    await t.db.insertRows('test.fixture', 'ground_truth_labels', [label('l-b1', 'b1', 1, '05')]);
    await t.db.insertRows('test.fixture', 'model_predictions', [prediction('b1', 0.9), prediction('b2', 0.2)]);
    await t.db.insertRows('test.fixture', 'ground_truth_labels', [label('l-b2a', 'b2', 1, '05'), label('l-b2b', 'b2', 0, '06')]);
    // the old figures: b1 lost, b2 counted twice (as a false negative and a true negative)
    expect(await confusion()).toEqual({ tp: 0, fp: 0, fn: 1, tn: 1 });

    await migrate(t.db, t.log);
    // b1 0.9 violating: TP; b2 0.2, latest label benign: TN
    expect(await confusion()).toEqual({ tp: 1, fp: 0, fn: 0, tn: 1 });

    // an interrupted migration is applied again from its first statement: nothing doubles
    for (const s of loadMigrations().find((m) => m.version === 12)!.statements) await t.db.command('test.rerun', s);
    expect(await confusion()).toEqual({ tp: 1, fp: 0, fn: 0, tn: 1 });

    // after it: b2 relabelled violating again (FN instead of TN); b3's label before its score (0.7, benign: FP)
    await t.db.insertRows('test.fixture', 'ground_truth_labels', [label('l-b2c', 'b2', 1, '07'), label('l-b3', 'b3', 0, '05')]);
    await t.db.insertRows('test.fixture', 'model_predictions', [prediction('b3', 0.7)]);
    expect(await confusion()).toEqual({ tp: 1, fp: 1, fn: 1, tn: 0 });
    fs.rmSync(before, { recursive: true, force: true });
  });
});
