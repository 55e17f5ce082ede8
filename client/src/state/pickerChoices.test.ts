import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../testing/catalogueFixture';
import type { Catalogue } from '../catalogue';
import { DEFAULT_FILTERS, withFilterValues } from './filterState';
import { allText, pickerChoices, withChainedValues } from './pickerChoices';

const codes = (values: readonly { code: string }[]) => values.map((v) => v.code);

// A Europe-scoped analyst's catalogue, as the server reads it for that scope.
const EU_ONLY: Catalogue = {
  ...CATALOGUE,
  dimensions: CATALOGUE.dimensions.map((d) =>
    d.id === 'REGION'
      ? { ...d, limitedByAccess: true, values: d.values.filter((v) => v.code === 'EU') }
      : d.id === 'COUNTRY'
        ? { ...d, limitedByAccess: true, values: d.values.filter((v) => v.parent === 'EU') }
        : d,
  ),
};

describe('chained filter pickers', () => {
  it('offers the countries of the chosen regions only, every country without a region chosen', () => {
    expect(codes(pickerChoices(CATALOGUE, 'COUNTRY', DEFAULT_FILTERS))).toEqual(['BR', 'DE', 'FR']);
    expect(codes(pickerChoices(CATALOGUE, 'COUNTRY', withFilterValues(DEFAULT_FILTERS, 'REGION', ['EU'])))).toEqual(['DE', 'FR']);
    expect(codes(pickerChoices(CATALOGUE, 'COUNTRY', withFilterValues(DEFAULT_FILTERS, 'REGION', ['EU', 'LATAM'])))).toEqual(['BR', 'DE', 'FR']);
    // dimensions without a parent are not narrowed
    expect(codes(pickerChoices(CATALOGUE, 'POLICY', withFilterValues(DEFAULT_FILTERS, 'REGION', ['EU'])))).toEqual(['harassment_bullying', 'hate_speech']);
  });

  it('drops chosen countries outside newly chosen regions, and keeps those inside', () => {
    const withCountries = withFilterValues(DEFAULT_FILTERS, 'COUNTRY', ['BR', 'DE']);
    const eu = withChainedValues(CATALOGUE, withCountries, 'REGION', ['EU']);
    expect([eu.region, eu.country]).toEqual([['EU'], ['DE']]);
    // clearing the region keeps the countries
    expect(withChainedValues(CATALOGUE, eu, 'REGION', []).country).toEqual(['DE']);
  });

  it('shows a limited access as such, not as "All regions"', () => {
    expect(allText(CATALOGUE, 'REGION', 'regions', pickerChoices(CATALOGUE, 'REGION', DEFAULT_FILTERS))).toBe('All regions');
    expect(allText(EU_ONLY, 'REGION', 'regions', pickerChoices(EU_ONLY, 'REGION', DEFAULT_FILTERS))).toBe('Europe (your access)');
    expect(allText(EU_ONLY, 'COUNTRY', 'countries', pickerChoices(EU_ONLY, 'COUNTRY', DEFAULT_FILTERS))).toBe('All 2 countries in your access');
    expect(allText(EU_ONLY, 'POLICY', 'policies', pickerChoices(EU_ONLY, 'POLICY', DEFAULT_FILTERS))).toBe('All policies');
  });
});
