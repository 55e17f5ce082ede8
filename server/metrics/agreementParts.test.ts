// Agreement read from its two precomputed halves (migration 0022: per-day sums of the tasks held
// in one row, and the copied rows of the others) gives the same answers as the per-task rollup it
// stands in for. Every agreement figure — series, breakdowns, rankings and totals, with filters,
// groupings and "Other" — is asked twice, once as the table decider reads it and once from
// annotation_task_answers only (as before 0022), on labels as real ones arrive: tasks answered at
// two sites, tasks whose labels carry two creation days, free-text answers, and late labels that
// turn a task held in one row into a spread one, or add a second answer to a single one, after the
// halves were refreshed.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Dimension, Grain } from '../domain/vocabulary.generated.js';
import { METRICS } from '../definitions/metricCatalogue.js';
import { breakdownOf, seriesOf, totalOf } from './service.js';
import { refreshAgreement } from '../queries/agreementRefresh.js';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';

const mode = vi.hoisted(() => ({ perTaskOnly: false }));
vi.mock('../definitions/tableDecider.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../definitions/tableDecider.js')>();
  return {
    ...real,
    decideTables: (q: Parameters<typeof real.decideTables>[0], single?: boolean) =>
      mode.perTaskOnly ? [{ table: q.rollup, from: q.from, to: q.to }] : real.decideTables(q, single),
  };
});

type Label = Record<string, string | number>;
const SITES = [['tessera', 'tessera-bogota', 'es-general', 'es', 'LATAM'], ['tessera', 'tessera-lima', 'es-general', 'es', 'LATAM'], ['kestrel', 'kestrel-krakow', 'de-fr-general', 'de', 'EU']] as const;
const POLICIES = ['hate_speech', 'spam_fake_engagement'];
// free text with separators, quotes and a formula prefix: answers are compared as they are
const ANSWERS = ['violating', 'benign', 'unsure, maybe', '=HYPERLINK("x")', 'a\tb'];
const day = (d: number) => `2026-03-0${d}`;

function label(task: number, n: number, site: number, created: number, answer: number): Label {
  const [vendor, siteName, queue, language, region] = SITES[site]!;
  return {
    label_id: `t${task}-${n}`, task_id: `t${task}`, annotator_id: `a${(task + n) % 7}`, vendor, site: siteName, queue, language, region,
    policy: POLICIES[task % 2]!, task_created_at: `${day(created)} 09:00:00`, submitted_at: `${day(created)} 10:${String(n).padStart(2, '0')}:00`,
    answer: ANSWERS[answer % ANSWERS.length]!, is_golden: 0, gold_answer: '', handle_seconds: 60, labels_required: 3,
  };
}

// 120 tasks over days 1–6: 1 to 4 answers each, at one site; answers agree more often than not
const FIRST: Label[] = Array.from({ length: 120 }, (_, task) => {
  const answers = 1 + ((task * 7) % 4);
  return Array.from({ length: answers }, (_, n) => label(task, n, task % 3, 1 + (task % 6), (task % 3) + (n % 2) * ((task * 5) % 3)));
}).flat()
  // and from the start: 8 tasks answered at a second site, 4 whose second answer carries the next creation day
  .concat(Array.from({ length: 8 }, (_, i) => label(i * 3, 10, 1 + ((i * 3) % 3 === 1 ? 1 : 0), 1 + ((i * 3) % 6), i)))
  .concat(Array.from({ length: 4 }, (_, i) => label(100 + i, 11, (100 + i) % 3, 2 + ((100 + i) % 5), i + 1)));

// after a refresh: a second site answers tasks held in one row; single tasks get a second answer;
// some tasks get an answer carrying another creation day (on a day whose sums were already kept)
const LATE: Label[] = [
  ...Array.from({ length: 6 }, (_, i) => label(40 + i * 5, 20, ((40 + i * 5) % 3 + 1) % 3, 1 + ((40 + i * 5) % 6), i)),
  ...Array.from({ length: 10 }, (_, i) => label(i * 4, 21, (i * 4) % 3, 1 + ((i * 4) % 6), i + 2)),
  ...Array.from({ length: 3 }, (_, i) => label(60 + i * 7, 22, (60 + i * 7) % 3, 6 - ((60 + i * 7) % 6), 0)),
];

// later still, one answer on the last day to a task so far held in one row on the first day
// (task 30: three answers at Bogotá, created on day 1): both days change
const LATEST: Label[] = [label(30, 23, 0, 6, 1)];

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

const at = (iso: string) => Date.parse(iso) / 1000;
const RANGE = { from: at('2026-03-01T00:00:00Z'), to: at('2026-03-08T00:00:00Z') };
const AGREEMENT = METRICS.filter((d) => d.rollup === 'taskAnswers');
const readsHalves = (statements: { sql: string }[]) => statements.some((s) => /FROM annotation_agreement_daily\b/.test(s.sql));

async function both<T extends { statements: { sql: string }[] }>(ask: () => Promise<T>): Promise<{ decided: Omit<T, 'statements'>; perTask: Omit<T, 'statements'>; halves: boolean }> {
  mode.perTaskOnly = false;
  const { statements, ...decided } = await ask();
  mode.perTaskOnly = true;
  try {
    const { statements: perTaskStatements, ...perTask } = await ask();
    expect(readsHalves(perTaskStatements)).toBe(false);
    return { decided, perTask, halves: readsHalves(statements) };
  } finally {
    mode.perTaskOnly = false;
  }
}

/** Alpha's sums are floating point added in another order: equal to 12 significant digits. */
function expectSame(a: unknown, b: unknown, what: string): void {
  const round = (x: unknown): unknown =>
    typeof x === 'number' ? Number(x.toPrecision(12)) : Array.isArray(x) ? x.map(round) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v)])) : x;
  expect(round(a), what).toEqual(round(b));
}

async function everyQuestionAgrees(): Promise<void> {
  const series: { grain: Grain; zone: string; groupBy: Dimension | null; filters: [Dimension, string[]][] }[] = [
    { grain: 'DAY', zone: 'UTC', groupBy: null, filters: [] },
    { grain: 'DAY', zone: 'UTC', groupBy: 'SITE', filters: [] },
    { grain: 'WEEK', zone: 'UTC', groupBy: 'VENDOR', filters: [['POLICY', ['hate_speech']]] },
    { grain: 'DAY', zone: 'UTC', groupBy: 'SITE', filters: [['VENDOR', ['tessera']]] },
  ];
  for (const def of AGREEMENT) {
    let halves = 0;
    for (const q of series) {
      for (const topN of [1, 5]) {
        const r = await both(() => seriesOf(t.db, def, { ...RANGE, grain: q.grain, zone: q.zone, filters: new Map(q.filters), groupBy: q.groupBy, topN }));
        expectSame(r.decided, r.perTask, `${def.id} ${JSON.stringify(q)} top ${topN}`);
        halves += Number(r.halves);
      }
    }
    for (const dims of [['SITE'], ['REGION', 'POLICY'], ['LANGUAGE']] as Dimension[][]) {
      const r = await both(() => breakdownOf(t.db, def, { ...RANGE, dims, filters: new Map(), topN: 2 }));
      expectSame(r.decided, r.perTask, `${def.id} by ${dims.join()}`);
      halves += Number(r.halves);
    }
    for (const filters of [new Map(), new Map([['SITE', ['tessera-lima']]]), new Map([['REGION', ['LATAM']]])] as Map<Dimension, string[]>[]) {
      for (const range of [RANGE, { from: at('2026-03-02T00:00:00Z'), to: at('2026-03-04T00:00:00Z') }]) {
        const r = await both(async () => totalOf(t.db, def, range.from, range.to, filters));
        expectSame(r.decided, r.perTask, `${def.id} total ${[...filters.keys()].join()}`);
        halves += Number(r.halves);
      }
    }
    // the comparison means something only if the decider did read the halves
    expect(halves).toBeGreaterThanOrEqual(10);
  }
}

describe("agreement's precomputed halves answer as the per-task rollup", () => {
  it('on labels answered at two sites and on two creation days', async () => {
    await t.db.insertRows('test.fixture', 'annotation_labels', FIRST);
    // one day per statement, so a task's two days are summed apart and only its days say it is spread
    expect(await refreshAgreement(t.db, 1)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
    await everyQuestionAgrees();
    // the spread tasks are the copied ones: 8 at two sites, 4 on two days (the data is not trivial)
    const [copied] = await t.db.select<{ tasks: string }>('test.copied', 'SELECT uniqExact(task_id) AS tasks FROM annotation_mixed_task_answers FINAL');
    expect(Number(copied!.tasks)).toBe(12);
  });

  it('after late labels spread tasks that were held in one row, on days already summed', async () => {
    expect(await refreshAgreement(t.db)).toEqual([]); // nothing changed since the last read
    await t.db.insertRows('test.fixture', 'annotation_labels', LATE);
    expect(await refreshAgreement(t.db, 1)).toHaveLength(6);
    await everyQuestionAgrees();
    await t.db.insertRows('test.fixture', 'annotation_labels', LATEST);
    // the day of the label, and every other day of that day's tasks (task 30's day 1 among them,
    // whose labels did not change)
    const created = (l: Label) => String(l.task_created_at).slice(0, 10);
    const all = [...FIRST, ...LATE, ...LATEST];
    const tasksOfDay6 = new Set(all.filter((l) => created(l) === '2026-03-06').map((l) => l.task_id));
    const expected = [...new Set(all.filter((l) => tasksOfDay6.has(l.task_id)).map(created))].sort();
    expect(expected).toContain('2026-03-01');
    expect(expected.length).toBeLessThan(6);
    expect(await refreshAgreement(t.db, 1)).toEqual(expected);
    await everyQuestionAgrees();
  });

  it('keeps every label once: the sums saw as many labels per day as were stored', async () => {
    const rows = await t.db.select<{ day: string; seen: string; stored: string }>('test.days', `
      SELECT toString(day) AS day, seen, stored FROM (SELECT day, sum(labels_seen) AS seen FROM annotation_agreement_daily FINAL GROUP BY day) AS a
      FULL JOIN (SELECT toDate(task_created_at) AS day, count() AS stored FROM annotation_labels GROUP BY day) AS b USING (day) ORDER BY day`);
    expect(rows.length).toBe(6);
    for (const r of rows) expect(r.seen, r.day).toBe(r.stored);
    expect(rows.reduce((n, r) => n + Number(r.stored), 0)).toBe(FIRST.length + LATE.length + LATEST.length);
  });
});
