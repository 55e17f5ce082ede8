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
  /** Which rows rank groups for top N: the range, or everything before its end (levels that carry over). */
  keysAt: 'range' | 'before_to';
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

export const KIND_RULES: Record<MetricKind, KindRule> = {
  COUNT: { aggregate: 'measure', keysAt: 'range', fill: 'flow', test: countTest, support: events, additive: true, culprit: 'change' },
  RATE: { aggregate: 'measure', keysAt: 'range', fill: 'flow', test: proportionTest, support: denominator, additive: false, culprit: 'change' },
  RATIO: { aggregate: 'measure', keysAt: 'range', fill: 'flow', test: null, support: denominator, additive: false, culprit: 'change' },
  QUANTILE: { aggregate: 'sumMap', keysAt: 'range', fill: 'flow', test: null, support: denominator, additive: false, culprit: 'change' },
  DISTINCT: { aggregate: 'measure', keysAt: 'range', fill: 'flow', test: null, support: events, additive: true, culprit: 'change' },
  BACKLOG: { aggregate: 'measure', keysAt: 'before_to', fill: 'level', test: null, support: events, additive: true, culprit: 'level' },
  AGREEMENT: { aggregate: 'measure', keysAt: 'range', fill: 'flow', test: null, support: denominator, additive: false, culprit: 'change' },
  OLDEST_WAIT: { aggregate: 'measure', keysAt: 'before_to', fill: 'oldest', test: null, support: () => 1, additive: false, culprit: 'change' },
};

export const kindRule = (kind: MetricKind): KindRule => KIND_RULES[kind];
