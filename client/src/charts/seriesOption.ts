import { KIND_DRAWING } from '../metricKinds';
import type {
  BarSeriesOption,
  ComposeOption,
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  LineSeriesOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TooltipComponentFormatterCallbackParams,
  TooltipComponentOption,
  YAXisComponentOption,
} from 'echarts';
import type { MarkerKind, SeriesQuery, Unit } from '../generated/graphql';
import { formatAxisValue, formatMetricValue } from '../format';
import { bucketAxisLabel, bucketTitle, formatMoment } from '../time/labels';
import type { ColorOf } from './colors';
import type { ColorScheme } from './colorScheme';
import { MARKER_GLYPH, MARKER_NOUN, placeMarkers, type ChartMarker, type PlacedMarker } from './markers';
import { escapeHtml, figureHtml, rowHtml } from './tooltip';
import { tickIndices } from './ticks';

/** The API's Series as the client selects it. */
export type MetricSeries = SeriesQuery['series'];
export type MetricSeriesGroup = MetricSeries['groups'][number];
export type MetricPoint = MetricSeriesGroup['points'][number];

/** The server adds up the groups beyond its top N in one group; it reads "Other" whatever its key. */
const OTHER_LABEL = 'Other';

/** Lines compare shapes; stacked areas and bars show how groups add up (counts only). */
export type TimeChartKind = 'line' | 'stacked' | 'bar';

export interface SeriesOptionConfig {
  kind: TimeChartKind;
  colorOf?: ColorOf;
  markers?: readonly ChartMarker[];
  markerKinds?: readonly MarkerKind[];
  /** The metric's target, drawn as a dashed line. */
  target?: { value: number; direction: string } | null;
  /** The comparison period's values, aligned bucket by bucket, drawn dashed (ungrouped charts). */
  comparison?: { label: string; values: readonly (number | null)[] };
  /** For the colours drawn outside the theme (incident labels), which must read on either background. */
  scheme?: ColorScheme;
}

const INCIDENT_INK: Record<ColorScheme, string> = { light: '#b3261e', dark: '#f2867d' };

// A type alias, not an interface: ECharts' option types need the implicit index signature aliases get.
export type TimeChartOption = {
  animationDuration: number;
  grid: GridComponentOption;
  legend: LegendComponentOption;
  tooltip: TooltipComponentOption;
  xAxis: {
    type: 'category';
    data: string[];
    boundaryGap: boolean;
    axisLabel: { hideOverlap: boolean; interval: (index: number) => boolean; alignMinLabel: 'left'; alignMaxLabel: 'right' };
    axisTick: { interval: (index: number) => boolean };
  };
  yAxis: YAXisComponentOption;
  dataZoom: DataZoomComponentOption[];
  series: (LineSeriesOption | BarSeriesOption)[];
};

// Compile-time proof that the hand-written shape is an option ECharts accepts.
type Accepted = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | DataZoomComponentOption
>;
const accepts = (option: TimeChartOption): Accepted => option;
void accepts;

/** Ids of helper series (interval band, markers, target, comparison): not groups of the answer. */
const HELPER = '__';
export const MARKERS_ID = `${HELPER}markers`;
const BAND_BASE_ID = `${HELPER}band-base`;
const BAND_ID = `${HELPER}band`;
const TARGET_ID = `${HELPER}target`;
const COMPARISON_ID = `${HELPER}comparison`;

/** Zoom appears once a chart has more buckets than can be read at once. */
const ZOOM_FROM_BUCKETS = 60;

/** Sums of counts add up across groups; rates, percentiles and distinct counts do not. */
export function isAdditive(series: Pick<MetricSeries, 'metric'>): boolean {
  return KIND_DRAWING[series.metric.kind].additive;
}

/** The ungrouped line is named after the metric ("Decisions"), not the API's "All". */
export function groupName(series: MetricSeries, group: MetricSeriesGroup): string {
  if (group.isOther) return OTHER_LABEL;
  return series.groups.length === 1 && group.key === 'all' ? series.metric.label : group.label;
}

function tooltipFormatter(series: MetricSeries, stacked: boolean, placed: readonly PlacedMarker[], zone: string) {
  const { unit } = series.metric;
  const byId = new Map(series.groups.map((g) => [g.key, g]));
  return (raw: TooltipComponentFormatterCallbackParams): string => {
    const params = Array.isArray(raw) ? raw : [raw];
    const index = params[0]?.dataIndex;
    if (index === undefined) return '';
    const rows: string[] = [];
    let comparison = '';
    for (const p of params) {
      const id = p.seriesId ?? '';
      const marker = typeof p.marker === 'string' ? p.marker : '';
      if (id === COMPARISON_ID) {
        comparison = rowHtml(marker, p.seriesName ?? '', `<b>${formatMetricValue(typeof p.value === 'number' ? p.value : null, unit)}</b>`);
        continue;
      }
      const group = byId.get(id);
      if (!group) continue;
      rows.push(rowHtml(marker, groupName(series, group), figureHtml(group.points[index], unit)));
    }
    // A stack is read top-down, so list its rows in the same order.
    if (stacked) rows.reverse();
    if (series.groups.length > 1) {
      // From the server, not summed here: a rate of all groups is not the sum of their rates.
      rows.push(`<div class="tt-total">${rowHtml('', 'All', figureHtml(series.bucketTotals[index], unit))}</div>`);
    }
    if (comparison) rows.push(comparison);
    const events = placed
      .filter((m) => m.start <= index && index <= m.end)
      .map(
        (m) =>
          `<div class="tt-event">${MARKER_GLYPH[m.marker.kind]} ${escapeHtml(m.marker.title)} <span class="tt-parts">${MARKER_NOUN[m.marker.kind]}, ${escapeHtml(formatMoment(m.marker.at, zone))}</span></div>`,
      );
    const bucket = series.buckets[index];
    const title = bucket ? escapeHtml(bucketTitle(bucket, series.grain, series.timeZone)) : '';
    return `<div class="tt"><div class="tt-title">${title}</div>${rows.join('')}${events.join('')}</div>`;
  };
}

function markerSeries(placed: readonly PlacedMarker[], scheme: ColorScheme): LineSeriesOption | null {
  if (placed.length === 0) return null;
  const lines: MarkLineComponentOption['data'] = placed
    .filter((m) => m.marker.kind !== 'INCIDENT')
    .map((m) => ({
      name: m.marker.title,
      xAxis: m.start,
      lineStyle: { color: m.marker.kind === 'ROLLBACK' ? '#d1495b' : '#8a63d2', type: 'dashed', width: 1.5 },
      label: { formatter: MARKER_GLYPH[m.marker.kind], position: 'end' },
    }));
  const areas: MarkAreaComponentOption['data'] = placed
    .filter((m) => m.marker.kind === 'INCIDENT')
    .map((m) => [
      { name: m.marker.title, xAxis: m.start, itemStyle: { color: 'rgba(225, 87, 89, 0.12)' } },
      { xAxis: m.end },
    ]);
  return {
    type: 'line',
    id: MARKERS_ID,
    name: 'Events',
    data: [],
    silent: true,
    // Its legend swatch: the rollout purple, so it is not read as one of the groups.
    itemStyle: { color: '#8a63d2' },
    markLine: { symbol: 'none', silent: true, data: lines, animation: false },
    markArea: {
      silent: true,
      data: areas,
      label: { position: 'insideTop', fontSize: 11, color: INCIDENT_INK[scheme] },
    },
  };
}

/**
 * Series → ECharts option: one line, stacked area or bar per group, in the server's order
 * (largest first, "Other" last), on a category axis of bucket starts labelled in the answer's zone.
 * A null value (nothing to compute it from) is a gap, not a zero. Stacking is only offered for
 * metrics whose groups add up; a stack of rates would draw a sum that means nothing.
 */
export function seriesChartOption(series: MetricSeries, config: SeriesOptionConfig): TimeChartOption {
  const single = series.groups.length === 1;
  const additive = isAdditive(series);
  const stacked = !single && additive && config.kind !== 'line';
  const asBars = config.kind === 'bar';
  const { unit } = series.metric;
  // Point symbols help on a few buckets of one line; on many lines they turn into noise.
  const symbols = series.buckets.length <= (single ? 48 : 14);
  const zoom = series.buckets.length > ZOOM_FROM_BUCKETS;
  const placed = placeMarkers(config.markers ?? [], config.markerKinds ?? [], series.buckets, series.range);

  const groups: (LineSeriesOption | BarSeriesOption)[] = series.groups.map((group) => {
    const color = config.colorOf?.(group.key, group.isOther);
    const data = series.buckets.map((_, i) => group.points[i]?.value ?? null);
    const common = {
      id: group.key,
      name: groupName(series, group),
      data,
      emphasis: { focus: 'series' as const },
      ...(color ? { itemStyle: { color } } : {}),
    };
    if (asBars) return { ...common, type: 'bar', ...(stacked ? { stack: 'total' } : {}), barMaxWidth: 28 };
    return {
      ...common,
      type: 'line',
      ...(stacked ? { stack: 'total', areaStyle: { opacity: 0.75 }, lineStyle: { width: 1 } } : {}),
      ...(single && additive ? { areaStyle: { opacity: 0.12 }, lineStyle: { width: 2 } } : {}),
      ...(color ? { lineStyle: { width: stacked ? 1 : 2, color } } : {}),
      showSymbol: symbols,
      symbolSize: 5,
      // Lets a click on a line or area (not just on a point) report its series, for filtering.
      triggerLineEvent: true,
    };
  });

  const helpers: LineSeriesOption[] = [];
  const only = series.groups[0];
  if (single && only && !asBars && unit === 'RATIO' && only.points.some((p) => p.low !== null)) {
    // The 95 % interval as a band: an invisible base at the lower bound, the width stacked on it.
    const low = only.points.map((p) => p.low);
    helpers.push(
      { type: 'line', id: BAND_BASE_ID, name: BAND_BASE_ID, data: low, stack: 'band', lineStyle: { opacity: 0 }, showSymbol: false, silent: true },
      {
        type: 'line',
        id: BAND_ID,
        name: '95% interval',
        data: only.points.map((p) => (p.low === null || p.high === null ? null : p.high - p.low)),
        stack: 'band',
        lineStyle: { opacity: 0 },
        areaStyle: { opacity: 0.18 },
        showSymbol: false,
        silent: true,
        ...(config.colorOf ? { itemStyle: { color: config.colorOf(only.key) } } : {}),
      },
    );
  }
  if (config.comparison && single) {
    helpers.push({
      type: 'line',
      id: COMPARISON_ID,
      name: config.comparison.label,
      data: [...config.comparison.values],
      lineStyle: { type: 'dashed', width: 1.5 },
      itemStyle: { color: '#8b95a3' },
      showSymbol: false,
    });
  }
  if (config.target) {
    const t = config.target;
    helpers.push({
      type: 'line',
      id: TARGET_ID,
      name: 'Target',
      data: [],
      silent: true,
      itemStyle: { color: '#c0392b' },
      markLine: {
        symbol: 'none',
        silent: true,
        animation: false,
        lineStyle: { color: '#c0392b', type: [6, 4], width: 1.25 },
        // outside the plot, right of its end: never under an incident's label (inside the plot, at its top)
        label: { formatter: targetLabel(t, unit), position: 'end' },
        data: [{ yAxis: t.value }],
      },
    });
  }
  const events = markerSeries(placed, config.scheme ?? 'light');
  if (events) helpers.push(events);

  const legendNames = [...groups, ...helpers].map((s) => String(s.name)).filter((n) => n !== BAND_BASE_ID);
  const showLegend = !single || helpers.some((h) => h.id !== BAND_BASE_ID);
  const ticks = new Set(tickIndices(series.buckets, series.grain, series.timeZone));
  const labelled = (index: number) => ticks.has(index);

  return {
    animationDuration: 300,
    // Axis labels must fit inside the canvas, or the first and last dates are clipped; the legend
    // wraps onto as many rows as its names need (whole names, no paging), and the target's label
    // sits in the right margin.
    grid: {
      left: 8,
      right: config.target ? Math.max(24, textWidth(targetLabel(config.target, unit)) + 12) : 24,
      top: showLegend ? 16 + LEGEND_ROW_PX * legendRows(legendNames) : 16,
      bottom: zoom ? 40 : 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    legend: { show: showLegend, type: 'plain', top: 0, left: 0, right: 0, icon: 'roundRect', data: legendNames },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: asBars ? 'shadow' : 'line' },
      formatter: tooltipFormatter(series, stacked, placed, series.timeZone),
    },
    xAxis: {
      type: 'category',
      data: series.buckets.map((b) => bucketAxisLabel(b, series.grain, series.timeZone)),
      boundaryGap: asBars,
      // the first and last labels lean inwards rather than past the plot's ends
      axisLabel: { hideOverlap: true, interval: (index: number) => labelled(index), alignMinLabel: 'left', alignMaxLabel: 'right' },
      axisTick: { interval: (index: number) => labelled(index) },
    },
    yAxis: valueAxis(unit),
    dataZoom: [
      { type: 'inside', id: 'zoom-inside', disabled: !zoom },
      { type: 'slider', id: 'zoom-slider', show: zoom, height: 18, bottom: 6 },
    ],
    series: [...groups, ...helpers],
  };
}

const targetLabel = (t: { value: number; direction: string }, unit: Unit) => `${t.direction === 'AT_MOST' ? '≤' : '≥'} ${formatMetricValue(t.value, unit)}`;

/** Width of a label in the charts' 12 px sans-serif, generously (digits and capitals ~7 px). */
export const textWidth = (text: string) => Math.ceil(text.length * 7);

const LEGEND_ROW_PX = 22;
/** Legend items per row on the narrowest chart panel (~520 px of legend): swatch, gap and name. */
const LEGEND_WIDTH_PX = 520;

/** Rows a wrapping legend needs for these names on the narrowest panel. */
export function legendRows(names: readonly string[]): number {
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const item = 34 + textWidth(name);
    if (used > 0 && used + item > LEGEND_WIDTH_PX) {
      rows += 1;
      used = 0;
    }
    used += item;
  }
  return rows;
}

/** Counts and durations start at zero; proportions and coefficients zoom in on where they move. */
export function valueAxis(unit: Unit): YAXisComponentOption {
  const formatter = (value: number) => formatAxisValue(value, unit);
  // Zoomed rate axes end on whole steps of 2 points, so their end labels are round too.
  if (unit === 'RATIO') {
    return {
      type: 'value',
      scale: true,
      min: (e: { min: number }) => Math.max(0, Math.floor(e.min * 50) / 50),
      max: (e: { max: number }) => Math.min(1, Math.ceil(e.max * 50) / 50),
      axisLabel: { formatter },
    };
  }
  if (unit === 'COEFFICIENT') return { type: 'value', scale: true, axisLabel: { formatter } };
  return { type: 'value', min: 0, axisLabel: { formatter } };
}
