import { useMemo } from 'react';
import { useDashboard } from '../dashboard/dashboard';
import { useApi } from '../dashboard/useApi';
import { BreakdownDocument, type BreakdownQuery, type BreakdownQueryVariables, type Dimension, type DimensionFilterInput } from '../generated/graphql';
import { useMetric, type MetricSetup } from './useMetric';

export interface BreakdownAnswer extends MetricSetup {
  breakdown: BreakdownQuery['breakdown'] | undefined;
  loading: boolean;
  error: unknown;
  retry: () => void;
}

/** A metric over the range by one or two dimensions, for the slice (plus the caller's own filters). */
export function useBreakdown(
  metricId: string,
  dimensions: readonly Dimension[],
  extra: readonly DimensionFilterInput[] = [],
  topN?: number,
): BreakdownAnswer {
  const { resolved, pollInterval } = useDashboard();
  const setup = useMetric(metricId, extra);
  const { metric, filters } = setup;
  const dimsKey = dimensions.join(',');
  const variables = useMemo<BreakdownQueryVariables | undefined>(() => {
    if (!resolved || !metric) return undefined;
    return {
      input: {
        metric: metric.id,
        range: resolved.range,
        dimensions: dimsKey.split(',') as Dimension[],
        ...(filters.length ? { filters } : {}),
        ...(topN ? { topN } : {}),
      },
    };
  }, [resolved, metric, dimsKey, filters, topN]);
  const query = useApi(BreakdownDocument, variables, pollInterval);
  return { ...setup, breakdown: query.data?.breakdown, loading: query.loading, error: query.error, retry: query.retry };
}
