// Breakdown answers for tests.
import type { MetricBreakdown } from '../charts/breakdownOption';
import type { MetricPoint } from '../charts/seriesOption';
import { ratePoint } from './seriesFixtures';

export const SLA_METRIC = { id: 'review_sla', label: 'Review SLA attainment', unit: 'RATIO', kind: 'RATE', goodDirection: 'UP' } as const;

type Cell = [keys: string[], labels: string[], point: MetricPoint];

export function breakdown(cells: Cell[], marginals: Cell[], dimensions: MetricBreakdown['dimensions'] = ['REGION', 'POLICY']): MetricBreakdown {
  // the API's key of the group beyond the top N
  const cell = ([keys, labels, point]: Cell) => ({ keys, labels, isOther: keys.includes('__other__'), point });
  return {
    metric: SLA_METRIC,
    range: { from: '2026-11-09T00:00:00Z', to: '2026-11-16T00:00:00Z' },
    dimensions,
    cells: cells.map(cell),
    marginals: marginals.map(cell),
    total: ratePoint(1, 1),
    filters: [],
  };
}

/** Review SLA by region × policy in the surge week: Latin America × misinformation far below target. */
export const SLA_BY_REGION_POLICY = breakdown(
  [
    [['LATAM', 'misinformation'], ['Latin America', 'Misinformation'], ratePoint(300, 3000, [0.09, 0.11])],
    [['LATAM', 'hate_speech'], ['Latin America', 'Hate speech'], ratePoint(900, 1000)],
    [['EU', 'misinformation'], ['Europe', 'Misinformation'], ratePoint(1980, 2000)],
    [['EU', 'hate_speech'], ['Europe', 'Hate speech'], ratePoint(5, 10)],
  ],
  [
    [['LATAM'], ['Latin America'], ratePoint(1200, 4000)],
    [['EU'], ['Europe'], ratePoint(1985, 2010)],
    [['misinformation'], ['Misinformation'], ratePoint(2280, 5000)],
    [['hate_speech'], ['Hate speech'], ratePoint(905, 1010)],
  ],
);
