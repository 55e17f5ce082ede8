import { describe, expect, it } from 'vitest';
import { curveChartOption, curvePoints, type ModelCurve } from './curveOption';
import { psiReading } from './driftOption';

const row = (threshold: number, tp: number, fp: number, fn: number, tn: number) => ({
  threshold,
  truePositives: tp,
  falsePositives: fp,
  falseNegatives: fn,
  trueNegatives: tn,
  precision: tp + fp === 0 ? null : tp / (tp + fp),
  recall: tp + fn === 0 ? null : tp / (tp + fn),
  f1: null,
  falsePositiveRate: null,
});

const curve: ModelCurve = {
  model: 'safety-mm',
  version: '3.3',
  labelSources: ['golden_set', 'random_audit'],
  unbiased: true,
  deployedThreshold: 0.5,
  confusion: row(0.5, 80, 20, 20, 880),
  thresholds: [row(0.0, 100, 900, 0, 0), row(0.5, 80, 20, 20, 880), row(0.9, 40, 2, 60, 898), row(0.99, 0, 0, 100, 900)],
  averagePrecision: 0.7,
  precisionTarget: 0.9,
  bestThreshold: row(0.9, 40, 2, 60, 898),
  bestThresholdSupport: 42,
  bestThresholdPrecisionLow: 0.84,
  bestThresholdPrecisionHigh: 0.99,
  bestThresholdMinimumSupport: 30,
  bestThresholdNote: null,
  positives: 100,
  negatives: 900,
};

describe('precision–recall curve', () => {
  it('plots a point per threshold that flags something', () => {
    expect(curvePoints(curve).map((r) => r.threshold)).toEqual([0, 0.5, 0.9]);
    expect(curveChartOption(curve).series[0]?.data).toEqual([
      [1, 0.1],
      [0.8, 0.8],
      [0.4, 40 / 42],
    ]);
  });

  it('marks the deployed and the best threshold, and draws the precision target', () => {
    const s = curveChartOption(curve).series[0]!;
    expect(s.markPoint?.data).toEqual([
      expect.objectContaining({ name: 'Deployed', coord: [0.8, 0.8], value: '0.50' }),
      expect.objectContaining({ name: 'Best for target', coord: [0.4, 40 / 42], value: '0.90' }),
    ]);
    expect(s.markLine?.data).toEqual([{ yAxis: 0.9 }]);
  });
});

describe('score drift', () => {
  it('reads the population stability index the usual way', () => {
    expect(psiReading(null)).toBe('no scores to compare');
    expect(psiReading(0.05)).toBe('stable');
    expect(psiReading(0.18)).toBe('moderate shift');
    expect(psiReading(0.4)).toBe('large shift');
  });
});

describe('precision–recall axes', () => {
  it('keeps both axis titles inside the canvas', () => {
    const option = curveChartOption(curve);
    expect(option.grid.outerBoundsContain).toBe('all');
    expect([(option.xAxis as { name: string }).name, (option.yAxis as { name: string }).name]).toEqual(['Recall', 'Precision']);
    expect((option.yAxis as { nameLocation: string }).nameLocation).toBe('middle');
  });
});
