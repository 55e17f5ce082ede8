// The default period and the reading of spreadsheet addresses, worked out by hand.
import { describe, expect, it } from 'vitest';
import { cellIndex, lastCompleteHalfYear, serviceOptions } from './report';

describe('lastCompleteHalfYear', () => {
  it('is January–June once July has begun, else the previous July–December', () => {
    expect(lastCompleteHalfYear('2026-12-03')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(lastCompleteHalfYear('2026-07-01')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(lastCompleteHalfYear('2026-06-30')).toEqual({ from: '2025-07-01', to: '2025-12-31' });
    expect(lastCompleteHalfYear('2026-01-01')).toEqual({ from: '2025-07-01', to: '2025-12-31' });
  });
});

describe('cellIndex', () => {
  it('reads column letters and the file line (line 1 is the header) as body indexes', () => {
    expect(cellIndex('F2')).toEqual({ row: 0, column: 5 });
    expect(cellIndex('A3')).toEqual({ row: 1, column: 0 });
    // AA is the 27th column
    expect(cellIndex('AA10')).toEqual({ row: 8, column: 26 });
    expect(cellIndex('A1')).toBeNull();
    expect(cellIndex('f2')).toBeNull();
  });
});

describe('serviceOptions', () => {
  it('offers every service first, then those with data; a choice without data stays, marked once the list is known', () => {
    const all = { value: '', label: 'All services' };
    expect(serviceOptions(['a', 'b'], '')).toEqual([all, { value: 'a', label: 'a' }, { value: 'b', label: 'b' }]);
    expect(serviceOptions(['a'], 'a')).toEqual([all, { value: 'a', label: 'a' }]);
    expect(serviceOptions(['a'], 'z')).toEqual([all, { value: 'a', label: 'a' }, { value: 'z', label: 'z (no data in the period)' }]);
    expect(serviceOptions(undefined, 'z')).toEqual([all, { value: 'z', label: 'z' }]);
    expect(serviceOptions([], '')).toEqual([all]);
  });
});
