// API answers for tests, built from plain numbers so a test states only what it checks.
import type { MetricPoint, MetricSeries } from '../charts/seriesOption';
import type { Grain, MetricKind, Unit } from '../generated/graphql';
import { addGrain } from '../time/grain';
import { toIsoUtc } from '../time/range';

export interface GroupSpec {
  key: string;
  label: string;
  values: (number | null)[];
  isOther?: boolean;
}

/** A count: a value and nothing it is made of. */
export function countPoint(value: number | null): MetricPoint {
  return { value, numerator: null, denominator: null, low: null, high: null, lowSample: false };
}

/** A rate with its parts; the interval is a stand-in (tests of intervals give their own). */
export function ratePoint(numerator: number, denominator: number, interval?: [number, number]): MetricPoint {
  return {
    value: denominator === 0 ? null : numerator / denominator,
    numerator,
    denominator,
    low: interval?.[0] ?? null,
    high: interval?.[1] ?? null,
    lowSample: denominator < 30,
  };
}

const sum = (values: readonly (number | null)[]) => values.reduce<number>((a, v) => a + (v ?? 0), 0);

export interface TestMetric {
  id: string;
  label: string;
  unit: Unit;
  kind: MetricKind;
  goodDirection: 'UP' | 'DOWN' | 'NEUTRAL';
}

export const DECISIONS: TestMetric = { id: 'decisions', label: 'Decisions', unit: 'COUNT', kind: 'COUNT', goodDirection: 'NEUTRAL' };

/**
 * A count series ("decisions" unless told otherwise); totals are the sums of the values, and the
 * range runs from the first bucket to the end of the last unless given.
 */
export function countSeries(spec: {
  grain?: Grain;
  buckets: string[];
  groups: GroupSpec[];
  range?: { from: string; to: string };
  metric?: TestMetric;
  timeZone?: string;
}): MetricSeries {
  const grain = spec.grain ?? 'DAY';
  const first = spec.buckets[0] ?? '2026-11-16T00:00:00Z';
  const last = spec.buckets[spec.buckets.length - 1] ?? first;
  return {
    metric: spec.metric ?? DECISIONS,
    grain,
    grainNote: null,
    timeZone: spec.timeZone ?? 'UTC',
    range: spec.range ?? { from: first, to: toIsoUtc(addGrain(new Date(last), grain, 1)) },
    buckets: spec.buckets,
    groups: spec.groups.map((g) => ({
      key: g.key,
      label: g.label,
      isOther: g.isOther ?? false,
      points: g.values.map(countPoint),
      total: countPoint(sum(g.values)),
    })),
    total: countPoint(sum(spec.groups.flatMap((g) => g.values))),
    bucketTotals: spec.buckets.map((_, i) => countPoint(sum(spec.groups.map((g) => g.values[i] ?? null)))),
    filters: [],
  };
}

/** The same answer as the server sends it, with the __typename fields Apollo's cache expects. */
export function asSeriesResponse(series: MetricSeries) {
  const point = <P extends object>(p: P) => ({ __typename: 'Point', ...p });
  return {
    __typename: 'Series',
    ...series,
    metric: { __typename: 'Metric', ...series.metric },
    range: { __typename: 'TimeRange', ...series.range },
    groups: series.groups.map((g) => ({
      __typename: 'SeriesGroup',
      ...g,
      points: g.points.map(point),
      total: point(g.total),
    })),
    total: point(series.total),
    bucketTotals: series.bucketTotals.map(point),
    filters: series.filters.map((f) => ({ __typename: 'DimensionFilter', ...f })),
  };
}
