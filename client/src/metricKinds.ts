import type { Direction, MetricKind } from './generated/graphql';

// How the screens draw a metric of each kind: one entry per kind (the Record makes the compiler
// ask for a new kind), read by tiles, panels, charts and tables instead of kind switches of their
// own. The server's rules of a kind (aggregation, tests, gaps) are in server/definitions/kinds.ts.

export interface KindDrawing {
  /** shown with what it divides ("1,234 / 5,678"): rates and ratios */
  parts: boolean;
  /** groups add up to the whole, so they stack: counts and backlogs */
  additive: boolean;
  /** what a figure over the range is: a backlog's is its level at the end (series) or its net growth (breakdown) */
  seriesCaption: string;
  breakdownCaption: string;
  /** what the denominator counts when the kind has no numerator */
  denominatorNoun: string;
  /** nothing was counted: every value null; counts also when their total is 0, backlogs when every level is 0 */
  emptyWhenZero: 'never' | 'total' | 'every-point';
}

const FLOW = { seriesCaption: 'over the range', breakdownCaption: 'over the range' };

export const KIND_DRAWING: Record<MetricKind, KindDrawing> = {
  COUNT: { parts: false, additive: true, ...FLOW, denominatorNoun: 'Denominator', emptyWhenZero: 'total' },
  RATE: { parts: true, additive: false, ...FLOW, denominatorNoun: 'Denominator', emptyWhenZero: 'never' },
  RATIO: { parts: true, additive: false, ...FLOW, denominatorNoun: 'Denominator', emptyWhenZero: 'never' },
  QUANTILE: { parts: false, additive: false, ...FLOW, denominatorNoun: 'Items', emptyWhenZero: 'never' },
  DISTINCT: { parts: false, additive: false, ...FLOW, denominatorNoun: 'Denominator', emptyWhenZero: 'never' },
  BACKLOG: { parts: false, additive: true, seriesCaption: 'at the end', breakdownCaption: 'net growth over the range', denominatorNoun: 'Denominator', emptyWhenZero: 'every-point' },
  AGREEMENT: { parts: false, additive: false, ...FLOW, denominatorNoun: 'Items', emptyWhenZero: 'never' },
  OLDEST_WAIT: { parts: false, additive: false, ...FLOW, denominatorNoun: 'Denominator', emptyWhenZero: 'never' },
};

/** +1 when a rise is bad, -1 when a fall is bad, 0 when neither is. */
export function badSign(direction: Direction): number {
  return direction === 'DOWN' ? 1 : direction === 'UP' ? -1 : 0;
}

/** How far a value is on the wrong side of the target (0 when it is on the right side). */
export function shortfall(value: number, target: { value: number; direction: string }): number {
  return Math.max(0, target.direction === 'AT_MOST' ? value - target.value : target.value - value);
}
