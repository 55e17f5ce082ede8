import { describe, expect, it } from 'vitest';
import { dimensionLabel, dimensionValues, findMetric, groupChoices, type Catalogue } from './catalogue';

const catalogue: Catalogue = {
  metrics: [
    {
      id: 'decisions',
      label: 'Decisions',
      definition: 'Moderation decisions taken, whatever their outcome.',
      unit: 'COUNT',
      kind: 'COUNT',
      goodDirection: 'NEUTRAL',
      numeratorLabel: null,
      denominatorLabel: null,
      dimensions: ['REGION', 'POLICY', 'DETECTION_SOURCE'],
      minGrain: 'HOUR',
      target: null,
    },
  ],
  dimensions: [
    { id: 'REGION', label: 'Region', values: [{ code: 'LATAM', label: 'Latin America' }] },
    { id: 'POLICY', label: 'Policy', values: [] },
    { id: 'DETECTION_SOURCE', label: 'Detected by', values: [] },
  ],
  dataFrom: '2026-08-18T00:00:00Z',
  dataTo: '2026-11-16T18:00:00Z',
  timeZones: ['UTC'],
};

describe('catalogue lookups', () => {
  it('finds metrics and dimension values, or nothing', () => {
    expect(findMetric(catalogue, 'decisions')?.label).toBe('Decisions');
    expect(findMetric(catalogue, 'appeals')).toBeUndefined();
    expect(dimensionValues(catalogue, 'REGION')).toEqual([{ code: 'LATAM', label: 'Latin America' }]);
    expect(dimensionValues(catalogue, 'VENDOR')).toEqual([]);
    expect(dimensionValues(undefined, 'REGION')).toEqual([]);
  });

  it("labels dimensions with the catalogue's words, spelling the enum out until it arrives", () => {
    expect(dimensionLabel(catalogue, 'DETECTION_SOURCE')).toBe('Detected by');
    expect(dimensionLabel(undefined, 'DETECTION_SOURCE')).toBe('Detection source');
  });
});

describe('groupChoices', () => {
  it("offers the metric's dimensions, in its order, after None", () => {
    expect(groupChoices(catalogue, findMetric(catalogue, 'decisions'), 'none')).toEqual([
      { id: 'none', label: 'None' },
      { id: 'region', label: 'Region' },
      { id: 'policy', label: 'Policy' },
      { id: 'detection_source', label: 'Detected by' },
    ]);
  });

  it('keeps a group from the link that the metric lacks, so the picker shows the view as it is', () => {
    const choices = groupChoices(catalogue, findMetric(catalogue, 'decisions'), 'vendor');
    expect(choices.map((c) => c.id)).toEqual(['none', 'region', 'policy', 'detection_source', 'vendor']);
    expect(choices[4]?.label).toBe('Vendor');
    expect(groupChoices(undefined, undefined, 'policy')).toEqual([
      { id: 'none', label: 'None' },
      { id: 'policy', label: 'Policy' },
    ]);
  });
});
