// The DSA transparency report of one service and period: the eleven parts of Annex I of
// Implementing Regulation (EU) 2024/2835, each as the template's header and row skeleton with the
// figures filled in from Vigil's events (README "DSA transparency report" says what each part is
// computed from). Nothing here formats files: export.ts writes CSV or XLSX from this.
import type { Database } from '../db/database.js';
import { run } from '../queries/statements.js';
import {
  ORDER_GROUPINGS, dsaActiveRecipientsStatement, dsaComplaintsStatement, dsaDisputesStatement, dsaMeasuresStatement, dsaModelPerformanceStatement,
  dsaNoticesStatement, dsaOrdersStatement, dsaStaffStatement, dsaSuspensionsStatement, dsaTextsStatement, type ReportWindow,
} from '../queries/dsaQueries.js';
import { ANNEX_I_CATEGORIES } from '../domain/dsaVocabulary.js';
import { PARTS, readTemplate, reportedKeyword, type Part } from '../domain/dsaTemplates.js';
import { BadInput } from '../domain/errors.js';
import { skeleton, type SkeletonRow } from './skeleton.js';

export interface ReportOptions {
  /** first and last day of the period, YYYY-MM-DD (inclusive) */
  from: string;
  to: string;
  /** '' = every service */
  service: string;
  /** part 1 */
  providerName: string;
  publishedOn: string;
  previousReportOn: string;
}

export interface ReportPart {
  part: Part;
  /** the template's header line, byte for byte */
  headerLine: string;
  header: string[];
  rows: SkeletonRow[];
}

export interface DsaReport {
  options: ReportOptions;
  /** when the figures were read (seconds): medians cannot exceed the time from the period start to then */
  asOf: number;
  parts: ReportPart[];
  /** part 11's indicators in order (1 to 11) with the version of their current text (0: none yet), for editing */
  texts: { indicator: number; name: string; body: string; version: number }[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HOUR = 3600;

export function reportWindow(o: Pick<ReportOptions, 'from' | 'to' | 'service'>): ReportWindow {
  for (const [name, v] of [['from', o.from], ['to', o.to]] as const) {
    if (!DAY.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) {
      throw new BadInput(`${name} ${JSON.stringify(v)}: expected a date like 2025-07-01`, name);
    }
  }
  const from = Date.parse(`${o.from}T00:00:00Z`) / 1000;
  const to = Date.parse(`${o.to}T00:00:00Z`) / 1000 + 86_400;
  if (to <= from) throw new BadInput(`the period ends (${o.to}) before it starts (${o.from})`, 'to');
  return { from, to, service: o.service };
}

/** Restriction columns of parts 5 and 6 and the Transparency Database codes each counts. */
const RESTRICTION_COLUMNS: Record<string, readonly string[]> = {
  'Visibility restriction Removal': ['DECISION_VISIBILITY_CONTENT_REMOVED'],
  'Visibility restriction Disable': ['DECISION_VISIBILITY_CONTENT_DISABLED'],
  'Visibility restriction Demoted': ['DECISION_VISIBILITY_CONTENT_DEMOTED'],
  'Visibility restriction Age restricted': ['DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED'],
  'Visibility restriction Interaction restricted': ['DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED'],
  'Visibility restriction Labelled ': ['DECISION_VISIBILITY_CONTENT_LABELLED'],
  'Visibility restriction Other': ['DECISION_VISIBILITY_OTHER'],
  'Monetary restriction Suspension': ['DECISION_MONETARY_SUSPENSION'],
  'Monetary restriction Termination': ['DECISION_MONETARY_TERMINATION'],
  'Monetary restriction Other': ['DECISION_MONETARY_OTHER'],
  'Provision of the service Suspension': ['DECISION_PROVISION_PARTIAL_SUSPENSION', 'DECISION_PROVISION_TOTAL_SUSPENSION'],
  'Provision of the service Termination': ['DECISION_PROVISION_PARTIAL_TERMINATION', 'DECISION_PROVISION_TOTAL_TERMINATION'],
  'Account restriction Suspension': ['DECISION_ACCOUNT_SUSPENDED'],
  'Account restriction Termination': ['DECISION_ACCOUNT_TERMINATED'],
};
export const MEASURES = "Number of measures taken at the provider's own initiative ";
export const SOLELY_AUTOMATED = 'Number of measures taken after detection with solely automated means ';
export const RESTRICTION_COLUMN_NAMES = Object.keys(RESTRICTION_COLUMNS);

/** Every "category|keyword" pair of Part 2 but KEYWORD_OTHER (an item with no such pair counts under KEYWORD_OTHER). */
const KEYWORD_PAIRS = ANNEX_I_CATEGORIES.flatMap((c) => c.keywords.filter((k) => k.code !== 'KEYWORD_OTHER').map((k) => `${c.code}|${k.code}`));
/** The same pairs as the member-state rows of part 3 list them: the template leaves
 *  KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE out there, so per member state such orders count
 *  under their category's KEYWORD_OTHER (its "not captured by any other sub-category"). */
const STATE_KEYWORD_PAIRS = [...new Set(skeleton(3).filter((r) => r.scope !== 'TOTAL' && r.code.startsWith('KEYWORD_') && r.code !== 'KEYWORD_OTHER').map((r) => `${r.category}|${r.code}`))];

/** Plain numbers: integers as digits, other values to 4 decimals without trailing zeros; none = ''. */
export function plain(v: number | null | undefined, decimals = 4): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toFixed(decimals)));
}
// Median times (parts 3, 4, 7). What each measures is the DSA's own wording: Art. 15(1)(a) "the
// median time needed to inform the authority issuing the order ... of its receipt, and to give
// effect to the order"; 15(1)(b) "the median time needed for taking the action" on a notice;
// 15(1)(d) "the median time needed for taking those decisions" on complaints; 24(1)(a) "the median
// time needed for completing the dispute settlement procedures". The unit: Annex II of
// Implementing Regulation (EU) 2024/2835 could not be read here (no stored copy of its text was
// found), and the Annex I headers name none, so Vigil reports hours to 2 decimals and says so in
// each median's contextual information (README "DSA transparency report", Medians; the figures
// are checked against hand-worked ones in medians.test.ts).
const hours = (seconds: unknown): number | null => {
  const s = Number(seconds);
  return seconds === null || seconds === undefined || !Number.isFinite(s) ? null : Number((s / HOUR).toFixed(2));
};
const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

type Row = Record<string, unknown>;
const num = (r: Row | undefined, k: string) => Number(r?.[k] ?? 0);

function fillCommon(part: Part, rows: SkeletonRow[], o: ReportOptions): void {
  const header = readTemplate(part).header;
  const at = (name: string) => header.indexOf(name);
  const service = at('Service');
  const period = at('Reporting period');
  const other = at('Description of the sub-category "Other"');
  for (const r of rows) {
    if (service >= 0) r.cells[service] = o.service;
    if (period >= 0) r.cells[period] = `${o.from}/${o.to}`;
    // the template's instruction "Text to detail the Other keyword." is not a value
    if (other >= 0) r.cells[other] = '';
  }
}

function setCell(part: Part, row: SkeletonRow, column: string, value: string): void {
  const i = readTemplate(part).header.indexOf(column);
  if (i < 0) throw new Error(`part ${part} has no column ${JSON.stringify(column)}`);
  row.cells[i] = value;
}

/** Reads every figure and fills the eleven parts. */
export async function buildReport(db: Database, o: ReportOptions, asOf = Math.floor(Date.now() / 1000)): Promise<DsaReport> {
  const w = reportWindow(o);
  const [measures, noticeTotal, noticeByCategory, noticeByKeyword, complaintsTotal, complaintsBySubject, disputes, suspensions, recipients, staff, model, texts, ...orders] =
    await Promise.all([
      run<Row>(db, dsaMeasuresStatement(w)),
      run<Row>(db, dsaNoticesStatement(w, 'total', KEYWORD_PAIRS)),
      run<Row>(db, dsaNoticesStatement(w, 'category', KEYWORD_PAIRS)),
      run<Row>(db, dsaNoticesStatement(w, 'keyword', KEYWORD_PAIRS)),
      run<Row>(db, dsaComplaintsStatement(w, false)),
      run<Row>(db, dsaComplaintsStatement(w, true)),
      run<Row>(db, dsaDisputesStatement(w)),
      run<Row>(db, dsaSuspensionsStatement(w)),
      run<Row>(db, dsaActiveRecipientsStatement(w)),
      run<Row>(db, dsaStaffStatement(w)),
      run<Row>(db, dsaModelPerformanceStatement(w)),
      run<Row>(db, dsaTextsStatement(o.service, o.from, o.to)),
      ...ORDER_GROUPINGS.map((g) => run<Row>(db, dsaOrdersStatement(w, g, g.startsWith('state') ? STATE_KEYWORD_PAIRS : KEYWORD_PAIRS))),
    ]);
  const parts: ReportPart[] = PARTS.map((part) => {
    const t = readTemplate(part);
    const rows = skeleton(part);
    fillCommon(part, rows, o);
    return { part, headerLine: t.headerLine, header: t.header, rows };
  });
  const get = (p: Part) => parts[p - 1]!;

  // ---- Part 1 ----
  const summary: Record<string, string> = {
    'Name of the service provider': o.providerName, 'Date of the publication of the report': o.publishedOn,
    'Date of the publication of the latest previous report': o.previousReportOn, 'Starting date of reporting period': o.from, 'Ending date of reporting period': o.to,
  };
  for (const r of get(1).rows) setCell(1, r, 'Value', summary[r.cells[2]!] ?? '');

  // ---- Parts 5, 6, 8: measures ----
  const m = measures.map((r) => ({
    ground: String(r.legal_ground), category: String(r.category), keyword: reportedKeyword(String(r.category), r.keywords as string[]),
    restrictions: new Set(r.restrictions as string[]), own: Number(r.own_initiative) === 1, automated: Number(r.solely_automated) === 1,
    language: String(r.language), n: Number(r.n),
  }));
  const fillMeasures = (part: 5 | 6, ground: string) => {
    const own = m.filter((x) => x.own && x.ground === ground);
    for (const row of get(part).rows) {
      const mine = own.filter((x) => row.code === 'TOTAL' || (row.code.startsWith('KEYWORD_') ? x.category === row.category && x.keyword === row.code : x.category === row.code));
      const sum = (f: (x: (typeof m)[number]) => boolean) => mine.filter(f).reduce((a, x) => a + x.n, 0);
      setCell(part, row, MEASURES, plain(sum(() => true)));
      setCell(part, row, SOLELY_AUTOMATED, plain(sum((x) => x.automated)));
      for (const [col, codes] of Object.entries(RESTRICTION_COLUMNS)) setCell(part, row, col, plain(sum((x) => codes.some((c) => x.restrictions.has(c)))));
    }
  };
  fillMeasures(5, 'DECISION_GROUND_ILLEGAL_CONTENT');
  fillMeasures(6, 'DECISION_GROUND_INCOMPATIBLE_CONTENT');

  // ---- Part 4: notices ----
  const noticeRow = (row: SkeletonRow) =>
    row.code === 'TOTAL' ? noticeTotal[0]
      : row.code.startsWith('KEYWORD_') ? noticeByKeyword.find((r) => r.category === row.category && r.keyword === row.code)
        : noticeByCategory.find((r) => r.category === row.code);
  const NOTICE_COLUMNS: [string, (r: Row | undefined) => string][] = [
    ['Number of notices received ', (r) => plain(num(r, 'notices'))],
    ['Number of notices received from Trusted flaggers', (r) => plain(num(r, 'tf_notices'))],
    ['Number of specific items of information included in the total number of notices', (r) => plain(num(r, 'notice_items'))],
    ['Number of specific items of information included in the total number of notices by Trusted Flaggers (Trusted Flagger notices)', (r) => plain(num(r, 'tf_items'))],
    ['Median time to take action', (r) => plain(hours(r?.median_s))],
    ['Median time to take action (Trusted Flagger notices)', (r) => plain(hours(r?.tf_median_s))],
    ['Number of actions taken on the basis of the law', (r) => plain(num(r, 'law'))],
    ['Number of actions taken on the basis of the law (Trusted Flagger notices)', (r) => plain(num(r, 'tf_law'))],
    ['Number of actions taken on the basis of the terms and conditions of the service', (r) => plain(num(r, 'tc'))],
    ['Number of actions taken on the basis of the terms and conditions of the service (Trusted Flagger notices)', (r) => plain(num(r, 'tf_tc'))],
  ];
  for (const row of get(4).rows) {
    const r = noticeRow(row);
    for (const [col, f] of NOTICE_COLUMNS) setCell(4, row, col, f(r));
  }
  const [medianTotal] = get(4).rows;
  setCell(4, medianTotal!, 'Contextual information on Median time to take action', 'hours, from receipt of the notice to the decision');
  setCell(4, medianTotal!, 'Contextual information on Median time to take action (Trusted Flagger notices)', 'hours, from receipt of the notice to the decision');

  // ---- Part 3: orders ----
  const [oTotal, oCategory, oKeyword, oState, oStateCategory, oStateKeyword] = orders as Row[][];
  for (const row of get(3).rows) {
    const state = row.scope === 'TOTAL' ? '' : row.scope;
    const pick = row.code === 'TOTAL' ? (state ? oState : oTotal) : row.code.startsWith('KEYWORD_') ? (state ? oStateKeyword : oKeyword) : state ? oStateCategory : oCategory;
    const r = pick!.find((x) => String(x.member_state) === state
      && (row.code === 'TOTAL' || (row.code.startsWith('KEYWORD_') ? x.category === row.category && x.keyword === row.code : x.category === row.code)));
    setCell(3, row, 'Number of orders to act against illegal content received', plain(num(r, 'act_orders')));
    setCell(3, row, 'Number of specific items of information included in the total number of orders to act against illegal content', plain(num(r, 'act_items')));
    setCell(3, row, 'Median time to inform the authority of the receipt of the order to act against illegal content', plain(hours(r?.act_ack_s)));
    setCell(3, row, 'Median time to give effect to the order to act against illegal content', plain(hours(r?.act_effect_s)));
    setCell(3, row, 'Number of orders to provide information', plain(num(r, 'info_orders')));
    setCell(3, row, 'Median time to inform the authority of the receipt of the order to provide information', plain(hours(r?.info_ack_s)));
    setCell(3, row, 'Median time to give effect to the order to provide information', plain(hours(r?.info_effect_s)));
  }
  const first3 = get(3).rows[0]!;
  for (const c of ['Median time to inform the authority of the receipt of the order to act against illegal content', 'Median time to give effect to the order to act against illegal content',
    'Median time to inform the authority of the receipt of the order to provide information', 'Median time to give effect to the order to provide information']) {
    setCell(3, first3, `Contextual information on ${c}`, 'hours, from receipt of the order');
  }

  // ---- Part 7 ----
  const SUBJECTS: Record<string, string> = {
    'Complaint regarding a decision to remove or disable access to or restrict visibility of information': 'visibility',
    'Complaint regarding a decision to suspend or terminate the provision of the service': 'provision',
    'Complaint regarding a decision to suspend or terminate an account ': 'account',
    'Complaint regarding a decision to restrict the ability to monetise information': 'monetisation',
    'Complaint regarding a decision not to take action on a notice submitted in accordance with Article 16': 'notice_no_action',
    'Complaint regarding a decision not to take action on a notice submitted by a Trusted Flagger in accordance with Article 16': 'trusted_flagger_notice_no_action',
  };
  const SUSPENSIONS: Record<string, string> = {
    'Number of suspensions enacted for the provision of manifestly illegal content ': 'manifestly_illegal_content',
    'Number of suspensions enacted for the provision of manifestly unfounded notices': 'manifestly_unfounded_notices',
    'Number of suspensions enacted for the provision of manifestly unfounded complaints': 'manifestly_unfounded_complaints',
  };
  const outcomeCell = (r: Row | undefined, scope: string, count: string): string => {
    switch (scope) {
      case 'Total number': return plain(num(r, count));
      case 'Decisions upheld': return plain(num(r, 'upheld'));
      case 'Decisions partially reversed': return plain(num(r, 'partially_reversed'));
      case 'Decisions reversed': return plain(num(r, 'reversed'));
      case 'Decision omitted': return plain(num(r, 'omitted'));
      case 'Median time': return plain(hours(r?.median_s));
      case 'Percentage of outcomes implemented': {
        const p = ratio(num(r, 'implemented'), num(r, 'resolved'));
        return p === null ? '' : plain(p * 100, 2);
      }
      default: return '';
    }
  };
  for (const row of get(7).rows) {
    const indicator = row.cells[4]!;
    const context = (text: string) => setCell(7, row, 'Contextual Information', text);
    let value = '';
    if (indicator === 'Number of complaints submitted to the internal-complaints mechanism') value = outcomeCell(complaintsTotal[0], row.scope, 'complaints');
    else if (indicator === 'Number of restrictions newly imposed as a result of an internal complaint') value = plain(num(complaintsTotal[0], 'imposed'));
    else if (SUBJECTS[indicator]) value = outcomeCell(complaintsBySubject.find((r) => r.subject === SUBJECTS[indicator]), row.scope, 'complaints');
    else if (indicator === 'Number of disputes submitted to out-of-court dispute settlement bodies') value = outcomeCell(disputes[0], row.scope, 'disputes');
    else if (SUSPENSIONS[indicator]) value = plain(num(suspensions.find((r) => r.reason === SUSPENSIONS[indicator]), 'suspensions'));
    setCell(7, row, 'Value', value);
    if (row.scope === 'Median time') context('hours, from submission to the decision on it (complaints decided by the end of the period)');
  }

  // ---- Part 8 ----
  const tp = num(model[0], 'tp'), fp = num(model[0], 'fp'), fn = num(model[0], 'fn'), tn = num(model[0], 'tn');
  const accuracy = { Accuracy: ratio(tp + tn, tp + fp + fn + tn), Precision: ratio(tp, tp + fp), Recall: ratio(tp, tp + fn) };
  const method = `classifiers on EU content, scored against unbiased labels only (random audits and golden sets: ${tp + fp + fn + tn} labelled items); at each model's deployed threshold; accuracy = (TP+TN)/all, precision = TP/(TP+FP), recall = TP/(TP+FN)`;
  const measuresOf = (own: boolean | null, language: string | null, automated: boolean) =>
    m.filter((x) => (own === null || x.own === own) && (language === null || x.language === language) && x.automated === automated).reduce((a, x) => a + x.n, 0);
  for (const row of get(8).rows) {
    const indicator = row.cells[4]!;
    const own = row.scope === 'Own-initiative ' ? true : null;
    const language = row.scope.length === 2 ? row.scope : null;
    let value = '';
    let context = '';
    if (indicator === 'Number of measures solely taken by automated means ') value = plain(measuresOf(own, language, true));
    else if (indicator === 'Number of measures not taken by automated means') value = plain(measuresOf(own, language, false));
    else if (indicator === 'Number of notices solely processed by automated means ') value = plain(num(noticeTotal[0], row.scope === 'NAM Trusted Flagger' ? 'tf_nam_automated' : 'nam_automated'));
    else if (indicator === 'Number of notices not processed by automated means') {
      const tf = row.scope === 'NAM Trusted Flagger';
      value = plain(num(noticeTotal[0], tf ? 'tf_notices' : 'notices') - num(noticeTotal[0], tf ? 'tf_nam_automated' : 'nam_automated'));
    } else if (indicator.startsWith('Accuracy of the automated means - ')) {
      const which = indicator.slice('Accuracy of the automated means - '.length) as keyof typeof accuracy;
      if (row.scope === 'Total number' || row.scope === 'Own-initiative ') {
        value = plain(accuracy[which]);
        context = method;
      } else context = row.scope.startsWith('NAM') ? 'not measured: no labelled sample of notices processed by automated means' : 'not measured per language: labels do not record the language';
    }
    setCell(8, row, 'Value', value);
    setCell(8, row, 'Contextual Information', context);
  }

  // ---- Part 9 ----
  const staffOf = (employment: string | null, language: string) =>
    staff.filter((r) => (employment === null || r.employment === employment) && r.language === language).reduce((a, r) => a + num(r, 'moderators'), 0);
  for (const row of get(9).rows) {
    const indicator = row.cells[4]!;
    const value = indicator === 'Number of internal moderators employed by the provider' ? staffOf('internal', '')
      : indicator === 'Number of external moderators contracted by the provider' ? staffOf('external', '')
        : row.scope === 'Total number' ? staffOf(null, 'any') : staffOf(null, row.scope);
    setCell(9, row, 'Value', staff.length ? plain(value) : '');
  }

  // ---- Part 10 ----
  for (const row of get(10).rows) {
    const r = recipients.find((x) => x.member_state === row.scope);
    setCell(10, row, 'Value', r ? plain(num(r, 'average')) : '');
  }

  // ---- Part 11 ----
  const textVersions: DsaReport['texts'] = [];
  for (const [i, row] of get(11).rows.entries()) {
    const text = texts.find((t) => t.indicator === row.cells[3]);
    setCell(11, row, 'Value', text ? String(text.body) : '');
    textVersions.push({ indicator: i + 1, name: row.cells[3]!, body: text ? String(text.body) : '', version: text ? Number(text.latest_version) : 0 });
  }

  return { options: o, asOf, parts, texts: textVersions };
}
