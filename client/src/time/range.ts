import type { Grain, TimeRangeInput } from '../generated/graphql';
import { DAY_MS, HOUR_MS, WEEK_MS, addGrain, ceilToGrain, floorToGrain, requestedGrain, type GrainChoice } from './grain';
import { wallTime, zonedInstant } from './zones';

// Presets count back from the end of the data, the dashboard's "now": the demo database may be
// weeks old, and a live one ends at the last complete hour. "Last 7 days" means seven calendar
// days of the chosen zone, the last one possibly still filling; "this week" is the ISO week
// holding that "now", "last week" the whole ISO week before it; months and quarters likewise, as
// calendar months of the chosen zone.
export const RANGE_PRESETS = [
  { id: '24h', label: '24 h', title: 'Last 24 hours of data' },
  { id: '7d', label: '7 d', title: 'Last 7 days of data' },
  { id: '28d', label: '28 d', title: 'Last 28 days of data (four whole weeks)' },
  { id: '90d', label: '90 d', title: 'Last 90 days of data' },
  { id: 'tw', label: 'This week', title: 'The ISO week (Monday to Sunday) holding the end of the data, so far' },
  { id: 'lw', label: 'Last week', title: 'The last complete ISO week (Monday to Sunday)' },
  { id: 'tm', label: 'This month', title: 'The calendar month holding the end of the data, so far' },
  { id: 'lm', label: 'Last month', title: 'The last complete calendar month' },
  { id: 'lq', label: 'Last quarter', title: 'The last complete calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec)' },
] as const satisfies readonly { id: string; label: string; title: string }[];

export type RangePresetId = (typeof RANGE_PRESETS)[number]['id'];
export const RANGE_PRESET_IDS: readonly RangePresetId[] = RANGE_PRESETS.map((p) => p.id);

const PRESET_DAYS: Partial<Record<RangePresetId, number>> = { '7d': 7, '28d': 28, '90d': 90 };

/** A preset, or absolute dates (inclusive, in the chosen zone) written as YYYY-MM-DD. */
export type RangeSpec = { preset: RangePresetId } | { from: string; to: string };

export interface ResolvedRange {
  /** Sent to the API: half-open [from, to) on whole hours. */
  range: TimeRangeInput;
  /** Sent to the API; null lets the server choose (its answer says which grain it took). */
  grain: Grain | null;
  /** Exclusive end of the data; before `range.to` when the last bucket is still filling. */
  dataEnd: Date;
  zone: string;
  /** Why the range is not what was asked, e.g. a week with no data yet; shown under the filter bar. */
  note?: string;
}

/** Approximate span for the grain picker (hourly buckets are refused beyond 42 days). */
export function rangeSpanMs(spec: RangeSpec): number {
  if ('from' in spec) return Date.parse(spec.to) - Date.parse(spec.from) + DAY_MS;
  if (spec.preset === '24h') return DAY_MS;
  if (spec.preset === 'tw' || spec.preset === 'lw') return WEEK_MS;
  if (spec.preset === 'tm' || spec.preset === 'lm') return 31 * DAY_MS;
  if (spec.preset === 'lq') return 92 * DAY_MS;
  return (PRESET_DAYS[spec.preset] ?? 7) * DAY_MS;
}

/** "2026-11-16" → that local midnight in the zone. */
function dateStart(date: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return zonedInstant(y ?? 1970, m ?? 1, d ?? 1, 0, zone);
}

/** Local midnight starting a calendar month, counted from year 0 (so month arithmetic wraps years). */
function monthStart(monthIndex: number, zone: string): Date {
  return zonedInstant(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1, 0, zone);
}

/** The month (as a month index) holding the instant, in the zone. */
function monthIndexOf(t: Date, zone: string): number {
  const w = wallTime(t, zone);
  return w.year * 12 + w.month - 1;
}

/** The local date of an instant as YYYY-MM-DD. */
export function localDate(t: Date, zone: string): string {
  const w = wallTime(t, zone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/**
 * The range to ask for. With a chosen grain both ends sit on its boundaries, so every bucket is
 * whole. On "auto" the grain is only known from the answer, so the range starts on the preset's
 * own unit (local midnight for days, which is a boundary of hours and days alike) and ends with
 * the data: no empty bucket after it, whatever grain the server picks.
 */
export function resolveRange(spec: RangeSpec, grainChoice: GrainChoice, dataTo: string, zone: string, dataFrom?: string | null): ResolvedRange {
  const grain = requestedGrain(grainChoice);
  const dataEnd = ceilToGrain(new Date(dataTo), 'HOUR');
  let from: Date;
  let end: Date;
  let note: string | undefined;

  if ('from' in spec) {
    from = dateStart(spec.from, zone);
    end = addGrain(dateStart(spec.to, zone), 'DAY', 1, zone);
    if (end > dataEnd) end = dataEnd;
    if (from >= end) {
      // Dates after the end of the data: show the last day of data rather than nothing.
      note = `The data ends ${localDate(new Date(dataEnd.getTime() - 1), zone)}; showing its last day.`;
      end = dataEnd;
      from = floorToGrain(new Date(dataEnd.getTime() - HOUR_MS), 'DAY', zone);
    }
  } else if (spec.preset === '24h') {
    from = new Date(dataEnd.getTime() - DAY_MS);
    end = dataEnd;
  } else if (spec.preset === 'tw' || spec.preset === 'lw') {
    let weekStart = floorToGrain(dataEnd, 'WEEK', zone);
    if (spec.preset === 'tw' && weekStart.getTime() === dataEnd.getTime()) {
      // The data ends exactly at a Monday midnight: this week holds nothing yet.
      note = 'This week has no data yet; showing the week that just ended.';
      weekStart = addGrain(weekStart, 'WEEK', -1, zone);
    }
    if (spec.preset === 'lw') {
      end = weekStart;
      from = addGrain(weekStart, 'WEEK', -1, zone);
    } else {
      from = weekStart;
      end = dataEnd;
    }
  } else if (spec.preset === 'tm' || spec.preset === 'lm' || spec.preset === 'lq') {
    let month = monthIndexOf(dataEnd, zone);
    if (spec.preset === 'tm' && monthStart(month, zone).getTime() === dataEnd.getTime()) {
      note = 'This month has no data yet; showing the month that just ended.';
      month -= 1;
    }
    if (spec.preset === 'tm') {
      from = monthStart(month, zone);
      end = dataEnd;
    } else if (spec.preset === 'lm') {
      from = monthStart(month - 1, zone);
      end = monthStart(month, zone);
    } else {
      const quarter = month - (month % 3);
      from = monthStart(quarter - 3, zone);
      end = monthStart(quarter, zone);
    }
  } else {
    const days = PRESET_DAYS[spec.preset] ?? 7;
    const lastDayEnd = ceilToGrain(dataEnd, 'DAY', zone);
    from = addGrain(lastDayEnd, 'DAY', -days, zone);
    end = dataEnd;
  }

  // Nothing lies before the data: a range reaching back past it (2015 → now) starts on the data's
  // first local day instead, and says so (the charts would otherwise be years of empty buckets).
  const dataStart = dataFrom ? floorToGrain(new Date(dataFrom), 'DAY', zone) : null;
  if (dataStart && from < dataStart && end > dataStart) {
    from = dataStart;
    note = [note, `The data starts ${localDate(dataStart, zone)}; showing from then.`].filter(Boolean).join(' ');
  }

  if (grain) {
    from = floorToGrain(from, grain, zone);
    end = ceilToGrain(end, grain, zone);
  }
  return { range: { from: toIsoUtc(from), to: toIsoUtc(end) }, grain, dataEnd, zone, ...(note ? { note } : {}) };
}

/** "2026-11-16T00:00:00Z": the schema's DateTime form, without the milliseconds. */
export function toIsoUtc(t: Date): string {
  return t.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
