import { useEffect, useMemo } from 'react';
import { skipToken, useQuery } from '@apollo/client/react';
import { dimensionLabel, dimensionValues, findMetric, groupChoices } from '../catalogue';
import { preloadChart } from '../charts/LazyChart';
import { FilterBar } from '../components/FilterBar';
import { CatalogueDocument, SeriesDocument, type SeriesQueryVariables } from '../generated/graphql';
import {
  DEFAULT_FILTERS,
  canDrill,
  dimensionFilters,
  drillDown,
  filterCodec,
  groupByDimension,
  serializeFilterState,
  type FilterState,
} from '../state/filterState';
import { useUrlState } from '../state/useUrlState';
import { resolveRange, type ResolvedRange } from '../time/range';
import { DecisionsPanel } from './DecisionsPanel';

/** The catalogue metric the decisions panel draws. */
export const DECISIONS_METRIC = 'decisions';

/**
 * The grain is always sent, null meaning "server's choice"; filters and grouping only when
 * they narrow or split the slice (absent means "all").
 */
export function decisionsVariables(resolved: ResolvedRange, filters: FilterState): SeriesQueryVariables {
  const input: SeriesQueryVariables['input'] = { metric: DECISIONS_METRIC, range: resolved.range, grain: resolved.grain };
  const narrowing = dimensionFilters(filters);
  if (narrowing.length > 0) input.filters = narrowing;
  const groupBy = groupByDimension(filters.group);
  if (groupBy) input.groupBy = groupBy;
  return { input };
}

const retry = (refetch: () => Promise<unknown>) => () => {
  // The hook's own error state reports the failure; the rejected promise adds nothing.
  refetch().catch(() => undefined);
};

export function Overview() {
  const [filters, setFilters] = useUrlState(filterCodec);
  useEffect(preloadChart, []);
  const catalogueQuery = useQuery(CatalogueDocument);
  const catalogue = catalogueQuery.data?.catalogue;
  const metric = catalogue ? findMetric(catalogue, DECISIONS_METRIC) : undefined;
  const dataTo = catalogue?.dataTo ?? null;
  // Without the metric in the catalogue there is nothing to ask for; say so rather than spin.
  const missingMetric =
    catalogue && !metric ? new Error(`The server's catalogue has no "${DECISIONS_METRIC}" metric.`) : undefined;

  const resolved = useMemo(
    () => (dataTo ? resolveRange(filters.range, filters.grain, dataTo) : undefined),
    [dataTo, filters.range, filters.grain],
  );
  const variables = useMemo(
    () => (resolved && metric ? decisionsVariables(resolved, filters) : undefined),
    [resolved, metric, filters],
  );
  const decisions = useQuery(SeriesDocument, variables ? { variables } : skipToken);

  const dimension = groupByDimension(filters.group);
  const failedCatalogue = catalogueQuery.error !== undefined;
  const catalogueError = catalogueQuery.error ?? missingMetric;

  return (
    <div className="page">
      <FilterBar
        value={filters}
        onChange={setFilters}
        regions={dimensionValues(catalogue, 'REGION')}
        policies={dimensionValues(catalogue, 'POLICY')}
        groups={groupChoices(catalogue, metric, filters.group)}
        choicesStatus={catalogue ? 'ready' : failedCatalogue ? 'failed' : 'loading'}
        // Only the current answer says what "auto" became; an older one may be for another range.
        autoGrain={filters.grain === 'auto' ? decisions.data?.series.grain : undefined}
      />
      <div className="panel-grid">
        <DecisionsPanel
          series={(decisions.data ?? decisions.previousData)?.series}
          loading={catalogueQuery.loading || decisions.loading}
          error={catalogueError ?? decisions.error}
          errorWhat={failedCatalogue ? 'the filter options' : 'moderation decisions'}
          onRetry={catalogueError ? retry(catalogueQuery.refetch) : retry(decisions.refetch)}
          onReset={() => setFilters(DEFAULT_FILTERS)}
          resetOnError={!catalogueError && serializeFilterState(filters) !== ''}
          noData={catalogue !== undefined && dataTo === null}
          requested={resolved}
          groupLabel={dimension ? dimensionLabel(catalogue, dimension) : undefined}
          onGroupClick={
            canDrill(filters.group)
              ? (key) => setFilters((current) => drillDown(current, key) ?? current)
              : undefined
          }
        />
      </div>
    </div>
  );
}
