import { useEffect, useMemo } from 'react';
import { skipToken, useQuery } from '@apollo/client/react';
import { preloadChart } from '../charts/LazyChart';
import { FilterBar } from '../components/FilterBar';
import {
  DimensionsDocument,
  ModerationDecisionsDocument,
  type ModerationDecisionsQueryVariables,
} from '../generated/graphql';
import {
  DEFAULT_FILTERS,
  DIMENSION_LABELS,
  canDrill,
  drillDown,
  filterCodec,
  groupByDimension,
  serializeFilterState,
  sliceFilter,
  type FilterState,
} from '../state/filterState';
import { useUrlState } from '../state/useUrlState';
import { autoGrain } from '../time/grain';
import { rangePreset, resolveRange, type ResolvedRange } from '../time/range';
import { DecisionsPanel } from './DecisionsPanel';

/** Only the arguments that narrow the query are sent; absent means "all". */
export function decisionsVariables(resolved: ResolvedRange, filters: FilterState): ModerationDecisionsQueryVariables {
  const variables: ModerationDecisionsQueryVariables = { range: resolved.range, grain: resolved.grain };
  const filter = sliceFilter(filters);
  if (filter) variables.filter = filter;
  const groupBy = groupByDimension(filters.group);
  if (groupBy) variables.groupBy = groupBy;
  return variables;
}

const retry = (refetch: () => Promise<unknown>) => () => {
  // The hook's own error state reports the failure; the rejected promise adds nothing.
  refetch().catch(() => undefined);
};

export function Overview() {
  const [filters, setFilters] = useUrlState(filterCodec);
  useEffect(preloadChart, []);
  const dimensions = useQuery(DimensionsDocument);
  const dims = dimensions.data?.dimensions;
  const dataTo = dims?.dataTo ?? null;

  const resolved = useMemo(
    () => (dataTo ? resolveRange(filters.range, filters.grain, dataTo) : undefined),
    [dataTo, filters.range, filters.grain],
  );
  const variables = useMemo(() => (resolved ? decisionsVariables(resolved, filters) : undefined), [resolved, filters]);
  const decisions = useQuery(ModerationDecisionsDocument, variables ? { variables } : skipToken);

  const dimension = groupByDimension(filters.group);
  const failedDimensions = dimensions.error !== undefined;

  return (
    <div className="page">
      <FilterBar
        value={filters}
        onChange={setFilters}
        regions={dims?.regions ?? []}
        policies={dims?.policies ?? []}
        choicesStatus={dims ? 'ready' : dimensions.error ? 'failed' : 'loading'}
        autoGrain={autoGrain(rangePreset(filters.range).spanMs)}
      />
      <div className="panel-grid">
        <DecisionsPanel
          series={(decisions.data ?? decisions.previousData)?.moderationDecisions}
          loading={dimensions.loading || decisions.loading}
          error={dimensions.error ?? decisions.error}
          errorWhat={failedDimensions ? 'the filter options' : 'moderation decisions'}
          onRetry={failedDimensions ? retry(dimensions.refetch) : retry(decisions.refetch)}
          onReset={() => setFilters(DEFAULT_FILTERS)}
          resetOnError={!failedDimensions && serializeFilterState(filters) !== ''}
          noData={dims !== undefined && dataTo === null}
          resolved={resolved}
          groupLabel={dimension ? DIMENSION_LABELS[dimension] : undefined}
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
