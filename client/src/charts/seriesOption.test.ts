import { describe, expect, it } from 'vitest';
import type { TooltipComponentFormatterCallbackParams } from 'echarts';
import { countSeries, ratePoint } from '../testing/seriesFixtures';
import { markedNames, type ChartMarker } from './markers';
import { MARKERS_ID, legendRows, seriesChartOption, type MetricSeries, type SeriesOptionConfig } from './seriesOption';

const DAYS = ['2026-11-14T00:00:00Z', '2026-11-15T00:00:00Z', '2026-11-16T00:00:00Z'];

// In the server's order: largest first, "Other" last.
const byPolicy = countSeries({
  buckets: DAYS,
  groups: [
    { key: 'hate_speech', label: 'Hate speech', values: [1000, 2000, 3000] },
    { key: 'spam', label: 'Spam & fake engagement', values: [1, 2, 3] },
    { key: '__other__', label: 'Rest (4)', values: [7, 8, 9], isOther: true },
  ],
});

const ungrouped = countSeries({
  grain: 'HOUR',
  buckets: ['2026-11-16T13:00:00Z', '2026-11-16T14:00:00Z'],
  groups: [{ key: 'all', label: 'All', values: [5, 7] }],
});

const SLA = { id: 'review_sla', label: 'Review SLA attainment', unit: 'RATIO', kind: 'RATE', goodDirection: 'UP' } as const;

/** A rate by region: Europe with plenty of items, Latin America with a low-sample day. */
const slaByRegion: MetricSeries = {
  ...countSeries({ buckets: DAYS.slice(0, 2), groups: [] }),
  metric: SLA,
  groups: [
    { key: 'EU', label: 'Europe', isOther: false, points: [ratePoint(990, 1000, [0.982, 0.995]), ratePoint(980, 1000)], total: ratePoint(1970, 2000) },
    { key: 'LATAM', label: 'Latin America', isOther: false, points: [ratePoint(5, 20), ratePoint(400, 500)], total: ratePoint(405, 520) },
  ],
  bucketTotals: [ratePoint(995, 1020), ratePoint(1380, 1500)],
};

const lines = (s: MetricSeries, config: SeriesOptionConfig) => seriesChartOption(s, config).series.filter((x) => !String(x.id).startsWith('__'));

/** Calls the tooltip formatter as ECharts does: one entry per drawn series at the hovered bucket. */
function tooltip(series: MetricSeries, config: SeriesOptionConfig, dataIndex: number): string {
  const option = seriesChartOption(series, config);
  const formatter = option.tooltip.formatter as (p: TooltipComponentFormatterCallbackParams) => string;
  const params = option.series.map((s, seriesIndex) => ({
    seriesId: s.id,
    seriesName: s.name,
    seriesIndex,
    value: (s.data as (number | null)[])[dataIndex],
    dataIndex,
    marker: '',
  }));
  return formatter(params as unknown as TooltipComponentFormatterCallbackParams);
}

describe('seriesChartOption', () => {
  it('makes one stacked area per group of a count, in the server order, "Other" named as such', () => {
    const option = seriesChartOption(byPolicy, { kind: 'stacked' });
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
    }
    expect(option.legend.show).toBe(true);
  });

  it('never stacks a rate: a sum of rates means nothing', () => {
    for (const s of lines(slaByRegion, { kind: 'stacked' })) expect(s.stack).toBeUndefined();
    for (const s of lines(slaByRegion, { kind: 'bar' })) expect(s.stack).toBeUndefined();
  });

  it('draws bars when asked, stacked for counts', () => {
    const bars = seriesChartOption(byPolicy, { kind: 'bar' });
    expect(bars.series.every((s) => s.type === 'bar' && s.stack === 'total')).toBe(true);
    expect(bars.xAxis.boundaryGap).toBe(true);
  });

  it('labels the x axis with the bucket starts in the answer’s zone', () => {
    expect(seriesChartOption(byPolicy, { kind: 'line' }).xAxis.data).toEqual(['14 Nov', '15 Nov', '16 Nov']);
    expect(seriesChartOption(ungrouped, { kind: 'line' }).xAxis.data).toEqual(['16 Nov 13:00', '16 Nov 14:00']);
    expect(seriesChartOption({ ...ungrouped, timeZone: 'Asia/Tokyo' }, { kind: 'line' }).xAxis.data).toEqual(['16 Nov 22:00', '16 Nov 23:00']);
  });

  it('names a single ungrouped series after the metric, without a legend', () => {
    const option = seriesChartOption(ungrouped, { kind: 'stacked' });
    expect(option.series).toHaveLength(1);
    expect(option.series[0]?.name).toBe('Decisions');
    expect(option.series[0]?.stack).toBeUndefined();
    expect(option.legend.show).toBe(false);
  });

  it('leaves a gap, not a zero, where there is no value', () => {
    const gappy = countSeries({ buckets: DAYS, groups: [{ key: 'x', label: 'X', values: [4, null] }] });
    expect(seriesChartOption(gappy, { kind: 'line' }).series[0]?.data).toEqual([4, null, null]);
  });

  it('colours groups by the colour function, so a region is the same colour everywhere', () => {
    const option = seriesChartOption(slaByRegion, { kind: 'line', colorOf: (key) => (key === 'LATAM' ? '#f28e2b' : '#4e79a7') });
    expect(option.series.map((s) => (s.itemStyle as { color: string }).color)).toEqual(['#4e79a7', '#f28e2b']);
  });

  it('draws the target as a dashed line with its direction', () => {
    const option = seriesChartOption(slaByRegion, { kind: 'line', target: { value: 0.95, direction: 'AT_LEAST' } });
    const target = option.series.find((s) => s.id === '__target');
    expect(target?.markLine?.data).toEqual([{ yAxis: 0.95 }]);
    expect((target?.markLine?.label as { formatter: string }).formatter).toBe('≥ 95.0%');
  });

  it('shades the 95 % interval of a single rate', () => {
    const single: MetricSeries = { ...slaByRegion, groups: [slaByRegion.groups[0]!] };
    const option = seriesChartOption(single, { kind: 'line' });
    const band = option.series.find((s) => s.id === '__band');
    expect(band?.data).toEqual([expect.closeTo(0.013, 6), null]);
    expect(option.series.find((s) => s.id === '__band-base')?.data).toEqual([0.982, null]);
  });

  it('marks rollouts as lines and incidents as areas on the buckets they fall in', () => {
    const markers: ChartMarker[] = [
      { kind: 'ROLLOUT', at: '2026-11-15T10:00:00Z', endsAt: null, title: 'safety-mm 3.3 in SEA', detail: null, regions: ['SEA'], countries: [], policies: [], models: [], vendors: [] },
      { kind: 'INCIDENT', at: '2026-11-10T08:00:00Z', endsAt: '2026-11-16T00:00:00Z', title: 'Election', detail: null, regions: [], countries: [], policies: [], models: [], vendors: [] },
    ];
    const option = seriesChartOption(byPolicy, { kind: 'line', markers, markerKinds: ['ROLLOUT', 'INCIDENT'] });
    const events = option.series.find((s) => s.id === MARKERS_ID)!;
    expect(events.markLine?.data).toEqual([expect.objectContaining({ name: 'safety-mm 3.3 in SEA', xAxis: 1 })]);
    // Began before the chart: drawn from its first bucket to the last bucket before its end.
    expect(events.markArea?.data).toEqual([[expect.objectContaining({ name: 'Election', xAxis: 0 }), { xAxis: 1 }]]);
    expect(tooltip(byPolicy, { kind: 'line', markers, markerKinds: ['ROLLOUT', 'INCIDENT'] }, 1)).toContain('safety-mm 3.3 in SEA');
    // The chart's accessible description names what is marked.
    expect(markedNames(option)).toEqual(['safety-mm 3.3 in SEA', 'Election']);
    expect(markedNames(seriesChartOption(byPolicy, { kind: 'line' }))).toEqual([]);
    // Kinds a chart does not show are left out.
    expect(seriesChartOption(byPolicy, { kind: 'line', markers, markerKinds: ['INCIDENT'] }).series.find((s) => s.id === MARKERS_ID)?.markLine?.data).toEqual([]);
  });

  it('zooms long series only', () => {
    const zoom = (s: MetricSeries) => seriesChartOption(s, { kind: 'line' }).dataZoom as { disabled?: boolean; show?: boolean }[];
    expect(zoom(byPolicy).map((z) => z.disabled ?? z.show)).toEqual([true, false]);
    const long = countSeries({
      grain: 'HOUR',
      buckets: Array.from({ length: 100 }, (_, i) => new Date(Date.UTC(2026, 10, 10, i)).toISOString()),
      groups: [{ key: 'all', label: 'All', values: Array.from({ length: 100 }, () => 1) }],
    });
    expect(zoom(long).map((z) => z.disabled ?? z.show)).toEqual([false, true]);
  });
});

describe('tooltips', () => {
  it('shows a rate with its numerator, denominator and interval, flags low samples, and takes the total from the server', () => {
    const html = tooltip(slaByRegion, { kind: 'line' }, 0);
    expect(html).toContain('<b>99.0%</b><span class="tt-parts">990 / 1,000 · 98.2–99.5%</span>');
    expect(html).toContain('<b>25.0%</b><span class="tt-parts">5 / 20</span><span class="tt-low">low sample</span>');
    // 995 / 1020, not the mean of 99 % and 25 %.
    expect(html).toContain('<span class="tt-name">All</span><b>97.5%</b>');
  });

  it('lists a stack top-down, escapes labels and shows the comparison period', () => {
    const html = tooltip(
      countSeries({ buckets: DAYS, groups: [
        { key: 'a', label: '<b>A</b>', values: [1500, 0, 0] },
        { key: 'b', label: 'B', values: [250, 0, 0] },
      ] }),
      { kind: 'stacked' },
      0,
    );
    expect(html).toContain('Sat 14 Nov 2026');
    expect(html).not.toContain('<b>A</b>');
    expect(html.indexOf('>B<')).toBeLessThan(html.indexOf('&#60;b&#62;A'));
    const compared = tooltip(ungrouped, { kind: 'line', comparison: { label: 'Comparison period', values: [4, 6] } }, 1);
    expect(compared).toContain('Comparison period');
    expect(compared).toContain('<b>6</b>');
  });
});

describe('legibility', () => {
  const manyRegions = countSeries({
    buckets: DAYS,
    groups: ['Europe', 'North America', 'Latin America', 'Southeast Asia', 'Middle East & North Africa', 'Sub-Saharan Africa', 'South Asia', 'East Asia', 'Oceania', 'Kestrel Annotation Services', 'Tessera BPO', 'Other'].map(
      (label, i) => ({ key: `k${i}`, label, values: [1, 2, 3], isOther: label === 'Other' }),
    ),
  });

  it('keeps every legend name whole: a wrapping legend (no pages, no cut names) and room above the plot for its rows', () => {
    const few = seriesChartOption(byPolicy, { kind: 'line' });
    const many = seriesChartOption(manyRegions, { kind: 'line' });
    expect([few.legend.type, many.legend.type]).toEqual(['plain', 'plain']);
    expect(many.legend).not.toHaveProperty('formatter');
    expect(many.legend).not.toHaveProperty('textStyle');
    // 12 names of 34 px + 7 px a character on a 520 px legend: 4 rows of 22 px
    expect(legendRows(manyRegions.groups.map((g) => g.label))).toBe(4);
    expect(many.grid.top).toBe(16 + 4 * 22);
    expect(few.grid.top).toBe(16 + 22);
  });

  it('puts the target label in the right margin, out of the plot where incident labels sit', () => {
    const incident: ChartMarker = { kind: 'INCIDENT', at: DAYS[1]!, endsAt: DAYS[2]!, title: 'EU outage', detail: null, regions: [], countries: [], policies: [], models: [], vendors: [] };
    const option = seriesChartOption(slaByRegion, { kind: 'line', target: { value: 0.95, direction: 'AT_LEAST' }, markers: [incident], markerKinds: ['INCIDENT'] });
    const target = option.series.find((s) => s.id === '__target');
    expect((target?.markLine?.label as { position: string }).position).toBe('end');
    // "≥ 95.0%" is 7 characters: 49 px and 12 px of gap
    expect(option.grid.right).toBe(61);
    const events = option.series.find((s) => s.id === MARKERS_ID);
    expect((events?.markArea?.label as { position: string }).position).toBe('insideTop');
  });

  it('leans the end labels inwards, and labels round hours only', () => {
    const day = countSeries({ grain: 'HOUR', buckets: Array.from({ length: 24 }, (_, i) => new Date(Date.parse('2026-11-15T17:00:00Z') + i * 3_600_000).toISOString()), groups: [{ key: 'all', label: 'All', values: Array(24).fill(1) }] });
    const option = seriesChartOption(day, { kind: 'line' });
    expect([option.xAxis.axisLabel.alignMinLabel, option.xAxis.axisLabel.alignMaxLabel]).toEqual(['left', 'right']);
    const shown = option.xAxis.data.filter((_, i) => option.xAxis.axisLabel.interval(i));
    expect(shown).toEqual(['15 Nov 18:00', '15 Nov 21:00', '16 Nov 00:00', '16 Nov 03:00', '16 Nov 06:00', '16 Nov 09:00', '16 Nov 12:00', '16 Nov 15:00']);
    expect(option.xAxis.data.filter((_, i) => option.xAxis.axisTick.interval(i))).toEqual(shown);
  });
});
