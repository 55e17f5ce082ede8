import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SegmentedControl } from './SegmentedControl';

const OPTIONS = [
  { value: 'a', label: 'Alpha' },
  { value: 'b', label: 'Beta', disabled: true },
  { value: 'c', label: 'Gamma' },
  { value: 'd', label: 'Delta' },
] as const;

function Harness({ start }: { start: string }) {
  const [value, setValue] = useState(start);
  return <SegmentedControl label="Letter" value={value} options={OPTIONS} onChange={setValue} />;
}

const radio = (name: string) => screen.getByRole('radio', { name });
const checked = () => screen.getAllByRole('radio').filter((r) => r.getAttribute('aria-checked') === 'true').map((r) => r.textContent);
const tabStops = () => screen.getAllByRole('radio').filter((r) => r.tabIndex === 0).map((r) => r.textContent);

describe('SegmentedControl: a radio group driven by the keyboard', () => {
  afterEach(cleanup);

  it('is one tab stop, on the checked option', () => {
    render(<Harness start="c" />);
    expect(tabStops()).toEqual(['Gamma']);
  });

  it('arrow keys choose the next enabled option, skip disabled ones, wrap, and move focus along', () => {
    render(<Harness start="a" />);
    radio('Alpha').focus();
    fireEvent.keyDown(radio('Alpha'), { key: 'ArrowRight' });
    expect(checked()).toEqual(['Gamma']); // Beta is disabled
    expect(document.activeElement).toBe(radio('Gamma'));
    fireEvent.keyDown(radio('Gamma'), { key: 'ArrowDown' });
    expect(checked()).toEqual(['Delta']);
    fireEvent.keyDown(radio('Delta'), { key: 'ArrowRight' });
    expect(checked()).toEqual(['Alpha']); // wraps
    fireEvent.keyDown(radio('Alpha'), { key: 'ArrowLeft' });
    expect(checked()).toEqual(['Delta']);
    fireEvent.keyDown(radio('Delta'), { key: 'Home' });
    expect(checked()).toEqual(['Alpha']);
    fireEvent.keyDown(radio('Alpha'), { key: 'End' });
    expect(checked()).toEqual(['Delta']);
    expect(tabStops()).toEqual(['Delta']);
  });

  it('with nothing checked, the first enabled option is the tab stop', () => {
    render(<Harness start="none" />);
    expect(checked()).toEqual([]);
    expect(tabStops()).toEqual(['Alpha']);
  });
});
