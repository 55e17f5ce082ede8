import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  dimensionFilters,
  drillDown,
  groupByDimension,
  parseFilterState,
  serializeFilterState,
  withRange,
  type FilterState,
} from './filterState';

const custom: FilterState = {
  range: '28d',
  grain: 'week',
  regions: ['EU', 'NA'],
  policies: ['hate_speech'],
  group: 'detection_source',
};

describe('filter state in the URL', () => {
  it('round-trips any state', () => {
    const states: FilterState[] = [
      DEFAULT_FILTERS,
      custom,
      { ...DEFAULT_FILTERS, regions: ['SEA'] },
      { ...DEFAULT_FILTERS, range: '24h', grain: 'hour', group: 'policy' },
      { ...DEFAULT_FILTERS, policies: ['spam & fake', 'a/b?c=d'] },
    ];
    for (const state of states) {
      expect(parseFilterState(serializeFilterState(state))).toEqual(state);
    }
  });

  it('writes nothing for the defaults', () => {
    expect(serializeFilterState(DEFAULT_FILTERS)).toBe('');
    expect(serializeFilterState({ ...DEFAULT_FILTERS, group: 'policy' })).toBe('group=policy');
  });

  it('writes readable parameters in a stable order', () => {
    expect(serializeFilterState(custom)).toBe('range=28d&grain=week&region=EU,NA&policy=hate_speech&group=detection_source');
  });

  it('reads the documented link format', () => {
    expect(parseFilterState('?range=7d&region=EU&policy=hate_speech&group=policy&grain=day')).toEqual({
      range: '7d',
      grain: 'day',
      regions: ['EU'],
      policies: ['hate_speech'],
      group: 'policy',
    });
  });

  it('ignores unknown parameters and falls back on invalid values', () => {
    expect(parseFilterState('?utm_source=mail&range=1y&grain=minute&group=colour&foo=bar')).toEqual(DEFAULT_FILTERS);
    expect(parseFilterState('')).toEqual(DEFAULT_FILTERS);
  });

  it('accepts repeated and comma-separated lists, without duplicates or blanks', () => {
    expect(parseFilterState('?region=EU&region=NA,EU&region=&policy=,spam,').regions).toEqual(['EU', 'NA']);
    expect(parseFilterState('?policy=,spam,').policies).toEqual(['spam']);
  });

  it('matches enum values case-insensitively', () => {
    expect(parseFilterState('?grain=DAY&group=Region&range=90D')).toMatchObject({ grain: 'day', group: 'region', range: '90d' });
  });

  it('groups by any dimension of the schema, written in lower case', () => {
    expect(parseFilterState('?group=MODEL_VERSION').group).toBe('model_version');
    expect(serializeFilterState({ ...DEFAULT_FILTERS, group: 'label_source' })).toBe('group=label_source');
    expect(parseFilterState('?group=none').group).toBe('none');
  });
});

describe('query arguments', () => {
  it('sends only the filters that narrow the slice, one per dimension', () => {
    expect(dimensionFilters(DEFAULT_FILTERS)).toEqual([]);
    expect(dimensionFilters({ ...DEFAULT_FILTERS, policies: ['spam'] })).toEqual([{ dimension: 'POLICY', values: ['spam'] }]);
    expect(dimensionFilters(custom)).toEqual([
      { dimension: 'REGION', values: ['EU', 'NA'] },
      { dimension: 'POLICY', values: ['hate_speech'] },
    ]);
  });

  it('maps the group to the API dimension', () => {
    expect(groupByDimension('none')).toBeNull();
    expect(groupByDimension('detection_source')).toBe('DETECTION_SOURCE');
    expect(groupByDimension('model_version')).toBe('MODEL_VERSION');
  });
});

describe('withRange', () => {
  it('keeps the grain when the new range allows it', () => {
    expect(withRange({ ...DEFAULT_FILTERS, grain: 'hour' }, '28d')).toEqual({ ...DEFAULT_FILTERS, range: '28d', grain: 'hour' });
  });

  it('falls back to auto when the range is too long for hourly buckets', () => {
    expect(withRange({ ...DEFAULT_FILTERS, grain: 'hour' }, '90d')).toEqual({ ...DEFAULT_FILTERS, range: '90d', grain: 'auto' });
    expect(withRange({ ...DEFAULT_FILTERS, grain: 'week' }, '90d').grain).toBe('week');
  });
});

describe('drillDown', () => {
  it('narrows to a region and splits it by policy', () => {
    expect(drillDown({ ...DEFAULT_FILTERS, group: 'region' }, 'EU')).toEqual({
      ...DEFAULT_FILTERS,
      regions: ['EU'],
      group: 'policy',
    });
  });

  it('narrows to a policy and splits it by region', () => {
    expect(drillDown({ ...DEFAULT_FILTERS, regions: ['EU'], group: 'policy' }, 'hate_speech')).toEqual({
      ...DEFAULT_FILTERS,
      regions: ['EU'],
      policies: ['hate_speech'],
      group: 'region',
    });
  });

  it('does not drill from groupings the Overview has no filter for', () => {
    expect(drillDown({ ...DEFAULT_FILTERS, group: 'action' }, 'removed')).toBeNull();
  });
});
