import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChartProps } from '../charts/Chart';
import { DimensionsDocument, ModerationDecisionsDocument } from '../generated/graphql';
import { Overview } from './Overview';

// Stands in for the canvas chart: one button per series, so a test can "click" a group.
vi.mock('../charts/Chart', () => ({
  Chart: ({ option, onClick }: ChartProps) => (
    <div data-testid="chart">
      {(option.series as { id: string; name: string }[]).map((s) => (
        <button
          key={s.id}
          type="button"
          onClick={() => onClick?.({ seriesId: s.id, seriesName: s.name, dataIndex: 0 })}
        >
          {s.name}
        </button>
      ))}
    </div>
  ),
}));

const dimensionsResult = {
  data: {
    dimensions: {
      __typename: 'Dimensions',
      regions: [
        { __typename: 'DimensionValue', code: 'EU', label: 'Europe' },
        { __typename: 'DimensionValue', code: 'NA', label: 'North America' },
      ],
      policies: [{ __typename: 'DimensionValue', code: 'hate_speech', label: 'Hate speech' }],
      dataFrom: '2026-08-01T00:00:00Z',
      dataTo: '2026-11-16T18:00:00Z',
    },
  },
};

function decisions(groups: { key: string; label: string; values: number[] }[], buckets: string[], grain = 'DAY') {
  const withTotals = groups.map((g) => ({
    __typename: 'CountSeriesGroup',
    ...g,
    total: g.values.reduce((a, b) => a + b, 0),
  }));
  return {
    data: {
      moderationDecisions: {
        __typename: 'CountSeries',
        grain,
        buckets,
        groups: withTotals,
        total: withTotals.reduce((a, g) => a + g.total, 0),
      },
    },
  };
}

const DEFAULT_VARIABLES = {
  range: { from: '2026-11-10T00:00:00Z', to: '2026-11-17T00:00:00Z' },
  grain: 'DAY',
};

function renderOverview(mocks: MockLink.MockedResponse[]) {
  return render(
    <MockedProvider mocks={mocks} mockLinkDefaultOptions={{ delay: 5 }}>
      <Overview />
    </MockedProvider>,
  );
}

describe('Overview', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));
  afterEach(cleanup);

  it('queries the URL slice, shows the empty state, and resets to the defaults', async () => {
    window.history.replaceState(null, '', '/?range=24h&region=EU&group=policy');
    renderOverview([
      { request: { query: DimensionsDocument }, result: dimensionsResult },
      {
        request: {
          query: ModerationDecisionsDocument,
          variables: {
            range: { from: '2026-11-15T18:00:00Z', to: '2026-11-16T18:00:00Z' },
            grain: 'HOUR',
            filter: { regions: ['EU'] },
            groupBy: 'POLICY',
          },
        },
        result: decisions([], ['2026-11-15T18:00:00Z'], 'HOUR'),
      },
      {
        request: { query: ModerationDecisionsDocument, variables: DEFAULT_VARIABLES },
        result: decisions([{ key: 'all', label: 'All', values: [1200, 34] }], ['2026-11-15T00:00:00Z', '2026-11-16T00:00:00Z']),
      },
    ]);

    expect(await screen.findByText('No decisions for these filters')).toBeTruthy();
    // Labels come from the API, not from the client.
    expect(screen.getByRole('button', { name: 'Region: Europe' })).toBeTruthy();

    fireEvent.click(within(screen.getByRole('region', { name: 'Moderation decisions' })).getByRole('button', { name: 'Reset filters' }));
    expect(window.location.search).toBe('');
    expect(await screen.findByTestId('chart')).toBeTruthy();
    expect(screen.getByTestId('decisions-total').textContent).toBe('1,234');
  });

  it('says which query failed and recovers on Retry', async () => {
    renderOverview([
      { request: { query: DimensionsDocument }, error: new Error('Failed to reach the API') },
      { request: { query: DimensionsDocument }, result: dimensionsResult },
      {
        request: { query: ModerationDecisionsDocument, variables: DEFAULT_VARIABLES },
        result: decisions([{ key: 'all', label: 'All', values: [5, 5] }], ['2026-11-15T00:00:00Z', '2026-11-16T00:00:00Z']),
      },
    ]);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the filter options');
    expect(alert.textContent).toContain('Failed to reach the API');
    expect(screen.getByRole('button', { name: 'Region: Unavailable' })).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('chart')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('decisions-total').textContent).toBe('10');
  });

  it('reports GraphQL errors from the decisions query', async () => {
    renderOverview([
      { request: { query: DimensionsDocument }, result: dimensionsResult },
      {
        request: { query: ModerationDecisionsDocument, variables: DEFAULT_VARIABLES },
        result: { errors: [{ message: 'range too long', extensions: { code: 'BAD_USER_INPUT' } }] },
      },
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load moderation decisions');
    expect(alert.textContent).toContain('The server rejected the query: range too long');
  });

  it('drills from a region into its policies', async () => {
    window.history.replaceState(null, '', '/?group=region');
    const buckets = ['2026-11-15T00:00:00Z', '2026-11-16T00:00:00Z'];
    renderOverview([
      { request: { query: DimensionsDocument }, result: dimensionsResult },
      {
        request: { query: ModerationDecisionsDocument, variables: { ...DEFAULT_VARIABLES, groupBy: 'REGION' } },
        result: decisions(
          [
            { key: 'EU', label: 'Europe', values: [3, 4] },
            { key: 'NA', label: 'North America', values: [1, 1] },
          ],
          buckets,
        ),
      },
      {
        request: {
          query: ModerationDecisionsDocument,
          variables: { ...DEFAULT_VARIABLES, filter: { regions: ['EU'] }, groupBy: 'POLICY' },
        },
        result: decisions([{ key: 'hate_speech', label: 'Hate speech', values: [3, 4] }], buckets),
      },
    ]);

    const chart = await screen.findByTestId('chart');
    fireEvent.click(within(chart).getByRole('button', { name: 'Europe' }));
    expect(window.location.search).toBe('?region=EU&group=policy');
    expect(await screen.findByRole('button', { name: 'Hate speech' })).toBeTruthy();
    expect(screen.getByTestId('decisions-total').textContent).toBe('7');
  });
});
