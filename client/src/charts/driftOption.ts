import type {
  ComposeOption,
  GridComponentOption,
  LegendComponentOption,
  LineSeriesOption,
  TooltipComponentOption,
  XAXisComponentOption,
  YAXisComponentOption,
} from 'echarts';
import type { ScoreDriftQuery } from '../generated/graphql';
import { formatPercent } from '../format';

export type ScoreDrift = ScoreDriftQuery['scoreDrift'];

export type DriftChartOption = {
  animationDuration: number;
  grid: GridComponentOption;
  legend: LegendComponentOption;
  tooltip: TooltipComponentOption;
  xAxis: XAXisComponentOption & { data: string[] };
  yAxis: YAXisComponentOption;
  series: LineSeriesOption[];
};

type Accepted = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;
const accepts = (option: DriftChartOption): Accepted => option;
void accepts;

/**
 * The usual reading of the population stability index: under 0.1 the scores have not moved,
 * 0.1–0.25 a moderate shift worth watching, above 0.25 a shift that calls for a look.
 */
export function psiReading(psi: number | null): string {
  if (psi === null) return 'no scores to compare';
  if (psi < 0.1) return 'stable';
  return psi < 0.25 ? 'moderate shift' : 'large shift';
}

/** The two score distributions (shares of 100 buckets of 0.01) drawn over each other. */
export function driftChartOption(drift: ScoreDrift, labels: { baseline: string; current: string }): DriftChartOption {
  const buckets = drift.baselineShares.map((_, i) => (i / 100).toFixed(2));
  const line = (id: string, name: string, data: readonly number[], dashed: boolean): LineSeriesOption => ({
    type: 'line',
    id,
    name,
    data: [...data],
    showSymbol: false,
    lineStyle: { width: 1.5, ...(dashed ? { type: 'dashed' } : {}) },
    ...(dashed ? {} : { areaStyle: { opacity: 0.12 } }),
  });
  return {
    animationDuration: 300,
    grid: { left: 8, right: 16, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { show: true, top: 0, left: 0 },
    tooltip: { trigger: 'axis', confine: true, valueFormatter: (v) => (typeof v === 'number' ? formatPercent(v, 2) : '–') },
    xAxis: { type: 'category', data: buckets, name: 'Score', nameLocation: 'middle', nameGap: 24, axisLabel: { interval: 9 } },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => formatPercent(v, 0) } },
    series: [line('current', labels.current, drift.currentShares, false), line('baseline', labels.baseline, drift.baselineShares, true)],
  };
}
