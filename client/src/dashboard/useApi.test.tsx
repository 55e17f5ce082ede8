import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SeriesDocument } from '../generated/graphql';
import { asSeriesResponse, countSeries } from '../testing/seriesFixtures';
import { useApi } from './useApi';

let asked = 0;
const answer = asSeriesResponse(countSeries({ buckets: ['2026-11-21T00:00:00Z'], groups: [{ key: 'all', label: 'All', values: [5] }] }));
const mocks = [
  {
    request: {
      query: SeriesDocument,
      variables: () => {
        asked += 1;
        return true;
      },
    },
    result: { data: { series: answer } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
];

const input = { metric: 'decisions', range: { from: '2026-11-21T00:00:00Z', to: '2026-11-22T00:00:00Z' } };

function Probe({ poll }: { poll: number }) {
  const { data } = useApi(SeriesDocument, { input }, poll);
  return <output data-testid="total">{data?.series.total.value ?? '…'}</output>;
}

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('auto-refresh', () => {
  afterEach(() => {
    cleanup();
    setVisibility('visible');
    asked = 0;
  });

  it('asks again every poll interval while the tab is visible', async () => {
    render(
      <MockedProvider mocks={mocks}>
        <Probe poll={40} />
      </MockedProvider>,
    );
    expect(await screen.findByText('5')).toBeTruthy();
    await waitFor(() => expect(asked).toBeGreaterThanOrEqual(3), { timeout: 1000 });
  });

  it('pauses while the tab is hidden, and resumes when it shows again', async () => {
    render(
      <MockedProvider mocks={mocks}>
        <Probe poll={40} />
      </MockedProvider>,
    );
    expect(await screen.findByText('5')).toBeTruthy();
    setVisibility('hidden');
    const before = asked;
    await sleep(250);
    expect(asked).toBe(before);
    setVisibility('visible');
    await waitFor(() => expect(asked).toBeGreaterThan(before), { timeout: 1000 });
  });

  it('never polls when auto-refresh is off', async () => {
    render(
      <MockedProvider mocks={mocks}>
        <Probe poll={0} />
      </MockedProvider>,
    );
    expect(await screen.findByText('5')).toBeTruthy();
    await sleep(150);
    expect(asked).toBe(1);
  });
});
