import { CATALOGUE } from '../testing/catalogueFixture';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  dimensionFilters,
  parseFilterState,
  rangeSpec,
  serializeFilterState,
  withFilterValues,
  withRange,
  withoutDimensionFilters,
  type FilterState,
} from './filterState';

const custom: FilterState = {
  ...DEFAULT_FILTERS,
  range: '7d',
  grain: 'week',
  zone: 'Asia/Tokyo',
  region: ['EU', 'NA'],
  policy: ['hate_speech'],
  detection_source: ['automated'],
  compare: 'PREVIOUS_WEEK',
  refresh: '5m',
};

describe('filter state in the URL', () => {
  it('round-trips any state', () => {
    const states: FilterState[] = [
      DEFAULT_FILTERS,
      custom,
      { ...DEFAULT_FILTERS, region: ['SEA'] },
      { ...DEFAULT_FILTERS, range: '24h', grain: 'hour', model_version: ['3.3'] },
      { ...DEFAULT_FILTERS, from: '2026-11-01', to: '2026-11-14', zone: 'America/Sao_Paulo' },
      { ...DEFAULT_FILTERS, policy: ['spam & fake', 'a/b?c=d'] },
      { ...DEFAULT_FILTERS, range: 'lw', compare: 'NONE' },
    ];
    for (const state of states) {
      expect(parseFilterState(serializeFilterState(state))).toEqual(state);
    }
  });

  it('writes nothing for the defaults', () => {
    expect(serializeFilterState(DEFAULT_FILTERS)).toBe('');
    expect(serializeFilterState({ ...DEFAULT_FILTERS, vendor: ['tessera'] })).toBe('vendor=tessera');
  });

  it('writes readable parameters in a stable order', () => {
    expect(serializeFilterState(custom)).toBe(
      'range=7d&tz=Asia%2FTokyo&grain=week&compare=PREVIOUS_WEEK&refresh=5m&region=EU,NA&policy=hate_speech&detection_source=automated',
    );
  });

  it('reads the documented link format', () => {
    expect(parseFilterState('?range=lw&region=LATAM&policy=misinformation&grain=day&tz=UTC')).toEqual({
      ...DEFAULT_FILTERS,
      range: 'lw',
      grain: 'day',
      region: ['LATAM'],
      policy: ['misinformation'],
    });
  });

  it('reads the links the server builds (retrospective, Markdown): half-open UTC instants become the days they cover', () => {
    // exactly what server/retro/retrospective.ts writes for a headline of the week of 2026-11-09
    const state = parseFilterState('?metric=review_sla&from=2026-10-12T00%3A00%3A00Z&to=2026-11-16T00%3A00%3A00Z&grain=day&region=LATAM%2CEU&queue=review-latam');
    expect(state.from).toBe('2026-10-12');
    expect(state.to).toBe('2026-11-15');
    expect(state.grain).toBe('day');
    expect(state.region).toEqual(['LATAM', 'EU']);
    expect(state.queue).toEqual(['review-latam']);
    expect(rangeSpec(state)).toEqual({ from: '2026-10-12', to: '2026-11-15' });
    // an end inside a day keeps that day; a start inside a day starts on it
    expect(parseFilterState('?from=2026-10-12T13:00:00Z&to=2026-11-15T06:00:00.000Z')).toMatchObject({ from: '2026-10-12', to: '2026-11-15' });
    // days stay inclusive days, and an instant without its zone is not accepted
    expect(parseFilterState('?from=2026-10-12&to=2026-11-16')).toMatchObject({ from: '2026-10-12', to: '2026-11-16' });
    expect(parseFilterState('?from=2026-10-12T00:00:00&to=2026-13-01T00:00:00Z')).toMatchObject({ from: null, to: null });
  });

  it('ignores unknown parameters and falls back on invalid values', () => {
    expect(parseFilterState('?utm_source=mail&range=1y&grain=minute&tz=Mars/Olympus&compare=always&refresh=1s&from=yesterday')).toEqual(DEFAULT_FILTERS);
    expect(parseFilterState('')).toEqual(DEFAULT_FILTERS);
  });

  it('accepts repeated and comma-separated lists, without duplicates or blanks', () => {
    expect(parseFilterState('?region=EU&region=NA,EU&region=&policy=,spam,').region).toEqual(['EU', 'NA']);
    expect(parseFilterState('?policy=,spam,').policy).toEqual(['spam']);
  });

  it('matches enum values case-insensitively', () => {
    expect(parseFilterState('?grain=DAY&range=90D&compare=previous_week')).toMatchObject({ grain: 'day', range: '90d', compare: 'PREVIOUS_WEEK' });
  });
});

describe('the range', () => {
  it('uses absolute dates when both are set and in order, the preset otherwise', () => {
    expect(rangeSpec({ range: '7d', from: '2026-11-01', to: '2026-11-03' })).toEqual({ from: '2026-11-01', to: '2026-11-03' });
    expect(rangeSpec({ range: '7d', from: '2026-11-03', to: '2026-11-01' })).toEqual({ preset: '7d' });
    expect(rangeSpec({ range: 'lw', from: '2026-11-01', to: null })).toEqual({ preset: 'lw' });
  });

  it('replaces dates with a preset, and a preset with dates', () => {
    const dated = withRange(DEFAULT_FILTERS, { from: '2026-11-01', to: '2026-11-03' });
    expect(dated).toMatchObject({ from: '2026-11-01', to: '2026-11-03' });
    expect(withRange(dated, { preset: '24h' })).toMatchObject({ range: '24h', from: null, to: null });
  });

  it('keeps the grain when the new range allows it, and falls back to auto when not', () => {
    expect(withRange({ ...DEFAULT_FILTERS, grain: 'hour' }, { preset: '7d' }, CATALOGUE).grain).toBe('hour');
    expect(withRange({ ...DEFAULT_FILTERS, grain: 'hour' }, { preset: '90d' }, CATALOGUE).grain).toBe('auto');
    expect(withRange({ ...DEFAULT_FILTERS, grain: 'hour' }, { from: '2026-08-01', to: '2026-11-01' }, CATALOGUE).grain).toBe('auto');
    expect(withRange({ ...DEFAULT_FILTERS, grain: 'week' }, { from: '2015-01-01', to: '2026-11-01' }, CATALOGUE).grain).toBe('auto');
    expect(withRange({ ...DEFAULT_FILTERS, grain: 'month' }, { from: '2015-01-01', to: '2026-11-01' }, CATALOGUE).grain).toBe('month');
  });
});

describe('query arguments', () => {
  it('sends only the filters that narrow the slice, in the schema order', () => {
    expect(dimensionFilters(DEFAULT_FILTERS)).toEqual([]);
    expect(dimensionFilters(custom)).toEqual([
      { dimension: 'REGION', values: ['EU', 'NA'] },
      { dimension: 'POLICY', values: ['hate_speech'] },
      { dimension: 'DETECTION_SOURCE', values: ['automated'] },
    ]);
  });

  it('narrows and clears dimensions without touching the time settings', () => {
    const narrowed = withFilterValues(custom, 'VENDOR', ['tessera']);
    expect(narrowed.vendor).toEqual(['tessera']);
    const cleared = withoutDimensionFilters(narrowed);
    expect(dimensionFilters(cleared)).toEqual([]);
    expect(cleared).toMatchObject({ range: '7d', zone: 'Asia/Tokyo', compare: 'PREVIOUS_WEEK' });
  });
});
