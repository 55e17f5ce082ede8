import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DateField, isCalendarDay } from './DateField';

function setup(value = '2026-11-09') {
  const applied: string[] = [];
  render(
    <>
      <label htmlFor="d">First day</label>
      <DateField id="d" value={value} min="2026-09-01" max="2026-11-30" onChange={(day) => applied.push(day)} />
    </>,
  );
  return { input: screen.getByLabelText('First day') as HTMLInputElement, applied };
}

describe('DateField: a day in one text field', () => {
  afterEach(cleanup);

  it('is a single text field (one tab stop), not a segmented date input', () => {
    const { input } = setup();
    expect(input.type).toBe('text');
    expect(input.value).toBe('2026-11-09');
  });

  it('applies a complete valid day at once, and nothing while it is being typed', () => {
    const { input, applied } = setup();
    fireEvent.change(input, { target: { value: '2026-10-1' } });
    expect(applied).toEqual([]);
    fireEvent.change(input, { target: { value: '2026-10-15' } });
    expect(applied).toEqual(['2026-10-15']);
  });

  it('refuses days that do not exist or lie outside the data, marks them, and restores on leaving', () => {
    const { input, applied } = setup();
    fireEvent.change(input, { target: { value: '2026-02-30' } });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: '2026-12-05' } }); // after max
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(applied).toEqual([]);
    fireEvent.blur(input);
    expect(input.value).toBe('2026-11-09');
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('knows the calendar', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true); // leap year
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay('26-11-01')).toBe(false);
  });
});
