import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GroupChoice } from '../catalogue';
import type { Grain } from '../generated/graphql';
import { DEFAULT_FILTERS, type FilterState } from '../state/filterState';
import { FilterBar } from './FilterBar';

const regions = [
  { code: 'EU', label: 'Europe' },
  { code: 'NA', label: 'North America' },
  { code: 'SEA', label: 'Southeast Asia' },
];
const policies = [{ code: 'hate_speech', label: 'Hate speech' }];
const groups: GroupChoice[] = [
  { id: 'none', label: 'None' },
  { id: 'region', label: 'Region' },
  { id: 'detection_source', label: 'Detection source' },
];

/** autoGrain: what the server chose for auto; null before it has answered. */
function renderBar(value: FilterState, autoGrain: Grain | null = 'DAY') {
  const onChange = vi.fn<(next: FilterState) => void>();
  render(
    <FilterBar
      value={value}
      onChange={onChange}
      regions={regions}
      policies={policies}
      groups={groups}
      choicesStatus="ready"
      autoGrain={autoGrain ?? undefined}
    />,
  );
  return onChange;
}

describe('FilterBar', () => {
  afterEach(cleanup);

  it('changes the time range and shows what the server chose for auto', () => {
    const onChange = renderBar(DEFAULT_FILTERS);
    const range = screen.getByRole('radiogroup', { name: 'Time range' });
    expect(within(range).getByRole('radio', { name: '7 d' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(within(range).getByRole('radio', { name: '90 d' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_FILTERS, range: '90d' });
    expect(screen.getByRole('radio', { name: 'Auto (day)' })).toBeTruthy();
  });

  it('says plain "Auto" until the server has answered', () => {
    renderBar(DEFAULT_FILTERS, null);
    expect(screen.getByRole('radio', { name: 'Auto' }).getAttribute('aria-checked')).toBe('true');
  });

  it('disables hourly buckets for long ranges and leaves them when the range grows', () => {
    const onChange = renderBar({ ...DEFAULT_FILTERS, range: '28d', grain: 'hour' });
    expect((screen.getByRole('radio', { name: 'Hour' }) as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByRole('radio', { name: '90 d' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_FILTERS, range: '90d', grain: 'auto' });
    cleanup();
    renderBar({ ...DEFAULT_FILTERS, range: '90d' });
    expect((screen.getByRole('radio', { name: 'Hour' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('selects several regions in the order the API lists them', () => {
    const onChange = renderBar({ ...DEFAULT_FILTERS, regions: ['SEA'] });
    fireEvent.click(screen.getByRole('button', { name: 'Region: Southeast Asia' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Europe' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_FILTERS, regions: ['EU', 'SEA'] });
    fireEvent.click(screen.getByRole('button', { name: 'All regions' }));
    expect(onChange).toHaveBeenLastCalledWith(DEFAULT_FILTERS);
  });

  it('groups by one of the dimensions it is given', () => {
    const onChange = renderBar(DEFAULT_FILTERS);
    const select = screen.getByLabelText('Group by');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['None', 'Region', 'Detection source']);
    fireEvent.change(select, { target: { value: 'detection_source' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_FILTERS, group: 'detection_source' });
  });

  it('offers a reset only when something differs from the defaults', () => {
    renderBar(DEFAULT_FILTERS);
    expect((screen.getByRole('button', { name: 'Reset filters' }) as HTMLButtonElement).disabled).toBe(true);
    cleanup();
    const onChange = renderBar({ ...DEFAULT_FILTERS, policies: ['hate_speech'] });
    fireEvent.click(screen.getByRole('button', { name: 'Reset filters' }));
    expect(onChange).toHaveBeenLastCalledWith(DEFAULT_FILTERS);
  });
});
