import { describe, expect, it } from 'vitest';
import { bucketIndexOf, placeMarkers, type ChartMarker } from './markers';

const DAYS = ['2026-11-09T00:00:00Z', '2026-11-10T00:00:00Z', '2026-11-11T00:00:00Z'];
const RANGE = { from: DAYS[0]!, to: '2026-11-12T00:00:00Z' };
const marker = (m: Partial<ChartMarker>): ChartMarker => ({
  kind: 'ROLLOUT', at: '2026-11-10T10:00:00Z', endsAt: null, title: 't', detail: null, regions: [], countries: [], policies: [], models: [], vendors: [], ...m,
});

describe('markers on a chart', () => {
  it('finds the bucket holding an instant, or none outside the chart', () => {
    expect(bucketIndexOf(DAYS, RANGE.to, '2026-11-10T10:00:00Z')).toBe(1);
    expect(bucketIndexOf(DAYS, RANGE.to, '2026-11-11T23:59:00Z')).toBe(2);
    expect(bucketIndexOf(DAYS, RANGE.to, '2026-11-12T00:00:00Z')).toBe(-1);
    expect(bucketIndexOf(DAYS, RANGE.to, '2026-11-08T00:00:00Z')).toBe(-1);
  });

  it('spans incidents over their buckets, end exclusive, and clips them to the chart', () => {
    const election = marker({ kind: 'INCIDENT', at: '2026-11-10T08:00:00Z', endsAt: '2026-11-11T00:00:00Z' });
    expect(placeMarkers([election], ['INCIDENT'], DAYS, RANGE)).toEqual([{ marker: election, start: 1, end: 1 }]);
    const long = marker({ kind: 'INCIDENT', at: '2026-11-01T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' });
    expect(placeMarkers([long], ['INCIDENT'], DAYS, RANGE)).toEqual([{ marker: long, start: 0, end: 2 }]);
    const over = marker({ kind: 'INCIDENT', at: '2026-11-01T00:00:00Z', endsAt: '2026-11-05T00:00:00Z' });
    expect(placeMarkers([over], ['INCIDENT'], DAYS, RANGE)).toEqual([]);
  });

  it('keeps only the kinds asked for', () => {
    expect(placeMarkers([marker({}), marker({ kind: 'ROLLBACK' })], ['ROLLBACK'], DAYS, RANGE).map((p) => p.marker.kind)).toEqual(['ROLLBACK']);
  });
});
