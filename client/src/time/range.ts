import type { Grain, TimeRangeInput } from '../generated/graphql';
import { DAY_MS, ceilToGrain, floorToGrain, requestedGrain, type GrainChoice } from './grain';

// `unit` is what a preset counts in: "Last 7 days" means seven calendar days (UTC), the last
// one still filling, whatever grain draws them; "Last 24 hours" means 24 whole hours.
export const RANGE_PRESETS = [
  { id: '24h', label: '24 h', title: 'Last 24 hours', spanMs: DAY_MS, unit: 'HOUR' },
  { id: '7d', label: '7 d', title: 'Last 7 days', spanMs: 7 * DAY_MS, unit: 'DAY' },
  { id: '28d', label: '28 d', title: 'Last 28 days', spanMs: 28 * DAY_MS, unit: 'DAY' },
  { id: '90d', label: '90 d', title: 'Last 90 days', spanMs: 90 * DAY_MS, unit: 'DAY' },
] as const satisfies readonly { id: string; label: string; title: string; spanMs: number; unit: Grain }[];

export type RangePresetId = (typeof RANGE_PRESETS)[number]['id'];
export const RANGE_PRESET_IDS: readonly RangePresetId[] = RANGE_PRESETS.map((p) => p.id);

export function rangePreset(id: RangePresetId): (typeof RANGE_PRESETS)[number] {
  const preset = RANGE_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`Unknown range preset ${id}`);
  return preset;
}

export interface ResolvedRange {
  /** Sent to the API: half-open [from, to) on whole hours. */
  range: TimeRangeInput;
  /** Sent to the API; null lets the server choose (its answer says which grain it took). */
  grain: Grain | null;
  /** Exclusive end of the data; before `range.to` when the last bucket is still filling. */
  dataEnd: Date;
}

/**
 * Presets count back from the end of the data rather than from now, because the demo
 * database may be weeks old. `dataTo` is the exclusive end of the data (the end of its last
 * hour), as the server sends it.
 *
 * With a chosen grain both ends sit on its boundaries, so every bucket is whole and the newest
 * data is shown. On "auto" the grain is only known from the answer, so the range cannot be
 * aligned to it: it ends with the data (no empty bucket after it, whatever the grain) and starts
 * on the preset's own unit (midnight for day presets), which is a boundary of hours and days alike.
 */
export function resolveRange(preset: RangePresetId, grainChoice: GrainChoice, dataTo: string): ResolvedRange {
  const { spanMs, unit } = rangePreset(preset);
  const grain = requestedGrain(grainChoice);
  const align = grain ?? unit;
  const dataEnd = ceilToGrain(new Date(dataTo), 'HOUR');
  const alignedEnd = ceilToGrain(dataEnd, align);
  const from = floorToGrain(new Date(alignedEnd.getTime() - spanMs), align);
  const to = grain ? alignedEnd : dataEnd;
  return { range: { from: toIsoUtc(from), to: toIsoUtc(to) }, grain, dataEnd };
}

/** "2026-11-16T00:00:00Z": the schema's DateTime form, without the milliseconds. */
export function toIsoUtc(t: Date): string {
  return t.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
