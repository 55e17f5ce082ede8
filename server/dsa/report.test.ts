// The DSA transparency report on the demo's EU service: the files keep the Commission's templates
// byte for byte, the figures equal a computation straight from the raw rows (own SQL and
// arithmetic here, not the report's queries), the planted v1-category trap is caught, and an
// export past a failing check needs an override that lands in the audit log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { createLogger } from '../log.js';
import { AuditLog } from '../auth/audit.js';
import { DSA_DEMO_SERVICE, TRAP, loadDsaDemo } from '../demo/dsa.js';
import { buildReport, type DsaReport, type ReportOptions } from './report.js';
import { checkReport } from './checks.js';
import { partCsv } from './export.js';
import { exportReport } from './exportReport.js';

const TEMPLATES = path.join(path.dirname(new URL(import.meta.url).pathname), 'templates');
const templateFile = (part: number) => fs.readdirSync(TEMPLATES).find((f) => f.includes(`_CSV_Part_${part}_`))!;
// The demo ends on 2026-07-01, so its last complete half-year is 2026-01-01 … 2026-06-30.
const END = Date.parse('2026-07-01T00:00:00Z') / 1000;
const OPTIONS: ReportOptions = {
  from: '2026-01-01', to: '2026-06-30', service: DSA_DEMO_SERVICE, providerName: 'Vigil Demo B.V.', publishedOn: '2026-08-01', previousReportOn: '2026-02-01',
};
const FROM = '2026-01-01 00:00:00';
const TO = '2026-07-01 00:00:00';
// the figures were read a year after the period: every median is below that
const AS_OF = END + 365 * 86_400;

let t: TestDatabase;
let report: DsaReport;
beforeAll(async () => {
  t = await openTestDatabase();
  await loadDsaDemo(t.db, { seed: 5, days: 30, scale: 0.2, end: END }, 'test');
  // noise the report must leave out: another service, a decision without a DSA ground, one outside the period
  const base = {
    content_id: 'x', posted_at: '2026-03-01 09:00:00', flagged_at: '2026-03-01 09:00:00', enqueued_at: '2026-03-01 09:00:00', region: 'EU', country: 'DE', policy: 'hate_speech',
    content_type: 'video', detection_source: 'automated', enforcement_path: 'automated', action: 'removed', queue: '', sla_seconds: 0, views_at_action: 0, model_id: '', model_version: '',
    eu_category: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', eu_keywords: ['KEYWORD_HATE_SPEECH'], legal_ground: 'DECISION_GROUND_ILLEGAL_CONTENT', restrictions: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
  };
  await t.db.insertRows('test', 'moderation_decisions', [
    { ...base, decision_id: 'noise-1', decided_at: '2026-03-01 09:01:00', service: 'other-service' },
    { ...base, decision_id: 'noise-2', decided_at: '2026-03-01 09:01:00', service: DSA_DEMO_SERVICE, legal_ground: '' },
    { ...base, decision_id: 'noise-3', decided_at: '2026-07-01 00:00:00', service: DSA_DEMO_SERVICE },
  ]);
  report = await buildReport(t.db, OPTIONS, AS_OF);
});
afterAll(async () => t.close());

const q = async <T = Record<string, unknown>>(sql: string) => t.db.select<T>('test.dsa', sql, { from: FROM, to: TO, service: DSA_DEMO_SERVICE });
const count = async (sql: string) => Number((await q<{ n: string }>(sql))[0]!.n);
const PERIOD = `>= {from:DateTime('UTC')} AND ` as const;
const inPeriod = (c: string) => `${c} ${PERIOD}${c} < {to:DateTime('UTC')}`;

/** A cell of the report, found by the part's own header and the row's fixed cells. */
function cell(part: number, match: (cells: string[]) => boolean, column: string): string {
  const p = report.parts[part - 1]!;
  const row = p.rows.find((r) => match(r.cells));
  if (!row) throw new Error(`part ${part}: no such row`);
  return row.cells[p.header.indexOf(column)]!;
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length / 2;
  return s.length % 2 ? s[Math.floor(m)]! : (s[m - 1]! + s[m]!) / 2;
};
const hours2 = (seconds: number) => String(Number((seconds / 3600).toFixed(2)));

describe('the files', () => {
  it('start with the template header line byte for byte, and part 2 is the template itself', () => {
    for (const p of report.parts) {
      const template = fs.readFileSync(path.join(TEMPLATES, templateFile(p.part)));
      const written = Buffer.from(partCsv(p));
      const headerEnd = template.indexOf(0x0a) + 1;
      expect(written.subarray(0, headerEnd).equals(template.subarray(0, headerEnd)), `part ${p.part}`).toBe(true);
    }
    expect(Buffer.from(partCsv(report.parts[1]!)).equals(fs.readFileSync(path.join(TEMPLATES, templateFile(2))))).toBe(true);
  });

  it("keep the templates' row skeletons: fixed cells in order, placeholders expanded to 27 member states and 24 languages", () => {
    // parts 4–6: one row per template row, applicability and category exactly as published
    for (const part of [4, 5, 6]) {
      const template = fs.readFileSync(path.join(TEMPLATES, templateFile(part)), 'utf8').trimEnd().split('\n').slice(1);
      const written = partCsv(report.parts[part - 1]!).trimEnd().split('\n').slice(1);
      expect(written.length).toBe(template.length);
      // the first field (quoted when it holds a comma) and the category code are kept
      const fixed = (line: string) => /^("[^"]*"|[^,]*),[^,]*,[^,]*,([A-Z_]+),/.exec(line)!.slice(1, 3);
      written.forEach((line, i) => expect(fixed(line)).toEqual(fixed(template[i]!)));
      expect(written.every((l) => l.includes(',2026-01-01/2026-06-30,'))).toBe(true);
    }
    const p3 = report.parts[2]!;
    expect(p3.rows.length).toBe(91 + 90 * 27);
    expect(p3.rows.slice(91, 91 + 27).map((r) => r.cells[5])).toEqual(['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE']);
    expect(report.parts[9]!.rows.map((r) => r.cells[5])).toHaveLength(28);
    expect(report.parts[8]!.rows.slice(3).map((r) => r.cells[5]).join(' ')).toBe('bg hr cs da nl en et fi fr de el hu ga it lv lt mt pl pt ro sk sl es sv');
    // part 8: 20 fixed rows, then measures and non-automated measures per language, then accuracy, precision, recall per language
    expect(report.parts[7]!.rows).toHaveLength(20 + 5 * 24);
  });

  it('write an XLSX workbook whose sheets hold the same header and numbers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-dsa-'));
    try {
      const outcome = await exportReport(t.db, new AuditLog(t.db, createLogger('silent')), { options: OPTIONS, dir, format: 'xlsx', override: 'test of the workbook', actor: 'test', ip: 'test' }, AS_OF);
      expect(outcome.written).toBe(true);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile((outcome as { files: string[] }).files[0]!);
      const sheet = book.getWorksheet('Part 4')!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(report.parts[3]!.header);
      expect(sheet.getRow(2).getCell(6).value).toBe(Number(report.parts[3]!.rows[0]!.cells[5]));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the figures equal a computation from the raw events', () => {
  const DECISIONS = `FROM moderation_decisions WHERE service = {service:String} AND ${inPeriod('decided_at')} AND action != 'none'`;
  const OWN = `detection_source IN ('automated', 'own_initiative')`;

  it('part 5: own-initiative measures on illegal content, a category, a keyword, solely automated, removals', async () => {
    const illegal = `${DECISIONS} AND legal_ground = 'DECISION_GROUND_ILLEGAL_CONTENT' AND ${OWN}`;
    const total = (cells: string[]) => cells[3] === 'TOTAL';
    expect(cell(5, total, "Number of measures taken at the provider's own initiative ")).toBe(String(await count(`SELECT count() AS n ${illegal}`)));
    expect(cell(5, total, 'Number of measures taken after detection with solely automated means ')).toBe(
      String(await count(`SELECT count() AS n ${illegal} AND detection_source = 'automated' AND enforcement_path = 'automated'`)),
    );
    expect(cell(5, total, 'Visibility restriction Removal')).toBe(String(await count(`SELECT count() AS n ${illegal} AND has(restrictions, 'DECISION_VISIBILITY_CONTENT_REMOVED')`)));
    const speech = `${illegal} AND eu_category = 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH'`;
    const speechRow = (c: string[]) => c[3] === 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH';
    const n = await count(`SELECT count() AS n ${speech}`);
    expect(n).toBeGreaterThan(20);
    expect(cell(5, speechRow, "Number of measures taken at the provider's own initiative ")).toBe(String(n));
    expect(cell(5, (c) => c[3] === 'KEYWORD_HATE_SPEECH', "Number of measures taken at the provider's own initiative ")).toBe(
      String(await count(`SELECT count() AS n ${speech} AND eu_keywords[1] = 'KEYWORD_HATE_SPEECH'`)),
    );
  });

  it('part 8: measures by automation, per language, and accuracy, precision, recall from random audits', async () => {
    const row = (indicator: string, scope: string) => (c: string[]) => c[4] === indicator && c[5] === scope;
    const all = `${DECISIONS} AND legal_ground != ''`;
    const automated = `detection_source = 'automated' AND enforcement_path = 'automated'`;
    expect(cell(8, row('Number of measures solely taken by automated means ', 'Total number'), 'Value')).toBe(String(await count(`SELECT count() AS n ${all} AND ${automated}`)));
    expect(cell(8, row('Number of measures not taken by automated means', 'Own-initiative '), 'Value')).toBe(String(await count(`SELECT count() AS n ${all} AND ${OWN} AND NOT (${automated})`)));
    expect(cell(8, row('Number of measures not taken by automated means', 'de'), 'Value')).toBe(String(await count(`SELECT count() AS n ${all} AND content_language = 'de' AND NOT (${automated})`)));
    // confusion counts straight from scores and labels, in JS
    const pairs = await q<{ score: number; threshold: number; is_violating: number }>(
      `SELECT p.score AS score, p.threshold AS threshold, g.is_violating AS is_violating FROM model_predictions p JOIN ground_truth_labels g ON g.content_id = p.content_id AND g.policy = p.policy
       WHERE p.region = 'EU' AND g.label_source IN ('random_audit', 'golden_set') AND ${inPeriod('p.scored_at')}`,
    );
    let tp = 0, fp = 0, fn = 0, tn = 0;
    for (const r of pairs) {
      const flagged = r.score >= r.threshold;
      const bad = Number(r.is_violating) === 1;
      if (flagged && bad) tp++; else if (flagged) fp++; else if (bad) fn++; else tn++;
    }
    expect(tp + fp + fn + tn).toBeGreaterThan(500);
    const four = (x: number) => String(Number(x.toFixed(4)));
    expect(cell(8, row('Accuracy of the automated means - Accuracy', 'Total number'), 'Value')).toBe(four((tp + tn) / (tp + fp + fn + tn)));
    expect(cell(8, row('Accuracy of the automated means - Precision', 'Total number'), 'Value')).toBe(four(tp / (tp + fp)));
    expect(cell(8, row('Accuracy of the automated means - Recall', 'Own-initiative '), 'Value')).toBe(four(tp / (tp + fn)));
  });

  it('part 4: notices, trusted flaggers, items, and the median time to action in hours', async () => {
    const notices = `FROM dsa_notices WHERE service = {service:String} AND ${inPeriod('received_at')}`;
    const total = (c: string[]) => c[3] === 'TOTAL';
    expect(cell(4, total, 'Number of notices received ')).toBe(String(await count(`SELECT count() AS n ${notices}`)));
    expect(cell(4, total, 'Number of notices received from Trusted flaggers')).toBe(String(await count(`SELECT count() AS n ${notices} AND trusted_flagger = 1`)));
    expect(cell(4, total, 'Number of specific items of information included in the total number of notices')).toBe(String(await count(`SELECT sum(items) AS n ${notices}`)));
    const times = await q<{ s: string; tf: number }>(`SELECT toUnixTimestamp(decided_at) - toUnixTimestamp(received_at) AS s, trusted_flagger AS tf ${notices} AND legal_ground != ''`);
    expect(cell(4, total, 'Median time to take action')).toBe(hours2(median(times.map((r) => Number(r.s)))));
    expect(cell(4, total, 'Median time to take action (Trusted Flagger notices)')).toBe(hours2(median(times.filter((r) => Number(r.tf) === 1).map((r) => Number(r.s)))));
  });

  it('part 3: orders to act from one member state, and its median time to acknowledge', async () => {
    const orders = `FROM dsa_orders WHERE service = {service:String} AND ${inPeriod('received_at')} AND member_state = 'DE' AND order_type = 'act_against_illegal_content'`;
    const de = (c: string[]) => c[3] === 'TOTAL' && c[5] === 'DE';
    expect(cell(3, de, 'Number of orders to act against illegal content received')).toBe(String(await count(`SELECT count() AS n ${orders}`)));
    const acks = await q<{ s: string }>(`SELECT toUnixTimestamp(acknowledged_at) - toUnixTimestamp(received_at) AS s ${orders}`);
    expect(cell(3, de, 'Median time to inform the authority of the receipt of the order to act against illegal content')).toBe(hours2(median(acks.map((r) => Number(r.s)))));
  });

  it('part 7: complaints by outcome and their median handling time; disputes; suspensions', async () => {
    const filed = await q<{ appeal_id: string; at: string }>(
      `SELECT appeal_id, toUnixTimestamp(event_at) AS at FROM appeal_events WHERE service = {service:String} AND event = 'filed' AND dsa_subject != '' AND ${inPeriod('event_at')}`,
    );
    const resolved = new Map((await q<{ appeal_id: string; at: string; o: string }>(
      `SELECT appeal_id, toUnixTimestamp(event_at) AS at, dsa_outcome AS o FROM appeal_events WHERE event = 'resolved' AND event_at < {to:DateTime('UTC')}`,
    )).map((r) => [r.appeal_id, r]));
    const row = (scope: string) => (c: string[]) => c[4] === 'Number of complaints submitted to the internal-complaints mechanism' && c[5] === scope;
    expect(cell(7, row('Total number'), 'Value')).toBe(String(filed.length));
    expect(cell(7, row('Decisions upheld'), 'Value')).toBe(String(filed.filter((f) => resolved.get(f.appeal_id)?.o === 'upheld').length));
    const handled = filed.filter((f) => resolved.has(f.appeal_id)).map((f) => Number(resolved.get(f.appeal_id)!.at) - Number(f.at));
    expect(cell(7, row('Median time'), 'Value')).toBe(hours2(median(handled)));
    const suspensions = (c: string[]) => c[4] === 'Number of suspensions enacted for the provision of manifestly illegal content ';
    expect(cell(7, suspensions, 'Value')).toBe(String(await count(`SELECT count() AS n FROM dsa_suspensions WHERE reason = 'manifestly_illegal_content' AND ${inPeriod('suspended_at')}`)));
  });

  it('parts 9 and 10: moderators at the period end; average monthly active recipients', async () => {
    const de = await q<{ r: string }>(`SELECT recipients AS r FROM dsa_active_recipients WHERE member_state = 'DE' AND ${inPeriod('month_start')}`);
    expect(de).toHaveLength(6);
    expect(cell(10, (c) => c[5] === 'DE', 'Value')).toBe(String(Math.round(de.reduce((a, r) => a + Number(r.r), 0) / 6)));
    expect(cell(9, (c) => c[4] === 'Number of internal moderators employed by the provider', 'Value')).toBe(
      String(await count(`SELECT sum(moderators) AS n FROM dsa_moderation_staff WHERE employment = 'internal' AND language = ''`)),
    );
    expect(cell(1, (c) => c[2] === 'Name of the service provider', 'Value')).toBe('Vigil Demo B.V.');
    expect(cell(11, (c) => c[3] === 'Qualitative description of the automated means', 'Value')).toMatch(/^Demo text/);
  });
});

describe('the consistency checks', () => {
  it('catch the planted trap, and only it: part 6 categories fall short of the total by the v1-category rows', async () => {
    const failing = checkReport(report).filter((c) => c.offences.length > 0);
    expect(failing.map((c) => c.rule)).toEqual(['categories-add-up']);
    const trapRows = await count(`SELECT count() AS n FROM moderation_decisions WHERE eu_category = '${TRAP.category}' AND ${inPeriod('decided_at')}`);
    expect(trapRows).toBe(TRAP.perDay * TRAP.days);
    const measures = failing[0]!.offences.find((o) => o.part === 6 && o.cell === 'F2')!;
    expect(measures.row).toBe('TOTAL');
    expect(measures.message).toBe(`categories add up to ${Number(measures.value) - trapRows}, the total is ${measures.value}`);
    expect(failing[0]!.offences.every((o) => o.part === 6)).toBe(true);
  });

  it('name the cells of a sub-count above its total, two parts that disagree, a negative count and a median out of range', () => {
    const copy: DsaReport = structuredClone(report);
    const p5 = copy.parts[4]!;
    const measures = p5.header.indexOf("Number of measures taken at the provider's own initiative ");
    const automated = p5.header.indexOf('Number of measures taken after detection with solely automated means ');
    p5.rows[0]!.cells[automated] = String(Number(p5.rows[0]!.cells[measures]) + 1);
    const p4 = copy.parts[3]!;
    p4.rows[0]!.cells[p4.header.indexOf('Median time to take action')] = '-1';
    copy.parts[6]!.rows[0]!.cells[6] = '-3';
    const byRule = Object.fromEntries(checkReport(copy).map((c) => [c.rule, c.offences]));
    expect(byRule['sub-counts-within-totals']!.map((o) => `${o.part} ${o.cell}`)).toContain('5 G2');
    expect(byRule['parts-agree']!.map((o) => o.message).join()).toMatch(/part 8 says \d+ own-initiative measures were solely automated; parts 5 and 6 say \d+/);
    expect(byRule['medians-in-range']!.map((o) => `${o.part} ${o.cell}`)).toEqual(['4 J2']);
    expect(byRule['counts-whole-and-non-negative']!.map((o) => `${o.part} ${o.cell}`)).toEqual(['7 G2']);
  });

  it('block the export without an override, and record an override with its reason in the audit log', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-dsa-'));
    const audit = new AuditLog(t.db, createLogger('silent'));
    try {
      const refused = await exportReport(t.db, audit, { options: OPTIONS, dir, format: 'csv', override: '', actor: 'officer', ip: '10.0.0.1' }, AS_OF);
      expect(refused.written).toBe(false);
      expect(fs.readdirSync(dir)).toEqual([]);
      const done = await exportReport(t.db, audit, { options: OPTIONS, dir, format: 'csv', override: 'v1 rows reclassified in the next report', actor: 'officer', ip: '10.0.0.1' }, AS_OF);
      expect(done.written).toBe(true);
      expect(fs.readdirSync(dir)).toHaveLength(11);
      const entries = await t.db.select<{ detail: string; ok: number }>('test.audit', `SELECT detail, ok FROM audit_log WHERE actor = 'officer' AND action = 'export' ORDER BY at`, {});
      expect(entries.map((e) => Number(e.ok))).toEqual([0, 1]);
      expect(JSON.parse(entries[1]!.detail)).toMatchObject({ kind: 'dsa_report', override: 'v1 rows reclassified in the next report', failing: ['categories-add-up'] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
