// Judging one window of one alert: the window's figure from the rollup's buckets, then the rule's
// condition with the retrospective's tools — the two-proportion z-test and the exact Poisson test
// for changes, the same-weekday robust band for anomalies, the one-sided "surely below target"
// test for targets, the shared practical-size rule — and Benjamini–Hochberg across the groups a
// rule evaluates at the same hour. Pure functions: the evaluator fetches, these decide.
import type { MetricDef } from '../definitions/metricCatalogue.js';
import { KIND_RULES } from '../definitions/kinds.js';
import type { Point } from '../metrics/points.js';
import { normalCdf } from '../stats/normal.js';
import { poissonRateTest, twoProportionZTest } from '../stats/proportions.js';
import { benjaminiHochberg, median, robustBand } from '../stats/multiple.js';
import { beyondCountNoise, mattersInPractice } from '../stats/practical.js';
import { formatValue } from '../retro/format.js';
import { DAY_S } from '../domain/time.js';
import type { AlertRule, Direction } from './rules.js';

export const FALSE_DISCOVERY_RATE = 0.05;
/** Same-weekday history of the anomaly band: six weeks, at least four with a figure. */
export const HISTORY_WEEKS = 6;
const MIN_HISTORY = 4;
/** Iglewicz & Hoaglin's robust-z cut-off, as in the retrospective. */
const ANOMALY_Z = 3.5;

/** A line of step buckets (bucket starts, ascending) and their points. */
export interface Line {
  buckets: readonly number[];
  points: readonly Point[];
}

export interface WindowFigure {
  value: number | null;
  numerator: number;
  denominator: number;
  /** items judged: the count, or the rate's denominator */
  volume: number;
}

/** The figure of [end − window, end): counts and rates add up their buckets; a backlog is its level at the end. */
export function windowFigure(def: MetricDef, line: Line, end: number, windowSeconds: number, step: number): WindowFigure {
  let numerator = 0;
  let denominator = 0;
  let count = 0;
  let last: Point | null = null;
  line.buckets.forEach((b, i) => {
    if (b < end - windowSeconds || b + step > end) return;
    const p = line.points[i]!;
    last = p;
    count += p.value ?? 0;
    numerator += p.numerator ?? 0;
    denominator += p.denominator ?? 0;
  });
  const form = KIND_RULES[def.kind].alertWindow;
  if (form === 'ratio') return { value: denominator > 0 ? numerator / denominator : null, numerator, denominator, volume: denominator };
  if (form === 'level') {
    const level = (last as Point | null)?.value ?? null;
    return { value: level, numerator: 0, denominator: 0, volume: Number.POSITIVE_INFINITY };
  }
  return { value: count, numerator: 0, denominator: 0, volume: count };
}

/** What one evaluation found, before the false-discovery control across groups. */
export interface Draft {
  value: number | null;
  baseline: number | null;
  low: number | null;
  high: number | null;
  pValue: number | null;
  volume: number;
  /** the condition holds on its own terms (a tested condition still needs its q-value) */
  holds: boolean;
  /** the condition is decided by a p-value, so q must be ≤ the false discovery rate too */
  tested: boolean;
  reason: string;
}

export interface Judgement extends Draft {
  qValue: number | null;
  met: boolean;
}

const fmt = (def: MetricDef, v: number | null) => formatValue(v, def.unit);
const pText = (p: number | null) => (p === null ? 'n/a' : p < 1e-4 ? p.toExponential(1) : p.toFixed(4));
const leans = (direction: Direction, change: number) => direction === 'ANY' || (direction === 'UP' ? change > 0 : change < 0);

/** One-sided p-value that a proportion observed as num/den lies beyond `line` on the bad side. */
function oneSidedBeyond(value: number, n: number, line: number, below: boolean): number {
  const se = Math.sqrt((line * (1 - line)) / n);
  if (!(se > 0)) return (below ? value < line : value > line) ? 0 : 1;
  const z = below ? (line - value) / se : (value - line) / se;
  return normalCdf(-z);
}

interface Context {
  def: MetricDef;
  rule: Pick<AlertRule, 'condition' | 'windowSeconds' | 'minSize' | 'minVolume'>;
  line: Line;
  end: number;
  step: number;
}

/** Judges one group's window ending at `end`; `def` carries the target in force. */
export function draftOf(ctx: Context): Draft {
  const { def, rule, line, end, step } = ctx;
  const cur = windowFigure(def, line, end, rule.windowSeconds, step);
  const base = { value: cur.value, baseline: null, low: null, high: null, pValue: null, volume: cur.volume, holds: false, tested: false };
  if (cur.value === null) return { ...base, reason: 'no items in the window' };
  if (cur.volume < rule.minVolume) return { ...base, reason: `${Math.round(cur.volume)} items in the window, fewer than the ${rule.minVolume} needed to judge` };
  const c = rule.condition;
  switch (c.type) {
    case 'THRESHOLD': {
      const beyond = c.op === 'ABOVE' ? cur.value - c.value : c.value - cur.value;
      const holds = beyond > 0 && beyond >= rule.minSize;
      return { ...base, baseline: c.value, holds, reason: `${fmt(def, cur.value)} against the threshold ${c.op === 'ABOVE' ? 'above' : 'below'} ${fmt(def, c.value)}: ${holds ? 'crossed' : beyond > 0 ? `crossed by less than the minimum size ${rule.minSize}` : 'not crossed'}` };
    }
    case 'TARGET': {
      const t = def.target;
      if (!t) return { ...base, reason: 'the metric has no target in force' };
      const below = t.direction === 'AT_LEAST';
      const line = c.level === 'AT_RISK' ? (below ? t.value + t.atRiskMargin : t.value - t.atRiskMargin) : t.value;
      const beyond = below ? line - cur.value : cur.value - line;
      const pValue = KIND_RULES[def.kind].noise === 'binomial' ? oneSidedBeyond(cur.value, cur.denominator, line, below) : null;
      const holds = beyond > 0 && beyond >= rule.minSize;
      return {
        ...base, baseline: line, pValue, holds, tested: pValue !== null,
        reason: `${fmt(def, cur.value)} of ${Math.round(cur.volume)} against the ${c.level === 'AT_RISK' ? 'at-risk line' : 'target'} ${below ? '≥' : '≤'} ${fmt(def, line)}` +
          (pValue !== null ? ` (one-sided p = ${pText(pValue)})` : '') + `: ${holds ? 'beyond it' : beyond > 0 ? 'beyond it by less than the minimum size' : 'within it'}`,
      };
    }
    case 'CHANGE': {
      const shift = c.comparison === 'PREVIOUS_WEEK' ? 7 * DAY_S : rule.windowSeconds;
      const prev = windowFigure(def, line, end - shift, rule.windowSeconds, step);
      if (prev.value === null || prev.volume < rule.minVolume) return { ...base, reason: 'too few items in the comparison window' };
      const pValue = KIND_RULES[def.kind].noise === 'binomial'
        ? twoProportionZTest(cur.numerator, cur.denominator, prev.numerator, prev.denominator).pValue
        : poissonRateTest(Math.round(cur.value), 1, Math.round(prev.value), 1).pValue;
      const change = cur.value - prev.value;
      const matters = mattersInPractice(def.unit, cur.value, prev.value) && (KIND_RULES[def.kind].noise !== 'poisson' || beyondCountNoise(cur.value, prev.value));
      const holds = pValue !== null && matters && leans(c.direction, change) && Math.abs(change) >= rule.minSize;
      return {
        ...base, baseline: prev.value, pValue, holds, tested: true,
        reason: `${fmt(def, cur.value)} against ${fmt(def, prev.value)} ${c.comparison === 'PREVIOUS_WEEK' ? 'a week earlier' : 'in the window before'} (p = ${pText(pValue)})` +
          `: ${holds ? 'a change that matters' : !matters ? 'too small to matter' : !leans(c.direction, change) ? 'in the other direction' : 'smaller than the minimum size'}`,
      };
    }
    case 'ANOMALY': {
      const history: number[] = [];
      for (let k = 1; k <= HISTORY_WEEKS; k++) {
        const h = windowFigure(def, line, end - 7 * k * DAY_S, rule.windowSeconds, step);
        if (h.value !== null && h.volume >= rule.minVolume) history.push(h.value);
      }
      if (history.length < MIN_HISTORY) return { ...base, reason: `only ${history.length} of the ${HISTORY_WEEKS} same-weekday windows before have data (needs ${MIN_HISTORY})` };
      const med = median(history);
      // the band is never narrower than the sampling noise of the window itself (as in the retrospective)
      const noise = KIND_RULES[def.kind].noise === 'binomial' ? Math.sqrt(Math.max(med * (1 - med), 1e-4) / Math.max(cur.denominator, 1)) : Math.sqrt(Math.max(med, 1));
      const band = robustBand(history, cur.value, noise, ANOMALY_Z);
      const outside = Math.abs(band.z) > ANOMALY_Z;
      const matters = mattersInPractice(def.unit, cur.value, band.expected);
      const change = cur.value - band.expected;
      const holds = outside && matters && leans(c.direction, change) && Math.abs(change) >= rule.minSize;
      return {
        ...base, baseline: band.expected, low: band.low, high: band.high, holds,
        reason: `${fmt(def, cur.value)} against the same-weekday band ${fmt(def, band.low)} – ${fmt(def, band.high)} (median ${fmt(def, band.expected)}, robust z = ${band.z.toFixed(1)})` +
          `: ${holds ? 'outside it' : !outside ? 'inside it' : !matters ? 'outside it, but too small to matter' : !leans(c.direction, change) ? 'outside it in the other direction' : 'outside it by less than the minimum size'}`,
      };
    }
  }
}

/** Benjamini–Hochberg across the tested groups of one rule at one hour; untested conditions stand as they are. */
export function judge(drafts: readonly Draft[]): Judgement[] {
  const tested = drafts.map((d, i) => [d, i] as const).filter(([d]) => d.tested && d.pValue !== null);
  const q = benjaminiHochberg(tested.map(([d]) => d.pValue!));
  const qOf = new Map(tested.map(([, i], k) => [i, q[k]!]));
  return drafts.map((d, i) => {
    const qValue = qOf.get(i) ?? null;
    if (!d.tested) return { ...d, qValue, met: d.holds };
    const significant = qValue !== null && qValue <= FALSE_DISCOVERY_RATE;
    const met = d.holds && significant;
    const note = d.holds && !significant ? `; not significant after the false-discovery control (q = ${pText(qValue)} across ${tested.length} groups)` : qValue !== null ? ` (q = ${pText(qValue)})` : '';
    return { ...d, qValue, met, reason: `${d.reason}${note}` };
  });
}
