import { describe, expect, it } from 'vitest';
import { findMetric } from '../../catalogue';
import type { Kpi } from '../../dashboard/useDrill';
import { CATALOGUE } from '../../testing/catalogueFixture';
import { ratePoint } from '../../testing/seriesFixtures';
import { attentionFlags } from './attention';

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

const metrics = ['review_sla', 'precision', 'golden_accuracy', 'decisions', 'review_backlog'].map((id) => findMetric(CATALOGUE, id)!);

describe('what needs attention', () => {
  it('lists breaches first, then significant bad moves, then large untested moves', () => {
    const kpis = new Map([
      ['review_sla', kpi('review_sla', { targetStatus: 'BREACHED' })],
      ['precision', kpi('precision', { pValue: 0.002 })],
      ['golden_accuracy', kpi('golden_accuracy', { absoluteChange: 0.01, targetStatus: 'ON_TARGET' })],
      ['decisions', kpi('decisions', { absoluteChange: 500, relativeChange: 0.1 })],
      ['review_backlog', kpi('review_backlog', { absoluteChange: 10000, relativeChange: 8.6, pValue: null, test: null })],
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

  it('ignores changes against a comparison period before the data began', () => {
    const kpis = new Map([['precision', kpi('precision', { previousRange: { from: '2026-05-01T00:00:00Z', to: '2026-08-01T00:00:00Z' } })]]);
    expect(attentionFlags(metrics, kpis, '2026-08-24T00:00:00Z')).toEqual([]);
  });
});
