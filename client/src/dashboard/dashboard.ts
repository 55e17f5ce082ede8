import { createContext, useContext } from 'react';
import type { Catalogue } from '../catalogue';
import type { ChartMarker } from '../charts/markers';
import type { FilterState } from '../state/filterState';
import type { SetUrlState } from '../state/useUrlState';
import type { ResolvedRange } from '../time/range';

/** What every panel needs: the catalogue, the slice from the URL, and when to refresh. */
export interface Dashboard {
  catalogue: Catalogue | undefined;
  /** Why the catalogue failed to load; panels show it rather than spin forever. */
  catalogueError: unknown;
  retryCatalogue: () => void;
  /** The catalogue arrived and the database holds no data at all: no filter can help. */
  noData: boolean;
  filters: FilterState;
  setFilters: SetUrlState<FilterState>;
  /** The range to ask for; undefined until the end of the data is known. */
  resolved: ResolvedRange | undefined;
  /** Rollouts, rollbacks and incidents in the range and slice, for chart markers. */
  markers: readonly ChartMarker[];
  /** Milliseconds between refreshes; 0 when auto-refresh is off. */
  pollInterval: number;
}

export const DashboardContext = createContext<Dashboard | null>(null);

export function useDashboard(): Dashboard {
  const dashboard = useContext(DashboardContext);
  if (!dashboard) throw new Error('useDashboard outside of <DashboardProvider>');
  return dashboard;
}
