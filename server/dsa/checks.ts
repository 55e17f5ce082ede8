// Consistency checks run on a report before it is exported: each a named rule that lists the
// cells breaking it (part, spreadsheet cell, row label, column). Published reports have been
// caught with categories not adding up to the total, "solely automated" above the total, and two
// parts disagreeing on the same quantity; these rules make Vigil catch its own.
import { RESTRICTION_COLUMN_NAMES, MEASURES, SOLELY_AUTOMATED, type DsaReport, type ReportPart } from './report.js';
import type { SkeletonRow } from './skeleton.js';

export interface Offence {
  part: number;
  /** spreadsheet address in the part's sheet, e.g. F2 */
  cell: string;
  /** what the row is (category, scope, indicator) */
  row: string;
  column: string;
  value: string;
  message: string;
}

export interface CheckResult {
  rule: string;
  description: string;
  offences: Offence[];
}

const letters = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letters(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

class Sheet {
  constructor(readonly p: ReportPart) {}
  col(name: string): number {
    return this.p.header.indexOf(name);
  }
  value(row: SkeletonRow, column: string): number | null {
    const v = row.cells[this.col(column)];
    return v === undefined || v === '' ? null : Number(v);
  }
  offence(row: SkeletonRow, column: string, message: string): Offence {
    const r = this.p.rows.indexOf(row);
    const c = this.col(column);
    const label = [row.code, row.scope, this.p.header.includes('Indicator') ? row.cells[this.col('Indicator')] : ''].filter(Boolean).join(' · ');
    return { part: this.p.part, cell: `${letters(c)}${r + 2}`, row: label, column: column.trim(), value: row.cells[c] ?? '', message };
  }
}

const isMedian = (column: string) => column.startsWith('Median time');
const COUNT_SKIP = /^(Applicability|Service|Reporting period|Category|Description|Contextual|Section|Indicator|Scope)/i;
const COMPLAINTS = 'Number of complaints submitted to the internal-complaints mechanism';
const P8_SOLELY = 'Number of measures solely taken by automated means ';
const P8_NOT = 'Number of measures not taken by automated means';

/** Columns of parts 3–6 holding counts (not medians, not text). */
function countColumns(p: ReportPart): string[] {
  return p.header.filter((h) => !COUNT_SKIP.test(h) && !isMedian(h));
}

interface Block {
  total: SkeletonRow;
  categories: { row: SkeletonRow; keywords: SkeletonRow[] }[];
}

/** Rows of parts 3–6 as blocks: the TOTAL row with its category rows, each with its keyword rows;
 *  part 3 has one block per scope (TOTAL and each member state), its rows interleaved by state. */
function blocks(p: ReportPart): Block[] {
  const byScope = new Map<string, Block>();
  for (const r of p.rows) {
    if (r.code === 'TOTAL') byScope.set(r.scope, { total: r, categories: [] });
    else if (r.code.startsWith('STATEMENT_CATEGORY_')) byScope.get(r.scope)!.categories.push({ row: r, keywords: [] });
    else byScope.get(r.scope)!.categories.at(-1)!.keywords.push(r);
  }
  return [...byScope.values()];
}

function categoriesAddUp(report: DsaReport): Offence[] {
  const out: Offence[] = [];
  for (const p of report.parts.filter((x) => [3, 4, 5, 6].includes(x.part))) {
    const s = new Sheet(p);
    for (const b of blocks(p)) {
      for (const c of countColumns(p)) {
        const total = s.value(b.total, c) ?? 0;
        const sum = b.categories.reduce((a, x) => a + (s.value(x.row, c) ?? 0), 0);
        if (sum !== total) out.push(s.offence(b.total, c, `categories add up to ${sum}, the total is ${total}`));
        // a category without keyword rows (NOT_SPECIFIED_NOTICE / _ORDER) has nothing to add up
        for (const cat of b.categories.filter((x) => x.keywords.length > 0)) {
          const ct = s.value(cat.row, c) ?? 0;
          const ks = cat.keywords.reduce((a, k) => a + (s.value(k, c) ?? 0), 0);
          if (ks !== ct) out.push(s.offence(cat.row, c, `keywords add up to ${ks}, the category is ${ct}`));
        }
      }
    }
  }
  return out;
}

function subCountsWithinTotals(report: DsaReport): Offence[] {
  const out: Offence[] = [];
  const pairs: Record<number, [string, string][]> = {
    5: [[SOLELY_AUTOMATED, MEASURES], ...RESTRICTION_COLUMN_NAMES.map((c): [string, string] => [c, MEASURES])],
    6: [[SOLELY_AUTOMATED, MEASURES], ...RESTRICTION_COLUMN_NAMES.map((c): [string, string] => [c, MEASURES])],
    4: [
      ['Number of notices received from Trusted flaggers', 'Number of notices received '],
      ['Number of specific items of information included in the total number of notices by Trusted Flaggers (Trusted Flagger notices)', 'Number of specific items of information included in the total number of notices'],
      ['Number of actions taken on the basis of the law (Trusted Flagger notices)', 'Number of actions taken on the basis of the law'],
      ['Number of actions taken on the basis of the terms and conditions of the service (Trusted Flagger notices)', 'Number of actions taken on the basis of the terms and conditions of the service'],
    ],
  };
  for (const p of report.parts) {
    const s = new Sheet(p);
    for (const [sub, total] of pairs[p.part] ?? []) {
      for (const r of p.rows) {
        const a = s.value(r, sub);
        const b = s.value(r, total);
        if (a !== null && b !== null && a > b) out.push(s.offence(r, sub, `${a} is more than ${total.trim()} (${b})`));
      }
    }
    if (p.part === 4) {
      for (const r of p.rows) {
        const acted = (s.value(r, 'Number of actions taken on the basis of the law') ?? 0) + (s.value(r, 'Number of actions taken on the basis of the terms and conditions of the service') ?? 0);
        const notices = s.value(r, 'Number of notices received ') ?? 0;
        if (acted > notices) out.push(s.offence(r, 'Number of actions taken on the basis of the law', `actions (${acted}) exceed the notices received (${notices})`));
      }
    }
    if (p.part === 7) {
      // outcomes of a complaint or dispute group never exceed its total
      const groups = new Map<string, SkeletonRow[]>();
      for (const r of p.rows) groups.set(r.cells[4]!, [...(groups.get(r.cells[4]!) ?? []), r]);
      for (const rows of groups.values()) {
        const total = rows.find((r) => r.scope === 'Total number');
        if (!total) continue;
        const outcomes = rows.filter((r) => ['Decisions upheld', 'Decisions partially reversed', 'Decisions reversed', 'Decision omitted'].includes(r.scope));
        const sum = outcomes.reduce((a, r) => a + (s.value(r, 'Value') ?? 0), 0);
        const t = s.value(total, 'Value') ?? 0;
        if (sum > t) out.push(s.offence(total, 'Value', `outcomes add up to ${sum}, more than the ${t} submitted`));
      }
      // a complaint is about one kind of decision, so the complaints by subject are "of which" the complaints
      const all = groups.get(COMPLAINTS)?.find((r) => r.scope === 'Total number');
      const bySubject = [...groups.entries()].filter(([indicator]) => indicator.startsWith('Complaint regarding ')).map(([, rows]) => rows.find((r) => r.scope === 'Total number')!);
      const subjects = bySubject.reduce((a, r) => a + (s.value(r, 'Value') ?? 0), 0);
      const complaints = all ? s.value(all, 'Value') ?? 0 : 0;
      if (all && subjects > complaints) out.push(s.offence(all, 'Value', `complaints by subject add up to ${subjects}, more than the ${complaints} submitted`));
    }
    if (p.part === 8) {
      // a measure has one content language, so the languages' measures are "of which" all measures
      for (const indicator of [P8_SOLELY, P8_NOT]) {
        const total = p.rows.find((r) => r.cells[4] === indicator && r.scope === 'Total number')!;
        const languages = p.rows.filter((r) => r.cells[4] === indicator && /^[a-z]{2}$/.test(r.scope));
        const sum = languages.reduce((a, r) => a + (s.value(r, 'Value') ?? 0), 0);
        const t = s.value(total, 'Value') ?? 0;
        if (sum > t) out.push(s.offence(total, 'Value', `official languages add up to ${sum}, more than the total of ${t}`));
      }
    }
    if (p.part === 10) {
      const total = p.rows.find((r) => r.scope === 'TOTAL')!;
      const t = s.value(total, 'Value');
      for (const r of p.rows) {
        const v = s.value(r, 'Value');
        if (r !== total && t !== null && v !== null && v > t) out.push(s.offence(r, 'Value', `${v} recipients in one member state, more than the Union total (${t})`));
      }
    }
    if (p.part === 9) {
      const [internal, external, linguistic, ...languages] = p.rows;
      const staff = (s.value(internal!, 'Value') ?? 0) + (s.value(external!, 'Value') ?? 0);
      const l = s.value(linguistic!, 'Value') ?? 0;
      if (l > staff) out.push(s.offence(linguistic!, 'Value', `${l} moderators with linguistic expertise, more than the ${staff} internal and external`));
      for (const r of languages) {
        const v = s.value(r, 'Value') ?? 0;
        if (v > l) out.push(s.offence(r, 'Value', `${v} for one language, more than the ${l} with any official language`));
      }
    }
  }
  return out;
}

function memberStatesAddUp(report: DsaReport): Offence[] {
  // Part 3: every order comes from one member state, so for each category the member-state rows
  // add up to the TOTAL row (AMAR, part 10, does not: a recipient may be active in several states).
  const p = report.parts.find((x) => x.part === 3)!;
  const s = new Sheet(p);
  const out: Offence[] = [];
  // TOTAL and category rows only: the template's member-state rows list one keyword fewer than its
  // TOTAL rows (KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE), so keyword rows cannot be compared
  const totals = p.rows.filter((r) => r.scope === 'TOTAL' && !r.code.startsWith('KEYWORD_'));
  for (const t of totals) {
    const states = p.rows.filter((r) => r.scope !== 'TOTAL' && r.code === t.code && r.category === t.category);
    for (const c of ['Number of orders to act against illegal content received', 'Number of specific items of information included in the total number of orders to act against illegal content', 'Number of orders to provide information']) {
      const sum = states.reduce((a, r) => a + (s.value(r, c) ?? 0), 0);
      const total = s.value(t, c) ?? 0;
      if (sum !== total) out.push(s.offence(t, c, `member states add up to ${sum}, the total is ${total}`));
    }
  }
  return out;
}

function partsAgree(report: DsaReport): Offence[] {
  const out: Offence[] = [];
  const part = (n: number) => report.parts.find((x) => x.part === n)!;
  const p5 = new Sheet(part(5)), p6 = new Sheet(part(6)), p8 = new Sheet(part(8)), p4 = new Sheet(part(4));
  const total = (s: Sheet, c: string) => s.value(s.p.rows[0]!, c) ?? 0;
  const p8row = (indicator: string, scope: string) => part(8).rows.find((r) => r.cells[4] === indicator && r.scope === scope)!;
  const solely = p8row('Number of measures solely taken by automated means ', 'Own-initiative ');
  const notSolely = p8row('Number of measures not taken by automated means', 'Own-initiative ');
  const automated = total(p5, SOLELY_AUTOMATED) + total(p6, SOLELY_AUTOMATED);
  const measures = total(p5, MEASURES) + total(p6, MEASURES);
  const a8 = p8.value(solely, 'Value') ?? 0;
  const n8 = p8.value(notSolely, 'Value') ?? 0;
  if (a8 !== automated) out.push(p8.offence(solely, 'Value', `part 8 says ${a8} own-initiative measures were solely automated; parts 5 and 6 say ${automated}`));
  if (a8 + n8 !== measures) out.push(p8.offence(notSolely, 'Value', `part 8 counts ${a8 + n8} own-initiative measures; parts 5 and 6 count ${measures}`));
  const namSolely = p8row('Number of notices solely processed by automated means ', 'NAM Total');
  const namNot = p8row('Number of notices not processed by automated means', 'NAM Total');
  const nam = (p8.value(namSolely, 'Value') ?? 0) + (p8.value(namNot, 'Value') ?? 0);
  const notices = total(p4, 'Number of notices received ');
  if (nam !== notices) out.push(p8.offence(namNot, 'Value', `part 8 counts ${nam} notices; part 4 counts ${notices}`));
  const tfSolely = p8row('Number of notices solely processed by automated means ', 'NAM Trusted Flagger');
  const tfNot = p8row('Number of notices not processed by automated means', 'NAM Trusted Flagger');
  const tfNam = (p8.value(tfSolely, 'Value') ?? 0) + (p8.value(tfNot, 'Value') ?? 0);
  const tfNotices = total(p4, 'Number of notices received from Trusted flaggers');
  if (tfNam !== tfNotices) out.push(p8.offence(tfNot, 'Value', `part 8 counts ${tfNam} trusted-flagger notices; part 4 counts ${tfNotices}`));
  const allSolely = p8.value(p8row('Number of measures solely taken by automated means ', 'Total number'), 'Value') ?? 0;
  const allNot = p8.value(p8row('Number of measures not taken by automated means', 'Total number'), 'Value') ?? 0;
  if (allSolely < a8 || allNot < n8) out.push(p8.offence(solely, 'Value', `own-initiative measures (${a8} solely automated, ${n8} not) exceed all measures (${allSolely}, ${allNot})`));
  return out;
}

function mediansInRange(report: DsaReport): Offence[] {
  // a time measured for an event of the period cannot be negative, nor longer than from the
  // period's start to when the figures were read
  const from = Date.parse(`${report.options.from}T00:00:00Z`) / 1000;
  const max = (report.asOf - from) / 3600;
  const out: Offence[] = [];
  for (const p of report.parts) {
    const s = new Sheet(p);
    for (const r of p.rows) {
      const columns = p.part === 7 ? (r.scope === 'Median time' ? ['Value'] : []) : p.header.filter(isMedian);
      for (const c of columns) {
        const v = s.value(r, c);
        if (v !== null && (!Number.isFinite(v) || v < 0 || v > max)) out.push(s.offence(r, c, `median ${v} h is outside 0 … ${Math.floor(max)} h`));
      }
    }
  }
  return out;
}

function countsAreWholeNumbers(report: DsaReport): Offence[] {
  const out: Offence[] = [];
  for (const p of report.parts) {
    if (p.part === 1 || p.part === 2 || p.part === 11) continue;
    const s = new Sheet(p);
    for (const r of p.rows) {
      const columns = p.header.includes('Value')
        ? (/^Accuracy of the automated means|Percentage|Median/.test(`${r.cells[s.col('Indicator')]}`) || /Median|Percentage/.test(r.scope) ? [] : ['Value'])
        : countColumns(p);
      for (const c of columns) {
        const v = s.value(r, c);
        if (v !== null && (!Number.isInteger(v) || v < 0)) out.push(s.offence(r, c, `${r.cells[s.col(c)]} is not a whole number of 0 or more`));
      }
      if (p.part === 8 && /^Accuracy of the automated means/.test(r.cells[s.col('Indicator')]!)) {
        const v = s.value(r, 'Value');
        if (v !== null && !(v >= 0 && v <= 1)) out.push(s.offence(r, 'Value', `${v} is not a proportion from 0 to 1`));
      }
    }
  }
  return out;
}

export const RULES: readonly { rule: string; description: string; run: (r: DsaReport) => Offence[] }[] = [
  { rule: 'categories-add-up', description: 'In parts 3–6 the category rows add up to the TOTAL row, and each category\'s keyword rows add up to the category, in every count column', run: categoriesAddUp },
  { rule: 'sub-counts-within-totals', description: 'No sub-count exceeds its total ("solely automated" and each restriction ≤ measures; trusted-flagger figures ≤ all; outcomes ≤ complaints; complaints by subject ≤ all complaints; measures by language ≤ all measures; a member state ≤ the Union; a language ≤ all moderators)', run: subCountsWithinTotals },
  { rule: 'member-states-add-up', description: 'In part 3 the member-state rows add up to the TOTAL row of each category (an order comes from one member state)', run: memberStatesAddUp },
  { rule: 'parts-agree', description: 'The same quantity agrees between parts: own-initiative measures and those solely automated in part 8 equal parts 5 + 6; notices and trusted-flagger notices in part 8 equal part 4', run: partsAgree },
  { rule: 'medians-in-range', description: 'Every median time is from 0 to the hours between the period start and when the figures were read', run: mediansInRange },
  { rule: 'counts-whole-and-non-negative', description: 'Every count is a whole number of 0 or more; accuracy, precision and recall are from 0 to 1', run: countsAreWholeNumbers },
];

export function checkReport(report: DsaReport): CheckResult[] {
  return RULES.map((r) => ({ rule: r.rule, description: r.description, offences: r.run(report) }));
}

export const failing = (results: readonly CheckResult[]) => results.filter((r) => r.offences.length > 0);
