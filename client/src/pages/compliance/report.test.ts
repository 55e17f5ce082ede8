// The default period and the reading of spreadsheet addresses, worked out by hand.
import { describe, expect, it } from 'vitest';
import { cellIndex, lastCompleteHalfYear } from './report';

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
