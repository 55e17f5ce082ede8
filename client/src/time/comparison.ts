import type { CompareMode } from '../state/filterState';
import { WEEK_MS } from './grain';
import { toIsoUtc } from './range';

/**
 * The comparison period of a range, as the KPIs define it: the equal period just before, or the
 * same period a week earlier; null without a comparison. (The KPIs also cut a running period to
 * the same elapsed time; a chart of the whole range needs the whole period.)
 */
export function baselineRange(range: { from: string; to: string }, mode: CompareMode): { from: string; to: string } | null {
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const shift = mode === 'PREVIOUS_WEEK' ? WEEK_MS : mode === 'PREVIOUS_PERIOD' ? to - from : null;
  if (shift === null) return null;
  return { from: toIsoUtc(new Date(from - shift)), to: toIsoUtc(new Date(to - shift)) };
}
