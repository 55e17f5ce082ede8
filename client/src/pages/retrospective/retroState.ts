import { useCallback } from 'react';
import { skipToken, useQuery } from '@apollo/client/react';
import { RetrospectiveDocument, type RetrospectiveQuery, type RetrospectiveQueryVariables } from '../../generated/graphql';
import { createUrlCodec, optional, textWhere } from '../../state/urlState';
import { isMonday } from './week';

/**
 * The page's own choice, beside the filters in the URL: `week=2026-11-09` (a Monday). Absent
 * means the last complete week of the data, whatever it is when the link is opened.
 */
export const retroCodec = createUrlCodec({
  week: { param: 'week', codec: optional(textWhere(isMonday)), default: null as string | null },
});

/**
 * The week's retrospective. A week seen earlier shows at once from the cache and is asked again
 * (cache-and-network): other people write into weeks, and a mutation only refetches the week on
 * screen. The previous answer stays while another week loads, so the page never blanks out.
 */
/** Skipped (undefined variables) on an empty database: there is no week to look back on. */
export function useRetrospective(variables: RetrospectiveQueryVariables | undefined) {
  const result = useQuery(RetrospectiveDocument, variables ? { variables, fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' } : skipToken);
  const { refetch } = result;
  const retry = useCallback(() => {
    // The hook's own error state reports a failure; the rejected promise adds nothing.
    refetch().catch(() => undefined);
  }, [refetch]);
  const data: RetrospectiveQuery | undefined = result.data ?? result.previousData;
  return { data, loading: result.loading, error: result.error, retry };
}
