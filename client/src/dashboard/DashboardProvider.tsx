import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { CatalogueDocument, MarkersDocument } from '../generated/graphql';
import { REFRESH_MS, filterCodec, filterValues, rangeSpec } from '../state/filterState';
import { useUrlState } from '../state/useUrlState';
import { resolveRange } from '../time/range';
import { DashboardContext, type Dashboard } from './dashboard';
import { useApi } from './useApi';

const NO_MARKERS: Dashboard['markers'] = [];

/** How often an empty dashboard looks again for the first events. */
export const FIRST_RUN_POLL_MS = 30_000;

/**
 * Reads the slice from the URL and the catalogue from the API once for the whole app. The
 * catalogue refreshes with everything else, so a relative range ("last 7 days") moves with the
 * data as it grows.
 */
export function DashboardProvider({ children }: { children: ReactNode }) {
  const [filters, setFilters] = useUrlState(filterCodec);
  const pollInterval = REFRESH_MS[filters.refresh];
  // An empty database is looked at again every 30 s, so the first events show without a reload.
  const [empty, setEmpty] = useState(false);
  const catalogueQuery = useApi(CatalogueDocument, {}, empty ? FIRST_RUN_POLL_MS : pollInterval);
  const catalogue = catalogueQuery.data?.catalogue;
  const dataTo = catalogue?.dataTo ?? null;
  const dataFrom = catalogue?.dataFrom ?? null;
  const noData = catalogue !== undefined && dataTo === null;
  useEffect(() => setEmpty(noData), [noData]);

  const { range, from, to, grain, zone } = filters;
  const resolved = useMemo(
    () => (dataTo ? resolveRange(rangeSpec({ range, from, to }), grain, dataTo, zone, dataFrom) : undefined),
    [dataTo, dataFrom, range, from, to, grain, zone],
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
      noData,
      filters,
      setFilters,
      resolved,
      // Markers are decoration: if they fail, charts still show their figures.
      markers: markersQuery.data?.markers ?? NO_MARKERS,
      pollInterval,
    }),
    [catalogue, catalogueQuery.error, catalogueQuery.retry, noData, filters, setFilters, resolved, markersQuery.data, pollInterval],
  );

  return <DashboardContext.Provider value={value}>{children}</DashboardContext.Provider>;
}
