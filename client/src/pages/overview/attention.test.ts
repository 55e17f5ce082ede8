import { describe, expect, it } from 'vitest';
import { findMetric } from '../../catalogue';
import type { Kpi } from '../../dashboard/useDrill';
import { CATALOGUE } from '../../testing/catalogueFixture';
import { ratePoint } from '../../testing/seriesFixtures';
import { allClearText, attentionFlags } from './attention';

const kpi = (id: string, k: Partial<Kpi>): Kpi => ({
  metric: { id },
  current: ratePoint(90, 100),
  previous: ratePoint(98, 100),
  currentRange: { from: '2026-11-09T00:00:00Z', to: '2026-11-16T00:00:00Z' },
  previousRange: { from: '2026-11-02T00:00:00Z', to: '2026-11-09T00:00:00Z' },
  absoluteChange: -0.08,
  relativeChange: -0.08,
  pValue: 0.001,
  test: 'two-proportion z-test',
  significant: true,
  targetStatus: 'ON_TARGET',
  filters: [],
  ...k,
});

const count = (value: number) => ({ value, numerator: null, denominator: null, low: null, high: null, lowSample: false, nullReason: null });

const metrics = ['review_sla', 'precision', 'golden_accuracy', 'decisions', 'review_backlog'].map((id) => findMetric(CATALOGUE, id)!);

describe('what needs attention', () => {
  it('lists breaches first, then significant bad moves, then large untested moves', () => {
    const kpis = new Map([
      ['review_sla', kpi('review_sla', { targetStatus: 'BREACHED' })],
      ['precision', kpi('precision', { pValue: 0.002 })],
      ['golden_accuracy', kpi('golden_accuracy', { absoluteChange: 0.01, targetStatus: 'ON_TARGET' })],
      ['decisions', kpi('decisions', { absoluteChange: 500, relativeChange: 0.1 })],
      ['review_backlog', kpi('review_backlog', { current: count(11_163), previous: count(1_163), absoluteChange: 10000, relativeChange: 8.6, pValue: null, test: null })],
    ]);
    const flags = attentionFlags(metrics, kpis, '2026-08-24T00:00:00Z');
    expect(flags.map((f) => [f.metric.id, f.reasons])).toEqual([
      ['review_sla', ['breached', 'significant']],
      ['precision', ['significant']],
      ['review_backlog', ['large-move']],
    ]);
  });

  it('holds the false discovery rate over all the tests shown', () => {
    // Alone, p = 0.04 is significant; among five tests where nothing else is, it is not.
    const kpis = new Map(
      metrics.map((m) => [m.id, kpi(m.id, { pValue: m.id === 'precision' ? 0.04 : 0.6, absoluteChange: -0.01 })] as const),
    );
    expect(attentionFlags(metrics, kpis, null)).toEqual([]);
  });

  it('leaves out changes too small to matter, with the retrospective’s rule: a −0.1 pt SLA change, a backlog of 9 against 6', () => {
    const kpis = new Map([
      // significant (p = 0.001 on a large volume) but a tenth of a point: not worth anyone's morning
      ['review_sla', kpi('review_sla', { current: ratePoint(98_900, 100_000), previous: ratePoint(99_000, 100_000), absoluteChange: -0.001, relativeChange: -0.001 })],
      // +50 %, untested: but 3 items is within a count's own noise (3.5 √6 ≈ 8.6)
      ['review_backlog', kpi('review_backlog', { current: count(9), previous: count(6), absoluteChange: 3, relativeChange: 0.5, pValue: null, test: null })],
    ]);
    expect(attentionFlags(metrics, kpis, null)).toEqual([]);
    // the same rule flags what matters: 2 points of SLA, a backlog of 60 against 6
    const big = new Map([
      ['review_sla', kpi('review_sla', { current: ratePoint(97_000, 100_000), previous: ratePoint(99_000, 100_000), absoluteChange: -0.02, relativeChange: -0.02 })],
      ['review_backlog', kpi('review_backlog', { current: count(60), previous: count(6), absoluteChange: 54, relativeChange: 9, pValue: null, test: null })],
    ]);
    expect(attentionFlags(metrics, big, null).map((f) => [f.metric.id, f.reasons])).toEqual([['review_sla', ['significant']], ['review_backlog', ['large-move']]]);
  });

  it('ignores changes against a comparison period before the data began', () => {
    const kpis = new Map([['precision', kpi('precision', { previousRange: { from: '2026-05-01T00:00:00Z', to: '2026-08-01T00:00:00Z' } })]]);
    expect(attentionFlags(metrics, kpis, '2026-08-24T00:00:00Z')).toEqual([]);
  });

  it('when nothing is listed, claims only what the data carries (25 decisions, nothing tested)', () => {
    const thin = new Map(metrics.map((m) => [m.id, kpi(m.id, {
      current: ratePoint(20, 25), previous: null, previousRange: null, absoluteChange: null, relativeChange: null, pValue: null, test: null, significant: false,
      targetStatus: m.target ? 'ON_TARGET' : 'NO_TARGET',
    })] as const));
    thin.get('precision')!.targetStatus = 'NO_DATA';
    expect(attentionFlags(metrics, thin, null)).toEqual([]);
    const text = allClearText(metrics, thin, 0);
    expect(text).not.toMatch(/Every headline figure is on target/);
    expect(text).toBe(
      '2 of the 3 figures with a target are on target; 1 has no data. No change could be tested: there is too little data in the comparison period, so nothing can be said about what moved. 5 figures rest on fewer than 30 items: too few to tell.',
    );
  });
});

