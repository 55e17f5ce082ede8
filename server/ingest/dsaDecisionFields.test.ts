// The EU DSA fields of a moderation decision (migration 0017): a decision carrying them is stored
// through the journal and reads back as sent, lists take their items one by one and a bad item is
// named with its position, decisions stored before 0017 read "not given", and day-precision
// decisions stay out of the time-to-action histograms. Expected values are written out by hand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { MIGRATIONS_DIR, migrate } from '../db/migrate.js';
import { Ingestor } from './ingest.js';
import { jsonSchemaOf, streamByName } from './streams.js';
import { parseBatch, validateBatch } from './validate.js';
import { EEA_MEMBER_STATES } from '../domain/dsaVocabulary.js';

const stream = streamByName.get('moderation-decisions')!;
const NOW = Date.UTC(2026, 11, 1) / 1000;
const check = (changes: Record<string, unknown>) => validateBatch(stream, parseBatch(JSON.stringify([{ ...stream.example, ...changes }]), 'json'), NOW);

const DSA = {
  service: 'ExampleTok',
  eu_category: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
  eu_keywords: ['KEYWORD_CYBER_HARASSMENT', 'KEYWORD_OTHER'],
  legal_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
  restrictions: ['DECISION_VISIBILITY_CONTENT_REMOVED', 'DECISION_ACCOUNT_SUSPENDED', 'DECISION_MONETARY_TERMINATION'],
  content_language: 'de',
  territorial_scope: ['AT', 'DE', 'LI'],
  account_type: 'ACCOUNT_TYPE_BUSINESS',
};

describe('DSA fields of moderation decisions: validation', () => {
  it.each([
    ['restrictions', ['DECISION_VISIBILITY_CONTENT_REMOVED', 'REMOVED'], 'item 2 ("REMOVED") must be one of DECISION_VISIBILITY_CONTENT_REMOVED,'],
    ['territorial_scope', ['DE', 'EU'], 'item 2 ("EU") must be one of AT, BE, BG,'],
    ['territorial_scope', ['DE', 'EL'], 'item 2 ("EL") must be one of AT, BE, BG,'],
    ['territorial_scope', ['DE', 'FR', 'DE'], 'item 3 ("DE") repeats item 1'],
    ['territorial_scope', 'DE', 'must be a JSON array of values from: AT, BE,'],
    ['eu_keywords', ['KEYWORD_NUDITY', 7], 'item 2 (number) must be one of KEYWORD_ANIMAL_HARM,'],
    ['eu_category', 'STATEMENT_CATEGORY_MADE_UP', 'must be one of "", STATEMENT_CATEGORY_ANIMAL_WELFARE,'],
    ['legal_ground', 'ILLEGAL', 'must be one of "", "DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT"'],
    ['content_language', 'DE', 'must be one of "", aa, ab,'],
    ['account_type', 'PRIVATE', 'must be one of "", "ACCOUNT_TYPE_BUSINESS", "ACCOUNT_TYPE_PRIVATE"'],
    ['service', 'Example Tok', "must be 1–64 letters, digits or . _ : -, starting with a letter or digit (or '' for none)"],
    ['time_precision', 'minute', 'must be one of "second", "day"'],
  ])('refuses %s = %j, naming the field and the item', (field, value, message) => {
    const r = check({ ...DSA, [field]: value });
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 1, field });
    expect(r.errors[0]!.message.startsWith(message), r.errors[0]!.message).toBe(true);
  });

  it('refuses restrictions on a decision that found no violation', () => {
    expect(check({ ...DSA, action: 'none' }).errors).toEqual([
      { line: 1, field: 'restrictions', message: "a decision with action 'none' (no violation found) restricts nothing; leave restrictions empty" },
    ]);
  });

  it('accepts every EEA state, v1 categories and keywords as filed, and nothing at all', () => {
    expect(EEA_MEMBER_STATES).toHaveLength(30);
    expect(check({ ...DSA, territorial_scope: EEA_MEMBER_STATES }).errors).toEqual([]);
    expect(check({ eu_category: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE', eu_keywords: ['KEYWORD_ONLINE_BULLYING_INTIMIDATION'] }).errors).toEqual([]);
    const plain = check({});
    expect(plain.errors).toEqual([]);
    // the zero defaults are left to the columns' defaults (ingest/defaults.test.ts reads them back); a non-zero default is written
    expect(plain.rows[0]!.record).toMatchObject({ time_precision: 'second' });
    for (const f of ['service', 'eu_category', 'eu_keywords', 'legal_ground', 'restrictions', 'content_language', 'territorial_scope', 'account_type']) {
      expect(plain.rows[0]!.record[f], f).toBeUndefined();
    }
  });

  it("accepts the README's example of a decision with the DSA fields", () => {
    const readme = fs.readFileSync('README.md', 'utf8');
    const block = /Optional, for the EU DSA transparency report[^\n]*\n```json\n(.+)\n```/.exec(readme);
    expect(block).not.toBeNull();
    const r = validateBatch(stream, parseBatch(block![1]!, 'ndjson'), NOW);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]!.record).toMatchObject({ territorial_scope: ['AT', 'DE'], restrictions: ['DECISION_VISIBILITY_CONTENT_REMOVED', 'DECISION_ACCOUNT_SUSPENDED'] });
  });

  it('describes a list to producers as a JSON Schema array of enum values', () => {
    const props = jsonSchemaOf(stream).properties as Record<string, Record<string, unknown>>;
    expect(props.restrictions).toMatchObject({ type: 'array', uniqueItems: true, items: { enum: expect.arrayContaining(['DECISION_PROVISION_TOTAL_TERMINATION']) } });
    expect((props.territorial_scope!.items as { enum: string[] }).enum).toHaveLength(30);
    expect(props.legal_ground).toMatchObject({ enum: ['', 'DECISION_GROUND_ILLEGAL_CONTENT', 'DECISION_GROUND_INCOMPATIBLE_CONTENT'] });
  });
});

describe('DSA fields of moderation decisions: storage', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase({ migrate: false });
  });
  afterAll(async () => t.close());

  const oldRow = (id: string, flagged: string, decided: string) => ({
    decision_id: id, content_id: `c-${id}`, region: 'EU', country: 'DE', policy: 'hate_speech', content_type: 'video',
    detection_source: 'user_report', enforcement_path: 'human', action: 'removed', posted_at: flagged, flagged_at: flagged, decided_at: decided,
    views_at_action: 1, queue: '', sla_seconds: 0, model_id: '', model_version: '',
  });
  const histogram = async (table: string) =>
    (await t.db.select<{ decisions: number; tta: [number[], number[]] }>('test.tta', `SELECT sum(decisions) AS decisions, sumMap(tta_hist) AS tta FROM ${table}`))[0]!;

  it('reads "not given" on decisions stored before 0017 and leaves imported DSA decisions out of time to action', async () => {
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-migrations-'));
    for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '0017')) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(before, f));
    await migrate(t.db, t.log, before);
    // O1: flagged 60 s before the decision; dsa-X: imported from a DSA dump before 0017 (dates only)
    await t.db.insertRows('test.fixture', 'moderation_decisions', [
      oldRow('O1', '2026-03-02 10:00:00', '2026-03-02 10:01:00'),
      oldRow('dsa-X', '2026-03-01 00:00:00', '2026-03-02 00:00:00'),
    ]);
    await migrate(t.db, t.log);

    const rows = await t.db.select<Record<string, unknown>>(
      'test.read',
      `SELECT decision_id, service, eu_category, eu_keywords, legal_ground, restrictions, content_language, territorial_scope, account_type, time_precision
       FROM moderation_decisions ORDER BY decision_id`,
    );
    const notGiven = { service: '', eu_category: '', eu_keywords: [], legal_ground: '', restrictions: [], content_language: '', territorial_scope: [], account_type: '' };
    expect(rows).toEqual([
      { decision_id: 'O1', ...notGiven, time_precision: 'second' },
      { decision_id: 'dsa-X', ...notGiven, time_precision: 'day' },
    ]);
    // both decisions count; only O1 has a time to action: bucket floor(8 × log2(1 + 60)) = 47
    for (const table of ['moderation_hourly', 'moderation_region_policy_hourly', 'moderation_daily', 'moderation_region_policy_daily']) {
      expect(await histogram(table), table).toEqual({ decisions: 2, tta: [[47], [1]] });
    }
  });

  it('stores a decision with every DSA field through the journal and reads it back as sent', async () => {
    const sent = {
      ...stream.example, decision_id: 'd-dsa-1', decided_at: '2026-11-16T10:01:05Z', ...DSA,
    };
    const dayOnly = {
      ...stream.example, decision_id: 'd-dsa-2', posted_at: '2026-11-15T00:00:00Z', flagged_at: '2026-11-15T00:00:00Z', decided_at: '2026-11-16T00:00:00Z',
      time_precision: 'day',
    };
    const valid = validateBatch(stream, parseBatch([sent, dayOnly].map((r) => JSON.stringify(r)).join('\n'), 'ndjson'), NOW);
    expect(valid.errors).toEqual([]);
    expect(await new Ingestor(t.db).ingest(stream, valid)).toMatchObject({ accepted: 2 });

    const [row] = await t.db.select<Record<string, unknown>>(
      'test.read',
      `SELECT service, eu_category, eu_keywords, legal_ground, restrictions, content_language, territorial_scope, account_type, time_precision
       FROM moderation_decisions WHERE decision_id = 'd-dsa-1'`,
    );
    expect(row).toEqual({ ...DSA, time_precision: 'second' });
    // the batch journal (migrations 0020, 0023) holds the raw rows as sent to the table, lists
    // included: a header line of columns, then tab-separated values, a list as ['A','B']
    const [journal] = await t.db.select<{ body: string; format: string }>('test.journal', "SELECT body, format FROM ingest_batch_journal WHERE stream = 'moderation-decisions'");
    expect(journal!.format).toBe('TabSeparatedWithNames');
    const [header, ...lines] = journal!.body.trim().split('\n').map((line) => line.split('\t'));
    const values = lines.find((l) => l[header!.indexOf('decision_id')] === 'd-dsa-1')!;
    const journaled = Object.fromEntries(header!.map((c, i) => [c, values[i]]));
    const list = (items: readonly string[]) => `[${items.map((x) => `'${x}'`).join(',')}]`;
    expect(journaled).toMatchObject({ restrictions: list(DSA.restrictions), territorial_scope: list(DSA.territorial_scope), eu_keywords: list(DSA.eu_keywords) });

    // the day-precision decision counts as a decision but adds nothing to time to action; the
    // example's 145 s from flag to decision is bucket floor(8 × log2(146)) = 57
    const hourly = await t.db.select<{ decisions: number; tta: [number[], number[]] }>(
      'test.tta', "SELECT sum(decisions) AS decisions, sumMap(tta_hist) AS tta FROM moderation_hourly WHERE hour >= '2026-11-01 00:00:00'",
    );
    expect(hourly[0]).toEqual({ decisions: 2, tta: [[57], [1]] });
  });
});
