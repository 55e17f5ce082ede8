import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CountSeries } from '../charts/options';
import type { ChartProps } from '../charts/Chart';
import { resolveRange } from '../time/range';
import { DecisionsPanel, type DecisionsPanelProps } from './DecisionsPanel';

// jsdom has no canvas; the chart's own behaviour is covered by the option-building tests.
vi.mock('../charts/Chart', () => ({
  Chart: ({ option, label }: ChartProps) => (
    <div data-testid="chart" aria-label={label} data-series={(option.series as unknown[]).length} />
  ),
}));

const series: CountSeries = {
  grain: 'DAY',
  buckets: ['2026-11-15T00:00:00Z', '2026-11-16T00:00:00Z'],
  groups: [{ key: 'all', label: 'All', values: [600_000, 634_567], total: 1_234_567 }],
  total: 1_234_567,
};

const emptySeries: CountSeries = { ...series, groups: [{ key: 'all', label: 'All', values: [0, 0], total: 0 }], total: 0 };

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
    resolved: resolveRange('7d', 'auto', '2026-11-16T18:00:00Z'),
    groupLabel: undefined,
    onGroupClick: undefined,
    ...overrides,
  };
  render(<DecisionsPanel {...props} />);
  return props;
}

describe('DecisionsPanel', () => {
  afterEach(cleanup);

  it('shows a skeleton, not a blank panel, while loading', () => {
    renderPanel({ loading: true });
    expect(screen.getByRole('status').textContent).toContain('Loading moderation decisions');
    expect(screen.queryByTestId('chart')).toBeNull();
    expect(screen.getByTestId('decisions-total').textContent).toBe('–');
  });

  it('shows the chart and the total with thousands separators', async () => {
    renderPanel({ series });
    expect((await screen.findByTestId('chart')).getAttribute('data-series')).toBe('1');
    expect(screen.getByTestId('decisions-total').textContent).toBe('1,234,567');
    expect(screen.getByText(/10 Nov – 16 Nov 2026/)).toBeTruthy();
    expect(screen.getByText(/The last day is incomplete: data runs until 16 Nov 2026 18:00 UTC/)).toBeTruthy();
  });

  it('says when no decisions match and offers a reset', () => {
    const props = renderPanel({ series: emptySeries });
    expect(screen.getByText('No decisions for these filters')).toBeTruthy();
    expect(screen.queryByTestId('chart')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reset filters' }));
    expect(props.onReset).toHaveBeenCalledTimes(1);
  });

  it('says what failed and retries on demand', () => {
    const props = renderPanel({ series, error: new Error('socket hang up') });
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
    const props = renderPanel({ error: new Error('filter.regions: unknown value "XX"'), resetOnError: true });
    fireEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Reset filters' }));
    expect(props.onReset).toHaveBeenCalledTimes(1);
  });

  it('tells an empty database apart from an empty filter', () => {
    renderPanel({ noData: true, resolved: undefined });
    expect(screen.getByText('No moderation decisions yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Reset filters' })).toBeNull();
  });

  it('keeps the previous chart visible while new filters load', async () => {
    renderPanel({ series, loading: true });
    expect(await screen.findByTestId('chart')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Moderation decisions' }).getAttribute('aria-busy')).toBe('true');
  });
});
