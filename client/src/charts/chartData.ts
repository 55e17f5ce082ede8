// What a chart shows, as text: the sentence a screen reader hears after the chart's name, and
// the table behind the "Table view" toggle — the keyboard's way to every figure and every drill.
import { formatMetricValue } from '../format';
import type { Unit } from '../generated/graphql';
import { bucketAxisLabel, bucketTitle } from '../time/labels';
import type { MetricBreakdown } from './breakdownOption';
import type { MetricSeries } from './seriesOption';

export interface ChartTableRow {
  key: string;
  label: string;
  cells: string[];
  /** The chart's click for this row (filter by it, or open it): Enter on the row's button. */
  open?: () => void;
}

export interface ChartTable {
  /** Header of the first column, the rows' names (e.g. "Region"). */
  rowHeader: string;
  columns: string[];
  rows: ChartTableRow[];
}

export interface ChartText {
  summary: string;
  table: ChartTable;
}

type Labelled = { label: string; value: number };

function extremes(items: readonly Labelled[]): { low: Labelled; high: Labelled } | undefined {
  if (items.length === 0) return undefined;
  let low = items[0]!;
  let high = items[0]!;
  for (const item of items) {
    if (item.value < low.value) low = item;
    if (item.value > high.value) high = item;
  }
  return { low, high };
}

/**
 * "Last value 91.0% (Sun 22 Nov 2026), up from 88.0% on Mon 16 Nov 2026; lowest 85.0%, highest
 * 93.0%." — from the overall line, then, when split, which group is highest and lowest over the range.
 */
export function seriesSummary(series: MetricSeries): string {
  const unit = series.metric.unit;
  const f = (v: number) => formatMetricValue(v, unit);
  const at = (i: number) => bucketTitle(series.buckets[i]!, series.grain, series.timeZone);
  const points = series.bucketTotals
    .map((p, i) => ({ label: at(i), value: p.value }))
    .filter((p): p is Labelled => p.value !== null && Number.isFinite(p.value));
  if (points.length === 0) return 'No values in this range.';
  const first = points[0]!;
  const last = points.at(-1)!;
  const sentences: string[] = [];
  if (points.length === 1) sentences.push(`One value: ${f(last.value)} (${last.label}).`);
  else {
    const direction = last.value > first.value ? 'up from' : last.value < first.value ? 'down from' : 'the same as';
    const { low, high } = extremes(points)!;
    sentences.push(`Last value ${f(last.value)} (${last.label}), ${direction} ${f(first.value)} on ${first.label}; lowest ${f(low.value)}, highest ${f(high.value)}.`);
  }
  const groups = series.groups
    .filter((g) => !g.isOther)
    .map((g) => ({ label: g.label, value: g.total.value }))
    .filter((g): g is Labelled => g.value !== null && Number.isFinite(g.value));
  if (groups.length > 1) {
    const { low, high } = extremes(groups)!;
    sentences.push(`Over the range, highest ${high.label} (${f(high.value)}), lowest ${low.label} (${f(low.value)}).`);
  }
  return sentences.join(' ');
}

const cell = (value: number | null, unit: Unit) => (value === null ? '–' : formatMetricValue(value, unit));

/** One row per group (with its click), the range's figure, then one column per bucket. */
export function seriesTable(series: MetricSeries, rowHeader: string, open?: (key: string) => void): ChartTable {
  const unit = series.metric.unit;
  const rows: ChartTableRow[] = series.groups.map((g) => ({
    key: g.key,
    label: g.label,
    cells: [cell(g.total.value, unit), ...g.points.map((p) => cell(p.value, unit))],
    ...(open && !g.isOther ? { open: () => open(g.key) } : {}),
  }));
  if (series.groups.length !== 1) {
    rows.push({ key: '__all__', label: 'All', cells: [cell(series.total.value, unit), ...series.bucketTotals.map((p) => cell(p.value, unit))] });
  }
  return {
    rowHeader,
    columns: [series.metric.kind === 'BACKLOG' ? 'At the end' : 'Over the range', ...series.buckets.map((b) => bucketAxisLabel(b, series.grain, series.timeZone))],
    rows,
  };
}

/** "Highest Europe × Misinformation (99.0%), lowest Latin America × Misinformation (10.0%) of 4." */
export function breakdownSummary(breakdown: MetricBreakdown): string {
  const f = (v: number) => formatMetricValue(v, breakdown.metric.unit);
  const cells = breakdown.cells
    .map((c) => ({ label: c.labels.join(' × '), value: c.point.value }))
    .filter((c): c is Labelled => c.value !== null && Number.isFinite(c.value));
  const range = extremes(cells);
  if (!range) return 'No values in this range.';
  if (cells.length === 1) return `One value: ${range.high.label} ${f(range.high.value)}.`;
  return `Highest ${range.high.label} (${f(range.high.value)}), lowest ${range.low.label} (${f(range.low.value)}), of ${cells.length}.`;
}

/** One row per bar or cell, with its value and what it rests on. */
export function breakdownTable(breakdown: MetricBreakdown, rowHeader: string, open?: (keys: readonly string[]) => void): ChartTable {
  const unit = breakdown.metric.unit;
  const parts = breakdown.cells.some((c) => c.point.denominator !== null);
  return {
    rowHeader,
    columns: parts ? ['Value', 'Out of'] : ['Value'],
    rows: breakdown.cells.map((c) => ({
      key: c.keys.join('|'),
      label: c.labels.join(' × '),
      cells: parts ? [cell(c.point.value, unit), c.point.denominator === null ? '–' : c.point.denominator.toLocaleString('en-US')] : [cell(c.point.value, unit)],
      ...(open && !c.keys.some((k) => k === '__other__' || k === '') ? { open: () => open(c.keys) } : {}),
    })),
  };
}

/** Score shares per equal-width bin of [0, 1], before and now: the rows, and the bin that moved most. */
export function driftText(drift: { baselineShares: readonly number[]; currentShares: readonly number[] }, labels: { baseline: string; current: string }): ChartText {
  const bins = drift.currentShares.length;
  const binLabel = (i: number) => `${(i / bins).toFixed(2)}–${((i + 1) / bins).toFixed(2)}`;
  const pct = (v: number | undefined) => (v === undefined ? '–' : formatMetricValue(v, 'RATIO'));
  let moved = -1;
  let most = 0;
  drift.currentShares.forEach((share, i) => {
    const shift = Math.abs(share - (drift.baselineShares[i] ?? 0));
    if (shift > most) [moved, most] = [i, shift];
  });
  return {
    summary:
      moved < 0
        ? 'The two distributions are the same.'
        : `The largest shift is in scores ${binLabel(moved)}: ${pct(drift.baselineShares[moved])} of scores before, ${pct(drift.currentShares[moved])} now.`,
    table: {
      rowHeader: 'Score',
      columns: [`Before (${labels.baseline})`, `Now (${labels.current})`],
      rows: drift.currentShares.map((share, i) => ({ key: String(i), label: binLabel(i), cells: [pct(drift.baselineShares[i]), pct(share)] })),
    },
  };
}
