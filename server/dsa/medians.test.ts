// The report's median times against a small fixture whose medians are worked out by hand: the
// middle value of the durations (or the mean of the two middle ones), from receipt or submission
// to the action, in hours to 2 decimals; events with no action by then are left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { buildReport, type DsaReport } from './report.js';

const SERVICE = 'medians';
let t: TestDatabase;
let report: DsaReport;

beforeAll(async () => {
  t = await openTestDatabase();
  const notice = { service: SERVICE, eu_keyword: '', items: 1, automated: 0 };
  await t.db.insertRows('test', 'dsa_notices', [
    // acted on after 0.5 h (trusted flagger), 6 h, 25 h (trusted flagger): violence; 10 h: scams
    { ...notice, notice_id: 'n1', received_at: '2026-02-01 10:00:00', decided_at: '2026-02-01 10:30:00', eu_category: 'STATEMENT_CATEGORY_VIOLENCE', trusted_flagger: 1, decision_id: 'd1', legal_ground: 'DECISION_GROUND_ILLEGAL_CONTENT' },
    { ...notice, notice_id: 'n2', received_at: '2026-02-02 00:00:00', decided_at: '2026-02-02 06:00:00', eu_category: 'STATEMENT_CATEGORY_VIOLENCE', trusted_flagger: 0, decision_id: 'd2', legal_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT' },
    { ...notice, notice_id: 'n3', received_at: '2026-02-03 00:00:00', decided_at: '2026-02-04 01:00:00', eu_category: 'STATEMENT_CATEGORY_VIOLENCE', trusted_flagger: 1, decision_id: 'd3', legal_ground: 'DECISION_GROUND_ILLEGAL_CONTENT' },
    { ...notice, notice_id: 'n4', received_at: '2026-02-05 00:00:00', decided_at: '2026-02-05 10:00:00', eu_category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', trusted_flagger: 0, decision_id: 'd4', legal_ground: 'DECISION_GROUND_ILLEGAL_CONTENT' },
    // no action: none followed, or a decision that restricted nothing (no legal ground) 100 h later
    { ...notice, notice_id: 'n5', received_at: '2026-02-06 00:00:00', eu_category: 'STATEMENT_CATEGORY_VIOLENCE', trusted_flagger: 0, decision_id: '', legal_ground: '' },
    { ...notice, notice_id: 'n6', received_at: '2026-02-07 00:00:00', decided_at: '2026-02-11 04:00:00', eu_category: 'STATEMENT_CATEGORY_VIOLENCE', trusted_flagger: 1, decision_id: 'd6', legal_ground: '' },
  ]);
  const order = { service: SERVICE, eu_category: 'STATEMENT_CATEGORY_VIOLENCE', eu_keyword: '', items: 1 };
  await t.db.insertRows('test', 'dsa_orders', [
    // to act: acknowledged after 20 min, 1 h, 2 h; given effect after 3 h, not yet, 48 h
    { ...order, order_id: 'o1', member_state: 'FR', order_type: 'act_against_illegal_content', received_at: '2026-03-01 00:00:00', acknowledged_at: '2026-03-01 00:20:00', effected_at: '2026-03-01 03:00:00' },
    { ...order, order_id: 'o2', member_state: 'FR', order_type: 'act_against_illegal_content', received_at: '2026-03-02 00:00:00', acknowledged_at: '2026-03-02 01:00:00' },
    { ...order, order_id: 'o3', member_state: 'DE', order_type: 'act_against_illegal_content', received_at: '2026-03-03 00:00:00', acknowledged_at: '2026-03-03 02:00:00', effected_at: '2026-03-05 00:00:00' },
    // to provide information: acknowledged after 45 min, given effect after 12 h
    { ...order, order_id: 'o4', member_state: 'DE', order_type: 'provide_information', received_at: '2026-03-04 00:00:00', acknowledged_at: '2026-03-04 00:45:00', effected_at: '2026-03-04 12:00:00' },
  ]);
  const appeal = { decision_id: 'x', region: 'EU', country: 'DE', policy: 'hate_speech', content_type: 'video', service: SERVICE, dsa_subject: '', dsa_outcome: '', outcome: '', restrictions_imposed: 0 };
  const filed = (id: string, at: string) => ({ ...appeal, appeal_id: id, event: 'filed', event_at: at, dsa_subject: 'visibility' });
  const resolved = (id: string, at: string, dsaOutcome: string, outcome: string) => ({ ...appeal, appeal_id: id, event: 'resolved', event_at: at, dsa_outcome: dsaOutcome, outcome });
  await t.db.insertRows('test', 'appeal_events', [
    // decided after 36 h and 6 h; one undecided; one decided only after the period's end
    filed('c1', '2026-04-01 00:00:00'), resolved('c1', '2026-04-02 12:00:00', 'upheld', 'upheld'),
    filed('c2', '2026-04-03 00:00:00'), resolved('c2', '2026-04-03 06:00:00', 'reversed', 'overturned'),
    filed('c3', '2026-04-04 00:00:00'),
    filed('c4', '2026-06-30 12:00:00'), resolved('c4', '2026-07-01 12:00:00', 'upheld', 'upheld'),
  ]);
  const dispute = (id: string, submitted: string, resolvedAt: string) => [
    { dispute_id: id, service: SERVICE, event: 'submitted', event_at: submitted, submitted_at: submitted, outcome: '', implemented: 0 },
    { dispute_id: id, service: SERVICE, event: 'resolved', event_at: resolvedAt, submitted_at: submitted, outcome: 'upheld', implemented: 1 },
  ];
  // settled after 240 h, 12 h and 24 h
  await t.db.insertRows('test', 'dsa_disputes', [
    ...dispute('s1', '2026-05-01 00:00:00', '2026-05-11 00:00:00'), ...dispute('s2', '2026-05-02 00:00:00', '2026-05-02 12:00:00'), ...dispute('s3', '2026-05-03 00:00:00', '2026-05-04 00:00:00'),
  ]);
  report = await buildReport(t.db, { from: '2026-01-01', to: '2026-06-30', service: SERVICE, providerName: '', publishedOn: '2026-08-01', previousReportOn: '' }, Date.parse('2026-08-01T00:00:00Z') / 1000);
});
afterAll(async () => t.close());

const cell = (part: number, match: (cells: string[]) => boolean, column: string): string => {
  const p = report.parts[part - 1]!;
  const row = p.rows.find((r) => match(r.cells));
  if (!row) throw new Error(`part ${part}: no such row`);
  return row.cells[p.header.indexOf(column)]!;
};

describe('median times, in hours', () => {
  it('part 4: from receipt of the notice to the decision that acted on it', () => {
    const total = (c: string[]) => c[3] === 'TOTAL';
    // 0.5, 6, 10, 25 h: (6 + 10) / 2 = 8; trusted flaggers 0.5 and 25: 12.75
    expect(cell(4, total, 'Median time to take action')).toBe('8');
    expect(cell(4, total, 'Median time to take action (Trusted Flagger notices)')).toBe('12.75');
    // violence 0.5, 6, 25: 6; scams 10 alone
    expect(cell(4, (c) => c[3] === 'STATEMENT_CATEGORY_VIOLENCE', 'Median time to take action')).toBe('6');
    expect(cell(4, (c) => c[3] === 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', 'Median time to take action')).toBe('10');
    expect(cell(4, (c) => c[3] === 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', 'Median time to take action (Trusted Flagger notices)')).toBe('');
    expect(cell(4, total, 'Contextual information on Median time to take action')).toBe('hours, from receipt of the notice to the decision');
  });

  it('part 3: from receipt of the order to informing the authority and to giving it effect', () => {
    const at = (scope: string) => (c: string[]) => c[3] === 'TOTAL' && c[5] === scope;
    const ACK = 'Median time to inform the authority of the receipt of the order to act against illegal content';
    const EFFECT = 'Median time to give effect to the order to act against illegal content';
    // acknowledged after 1/3, 1, 2 h: 1; given effect after 3 and 48 h (one not yet): 25.5
    expect(cell(3, at('TOTAL'), ACK)).toBe('1');
    expect(cell(3, at('TOTAL'), EFFECT)).toBe('25.5');
    // FR: (1/3 + 1) / 2 = 0.6667 → 0.67, effect 3; DE: 2 and 48
    expect(cell(3, at('FR'), ACK)).toBe('0.67');
    expect(cell(3, at('FR'), EFFECT)).toBe('3');
    expect(cell(3, at('DE'), ACK)).toBe('2');
    expect(cell(3, at('DE'), EFFECT)).toBe('48');
    expect(cell(3, at('TOTAL'), 'Median time to inform the authority of the receipt of the order to provide information')).toBe('0.75');
    expect(cell(3, at('TOTAL'), 'Median time to give effect to the order to provide information')).toBe('12');
  });

  it('part 7: from submission to the decision, for complaints and out-of-court disputes decided by the period end', () => {
    const median = (indicator: string) => (c: string[]) => c[4] === indicator && c[5] === 'Median time';
    // complaints 36 and 6 h: 21 (one undecided, one decided after 30 June)
    expect(cell(7, median('Number of complaints submitted to the internal-complaints mechanism'), 'Value')).toBe('21');
    expect(cell(7, median('Complaint regarding a decision to remove or disable access to or restrict visibility of information'), 'Value')).toBe('21');
    // disputes 240, 12, 24 h: 24
    expect(cell(7, median('Number of disputes submitted to out-of-court dispute settlement bodies'), 'Value')).toBe('24');
  });
});
