import { describe, expect, it } from 'vitest';
import type { ModelCurve } from '../charts/curveOption';
import { ratePoint } from '../testing/seriesFixtures';
import { kappaReading } from './annotation/KappaPanel';
import { cellStatus } from './annotation/QualityTable';
import { curveSourcesNote, tableRows } from './models/CurvePanel';

describe('page parts', () => {
  it('colours a quality cell against the target as the tiles do', () => {
    const target = { value: 0.9, direction: 'AT_LEAST', atRiskMargin: 0.02 };
    expect(cellStatus(ratePoint(80, 100), target)).toBe('cell-breached');
    expect(cellStatus(ratePoint(91, 100), target)).toBe('cell-at-risk');
    expect(cellStatus(ratePoint(95, 100), target)).toBe('cell-on-target');
    expect(cellStatus(ratePoint(95, 100), null)).toBe('');
  });

  it('reads kappa on the Landis & Koch scale', () => {
    expect(kappaReading(null)).toBe('not computable');
    expect(kappaReading(-0.1)).toBe('worse than chance');
    expect(kappaReading(0.5)).toBe('moderate');
    expect(kappaReading(0.85)).toBe('almost perfect');
  });

  it('lists thresholds every 0.05, plus the deployed and the best ones', () => {
    const row = (threshold: number) => ({ threshold, truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 0, precision: null, recall: null, f1: null, falsePositiveRate: null });
    const thresholds = Array.from({ length: 100 }, (_, i) => row(i / 100));
    const curve = { thresholds, deployedThreshold: 0.52, bestThreshold: row(0.67) } as unknown as ModelCurve;
    const shown = tableRows(curve).map((r) => r.threshold);
    expect(shown).toHaveLength(22);
    expect(shown).toContain(0.52);
    expect(shown).toContain(0.67);
    expect(shown.slice(0, 3)).toEqual([0, 0.05, 0.1]);
  });
});

describe('the precision–recall panel', () => {
  it('says which labels its precision rests on, and that the version table uses every source', () => {
    expect(curveSourcesNote('Golden set, Random audit')).toBe(
      "Precision and recall here rest on Golden set, Random audit; the version table's precision rests on every label source unless one is chosen, so the two can differ.",
    );
  });
});
