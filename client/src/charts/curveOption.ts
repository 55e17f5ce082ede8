import type {
  ComposeOption,
  GridComponentOption,
  LegendComponentOption,
  LineSeriesOption,
  TooltipComponentFormatterCallbackParams,
  TooltipComponentOption,
  XAXisComponentOption,
  YAXisComponentOption,
} from 'echarts';
import type { ModelCurveQuery } from '../generated/graphql';
import { formatCount, formatPercent } from '../format';
import { escapeHtml } from './tooltip';

export type ModelCurve = ModelCurveQuery['modelCurve'];
export type ThresholdRow = ModelCurve['thresholds'][number];

export type CurveChartOption = {
  animationDuration: number;
  grid: GridComponentOption;
  legend: LegendComponentOption;
  tooltip: TooltipComponentOption;
  xAxis: XAXisComponentOption;
  yAxis: YAXisComponentOption;
  series: LineSeriesOption[];
};

type Accepted = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;
const accepts = (option: CurveChartOption): Accepted => option;
void accepts;

/** Thresholds that have a point on the curve: a precision needs at least one flagged item. */
export function curvePoints(curve: ModelCurve): ThresholdRow[] {
  return curve.thresholds.filter((r) => r.precision !== null && r.recall !== null);
}

function rowTooltip(r: ThresholdRow, title: string): string {
  const line = (name: string, value: string) => `<div class="tt-row"><span class="tt-name">${name}</span><b>${value}</b></div>`;
  return [
    `<div class="tt"><div class="tt-title">${escapeHtml(title)}</div>`,
    line('Precision', r.precision === null ? '–' : formatPercent(r.precision)),
    line('Recall', r.recall === null ? '–' : formatPercent(r.recall)),
    line('Flagged (TP + FP)', formatCount(r.truePositives + r.falsePositives)),
    line('False positives', formatCount(r.falsePositives)),
    '</div>',
  ].join('');
}

/**
 * Precision against recall, one point per threshold (0.00 to 0.99); the deployed threshold and
 * the best threshold for the precision target are marked, the target drawn as a dashed line.
 */
export function curveChartOption(curve: ModelCurve): CurveChartOption {
  const rows = curvePoints(curve);
  const mark = (r: ThresholdRow | null | undefined, name: string, color: string) =>
    r && r.recall !== null && r.precision !== null
      ? [{ name, coord: [r.recall, r.precision], value: r.threshold.toFixed(2), itemStyle: { color } }]
      : [];
  const deployed = curve.deployedThreshold === null ? undefined : curve.thresholds.find((r) => Math.abs(r.threshold - curve.deployedThreshold!) < 1e-9);
  return {
    animationDuration: 300,
    // 'all': the axis titles are inside the canvas too, not only the tick labels
    grid: { left: 8, right: 24, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    legend: { show: true, top: 0, left: 0, data: ['Precision–recall'] },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (raw: TooltipComponentFormatterCallbackParams) => {
        const p = Array.isArray(raw) ? raw[0] : raw;
        const r = rows[p?.dataIndex ?? -1];
        return r ? rowTooltip(r, `Threshold ${r.threshold.toFixed(2)}`) : '';
      },
    },
    xAxis: { type: 'value', name: 'Recall', nameLocation: 'middle', nameGap: 24, min: 0, max: 1, axisLabel: { formatter: (v: number) => formatPercent(v, 0) } },
    yAxis: { type: 'value', name: 'Precision', nameLocation: 'middle', nameGap: 40, min: 0, max: 1, axisLabel: { formatter: (v: number) => formatPercent(v, 0) } },
    series: [
      {
        type: 'line',
        id: 'curve',
        name: 'Precision–recall',
        data: rows.map((r) => [r.recall, r.precision]),
        showSymbol: false,
        symbolSize: 4,
        lineStyle: { width: 2 },
        markPoint: {
          symbol: 'pin',
          symbolSize: 34,
          label: { fontSize: 10 },
          data: [...mark(deployed, 'Deployed', '#4e79a7'), ...mark(curve.bestThreshold, 'Best for target', '#59a14f')],
        },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: [6, 4], color: '#c0392b' },
          label: { formatter: `precision ≥ ${formatPercent(curve.precisionTarget, 0)}`, position: 'insideEndTop' },
          data: [{ yAxis: curve.precisionTarget }],
        },
      },
    ],
  };
}
