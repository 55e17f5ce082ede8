// The EU DSA loader on the hand-written samples (samples/): every statement maps to the policy,
// country, action, detection source and enforcement path worked out by hand below and keeps its
// DSA values as filed; malformed rows are reported with their line; importing twice changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';
import { importDsa, type DsaReport } from './importer.js';
import { csvPart } from './dump.js';
import { EU_MEMBER_STATES } from '../../domain/dsaVocabulary.js';
import { DIMENSIONS } from '../../definitions/dimensions.js';

const samples = path.join(path.dirname(fileURLToPath(import.meta.url)), 'samples');
const part = (name: string) => csvPart(name, fs.createReadStream(path.join(samples, name)));
let t: TestDatabase;
let full: DsaReport;

beforeAll(async () => {
  t = await openTestDatabase();
  full = await importDsa(t.db, [part('sor-full-sample.csv')]);
});
afterAll(async () => t.close());

describe('EU DSA statements of reasons', () => {
  it('loads every readable statement of the full layout, unmapped ones too, and reports the others with their line', () => {
    expect(full).toMatchObject({ parts: [{ file: 'sor-full-sample.csv', layout: 'full', rows: 16 }], rows: 16, imported: 11, duplicates: 0, skipped: 5 });
    expect(full.skippedExamples).toEqual([
      { file: 'sor-full-sample.csv', line: 14, reason: 'unknown category', detail: 'unknown category "STATEMENT_CATEGORY_MADE_UP"' },
      { file: 'sor-full-sample.csv', line: 15, reason: 'a list field is not a JSON array of strings', detail: 'territorial_scope is not a JSON array of strings' },
      { file: 'sor-full-sample.csv', line: 16, reason: 'application_date is not a date', detail: 'application_date "31/02/2025" is not a date' },
      { file: 'sor-full-sample.csv', line: 17, reason: 'wrong number of fields', detail: 'has 6 fields, the header has 37' },
      { file: 'sor-full-sample.csv', line: 18, reason: 'territorial_scope has a code outside the EEA', detail: 'territorial_scope has "US", not an EEA member state' },
    ]);
    expect(full.skippedByReason).toEqual({
      'unknown category': 1, 'a list field is not a JSON array of strings': 1, 'application_date is not a date': 1, 'wrong number of fields': 1,
      'territorial_scope has a code outside the EEA': 1,
    });
  });

  it('maps category, scope, restrictions, source and automation as worked out by hand', async () => {
    const rows = await t.db.select<Record<string, string>>(
      'test.dsa',
      `SELECT decision_id, policy, country, region, action, detection_source, enforcement_path, content_type
       FROM moderation_decisions ORDER BY decision_id`,
    );
    const short = rows.map((r) => [r.decision_id!.slice(-2), r.policy, r.country, r.action, r.detection_source, r.enforcement_path, r.content_type]);
    expect(short).toEqual([
      // v1 hate speech in Germany, removed, found and decided by automation (v1 "Yes")
      ['01', 'hate_speech', 'DE', 'removed', 'automated', 'automated', 'video'],
      // v1 sexualised content in Greece, age-restricted after an Article 16 notice, human decision
      ['02', 'adult_nudity', 'GR', 'age_restricted', 'user_report', 'human', 'image'],
      // v1 non-consensual behaviour across the whole EU, account suspended after a trusted flag
      ['03', 'harassment_bullying', 'EU', 'account_action', 'trusted_flagger', 'human', 'video'],
      // v2 cyber violence, demoted, found by people on the platform's own initiative
      ['04', 'harassment_bullying', 'FR', 'restricted', 'own_initiative', 'human', 'comment'],
      // v2 civic discourse in two states, labelled, partly automated decision
      ['05', 'misinformation', 'EU', 'restricted', 'automated', 'hybrid', 'video'],
      // v2 protection of minors with the unsafe-challenges keyword
      ['06', 'dangerous_acts', 'PL', 'removed', 'automated', 'automated', 'video'],
      // v2 scams with the inauthentic-accounts keyword, account terminated
      ['07', 'spam_fake_engagement', 'NL', 'account_action', 'user_report', 'human', 'video'],
      // v2 unsafe products, access disabled after another kind of notice (an authority)
      ['08', 'regulated_goods', 'SE', 'removed', 'legal_request', 'human', 'video'],
      // v1 scope of service with the nudity keyword, Greece given as EL
      ['09', 'adult_nudity', 'GR', 'restricted', 'automated', 'automated', 'video'],
      // v2 self-harm; its free text holds quotes, commas and a newline
      ['10', 'suicide_self_harm', 'IE', 'removed', 'user_report', 'human', 'video'],
      // intellectual property: no Vigil policy covers it, imported as unmapped (it counts in the DSA report)
      ['11', 'unmapped', 'DE', 'removed', 'user_report', 'human', 'video'],
    ]);
    expect(new Set(rows.map((r) => r.region))).toEqual(new Set(['EU']));
  });

  it('keeps the DSA values as filed: category, keywords, ground, every restriction, account type, platform, language, member states', async () => {
    const rows = await t.db.select<Record<string, unknown>>(
      'test.dsa',
      `SELECT right(decision_id, 2) AS n, service, eu_category, eu_keywords, legal_ground, restrictions, content_language, territorial_scope, account_type, time_precision
       FROM moderation_decisions WHERE right(decision_id, 2) IN ('03', '05', '09', '11') ORDER BY n`,
    );
    const common = { service: 'ExampleTok', legal_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT', content_language: 'en', account_type: 'ACCOUNT_TYPE_PRIVATE', time_precision: 'day' };
    expect(rows).toEqual([
      // the 27 member states, listed one by one in the dump
      { n: '03', ...common, eu_category: 'STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR', eu_keywords: [], restrictions: ['DECISION_ACCOUNT_SUSPENDED'], territorial_scope: [...EU_MEMBER_STATES] },
      // "IT", "ES": both kept (in EEA order), not "EU"
      { n: '05', ...common, eu_category: 'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS', eu_keywords: ['KEYWORD_MISINFORMATION_DISINFORMATION'], restrictions: ['DECISION_VISIBILITY_CONTENT_LABELLED'], territorial_scope: ['ES', 'IT'] },
      { n: '09', ...common, eu_category: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE', eu_keywords: ['KEYWORD_NUDITY'], restrictions: ['DECISION_VISIBILITY_OTHER'], territorial_scope: ['GR'] },
      { n: '11', ...common, eu_category: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS', eu_keywords: [], restrictions: ['DECISION_VISIBILITY_CONTENT_REMOVED'], territorial_scope: ['DE'] },
    ]);
  });

  it('leaves the day-precision statements out of time to action, and counts them everywhere else', async () => {
    const [r] = await t.db.select<{ decisions: number; tta: [number[], number[]] }>(
      'test.tta', 'SELECT sum(decisions) AS decisions, sumMap(tta_hist) AS tta FROM moderation_hourly',
    );
    expect(r).toEqual({ decisions: 11, tta: [[], []] });
  });

  it('shows the unmapped policy with its label in the dashboard dimension', () => {
    expect(DIMENSIONS.POLICY.values!.find((v) => v.code === 'unmapped')).toEqual({ code: 'unmapped', label: 'Unmapped (DSA category only)' });
  });

  it('loads the light layout, and a statement already imported counts once', async () => {
    const light = await importDsa(t.db, [part('sor-light-sample.csv')]);
    expect(light).toMatchObject({ parts: [{ layout: 'light', rows: 4 }], rows: 4, imported: 3, duplicates: 1, skipped: 0 });
    expect(light.byPolicy).toEqual({ harassment_bullying: 1, frauds_scams: 1, violent_graphic: 1, hate_speech: 1 });
  });

  it('changes nothing when a file is imported again', async () => {
    const again = await importDsa(t.db, [part('sor-full-sample.csv')]);
    expect(again).toMatchObject({ imported: 0, duplicates: 11, skipped: 5 });
    const n = await t.db.select<{ n: string; rolled: string }>('test.dsa', 'SELECT (SELECT count() FROM moderation_decisions) AS n, (SELECT sum(decisions) FROM moderation_hourly) AS rolled');
    expect([Number(n[0]!.n), Number(n[0]!.rolled)]).toEqual([14, 14]);
  });

  it('refuses a file that is not a statement-of-reasons dump', async () => {
    await expect(importDsa(t.db, [csvPart('people.csv', ['name,age\nx,1\n'])])).rejects.toThrow(/people.csv is not a statement-of-reasons file: the header lacks uuid, decision_visibility/);
  });
});
