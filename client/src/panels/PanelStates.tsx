import type { ReactNode } from 'react';
import { dimensionLabel, valueLabel } from '../catalogue';
import { EmptyState, ErrorState, LoadingState } from '../components/StateViews';
import { useDashboard } from '../dashboard/dashboard';
import { DEFAULT_FILTERS, dimensionFilters, serializeFilterState, withoutDimensionFilters } from '../state/filterState';

/** The way out of an empty panel: clear the dimension filters, or else go back to the default time. */
function useResetAction(): { label: string; run: () => void } | undefined {
  const { filters, setFilters } = useDashboard();
  if (dimensionFilters(filters).length > 0) return { label: 'Clear filters', run: () => setFilters(withoutDimensionFilters) };
  if (serializeFilterState(filters) !== '') return { label: 'Reset to the defaults', run: () => setFilters(DEFAULT_FILTERS) };
  return undefined;
}

/** "Region: Latin America · Policy: Hate speech", or "" with no filter: says which slice was empty. */
function useSliceText(): string {
  const { catalogue, filters } = useDashboard();
  return dimensionFilters(filters)
    .map((f) => `${dimensionLabel(catalogue, f.dimension)}: ${f.values.map((v) => valueLabel(catalogue, f.dimension, v)).join(', ')}`)
    .join(' · ');
}

interface PanelStatesProps {
  /** What the panel shows, in lower case, for the messages: "review SLA attainment". */
  what: string;
  /** Set when the catalogue (and so the metric) could not be loaded, or lacks the metric. */
  setupError?: unknown;
  error: unknown;
  onRetry: () => void;
  /** Nothing to draw yet. */
  loading: boolean;
  /** The answer holds nothing for this slice. */
  empty: boolean;
  children: () => ReactNode;
}

/**
 * Every data panel shows exactly one of: an error that says what failed with a retry, the
 * database-is-empty notice, a skeleton, an empty state that says why with a one-click reset, or
 * its content. Never a blank box.
 */
export function PanelStates({ what, setupError, error, onRetry, loading, empty, children }: PanelStatesProps) {
  const { noData, retryCatalogue } = useDashboard();
  const reset = useResetAction();
  const slice = useSliceText();
  if (setupError) return <ErrorState what="the metric catalogue" error={setupError} onRetry={retryCatalogue} />;
  if (noData) {
    return <EmptyState title="No data yet" detail="The database holds no events at all. Load the demo data or check the ingestion pipeline." />;
  }
  if (error) {
    return (
      <ErrorState
        what={what}
        error={error}
        onRetry={onRetry}
        action={
          reset ? (
            <button type="button" className="button button-quiet" onClick={reset.run}>
              {reset.label}
            </button>
          ) : undefined
        }
      />
    );
  }
  if (loading) return <LoadingState what={what} />;
  if (empty) {
    return (
      <EmptyState
        title={`No ${what} for these filters`}
        detail={slice ? `Nothing matches ${slice} in this time range.` : 'Nothing was recorded in this time range.'}
        action={
          reset ? (
            <button type="button" className="button" onClick={reset.run}>
              {reset.label}
            </button>
          ) : undefined
        }
      />
    );
  }
  return <>{children()}</>;
}
