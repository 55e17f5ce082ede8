import type { Grain, TimeRangeInput } from '../generated/graphql';
import { DAY_MS, ceilToGrain, floorToGrain, resolveGrain, type GrainChoice } from './grain';

export const RANGE_PRESETS = [
  { id: '24h', label: '24 h', title: 'Last 24 hours', spanMs: DAY_MS },
  { id: '7d', label: '7 d', title: 'Last 7 days', spanMs: 7 * DAY_MS },
  { id: '28d', label: '28 d', title: 'Last 28 days', spanMs: 28 * DAY_MS },
  { id: '90d', label: '90 d', title: 'Last 90 days', spanMs: 90 * DAY_MS },
] as const;

export type RangePresetId = (typeof RANGE_PRESETS)[number]['id'];
export const RANGE_PRESET_IDS: readonly RangePresetId[] = RANGE_PRESETS.map((p) => p.id);

export function rangePreset(id: RangePresetId): (typeof RANGE_PRESETS)[number] {
  const preset = RANGE_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`Unknown range preset ${id}`);
  return preset;
}

export interface ResolvedRange {
  /** Sent to the API: half-open [from, to), both on bucket boundaries. */
  range: TimeRangeInput;
  grain: Grain;
  /** Exclusive end of the data; before `range.to` when the last bucket is still filling. */
  dataEnd: Date;
  lastBucketPartial: boolean;
}

/**
 * Presets count back from the end of the data rather than from now, because the demo
 * database may be weeks old. `dataTo` is the exclusive end of the data (the end of its last
 * hour), as the server sends it. The end is rounded up to a bucket boundary so the newest
 * data is shown, and the start is rounded down so every bucket is whole.
 */
export function resolveRange(preset: RangePresetId, grainChoice: GrainChoice, dataTo: string): ResolvedRange {
  const { spanMs } = rangePreset(preset);
  const grain = resolveGrain(grainChoice, spanMs);
  const dataEnd = ceilToGrain(new Date(dataTo), 'HOUR');
  const to = ceilToGrain(dataEnd, grain);
  const from = floorToGrain(new Date(to.getTime() - spanMs), grain);
  return {
    range: { from: toIsoUtc(from), to: toIsoUtc(to) },
    grain,
    dataEnd,
    lastBucketPartial: dataEnd.getTime() < to.getTime(),
  };
}

/** "2026-11-16T00:00:00Z": the schema's DateTime form, without the milliseconds. */
export function toIsoUtc(t: Date): string {
  return t.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
