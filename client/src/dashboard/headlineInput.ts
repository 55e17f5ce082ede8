import { useMemo } from 'react';
import { findMetric } from '../catalogue';
import type { KpiInput } from '../generated/graphql';
import { dimensionFilters } from '../state/filterState';
import { comparisonInput } from '../time/comparison';
import { useDashboard } from './dashboard';

/**
 * The question behind headline figures, asked the same way by the tiles (kpis) and the attention
 * list (attention): the metrics the catalogue knows, the range, the comparison (a custom one with
 * its dates), the zone and the slice. The API leaves out, per metric, filters on dimensions the
 * metric lacks, and says so. Undefined until the range is resolved or when no metric is known.
 */
export function useHeadlineInput(metricIds: readonly string[]): KpiInput | undefined {
  const { resolved, filters, catalogue } = useDashboard();
  const key = metricIds.filter((id) => findMetric(catalogue, id)).join(',');
  return useMemo(() => {
    if (!resolved || key === '') return undefined;
    const narrowing = dimensionFilters(filters);
    return {
      metrics: key.split(','),
      range: resolved.range,
      ...comparisonInput(filters),
      timeZone: resolved.zone,
      ...(narrowing.length ? { filters: narrowing } : {}),
    };
  }, [resolved, key, filters]);
}
