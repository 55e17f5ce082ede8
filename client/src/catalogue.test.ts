import { describe, expect, it } from 'vitest';
import { dimensionLabel, dimensionValues, filterReach, findMetric, splitFilters, valueLabel, type Catalogue } from './catalogue';
import { CATALOGUE } from './testing/catalogueFixture';

describe('catalogue lookups', () => {
  it('finds metrics', () => {
    expect(findMetric(CATALOGUE, 'review_sla')?.label).toBe('Review SLA attainment');
    expect(findMetric(CATALOGUE, 'nope')).toBeUndefined();
  });

  it('labels dimensions and values from the API, falling back on the codes', () => {
    expect(dimensionLabel(CATALOGUE, 'REGION')).toBe('Region');
    expect(dimensionLabel(undefined, 'DETECTION_SOURCE')).toBe('Detection source');
    expect(valueLabel(CATALOGUE, 'REGION', 'LATAM')).toBe('Latin America');
    expect(valueLabel(CATALOGUE, 'REGION', 'XX')).toBe('XX');
    expect(dimensionValues(CATALOGUE, 'SITE')).toEqual([]);
  });

  it('splits the filters a metric can take from those it cannot', () => {
    const decisions = findMetric(CATALOGUE, 'decisions')!;
    expect(
      splitFilters(decisions, [
        { dimension: 'REGION', values: ['EU'] },
        { dimension: 'VENDOR', values: ['tessera'] },
      ]),
    ).toEqual({ applied: [{ dimension: 'REGION', values: ['EU'] }], ignored: ['VENDOR'] });
  });

  it('is typed as the generated query answer', () => {
    const typed: Catalogue = CATALOGUE;
    expect(typed.timeZones).toContain('UTC');
  });
});

describe('which filters a figure follows', () => {
  it('names the filters a metric follows and those it ignores, by the dimensions the catalogue serves', () => {
    const decisions = findMetric(CATALOGUE, 'decisions')!;
    expect(filterReach(CATALOGUE, decisions, [])).toBeNull();
    expect(filterReach(CATALOGUE, decisions, [{ dimension: 'REGION' }], 'Decisions')).toBe('Follows the region filter.');
    expect(filterReach(CATALOGUE, decisions, [{ dimension: 'REGION' }, { dimension: 'COUNTRY' }, { dimension: 'VENDOR' }], 'Decisions')).toBe(
      'Follows the region and country filters; ignores vendor (Decisions is not kept by vendor).',
    );
    expect(filterReach(CATALOGUE, decisions, [{ dimension: 'MODEL' }], 'Decisions')).toBe('Follows no filter; ignores model (Decisions is not kept by model).');
  });
});
