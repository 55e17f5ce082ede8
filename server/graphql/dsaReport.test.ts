// The DSA report over GraphQL: admins and compliance officers with an unrestricted scope get the
// parts (the CSV each would file) and the checks, write the texts and export; anyone else is
// refused with FORBIDDEN, and a bad period with BAD_USER_INPUT. An export past a failing check
// needs an override reason, which the audit log keeps.
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
  }, {
    // service "trap": a terms-and-conditions removal filed with the v1 category, no row of the
    // template, so part 6's categories add up to 0 of its TOTAL of 1 (categories-add-up fails)
    decision_id: 'd2', content_id: 'c2', decided_at: '2026-03-02 10:00:00', posted_at: '2026-03-02 09:00:00', flagged_at: '2026-03-02 09:59:00', enqueued_at: '2026-03-02 09:59:00',
    region: 'EU', country: 'DE', policy: 'spam_fake_engagement', content_type: 'comment', detection_source: 'automated', enforcement_path: 'automated', action: 'removed',
    queue: '', sla_seconds: 0, views_at_action: 0, model_id: '', model_version: '', service: 'trap', eu_category: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
    eu_keywords: [], legal_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT', restrictions: ['DECISION_VISIBILITY_CONTENT_REMOVED'], content_language: 'de',
  }]);
});
afterAll(async () => {
  await api.stop();
  await t.close();
});

const QUERY = `query($input: DsaReportInput!) { dsaReport(input: $input) { parts { part header rows csv } checks { rule offences { part cell message } } } }`;
const INPUT = { input: { from: '2026-01-01', to: '2026-06-30', service: 'svc' } };

/** Who may read the report (and anything drawn from it): admins and compliance officers with an unrestricted scope. */
const REPORT_ACCESS: readonly [Access, boolean][] = [
  [{ username: 'ada', role: 'admin', scope: {} }, true],
  [{ username: 'cora', role: 'compliance', scope: {} }, true],
  [{ username: 'vic', role: 'viewer', scope: {} }, false],
  [{ username: 'ann', role: 'analyst', scope: {} }, false],
  [{ username: 'ed', role: 'editor', scope: {} }, false],
  [{ username: 'eve', role: 'admin', scope: { REGION: ['EU'] } }, false],
  [{ username: 'cid', role: 'compliance', scope: { COUNTRY: ['DE'] } }, false],
  [{ username: 'cav', role: 'compliance', scope: { VENDOR: ['kestrel'] } }, false],
];

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

  it('access matrix: admins and compliance officers with an unrestricted scope read, word and export it; other roles and any limited scope are refused', async () => {
    const SET = `mutation($input: DsaReportTextInput!) { setDsaReportText(input: $input) { version } }`;
    const EXPORT = `mutation($input: DsaExportInput!) { exportDsaReport(input: $input) { fileName } }`;
    const who = REPORT_ACCESS;
    let version = 0;
    for (const [access, allowed] of who) {
      // each indicator row 9 write is based on the version the previous allowed writer left
      const asks = [
        api.gql(QUERY, INPUT, access),
        api.gql(SET, { input: { ...INPUT.input, indicator: 9, body: `by ${access.username}`, expectedVersion: version } }, access),
        api.gql(EXPORT, { input: { ...INPUT.input, format: 'CSV', part: 5 } }, access),
      ];
      for (const [i, r] of (await Promise.all(asks)).entries()) {
        if (allowed) expect(r.errors, `${access.username} ask ${i}`).toBeUndefined();
        else {
          expect(r.errors?.[0]?.extensions.code, `${access.username} ask ${i}`).toBe('FORBIDDEN');
          expect(r.data).toBeNull();
        }
      }
      if (allowed) version++;
    }
    expect(version).toBe(2);
    const analyst = await api.gql(QUERY, INPUT, { username: 'ann', role: 'analyst', scope: {} });
    expect(analyst.errors?.[0]?.message).toBe('The DSA transparency report needs the admin or compliance role; you are an analyst (also explore, see the SQL behind figures and export).');
  });

  it('exports a part as the CSV of dsaReport, byte for byte and the workbook, each recorded in the audit log', async () => {
    const EXPORT = `mutation($input: DsaExportInput!) { exportDsaReport(input: $input) { fileName mediaType content base64 failing } }`;
    const officer: Access = { username: 'cleo', role: 'compliance', scope: {} };
    const { dsaReport } = await api.ok(QUERY, INPUT);
    const csv = (await api.gql(EXPORT, { input: { ...INPUT.input, format: 'CSV', part: 5 } }, officer)).data.exportDsaReport;
    expect(csv).toMatchObject({ mediaType: 'text/csv', base64: false, failing: [], fileName: fs.readdirSync('server/dsa/templates').find((f) => f.includes('_Part_5_')) });
    expect(csv.content).toBe(dsaReport.parts[4].csv);
    const xlsx = (await api.gql(EXPORT, { input: { ...INPUT.input, format: 'XLSX' } }, officer)).data.exportDsaReport;
    expect(xlsx).toMatchObject({ fileName: 'dsa-transparency-report_svc_2026-01-01_2026-06-30.xlsx', base64: true });
    // a zip (XLSX) starts with "PK\x03\x04"
    expect(Buffer.from(xlsx.content, 'base64').subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const entries = await t.db.select<{ target: string; detail: string; ok: number }>('test.audit', `SELECT target, detail, ok FROM audit_log WHERE actor = 'cleo' AND action = 'export' ORDER BY at`, {});
    expect(entries.map((e) => [e.target, Number(e.ok), JSON.parse(e.detail)])).toEqual([
      ['dsa-report:svc:2026-01-01/2026-06-30:part-5', 1, { kind: 'dsa_report', format: 'csv', part: 5, failing: [] }],
      ['dsa-report:svc:2026-01-01/2026-06-30', 1, { kind: 'dsa_report', format: 'xlsx', failing: [] }],
    ]);
    const bad = await api.gql(EXPORT, { input: { ...INPUT.input, format: 'CSV', part: 12 } }, officer);
    expect(bad.errors?.[0]).toMatchObject({ message: 'input.part: a CSV export is one part, from 1 to 11; got 12', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses to export a report with a failing check without an override reason, and records the override with its reason', async () => {
    const EXPORT = `mutation($input: DsaExportInput!) { exportDsaReport(input: $input) { content failing } }`;
    const officer: Access = { username: 'otto', role: 'compliance', scope: {} };
    const trap = { from: '2026-01-01', to: '2026-06-30', service: 'trap', format: 'CSV', part: 6 };
    for (const override of [undefined, '   ']) {
      const refused = await api.gql(EXPORT, { input: { ...trap, override } }, officer);
      expect(refused.errors?.[0]).toMatchObject({
        message: 'input.override: the report fails a check (categories-add-up); say why it is exported anyway (recorded in the audit log), or fix the data',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const done = (await api.gql(EXPORT, { input: { ...trap, override: 'v1 rows reclassified in the next report' } }, officer)).data.exportDsaReport;
    expect(done.failing).toEqual(['categories-add-up']);
    // part 6's TOTAL row counts the one removal (column F: measures), its category rows none
    const total = done.content.split('\n')[1].split(',');
    expect(total[3]).toBe('TOTAL');
    expect(total[5]).toBe('1');
    const entries = await t.db.select<{ detail: string; ok: number }>('test.audit', `SELECT detail, ok FROM audit_log WHERE actor = 'otto' AND action = 'export' ORDER BY at`, {});
    expect(entries.map((e) => [Number(e.ok), JSON.parse(e.detail)])).toEqual([
      [0, { kind: 'dsa_report', format: 'csv', part: 6, failing: ['categories-add-up'], refused: 'failing checks, no override' }],
      [0, { kind: 'dsa_report', format: 'csv', part: 6, failing: ['categories-add-up'], refused: 'failing checks, no override' }],
      [1, { kind: 'dsa_report', format: 'csv', part: 6, failing: ['categories-add-up'], override: 'v1 rows reclassified in the next report', offences: 3 }],
    ]);
  });

  it('lists the services with report data in the period, only to those who may read the report', async () => {
    // known services: svc and trap (decisions above, March 2026); alpha (a notice, 30 June 2026,
    // the period's last second); beta (an order on 31 December 2025, the period before); gamma (a
    // decision without a DSA ground: the report counts none); '' (an install's only service: the
    // "All services" report covers it, it is no choice of its own)
    await t.db.insertRows('test', 'dsa_notices', [{
      notice_id: 'n-alpha', service: 'alpha', received_at: '2026-06-30 23:59:59', eu_category: 'STATEMENT_CATEGORY_VIOLENCE', eu_keyword: '', items: 1, trusted_flagger: 0, automated: 0, decision_id: '', legal_ground: '',
    }]);
    await t.db.insertRows('test', 'dsa_orders', [{
      order_id: 'o-beta', service: 'beta', member_state: 'FR', order_type: 'provide_information', eu_category: 'STATEMENT_CATEGORY_VIOLENCE', eu_keyword: '', items: 1,
      received_at: '2025-12-31 12:00:00', acknowledged_at: '2025-12-31 13:00:00',
    }]);
    const decision = {
      content_id: 'c', posted_at: '2026-03-01 09:00:00', flagged_at: '2026-03-01 09:00:00', enqueued_at: '2026-03-01 09:00:00', decided_at: '2026-03-01 10:00:00', region: 'EU', country: 'DE',
      policy: 'hate_speech', content_type: 'video', detection_source: 'automated', enforcement_path: 'automated', action: 'removed', queue: '', sla_seconds: 0, views_at_action: 0, model_id: '',
      model_version: '', eu_category: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', eu_keywords: ['KEYWORD_HATE_SPEECH'], restrictions: ['DECISION_VISIBILITY_CONTENT_REMOVED'], content_language: 'de',
    };
    await t.db.insertRows('test', 'moderation_decisions', [
      { ...decision, decision_id: 'd-gamma', service: 'gamma', legal_ground: '' },
      { ...decision, decision_id: 'd-only', service: '', legal_ground: 'DECISION_GROUND_ILLEGAL_CONTENT' },
    ]);
    const SERVICES = `query($input: DsaPeriodInput!) { dsaReportServices(input: $input) }`;
    const half = { input: { from: '2026-01-01', to: '2026-06-30' } };
    const who = REPORT_ACCESS;
    for (const [access, allowed] of who) {
      const r = await api.gql(SERVICES, half, access);
      if (allowed) {
        expect(r.errors, access.username).toBeUndefined();
        expect(r.data.dsaReportServices).toEqual(['alpha', 'svc', 'trap']);
      } else {
        expect(r.errors?.[0]?.extensions.code, access.username).toBe('FORBIDDEN');
        expect(r.data).toBeNull();
        // nothing of the list in the answer, nor in the refusal of a bad period (access is checked first)
        const bad = await api.gql(SERVICES, { input: { from: '2026-02-30', to: 'x' } }, access);
        expect(bad.errors?.[0]?.extensions.code, access.username).toBe('FORBIDDEN');
        expect(JSON.stringify([r, bad])).not.toMatch(/alpha|svc|trap/);
      }
    }
    expect((await api.ok(SERVICES, { input: { from: '2025-07-01', to: '2025-12-31' } })).dsaReportServices).toEqual(['beta']);
    expect((await api.ok(SERVICES, { input: { from: '2027-01-01', to: '2027-06-30' } })).dsaReportServices).toEqual([]);
    const bad = await api.gql(SERVICES, { input: { from: '2026-06-30', to: '2026-01-01' } });
    expect(bad.errors?.[0]).toMatchObject({ message: 'the period ends (2026-01-01) before it starts (2026-06-30)', extensions: { code: 'BAD_USER_INPUT' } });
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
    // the texts with their versions, for the page to edit: indicator 3 at version 2, one never written at 0
    const { dsaReport: withTexts } = await api.ok(`query($input: DsaReportInput!) { dsaReport(input: $input) { texts { indicator name body version } } }`, INPUT);
    expect(withTexts.texts).toHaveLength(11);
    expect(withTexts.texts[2]).toEqual({ indicator: 3, name: 'Qualitative description of the automated means', body: 'Classifiers flag; reviewers decide borderline items and appeals.', version: 2 });
    expect(withTexts.texts[0]).toMatchObject({ indicator: 1, body: '', version: 0 });
    const scoped: Access = { username: 'eve', role: 'admin', scope: { COUNTRY: ['DE'] } };
    expect((await api.gql(SET, text('z', 2), scoped)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
