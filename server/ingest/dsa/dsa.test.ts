// The EU DSA loader on the hand-written samples (samples/): every statement maps to the policy,
// country, action, detection source and enforcement path worked out by hand below; malformed rows
// are skipped with their line; importing twice changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';
import { importDsa, type DsaReport } from './importer.js';
import { readCsv } from './csv.js';

const samples = path.join(path.dirname(fileURLToPath(import.meta.url)), 'samples');
const read = (name: string) => fs.createReadStream(path.join(samples, name));
let t: TestDatabase;
let full: DsaReport;

beforeAll(async () => {
  t = await openTestDatabase();
  full = await importDsa(t.db, read('sor-full-sample.csv'));
});
afterAll(async () => t.close());

describe('EU DSA statements of reasons', () => {
  it('loads the valid rows of the full layout and lists every skipped row with its line', () => {
    expect(full).toMatchObject({ layout: 'full', rows: 16, imported: 10, duplicates: 0, skipped: 6 });
    expect(full.skippedRows).toEqual([
      { line: 13, reason: 'category STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS has no Vigil policy' },
      { line: 14, reason: 'unknown category "STATEMENT_CATEGORY_MADE_UP"' },
      { line: 15, reason: 'territorial_scope is not a JSON array of strings' },
      { line: 16, reason: 'application_date "31/02/2025" is not a date' },
      { line: 17, reason: 'has 6 fields, the header has 37' },
      { line: 18, reason: 'territorial_scope has "US", not an EU/EEA code' },
    ]);
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
    ]);
    expect(new Set(rows.map((r) => r.region))).toEqual(new Set(['EU']));
  });

  it('loads the light layout, and a statement already imported counts once', async () => {
    const light = await importDsa(t.db, read('sor-light-sample.csv'));
    expect(light).toMatchObject({ layout: 'light', rows: 4, imported: 3, duplicates: 1, skipped: 0 });
    expect(light.byPolicy).toEqual({ harassment_bullying: 1, frauds_scams: 1, violent_graphic: 1, hate_speech: 1 });
  });

  it('changes nothing when a file is imported again', async () => {
    const again = await importDsa(t.db, read('sor-full-sample.csv'));
    expect(again).toMatchObject({ imported: 0, duplicates: 10, skipped: 6 });
    const n = await t.db.select<{ n: string; rolled: string }>('test.dsa', 'SELECT (SELECT count() FROM moderation_decisions) AS n, (SELECT sum(decisions) FROM moderation_hourly) AS rolled');
    expect([Number(n[0]!.n), Number(n[0]!.rolled)]).toEqual([13, 13]);
  });

  it('refuses a file that is not a statement-of-reasons dump', async () => {
    await expect(importDsa(t.db, ['name,age\nx,1\n'])).rejects.toThrow(/the header lacks uuid, decision_visibility/);
  });
});

describe('CSV reader', () => {
  it('keeps quoted commas, doubled quotes and newlines, with the line each record starts on', async () => {
    const out = [];
    for await (const r of readCsv(['a,b\r\n1,"x, ""y""\nz"\r\n', '2,', 'last\n'])) out.push(r);
    expect(out).toEqual([
      { line: 1, fields: ['a', 'b'], unterminated: false },
      { line: 2, fields: ['1', 'x, "y"\nz'], unterminated: false },
      { line: 4, fields: ['2', 'last'], unterminated: false },
    ]);
  });
  it('flags a quote never closed', async () => {
    const out = [];
    for await (const r of readCsv(['a\n"open'])) out.push(r);
    expect(out[1]).toMatchObject({ line: 2, unterminated: true });
  });
});
