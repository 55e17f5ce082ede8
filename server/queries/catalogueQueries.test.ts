// The catalogue's dimension values read from dimension_values (migration 0024) — filled from the
// rollups already there by the migration, then by views as rows arrive — are exactly what the
// statement before it found by grouping every rollup by each dimension column, for every kind of
// scope, with values found in one rollup only, inside or outside a scope, and empty strings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { MIGRATIONS_DIR, loadMigrations, migrate } from '../db/migrate.js';
import { MODERATION_FIXTURE } from '../testing/fixtures.js';
import { LABELS } from '../testing/analyticsFixture.js';
import type { ScopedDimension } from '../access/access.js';
import { dimensionValues } from './catalogueQueries.js';
import { scannedDimensionValues } from '../testing/catalogueScan.js';

let t: TestDatabase;
let before: string;
beforeAll(async () => {
  t = await openTestDatabase({ migrate: false });
  before = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-migrations-'));
  for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '0024')) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(before, f));
  await migrate(t.db, t.log, before);
});
afterAll(async () => {
  fs.rmSync(before, { recursive: true, force: true });
  await t.close();
});

type Restrict = [ScopedDimension, string[]][];
const asObject = (m: Map<string, string[]>) => Object.fromEntries(m);

/** Already in the rollups when migration 0024 runs (written straight into them, measures left at 0). */
async function loadBeforeMigration() {
  const day = '2026-03-02';
  const hour = '2026-03-02 10:00:00';
  await t.db.insertRows('test.fixture', 'moderation_daily', [
    // detection_source empty: not a value
    { day, region: 'EU', country: 'DE', policy: 'hate_speech', content_type: 'video', detection_source: '', enforcement_path: 'human', action: 'removed' },
    // no region: BR lies inside a country scope but outside every region scope
    { day, region: '', country: 'BR', policy: 'spam_fake_engagement', content_type: '', detection_source: 'user_report', enforcement_path: '', action: '' },
  ]);
  // SEA, PH and image only in the appeal rollup
  await t.db.insertRows('test.fixture', 'appeals_daily', [{ day, region: 'SEA', country: 'PH', policy: 'harassment_bullying', content_type: 'image' }]);
  // m1 only in the score rollup
  await t.db.insertRows('test.fixture', 'model_scores_daily', [{ day, model_id: 'm1', model_version: 'v1', region: 'EU', policy: 'hate_speech' }]);
  await t.db.insertRows('test.fixture', 'annotation_labels_hourly', [{ hour, vendor: 'tessera', site: 'tessera-bogota', queue: 'es-general', language: 'es', region: 'LATAM', policy: 'hate_speech' }]);
  await t.db.insertRows('test.fixture', 'qa_audits_hourly', [{ hour, vendor: 'kestrel', site: 'kestrel-krakow', queue: '', language: 'de', region: 'EU', policy: 'hate_speech' }]);
}

/** Arriving after it, through the raw streams and their views (and one straight into a rollup). */
async function loadAfterMigration() {
  // fills moderation_daily, moderation_region_policy_daily and (queue review-na) review_flow_daily
  await t.db.insertRows('test.fixture', 'moderation_decisions', [{ ...MODERATION_FIXTURE[4]!, decision_id: 'n1', content_id: 'c-n1', content_type: 'text' }]);
  // fills annotation_labels_hourly and annotation_task_answers
  await t.db.insertRows('test.fixture', 'annotation_labels', [{ ...LABELS.at(-1)!, label_id: 'n2', task_id: 'n2', vendor: 'kestrel', site: 'kestrel-lima', region: 'LATAM' }]);
  await t.db.insertRows('test.fixture', 'model_performance_daily', [{ day: '2026-03-02', model_id: 'm2', model_version: 'v2', region: 'SEA', policy: 'harassment_bullying', label_source: 'appeal' }]);
}

// Worked out by hand from the rows above.
const EXPECTED: { scope: Restrict; values: Record<string, string[]> }[] = [
  {
    scope: [],
    values: {
      ACTION: ['account_action', 'removed'], CONTENT_TYPE: ['image', 'text', 'video'], COUNTRY: ['BR', 'DE', 'PH', 'US'],
      DETECTION_SOURCE: ['trusted_flagger', 'user_report'], ENFORCEMENT_PATH: ['human'], LABEL_SOURCE: ['appeal'], LANGUAGE: ['de', 'es'],
      MODEL: ['m1', 'm2'], MODEL_VERSION: ['v1', 'v2'], POLICY: ['harassment_bullying', 'hate_speech', 'spam_fake_engagement'],
      QUEUE: ['es-general', 'review-na'], REGION: ['EU', 'LATAM', 'NA', 'SEA'], SITE: ['kestrel-krakow', 'kestrel-lima', 'tessera-bogota'],
      VENDOR: ['kestrel', 'tessera'],
    },
  },
  {
    // every source keeps region: the EU rows of moderation, scores and QA audits (whose queue is empty)
    scope: [['REGION', ['EU']]],
    values: {
      ACTION: ['removed'], CONTENT_TYPE: ['video'], COUNTRY: ['DE'], ENFORCEMENT_PATH: ['human'], LANGUAGE: ['de'], MODEL: ['m1'],
      MODEL_VERSION: ['v1'], POLICY: ['hate_speech'], REGION: ['EU'], SITE: ['kestrel-krakow'], VENDOR: ['kestrel'],
    },
  },
  {
    // the appeal row and the model performance row (added through no decision)
    scope: [['REGION', ['SEA']]],
    values: {
      CONTENT_TYPE: ['image'], COUNTRY: ['PH'], LABEL_SOURCE: ['appeal'], MODEL: ['m2'], MODEL_VERSION: ['v2'], POLICY: ['harassment_bullying'], REGION: ['SEA'],
    },
  },
  {
    // moderation, review flow and appeals keep country: the region-less BR row and the US decision
    scope: [['COUNTRY', ['BR', 'US']]],
    values: {
      ACTION: ['account_action'], CONTENT_TYPE: ['text'], COUNTRY: ['BR', 'US'], DETECTION_SOURCE: ['trusted_flagger', 'user_report'],
      ENFORCEMENT_PATH: ['human'], POLICY: ['spam_fake_engagement'], QUEUE: ['review-na'], REGION: ['NA'],
    },
  },
  {
    scope: [['REGION', ['NA']], ['COUNTRY', ['US']]],
    values: {
      ACTION: ['account_action'], CONTENT_TYPE: ['text'], COUNTRY: ['US'], DETECTION_SOURCE: ['trusted_flagger'], ENFORCEMENT_PATH: ['human'],
      POLICY: ['spam_fake_engagement'], QUEUE: ['review-na'], REGION: ['NA'],
    },
  },
  {
    // the annotation rollups: the QA audit (before) and the label (after)
    scope: [['VENDOR', ['kestrel']]],
    values: { LANGUAGE: ['de', 'es'], POLICY: ['hate_speech'], QUEUE: ['es-general'], REGION: ['EU', 'LATAM'], SITE: ['kestrel-krakow', 'kestrel-lima'], VENDOR: ['kestrel'] },
  },
  {
    // both restrictions on the same row: kestrel's LATAM label is outside (vendor), its EU audit too (region)
    scope: [['REGION', ['LATAM', 'SEA']], ['VENDOR', ['tessera']]],
    values: { LANGUAGE: ['es'], POLICY: ['hate_speech'], QUEUE: ['es-general'], REGION: ['LATAM'], SITE: ['tessera-bogota'], VENDOR: ['tessera'] },
  },
  // no rollup keeps both country and vendor
  { scope: [['COUNTRY', ['DE']], ['VENDOR', ['kestrel']]], values: {} },
];

/** Every combination of scope dimensions, each with a value inside the data, one outside and one both. */
const ALL_SCOPES: Restrict[] = (() => {
  const lists: Record<ScopedDimension, string[][]> = {
    REGION: [['EU'], ['LATAM', 'NA'], ['MENA']], COUNTRY: [['BR'], ['US', 'DE'], ['JP']], VENDOR: [['kestrel'], ['tessera', 'other']],
  };
  let scopes: Restrict[] = [[]];
  for (const d of ['REGION', 'COUNTRY', 'VENDOR'] as const) scopes = scopes.flatMap((s) => [s, ...lists[d].map((v): Restrict => [...s, [d, v]])]);
  return scopes;
})();

describe('catalogue dimension values kept in dimension_values (migration 0024)', () => {
  it('are filled from the rollups by the migration, then by the views, as hand-worked, and as the full scan finds them', async () => {
    await loadBeforeMigration();
    await migrate(t.db, t.log);
    const backfilled = await dimensionValues(t.db);
    expect(backfilled).toEqual(await scannedDimensionValues(t.db));
    expect(backfilled.get('SITE')).toEqual(['kestrel-krakow', 'tessera-bogota']);

    await loadAfterMigration();
    for (const { scope, values } of EXPECTED) expect(asObject(await dimensionValues(t.db, scope)), JSON.stringify(scope)).toEqual(values);
    for (const scope of ALL_SCOPES) expect(await dimensionValues(t.db, scope), JSON.stringify(scope)).toEqual(await scannedDimensionValues(t.db, scope));
  });

  it('costs the distinct values, not the rows: the same rows again add nothing, a migration run again gives the same', async () => {
    const rows = async () => Number((await t.db.select<{ n: string }>('test.count', 'SELECT count() AS n FROM dimension_values FINAL'))[0]!.n);
    const n = await rows();
    await t.db.insertRows('test.fixture', 'moderation_decisions', [{ ...MODERATION_FIXTURE[4]!, decision_id: 'n3', content_id: 'c-n3', content_type: 'text' }]);
    expect(await rows()).toBe(n);
    const values = await dimensionValues(t.db, [['REGION', ['EU', 'NA']]]);
    for (const s of loadMigrations().find((m) => m.version === 24)!.statements) await t.db.command('test.rerun', s);
    expect(await rows()).toBe(n);
    expect(await dimensionValues(t.db, [['REGION', ['EU', 'NA']]])).toEqual(values);
  });

  it('a batch replayed after a crash restores values the rollups kept but dimension_values lost', async () => {
    // ingestion's replay: the same rows with the same token (ingestQueries.ts); the rollups skip
    // their blocks, and the engine still passes them on to the views that fill dimension_values
    const insert = "INSERT INTO moderation_decisions SETTINGS insert_deduplication_token = 'replayed', deduplicate_blocks_in_dependent_materialized_views = 1 FORMAT JSONEachRow";
    const rows = [{ ...MODERATION_FIXTURE[0]!, decision_id: 'r1', content_id: 'c-r1', region: 'EA', country: 'JP' }];
    const japan = async () => (await dimensionValues(t.db, [['COUNTRY', ['JP']]])).get('REGION');
    const decisions = async () => (await t.db.select<{ n: string }>('test.count', 'SELECT sum(decisions) AS n FROM moderation_daily WHERE country = {c:String}', { c: 'JP' }))[0]!.n;
    await t.db.insertJsonWith('test.fixture', insert, rows);
    expect(await japan()).toEqual(['EA']);
    await t.db.command('test.lose', 'TRUNCATE TABLE dimension_values');
    expect(await japan()).toBeUndefined();
    await t.db.insertJsonWith('test.fixture', insert, rows);
    expect(Number(await decisions())).toBe(1); // counted once
    expect(await japan()).toEqual(['EA']);
  });
});
