import { describe, expect, it } from 'vitest';
import type { TooltipComponentFormatterCallbackParams } from 'echarts';
import { OTHER_KEY, countSeriesOption, foldGroups, type CountSeries } from './options';

const byPolicy: CountSeries = {
  grain: 'DAY',
  buckets: ['2026-11-14T00:00:00Z', '2026-11-15T00:00:00Z', '2026-11-16T00:00:00Z'],
  groups: [
    { key: 'spam', label: 'Spam & fake engagement', values: [1, 2, 3], total: 6 },
    { key: 'hate_speech', label: 'Hate speech', values: [1000, 2000, 3000], total: 6000 },
  ],
  total: 6006,
};

const ungrouped: CountSeries = {
  grain: 'HOUR',
  buckets: ['2026-11-16T13:00:00Z', '2026-11-16T14:00:00Z'],
  groups: [{ key: 'all', label: 'All', values: [5, 7], total: 12 }],
  total: 12,
};

describe('countSeriesOption', () => {
  it('makes one stacked area per group, largest first', () => {
    const option = countSeriesOption(byPolicy, { stacked: true });
    expect(option.series).toHaveLength(2);
    expect(option.series.map((s) => s.name)).toEqual(['Hate speech', 'Spam & fake engagement']);
    expect(option.series.map((s) => s.id)).toEqual(['hate_speech', 'spam']);
    expect(option.series.map((s) => s.data)).toEqual([
      [1000, 2000, 3000],
      [1, 2, 3],
    ]);
    for (const s of option.series) {
      expect(s.type).toBe('line');
      expect(s.stack).toBe('total');
      expect(s.areaStyle).toBeDefined();
    }
    expect(option.legend.show).toBe(true);
  });

  it('labels the x axis with the bucket starts in UTC', () => {
    const option = countSeriesOption(byPolicy, { stacked: true });
    expect(option.xAxis.type).toBe('category');
    expect(option.xAxis.data).toEqual(['14 Nov', '15 Nov', '16 Nov']);
    expect(countSeriesOption(ungrouped, { stacked: false }).xAxis.data).toEqual(['16 Nov 13:00', '16 Nov 14:00']);
  });

  it('draws plain lines when not stacked', () => {
    const option = countSeriesOption(byPolicy, { stacked: false });
    for (const s of option.series) {
      expect(s.stack).toBeUndefined();
      expect(s.areaStyle).toBeUndefined();
    }
  });

  it('shows a single ungrouped series without a legend', () => {
    const option = countSeriesOption(ungrouped, { stacked: true });
    expect(option.series).toHaveLength(1);
    expect(option.series[0]?.name).toBe('Decisions');
    expect(option.series[0]?.stack).toBeUndefined();
    expect(option.series[0]?.data).toEqual([5, 7]);
    expect(option.legend.show).toBe(false);
  });

  it('fills missing values with zero so every group spans every bucket', () => {
    const ragged: CountSeries = { ...byPolicy, groups: [{ key: 'x', label: 'X', values: [4], total: 4 }] };
    expect(countSeriesOption(ragged, { stacked: true }).series[0]?.data).toEqual([4, 0, 0]);
  });

  it('formats the tooltip with thousands separators and a total, escaping labels', () => {
    const series: CountSeries = {
      ...byPolicy,
      groups: [
        { key: 'a', label: '<b>A</b>', values: [1500, 0, 0], total: 1500 },
        { key: 'b', label: 'B', values: [250, 0, 0], total: 250 },
      ],
    };
    const option = countSeriesOption(series, { stacked: true });
    const formatter = option.tooltip.formatter as (p: TooltipComponentFormatterCallbackParams) => string;
    const html = formatter([
      { seriesName: '<b>A</b>', value: 1500, dataIndex: 0, marker: '' },
      { seriesName: 'B', value: 250, dataIndex: 0, marker: '' },
    ] as unknown as TooltipComponentFormatterCallbackParams);
    expect(html).toContain('Sat 14 Nov 2026');
    expect(html).toContain('1,500');
    expect(html).toContain('1,750');
    expect(html).not.toContain('<b>A</b>');
    expect(html).toContain('&#60;b&#62;A&#60;/b&#62;');
  });
});

describe('foldGroups', () => {
  it('keeps the largest groups and sums the rest into Other', () => {
    const groups = [10, 50, 20, 40, 30].map((total, i) => ({
      key: `g${i}`,
      label: `G${i}`,
      values: [total, 1],
      total: total + 1,
    }));
    const folded = foldGroups(groups, 3);
    expect(folded.map((g) => g.key)).toEqual(['g1', 'g3', OTHER_KEY]);
    const other = folded[2];
    expect(other?.label).toBe('Other (3)');
    expect(other?.values).toEqual([60, 3]);
    expect(other?.total).toBe(63);
  });

  it('leaves short lists alone', () => {
    expect(foldGroups(byPolicy.groups, 10)).toHaveLength(2);
  });
});
