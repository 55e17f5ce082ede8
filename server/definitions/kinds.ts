// What a metric kind means, in one table: how its measures are aggregated in SQL and read back,
// what ranks its groups, how a range's figure is formed, how gaps between buckets are filled, how
// two periods (or two cells) are compared and tested, and what weighs a cell in a shift-share.
// The SQL layer, the services, the KPI comparison, the retrospective and the Overview's attention
// list read their rules from here; a new kind is one entry, and the Record makes the compiler ask
// for it. The client's rendering rules are its own table (client/src/metricKinds.ts).
import type { MetricKind } from '../domain/vocabulary.generated.js';
import { poissonRateTest, twoProportionZTest } from '../stats/proportions.js';

/** The parts of a figure a rule reads (a Point has them). */
export interface Figure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** A significance test of a change: which one, and its two-sided p-value (null when it cannot be run). */
export interface ChangeTest {
  test: string;
  pValue: number | null;
}

export interface KindRule {
  /**
   * How a measure's SQL is aggregated when rows of a rollup are re-read: `sum` columns are summed
   * by their measure SQL itself; `sumMap` merges histograms (percentiles from mergeable counts).
   */
  aggregate: 'measure' | 'sumMap';
  /** How one result row's measure columns are read: plain sums, a histogram (sumMap), or answer counts with the observed disagreement. */
  columns: 'sums' | 'histogram' | 'answers';
  /**
   * Which rows a figure over a range reads, and which rank groups for top N: the range, or
   * everything before its end (a level that carries over: a backlog, the oldest waiting item).
   */
  window: 'range' | 'to_end';
  /** What ranks groups for top N: the events, the items of a histogram, the pairable answers, or the denominator. */
  rankBy: 'value' | 'histogram' | 'pairable' | 'denominator';
  /**
   * Whether the top N groups can be picked from the grouped answer itself (no ranking statement):
   * the rank weight is one of a group's components over the range, and groups add up exactly (sums,
   * histograms), so Other is the sum of the groups beyond the top. Not distinct counts (they do
   * not add up), levels (ranked over everything before the end), agreement (ranked by pairable
   * items, not among its components) or the oldest wait.
   */
  ranksFromGroups: boolean;
  /**
   * How a series fills a bucket: `flow` reads each bucket alone (an empty bucket is an empty
   * figure); `level` carries the running level (inflow − outflow since the data began) across
   * buckets, so a bucket without events keeps the level before it; `oldest` is the age of the
   * oldest waiting item at each bucket's end, read by its own statement.
   */
  fill: 'flow' | 'level' | 'oldest';
  /**
   * The comparison of two periods or two cells (KPIs, the retrospective's movers, the Overview's
   * culprits): a proportion's two-proportion z-test, a count's exact Poisson rate test over the
   * periods' hours, or none (percentiles, ratios, agreement, levels: no test fits the sums kept).
   */
  test: ((current: Figure, previous: Figure, hours: { current: number; previous: number }) => ChangeTest) | null;
  /** What a cell rests on: its events (counts) or its denominator; the weight in a shift-share. */
  support: (f: Figure) => number;
  /**
   * Whether cells add up to the total (counts): a cell's share of a change is then its own change;
   * otherwise its change weighted by its share of the support (shift-share).
   */
  additive: boolean;
  /** What explains a bad figure in a cell: its change against the comparison period, or its level (a backlog's growth). */
  culprit: 'change' | 'level';
  /** Whether figures of successive periods add up (counts): a four-week figure is then shown per week. */
  sumsOverTime: boolean;
  /**
   * The sampling noise of a daily value, for anomalies: Poisson for counts (√n), binomial for
   * proportions (√(p(1−p)/n)); null when the kind has no noise model (not checked for anomalies).
   */
  noise: 'poisson' | 'binomial' | null;
  /**
   * How an alert's trailing window is formed from its buckets: `sum` adds them (a count), `ratio`
   * adds numerators and denominators (a rate), `level` takes the last one (a backlog: not a sum
   * over hours, so no change test); null: the kind cannot be alerted on (percentiles, agreement…
   * do not add up from buckets).
   */
  alertWindow: 'sum' | 'ratio' | 'level' | null;
  /**
   * Whether a figure is the sum of its parts' figures when the data is split into disjoint parts
   * (sums, histograms merged by sumMap, agreement's per-task sums), so the table decider may read
   * whole UTC days from a daily twin and the edges from the hourly rollup in separate statements.
   * A distinct count is not (an annotator active in two parts counts once): one read for the range.
   */
  partsAdd: boolean;
}

const proportionTest = (c: Figure, p: Figure): ChangeTest => ({
  test: 'two-proportion z-test',
  pValue: twoProportionZTest(c.numerator ?? 0, c.denominator ?? 0, p.numerator ?? 0, p.denominator ?? 0).pValue,
});
const countTest = (c: Figure, p: Figure, hours: { current: number; previous: number }): ChangeTest => ({
  test: 'exact Poisson rate test',
  pValue: poissonRateTest(c.value ?? 0, hours.current, p.value ?? 0, hours.previous).pValue,
});
const denominator = (f: Figure) => f.denominator ?? 0;
const events = (f: Figure) => f.value ?? 0;

const FLOW = { aggregate: 'measure', columns: 'sums', window: 'range', fill: 'flow', culprit: 'change', sumsOverTime: false, noise: null, alertWindow: null, ranksFromGroups: false, partsAdd: true } as const;

export const KIND_RULES: Record<MetricKind, KindRule> = {
  COUNT: { ...FLOW, ranksFromGroups: true, rankBy: 'value', test: countTest, support: events, additive: true, sumsOverTime: true, noise: 'poisson', alertWindow: 'sum' },
  RATE: { ...FLOW, ranksFromGroups: true, rankBy: 'denominator', test: proportionTest, support: denominator, additive: false, noise: 'binomial', alertWindow: 'ratio' },
  RATIO: { ...FLOW, ranksFromGroups: true, rankBy: 'denominator', test: null, support: denominator, additive: false },
  QUANTILE: { ...FLOW, ranksFromGroups: true, aggregate: 'sumMap', columns: 'histogram', rankBy: 'histogram', test: null, support: denominator, additive: false },
  DISTINCT: { ...FLOW, rankBy: 'value', test: null, support: events, additive: true, partsAdd: false },
  BACKLOG: { ...FLOW, window: 'to_end', fill: 'level', rankBy: 'denominator', test: null, support: events, additive: true, culprit: 'level', alertWindow: 'level' },
  AGREEMENT: { ...FLOW, columns: 'answers', rankBy: 'pairable', test: null, support: denominator, additive: false },
  OLDEST_WAIT: { ...FLOW, window: 'to_end', fill: 'oldest', rankBy: 'denominator', test: null, support: () => 1, additive: false },
};

export const kindRule = (kind: MetricKind): KindRule => KIND_RULES[kind];
