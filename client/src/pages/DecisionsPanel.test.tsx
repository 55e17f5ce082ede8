import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChartProps } from '../charts/Chart';
import { countSeries } from '../testing/seriesFixtures';
import { resolveRange } from '../time/range';
import { DecisionsPanel, type DecisionsPanelProps } from './DecisionsPanel';

// jsdom has no canvas; the chart's own behaviour is covered by the option-building tests.
// This stand-in shows one button per series, so a test can "click" a group.
vi.mock('../charts/Chart', () => ({
  Chart: ({ option, label, onClick }: ChartProps) => (
    <div data-testid="chart" aria-label={label} data-series={(option.series as unknown[]).length}>
      {(option.series as { id: string; name: string }[]).map((s) => (
        <button key={s.id} type="button" onClick={() => onClick?.({ seriesId: s.id, seriesName: s.name, dataIndex: 0 })}>
          {s.name}
        </button>
      ))}
    </div>
  ),
}));

// The data ends (exclusive) at 18:00 on Monday 16 Nov 2026.
const DATA_TO = '2026-11-16T18:00:00Z';
const DAYS = ['10', '11', '12', '13', '14', '15', '16'].map((d) => `2026-11-${d}T00:00:00Z`);

const daily = countSeries({
  buckets: DAYS,
  groups: [{ key: 'all', label: 'All', values: [100_000, 200_000, 150_000, 180_000, 190_000, 214_567, 200_000] }],
});

const byRegion = countSeries({
  buckets: DAYS.slice(-2),
  groups: [
    { key: 'EU', label: 'Europe', values: [30, 40] },
    { key: '__other__', label: 'Other', values: [5, 6], isOther: true },
  ],
});

const emptySeries = countSeries({ buckets: DAYS, groups: [{ key: 'all', label: 'All', values: DAYS.map(() => 0) }] });

function renderPanel(overrides: Partial<DecisionsPanelProps>) {
  const props: DecisionsPanelProps = {
    series: undefined,
    loading: false,
    error: undefined,
    errorWhat: 'moderation decisions',
    onRetry: vi.fn(),
    onReset: vi.fn(),
    resetOnError: false,
    noData: false,
    requested: resolveRange('7d', 'day', DATA_TO),
    groupLabel: undefined,
    onGroupClick: undefined,
    ...overrides,
  };
  render(<DecisionsPanel {...props} />);
  return props;
}

const subtitle = () => screen.getByRole('region', { name: 'Moderation decisions' }).querySelector('.panel-subtitle')?.textContent;

describe('DecisionsPanel', () => {
  afterEach(cleanup);

  it('shows a skeleton, not a blank panel, while loading', () => {
    renderPanel({ loading: true });
    expect(screen.getByRole('status').textContent).toContain('Loading moderation decisions');
    expect(screen.queryByTestId('chart')).toBeNull();
    expect(screen.getByTestId('decisions-total').textContent).toBe('–');
  });

  it('shows the chart, the total with thousands separators, and the incomplete last day', async () => {
    renderPanel({ series: daily });
    expect((await screen.findByTestId('chart')).getAttribute('data-series')).toBe('1');
    expect(screen.getByTestId('decisions-total').textContent).toBe('1,234,567');
    expect(subtitle()).toBe('10 Nov – 16 Nov 2026 · Daily · UTC');
    expect(screen.getByText('The last day is incomplete: data runs until 16 Nov 2026 18:00 UTC.')).toBeTruthy();
  });

  it('describes the grain the server chose, and no incomplete hour when the data ends on one', async () => {
    const hourly = countSeries({
      grain: 'HOUR',
      buckets: ['2026-11-16T16:00:00Z', '2026-11-16T17:00:00Z'],
      groups: [{ key: 'all', label: 'All', values: [1200, 1300] }],
    });
    renderPanel({ series: hourly, requested: resolveRange('24h', 'auto', DATA_TO) });
    expect(await screen.findByTestId('chart')).toBeTruthy();
    expect(subtitle()).toBe('16 Nov 16:00 – 16 Nov 2026 18:00 · Hourly · UTC');
    expect(screen.queryByText(/incomplete/)).toBeNull();
    expect(screen.getByTestId('decisions-total').textContent).toBe('2,500');
  });

  it('describes the request while an automatic grain is not known yet', () => {
    renderPanel({ loading: true, requested: resolveRange('7d', 'auto', DATA_TO), groupLabel: 'Policy' });
    expect(subtitle()).toBe('10 Nov 00:00 – 16 Nov 2026 18:00 · Automatic grain · UTC · by Policy');
  });

  it('says when the first bucket reaches back before the range', async () => {
    const weekly = countSeries({
      grain: 'WEEK',
      buckets: ['2026-11-02T00:00:00Z', '2026-11-09T00:00:00Z', '2026-11-16T00:00:00Z'],
      groups: [{ key: 'all', label: 'All', values: [10, 20, 30] }],
      range: { from: '2026-11-04T00:00:00Z', to: DATA_TO },
    });
    renderPanel({ series: weekly });
    expect(await screen.findByTestId('chart')).toBeTruthy();
    expect(screen.getByText('The first week is incomplete: the range starts at 4 Nov 2026 00:00 UTC.')).toBeTruthy();
    expect(screen.getByText('The last week is incomplete: data runs until 16 Nov 2026 18:00 UTC.')).toBeTruthy();
  });

  it('drills into a group but not into "Other"', async () => {
    const props = renderPanel({ series: byRegion, groupLabel: 'Region', onGroupClick: vi.fn() });
    const chart = await screen.findByTestId('chart');
    expect(screen.getByText('Click a region in the chart to drill into it.')).toBeTruthy();
    fireEvent.click(within(chart).getByRole('button', { name: 'Other' }));
    expect(props.onGroupClick).not.toHaveBeenCalled();
    fireEvent.click(within(chart).getByRole('button', { name: 'Europe' }));
    expect(props.onGroupClick).toHaveBeenCalledExactlyOnceWith('EU');
    expect(chart.getAttribute('aria-label')).toBe('Moderation decisions over time by region; total 81');
  });

  it('says when no decisions match and offers a reset', () => {
    const props = renderPanel({ series: emptySeries });
    expect(screen.getByText('No decisions for these filters')).toBeTruthy();
    expect(screen.queryByTestId('chart')).toBeNull();
    expect(screen.getByTestId('decisions-total').textContent).toBe('0');
    fireEvent.click(screen.getByRole('button', { name: 'Reset filters' }));
    expect(props.onReset).toHaveBeenCalledTimes(1);
  });

  it('says what failed and retries on demand', () => {
    const props = renderPanel({ series: daily, error: new Error('socket hang up') });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Could not load moderation decisions');
    expect(alert.textContent).toContain('socket hang up');
    expect(screen.queryByTestId('chart')).toBeNull();
    expect(screen.getByTestId('decisions-total').textContent).toBe('–');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(props.onRetry).toHaveBeenCalledTimes(1);
    expect(within(alert).queryByRole('button', { name: 'Reset filters' })).toBeNull();
  });

  it('offers a reset when the filters may be what the server rejected', () => {
    const props = renderPanel({ error: new Error('input.filters[0].values: unknown region "XX"'), resetOnError: true });
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Reset filters' }));
    expect(props.onReset).toHaveBeenCalledTimes(1);
  });

  it('tells an empty database apart from an empty filter', () => {
    renderPanel({ noData: true, requested: undefined });
    expect(screen.getByText('No moderation decisions yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Reset filters' })).toBeNull();
  });

  it('keeps the previous chart visible while new filters load', async () => {
    renderPanel({ series: daily, loading: true });
    expect(await screen.findByTestId('chart')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Moderation decisions' }).getAttribute('aria-busy')).toBe('true');
  });
});
