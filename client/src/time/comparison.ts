import type { ComparisonMode, TimeRangeInput } from '../generated/graphql';
import type { TimeState } from '../state/filterState';
import { WEEK_MS, addGrain } from './grain';
import { toIsoUtc } from './range';
import { zonedInstant } from './zones';

/** "2026-11-16" → that local midnight in the zone. */
function dayStart(date: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return zonedInstant(y ?? 1970, m ?? 1, d ?? 1, 0, zone);
}

/**
 * What the KPIs are asked to compare with: the mode, and for a custom period its days as a
 * half-open range in the zone. A custom comparison without both days in order compares with
 * nothing (the filter bar asks for them).
 */
export function comparisonInput(state: Pick<TimeState, 'compare' | 'compareFrom' | 'compareTo' | 'zone'>): { comparison: ComparisonMode; comparisonRange?: TimeRangeInput } {
  if (state.compare !== 'CUSTOM') return { comparison: state.compare };
  if (!state.compareFrom || !state.compareTo || state.compareFrom > state.compareTo) return { comparison: 'NONE' };
  const from = dayStart(state.compareFrom, state.zone);
  const to = addGrain(dayStart(state.compareTo, state.zone), 'DAY', 1, state.zone);
  return { comparison: 'CUSTOM', comparisonRange: { from: toIsoUtc(from), to: toIsoUtc(to) } };
}

/**
 * The comparison period of a range, as the KPIs define it: the equal period just before, the
 * same period a week earlier, or the custom period (cut to the range's length, as the server
 * cuts it); null without a comparison. (The KPIs also cut a running period to the same elapsed
 * time; a chart of the whole range needs the whole period.)
 */
export function baselineRange(
  range: { from: string; to: string },
  state: Pick<TimeState, 'compare' | 'compareFrom' | 'compareTo' | 'zone'>,
): { from: string; to: string } | null {
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const asked = comparisonInput(state);
  if (asked.comparisonRange) {
    const start = Date.parse(asked.comparisonRange.from);
    const end = Math.min(Date.parse(asked.comparisonRange.to), start + (to - from));
    return { from: asked.comparisonRange.from, to: toIsoUtc(new Date(end)) };
  }
  const shift = asked.comparison === 'PREVIOUS_WEEK' ? WEEK_MS : asked.comparison === 'PREVIOUS_PERIOD' ? to - from : null;
  if (shift === null) return null;
  return { from: toIsoUtc(new Date(from - shift)), to: toIsoUtc(new Date(to - shift)) };
}
