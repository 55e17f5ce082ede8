import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChartProps } from '../charts/Chart';
import { CatalogueDocument, SeriesDocument, type Grain, type SeriesInput } from '../generated/graphql';
import { asSeriesResponse, countSeries, type GroupSpec } from '../testing/seriesFixtures';
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

const value = (code: string, label: string) => ({ __typename: 'DimensionValue', code, label });

function catalogueResult(metrics = [decisionsMetric]) {
  return {
    data: {
      catalogue: {
        __typename: 'Catalogue',
        metrics,
        dimensions: [
          { __typename: 'DimensionInfo', id: 'REGION', label: 'Region', values: [value('EU', 'Europe'), value('NA', 'North America')] },
          { __typename: 'DimensionInfo', id: 'POLICY', label: 'Policy', values: [value('hate_speech', 'Hate speech')] },
          { __typename: 'DimensionInfo', id: 'DETECTION_SOURCE', label: 'Detection source', values: [] },
          { __typename: 'DimensionInfo', id: 'VENDOR', label: 'Vendor', values: [] },
        ],
        dataFrom: '2026-08-01T00:00:00Z',
        // Monday 16 Nov 2026, 18:00 UTC: the exclusive end of the data.
        dataTo: '2026-11-16T18:00:00Z',
        timeZones: ['UTC', 'Europe/Paris'],
      },
    },
  };
}

const decisionsMetric = {
  __typename: 'Metric',
  id: 'decisions',
  label: 'Decisions',
  definition: 'Moderation decisions taken, whatever their outcome.',
  unit: 'COUNT',
  kind: 'COUNT',
  goodDirection: 'NEUTRAL',
  numeratorLabel: null,
  denominatorLabel: null,
  // Not VENDOR: group choices must come from here, not from every dimension.
  dimensions: ['REGION', 'POLICY', 'DETECTION_SOURCE'],
  minGrain: 'HOUR',
  target: null,
};

function seriesResult(groups: GroupSpec[], buckets: string[], grain: Grain = 'DAY') {
  return { data: { series: asSeriesResponse(countSeries({ grain, buckets, groups })) } };
}

function seriesMock(input: Partial<SeriesInput>, result: object): MockLink.MockedResponse {
  return { request: { query: SeriesDocument, variables: { input: { ...DEFAULT_INPUT, ...input } } }, result };
}

// "Last 7 days" on auto: from midnight seven days back to the end of the data, grain left to the server.
const DEFAULT_INPUT = {
  metric: 'decisions',
  range: { from: '2026-11-10T00:00:00Z', to: '2026-11-16T18:00:00Z' },
  grain: null,
};
const HOURS = ['2026-11-16T16:00:00Z', '2026-11-16T17:00:00Z'];
const DAYS = ['2026-11-15T00:00:00Z', '2026-11-16T00:00:00Z'];

function renderOverview(mocks: MockLink.MockedResponse[]) {
  return render(
    <MockedProvider mocks={mocks} mockLinkDefaultOptions={{ delay: 5 }}>
      <Overview />
    </MockedProvider>,
  );
}

const catalogueMock = { request: { query: CatalogueDocument }, result: catalogueResult() };
const panel = () => screen.getByRole('region', { name: 'Moderation decisions' });

describe('Overview', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));
  afterEach(cleanup);

  it('queries the URL slice, shows the empty state, and resets to the defaults', async () => {
    window.history.replaceState(null, '', '/?range=24h&region=EU&group=policy');
    renderOverview([
      catalogueMock,
      seriesMock(
        {
          range: { from: '2026-11-15T18:00:00Z', to: '2026-11-16T18:00:00Z' },
          filters: [{ dimension: 'REGION', values: ['EU'] }],
          groupBy: 'POLICY',
        },
        seriesResult([], HOURS, 'HOUR'),
      ),
      seriesMock({}, seriesResult([{ key: 'all', label: 'All', values: [1200, 34] }], HOURS, 'HOUR')),
    ]);

    expect(await screen.findByText('No decisions for these filters')).toBeTruthy();
    // Labels come from the API, not from the client.
    expect(screen.getByRole('button', { name: 'Region: Europe' })).toBeTruthy();

    fireEvent.click(within(panel()).getByRole('button', { name: 'Reset filters' }));
    expect(window.location.search).toBe('');
    expect(await screen.findByTestId('chart')).toBeTruthy();
    expect(screen.getByTestId('decisions-total').textContent).toBe('1,234');
    // The grain the server chose for "auto" is shown, on the picker and in the panel.
    expect(screen.getByRole('radio', { name: 'Auto (hour)' }).getAttribute('aria-checked')).toBe('true');
    expect(panel().querySelector('.panel-subtitle')?.textContent).toBe('16 Nov 16:00 – 16 Nov 2026 18:00 · Hourly · UTC');
  });

  it('sends a chosen grain with a range aligned to it', async () => {
    window.history.replaceState(null, '', '/?grain=day');
    renderOverview([
      catalogueMock,
      seriesMock(
        { range: { from: '2026-11-10T00:00:00Z', to: '2026-11-17T00:00:00Z' }, grain: 'DAY' },
        seriesResult([{ key: 'all', label: 'All', values: [400, 600] }], DAYS),
      ),
    ]);
    expect(await screen.findByTestId('chart')).toBeTruthy();
    expect(screen.getByTestId('decisions-total').textContent).toBe('1,000');
    expect(screen.getByText('The last day is incomplete: data runs until 16 Nov 2026 18:00 UTC.')).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Auto' }).getAttribute('aria-checked')).toBe('false');
  });

  it('says which query failed and recovers on Retry', async () => {
    renderOverview([
      { request: { query: CatalogueDocument }, error: new Error('Failed to reach the API') },
      catalogueMock,
      seriesMock({}, seriesResult([{ key: 'all', label: 'All', values: [5, 5] }], HOURS, 'HOUR')),
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

  it('says so when the catalogue has no decisions metric', async () => {
    renderOverview([{ request: { query: CatalogueDocument }, result: catalogueResult([]) }]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load moderation decisions');
    expect(alert.textContent).toContain('The server\'s catalogue has no "decisions" metric.');
  });

  it('reports GraphQL errors from the series query', async () => {
    renderOverview([
      catalogueMock,
      seriesMock({}, { errors: [{ message: 'range too long', extensions: { code: 'BAD_USER_INPUT' } }] }),
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load moderation decisions');
    expect(alert.textContent).toContain('The server rejected the query: range too long');
  });

  it("offers the metric's dimensions to group by, labelled by the catalogue", async () => {
    renderOverview([
      catalogueMock,
      seriesMock({}, seriesResult([{ key: 'all', label: 'All', values: [1, 2] }], HOURS, 'HOUR')),
      seriesMock(
        { groupBy: 'DETECTION_SOURCE' },
        seriesResult(
          [
            { key: 'classifier', label: 'Classifier', values: [10, 20] },
            { key: 'user_report', label: 'User report', values: [3, 4] },
          ],
          HOURS,
          'HOUR',
        ),
      ),
    ]);
    expect(await screen.findByTestId('chart')).toBeTruthy();
    const select = screen.getByLabelText('Group by');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'None',
      'Region',
      'Policy',
      'Detection source',
    ]);
    fireEvent.change(select, { target: { value: 'detection_source' } });
    expect(window.location.search).toBe('?group=detection_source');
    expect(await screen.findByRole('button', { name: 'User report' })).toBeTruthy();
    expect(screen.getByTestId('decisions-total').textContent).toBe('37');
    // Only region and policy groups drill.
    expect(screen.queryByText(/to drill into it/)).toBeNull();
  });

  it('drills from a region into its policies, but not from "Other"', async () => {
    window.history.replaceState(null, '', '/?group=region');
    renderOverview([
      catalogueMock,
      seriesMock(
        { groupBy: 'REGION' },
        seriesResult(
          [
            { key: 'EU', label: 'Europe', values: [3, 4] },
            { key: '__other__', label: 'Other', values: [1, 1], isOther: true },
          ],
          DAYS,
        ),
      ),
      seriesMock(
        { filters: [{ dimension: 'REGION', values: ['EU'] }], groupBy: 'POLICY' },
        seriesResult([{ key: 'hate_speech', label: 'Hate speech', values: [3, 4] }], DAYS),
      ),
    ]);

    const chart = await screen.findByTestId('chart');
    fireEvent.click(within(chart).getByRole('button', { name: 'Other' }));
    expect(window.location.search).toBe('?group=region');
    fireEvent.click(within(chart).getByRole('button', { name: 'Europe' }));
    expect(window.location.search).toBe('?region=EU&group=policy');
    expect(await screen.findByRole('button', { name: 'Hate speech' })).toBeTruthy();
    expect(screen.getByTestId('decisions-total').textContent).toBe('7');
  });
});
