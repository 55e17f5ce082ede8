import { useMemo, type ReactNode } from 'react';
import { CatalogueDocument, MarkersDocument } from '../generated/graphql';
import { REFRESH_MS, filterCodec, filterValues, rangeSpec } from '../state/filterState';
import { useUrlState } from '../state/useUrlState';
import { resolveRange } from '../time/range';
import { DashboardContext, type Dashboard } from './dashboard';
import { useApi } from './useApi';

const NO_MARKERS: Dashboard['markers'] = [];

/**
 * Reads the slice from the URL and the catalogue from the API once for the whole app. The
 * catalogue refreshes with everything else, so a relative range ("last 7 days") moves with the
 * data as it grows.
 */
export function DashboardProvider({ children }: { children: ReactNode }) {
  const [filters, setFilters] = useUrlState(filterCodec);
  const pollInterval = REFRESH_MS[filters.refresh];
  const catalogueQuery = useApi(CatalogueDocument, {}, pollInterval);
  const catalogue = catalogueQuery.data?.catalogue;
  const dataTo = catalogue?.dataTo ?? null;

  const { range, from, to, grain, zone } = filters;
  const resolved = useMemo(
    () => (dataTo ? resolveRange(rangeSpec({ range, from, to }), grain, dataTo, zone) : undefined),
    [dataTo, range, from, to, grain, zone],
  );

  const regions = filterValues(filters, 'REGION');
  const policies = filterValues(filters, 'POLICY');
  const markersQuery = useApi(
    MarkersDocument,
    resolved
      ? {
          input: {
            range: resolved.range,
            ...(regions.length ? { regions } : {}),
            ...(policies.length ? { policies } : {}),
          },
        }
      : undefined,
    pollInterval,
  );

  const value = useMemo<Dashboard>(
    () => ({
      catalogue,
      catalogueError: catalogueQuery.error,
      retryCatalogue: catalogueQuery.retry,
      noData: catalogue !== undefined && dataTo === null,
      filters,
      setFilters,
      resolved,
      // Markers are decoration: if they fail, charts still show their figures.
      markers: markersQuery.data?.markers ?? NO_MARKERS,
      pollInterval,
    }),
    [catalogue, catalogueQuery.error, catalogueQuery.retry, dataTo, filters, setFilters, resolved, markersQuery.data, pollInterval],
  );

  return <DashboardContext.Provider value={value}>{children}</DashboardContext.Provider>;
}
