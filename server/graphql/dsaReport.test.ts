// The DSA report over GraphQL: admins with an unrestricted scope get the parts (the CSV each would
// file) and the checks; anyone else is refused with FORBIDDEN, and a bad period with BAD_USER_INPUT.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { startTestApi, type TestApi } from '../testing/testApi.js';
import type { Access } from '../access/access.js';

let t: TestDatabase;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDatabase();
  api = await startTestApi(t);
  // one own-initiative, solely automated removal of illegal hate speech, on 2026-03-01
  await t.db.insertRows('test', 'moderation_decisions', [{
    decision_id: 'd1', content_id: 'c1', decided_at: '2026-03-01 10:00:00', posted_at: '2026-03-01 09:00:00', flagged_at: '2026-03-01 09:59:00', enqueued_at: '2026-03-01 09:59:00',
    region: 'EU', country: 'DE', policy: 'hate_speech', content_type: 'video', detection_source: 'automated', enforcement_path: 'automated', action: 'removed',
    queue: '', sla_seconds: 0, views_at_action: 0, model_id: '', model_version: '', service: 'svc', eu_category: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
    eu_keywords: ['KEYWORD_HATE_SPEECH'], legal_ground: 'DECISION_GROUND_ILLEGAL_CONTENT', restrictions: ['DECISION_VISIBILITY_CONTENT_REMOVED'], content_language: 'de',
  }]);
});
afterAll(async () => {
  await api.stop();
  await t.close();
});

const QUERY = `query($input: DsaReportInput!) { dsaReport(input: $input) { parts { part header rows csv } checks { rule offences { part cell message } } } }`;
const INPUT = { input: { from: '2026-01-01', to: '2026-06-30', service: 'svc' } };

describe('dsaReport', () => {
  it('gives an admin the eleven parts in the template layout, with the figures and the checks', async () => {
    const { dsaReport } = await api.ok(QUERY, INPUT);
    expect(dsaReport.parts.map((p: { part: number }) => p.part)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const p5 = dsaReport.parts[4];
    const template = fs.readFileSync(path.join('server/dsa/templates', fs.readdirSync('server/dsa/templates').find((f) => f.includes('_Part_5_'))!), 'utf8');
    expect(p5.csv.slice(0, template.indexOf('\n') + 1)).toBe(template.slice(0, template.indexOf('\n') + 1));
    const row = (code: string) => p5.rows.find((r: string[]) => r[3] === code);
    const measures = p5.header.indexOf("Number of measures taken at the provider's own initiative ");
    expect(row('TOTAL')[measures]).toBe('1');
    expect(row('STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH')[measures]).toBe('1');
    expect(row('KEYWORD_HATE_SPEECH')[measures]).toBe('1');
    expect(row('TOTAL')[2]).toBe('2026-01-01/2026-06-30');
    expect(dsaReport.checks.map((c: { rule: string }) => c.rule)).toHaveLength(6);
    expect(dsaReport.checks.flatMap((c: { offences: unknown[] }) => c.offences)).toEqual([]);
  });

  it('refuses an analyst, and an admin whose scope is limited to a region', async () => {
    const analyst: Access = { username: 'ann', role: 'analyst', scope: {} };
    const scopedAdmin: Access = { username: 'eve', role: 'admin', scope: { REGION: ['EU'] } };
    for (const access of [analyst, scopedAdmin]) {
      const r = await api.gql(QUERY, INPUT, access);
      expect(r.errors?.[0]?.extensions.code, access.username).toBe('FORBIDDEN');
      expect(r.data).toBeNull();
    }
  });

  it('says which date is wrong', async () => {
    const r = await api.gql(QUERY, { input: { from: '2026-02-30', to: '2026-06-30' } });
    expect(r.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toBe('from "2026-02-30": expected a date like 2025-07-01');
  });

  it('keeps every version of a qualitative text: written, edited on the version loaded, a stale edit refused, the report shows the latest', async () => {
    const SET = `mutation($input: DsaReportTextInput!) { setDsaReportText(input: $input) { id indicator body version author } }`;
    const text = (body: string, expectedVersion: number) => ({ input: { from: '2026-01-01', to: '2026-06-30', service: 'svc', indicator: 3, body, expectedVersion } });
    const first = (await api.ok(SET, text('Classifiers flag; people decide appeals.', 0))).setDsaReportText;
    expect(first).toMatchObject({ indicator: 'Qualitative description of the automated means', version: 1, author: 'system' });
    const second = (await api.ok(SET, text('Classifiers flag; reviewers decide borderline items and appeals.', 1))).setDsaReportText;
    expect(second).toMatchObject({ id: first.id, version: 2 });
    const stale = await api.gql(SET, text('An edit based on version 1.', 1));
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const again = await api.gql(SET, text('A second first version.', 0));
    expect(again.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const bad = await api.gql(SET, { input: { ...text('x', 0).input, indicator: 12 } });
    expect(bad.errors?.[0]?.message).toBe('indicator must be a row of part 11, from 1 to 11; got 12');
    const versions = await t.db.select<{ version: number; body: string }>('test', 'SELECT version, body FROM dsa_report_texts WHERE text_id = {id:String} ORDER BY version', { id: first.id });
    expect(versions.map((v) => Number(v.version))).toEqual([1, 2]);
    const { dsaReport } = await api.ok(QUERY, INPUT);
    const part11 = dsaReport.parts[10];
    expect(part11.rows.find((r: string[]) => r[3] === 'Qualitative description of the automated means')[4]).toBe('Classifiers flag; reviewers decide borderline items and appeals.');
    const scoped: Access = { username: 'eve', role: 'admin', scope: { COUNTRY: ['DE'] } };
    expect((await api.gql(SET, text('z', 2), scoped)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
