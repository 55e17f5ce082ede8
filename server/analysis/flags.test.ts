// Which headline figures are flagged (moved from the browser with their tests): breaches first,
// then significant bad moves after Benjamini–Hochberg over every figure tested, then large
// untested moves; changes too small to matter are left out. Expected lists are worked by hand.
import { describe, expect, it } from 'vitest';
import { metricById } from '../definitions/metricCatalogue.js';
import type { KpiResult } from '../metrics/kpis.js';
import type { Point } from '../metrics/points.js';
import { flagsOf } from './attention.js';

const W = Date.parse('2026-11-09T00:00:00Z') / 1000;
const rate = (n: number, d: number): Point => ({ value: n / d, numerator: n, denominator: d, low: null, high: null, lowSample: d < 30, nullReason: null });
const count = (value: number): Point => ({ value, numerator: null, denominator: null, low: null, high: null, lowSample: false, nullReason: null });

function kpi(id: string, k: Partial<KpiResult>): KpiResult {
  return {
    def: metricById(id)!, filters: new Map(), current: rate(90, 100), previous: rate(98, 100),
    currentRange: { from: W, to: W + 7 * 86_400 }, previousRange: { from: W - 7 * 86_400, to: W },
    absoluteChange: -0.08, relativeChange: -0.08, pValue: 0.001, test: 'two-proportion z-test', significant: true,
    targetStatus: 'ON_TARGET', statements: [], ...k,
  };
}
const ids = (flags: ReturnType<typeof flagsOf>['flags']) => flags.map((f) => [f.kpi.def.id, f.reasons]);

describe('flags', () => {
  it('lists breaches first, then significant bad moves, then large untested moves', () => {
    const kpis = [
      kpi('review_sla', { targetStatus: 'BREACHED' }),
      kpi('precision', { pValue: 0.002 }),
      kpi('golden_accuracy', { absoluteChange: 0.01 }),
      kpi('decisions', { current: count(5500), previous: count(5000), absoluteChange: 500, relativeChange: 0.1 }),
      kpi('review_backlog', { current: count(11_163), previous: count(1_163), absoluteChange: 10_000, relativeChange: 8.6, pValue: null, test: null }),
    ];
    expect(ids(flagsOf(kpis, W - 30 * 86_400).flags)).toEqual([
      ['review_sla', ['BREACHED', 'SIGNIFICANT']],
      ['precision', ['SIGNIFICANT']],
      ['review_backlog', ['LARGE_MOVE']],
    ]);
  });

  it('holds the false discovery rate over all the figures tested', () => {
    // alone, p = 0.04 is significant; among five tests where nothing else is (p = 0.6), its q is 0.2
    const kpis = ['review_sla', 'precision', 'golden_accuracy', 'recall', 'qa_pass_rate'].map((id) => kpi(id, { pValue: id === 'precision' ? 0.04 : 0.6 }));
    const r = flagsOf(kpis, null);
    expect(r.tested).toBe(5);
    expect(r.flags).toEqual([]);
  });

  it('leaves out changes too small to matter: −0.1 pt of SLA, a backlog of 9 against 6', () => {
    const small = [
      kpi('review_sla', { current: rate(98_900, 100_000), previous: rate(99_000, 100_000), absoluteChange: -0.001, relativeChange: -0.001 }),
      // +50 %, untested, but 3 items is within a count's own noise (3.5 √6 ≈ 8.6)
      kpi('review_backlog', { current: count(9), previous: count(6), absoluteChange: 3, relativeChange: 0.5, pValue: null, test: null }),
    ];
    expect(flagsOf(small, null).flags).toEqual([]);
    const big = [
      kpi('review_sla', { current: rate(97_000, 100_000), previous: rate(99_000, 100_000), absoluteChange: -0.02, relativeChange: -0.02 }),
      kpi('review_backlog', { current: count(60), previous: count(6), absoluteChange: 54, relativeChange: 9, pValue: null, test: null }),
    ];
    expect(ids(flagsOf(big, null).flags)).toEqual([['review_sla', ['SIGNIFICANT']], ['review_backlog', ['LARGE_MOVE']]]);
  });

  it('ignores changes against a comparison period before the data began', () => {
    const kpis = [kpi('precision', { previousRange: { from: W - 200 * 86_400, to: W - 100 * 86_400 } })];
    expect(flagsOf(kpis, W - 30 * 86_400)).toEqual({ flags: [], tested: 0 });
  });
});
