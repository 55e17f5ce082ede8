import { describe, expect, it } from 'vitest';
import { sparklinePath } from '../components/Sparkline';
import { changeText, changeTone, comparisonCovered, significanceText } from './KpiTile';

describe('KPI tiles', () => {
  it('reads a change in points for proportions, in hundredths for coefficients, in percent otherwise', () => {
    expect(changeText({ absoluteChange: -0.081, relativeChange: -0.083 }, 'RATIO')).toBe('−8.1 pts');
    expect(changeText({ absoluteChange: 0.0132, relativeChange: 0.019 }, 'COEFFICIENT')).toBe('+0.013');
    expect(changeText({ absoluteChange: 5564, relativeChange: 0.0248 }, 'COUNT')).toBe('+2.5%');
    expect(changeText({ absoluteChange: null, relativeChange: null }, 'COUNT')).toBeNull();
  });

  it('shows the absolute change where a percentage would mean nothing (a zero or near-zero base)', () => {
    // the server leaves the relative change out above ±1,000 % (e.g. 1 → 1,916: +191,500 %)
    expect(changeText({ absoluteChange: 1915, relativeChange: null }, 'COUNT')).toBe('+1,915');
    expect(changeText({ absoluteChange: -7, relativeChange: null }, 'COUNT')).toBe('−7');
  });

  it('never signs or colours a change that is shown as zero', () => {
    expect(changeText({ absoluteChange: 0.0003, relativeChange: 0.0004 }, 'RATIO')).toBe('±0.0 pts');
    expect(changeText({ absoluteChange: -0.0003, relativeChange: -0.0004 }, 'RATIO')).toBe('±0.0 pts');
    expect(changeText({ absoluteChange: -0.0002, relativeChange: -0.001 }, 'COEFFICIENT')).toBe('±0.000');
    expect(changeText({ absoluteChange: 3, relativeChange: 0.0003 }, 'COUNT')).toBe('±0.0%');
    expect(changeTone(0.0003, 'UP', 'RATIO')).toBe('neutral');
    expect(changeTone(-0.0003, 'UP', 'RATIO')).toBe('neutral');
    expect(changeTone(-0.0006, 'UP', 'RATIO')).toBe('bad');
  });

  it('colours a change by whether its direction is good', () => {
    expect(changeTone(-0.08, 'UP')).toBe('bad');
    expect(changeTone(-0.08, 'DOWN')).toBe('good');
    expect(changeTone(500, 'NEUTRAL')).toBe('neutral');
    expect(changeTone(0, 'UP')).toBe('neutral');
  });

  it('says whether a change is significant and by which test, or that there is none', () => {
    expect(significanceText({ test: 'two-proportion z-test', pValue: 1e-9, significant: true })).toBe('significant, p < 0.001');
    expect(significanceText({ test: 'exact Poisson rate test', pValue: 0.3, significant: false })).toBe('not significant, p = 0.30');
    expect(significanceText({ test: null, pValue: null, significant: false })).toBe('not tested');
  });

  it('does not compare with a period before the data began', () => {
    const previousRange = { from: '2026-05-27T00:00:00Z', to: '2026-08-25T00:00:00Z' };
    expect(comparisonCovered({ previousRange }, '2026-08-24T00:00:00Z')).toBe(false);
    expect(comparisonCovered({ previousRange }, '2026-05-01T00:00:00Z')).toBe(true);
    expect(comparisonCovered({ previousRange: null }, null)).toBe(false);
  });

  it('draws a sparkline that breaks at gaps and sits mid-height when flat', () => {
    expect(sparklinePath([0, 10, null, 5], 30, 10)).toBe('M0.0 10.0L10.0 0.0M30.0 5.0');
    expect(sparklinePath([3, 3], 10, 10)).toBe('M0.0 5.0L10.0 5.0');
    expect(sparklinePath([null], 10, 10)).toBe('');
  });
});
