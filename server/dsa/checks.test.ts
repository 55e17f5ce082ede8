// Every consistency rule against a failing case planted by hand: the report of a service with no
// data (every count 0, every median and staff or recipient figure empty, all rules passing), then
// a few cells set to figures that break one relation, and the offences expected worked out here —
// the cell from the template's own column order and row (line 2 = the first row after the
// header), the message from the planted numbers.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { buildReport, type DsaReport } from './report.js';
import { checkReport } from './checks.js';
import type { SkeletonRow } from './skeleton.js';

let t: TestDatabase;
let empty: DsaReport;
// the figures were read on 11 January 2026, 240 h after the period's start
const AS_OF = Date.parse('2026-01-11T00:00:00Z') / 1000;
beforeAll(async () => {
  t = await openTestDatabase();
  empty = await buildReport(t.db, { from: '2026-01-01', to: '2026-06-30', service: 'nothing', providerName: '', publishedOn: '', previousReportOn: '' }, AS_OF);
});
afterAll(async () => t.close());

type Match = (r: SkeletonRow) => boolean;
const code = (c: string, scope?: string): Match => (r) => r.code === c && (scope === undefined || r.scope === scope);
const indicator = (name: string, scope: string): Match => (r) => r.cells[4] === name && r.scope === scope;

/** A copy of the empty report with the given cells set. */
function plant(cells: [part: number, row: Match, column: string, value: string][]): DsaReport {
  const copy: DsaReport = structuredClone(empty);
  for (const [part, match, column, value] of cells) {
    const p = copy.parts[part - 1]!;
    const rows = p.rows.filter(match);
    const c = p.header.indexOf(column);
    if (rows.length !== 1 || c < 0) throw new Error(`part ${part}: ${rows.length} rows match, column ${JSON.stringify(column)} at ${c}`);
    rows[0]!.cells[c] = value;
  }
  return copy;
}
const offences = (report: DsaReport, rule: string) =>
  checkReport(report).find((c) => c.rule === rule)!.offences.map((o) => `${o.part} ${o.cell} ${o.row}: ${o.message}`);

const MEASURES = "Number of measures taken at the provider's own initiative ";
const SOLELY = 'Number of measures taken after detection with solely automated means ';
const NOTICES = 'Number of notices received ';
const ACT = 'Number of orders to act against illegal content received';
const VALUE = 'Value';
const P8_SOLELY = 'Number of measures solely taken by automated means ';
const P8_NOT = 'Number of measures not taken by automated means';
// the template ends this indicator with a no-break space (U+00A0), kept byte for byte
const AMAR = 'Number of average monthly active recipients during the reporting period\u00a0';

describe('the consistency rules, each against a planted failing case', () => {
  it('an empty report passes every rule', () => {
    expect(checkReport(empty).flatMap((c) => c.offences)).toEqual([]);
  });

  it('categories-add-up: a category above its keywords (part 5), a total above its categories (parts 4 and 6), a member state\'s total above its categories (part 3)', () => {
    const r = plant([
      // part 5: TOTAL 3 = animal welfare 3, whose keywords hold 2 (animal harm) + 0 + 0
      [5, code('TOTAL'), MEASURES, '3'], [5, code('STATEMENT_CATEGORY_ANIMAL_WELFARE'), MEASURES, '3'], [5, code('KEYWORD_ANIMAL_HARM'), MEASURES, '2'],
      // part 4: 5 notices in all, 4 in animal welfare (all under animal harm)
      [4, code('TOTAL'), NOTICES, '5'], [4, code('STATEMENT_CATEGORY_ANIMAL_WELFARE'), NOTICES, '4'], [4, code('KEYWORD_ANIMAL_HARM'), NOTICES, '4'],
      // part 6: 1 measure in all, none in any category (the demo's v1-category trap in small)
      [6, code('TOTAL'), MEASURES, '1'],
      // part 3: France's TOTAL row 2 orders, its categories none; the Union's TOTAL row 2 as well
      [3, code('TOTAL', 'FR'), ACT, '2'], [3, code('TOTAL', 'TOTAL'), ACT, '2'],
    ]);
    expect(offences(r, 'categories-add-up')).toEqual([
      '3 G2 TOTAL · TOTAL: categories add up to 0, the total is 2',
      '3 G102 TOTAL · FR: categories add up to 0, the total is 2',
      '4 F2 TOTAL: categories add up to 4, the total is 5',
      '5 F3 STATEMENT_CATEGORY_ANIMAL_WELFARE: keywords add up to 2, the category is 3',
      '6 F2 TOTAL: categories add up to 0, the total is 1',
    ]);
  });

  it('sub-counts-within-totals: solely automated and a restriction above the measures (parts 5, 6), trusted flaggers and actions above the notices (part 4)', () => {
    const r = plant([
      [5, code('TOTAL'), MEASURES, '2'], [5, code('TOTAL'), 'Visibility restriction Removal', '3'],
      [6, code('TOTAL'), MEASURES, '3'], [6, code('TOTAL'), SOLELY, '4'],
      [4, code('TOTAL'), NOTICES, '5'], [4, code('TOTAL'), 'Number of notices received from Trusted flaggers', '6'],
      [4, code('TOTAL'), 'Number of specific items of information included in the total number of notices', '7'],
      [4, code('TOTAL'), 'Number of specific items of information included in the total number of notices by Trusted Flaggers (Trusted Flagger notices)', '8'],
      [4, code('TOTAL'), 'Number of actions taken on the basis of the law', '3'], [4, code('TOTAL'), 'Number of actions taken on the basis of the law (Trusted Flagger notices)', '4'],
      [4, code('TOTAL'), 'Number of actions taken on the basis of the terms and conditions of the service', '3'],
      [4, code('TOTAL'), 'Number of actions taken on the basis of the terms and conditions of the service (Trusted Flagger notices)', '4'],
    ]);
    expect(offences(r, 'sub-counts-within-totals')).toEqual([
      '4 G2 TOTAL: 6 is more than Number of notices received (5)',
      '4 I2 TOTAL: 8 is more than Number of specific items of information included in the total number of notices (7)',
      '4 M2 TOTAL: 4 is more than Number of actions taken on the basis of the law (3)',
      '4 O2 TOTAL: 4 is more than Number of actions taken on the basis of the terms and conditions of the service (3)',
      '4 L2 TOTAL: actions (6) exceed the notices received (5)',
      "5 H2 TOTAL: 3 is more than Number of measures taken at the provider's own initiative (2)",
      "6 G2 TOTAL: 4 is more than Number of measures taken at the provider's own initiative (3)",
    ]);
  });

  it('sub-counts-within-totals: outcomes above the complaints (part 7), moderators by language above those with any (part 9), a member state above the Union (part 10)', () => {
    const COMPLAINTS = 'Number of complaints submitted to the internal-complaints mechanism';
    const LINGUISTIC = 'Number of total moderators with sufficient linguistic expertise ';
    const r = plant([
      // 10 complaints, 6 upheld + 5 reversed
      [7, indicator(COMPLAINTS, 'Total number'), VALUE, '10'], [7, indicator(COMPLAINTS, 'Decisions upheld'), VALUE, '6'], [7, indicator(COMPLAINTS, 'Decisions reversed'), VALUE, '5'],
      // 3 internal + 2 external moderators; 6 with an official language; 7 with German
      [9, indicator('Number of internal moderators employed by the provider', 'Total number'), VALUE, '3'],
      [9, indicator('Number of external moderators contracted by the provider', 'Total number'), VALUE, '2'],
      [9, indicator(LINGUISTIC, 'Total number'), VALUE, '6'], [9, indicator(LINGUISTIC, 'de'), VALUE, '7'],
      // 100 recipients in the Union, 150 in Germany
      [10, indicator(AMAR, 'TOTAL'), VALUE, '100'], [10, indicator(AMAR, 'DE'), VALUE, '150'],
    ]);
    expect(offences(r, 'sub-counts-within-totals')).toEqual([
      '7 G2 Total number · Number of complaints submitted to the internal-complaints mechanism: outcomes add up to 11, more than the 10 submitted',
      `9 G4 Total number · ${LINGUISTIC}: 6 moderators with linguistic expertise, more than the 5 internal and external`,
      `9 G14 de · ${LINGUISTIC}: 7 for one language, more than the 6 with any official language`,
      `10 G13 DE · ${AMAR}: 150 recipients in one member state, more than the Union total (100)`,
    ]);
  });

  it('sub-counts-within-totals: complaints by subject above all complaints (part 7), measures by language above all measures (part 8)', () => {
    const COMPLAINTS = 'Number of complaints submitted to the internal-complaints mechanism';
    const r = plant([
      // 4 complaints; 3 about visibility and 2 about accounts
      [7, indicator(COMPLAINTS, 'Total number'), VALUE, '4'],
      [7, indicator('Complaint regarding a decision to remove or disable access to or restrict visibility of information', 'Total number'), VALUE, '3'],
      [7, indicator('Complaint regarding a decision to suspend or terminate an account ', 'Total number'), VALUE, '2'],
      // 5 measures solely automated; 4 in German and 2 in French
      [8, indicator(P8_SOLELY, 'Total number'), VALUE, '5'], [8, indicator(P8_SOLELY, 'de'), VALUE, '4'], [8, indicator(P8_SOLELY, 'fr'), VALUE, '2'],
    ]);
    expect(offences(r, 'sub-counts-within-totals')).toEqual([
      `7 G2 Total number · ${COMPLAINTS}: complaints by subject add up to 5, more than the 4 submitted`,
      `8 G2 Total number · ${P8_SOLELY}: official languages add up to 6, more than the total of 5`,
    ]);
    // the same with the languages adding up exactly: no offence from part 8
    const exact = plant([[8, indicator(P8_SOLELY, 'Total number'), VALUE, '6'], [8, indicator(P8_SOLELY, 'de'), VALUE, '4'], [8, indicator(P8_SOLELY, 'fr'), VALUE, '2']]);
    expect(offences(exact, 'sub-counts-within-totals')).toEqual([]);
  });

  it('member-states-add-up: part 3\'s member states short of the Union\'s TOTAL row', () => {
    // 3 orders in all; 1 from France, 1 from Germany
    const r = plant([[3, code('TOTAL', 'TOTAL'), ACT, '3'], [3, code('TOTAL', 'FR'), ACT, '1'], [3, code('TOTAL', 'DE'), ACT, '1']]);
    expect(offences(r, 'member-states-add-up')).toEqual(['3 G2 TOTAL · TOTAL: member states add up to 2, the total is 3']);
  });

  it('parts-agree: part 8 against parts 5 + 6 (own initiative, solely automated) and against part 4 (notices)', () => {
    const r = plant([
      // parts 5 + 6: 4 + 2 = 6 own-initiative measures, 3 + 1 = 4 of them solely automated
      [5, code('TOTAL'), MEASURES, '4'], [5, code('TOTAL'), SOLELY, '3'], [6, code('TOTAL'), MEASURES, '2'], [6, code('TOTAL'), SOLELY, '1'],
      // part 8: own initiative 3 solely automated + 2 not = 5; all measures 2 + 2, fewer than own initiative
      [8, indicator(P8_SOLELY, 'Own-initiative '), VALUE, '3'], [8, indicator(P8_NOT, 'Own-initiative '), VALUE, '2'],
      [8, indicator(P8_SOLELY, 'Total number'), VALUE, '2'], [8, indicator(P8_NOT, 'Total number'), VALUE, '2'],
      // part 4: 5 notices; part 8: 1 + 3 = 4
      [4, code('TOTAL'), NOTICES, '5'], [4, code('TOTAL'), 'Number of notices received from Trusted flaggers', '2'],
      [8, indicator('Number of notices solely processed by automated means ', 'NAM Total'), VALUE, '1'], [8, indicator('Number of notices not processed by automated means', 'NAM Total'), VALUE, '3'],
    ]);
    expect(offences(r, 'parts-agree')).toEqual([
      `8 G7 Own-initiative  · ${P8_SOLELY}: part 8 says 3 own-initiative measures were solely automated; parts 5 and 6 say 4`,
      `8 G8 Own-initiative  · ${P8_NOT}: part 8 counts 5 own-initiative measures; parts 5 and 6 count 6`,
      '8 G13 NAM Total · Number of notices not processed by automated means: part 8 counts 4 notices; part 4 counts 5',
      '8 G18 NAM Trusted Flagger · Number of notices not processed by automated means: part 8 counts 0 trusted-flagger notices; part 4 counts 2',
      `8 G7 Own-initiative  · ${P8_SOLELY}: own-initiative measures (3 solely automated, 2 not) exceed all measures (2, 2)`,
    ]);
  });

  it('medians-in-range: below 0 or beyond the hours from the period start to when the figures were read (240 h here)', () => {
    const COMPLAINTS = 'Number of complaints submitted to the internal-complaints mechanism';
    const r = plant([
      [4, code('TOTAL'), 'Median time to take action', '240.01'],
      [3, code('TOTAL', 'TOTAL'), 'Median time to give effect to the order to act against illegal content', '-0.5'],
      // the bound itself is in range
      [7, indicator(COMPLAINTS, 'Median time'), VALUE, '240'],
    ]);
    expect(offences(r, 'medians-in-range')).toEqual([
      '3 J2 TOTAL · TOTAL: median -0.5 h is outside 0 … 240 h',
      '4 J2 TOTAL: median 240.01 h is outside 0 … 240 h',
    ]);
  });

  it('counts-whole-and-non-negative: a fraction and a negative count, and an accuracy beyond 1', () => {
    const r = plant([
      [5, code('KEYWORD_ANIMAL_HARM'), SOLELY, '2.5'],
      [10, indicator(AMAR, 'AT'), VALUE, '-1'],
      [8, indicator('Accuracy of the automated means - Precision', 'Total number'), VALUE, '1.2'],
    ]);
    expect(offences(r, 'counts-whole-and-non-negative')).toEqual([
      '5 G4 KEYWORD_ANIMAL_HARM: 2.5 is not a whole number of 0 or more',
      '8 G5 Total number · Accuracy of the automated means - Precision: 1.2 is not a proportion from 0 to 1',
      `10 G3 AT · ${AMAR}: -1 is not a whole number of 0 or more`,
    ]);
  });
});
