import { describe, expect, it } from 'vitest';
import type { TooltipComponentFormatterCallbackParams } from 'echarts';
import { countSeries } from '../testing/seriesFixtures';
import { seriesChartOption, type MetricSeries } from './options';

const DAYS = ['2026-11-14T00:00:00Z', '2026-11-15T00:00:00Z', '2026-11-16T00:00:00Z'];

// In the server's order: largest first, "Other" last.
const byPolicy = countSeries({
  buckets: DAYS,
  groups: [
    { key: 'hate_speech', label: 'Hate speech', values: [1000, 2000, 3000] },
    { key: 'spam', label: 'Spam & fake engagement', values: [1, 2, 3] },
    { key: '__other__', label: 'Other', values: [7, 8, 9], isOther: true },
  ],
});

const ungrouped = countSeries({
  grain: 'HOUR',
  buckets: ['2026-11-16T13:00:00Z', '2026-11-16T14:00:00Z'],
  groups: [{ key: 'all', label: 'All', values: [5, 7] }],
});

/** Calls the tooltip formatter as ECharts does: one entry per series at the hovered bucket. */
function tooltip(series: MetricSeries, stacked: boolean, dataIndex: number): string {
  const option = seriesChartOption(series, { stacked });
  const formatter = option.tooltip.formatter as (p: TooltipComponentFormatterCallbackParams) => string;
  const params = option.series.map((s, seriesIndex) => ({
    seriesName: s.name,
    seriesIndex,
    value: (s.data as (number | null)[])[dataIndex],
    dataIndex,
    marker: '',
  }));
  return formatter(params as unknown as TooltipComponentFormatterCallbackParams);
}

describe('seriesChartOption', () => {
  it('makes one stacked area per group, in the server order, with each point value', () => {
    const option = seriesChartOption(byPolicy, { stacked: true });
    expect(option.series.map((s) => s.name)).toEqual(['Hate speech', 'Spam & fake engagement', 'Other']);
    expect(option.series.map((s) => s.id)).toEqual(['hate_speech', 'spam', '__other__']);
    expect(option.series.map((s) => s.data)).toEqual([
      [1000, 2000, 3000],
      [1, 2, 3],
      [7, 8, 9],
    ]);
    for (const s of option.series) {
      expect(s.type).toBe('line');
      expect(s.stack).toBe('total');
      expect(s.areaStyle).toBeDefined();
    }
    expect(option.legend.show).toBe(true);
  });

  it('calls the folded group "Other" whatever the server labels it', () => {
    const relabelled = { ...byPolicy, groups: byPolicy.groups.map((g) => (g.isOther ? { ...g, label: 'Rest (4)' } : g)) };
    expect(seriesChartOption(relabelled, { stacked: true }).series[2]?.name).toBe('Other');
  });

  it('labels the x axis with the bucket starts in UTC', () => {
    const option = seriesChartOption(byPolicy, { stacked: true });
    expect(option.xAxis.type).toBe('category');
    expect(option.xAxis.data).toEqual(['14 Nov', '15 Nov', '16 Nov']);
    expect(seriesChartOption(ungrouped, { stacked: false }).xAxis.data).toEqual(['16 Nov 13:00', '16 Nov 14:00']);
  });

  it('draws plain lines when not stacked', () => {
    const option = seriesChartOption(byPolicy, { stacked: false });
    for (const s of option.series) {
      expect(s.stack).toBeUndefined();
      expect(s.areaStyle).toBeUndefined();
    }
  });

  it('names a single ungrouped series after the metric, without a legend', () => {
    const option = seriesChartOption(ungrouped, { stacked: true });
    expect(option.series).toHaveLength(1);
    expect(option.series[0]?.name).toBe('Decisions');
    expect(option.series[0]?.stack).toBeUndefined();
    expect(option.series[0]?.data).toEqual([5, 7]);
    expect(option.legend.show).toBe(false);
  });

  it('leaves a gap, not a zero, where there is no value', () => {
    const gappy = countSeries({ buckets: DAYS, groups: [{ key: 'x', label: 'X', values: [4, null] }] });
    expect(seriesChartOption(gappy, { stacked: true }).series[0]?.data).toEqual([4, null, null]);
  });

  it('formats the axis by the unit', () => {
    const axisLabel = (series: MetricSeries) =>
      (seriesChartOption(series, { stacked: false }).yAxis.axisLabel as { formatter: (v: number) => string }).formatter;
    expect(axisLabel(byPolicy)(25_000)).toBe('25K');
    expect(axisLabel({ ...byPolicy, metric: { id: 'action_rate', label: 'Action rate', unit: 'RATIO' } })(0.25)).toBe('25%');
  });

  it('shows a count in the tooltip as its value alone, with a total, escaping labels', () => {
    const series = countSeries({
      buckets: DAYS,
      groups: [
        { key: 'a', label: '<b>A</b>', values: [1500, 0, 0] },
        { key: 'b', label: 'B', values: [250, 0, 0] },
      ],
    });
    const html = tooltip(series, true, 0);
    expect(html).toContain('Sat 14 Nov 2026');
    expect(html).toContain('<b>1,500</b>');
    expect(html).toContain('<span class="tt-name">Total</span><b>1,750</b>');
    expect(html).not.toContain('tt-parts');
    expect(html).not.toContain('<b>A</b>');
    expect(html).toContain('&#60;b&#62;A&#60;/b&#62;');
    // A stack reads top-down: B (drawn on top) comes first.
    expect(html.indexOf('>B<')).toBeLessThan(html.indexOf('&#60;b&#62;A'));
  });

  it('shows a rate with its numerator and denominator, and the server total rather than a sum', () => {
    const rate = (value: number, numerator: number, denominator: number) => ({
      value,
      numerator,
      denominator,
      low: null,
      high: null,
      lowSample: false,
    });
    const series: MetricSeries = {
      ...countSeries({ buckets: DAYS.slice(0, 1), groups: [] }),
      metric: { id: 'action_rate', label: 'Action rate', unit: 'RATIO' },
      groups: [
        { key: 'EU', label: 'Europe', isOther: false, points: [rate(0.25, 250, 1000)], total: rate(0.25, 250, 1000) },
        { key: 'NA', label: 'North America', isOther: false, points: [rate(0.5, 50, 100)], total: rate(0.5, 50, 100) },
      ],
      bucketTotals: [{ value: 300 / 1100 }],
    };
    const html = tooltip(series, false, 0);
    expect(html).toContain('<b>25.0%</b><span class="tt-parts">250 / 1,000</span>');
    expect(html).toContain('<b>50.0%</b><span class="tt-parts">50 / 100</span>');
    expect(html).toContain('<span class="tt-name">Total</span><b>27.3%</b>');
  });
});
