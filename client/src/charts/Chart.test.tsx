import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// jsdom cannot draw on a canvas, so ECharts is replaced by a recording fake: these tests
// check the wrapper's lifecycle (init once, update, theme, events, dispose), not the drawing.
const fake = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown) => void>();
  const instance = {
    on: vi.fn((name: string, handler: (event: unknown) => void) => handlers.set(name, handler)),
    setOption: vi.fn(),
    setTheme: vi.fn(),
    resize: vi.fn(),
    dispose: vi.fn(),
    getOption: vi.fn(() => ({ series: [{ id: 'EU' }, { id: 'NA' }] })),
  };
  return { handlers, instance, init: vi.fn((_el: HTMLElement, _theme: string) => instance) };
});

vi.mock('echarts/core', () => ({ init: fake.init, use: vi.fn(), registerTheme: vi.fn() }));

const { Chart } = await import('./Chart');

const optionA = { series: [{ type: 'line', id: 'EU', data: [1] }] };
const optionB = { series: [{ type: 'line', id: 'NA', data: [2] }] };

describe('Chart', () => {
  beforeEach(() => {
    fake.handlers.clear();
    vi.clearAllMocks();
  });
  afterEach(cleanup);

  it('initialises once, then replaces the series and merges the rest on change', () => {
    const { rerender } = render(<Chart option={optionA} label="test chart" />);
    expect(fake.init).toHaveBeenCalledTimes(1);
    expect(fake.init.mock.calls[0]?.[1]).toBe('vigil-light-12');
    expect(fake.instance.setOption).toHaveBeenLastCalledWith(optionA, { replaceMerge: ['series'] });

    rerender(<Chart option={optionB} label="test chart" />);
    expect(fake.init).toHaveBeenCalledTimes(1);
    expect(fake.instance.setOption).toHaveBeenLastCalledWith(optionB, { replaceMerge: ['series'] });

    rerender(<Chart option={optionB} label="test chart" />);
    expect(fake.instance.setOption).toHaveBeenCalledTimes(2);
  });

  it('marks the container rendered when ECharts finishes, and unmarks it on a new option', () => {
    const { rerender } = render(<Chart option={optionA} label="test chart" />);
    const el = screen.getByTestId('chart');
    expect(el.getAttribute('data-rendered')).toBe('false');
    act(() => fake.handlers.get('finished')?.({}));
    expect(el.getAttribute('data-rendered')).toBe('true');
    rerender(<Chart option={optionB} label="test chart" />);
    expect(el.getAttribute('data-rendered')).toBe('false');
  });

  it('reports clicks with the series id, also for clicks on a line or area', () => {
    const onClick = vi.fn();
    render(<Chart option={optionA} label="test chart" onClick={onClick} />);
    const click = fake.handlers.get('click');
    act(() => click?.({ seriesId: 'EU', seriesName: 'Europe', dataIndex: 3 }));
    expect(onClick).toHaveBeenLastCalledWith({ seriesId: 'EU', seriesName: 'Europe', dataIndex: 3, name: undefined });
    act(() => click?.({ seriesIndex: 1, seriesName: 'North America' }));
    expect(onClick).toHaveBeenLastCalledWith({ seriesId: 'NA', seriesName: 'North America', dataIndex: undefined, name: undefined });
    // Heatmap cells and bars report their keys as the item name.
    act(() => click?.({ seriesId: 'cells', dataIndex: 0, name: 'LATAM|misinformation' }));
    expect(onClick).toHaveBeenLastCalledWith({ seriesId: 'cells', seriesName: undefined, dataIndex: 0, name: 'LATAM|misinformation' });
  });

  it('disposes the instance on unmount', () => {
    const { unmount } = render(<Chart option={optionA} label="test chart" />);
    unmount();
    expect(fake.instance.dispose).toHaveBeenCalledTimes(1);
  });

  it('follows the system colour scheme without re-creating the chart', () => {
    let dark = false;
    const listeners = new Set<() => void>();
    vi.stubGlobal('matchMedia', (query: string) => ({
      get matches() {
        return query === '(prefers-color-scheme: dark)' && dark;
      },
      addEventListener: (_: string, listener: () => void) => listeners.add(listener),
      removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
    }));
    try {
      render(<Chart option={optionA} label="test chart" />);
      expect(fake.init.mock.calls[0]?.[1]).toBe('vigil-light-12');
      act(() => {
        dark = true;
        for (const listener of listeners) listener();
      });
      expect(fake.instance.setTheme).toHaveBeenLastCalledWith('vigil-dark-12');
      expect(fake.init).toHaveBeenCalledTimes(1);
    } finally {
      cleanup();
      vi.unstubAllGlobals();
    }
  });

  it('is described for assistive technology', () => {
    render(<Chart option={optionA} label="Decisions by region" />);
    expect(screen.getByRole('img', { name: 'Decisions by region' })).toBeTruthy();
  });
});
