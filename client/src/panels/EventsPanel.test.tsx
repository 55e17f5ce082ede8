import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DashboardContext, type Dashboard } from '../dashboard/dashboard';
import { DEFAULT_FILTERS } from '../state/filterState';
import { CATALOGUE } from '../testing/catalogueFixture';
import { resolveRange } from '../time/range';
import { EventsPanel } from './EventsPanel';

const dashboard: Dashboard = {
  catalogue: CATALOGUE,
  catalogueError: undefined,
  retryCatalogue: () => undefined,
  noData: false,
  filters: { ...DEFAULT_FILTERS, policy: ['harassment_bullying'] },
  setFilters: () => undefined,
  resolved: resolveRange({ preset: '28d' }, 'auto', CATALOGUE.dataTo!, 'UTC'),
  markers: [
    { kind: 'ROLLBACK', at: '2026-10-25T14:00:00Z', endsAt: null, title: 'safety-mm 3.2 (rollback) in SEA', detail: 'Rolled back: harassment precision regression', regions: ['SEA'], countries: [], policies: [], models: ['safety-mm 3.2'], vendors: [] },
    { kind: 'ROLLOUT', at: '2026-11-01T10:00:00Z', endsAt: null, title: 'safety-mm 3.3 in NA', detail: null, regions: ['NA'], countries: [], policies: [], models: ['safety-mm 3.3'], vendors: [] },
  ],
  pollInterval: 0,
};

describe('what happened', () => {
  afterEach(cleanup);

  it('lists the events of the kinds asked, and opens the weeks around each in its regions', () => {
    render(
      <DashboardContext.Provider value={dashboard}>
        <EventsPanel kinds={['ROLLBACK']} page="/models" anchor="versions" />
      </DashboardContext.Provider>,
    );
    expect(screen.getByText('safety-mm 3.2 (rollback) in SEA')).toBeTruthy();
    expect(screen.getByText('Rolled back: harassment precision regression')).toBeTruthy();
    expect(screen.queryByText('safety-mm 3.3 in NA')).toBeNull();
    // Two weeks before to one week after, in its region, keeping the other filters.
    expect(screen.getByRole('link', { name: 'Open the weeks around it →' }).getAttribute('href')).toBe(
      '/models?from=2026-10-11&to=2026-11-01&region=SEA&policy=harassment_bullying#versions',
    );
  });

  it('opens a note about a country in that country', () => {
    const note = { kind: 'INCIDENT' as const, at: '2026-11-02T00:00:00Z', endsAt: '2026-11-03T00:00:00Z', title: 'US outage', detail: null, regions: [], countries: ['US'], policies: [], models: [], vendors: [] };
    render(
      <DashboardContext.Provider value={{ ...dashboard, markers: [note] }}>
        <EventsPanel kinds={['INCIDENT']} page="/" />
      </DashboardContext.Provider>,
    );
    expect(screen.getByRole('link', { name: 'Open the weeks around it →' }).getAttribute('href')).toMatch(/[?&]country=US(&|$)/);
  });

  it('shows nothing when nothing happened', () => {
    const { container } = render(
      <DashboardContext.Provider value={{ ...dashboard, markers: [] }}>
        <EventsPanel kinds={['INCIDENT']} page="/" />
      </DashboardContext.Provider>,
    );
    expect(container.textContent).toBe('');
  });
});
