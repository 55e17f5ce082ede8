import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from './multipleTesting';

describe('Benjamini–Hochberg', () => {
  it('matches the worked example of Benjamini & Hochberg (1995): 15 tests at q = 0.05 keep 4', () => {
    // The p-values of the paper's section 4 example.
    const p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1.0];
    expect(benjaminiHochberg(p, 0.05).filter(Boolean)).toHaveLength(4);
    expect(benjaminiHochberg(p, 0.05).slice(0, 5)).toEqual([true, true, true, true, false]);
  });

  it('keeps the order of its input and handles no tests', () => {
    expect(benjaminiHochberg([0.5, 0.001, 0.04], 0.05)).toEqual([false, true, false]);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});
