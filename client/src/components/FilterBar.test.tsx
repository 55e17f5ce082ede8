import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DashboardProvider } from '../dashboard/DashboardProvider';
import { catalogueMock, markersMock } from '../testing/apiMocks';
import { FilterBar } from './FilterBar';
import { FilterCrumbs } from './FilterCrumbs';

function renderBar() {
  return render(
    <MockedProvider mocks={[catalogueMock(), markersMock]}>
      <DashboardProvider>
        <FilterBar />
        <FilterCrumbs />
      </DashboardProvider>
    </MockedProvider>,
  );
}

const search = () => decodeURIComponent(window.location.search);
const radio = (group: string, name: string) => within(screen.getByRole('radiogroup', { name: group })).getByRole('radio', { name });

describe('FilterBar ↔ URL', () => {
  beforeEach(() => window.history.replaceState(null, '', '/moderation'));
  afterEach(cleanup);

  it('writes each control to the URL, leaving defaults out', async () => {
    renderBar();
    expect(await screen.findByRole('button', { name: 'Region: All regions' })).toBeTruthy();
    expect(radio('Time range', '28 d').getAttribute('aria-checked')).toBe('true');
    expect(search()).toBe('');

    fireEvent.click(radio('Time range', 'Last week'));
    expect(search()).toBe('?range=lw');
    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'Asia/Tokyo' } });
    fireEvent.click(radio('Grain', 'Day'));
    fireEvent.change(screen.getByLabelText('Compare with'), { target: { value: 'PREVIOUS_WEEK' } });
    fireEvent.change(screen.getByLabelText('Auto-refresh'), { target: { value: '1m' } });
    fireEvent.click(screen.getByRole('button', { name: 'Region: All regions' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Latin America' }));
    expect(search()).toBe('?range=lw&tz=Asia/Tokyo&grain=day&compare=PREVIOUS_WEEK&refresh=1m&region=LATAM');
    expect(window.location.pathname).toBe('/moderation');
  });

  it('takes a custom comparison period, and chains countries to the chosen regions', async () => {
    renderBar();
    expect(await screen.findByRole('button', { name: 'Region: All regions' })).toBeTruthy();
    expect(screen.queryByLabelText('First day compared with')).toBeNull();
    fireEvent.change(screen.getByLabelText('Compare with'), { target: { value: 'CUSTOM' } });
    fireEvent.change(screen.getByLabelText('First day compared with'), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByLabelText('Last day compared with'), { target: { value: '2026-10-28' } });
    expect(search()).toBe('?compare=CUSTOM&cfrom=2026-10-01&cto=2026-10-28');

    fireEvent.click(screen.getByRole('button', { name: 'Country: All countries' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Brazil' }));
    fireEvent.click(screen.getByRole('button', { name: 'Region: All regions' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Europe' }));
    // Brazil lies outside Europe: dropped, and only Europe's countries are offered
    expect(search()).toBe('?compare=CUSTOM&cfrom=2026-10-01&cto=2026-10-28&region=EU');
    // (the country list is still open: a click is not a pointer press outside it)
    const offered = within(screen.getByRole('group', { name: 'Country' })).getAllByRole('checkbox').map((c) => c.closest('label')?.textContent);
    expect(offered).toEqual(['Germany', 'France']);
  });

  it('restores every control from a link', async () => {
    window.history.replaceState(null, '', '/?range=7d&tz=Europe%2FParis&grain=hour&compare=NONE&region=SEA,EU&policy=hate_speech&detection_source=automated');
    renderBar();
    expect(await screen.findByRole('button', { name: 'Region: 2 regions' })).toBeTruthy();
    expect(radio('Time range', '7 d').getAttribute('aria-checked')).toBe('true');
    expect(radio('Grain', 'Hour').getAttribute('aria-checked')).toBe('true');
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).value).toBe('Europe/Paris');
    expect((screen.getByLabelText('Compare with') as HTMLSelectElement).value).toBe('NONE');
    expect(screen.getByRole('button', { name: 'Policy: Hate speech' })).toBeTruthy();
    // Filters set by clicking charts (no dropdown of their own) show in the breadcrumb.
    const crumbs = screen.getByRole('navigation', { name: 'Applied filters' });
    expect(within(crumbs).getByText('Automated detection')).toBeTruthy();
    // Seven Paris days up to the end of the data (Sunday 01:00 in Paris), in whole hours.
    expect(screen.getByTestId('range-text').textContent).toBe('16 Nov 00:00 – 22 Nov 2026 01:00 · Europe/Paris');
  });

  it('turns the dates into an absolute range, and a preset back into a relative one', async () => {
    renderBar();
    await screen.findByRole('button', { name: 'Region: All regions' });
    const first = screen.getByLabelText('First day') as HTMLInputElement;
    // The 28 days up to the end of the data (Saturday 21 Nov included).
    expect(first.value).toBe('2026-10-25');
    expect((screen.getByLabelText('Last day') as HTMLInputElement).value).toBe('2026-11-21');
    fireEvent.change(first, { target: { value: '2026-11-09' } });
    expect(search()).toBe('?from=2026-11-09&to=2026-11-21');
    expect(screen.getByTestId('range-text').textContent).toBe('9 Nov – 21 Nov 2026 · UTC');
    fireEvent.click(radio('Time range', '90 d'));
    expect(search()).toBe('?range=90d');
    // Hourly buckets over 90 days would be refused by the API.
    expect((radio('Grain', 'Hour') as HTMLButtonElement).disabled).toBe(true);
  });

  it('removes filters one by one from the breadcrumb, or all at once', async () => {
    window.history.replaceState(null, '', '/?range=lw&region=LATAM&policy=hate_speech');
    renderBar();
    const crumbs = await screen.findByRole('navigation', { name: 'Applied filters' });
    expect(await within(crumbs).findByText('Latin America')).toBeTruthy();
    fireEvent.click(within(crumbs).getByRole('button', { name: 'Remove filter Policy: Hate speech' }));
    expect(search()).toBe('?range=lw&region=LATAM');
    fireEvent.click(screen.getByRole('button', { name: 'Reset all' }));
    expect(search()).toBe('');
    expect(screen.queryByRole('navigation', { name: 'Applied filters' })).toBeNull();
  });

  it('follows back and forward', async () => {
    renderBar();
    await screen.findByRole('button', { name: 'Region: All regions' });
    act(() => {
      window.history.replaceState(null, '', '/?range=24h');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(radio('Time range', '24 h').getAttribute('aria-checked')).toBe('true');
  });
});

describe('FilterBar folded on a phone', () => {
  beforeEach(() => window.history.replaceState(null, '', '/?range=lw&region=LATAM&policy=hate_speech&policy=spam'));
  afterEach(cleanup);

  it('sums up the view in one line on its toggle, which says whether the bar is open', async () => {
    renderBar();
    await screen.findByRole('button', { name: 'Region: Latin America' });
    const toggle = screen.getByRole('button', { name: /^Filters/ });
    expect(toggle.textContent).toBe('FiltersLast week · Latin America · All countries · 2 policies · All models · All vendors');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: /^Hide filters/ }).getAttribute('aria-expanded')).toBe('true');
  });
});
