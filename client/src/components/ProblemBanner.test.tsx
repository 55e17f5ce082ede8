import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import { CombinedGraphQLErrors } from '@apollo/client';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardProvider } from '../dashboard/DashboardProvider';
import { ProblemContext, ProblemStore } from '../dashboard/problems';
import { catalogueMock, markersMock } from '../testing/apiMocks';
import { ProblemBanner } from './ProblemBanner';
import { ErrorState } from './StateViews';

function Page({ error, panels, retries }: { error: unknown; panels: string[]; retries: Record<string, number> }) {
  const [store] = useState(() => new ProblemStore());
  return (
    <>
      <ProblemBanner store={store} />
      <ProblemContext.Provider value={store}>
        {panels.map((what) =>
          error ? <ErrorState key={what} what={what} error={error} onRetry={() => (retries[what] = (retries[what] ?? 0) + 1)} /> : <p key={what}>{what} drawn</p>,
        )}
      </ProblemContext.Provider>
    </>
  );
}

function renderPage(error: unknown, panels: string[], retries: Record<string, number> = {}) {
  const ui = (e: unknown) => (
    <MockedProvider mocks={[catalogueMock(), markersMock]}>
      <DashboardProvider>
        <Page error={e} panels={panels} retries={retries} />
      </DashboardProvider>
    </MockedProvider>
  );
  const view = render(ui(error));
  return { rerender: (e: unknown) => view.rerender(ui(e)) };
}

const forbidden = new CombinedGraphQLErrors({
  errors: [{ message: 'input.filters[0].values: LATAM is outside your access (region: SEA).', extensions: { code: 'FORBIDDEN' } }],
});

describe('one banner per cause, with its remedy', () => {
  beforeEach(() => window.history.replaceState(null, '', '/moderation?region=LATAM,SEA'));
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('sixteen panels refused for a filter outside the access give one line, and its button removes that filter only', async () => {
    const panels = Array.from({ length: 16 }, (_, i) => `panel ${i + 1}`);
    renderPage(forbidden, panels);
    await screen.findByText(/^Latin America/);
    const lines = screen.getAllByTestId('problem');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.textContent).toContain('Latin America (region) is outside your access, so panel 1, panel 2, panel 3 and 13 more cannot be shown.');
    // the panels say they are affected, without sixteen error boxes of their own
    expect(screen.queryAllByRole('alert')).toHaveLength(1);
    expect(screen.getAllByTestId('panel-problem')).toHaveLength(16);
    fireEvent.click(screen.getByRole('button', { name: 'Remove this filter' }));
    expect(decodeURIComponent(window.location.search)).toBe('?region=SEA');
  });

  it('groups refusals by argument: two arguments, two lines, each with its own remedy', async () => {
    const bad = (argument: string, message: string) =>
      new CombinedGraphQLErrors({ errors: [{ message: `${argument}: ${message}`, extensions: { code: 'BAD_USER_INPUT', argument } }] });
    const store = new ProblemStore();
    store.report('a', 'decisions', bad('input.range', 'from must be before to.'), undefined);
    store.report('b', 'backlog', bad('input.range', 'from must be before to.'), undefined);
    store.report('c', 'precision', bad('input.filters', 'unknown region "XX".'), undefined);
    const groups = store.groups();
    expect(groups.map((g) => [g.cause.key, g.what])).toEqual([
      ['bad-input:input.range', ['decisions', 'backlog']],
      ['bad-input:input.filters', ['precision']],
    ]);
    expect(groups[0]!.cause.message).toBe('from must be before to.');
  });

  it('while the server is unreachable retries every panel together with backoff (2 s, then 4 s), and the banner goes when they answer', async () => {
    vi.useFakeTimers();
    const retries: Record<string, number> = {};
    const page = renderPage(new TypeError('Failed to fetch'), ['decisions', 'review backlog', 'precision'], retries);
    await act(async () => undefined);
    const lines = screen.getAllByTestId('problem');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.textContent).toContain('The server cannot be reached, so decisions, review backlog, precision could not load. Trying again in 2 s.');
    await act(async () => void vi.advanceTimersByTime(1_999));
    expect(retries).toEqual({});
    await act(async () => void vi.advanceTimersByTime(1));
    expect(retries).toEqual({ decisions: 1, 'review backlog': 1, precision: 1 });
    expect(screen.getByTestId('problem').textContent).toContain('Trying again in 4 s.');
    await act(async () => void vi.advanceTimersByTime(4_000));
    expect(retries).toEqual({ decisions: 2, 'review backlog': 2, precision: 2 });
    // the server is back: every panel draws, the banner is gone, and no retry is pending
    page.rerender(null);
    expect(screen.queryByTestId('problem')).toBeNull();
    expect(screen.getAllByText(/drawn$/)).toHaveLength(3);
    await act(async () => void vi.advanceTimersByTime(60_000));
    expect(retries).toEqual({ decisions: 2, 'review backlog': 2, precision: 2 });
  });

  it('Retry now asks every failed panel at once', async () => {
    const retries: Record<string, number> = {};
    renderPage(new TypeError('Failed to fetch'), ['decisions', 'precision'], retries);
    fireEvent.click(await screen.findByRole('button', { name: 'Retry now' }));
    expect(retries).toEqual({ decisions: 1, precision: 1 });
  });
});
