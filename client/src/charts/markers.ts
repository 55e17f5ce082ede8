import type { MarkerKind, MarkersQuery } from '../generated/graphql';

export type ChartMarker = MarkersQuery['markers'][number];

/** Marker kinds a chart shows: incidents matter everywhere, rollouts on model charts. */
export const INCIDENTS_ONLY: readonly MarkerKind[] = ['INCIDENT'];
export const ALL_MARKERS: readonly MarkerKind[] = ['ROLLOUT', 'ROLLBACK', 'INCIDENT'];

/**
 * The bucket holding an instant: the last bucket starting at or before it, if the instant is
 * before the end of the range; -1 outside the chart.
 */
export function bucketIndexOf(buckets: readonly string[], rangeTo: string, at: string): number {
  const t = Date.parse(at);
  if (buckets.length === 0 || t < Date.parse(buckets[0]!) || t >= Date.parse(rangeTo)) return -1;
  let index = 0;
  for (let i = 0; i < buckets.length; i++) if (Date.parse(buckets[i]!) <= t) index = i;
  return index;
}

export interface PlacedMarker {
  marker: ChartMarker;
  /** bucket index of its start */
  start: number;
  /** bucket index of its end (incidents), or start */
  end: number;
}

/**
 * Markers placed on a chart's buckets. An incident that began before the chart starts but is
 * still running is drawn from the first bucket.
 */
export function placeMarkers(
  markers: readonly ChartMarker[],
  kinds: readonly MarkerKind[],
  buckets: readonly string[],
  range: { from: string; to: string },
): PlacedMarker[] {
  const placed: PlacedMarker[] = [];
  if (buckets.length === 0) return placed;
  for (const marker of markers) {
    if (!kinds.includes(marker.kind)) continue;
    const startsBefore = Date.parse(marker.at) < Date.parse(buckets[0]!);
    const start = startsBefore ? 0 : bucketIndexOf(buckets, range.to, marker.at);
    if (start < 0) continue;
    if (startsBefore && (!marker.endsAt || Date.parse(marker.endsAt) <= Date.parse(buckets[0]!))) continue;
    let end = start;
    if (marker.endsAt) {
      // endsAt is exclusive: the last bucket is the one holding the instant just before it.
      const last = new Date(Date.parse(marker.endsAt) - 1).toISOString();
      const index = bucketIndexOf(buckets, range.to, last);
      end = index < 0 ? buckets.length - 1 : index;
    }
    placed.push({ marker, start, end: Math.max(start, end) });
  }
  return placed;
}

export const MARKER_GLYPH: Record<MarkerKind, string> = { ROLLOUT: '▲', ROLLBACK: '▼', INCIDENT: '●' };
export const MARKER_NOUN: Record<MarkerKind, string> = { ROLLOUT: 'rollout', ROLLBACK: 'rollback', INCIDENT: 'incident' };

/**
 * The names of the events an option marks (rollout lines, incident areas), for the chart's
 * accessible description: the canvas shows them, assistive technology cannot see a canvas.
 */
export function markedNames(option: object): string[] {
  const names: string[] = [];
  const add = (item: unknown) => {
    const name = item && typeof item === 'object' ? (item as { name?: unknown }).name : undefined;
    if (typeof name === 'string' && name !== '' && !names.includes(name)) names.push(name);
  };
  const list: unknown = (option as { series?: unknown }).series;
  for (const series of Array.isArray(list) ? list : []) {
    const s = series as { markLine?: { data?: unknown }; markArea?: { data?: unknown } };
    if (Array.isArray(s.markLine?.data)) for (const line of s.markLine.data) add(line);
    // An area is a pair of points; its name sits on the first.
    if (Array.isArray(s.markArea?.data)) for (const area of s.markArea.data) add(Array.isArray(area) ? area[0] : area);
  }
  return names;
}
