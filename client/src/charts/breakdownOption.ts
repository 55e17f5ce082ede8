import type {
  BarSeriesOption,
  ComposeOption,
  GridComponentOption,
  HeatmapSeriesOption,
  TooltipComponentFormatterCallbackParams,
  TooltipComponentOption,
  VisualMapComponentOption,
  XAXisComponentOption,
  YAXisComponentOption,
} from 'echarts';
import type { BreakdownQuery, Direction, Unit } from '../generated/graphql';
import { formatAxisValue, formatMetricValue } from '../format';
import type { ColorScheme } from './colorScheme';
import type { ColorOf } from './colors';
import { escapeHtml, figureHtml, rowHtml } from './tooltip';

export type MetricBreakdown = BreakdownQuery['breakdown'];
export type BreakdownCell = MetricBreakdown['cells'][number];

// A type alias, not an interface: ECharts' option types need the implicit index signature aliases get.
export type BarChartOption = {
  animationDuration: number;
  grid: GridComponentOption;
  tooltip: TooltipComponentOption;
  xAxis: XAXisComponentOption;
  yAxis: YAXisComponentOption & { data: string[] };
  series: BarSeriesOption[];
};

export type HeatmapChartOption = {
  animationDuration: number;
  grid: GridComponentOption;
  tooltip: TooltipComponentOption;
  xAxis: XAXisComponentOption & { data: string[] };
  yAxis: YAXisComponentOption & { data: string[] };
  visualMap: VisualMapComponentOption;
  series: HeatmapSeriesOption[];
};

type Accepted = ComposeOption<BarSeriesOption | HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption>;
const accepts = (option: BarChartOption | HeatmapChartOption): Accepted => option;
void accepts;

/** Rows of a one-dimension breakdown, largest value first, cells without a value last. */
export function rankedCells(breakdown: MetricBreakdown): BreakdownCell[] {
  return [...breakdown.cells].sort((a, b) => (b.point.value ?? -Infinity) - (a.point.value ?? -Infinity));
}

/**
 * One bar per value of the dimension, largest on top (category axes draw bottom-up, so the data
 * is reversed). Each bar carries its key as the data item's name, which a click reports.
 */
export function breakdownBarOption(breakdown: MetricBreakdown, colorOf?: ColorOf): BarChartOption {
  const { unit } = breakdown.metric;
  const rows = rankedCells(breakdown).reverse();
  return {
    animationDuration: 300,
    grid: { left: 8, right: 56, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (raw: TooltipComponentFormatterCallbackParams) => {
        const p = Array.isArray(raw) ? raw[0] : raw;
        const cell = rows[p?.dataIndex ?? -1];
        if (!cell) return '';
        return `<div class="tt">${rowHtml('', cell.labels.join(' × '), figureHtml(cell.point, unit))}</div>`;
      },
    },
    xAxis: { ...valueAxisOf(unit), splitNumber: 3 },
    yAxis: { type: 'category', data: rows.map((c) => c.labels[0] ?? ''), axisLabel: { width: 150, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        id: 'cells',
        name: breakdown.metric.label,
        barMaxWidth: 22,
        data: rows.map((c) => ({
          name: c.keys[0] ?? '',
          value: c.point.value,
          ...(colorOf ? { itemStyle: { color: colorOf(c.keys[0] ?? '', c.isOther) } } : {}),
        })),
        label: { show: true, position: 'right', formatter: (p: { value?: unknown }) => formatMetricValue(typeof p.value === 'number' ? p.value : null, unit) },
      },
    ],
  };
}

function valueAxisOf(unit: Unit): XAXisComponentOption {
  return { type: 'value', min: 0, ...(unit === 'RATIO' ? { max: 1 } : {}), axisLabel: { formatter: (v: number) => formatAxisValue(v, unit) } };
}

/**
 * Rows and columns of a two-dimension breakdown in the server's order (largest first). The
 * marginals list the first dimension's values, then the second's; every value of the first has
 * at least one cell, so the first list ends at the first marginal that is not a row of any cell.
 */
export function heatmapAxes(breakdown: MetricBreakdown): { rows: AxisValue[]; columns: AxisValue[] } {
  const rowKeys = new Set(breakdown.cells.map((c) => c.keys[0]));
  const rows: AxisValue[] = [];
  const columns: AxisValue[] = [];
  for (const m of breakdown.marginals) {
    const value = { key: m.keys[0] ?? '', label: m.labels[0] ?? '', point: m.point };
    if (columns.length === 0 && rowKeys.has(value.key)) rows.push(value);
    else columns.push(value);
  }
  return { rows, columns };
}

export interface AxisValue {
  key: string;
  label: string;
  point: BreakdownCell['point'];
}

// Sequential ramps from pale to strong; the strong end is the bad end when the metric has a good
// direction, so the cell that needs attention is the one that stands out.
const RAMPS: Record<ColorScheme, { neutral: string[]; bad: string[] }> = {
  light: { neutral: ['#eef3fb', '#9dbbe6', '#3366cc'], bad: ['#f4f7f2', '#f3c9a7', '#d1495b'] },
  dark: { neutral: ['#1b2433', '#3f6cb5', '#8fb4f5'], bad: ['#1d2620', '#a0623a', '#f07f80'] },
};

/**
 * Two dimensions as a heatmap: rows are the first dimension, columns the second, both in the
 * server's order (largest first). Each cell is labelled with its value; cells the API left out
 * (no data) stay empty rather than reading as zero.
 */
export function heatmapOption(breakdown: MetricBreakdown, scheme: ColorScheme, goodDirection: Direction): HeatmapChartOption {
  const { unit } = breakdown.metric;
  const { rows, columns } = heatmapAxes(breakdown);
  const rowKeys = rows.map((r) => r.key);
  const colKeys = columns.map((c) => c.key);
  const values = breakdown.cells.map((c) => c.point.value).filter((v): v is number => v !== null);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const ramp = RAMPS[scheme];
  // With "up is good" the low cells are the bad ones, so the ramp runs the other way. One value
  // (a single cell, or all equal) has nothing to stand out from: the pale middle of the neutral
  // ramp, not a panel of the bad end.
  const flat = max === min;
  const colors = flat ? [ramp.neutral[1]!, ramp.neutral[1]!] : goodDirection === 'NEUTRAL' ? ramp.neutral : goodDirection === 'UP' ? [...ramp.bad].reverse() : ramp.bad;
  const label = (v: number) => formatMetricValue(v, unit);
  const data = breakdown.cells.map((c) => ({
    value: [colKeys.indexOf(c.keys[1] ?? ''), rowKeys.indexOf(c.keys[0] ?? ''), c.point.value] as [number, number, number | null],
    cell: c,
  }));

  return {
    animationDuration: 300,
    grid: { left: 8, right: 8, top: 8, bottom: 48, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (raw: TooltipComponentFormatterCallbackParams) => {
        const p = Array.isArray(raw) ? raw[0] : raw;
        const cell = data[p?.dataIndex ?? -1]?.cell;
        if (!cell) return '';
        return `<div class="tt"><div class="tt-title">${escapeHtml(cell.labels.join(' × '))}</div>${rowHtml('', breakdown.metric.label, figureHtml(cell.point, unit))}</div>`;
      },
    },
    // On a narrow screen (a phone) labels that would print over each other are left out, not overprinted;
    // every cell stays readable in the tooltip and the chart's table view.
    xAxis: { type: 'category', data: columns.map((c) => c.label), axisLabel: { rotate: 30, interval: 0, width: 110, overflow: 'truncate', hideOverlap: true }, splitArea: { show: true } },
    yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true, axisLabel: { interval: 0, width: 150, overflow: 'truncate', hideOverlap: true }, splitArea: { show: true } },
    visualMap: {
      type: 'continuous',
      min,
      max: flat ? min + (unit === 'RATIO' ? 0.01 : 1) : max,
      calculable: false,
      // the scale's ends in numbers (a continuous scale without handles shows none otherwise)
      show: !flat,
      text: [label(max), label(min)],
      textGap: 6,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      itemWidth: 10,
      inRange: { color: colors },
      formatter: (v: unknown) => formatMetricValue(typeof v === 'number' ? v : null, unit),
    },
    series: [
      {
        type: 'heatmap',
        id: 'cells',
        name: breakdown.metric.label,
        data: data.map((d) => ({ value: d.value, name: d.cell.keys.join('|') })),
        label: {
          show: true,
          fontSize: 11,
          formatter: (p: { value?: unknown }) => {
            const v = Array.isArray(p.value) ? p.value[2] : null;
            return typeof v === 'number' ? formatAxisValue(v, unit) : '';
          },
        },
        labelLayout: { hideOverlap: true },
        emphasis: { itemStyle: { borderColor: '#1c2430', borderWidth: 1 } },
      },
    ],
  };
}
