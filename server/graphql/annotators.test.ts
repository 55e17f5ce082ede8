// The annotator list behind the kappa panel's pickers, on the hand-made fixture of
// testing/analyticsFixture.ts. Expected figures are worked out by hand from the fixture rows (see
// the comments); nothing is computed by the code under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../testing/testDatabase.js';
import { openFixtureApi, type TestApi } from '../testing/testApi.js';
import type { Access } from '../access/access.js';

let t: TestDatabase;
let api: TestApi;
let close: () => Promise<void>;
beforeAll(async () => ({ t, api, close } = await openFixtureApi()));
afterAll(() => close());

const ANNOTATORS = 'query($input: AnnotatorsInput!) { annotators(input: $input) { id vendor labels sharedTasks } }';
const WEEK = { from: '2026-03-01T00:00:00Z', to: '2026-03-10T00:00:00Z' };
const kestrel: Access = { username: 'kim', role: 'viewer', scope: { VENDOR: ['kestrel'] } };
const tessera: Access = { username: 'tess', role: 'viewer', scope: { VENDOR: ['tessera'] } };

async function annotators(input: Record<string, unknown>, access?: Access) {
  return (await api.ok(ANNOTATORS, { input }, access)).annotators as { id: string; vendor: string; labels: number; sharedTasks: number | null }[];
}

async function refusal(input: Record<string, unknown>, access?: Access) {
  const r = await api.gql(ANNOTATORS, { input }, access);
  expect(r.data ?? null).toBeNull();
  return r.errors![0]!;
}

// The fixture's labels: Krippendorff's 4 observers × 12 units are annotators a–d on tasks k1–k12
// (tessera, es-general, LATAM, all submitted 2026-03-02 10:30, tasks created that day):
//   a: units 1–9 (9 labels)   b: units 1–10 and 12 (11)   c: units 2–11 (10)   d: units 1–11 (11)
// plus single-label golden tasks: g1-a (kestrel, EU, 03-02 09:20), g2-e (kestrel, EU, 03-03 09:20),
// g3-e (tessera, LATAM, 03-02 10:10).
describe('annotators: labels in the range', () => {
  it('counts each annotator’s labels, most first (ties by id), with the vendor they labelled most for', async () => {
    expect(await annotators({ range: WEEK })).toEqual([
      { id: 'b', vendor: 'tessera', labels: 11, sharedTasks: null },
      { id: 'd', vendor: 'tessera', labels: 11, sharedTasks: null },
      // 9 tessera + 1 kestrel
      { id: 'a', vendor: 'tessera', labels: 10, sharedTasks: null },
      { id: 'c', vendor: 'tessera', labels: 10, sharedTasks: null },
      // 1 kestrel + 1 tessera: a tie, the first vendor code wins
      { id: 'e', vendor: 'kestrel', labels: 2, sharedTasks: null },
    ]);
  });

  it('counts labels by when they were submitted, on whole hours', async () => {
    // 2026-03-02 10:00–11:00: the 40 k-labels at 10:30 and g3-e at 10:10; not g1-a (09:20)
    expect(await annotators({ range: { from: '2026-03-02T10:00:00Z', to: '2026-03-02T11:00:00Z' } })).toEqual([
      { id: 'b', vendor: 'tessera', labels: 11, sharedTasks: null },
      { id: 'd', vendor: 'tessera', labels: 11, sharedTasks: null },
      { id: 'c', vendor: 'tessera', labels: 10, sharedTasks: null },
      { id: 'a', vendor: 'tessera', labels: 9, sharedTasks: null },
      { id: 'e', vendor: 'tessera', labels: 1, sharedTasks: null },
    ]);
    expect(await annotators({ range: { from: '2026-03-03T00:00:00Z', to: '2026-03-04T00:00:00Z' } })).toEqual([
      { id: 'e', vendor: 'kestrel', labels: 1, sharedTasks: null },
    ]);
  });

  it('applies the filters', async () => {
    expect(await annotators({ range: WEEK, filters: [{ dimension: 'REGION', values: ['EU'] }] })).toEqual([
      { id: 'a', vendor: 'kestrel', labels: 1, sharedTasks: null },
      { id: 'e', vendor: 'kestrel', labels: 1, sharedTasks: null },
    ]);
    expect(await annotators({ range: WEEK, filters: [{ dimension: 'QUEUE', values: ['de-fr-general'] }, { dimension: 'VENDOR', values: ['kestrel'] }] }))
      .toEqual(await annotators({ range: WEEK, filters: [{ dimension: 'REGION', values: ['EU'] }] }));
  });
});

describe('annotators: paired with one annotator', () => {
  // Tasks both labelled: a∩b = units 1–9 (9), a∩c = 2–9 (8), a∩d = 1–9 (9);
  // c∩b = 2–10 (9), c∩d = 2–11 (10); e labelled no multi-labelled task.
  it('lists those who share tasks with a, most shared tasks first (ties by labels, then id)', async () => {
    expect(await annotators({ range: WEEK, pairedWith: 'a' })).toEqual([
      { id: 'b', vendor: 'tessera', labels: 11, sharedTasks: 9 },
      { id: 'd', vendor: 'tessera', labels: 11, sharedTasks: 9 },
      { id: 'c', vendor: 'tessera', labels: 10, sharedTasks: 8 },
    ]);
  });

  it('orders by shared tasks, not by labels', async () => {
    expect(await annotators({ range: WEEK, pairedWith: 'c' })).toEqual([
      { id: 'd', vendor: 'tessera', labels: 11, sharedTasks: 10 },
      { id: 'b', vendor: 'tessera', labels: 11, sharedTasks: 9 },
      { id: 'a', vendor: 'tessera', labels: 10, sharedTasks: 8 },
    ]);
  });

  it('sharedTasks is the items of annotatorAgreement for the pair', async () => {
    const agreement = async (annotatorB: string) =>
      (await api.ok('query($input: AnnotatorPairInput!) { annotatorAgreement(input: $input) { items } }', { input: { annotatorA: 'c', annotatorB, range: WEEK } })).annotatorAgreement.items;
    expect(await agreement('d')).toBe(10);
    expect(await agreement('b')).toBe(9);
    expect(await agreement('a')).toBe(8);
  });

  it('is empty for an annotator with no multi-labelled task, or one not in the data', async () => {
    expect(await annotators({ range: WEEK, pairedWith: 'e' })).toEqual([]);
    expect(await annotators({ range: WEEK, pairedWith: 'nobody-42' })).toEqual([]);
    expect(await annotators({ range: WEEK, pairedWith: 'a', filters: [{ dimension: 'VENDOR', values: ['kestrel'] }] })).toEqual([]);
  });

  it('counts shared tasks by their creation day: a range of hours reads whole days, as kappa does', async () => {
    // 2026-03-02 12:00–13:00: no label submitted then, but the k-tasks were created that day
    expect(await annotators({ range: { from: '2026-03-02T12:00:00Z', to: '2026-03-02T13:00:00Z' }, pairedWith: 'a' })).toEqual([
      { id: 'b', vendor: 'tessera', labels: 0, sharedTasks: 9 },
      { id: 'd', vendor: 'tessera', labels: 0, sharedTasks: 9 },
      { id: 'c', vendor: 'tessera', labels: 0, sharedTasks: 8 },
    ]);
  });
});

describe('annotators: search by id', () => {
  it('keeps the annotators whose id contains the search, any case', async () => {
    // ids a–e: only a contains "A"; counts as in the unsearched list (9 tessera + 1 kestrel)
    expect(await annotators({ range: WEEK, search: 'A' })).toEqual([
      { id: 'a', vendor: 'tessera', labels: 10, sharedTasks: null },
    ]);
    expect(await annotators({ range: WEEK, search: 'e' })).toEqual([
      { id: 'e', vendor: 'kestrel', labels: 2, sharedTasks: null },
    ]);
    expect(await annotators({ range: WEEK, search: 'nobody' })).toEqual([]);
  });

  it('is a plain substring, not a pattern: . and _ match only themselves', async () => {
    expect(await annotators({ range: WEEK, search: '.' })).toEqual([]);
    expect(await annotators({ range: WEEK, search: '_' })).toEqual([]);
  });

  it('goes with the filters and the access scope', async () => {
    // EU: g1-a and g2-e; of those only e contains "E"
    expect(await annotators({ range: WEEK, search: 'E', filters: [{ dimension: 'REGION', values: ['EU'] }] })).toEqual([
      { id: 'e', vendor: 'kestrel', labels: 1, sharedTasks: null },
    ]);
    // kestrel sees g1-a only for a
    expect(await annotators({ range: WEEK, search: 'a' }, kestrel)).toEqual([
      { id: 'a', vendor: 'kestrel', labels: 1, sharedTasks: null },
    ]);
  });

  it('with pairedWith, keeps those sharing tasks whose id contains the search', async () => {
    // c shares 10 tasks with d, 9 with b, 8 with a
    expect(await annotators({ range: WEEK, pairedWith: 'c', search: 'D' })).toEqual([
      { id: 'd', vendor: 'tessera', labels: 11, sharedTasks: 10 },
    ]);
    expect(await annotators({ range: WEEK, pairedWith: 'c', search: 'a' })).toEqual([
      { id: 'a', vendor: 'tessera', labels: 10, sharedTasks: 8 },
    ]);
    // a itself is never listed with a; e shares no task with c
    expect(await annotators({ range: WEEK, pairedWith: 'a', search: 'a' })).toEqual([]);
    expect(await annotators({ range: WEEK, pairedWith: 'c', search: 'e' })).toEqual([]);
  });
});

describe('annotators: access scope', () => {
  it('a vendor-scoped user sees only their vendor’s annotators and labels', async () => {
    // kestrel: g1-a and g2-e only
    expect(await annotators({ range: WEEK }, kestrel)).toEqual([
      { id: 'a', vendor: 'kestrel', labels: 1, sharedTasks: null },
      { id: 'e', vendor: 'kestrel', labels: 1, sharedTasks: null },
    ]);
    // tessera: the 41 k-labels and g3-e
    expect(await annotators({ range: WEEK }, tessera)).toEqual([
      { id: 'b', vendor: 'tessera', labels: 11, sharedTasks: null },
      { id: 'd', vendor: 'tessera', labels: 11, sharedTasks: null },
      { id: 'c', vendor: 'tessera', labels: 10, sharedTasks: null },
      { id: 'a', vendor: 'tessera', labels: 9, sharedTasks: null },
      { id: 'e', vendor: 'tessera', labels: 1, sharedTasks: null },
    ]);
    // the shared tasks of a are all tessera's
    expect(await annotators({ range: WEEK, pairedWith: 'a' }, kestrel)).toEqual([]);
    expect((await annotators({ range: WEEK, pairedWith: 'a' }, tessera)).map((r) => [r.id, r.sharedTasks])).toEqual([['b', 9], ['d', 9], ['c', 8]]);
  });

  it('refuses another vendor’s filter with FORBIDDEN', async () => {
    for (const pairedWith of [undefined, 'a']) {
      const e = await refusal({ range: WEEK, pairedWith, filters: [{ dimension: 'VENDOR', values: ['tessera'] }] }, kestrel);
      expect(e.extensions.code).toBe('FORBIDDEN');
      expect(e.message).toMatch(/tessera is outside your access \(vendor: kestrel\)/);
    }
  });

  it('refuses a country-scoped user: annotation is not kept by country', async () => {
    const e = await refusal({ range: WEEK }, { username: 'c', role: 'viewer', scope: { COUNTRY: ['DE'] } });
    expect(e.extensions.code).toBe('FORBIDDEN');
  });

  it('a region-scoped user sees that region', async () => {
    expect(await annotators({ range: WEEK }, { username: 'r', role: 'viewer', scope: { REGION: ['EU'] } })).toEqual([
      { id: 'a', vendor: 'kestrel', labels: 1, sharedTasks: null },
      { id: 'e', vendor: 'kestrel', labels: 1, sharedTasks: null },
    ]);
  });
});

describe('annotators: bad input', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['an annotator id with SQL in it', { range: WEEK, pairedWith: "x'); DROP TABLE annotation_labels; --" }, 'input.pairedWith', /must be an annotator id/],
    ['an empty annotator id', { range: WEEK, pairedWith: '' }, 'input.pairedWith', /must be an annotator id/],
    ['an annotator id over 64 characters', { range: WEEK, pairedWith: 'x'.repeat(65) }, 'input.pairedWith', /must be an annotator id/],
    ['an empty search', { range: WEEK, search: '' }, 'input.search', /must be part of an annotator id/],
    ['a search over 64 characters', { range: WEEK, search: 'a'.repeat(65) }, 'input.search', /must be part of an annotator id/],
    ['a search with a space', { range: WEEK, search: 'a b' }, 'input.search', /must be part of an annotator id/],
    ['a search with SQL in it', { range: WEEK, search: "a') OR 1=1 --" }, 'input.search', /must be part of an annotator id/],
    ['a search with a LIKE wildcard', { range: WEEK, pairedWith: 'a', search: '%' }, 'input.search', /must be part of an annotator id/],
    // longer than days may cover and holding no data: nothing to cut it to (one with data is cut to it)
    ['a range over 1,100 days without data', { range: { from: '2020-01-01T00:00:00Z', to: '2023-01-06T00:00:00Z' } }, 'input.range', /input\.range: no data in this range; the data runs from 2026-/],
    ['a range not on whole hours', { range: { from: '2026-03-01T00:30:00Z', to: '2026-03-02T00:00:00Z' } }, 'input.range', /whole hours/],
    ['a range backwards', { range: { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' } }, 'input.range', /must be before/],
    ['a dimension annotation does not keep', { range: WEEK, filters: [{ dimension: 'COUNTRY', values: ['DE'] }] }, 'input.filters[0].dimension', /cannot be sliced by COUNTRY/],
    ['an unknown vendor', { range: WEEK, filters: [{ dimension: 'VENDOR', values: ['acme'] }] }, 'input.filters[0].values', /unknown vendor "acme"/],
  ];
  for (const [what, input, argument, message] of cases) {
    it(`refuses ${what} with BAD_USER_INPUT naming ${argument}`, async () => {
      const e = await refusal(input);
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(e.message).toMatch(message);
    });
  }
});

describe('annotators: at most 200', () => {
  it('cuts the list at 200 rows, the busiest first', async () => {
    // 205 annotators in April, one label each, except x204 with three
    const label = (i: number, n: number) => ({
      label_id: `cap-${i}-${n}`, task_id: `cap-${i}-${n}`, annotator_id: `x${String(i).padStart(3, '0')}`, vendor: 'helios', site: 'helios-manila', queue: 'en-general',
      language: 'en', region: 'SEA', policy: 'spam_fake_engagement', task_created_at: '2026-04-01 09:00:00', submitted_at: '2026-04-01 10:00:00', answer: 'benign',
      is_golden: 0, gold_answer: '', handle_seconds: 30, labels_required: 1,
    });
    const rows = Array.from({ length: 205 }, (_, i) => label(i, 0));
    rows.push(label(204, 1), label(204, 2));
    await t.db.insertRows('test.fixture', 'annotation_labels', rows);
    const list = await annotators({ range: { from: '2026-04-01T00:00:00Z', to: '2026-04-02T00:00:00Z' } });
    expect(list).toHaveLength(200);
    expect(list[0]).toEqual({ id: 'x204', vendor: 'helios', labels: 3, sharedTasks: null });
    // then ids in order: x000 … x198
    expect(list[1]!.id).toBe('x000');
    expect(list[199]!.id).toBe('x198');
  });

  it('applies the cap to the matches of a search: one beyond the 200 busiest is found', async () => {
    // the rows of the test above: x199–x203 are cut from the unsearched list
    const april = { from: '2026-04-01T00:00:00Z', to: '2026-04-02T00:00:00Z' };
    expect((await annotators({ range: april })).map((r) => r.id)).not.toContain('x201');
    expect(await annotators({ range: april, search: 'X201' })).toEqual([
      { id: 'x201', vendor: 'helios', labels: 1, sharedTasks: null },
    ]);
    // "x20": x200–x204 (not x020, which has "x02"); x204 has three labels, then ids in order
    expect((await annotators({ range: april, search: 'x20' })).map((r) => [r.id, r.labels])).toEqual([
      ['x204', 3], ['x200', 1], ['x201', 1], ['x202', 1], ['x203', 1],
    ]);
    // "19": x019, x119 and x190–x199 — twelve, x199 among them
    expect((await annotators({ range: april, search: '19' })).map((r) => r.id)).toEqual([
      'x019', 'x119', 'x190', 'x191', 'x192', 'x193', 'x194', 'x195', 'x196', 'x197', 'x198', 'x199',
    ]);
    // a search every id matches still stops at 200
    expect(await annotators({ range: april, search: 'x' })).toHaveLength(200);
  });
});
