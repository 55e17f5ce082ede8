import { describe, expect, it } from 'vitest';
import { findMetric } from '../../catalogue';
import type { Kpi } from '../../panels/KpiTile';
import { CATALOGUE } from '../../testing/catalogueFixture';
import { ratePoint } from '../../testing/seriesFixtures';
import { allClearText } from './attention';

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

describe('what the attention list says when it is empty', () => {
  it('when nothing is listed, claims only what the data carries (25 decisions, nothing tested)', () => {
    const thin = new Map(metrics.map((m) => [m.id, kpi(m.id, {
      current: ratePoint(20, 25), previous: null, previousRange: null, absoluteChange: null, relativeChange: null, pValue: null, test: null, significant: false,
      targetStatus: m.target ? 'ON_TARGET' : 'NO_TARGET',
    })] as const));
    thin.get('precision')!.targetStatus = 'NO_DATA';
    const text = allClearText(metrics, thin, 0);
    expect(text).not.toMatch(/Every headline figure is on target/);
    expect(text).toBe(
      '2 of the 3 figures with a target are on target; 1 has no data. No change could be tested: there is too little data in the comparison period, so nothing can be said about what moved. 5 figures rest on fewer than 30 items: too few to tell.',
    );
  });
});

