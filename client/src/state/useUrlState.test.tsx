import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filterCodec } from './filterState';
import { useUrlState } from './useUrlState';

function Probe() {
  const [state, setState] = useUrlState(filterCodec);
  return (
    <div>
      <output data-testid="range">{state.range}</output>
      <output data-testid="regions">{state.region.join('|')}</output>
      <button onClick={() => setState((s) => ({ ...s, range: '90d' }))}>90d</button>
      <button onClick={() => setState((s) => ({ ...s, range: '28d' }))}>28d</button>
    </div>
  );
}

describe('useUrlState', () => {
  beforeEach(() => window.history.replaceState(null, '', '/moderation?region=EU&utm=x#review_sla'));
  afterEach(cleanup);

  it('reads the state from the current URL', () => {
    render(<Probe />);
    expect(screen.getByTestId('range').textContent).toBe('28d');
    expect(screen.getByTestId('regions').textContent).toBe('EU');
  });

  it('pushes a history entry per change, omits defaults and keeps the path and hash', () => {
    render(<Probe />);
    const before = window.history.length;
    fireEvent.click(screen.getByRole('button', { name: '90d' }));
    expect(window.location.pathname).toBe('/moderation');
    expect(window.location.search).toBe('?range=90d&region=EU');
    expect(window.location.hash).toBe('#review_sla');
    expect(window.history.length).toBe(before + 1);
    expect(screen.getByTestId('range').textContent).toBe('90d');

    fireEvent.click(screen.getByRole('button', { name: '28d' }));
    expect(window.location.search).toBe('?region=EU');
  });

  it('does not push when nothing changes', () => {
    window.history.replaceState(null, '', '/?region=EU');
    render(<Probe />);
    const before = window.history.length;
    fireEvent.click(screen.getByRole('button', { name: '28d' }));
    expect(window.history.length).toBe(before);
  });

  it('follows back/forward navigation', () => {
    render(<Probe />);
    act(() => {
      // What the browser does on "back": the URL changes, then popstate fires.
      window.history.replaceState(null, '', '/?range=24h&region=NA,SEA');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByTestId('range').textContent).toBe('24h');
    expect(screen.getByTestId('regions').textContent).toBe('NA|SEA');
  });
});
