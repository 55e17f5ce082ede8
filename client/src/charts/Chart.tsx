import { useEffect, useRef } from 'react';
import { init, use, type ECElementEvent, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import { useColorScheme, type ColorScheme } from './colorScheme';
import { markedNames } from './markers';
import { chartFontSize, chartTheme } from './theme';

// Registering only what the charts use keeps ECharts' share of the bundle small.
use([
  LineChart,
  BarChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  MarkLineComponent,
  MarkAreaComponent,
  MarkPointComponent,
  VisualMapContinuousComponent,
  // hides heatmap cell labels that would overprint each other on a narrow chart
  LabelLayout,
  CanvasRenderer,
]);

export interface ChartClick {
  seriesId: string | undefined;
  seriesName: string | undefined;
  /** Undefined when the line or area was clicked rather than a data point. */
  dataIndex: number | undefined;
  /** The data item's name: bars and heatmap cells carry their dimension keys there. */
  name: string | undefined;
}

export interface ChartProps {
  option: EChartsCoreOption;
  /** Accessible description of what the chart shows; the canvas itself is opaque to screen readers. */
  label: string;
  onClick?: (click: ChartClick) => void;
  className?: string;
  /** Id of the element with the chart's summary sentence (its text alternative beyond the name). */
  describedBy?: string | undefined;
}

// Clicks on a line or an area (rather than a point) carry the series index but not its id.
function seriesIdAt(chart: ECharts, index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  const series = chart.getOption()['series'];
  const item: unknown = Array.isArray(series) ? series[index] : undefined;
  const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function updateTheme(chart: ECharts, applied: { current: string }, scheme: ColorScheme): void {
  const name = chartTheme(scheme, chartFontSize());
  if (name === applied.current) return;
  applied.current = name;
  chart.setTheme(name);
}

export function Chart({ option, label, onClick, className, describedBy }: ChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const onClickRef = useRef(onClick);
  const scheme = useColorScheme();
  const schemeRef = useRef<ColorScheme>(scheme);
  // The theme is set at init and then switched in place, so the chart is never re-created.
  const appliedTheme = useRef('');

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    appliedTheme.current = chartTheme(schemeRef.current, chartFontSize());
    const chart = init(el, appliedTheme.current, { renderer: 'canvas' });
    chartRef.current = chart;
    // Browser tests wait on this attribute instead of sleeping.
    chart.on('finished', () => {
      el.dataset.rendered = 'true';
    });
    chart.on('click', (event) => {
      const e = event as ECElementEvent;
      onClickRef.current?.({
        seriesId: e.seriesId ?? seriesIdAt(chart, e.seriesIndex),
        seriesName: e.seriesName ?? undefined,
        dataIndex: typeof e.dataIndex === 'number' ? e.dataIndex : undefined,
        name: typeof e.name === 'string' && e.name !== '' ? e.name : undefined,
      });
    });
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            // The root font size follows the viewport width, so a resize can change the text size.
            updateTheme(chart, appliedTheme, schemeRef.current);
            chart.resize();
          });
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      chart.dispose();
      chartRef.current = null;
      delete el.dataset.rendered;
    };
  }, []);

  useEffect(() => {
    onClickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    schemeRef.current = scheme;
    if (chartRef.current) updateTheme(chartRef.current, appliedTheme, scheme);
  }, [scheme]);

  useEffect(() => {
    const chart = chartRef.current;
    const el = containerRef.current;
    if (!chart || !el) return;
    el.dataset.rendered = 'false';
    // Series are replaced (a filter can remove one) while the other components merge, so a
    // refresh keeps the legend toggles and zoom window and the chart morphs instead of redrawing.
    chart.setOption(option, { replaceMerge: ['series'] });
  }, [option]);

  const marked = markedNames(option);
  return (
    <div
      ref={containerRef}
      className={className ? `chart ${className}` : 'chart'}
      data-testid="chart"
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      aria-description={marked.length > 0 ? `Marked: ${marked.join('; ')}` : undefined}
    />
  );
}
