import { describe, expect, it } from 'vitest';
import type { TooltipComponentFormatterCallbackParams } from 'echarts';
import { SLA_BY_REGION_POLICY, breakdown } from '../testing/breakdownFixtures';
import { ratePoint } from '../testing/seriesFixtures';
import { breakdownBarOption, heatmapAxes, heatmapOption, rankedCells } from './breakdownOption';

const byRegion = breakdown(
  [
    [['EU'], ['Europe'], ratePoint(1985, 2010)],
    [['LATAM'], ['Latin America'], ratePoint(1200, 4000)],
    [['__other__'], ['Other'], { value: null, numerator: 0, denominator: 0, low: null, high: null, lowSample: true }],
  ],
  [],
  ['REGION'],
);

describe('bars of one dimension', () => {
  it('ranks values, largest on top, with no-value cells last', () => {
    expect(rankedCells(byRegion).map((c) => c.keys[0])).toEqual(['EU', 'LATAM', '__other__']);
    // Category axes draw bottom-up, so the data is reversed for the largest to sit on top.
    const option = breakdownBarOption(byRegion);
    expect(option.yAxis.data).toEqual(['Other', 'Latin America', 'Europe']);
    expect(option.series[0]?.data).toEqual([
      { name: '__other__', value: null },
      { name: 'LATAM', value: 0.3 },
      { name: 'EU', value: 1985 / 2010 },
    ]);
  });

  it('carries each key as the bar name (what a click reports) and colours bars by value', () => {
    const option = breakdownBarOption(byRegion, (key, other) => (other ? 'grey' : key === 'EU' ? 'blue' : 'orange'));
    expect(option.series[0]?.data).toEqual([
      expect.objectContaining({ name: '__other__', itemStyle: { color: 'grey' } }),
      expect.objectContaining({ itemStyle: { color: 'orange' } }),
      expect.objectContaining({ itemStyle: { color: 'blue' } }),
    ]);
  });

  it('says in the tooltip what the bar rests on', () => {
    const option = breakdownBarOption(byRegion);
    const formatter = option.tooltip.formatter as (p: TooltipComponentFormatterCallbackParams) => string;
    expect(formatter({ dataIndex: 1 } as TooltipComponentFormatterCallbackParams)).toContain('1,200 / 4,000');
  });
});

describe('heatmaps of two dimensions', () => {
  it('takes rows and columns from the marginals, in the server order', () => {
    const { rows, columns } = heatmapAxes(SLA_BY_REGION_POLICY);
    expect(rows.map((r) => r.key)).toEqual(['LATAM', 'EU']);
    expect(columns.map((c) => c.key)).toEqual(['misinformation', 'hate_speech']);
  });

  it('leaves out labels that would overprint on a narrow chart (a phone) instead of drawing them over each other', () => {
    const option = heatmapOption(SLA_BY_REGION_POLICY, 'light', 'UP') as unknown as {
      xAxis: { axisLabel: { hideOverlap?: boolean } };
      yAxis: { axisLabel: { hideOverlap?: boolean } };
      series: { labelLayout?: { hideOverlap?: boolean } }[];
    };
    expect(option.xAxis.axisLabel.hideOverlap).toBe(true);
    expect(option.yAxis.axisLabel.hideOverlap).toBe(true);
    expect(option.series[0]?.labelLayout?.hideOverlap).toBe(true);
  });

  it('places each cell at [column, row, value] and names it by its keys', () => {
    const option = heatmapOption(SLA_BY_REGION_POLICY, 'light', 'UP');
    expect(option.xAxis.data).toEqual(['Misinformation', 'Hate speech']);
    expect(option.yAxis.data).toEqual(['Latin America', 'Europe']);
    expect(option.series[0]?.data).toEqual([
      { value: [0, 0, 0.1], name: 'LATAM|misinformation' },
      { value: [1, 0, 0.9], name: 'LATAM|hate_speech' },
      { value: [0, 1, 0.99], name: 'EU|misinformation' },
      { value: [1, 1, 0.5], name: 'EU|hate_speech' },
    ]);
  });

  it('makes the bad end of the scale the strong colour', () => {
    const up = heatmapOption(SLA_BY_REGION_POLICY, 'light', 'UP').visualMap.inRange as { color: string[] };
    const down = heatmapOption(SLA_BY_REGION_POLICY, 'light', 'DOWN').visualMap.inRange as { color: string[] };
    // For "higher is better", the lowest value gets the strongest (red) colour.
    expect(up.color[0]).toBe('#d1495b');
    expect(down.color[down.color.length - 1]).toBe('#d1495b');
    expect(heatmapOption(SLA_BY_REGION_POLICY, 'light', 'UP').visualMap).toMatchObject({ min: 0.1, max: 0.99 });
  });
});

describe('heatmap legibility', () => {
  it('prints the colour scale’s ends in numbers', () => {
    const option = heatmapOption(SLA_BY_REGION_POLICY, 'light', 'UP');
    const values = SLA_BY_REGION_POLICY.cells.map((c) => c.point.value).filter((v): v is number => v !== null);
    const text = (option.visualMap as { text: string[] }).text;
    expect(text).toEqual([`${(Math.max(...values) * 100).toFixed(1)}%`, `${(Math.min(...values) * 100).toFixed(1)}%`]);
    expect((option.visualMap as { show: boolean }).show).toBe(true);
  });

  it('draws a single cell in a pale neutral colour, not the bad end of the ramp, and hides a scale with one value', () => {
    const one = breakdown([[['EU', 'hate_speech'], ['Europe', 'Hate speech'], ratePoint(60, 100)]], [[['EU'], ['Europe'], ratePoint(60, 100)], [['hate_speech'], ['Hate speech'], ratePoint(60, 100)]]);
    const option = heatmapOption(one, 'light', 'UP');
    const map = option.visualMap as { show: boolean; inRange: { color: string[] } };
    expect(map.show).toBe(false);
    expect(map.inRange.color).toEqual(['#9dbbe6', '#9dbbe6']);
  });
});
