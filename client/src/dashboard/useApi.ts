import { useCallback } from 'react';
import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { skipToken, useQuery } from '@apollo/client/react';

export interface ApiResult<TData> {
  /** The latest answer, or the previous one while new variables load, so charts never blank out. */
  data: TData | undefined;
  /** True while the answer shown is not the one for the current variables. */
  loading: boolean;
  error: unknown;
  retry: () => void;
}

/** Polls stop while the tab is hidden: nobody is looking, and the server has better things to do. */
const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

/**
 * useQuery with the dashboard's conventions: skipped until its variables are known, refreshed
 * every `pollInterval` ms (0: never) while the tab is visible, and quiet during a refresh (the
 * figures shown stay until the new ones arrive, with no loading flash).
 */
export function useApi<TData, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables | undefined,
  pollInterval = 0,
): ApiResult<TData> {
  const result = useQuery(
    document,
    variables
      ? ({ variables, pollInterval, skipPollAttempt: hidden, notifyOnNetworkStatusChange: false } as useQuery.Options<TData, TVariables>)
      : skipToken,
  );
  const { refetch } = result;
  const retry = useCallback(() => {
    // The hook's own error state reports a failure; the rejected promise adds nothing.
    refetch().catch(() => undefined);
  }, [refetch]);
  return {
    data: (result.data ?? result.previousData) as TData | undefined,
    loading: result.loading,
    error: result.error,
    retry,
  };
}
