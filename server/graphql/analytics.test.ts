// The analytics API on the hand-made fixture of testing/analyticsFixture.ts. Every expectation is
// computed here from the fixture rows (plain filters and counts), or is a published value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECISIONS, APPEALS, ENQUEUES, PREDICTIONS, GROUND_TRUTH, LABELS, TASK_EVENTS, AUDITS, type Row } from '../testing/analyticsFixture.js';
import { ENQUEUE_FIXTURE } from '../testing/fixtures.js';
import { openFixtureApi, type TestApi } from '../testing/testApi.js';

let api: TestApi;
let close: () => Promise<void>;
beforeAll(async () => ({ api, close } = await openFixtureApi()));
afterAll(() => close());

const POINT = 'value numerator denominator low high lowSample';
const SERIES = `query($input: SeriesInput!) { series(input: $input) {
  grain timeZone buckets range { from to } total { ${POINT} } bucketTotals { ${POINT} }
  groups { key label isOther total { ${POINT} } points { ${POINT} } }
  filters { dimension values } sql { sql params { name type value } }
} }`;

async function series(input: Record<string, unknown>) {
  return (await api.ok(SERIES, { input })).series;
}

const WEEK = { from: '2026-03-01T00:00:00Z', to: '2026-03-10T00:00:00Z' };
const time = (s: unknown) => Date.parse(`${String(s).replace(' ', 'T')}Z`) / 1000;
const secondsBetween = (a: unknown, b: unknown) => time(b) - time(a);
const isActioned = (d: Row) => d.action !== 'none';

// ---- Oracles: each metric computed directly from the fixture rows -------------------------------
type Oracle = { rows: () => Row[]; num?: (r: Row) => boolean; den?: (r: Row) => boolean; count?: (r: Row) => boolean };
const decisionOracles: Record<string, Oracle> = {
  decisions: { rows: () => DECISIONS, count: () => true },
  actioned: { rows: () => DECISIONS, count: isActioned },
  action_rate: { rows: () => DECISIONS, num: isActioned, den: () => true },
  proactive_rate: { rows: () => DECISIONS, num: (d) => isActioned(d) && d.detection_source === 'automated', den: isActioned },
  automated_share: { rows: () => DECISIONS, num: (d) => d.enforcement_path === 'automated', den: () => true },
  removal_within_24h: { rows: () => DECISIONS, num: (d) => isActioned(d) && secondsBetween(d.posted_at, d.decided_at) <= 86400, den: isActioned },
  removal_before_views: { rows: () => DECISIONS, num: (d) => isActioned(d) && d.views_at_action === 0, den: isActioned },
};

function expectedFor(o: Oracle, keep: (r: Row) => boolean) {
  const rows = o.rows().filter(keep);
  if (o.count) return { value: rows.filter(o.count).length };
  const num = rows.filter(o.num!).length;
  const den = rows.filter(o.den!).length;
  return { value: den ? num / den : null, numerator: num, denominator: den };
}

describe('moderation metrics against the fixture rows', () => {
  const slices: [string, Record<string, unknown>, (r: Row) => boolean][] = [
    ['everything', {}, () => true],
    ['region EU', { filters: [{ dimension: 'REGION', values: ['EU'] }] }, (r) => r.region === 'EU'],
    ['NA and hate speech', { filters: [{ dimension: 'REGION', values: ['NA'] }, { dimension: 'POLICY', values: ['hate_speech'] }] }, (r) => r.region === 'NA' && r.policy === 'hate_speech'],
  ];
  for (const [metric, oracle] of Object.entries(decisionOracles)) {
    for (const [name, filter, keep] of slices) {
      it(`${metric} over ${name}, per hour, day and ISO week and in total`, async () => {
        const expected = expectedFor(oracle, keep);
        for (const grain of ['HOUR', 'DAY', 'WEEK']) {
          const s = await series({ metric, range: WEEK, grain, ...filter });
          expect(s.total.value).toBe(expected.value);
          if ('numerator' in expected) expect([s.total.numerator, s.total.denominator]).toEqual([expected.numerator, expected.denominator]);
          // each bucket holds exactly the rows decided inside it
          const starts: number[] = s.buckets.map((b: string) => Date.parse(b) / 1000);
          starts.forEach((start, i) => {
            const end = starts[i + 1] ?? Date.parse(WEEK.to) / 1000;
            const inBucket = expectedFor(oracle, (r) => keep(r) && time(r.decided_at) >= start && time(r.decided_at) < end);
            expect(s.bucketTotals[i].value, `${grain} bucket ${s.buckets[i]}`).toBe(inBucket.value);
          });
        }
      });
    }
  }

  it('groups add up to the ungrouped total (counts, numerators and denominators) at every grain', async () => {
    for (const grain of ['HOUR', 'DAY', 'WEEK']) {
      for (const metric of ['decisions', 'action_rate', 'removal_within_24h']) {
        const plain = await series({ metric, range: WEEK, grain });
        const grouped = await series({ metric, range: WEEK, grain, groupBy: 'REGION' });
        const sum = (k: 'value' | 'numerator' | 'denominator') => grouped.groups.reduce((a: number, g: any) => a + (g.total[k] ?? 0), 0);
        if (metric === 'decisions') expect(sum('value')).toBe(plain.total.value);
        else expect([sum('numerator'), sum('denominator')]).toEqual([plain.total.numerator, plain.total.denominator]);
        expect(grouped.buckets).toEqual(plain.buckets);
      }
    }
  });

  it('a rate carries its Wilson interval and is flagged as low-sample under 30 items', async () => {
    const s = await series({ metric: 'action_rate', range: WEEK, grain: 'WEEK' });
    // 9 decisions, 8 actioned (all but #2); Wilson 95 % for 8/9 (R binom.confint, wilson): 0.5650–0.9801
    expect(s.total).toMatchObject({ numerator: 8, denominator: 9, lowSample: true });
    expect(s.total.low).toBeCloseTo(0.5650, 4);
    expect(s.total.high).toBeCloseTo(0.9801, 4);
  });

  it('time to action p50 is within 1 % of the true median (EU, 10:00: 30 s, 3600 s, 7199 s)', async () => {
    const s = await series({ metric: 'time_to_action_p50', range: { from: '2026-03-02T10:00:00Z', to: '2026-03-02T11:00:00Z' }, grain: 'HOUR', filters: [{ dimension: 'REGION', values: ['EU'] }] });
    expect(s.total.denominator).toBe(3);
    expect(Math.abs(s.total.value - 3600) / 3600).toBeLessThan(0.01);
  });

  it('buckets days and ISO weeks in the chosen time zone', async () => {
    const tokyo = await series({ metric: 'decisions', range: WEEK, grain: 'WEEK', timeZone: 'Asia/Tokyo' });
    // Tokyo weeks start on Monday 00:00 JST = Sunday 15:00 UTC; decision #7 (Sun 23:30 UTC) is Monday in Tokyo
    expect(tokyo.buckets).toEqual(['2026-02-22T15:00:00Z', '2026-03-01T15:00:00Z', '2026-03-08T15:00:00Z']);
    expect(tokyo.bucketTotals.map((p: any) => p.value)).toEqual([0, 8, 1]);
    const utc = await series({ metric: 'decisions', range: WEEK, grain: 'WEEK' });
    expect(utc.buckets).toEqual(['2026-02-23T00:00:00Z', '2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z']);
    expect(utc.bucketTotals.map((p: any) => p.value)).toEqual([1, 7, 1]);
    const ny = await series({ metric: 'decisions', range: WEEK, grain: 'DAY', timeZone: 'America/New_York', filters: [{ dimension: 'REGION', values: ['NA'] }] });
    // #8 at 04:00 UTC on Wednesday is Tuesday 23:00 in New York (UTC−5)
    const day = ny.buckets.indexOf('2026-03-03T05:00:00Z');
    expect(ny.bucketTotals[day].value).toBe(1);
  });

  it('buckets calendar months, in UTC from the daily rollup and in the chosen zone from the hourly one', async () => {
    const range = { from: '2026-02-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
    const utc = await series({ metric: 'decisions', range, grain: 'MONTH' });
    // all nine fixture decisions fall in March 2026 (1–9 March)
    expect(utc.grain).toBe('MONTH');
    expect(utc.buckets).toEqual(['2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z']);
    expect(utc.bucketTotals.map((p: any) => p.value)).toEqual([0, 9]);
    expect(utc.sql.every((st: any) => /FROM moderation\w*_daily/.test(st.sql) && st.sql.includes('toStartOfMonth(day)'))).toBe(true);
    // Tokyo months start at local midnight on the 1st = 15:00 UTC the day before
    const tokyo = await series({ metric: 'decisions', range: { from: '2026-01-31T15:00:00Z', to: '2026-03-31T15:00:00Z' }, grain: 'MONTH', timeZone: 'Asia/Tokyo' });
    expect(tokyo.buckets).toEqual(['2026-01-31T15:00:00Z', '2026-02-28T15:00:00Z']);
    expect(tokyo.bucketTotals.map((p: any) => p.value)).toEqual([0, 9]);
    // a metric kept per day: its months from its daily table
    const precision = await series({ metric: 'precision', range, grain: 'MONTH' });
    expect(precision.buckets).toEqual(['2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z']);
    expect(precision.bucketTotals[1].value).toBe(precision.total.value);
  });

  it('answers a range too long for the asked grain at the finest coarser grain, and says so', async () => {
    const s = await api.ok(`query($input: SeriesInput!) { series(input: $input) { grain grainNote buckets total { value } } }`, {
      input: { metric: 'decisions', range: { from: '2015-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z' }, grain: 'HOUR' },
    });
    // 2015-01-01 → 2026-04-01 is 4108 days: more than hours (42), days (1100) and weeks (1830) may cover
    expect(s.series.grain).toBe('MONTH');
    expect(s.series.grainNote).toBe('Hourly buckets cover at most 42 days and this range covers 4108: answered monthly.');
    expect(s.series.buckets).toHaveLength(11 * 12 + 3);
    expect(s.series.total.value).toBe(9);
    // automatic: a week is seven days, not 168 hours; 2015 → 2026 is 135 months
    const week = await api.ok(`query($input: SeriesInput!) { series(input: $input) { grain grainNote } }`, { input: { metric: 'decisions', range: { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' } } });
    expect(week.series).toEqual({ grain: 'DAY', grainNote: null });
  });

  it('cuts one figure over a range longer than days may cover to the span of the data', async () => {
    const r = await api.ok(`query($input: BreakdownInput!) { breakdown(input: $input) { range { from to } total { value } } }`, {
      input: { metric: 'decisions', range: { from: '2015-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z' }, dimensions: ['REGION'] },
    });
    // the data's span: the first and last hours holding decisions (#7 at 1 Mar 23:30, #9 at 9 Mar 12:00)
    expect(r.breakdown.range).toEqual({ from: '2026-03-01T23:00:00Z', to: '2026-03-09T13:00:00Z' });
    expect(r.breakdown.total.value).toBe(9);
  });

  it('compares each value of a split over a custom comparison period, with the headline’s test and BH across the values', async () => {
    const KPIS = `query($input: KpiInput!) { kpis(input: $input) { metric { id } currentRange { from to } previousRange { from to } current { value }
      groups { key current { value numerator denominator } previous { value } absoluteChange pValue qValue test significant } } }`;
    const day = { from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' };
    const before = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' };
    const { kpis } = await api.ok(KPIS, { input: { metrics: ['decisions', 'action_rate', 'precision'], range: day, comparison: 'CUSTOM', comparisonRange: before, groupBy: 'REGION' } });
    const [decisions, actionRate, precision] = kpis;
    expect(decisions.previousRange).toEqual(before);
    const inDay = (r: Row, range: { from: string; to: string }) => time(r.decided_at) >= Date.parse(range.from) / 1000 && time(r.decided_at) < Date.parse(range.to) / 1000;
    const count = (region: string, range: { from: string; to: string }) => DECISIONS.filter((d) => d.region === region && inDay(d, range)).length;
    // 2 March: EU 4 (#1, #2, #3, #6), NA 2 (#4, #5); 1 March: SEA 1 (#7), so EU and NA had 0 there
    expect(decisions.groups.map((g: any) => [g.key, g.current.value, g.previous.value])).toEqual([
      ['EU', count('EU', day), count('EU', before)],
      ['NA', count('NA', day), count('NA', before)],
    ]);
    // equal periods (24 h each): the exact Poisson test is a binomial test of the current share against 1/2,
    // two-sided: EU 4 vs 0 → 2 × (1/2)^4 = 0.125; NA 2 vs 0 → 2 × (1/2)^2 = 0.5. BH over the two:
    // q(0.125) = min(0.125 × 2 / 1, q(0.5)) = 0.25, q(0.5) = 0.5 × 2 / 2 = 0.5; neither significant
    const eu = decisions.groups[0];
    const na = decisions.groups[1];
    expect(eu.pValue).toBeCloseTo(0.125, 10);
    expect(na.pValue).toBeCloseTo(0.5, 10);
    expect([eu.qValue, na.qValue].map((q: number) => Number(q.toFixed(10)))).toEqual([0.25, 0.5]);
    expect([eu.test, eu.significant, na.significant]).toEqual(['exact Poisson rate test', false, false]);
    // a rate: EU actioned 3 of 4 on 2 March, nothing to compare with on 1 March (no test)
    expect(actionRate.groups[0]).toMatchObject({ key: 'EU', current: { value: 0.75, numerator: 3, denominator: 4 }, pValue: null, significant: false });
    // precision is kept by region too; without groupBy there are no groups
    expect(precision.groups).not.toBeNull();
    const plain = await api.ok(KPIS, { input: { metrics: ['decisions'], range: day, comparison: 'PREVIOUS_PERIOD' } });
    expect(plain.kpis[0].groups).toBeNull();
  });

  it('folds groups beyond the top N into Other, keeping the totals', async () => {
    const s = await series({ metric: 'decisions', range: WEEK, grain: 'DAY', groupBy: 'REGION', topN: 1 });
    expect(s.groups.map((g: any) => [g.key, g.isOther, g.total.value])).toEqual([['EU', false, 4], ['__other__', true, 5]]);
    expect(s.groups[1].label).toBe('Other');
  });

  it('appeal rate reads appeals over actioned decisions from two rollups', async () => {
    const s = await series({ metric: 'appeal_rate', range: WEEK, grain: 'DAY', groupBy: 'REGION' });
    const eu = s.groups.find((g: any) => g.key === 'EU');
    // EU: 1 appeal filed (on #1); actioned EU decisions: #1, #3, #6
    expect([eu.total.numerator, eu.total.denominator]).toEqual([1, DECISIONS.filter((d) => d.region === 'EU' && isActioned(d)).length]);
    // per hour: the appeals of the decisions actioned in the hour ÷ the decisions actioned in it —
    // #1 (10:01) and #4 (10:20) are appealed at 11:10 and 12:00, yet count in the 10:00 bucket
    const hourly = await series({ metric: 'appeal_rate', range: { from: '2026-03-02T10:00:00Z', to: '2026-03-02T13:00:00Z' }, grain: 'HOUR' });
    const hourOf = (t: unknown) => String(t).slice(0, 13);
    const expected = ['2026-03-02 10', '2026-03-02 11', '2026-03-02 12'].map((h) => {
      const actioned = DECISIONS.filter((d) => isActioned(d) && hourOf(d.decided_at) === h);
      const appealed = APPEALS.filter((a) => a.event === 'filed' && actioned.some((d) => d.decision_id === a.decision_id));
      return [appealed.length, actioned.length];
    });
    expect(expected).toEqual([[2, 3], [0, 2], [0, 0]]);
    expect(hourly.bucketTotals.map((p: any) => [p.numerator, p.denominator])).toEqual(expected);
    for (const p of hourly.bucketTotals) if (p.value !== null) expect(p.value).toBeLessThanOrEqual(1);
    const overturn = await series({ metric: 'overturn_rate', range: WEEK, grain: 'WEEK' });
    expect([overturn.total.numerator, overturn.total.denominator]).toEqual([
      APPEALS.filter((a) => a.outcome === 'overturned').length, APPEALS.filter((a) => a.event === 'resolved').length,
    ]);
  });

  it("oldest waiting review: the age at each bucket's end of the oldest item still waiting, by queue", async () => {
    const range = { from: '2026-03-02T09:00:00Z', to: '2026-03-02T13:00:00Z' };
    const enqueues = [...ENQUEUE_FIXTURE, ...ENQUEUES];
    // from the rows: items entered before t and not decided before t (the decision on the same
    // content in the same queue); the age runs from the start of the hour the oldest one entered
    const ageAt = (t: string, queue?: string) => {
      const waiting = enqueues.filter((e) => (!queue || e.queue === queue) && String(e.enqueued_at) < t &&
        !DECISIONS.some((d) => d.content_id === e.content_id && d.queue === e.queue && String(d.decided_at) < t));
      if (waiting.length === 0) return 0;
      const oldest = Math.min(...waiting.map((e) => time(e.enqueued_at)));
      return time(t) - Math.floor(oldest / 3600) * 3600;
    };
    const ends = ['2026-03-02 10:00:00', '2026-03-02 11:00:00', '2026-03-02 12:00:00', '2026-03-02 13:00:00'];
    const s = await series({ metric: 'review_oldest_wait', range, grain: 'HOUR', groupBy: 'QUEUE' });
    expect(s.bucketTotals.map((p: any) => p.value)).toEqual(ends.map((t) => ageAt(t)));
    expect(s.bucketTotals.map((p: any) => p.value)).toEqual([3600, 3600, 3600, 7200]);
    for (const queue of ['review-eu', 'review-na']) {
      expect(s.groups.find((g: any) => g.key === queue).points.map((p: any) => p.value), queue).toEqual(ends.map((t) => ageAt(t, queue)));
    }
    expect(s.total.value).toBe(ageAt(ends[3]!));
    const b = (await api.ok(`query($input: BreakdownInput!) { breakdown(input: $input) { cells { keys point { value } } total { value } } }`, {
      input: { metric: 'review_oldest_wait', range, dimensions: ['REGION'] },
    })).breakdown;
    expect(b.total.value).toBe(7200);
    expect(b.cells.map((c: any) => [c.keys[0], c.point.value]).sort()).toEqual([['EU', ageAt(ends[3]!, 'review-eu')], ['NA', ageAt(ends[3]!, 'review-na')]]);
  });

  it('review backlog runs from the start of the data; review SLA counts reviews within the queue SLA', async () => {
    const s = await series({ metric: 'review_backlog', range: { from: '2026-03-02T10:00:00Z', to: '2026-03-02T12:00:00Z' }, grain: 'HOUR' });
    const waitingAt = (t: string) =>
      ENQUEUE_FIXTURE.filter((e) => String(e.enqueued_at) < t).length - DECISIONS.filter((d) => d.queue && String(d.decided_at) < t).length;
    expect(s.bucketTotals.map((p: any) => p.value)).toEqual([waitingAt('2026-03-02 11:00:00'), waitingAt('2026-03-02 12:00:00')]);
    const sla = await series({ metric: 'review_sla', range: WEEK, grain: 'WEEK' });
    const reviewed = DECISIONS.filter((d) => d.queue);
    expect([sla.total.numerator, sla.total.denominator]).toEqual([
      // the clock starts when the item entered the queue (#8: flagged 6 h before, queued 2 h before its 3 h SLA)
      reviewed.filter((d) => secondsBetween(d.enqueued_at ?? d.flagged_at, d.decided_at) <= Number(d.sla_seconds)).length, reviewed.length,
    ]);
  });
});

describe('model metrics', () => {
  const outcomes = (source: (s: string) => boolean, version = '3.3') =>
    GROUND_TRUTH.filter((g) => source(String(g.label_source))).map((g) => {
      const p = PREDICTIONS.find((x) => x.content_id === g.content_id)!;
      return { flagged: Number(p.score) >= 0.5, violating: g.is_violating === 1, version: p.model_version };
    }).filter((o) => o.version === version);
  const unbiased = (s: string) => s === 'random_audit' || s === 'golden_set';

  it('precision uses every label source; recall, F1 and FPR default to the unbiased ones', async () => {
    const filters = [{ dimension: 'MODEL_VERSION', values: ['3.3'] }];
    const all = outcomes(() => true);
    const fair = outcomes(unbiased);
    const precision = await series({ metric: 'precision', range: WEEK, grain: 'DAY', filters });
    expect([precision.total.numerator, precision.total.denominator]).toEqual([
      all.filter((o) => o.flagged && o.violating).length, all.filter((o) => o.flagged).length,
    ]);
    const recall = await series({ metric: 'recall', range: WEEK, grain: 'DAY', filters });
    expect(recall.filters).toContainEqual({ dimension: 'LABEL_SOURCE', values: ['golden_set', 'random_audit'] });
    expect([recall.total.numerator, recall.total.denominator]).toEqual([
      fair.filter((o) => o.flagged && o.violating).length, fair.filter((o) => o.violating).length,
    ]);
    const f1 = await series({ metric: 'f1', range: WEEK, grain: 'DAY', filters });
    const tp = fair.filter((o) => o.flagged && o.violating).length;
    const fp = fair.filter((o) => o.flagged && !o.violating).length;
    const fn = fair.filter((o) => !o.flagged && o.violating).length;
    expect(f1.total.value).toBeCloseTo((2 * tp) / (2 * tp + fp + fn), 12);
    const fpr = await series({ metric: 'false_positive_rate', range: WEEK, grain: 'DAY', filters });
    expect(fpr.total.value).toBe(fp / fair.filter((o) => !o.violating).length);
  });

  it('a label source chosen by the user replaces the default', async () => {
    const s = await series({ metric: 'recall', range: WEEK, grain: 'DAY', filters: [{ dimension: 'LABEL_SOURCE', values: ['human_review'] }] });
    const human = outcomes((src) => src === 'human_review');
    expect(s.total.denominator).toBe(human.filter((o) => o.violating).length);
  });

  it('predictions and flag rate count every score, labelled or not; model metrics are per UTC day', async () => {
    const s = await series({ metric: 'flag_rate', range: { from: '2026-03-02T06:00:00Z', to: '2026-03-03T18:00:00Z' }, timeZone: 'Asia/Tokyo' });
    expect([s.total.numerator, s.total.denominator]).toEqual([PREDICTIONS.filter((p) => Number(p.score) >= 0.5).length, PREDICTIONS.length]);
    expect(s.timeZone).toBe('UTC');
    expect(s.grain).toBe('DAY');
    expect(s.range).toEqual({ from: '2026-03-02T00:00:00Z', to: '2026-03-04T00:00:00Z' });
  });
});

describe('annotation metrics', () => {
  const range = WEEK;
  it('throughput: labels, active annotators, productivity, handle time', async () => {
    const labels = await series({ metric: 'labels', range, grain: 'DAY' });
    expect(labels.total.value).toBe(LABELS.length);
    const annotators = await series({ metric: 'active_annotators', range, grain: 'DAY' });
    expect(annotators.total.value).toBe(new Set(LABELS.map((l) => l.annotator_id)).size);
    // distinct per day does not add up: annotator e labels on two days
    expect(annotators.bucketTotals.map((p: any) => p.value).filter((v: number) => v > 0)).toEqual([5, 1]);
    const productivity = await series({ metric: 'productivity', range, grain: 'DAY' });
    const seconds = LABELS.reduce((a, l) => a + Number(l.handle_seconds), 0);
    expect(productivity.total.value).toBeCloseTo(LABELS.length / (seconds / 3600), 9);
  });

  it('tasks, turnaround, labelling backlog and SLA', async () => {
    const created = await series({ metric: 'tasks_created', range, grain: 'WEEK' });
    expect(created.total.value).toBe(TASK_EVENTS.filter((e) => e.event === 'created').length);
    const backlog = await series({ metric: 'annotation_backlog', range: { from: '2026-03-02T08:00:00Z', to: '2026-03-02T11:00:00Z' }, grain: 'HOUR' });
    // end of 08:00: t1 t2 created, t1 done -> 1; end of 09:00: + t3 -> 2; end of 10:00: t2 done -> 1
    expect(backlog.bucketTotals.map((p: any) => p.value)).toEqual([1, 2, 1]);
    const sla = await series({ metric: 'annotation_sla', range, grain: 'WEEK' });
    expect([sla.total.numerator, sla.total.denominator]).toEqual([1, 2]);
    const p50 = await series({ metric: 'turnaround_p50', range, grain: 'WEEK' });
    // 40 min and 2 h: the median sits between them, inside the bucket of 2400 s or 7200 s
    expect(p50.total.value).toBeGreaterThan(2200);
    expect(p50.total.value).toBeLessThan(7700);
  });

  it('quality: golden accuracy, QA pass rate', async () => {
    const golden = await series({ metric: 'golden_accuracy', range, grain: 'DAY', groupBy: 'VENDOR' });
    const byVendor = (v: string) => LABELS.filter((l) => l.is_golden === 1 && l.vendor === v);
    for (const g of golden.groups) {
      expect([g.total.numerator, g.total.denominator]).toEqual([byVendor(g.key).filter((l) => l.answer === l.gold_answer).length, byVendor(g.key).length]);
    }
    expect(golden.groups.find((g: any) => g.key === 'kestrel').label).toBe('Kestrel Annotations');
    const qa = await series({ metric: 'qa_pass_rate', range, grain: 'DAY' });
    expect([qa.total.numerator, qa.total.denominator]).toEqual([AUDITS.filter((a) => a.passed === 1).length, AUDITS.length]);
  });

  it("agreement in SQL: Krippendorff's alpha 0.743 on the 2011 example, disagreement and percent agreement", async () => {
    const alpha = await series({ metric: 'krippendorff_alpha', range, grain: 'WEEK', filters: [{ dimension: 'QUEUE', values: ['es-general'] }] });
    expect(alpha.total.value).toBeCloseTo(0.743, 3);
    const dis = await series({ metric: 'disagreement_rate', range, grain: 'WEEK' });
    // 11 units have two or more values; 8 of them are unanimous (1, 3, 4, 5, 7, 9, 10, 11)
    expect([dis.total.numerator, dis.total.denominator]).toEqual([3, 11]);
    const pct = await series({ metric: 'percent_agreement', range, grain: 'WEEK' });
    // pairs of answers per unit: m(m − 1) ordered pairs; agreeing: Σ n_c(n_c − 1)
    const units: string[][] = Array.from({ length: 12 }, (_, u) => LABELS.filter((l) => l.task_id === `k${u + 1}`).map((l) => String(l.answer)));
    const multi = units.filter((u) => u.length >= 2);
    const pairs = multi.reduce((a, u) => a + u.length * (u.length - 1), 0);
    const sameAs = (u: string[], v: string) => u.filter((x) => x === v).length;
    const agreeing = multi.reduce((a, u) => a + [...new Set(u)].reduce((b, v) => b + sameAs(u, v) * (sameAs(u, v) - 1), 0), 0);
    expect([pct.total.numerator, pct.total.denominator]).toEqual([agreeing, pairs]);
  });
});
