import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue';
import { colorOfDimension, PALETTES, preferredColorIndex } from './colors';

const catalogue = (codes: string[]) => ({ dimensions: [{ id: 'COUNTRY', values: codes.map((code) => ({ code, label: code })) }] }) as unknown as Catalogue;

describe('series colours', () => {
  it('gives every visible series its own colour: 13 queues the catalogue does not list, and 20 countries of 30', () => {
    const queues = Array.from({ length: 13 }, (_, i) => `review-queue-${i}`);
    const colorOf = colorOfDimension(catalogue([]), 'QUEUE', 'light');
    expect(new Set(queues.map((q) => colorOf(q))).size).toBe(13);
    const countries = Array.from({ length: 30 }, (_, i) => `C${String(i).padStart(2, '0')}`);
    const ofCountries = colorOfDimension(catalogue(countries), 'COUNTRY', 'light');
    expect(new Set(countries.slice(10).map((c) => ofCountries(c))).size).toBe(20);
  });

  it('keeps a value’s colour from chart to chart: catalogue position for the first 20, a hash beyond', () => {
    const countries = Array.from({ length: 30 }, (_, i) => `C${i}`);
    expect(colorOfDimension(catalogue(countries), 'COUNTRY', 'light')('C3')).toBe(PALETTES.light[3]);
    const alone = colorOfDimension(catalogue(countries), 'COUNTRY', 'light')('C25');
    expect(alone).toBe(PALETTES.light[preferredColorIndex(countries, 'COUNTRY', 'C25', 20)]);
    // asked twice in one chart (series and legend), the same colour
    const colorOf = colorOfDimension(catalogue(countries), 'COUNTRY', 'light');
    expect(colorOf('C25')).toBe(colorOf('C25'));
  });

  it('has 20 distinct colours in each scheme', () => {
    expect(new Set(PALETTES.light).size).toBe(20);
    expect(new Set(PALETTES.dark).size).toBe(20);
  });
});
