// The judging of one window, on hand-made lines; expected figures are worked out by hand or from
// published values (R), never from Vigil's output.
import { describe, expect, it } from 'vitest';
import { metricById } from '../definitions/metricCatalogue.js';
import type { Point } from '../metrics/points.js';
import { draftOf, judge, windowFigure, type Line } from './conditions.js';
import { nextState, episodesOf, type Evaluation } from './evaluate.js';
import type { AlertRule } from './rules.js';

const H = 3600;
const D = 86_400;
const point = (value: number | null, numerator: number | null = null, denominator: number | null = null): Point =>
  ({ value, numerator, denominator, low: null, high: null, lowSample: false, nullReason: null });
const line = (points: Point[], start = 0, step = H): Line => ({ buckets: points.map((_, i) => start + i * step), points });
const sla = metricById('review_sla')!; // target ≥ 0.95, at risk within 0.02
const decisions = metricById('decisions')!;
const rule = (r: Partial<AlertRule>): Pick<AlertRule, 'condition' | 'windowSeconds' | 'minSize' | 'minVolume'> =>
  ({ condition: { type: 'THRESHOLD', op: 'ABOVE', value: 0 }, windowSeconds: 2 * H, minSize: 0, minVolume: 0, ...r });

describe('the window figure', () => {
  it('adds up a rate as sum(numerator) / sum(denominator) over the window, never an average of rates', () => {
    const l = line([point(1, 10, 10), point(0.5, 1, 2), point(0, 0, 90)]);
    // window [1h, 3h): (1 + 0) / (2 + 90)
    expect(windowFigure(sla, l, 3 * H, 2 * H, H)).toEqual({ value: 1 / 92, numerator: 1, denominator: 92, volume: 92 });
    expect(windowFigure(decisions, line([point(3), point(4), point(5)]), 2 * H, 2 * H, H).value).toBe(7);
  });
});

describe('conditions', () => {
  it('TARGET: below 95 % beyond sampling noise, with the one-sided p of the normal approximation', () => {
    // 180 of 200 = 0.90 against 0.95: z = 0.05 / sqrt(0.95·0.05/200) = 3.2444, p = 1 − Φ(3.2444) = 0.000589 (R: pnorm(-3.2444))
    const d = draftOf({ def: sla, rule: rule({ condition: { type: 'TARGET', level: 'BREACHED' }, windowSeconds: H }), line: line([point(0.9, 180, 200)]), end: H, step: H });
    expect(d.holds).toBe(true);
    expect(d.pValue).toBeCloseTo(0.000589, 5);
    expect(d.baseline).toBe(0.95);
    // 0.94 is below the target but not by the minimum size of 5 points
    const small = draftOf({ def: sla, rule: rule({ condition: { type: 'TARGET', level: 'BREACHED' }, windowSeconds: H, minSize: 0.05 }), line: line([point(0.9, 188, 200)]), end: H, step: H });
    expect(small.holds).toBe(false);
    expect(small.reason).toMatch(/by less than the minimum size/);
  });

  it('CHANGE: the two-proportion z-test against the window a week earlier (R: prop.test(c(60, 40), c(100, 100), correct = FALSE) p = 0.004678)', () => {
    const pts = Array.from({ length: 8 * 24 }, (_, i) => (i === 0 ? point(0.4, 40, 100) : i === 7 * 24 ? point(0.6, 60, 100) : point(null, 0, 0)));
    const d = draftOf({ def: metricById('action_rate')!, rule: rule({ condition: { type: 'CHANGE', comparison: 'PREVIOUS_WEEK', direction: 'UP' }, windowSeconds: H }), line: line(pts), end: 7 * D + H, step: H });
    expect(d.pValue).toBeCloseTo(0.004678, 5);
    expect(d.holds).toBe(true);
    const down = draftOf({ def: metricById('action_rate')!, rule: rule({ condition: { type: 'CHANGE', comparison: 'PREVIOUS_WEEK', direction: 'DOWN' }, windowSeconds: H }), line: line(pts), end: 7 * D + H, step: H });
    expect(down.holds).toBe(false);
  });

  it('ANOMALY: median ± 3.5 robust SD of the same window 1–6 weeks before', () => {
    // history 100, 104, 96, 100, 102, 98 → median 100, MAD 2 → SD 2.9652; noise floor √100 = 10 wins; band 100 ± 35
    const history = [100, 104, 96, 100, 102, 98];
    const pts: Point[] = [];
    for (let w = 6; w >= 1; w--) pts[(6 - w) * 7] = point(history[6 - w]!);
    pts[42] = point(140);
    const l = line(Array.from({ length: 43 }, (_, i) => pts[i] ?? point(0)), 0, D);
    const d = draftOf({ def: decisions, rule: rule({ condition: { type: 'ANOMALY', direction: 'UP' }, windowSeconds: D }), line: l, end: 43 * D, step: D });
    expect([d.baseline, d.low, d.high]).toEqual([100, 65, 135]);
    expect(d.holds).toBe(true);
    pts[42] = point(130);
    const inside = draftOf({ def: decisions, rule: rule({ condition: { type: 'ANOMALY', direction: 'UP' }, windowSeconds: D }), line: line(Array.from({ length: 43 }, (_, i) => pts[i] ?? point(0)), 0, D), end: 43 * D, step: D });
    expect(inside.holds).toBe(false);
  });

  it('Benjamini–Hochberg across groups: p = 0.01, 0.04, 0.03, 0.005 → q = 0.02, 0.04, 0.04, 0.02 (R: p.adjust(…, "BH"))', () => {
    const draft = (pValue: number) => ({ value: 0, baseline: 0, low: null, high: null, pValue, volume: 1, holds: true, tested: true, reason: 'r' });
    const j = judge([draft(0.01), draft(0.04), draft(0.03), draft(0.005)]);
    j.forEach((x, i) => expect(x.qValue).toBeCloseTo([0.02, 0.04, 0.04, 0.02][i]!, 12));
    expect(j.every((x) => x.met)).toBe(true);
    const many = judge([draft(0.04), draft(0.5), draft(0.9)]);
    // 0.04 · 3 / 1 = 0.12 > 0.05: not significant once three groups are tested
    expect(many[0]!.met).toBe(false);
    expect(many[0]!.reason).toMatch(/not significant after the false-discovery control \(q = 0.1200 across 3 groups\)/);
  });
});

describe('minimum duration and episodes', () => {
  it('fires once the condition has held for the minimum duration, and resolves when it stops', () => {
    let s = { state: 'OK' as const, since: null } as ReturnType<typeof nextState>;
    const states = [true, true, true, false].map((met, i) => (s = nextState(s, met, (10 + i) * H, 2 * H)));
    expect(states).toEqual([
      { state: 'PENDING', since: 10 * H }, { state: 'PENDING', since: 10 * H }, { state: 'FIRING', since: 10 * H }, { state: 'OK', since: null },
    ]);
    const evaluations = states.map((x, i) => ({ ...x, ruleId: 'r', groupKey: 'g', groupLabel: 'g', evaluatedUntil: (10 + i) * H, value: 1, baseline: 0 })) as unknown as Evaluation[];
    expect(episodesOf(evaluations).map(({ since, firedAt, resolvedAt }) => ({ since, firedAt, resolvedAt }))).toEqual([{ since: 10 * H, firedAt: 12 * H, resolvedAt: 13 * H }]);
  });
});
