// An empty database: the Overview and the Retrospective say what Vigil waits for and how to fill
// it, instead of skeletons that never resolve or a refused query.
import { cleanup, render, screen } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { ComponentType } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionGate } from '../auth/SessionGate';
import type { Role } from '../auth/session';
import { DashboardProvider } from '../dashboard/DashboardProvider';
import { Overview } from '../pages/overview/Overview';
import { Retrospective } from '../pages/retrospective/Retrospective';
import { catalogueMock, markersMock } from '../testing/apiMocks';
import { CATALOGUE } from '../testing/catalogueFixture';

function renderEmpty(Page: ComponentType, role: Role) {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ user: { username: 'u', role, scope: { regions: [], countries: [], vendors: [] } }, proxy: false }), { status: 200 }));
  // no mock for the page's own queries: any of them asked would fail the page with an error
  return render(
    <MockedProvider mocks={[catalogueMock({ ...CATALOGUE, dataFrom: null, dataTo: null }), markersMock]}>
      <SessionGate>
        <DashboardProvider>
          <Page />
        </DashboardProvider>
      </SessionGate>
    </MockedProvider>,
  );
}

describe('first run on an empty database', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('the Overview says what it waits for, how to send data (with the token page for an admin) and how to load the demo', async () => {
    renderEmpty(Overview, 'admin');
    const firstRun = await screen.findByTestId('first-run');
    expect(firstRun.textContent).toContain('Vigil is waiting for its first events');
    expect(firstRun.textContent).toContain('POST /ingest/v1/moderation-decisions');
    expect(firstRun.textContent).toContain('VIGIL_DEMO=1');
    expect(firstRun.textContent).toContain('npm run seed');
    expect(screen.getByRole('link', { name: 'Create an ingestion token' }).getAttribute('href')).toBe('/admin?section=tokens');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('the Retrospective shows the same state, asks no retrospective, and tells a viewer who makes tokens', async () => {
    window.history.replaceState(null, '', '/retrospective');
    renderEmpty(Retrospective, 'viewer');
    const firstRun = await screen.findByTestId('first-run');
    expect(firstRun.textContent).toContain('the Retrospective has nothing to show');
    expect(firstRun.textContent).toContain('An admin creates ingestion tokens');
    expect(screen.queryByRole('link', { name: 'Create an ingestion token' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
