import { dimensionLabel, filterReach, valueLabel, type Catalogue } from '../catalogue';
import type { Dimension, DimensionFilterInput, Grain } from '../generated/graphql';
import { bucketCoverage } from '../time/coverage';
import { formatDate, formatRange } from '../time/labels';
import type { ResolvedRange } from '../time/range';

const GRAIN_NOUN: Record<Grain, string> = { HOUR: 'hour', DAY: 'day', WEEK: 'week', MONTH: 'month' };
const GRAIN_ADJECTIVE: Record<Grain, string> = { HOUR: 'Hourly', DAY: 'Daily', WEEK: 'Weekly', MONTH: 'Monthly' };

/** What an answer says about itself, as far as the notes need it. */
export interface AnswerShape {
  range: { from: string; to: string };
  grain?: Grain;
  /** Why the grain is coarser than the one asked (the server says). */
  grainNote?: string | null;
  timeZone?: string;
  buckets?: readonly string[];
  /** The filters in force, including the metric's defaults. */
  filters: readonly { dimension: Dimension; values: readonly string[] }[];
  /** Points resting on fewer than 30 items. */
  lowSamplePoints?: number;
}

/** "25 Oct – 21 Nov 2026 · Daily · UTC · by Region": the answer's own range, grain and zone. */
export function answerSubtitle(answer: AnswerShape, byLabel?: string): string {
  const zone = answer.timeZone ?? 'UTC';
  const parts = [formatRange(answer.range.from, answer.range.to, answer.grain ?? null, zone)];
  if (answer.grain) parts.push(GRAIN_ADJECTIVE[answer.grain]);
  parts.push(zone);
  if (byLabel) parts.push(`by ${byLabel}`);
  return parts.join(' · ');
}

/**
 * The footnotes that keep a figure honest: filters that could not apply, defaults the server
 * added (which labels a model figure rests on), a zone or range the server changed, buckets
 * still filling, and low-sample points.
 */
export function answerNotes(
  catalogue: Catalogue | undefined,
  answer: AnswerShape,
  requested: { resolved: ResolvedRange; filters: readonly DimensionFilterInput[]; ignored: readonly Dimension[] },
  metricLabel: string,
): string[] {
  const notes: string[] = [];
  const { resolved } = requested;
  // which filters of the bar this figure follows, and which it cannot (the metric lacks the dimension)
  const reach = filterReach(
    catalogue,
    { dimensions: requested.filters.map((f) => f.dimension) },
    [...requested.filters, ...requested.ignored.map((dimension) => ({ dimension }))],
    metricLabel,
  );
  if (reach) notes.push(reach);
  // filters the server added: the asker's access (a scope), or the metric's own default
  for (const f of answer.filters) {
    if (requested.filters.some((r) => r.dimension === f.dimension)) continue;
    const values = f.values.map((v) => valueLabel(catalogue, f.dimension, v)).join(', ');
    const limited = catalogue?.dimensions.find((d) => d.id === f.dimension)?.limitedByAccess ?? false;
    notes.push(`${dimensionLabel(catalogue, f.dimension)}: ${values} (${limited ? 'your access' : "the metric's default"}).`);
  }
  if (answer.grainNote) notes.push(answer.grainNote);
  const zone = answer.timeZone ?? 'UTC';
  if (zone !== resolved.zone) {
    notes.push(`Kept per UTC day: days here are UTC days, not ${resolved.zone} days.`);
  }
  if (answer.range.from !== resolved.range.from || answer.range.to !== resolved.range.to) {
    notes.push(`Widened to whole days: ${formatRange(answer.range.from, answer.range.to, 'DAY', zone)}.`);
  }
  if (answer.grain && answer.buckets && answer.buckets.length > 0) {
    const coverage = bucketCoverage(answer.buckets, answer.grain, answer.range, resolved.dataEnd, zone);
    const noun = GRAIN_NOUN[answer.grain];
    if (coverage.firstPartial) notes.push(`The first ${noun} is incomplete: the range starts ${formatDate(answer.range.from, true, zone)}.`);
    if (coverage.lastPartial) notes.push(`The last ${noun} is incomplete: data runs until ${formatDate(resolved.dataEnd, true, zone)}.`);
  }
  if (answer.lowSamplePoints) {
    notes.push(`${answer.lowSamplePoints} point${answer.lowSamplePoints === 1 ? ' rests' : 's rest'} on fewer than 30 items (low sample).`);
  }
  return notes;
}
