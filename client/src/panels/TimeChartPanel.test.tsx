import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChartProps } from '../charts/Chart';
import { DashboardProvider } from '../dashboard/DashboardProvider';
import { CatalogueDocument, SeriesDocument, type SeriesQueryVariables } from '../generated/graphql';
import { catalogueMock, markersMock } from '../testing/apiMocks';
import { asSeriesResponse, countSeries } from '../testing/seriesFixtures';
import { TimeChartPanel } from './TimeChartPanel';

// Stands in for the canvas chart: one button per drawn group, so a test can "click" a series.
vi.mock('../charts/Chart', () => ({
  Chart: ({ option, onClick }: ChartProps) => (
    <div data-testid="chart">
      {(option.series as { id: string; name: string }[])
        .filter((s) => !s.id.startsWith('__'))
        .map((s) => (
          <button key={s.id} type="button" onClick={() => onClick?.({ seriesId: s.id, seriesName: s.name, dataIndex: 0, name: undefined })}>
            {s.name}
          </button>
        ))}
    </div>
  ),
}));

const DAYS = ['2026-11-20T00:00:00Z', '2026-11-21T00:00:00Z'];
const requests: SeriesQueryVariables[] = [];

function seriesMock(result: MockLink.MockedResponse['result']): MockLink.MockedResponse {
  return {
    request: {
      query: SeriesDocument,
      variables: (variables) => {
        requests.push(variables as SeriesQueryVariables);
        return true;
      },
    },
    result,
  };
}

const byRegion = asSeriesResponse(
  countSeries({
    buckets: DAYS,
    groups: [
      { key: 'LATAM', label: 'Latin America', values: [1200, 34] },
      { key: 'EU', label: 'Europe', values: [10, 20] },
    ],
  }),
);

function renderPanel(mocks: MockLink.MockedResponse[], props: Partial<Parameters<typeof TimeChartPanel>[0]> = {}) {
  return render(
    <MockedProvider mocks={[markersMock, ...mocks]} mockLinkDefaultOptions={{ delay: 5 }}>
      <DashboardProvider>
        <TimeChartPanel metric="decisions" groupBy="REGION" kind="stacked" {...props} />
      </DashboardProvider>
    </MockedProvider>,
  );
}

describe('a chart panel', () => {
  beforeEach(() => {
    requests.length = 0;
    window.history.replaceState(null, '', '/');
  });
  afterEach(cleanup);

  it('shows a skeleton, then the chart with its total; a click on a group filters by it', async () => {
    // The second answer is for the slice narrowed by the click.
    renderPanel([catalogueMock(), seriesMock({ data: { series: byRegion } }), seriesMock({ data: { series: byRegion } })]);
    expect(screen.getByRole('status').textContent).toContain('Loading');
    expect(await screen.findByTestId('chart')).toBeTruthy();
    expect(screen.getByTestId('total-decisions').textContent).toBe('1,264');
    // The request: the default 28 days up to the end of the data, grain left to the server.
    expect(requests[0]?.input).toMatchObject({
      metric: 'decisions',
      range: { from: '2026-10-25T00:00:00Z', to: '2026-11-22T00:00:00Z' },
      grain: null,
      timeZone: 'UTC',
      groupBy: 'REGION',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Latin America' }));
    expect(window.location.search).toBe('?region=LATAM');
    await waitFor(() => expect(requests[1]?.input.filters).toEqual([{ dimension: 'REGION', values: ['LATAM'] }]));
  });

  it('while the answer for a new slice loads, keeps the old chart marked busy (dimmed by the stylesheet), then clears it', async () => {
    renderPanel([catalogueMock(), seriesMock({ data: { series: byRegion } }), { ...seriesMock({ data: { series: byRegion } }), delay: 300 }]);
    const chart = await screen.findByTestId('chart');
    const panel = chart.closest('section')!;
    expect(panel.getAttribute('aria-busy')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Latin America' }));
    await waitFor(() => expect(panel.getAttribute('aria-busy')).toBe('true'));
    expect(screen.getByTestId('chart')).toBeTruthy();
    await waitFor(() => expect(panel.getAttribute('aria-busy')).toBe('false'));
  });

  it('says why it is empty and offers a one-click reset', async () => {
    window.history.replaceState(null, '', '/?region=EU&policy=hate_speech');
    const empty = asSeriesResponse(countSeries({ buckets: DAYS, groups: [] }));
    renderPanel([catalogueMock(), seriesMock({ data: { series: empty } }), seriesMock({ data: { series: byRegion } })]);
    expect(await screen.findByText('No decisions for these filters')).toBeTruthy();
    expect(screen.getByText('Nothing matches Region: Europe · Policy: Hate speech in this time range.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(window.location.search).toBe('');
    expect(await screen.findByTestId('chart')).toBeTruthy();
  });

  it('says what failed, in the server’s words, with a retry', async () => {
    const refused = new GraphQLError('input.range: the range is longer than 1,100 days.', { extensions: { code: 'BAD_USER_INPUT' } });
    renderPanel([catalogueMock(), seriesMock({ errors: [refused] }), seriesMock({ data: { series: byRegion } })]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load decisions');
    expect(alert.textContent).toContain('The server rejected the query: input.range: the range is longer than 1,100 days.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('chart')).toBeTruthy();
  });

  it('leaves out a filter the metric cannot take, and says so', async () => {
    window.history.replaceState(null, '', '/?vendor=tessera');
    renderPanel([catalogueMock(), seriesMock({ data: { series: byRegion } })]);
    expect(await screen.findByTestId('chart')).toBeTruthy();
    expect(requests[0]?.input.filters).toBeUndefined();
    expect(screen.getByText('Follows no filter; ignores vendor (Decisions is not kept by vendor).')).toBeTruthy();
  });

  it('says when the metric catalogue cannot be loaded, with a retry', async () => {
    renderPanel([{ request: { query: CatalogueDocument }, error: new TypeError('Failed to fetch') }]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the metric catalogue');
    expect(alert.textContent).toContain('The server could not be reached (Failed to fetch).');
  });
});
