// The DSA report's streams refuse what the report could not count: each bad row is named with its
// field and reason, and nothing of the batch is kept (validation is all or nothing).
import { describe, expect, it } from 'vitest';
import { parseBatch, validateBatch } from './validate.js';
import { streamByName } from './streams.js';

const NOW = Date.parse('2026-12-01T00:00:00Z') / 1000;
const check = (stream: string, rows: Record<string, unknown>[]) =>
  validateBatch(streamByName.get(stream)!, parseBatch(rows.map((r) => JSON.stringify(r)).join('\n'), 'ndjson'), NOW);
const errorsOf = (stream: string, row: Record<string, unknown>) => check(stream, [row]).errors.map((e) => `${e.field}: ${e.message}`);

describe('DSA streams', () => {
  const notice = streamByName.get('dsa-notices')!.example;
  it('a notice: a decision needs its time, an action needs its decision, the decision comes after the notice', () => {
    expect(errorsOf('dsa-notices', notice)).toEqual([]);
    expect(errorsOf('dsa-notices', { ...notice, decided_at: undefined })).toEqual(['decided_at: a notice with a decision_id needs decided_at']);
    expect(errorsOf('dsa-notices', { ...notice, decision_id: undefined, decided_at: undefined })).toEqual(['legal_ground: an action needs its decision_id']);
    expect(errorsOf('dsa-notices', { ...notice, decided_at: '2026-03-01T00:00:00Z' })).toEqual(['decided_at: decided_at is before received_at']);
    expect(errorsOf('dsa-notices', { ...notice, items: 0 })).toEqual(['items: a notice names at least one item']);
    expect(errorsOf('dsa-notices', { ...notice, eu_category: 'STATEMENT_CATEGORY_NONSENSE' })[0]).toMatch(/^eu_category: must be one of/);
  });

  it('an order comes from a member state (Greece is GR) and is acknowledged after it is received', () => {
    const order = streamByName.get('dsa-orders')!.example;
    expect(errorsOf('dsa-orders', { ...order, member_state: 'GR' })).toEqual([]);
    expect(errorsOf('dsa-orders', { ...order, member_state: 'EL' })[0]).toMatch(/^member_state: must be one of/);
    expect(errorsOf('dsa-orders', { ...order, member_state: 'NO' })[0]).toMatch(/^member_state: must be one of/);
    expect(errorsOf('dsa-orders', { ...order, acknowledged_at: '2026-03-02T08:00:00Z' })).toEqual(['acknowledged_at: acknowledged_at is before received_at']);
  });

  it("a complaint's DSA outcome agrees with the appeal's outcome, and a filed one has none", () => {
    const appeal = streamByName.get('appeals')!.example;
    expect(errorsOf('appeals', { ...appeal, outcome: 'overturned', dsa_outcome: 'partially_reversed', dsa_subject: 'visibility' })).toEqual([]);
    expect(errorsOf('appeals', { ...appeal, outcome: 'upheld', dsa_outcome: 'omitted' })).toEqual([]);
    expect(errorsOf('appeals', { ...appeal, outcome: 'upheld', dsa_outcome: 'reversed' })).toEqual(['dsa_outcome: reversed means outcome overturned, not upheld']);
    expect(errorsOf('appeals', { ...appeal, event: 'filed', outcome: '', dsa_outcome: 'upheld' })).toEqual(['dsa_outcome: a filed appeal has no outcome yet']);
  });

  it('monthly active recipients start on the 1st of a month; a bad row rejects nothing else but is reported with its line', () => {
    const amar = streamByName.get('dsa-active-recipients')!.example;
    const v = check('dsa-active-recipients', [amar, { ...amar, figure_id: 'x2', month_start: '2026-03-02T00:00:00Z' }]);
    expect(v.errors).toEqual([{ line: 2, field: 'month_start', message: 'must be the 1st of a month at 00:00 UTC' }]);
  });

  it('a dispute resolved needs an outcome; staff languages are official EU languages', () => {
    const dispute = streamByName.get('dsa-disputes')!.example;
    expect(errorsOf('dsa-disputes', { ...dispute, outcome: '' })).toEqual(['outcome: a resolved dispute needs an outcome']);
    const staff = streamByName.get('dsa-moderation-staff')!.example;
    expect(errorsOf('dsa-moderation-staff', { ...staff, language: 'ga' })).toEqual([]);
    expect(errorsOf('dsa-moderation-staff', { ...staff, language: 'no' })[0]).toMatch(/^language: must be one of/);
  });
});
