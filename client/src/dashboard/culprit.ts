import type { Direction, MetricKind, TargetStatus } from '../generated/graphql';
import type { FigurePoint } from '../charts/tooltip';

// "Where" and "since when" for a headline figure: the slice that explains it and the stretch of
// time it went wrong. Pure functions over API answers, so the rules are tested without a server.

export interface CulpritMetric {
  kind: MetricKind;
  goodDirection: Direction;
  target: { value: number; direction: string } | null;
}

export interface CellLike {
  keys: readonly string[];
  labels: readonly string[];
  point: FigurePoint;
}

export interface Culprit {
  keys: string[];
  labels: string[];
  point: FigurePoint;
  /** The same cell in the comparison period, when there is one. */
  previous: FigurePoint | undefined;
}

const OTHER_KEY = '__other__';

/** +1 when a rise is bad, -1 when a fall is bad, 0 when neither is. */
export function badSign(direction: Direction): number {
  return direction === 'DOWN' ? 1 : direction === 'UP' ? -1 : 0;
}

/** How far a value is on the wrong side of the target (0 when it is on the right side). */
export function shortfall(value: number, target: { value: number; direction: string }): number {
  return Math.max(0, target.direction === 'AT_MOST' ? value - target.value : target.value - value);
}

const additive = (kind: MetricKind) => kind === 'COUNT' || kind === 'DISTINCT';

/**
 * The cell that explains a headline figure, weighing each cell by how many items it rests on:
 * - a figure off target: the cell with the most items short of the target (items × shortfall);
 * - a backlog: the cell where it grew the most;
 * - otherwise: the cell that moved most in the bad direction since the comparison period
 *   (items × change for rates; the change itself for counts; either way for neutral metrics).
 * Low-sample cells and "Other" are never the culprit: neither is a slice one can act on.
 */
export function findCulprit(
  metric: CulpritMetric,
  status: TargetStatus,
  current: readonly CellLike[],
  previous: readonly CellLike[] | undefined,
): Culprit | undefined {
  const sign = badSign(metric.goodDirection);
  const offTarget = metric.target !== null && (status === 'BREACHED' || status === 'AT_RISK');
  const before = new Map((previous ?? []).map((c) => [c.keys.join('|'), c.point]));
  let best: { cell: CellLike; weight: number } | undefined;
  for (const cell of current) {
    const { point } = cell;
    if (point.value === null || point.lowSample || cell.keys.includes(OTHER_KEY)) continue;
    const support = point.denominator ?? point.numerator ?? 1;
    const prior = before.get(cell.keys.join('|'))?.value ?? null;
    let weight: number;
    if (offTarget && metric.target && !additive(metric.kind)) {
      weight = support * shortfall(point.value, metric.target);
    } else if (metric.kind === 'BACKLOG') {
      weight = point.value * (sign || 1);
    } else if (prior !== null) {
      const delta = point.value - prior;
      const bad = sign === 0 ? Math.abs(delta) : delta * sign;
      weight = additive(metric.kind) ? bad : support * bad;
    } else {
      continue;
    }
    if (weight > 0 && (!best || weight > best.weight)) best = { cell, weight };
  }
  if (!best) return undefined;
  return {
    keys: [...best.cell.keys],
    labels: [...best.cell.labels],
    point: best.cell.point,
    previous: before.get(best.cell.keys.join('|')),
  };
}

/**
 * Whether one bucket of the culprit's series is "bad": on the wrong side of the target, or,
 * without a target, a rate whose 95 % interval lies entirely on the wrong side of the comparison
 * period's value (so noise alone does not make a bad bucket).
 */
export function bucketIsBad(point: FigurePoint, metric: CulpritMetric, baseline: number | null): boolean {
  if (point.value === null) return false;
  if (metric.target) return shortfall(point.value, metric.target) > 0;
  const sign = badSign(metric.goodDirection);
  if (baseline === null || sign === 0 || point.low === null || point.high === null) return false;
  return sign > 0 ? point.low > baseline : point.high < baseline;
}

/** The longest run of bad buckets (the latest one on a tie), as bucket indexes; undefined if none. */
export function longestBadRun(bad: readonly boolean[]): { start: number; end: number } | undefined {
  let best: { start: number; end: number } | undefined;
  let start = -1;
  bad.forEach((isBad, i) => {
    if (isBad && start < 0) start = i;
    const closes = start >= 0 && (!isBad || i === bad.length - 1);
    if (!closes) return;
    const end = isBad ? i : i - 1;
    if (!best || end - start >= best.end - best.start) best = { start, end };
    start = -1;
  });
  return best;
}
