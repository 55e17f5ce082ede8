// "Which slice moved": one rule for the retrospective's movers and the Overview's culprits. A cell
// (e.g. region × policy) is tested against the same cell in the baseline period with its kind's
// test; the caller holds the false discovery rate over every cell it tested (Benjamini–Hochberg);
// a cell's share of the figure's change is a shift-share. Pure functions.
import type { MetricDef } from '../definitions/metricCatalogue.js';
import { KIND_RULES, type Figure } from '../definitions/kinds.js';

/** A cell needs this many events (counts) or this denominator (rates) in both periods to be tested. */
export const MIN_COUNT = 20;
export const MIN_DENOMINATOR = 30;

export interface CellTest {
  /** the cell's change: events for counts, the value for everything else */
  change: number;
  /**
   * its share of the figure's change: counts, its change over the total change; other kinds, its
   * within-cell change weighted by its share of the current support (shift-share)
   */
  contribution: number;
  /** null for kinds without a test */
  pValue: number | null;
}

/**
 * The test of one cell against its baseline, or null when the cell rests on too little to test
 * (or has no value). Periods are compared as wholes (the mover baselines are whole weeks; a
 * comparison period is cut to the same elapsed time), so counts are tested over equal exposure.
 */
export function cellTest(def: MetricDef, cur: Figure, prev: Figure, totals: { cur: Figure; prev: Figure }): CellTest | null {
  const rule = KIND_RULES[def.kind];
  if (rule.additive) {
    const x1 = cur.value ?? 0;
    const x2 = prev.value ?? 0;
    if (x1 + x2 < MIN_COUNT) return null;
    const totalChange = (totals.cur.value ?? 0) - (totals.prev.value ?? 0);
    const change = x1 - x2;
    return { change, contribution: totalChange === 0 ? 0 : change / Math.abs(totalChange), pValue: rule.test ? (rule.test(cur, prev, { current: 1, previous: 1 }).pValue ?? 1) : null };
  }
  const d1 = rule.support(cur);
  const d2 = rule.support(prev);
  if (d1 < MIN_DENOMINATOR || d2 < MIN_DENOMINATOR || cur.value === null || prev.value === null) return null;
  const change = cur.value - prev.value;
  const total = rule.support(totals.cur);
  // shift-share: this cell's own change, weighted by its share of the current support
  const contribution = total ? (d1 * change) / total : 0;
  return { change, contribution, pValue: rule.test ? (rule.test(cur, prev, { current: 1, previous: 1 }).pValue ?? 1) : null };
}
