import type {
  ComposeOption,
  GridComponentOption,
  LegendComponentOption,
  LineSeriesOption,
  TooltipComponentFormatterCallbackParams,
  TooltipComponentOption,
  YAXisComponentOption,
} from 'echarts';
import type { SeriesQuery } from '../generated/graphql';
import { formatAxisValue, formatCount, formatMetricValue } from '../format';
import { bucketAxisLabel, bucketTitle } from '../time/labels';

/** The API's Series as the client selects it. */
export type MetricSeries = SeriesQuery['series'];
export type MetricSeriesGroup = MetricSeries['groups'][number];
export type MetricPoint = MetricSeriesGroup['points'][number];

/** The server adds up the groups beyond its top N in one group; it reads "Other" whatever its key. */
export const OTHER_LABEL = 'Other';

export interface SeriesOptionConfig {
  /** Stacked areas show how groups add up to the total; plain lines compare their shapes. */
  stacked: boolean;
}

// A type alias, not an interface: ECharts' option types need the implicit index signature aliases get.
export type SeriesChartOption = {
  animationDuration: number;
  grid: GridComponentOption;
  legend: LegendComponentOption;
  tooltip: TooltipComponentOption;
  xAxis: {
    type: 'category';
    data: string[];
    boundaryGap: boolean;
    axisLabel: { hideOverlap: boolean };
  };
  yAxis: YAXisComponentOption;
  series: LineSeriesOption[];
};

// Compile-time proof that the hand-written shape is an option ECharts accepts.
type Accepted = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;
const accepts = (option: SeriesChartOption): Accepted => option;
void accepts;

/** The ungrouped line is named after the metric ("Decisions"), not the API's "All". */
function groupName(series: MetricSeries, group: MetricSeriesGroup): string {
  if (group.isOther) return OTHER_LABEL;
  return series.groups.length === 1 && group.key === 'all' ? series.metric.label : group.label;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function tooltipFormatter(series: MetricSeries, stacked: boolean) {
  const { unit } = series.metric;
  const figure = (point: MetricPoint | undefined) => {
    if (!point) return '<b>–</b>';
    const value = `<b>${formatMetricValue(point.value, unit)}</b>`;
    // A count has no parts; a rate reads better with what it was computed from (and how few).
    if (point.numerator === null || point.denominator === null) return value;
    return `${value}<span class="tt-parts">${formatCount(point.numerator)} / ${formatCount(point.denominator)}</span>`;
  };
  return (raw: TooltipComponentFormatterCallbackParams): string => {
    const params = Array.isArray(raw) ? raw : [raw];
    const first = params[0];
    if (!first) return '';
    const index = first.dataIndex;
    const bucket = series.buckets[index];
    const rows = params.map((p) => ({
      marker: typeof p.marker === 'string' ? p.marker : '',
      name: p.seriesName ?? '',
      // Series are drawn in the order of the groups, so the series index finds the point.
      point: series.groups[p.seriesIndex ?? -1]?.points[index],
    }));
    // A stack is read top-down, so list its rows in the same order.
    if (stacked) rows.reverse();
    const lines = rows.map(
      (r) => `<div class="tt-row">${r.marker}<span class="tt-name">${escapeHtml(r.name)}</span>${figure(r.point)}</div>`,
    );
    if (rows.length > 1) {
      // From the server, not summed here: a rate of all groups is not the sum of their rates.
      const total = formatMetricValue(series.bucketTotals[index]?.value ?? null, unit);
      lines.push(`<div class="tt-row tt-total"><span class="tt-name">Total</span><b>${total}</b></div>`);
    }
    const title = bucket ? escapeHtml(bucketTitle(bucket, series.grain)) : '';
    return `<div class="tt"><div class="tt-title">${title}</div>${lines.join('')}</div>`;
  };
}

/**
 * Series → ECharts option: one line (or stacked area) per group, in the server's order
 * (largest first, "Other" last), on a category axis of bucket starts. A null value (nothing
 * to compute it from) is a gap, not a zero.
 */
export function seriesChartOption(series: MetricSeries, config: SeriesOptionConfig): SeriesChartOption {
  const { stacked } = config;
  const single = series.groups.length === 1;
  const manyPoints = series.buckets.length > 48;
  const { unit } = series.metric;

  const lines: LineSeriesOption[] = series.groups.map((group) => ({
    type: 'line',
    id: group.key,
    name: groupName(series, group),
    data: series.buckets.map((_, i) => group.points[i]?.value ?? null),
    ...(stacked && !single ? { stack: 'total', areaStyle: { opacity: 0.75 }, lineStyle: { width: 1 } } : {}),
    ...(single ? { areaStyle: { opacity: 0.12 }, lineStyle: { width: 2 } } : {}),
    showSymbol: !manyPoints,
    symbolSize: 5,
    // Lets a click on a line or area (not just on a point) report its series, for drilling.
    triggerLineEvent: true,
    emphasis: { focus: 'series' },
  }));

  return {
    animationDuration: 300,
    // Axis labels must fit inside the canvas, or the first and last dates are clipped.
    grid: {
      left: 8,
      right: 24,
      top: single ? 16 : 44,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    legend: { show: !single, type: 'scroll', top: 0, left: 0, right: 0, icon: 'roundRect' },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'line' },
      formatter: tooltipFormatter(series, stacked),
    },
    xAxis: {
      type: 'category',
      data: series.buckets.map((b) => bucketAxisLabel(b, series.grain)),
      boundaryGap: false,
      axisLabel: { hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      min: 0,
      axisLabel: { formatter: (value: number) => formatAxisValue(value, unit) },
    },
    series: lines,
  };
}
