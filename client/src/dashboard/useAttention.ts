import { useMemo } from 'react';
import { findMetric } from '../catalogue';
import { AttentionDocument, type AttentionQuery, type AttentionQueryVariables } from '../generated/graphql';
import { dimensionFilters } from '../state/filterState';
import { useDashboard } from './dashboard';
import { useApi } from './useApi';

export type Flag = AttentionQuery['attention']['flags'][number];

/**
 * What needs attention among these figures, from the server's analysis (the same rules as the
 * retrospective): flags with the slice behind each and since when, in one request. The tiles and
 * the Overview's list ask with the same variables, so they share the one answer.
 */
export function useAttention(metricIds: readonly string[]) {
  const { resolved, filters, pollInterval, catalogue } = useDashboard();
  const key = metricIds.filter((id) => findMetric(catalogue, id)).join(',');
  const variables = useMemo<AttentionQueryVariables | undefined>(() => {
    if (!resolved || key === '') return undefined;
    const narrowing = dimensionFilters(filters);
    return {
      input: {
        metrics: key.split(','),
        range: resolved.range,
        comparison: filters.compare,
        timeZone: resolved.zone,
        ...(narrowing.length ? { filters: narrowing } : {}),
      },
    };
  }, [resolved, key, filters]);
  const query = useApi(AttentionDocument, variables, pollInterval);
  const attention = query.data?.attention;
  const byMetric = useMemo(() => new Map((attention?.flags ?? []).map((f) => [f.metric.id, f])), [attention]);
  return { attention, byMetric, loading: query.loading || (!query.data && !query.error), error: query.error, retry: query.retry };
}
