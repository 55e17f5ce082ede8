import type {
  ComposeOption,
  GridComponentOption,
  LegendComponentOption,
  LineSeriesOption,
  TooltipComponentFormatterCallbackParams,
  TooltipComponentOption,
  YAXisComponentOption,
} from 'echarts';
import type { Grain, ModerationDecisionsQuery } from '../generated/graphql';
import { formatCompact, formatCount } from '../format';
import { bucketAxisLabel, bucketTitle } from '../time/labels';

/** The API's CountSeries as the client selects it. */
export type CountSeries = ModerationDecisionsQuery['moderationDecisions'];
export type CountSeriesGroup = CountSeries['groups'][number];

/** Series id of the folded tail of small groups; it has no key to drill into. */
export const OTHER_KEY = '__other__';

export interface CountSeriesOptionConfig {
  /** Stacked areas show how groups add up to the total; plain lines compare their shapes. */
  stacked: boolean;
  /** More than this many groups fold the smallest into one "Other" series, so colours stay distinguishable. */
  maxGroups?: number;
  /** Series name when there is a single ungrouped series. */
  singleName?: string;
}

// A type alias, not an interface: ECharts' option types need the implicit index signature aliases get.
export type CountChartOption = {
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
const accepts = (option: CountChartOption): Accepted => option;
void accepts;

/** Largest groups first (ties by label), the rest summed into "Other". */
export function foldGroups(groups: readonly CountSeriesGroup[], maxGroups: number): CountSeriesGroup[] {
  const sorted = [...groups].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
  if (sorted.length <= maxGroups) return sorted;
  const kept = sorted.slice(0, Math.max(1, maxGroups - 1));
  const rest = sorted.slice(kept.length);
  const width = Math.max(0, ...rest.map((g) => g.values.length));
  const values = Array.from({ length: width }, (_, i) => rest.reduce((sum, g) => sum + (g.values[i] ?? 0), 0));
  return [
    ...kept,
    {
      key: OTHER_KEY,
      label: `Other (${rest.length})`,
      values,
      total: rest.reduce((sum, g) => sum + g.total, 0),
    },
  ];
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function tooltipFormatter(buckets: readonly string[], grain: Grain, stacked: boolean) {
  return (raw: TooltipComponentFormatterCallbackParams): string => {
    const params = Array.isArray(raw) ? raw : [raw];
    const first = params[0];
    if (!first) return '';
    const bucket = buckets[first.dataIndex];
    const rows = params.map((p) => {
      const value = typeof p.value === 'number' ? p.value : Number(p.value);
      return { marker: typeof p.marker === 'string' ? p.marker : '', name: p.seriesName ?? '', value };
    });
    // A stack is read top-down, so list its rows in the same order.
    if (stacked) rows.reverse();
    const lines = rows.map(
      (r) =>
        `<div class="tt-row">${r.marker}<span class="tt-name">${escapeHtml(r.name)}</span><b>${formatCount(r.value)}</b></div>`,
    );
    if (rows.length > 1) {
      const total = rows.reduce((sum, r) => sum + (Number.isFinite(r.value) ? r.value : 0), 0);
      lines.push(`<div class="tt-row tt-total"><span class="tt-name">Total</span><b>${formatCount(total)}</b></div>`);
    }
    const title = bucket ? escapeHtml(bucketTitle(bucket, grain)) : '';
    return `<div class="tt"><div class="tt-title">${title}</div>${lines.join('')}</div>`;
  };
}

/** CountSeries → ECharts option: one line (or stacked area) per group on a category axis of bucket starts. */
export function countSeriesOption(series: CountSeries, config: CountSeriesOptionConfig): CountChartOption {
  const { stacked, maxGroups = 10, singleName = 'Decisions' } = config;
  const groups = foldGroups(series.groups, maxGroups);
  const single = groups.length === 1;
  const manyPoints = series.buckets.length > 48;

  const lines: LineSeriesOption[] = groups.map((group) => ({
    type: 'line',
    id: group.key,
    name: single && group.key === 'all' ? singleName : group.label,
    data: series.buckets.map((_, i) => group.values[i] ?? 0),
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
      formatter: tooltipFormatter(series.buckets, series.grain, stacked),
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
      axisLabel: { formatter: (value: number) => formatCompact(value) },
    },
    series: lines,
  };
}
