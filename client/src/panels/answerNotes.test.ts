import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../testing/catalogueFixture';
import { resolveRange } from '../time/range';
import { answerNotes, answerSubtitle } from './answerNotes';

// Last 7 days in Tokyo, asked of a metric kept per UTC day.
const resolved = resolveRange({ preset: '7d' }, 'auto', '2026-11-21T18:00:00Z', 'Asia/Tokyo');
const days = ['2026-11-15T00:00:00Z', '2026-11-16T00:00:00Z', '2026-11-21T00:00:00Z'];

describe('notes under a figure', () => {
  it('says which filters did not apply, which defaults did, and how the server changed the range and zone', () => {
    const notes = answerNotes(
      CATALOGUE,
      {
        range: { from: '2026-11-14T00:00:00Z', to: '2026-11-22T00:00:00Z' },
        grain: 'DAY',
        timeZone: 'UTC',
        buckets: days,
        filters: [
          { dimension: 'REGION', values: ['SEA'] },
          { dimension: 'LABEL_SOURCE', values: ['golden_set', 'random_audit'] },
        ],
        lowSamplePoints: 3,
      },
      { resolved, filters: [{ dimension: 'REGION', values: ['SEA'] }], ignored: ['VENDOR'] },
      'Recall',
    );
    expect(notes).toEqual([
      'Follows the region filter; ignores vendor (Recall is not kept by vendor).',
      "Label source: Golden set, Random audit (the metric's default).",
      'Kept per UTC day: days here are UTC days, not Asia/Tokyo days.',
      'Widened to whole days: 14 Nov – 21 Nov 2026.',
      'The last day is incomplete: data runs until 21 Nov 2026 18:00 UTC.',
      '3 points rest on fewer than 30 items (low sample).',
    ]);
  });

  it('calls a filter the asker’s access added their access, not the metric’s default, and passes on the server’s grain note', () => {
    const scoped = { ...CATALOGUE, dimensions: CATALOGUE.dimensions.map((d) => (d.id === 'REGION' ? { ...d, limitedByAccess: true } : d)) };
    const notes = answerNotes(
      scoped,
      {
        range: resolved.range,
        grain: 'MONTH',
        grainNote: 'Hourly buckets cover at most 42 days and this range covers 4108: answered monthly.',
        timeZone: 'Asia/Tokyo',
        filters: [{ dimension: 'REGION', values: ['SEA'] }],
      },
      { resolved, filters: [], ignored: [] },
      'Decisions',
    );
    expect(notes).toEqual(['Region: Southeast Asia (your access).', 'Hourly buckets cover at most 42 days and this range covers 4108: answered monthly.']);
  });

  it('says which filters a figure follows and which it ignores', () => {
    const notes = answerNotes(CATALOGUE, { range: resolved.range, timeZone: 'Asia/Tokyo', filters: [{ dimension: 'REGION', values: ['EU'] }, { dimension: 'POLICY', values: ['hate_speech'] }] },
      { resolved, filters: [{ dimension: 'REGION', values: ['EU'] }, { dimension: 'POLICY', values: ['hate_speech'] }], ignored: ['MODEL', 'VENDOR'] }, 'Decisions');
    expect(notes).toEqual(['Follows the region and policy filters; ignores model and vendor (Decisions is not kept by model and vendor).']);
  });

  it('describes the answer itself: range, grain, zone and split', () => {
    expect(answerSubtitle({ range: { from: '2026-11-09T00:00:00Z', to: '2026-11-16T00:00:00Z' }, grain: 'DAY', timeZone: 'UTC', filters: [] }, 'Region')).toBe(
      '9 Nov – 15 Nov 2026 · Daily · UTC · by Region',
    );
  });
});
