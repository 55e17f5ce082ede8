// Shapes of answers that more than one resolver module returns.
import { metricDimensions, type MetricDef } from '../definitions/metricCatalogue.js';
import { ROLLUPS } from '../definitions/rollups.js';
import type { Dimension, Metric } from './generated.js';

export function metricInfo(d: MetricDef): Metric {
  return {
    id: d.id, label: d.label, family: d.family, definition: d.definition, kind: d.kind, unit: d.unit, goodDirection: d.goodDirection,
    numeratorLabel: d.numerator?.label ?? null, denominatorLabel: d.denominator?.label ?? null,
    dimensions: metricDimensions(d), minGrain: ROLLUPS[d.rollup].grain,
    defaultFilters: Object.entries(d.defaultFilters ?? {}).map(([dimension, values]) => ({ dimension: dimension as Dimension, values: values! })),
    target: d.target ?? null,
  };
}

/** A ClickHouse DateTime64 as JSON gives it ("2026-11-22 05:00:00.123", UTC) → ISO 8601. */
export const stamp = (v: unknown) => `${String(v).replace(' ', 'T')}Z`;
