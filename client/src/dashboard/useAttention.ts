import { useMemo } from 'react';
import { AttentionDocument, type AttentionQuery, type AttentionQueryVariables } from '../generated/graphql';
import { useDashboard } from './dashboard';
import { useApi } from './useApi';
import { useHeadlineInput } from './headlineInput';

export type Flag = AttentionQuery['attention']['flags'][number];

/**
 * What needs attention among these figures, from the server's analysis (the same rules as the
 * retrospective): flags with the slice behind each and since when, in one request. The tiles and
 * the Overview's list ask with the same variables, so they share the one answer.
 */
export function useAttention(metricIds: readonly string[]) {
  const { pollInterval } = useDashboard();
  const input = useHeadlineInput(metricIds);
  const variables = useMemo<AttentionQueryVariables | undefined>(() => (input ? { input } : undefined), [input]);
  const query = useApi(AttentionDocument, variables, pollInterval);
  const attention = query.data?.attention;
  const byMetric = useMemo(() => new Map((attention?.flags ?? []).map((f) => [f.metric.id, f])), [attention]);
  return { attention, byMetric, loading: query.loading || (!query.data && !query.error), error: query.error, retry: query.retry };
}
