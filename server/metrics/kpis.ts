// Period-over-period comparison of metrics: change, significance and target status.
import type { Database } from '../db/database.js';
import type { ComparisonMode, Dimension, TargetStatus } from '../domain/vocabulary.generated.js';
import { DAY_S, HOUR_S } from '../domain/time.js';
import type { MetricDef, TargetDef } from '../definitions/metricCatalogue.js';
import type { Point } from './points.js';
import { alignToRollup, totalOf } from './service.js';
import { ROLLUPS } from '../definitions/rollups.js';
import { KIND_RULES } from '../definitions/kinds.js';
import { relativeChangeOf } from '../stats/practical.js';
import type { Statement } from '../queries/statements.js';

export const SIGNIFICANCE_LEVEL = 0.05;

export interface KpiResult {
  def: MetricDef;
  filters: Map<Dimension, string[]>;
  current: Point;
  previous: Point | null;
  currentRange: { from: number; to: number };
  previousRange: { from: number; to: number } | null;
  absoluteChange: number | null;
  relativeChange: number | null;
  pValue: number | null;
  test: string | null;
  significant: boolean;
  targetStatus: TargetStatus;
  statements: Statement[];
}

export function targetStatus(target: TargetDef | undefined, value: number | null): TargetStatus {
  // a figure without a target is neither on nor off it (exports and screens say "no target")
  if (!target) return 'NO_TARGET';
  if (value === null) return 'NO_DATA';
  const slack = target.direction === 'AT_LEAST' ? value - target.value : target.value - value;
  if (slack < 0) return 'BREACHED';
  return slack < target.atRiskMargin ? 'AT_RISK' : 'ON_TARGET';
}

/**
 * The comparison period. When the current period runs past the end of the data (a week still in
 * progress), both periods are cut to the same elapsed time so a partial week is not compared with
 * a whole one.
 */
export function comparisonRange(
  mode: ComparisonMode, current: { from: number; to: number }, dataEnd: number | null, custom: { from: number; to: number } | null,
): { current: { from: number; to: number }; previous: { from: number; to: number } | null } {
  const end = dataEnd === null ? current.to : Math.max(current.from + HOUR_S, Math.min(current.to, dataEnd));
  const elapsed = end - current.from;
  const trimmed = { from: current.from, to: end };
  switch (mode) {
    case 'NONE':
      return { current: trimmed, previous: null };
    case 'PREVIOUS_PERIOD': {
      const from = current.from - (current.to - current.from);
      return { current: trimmed, previous: { from, to: from + elapsed } };
    }
    case 'PREVIOUS_WEEK':
      return { current: trimmed, previous: { from: current.from - 7 * DAY_S, to: current.from - 7 * DAY_S + elapsed } };
    case 'CUSTOM':
      return { current: trimmed, previous: { from: custom!.from, to: Math.min(custom!.to, custom!.from + elapsed) } };
  }
}

export function compare(def: MetricDef, current: Point, previous: Point | null, hours: { current: number; previous: number }) {
  if (!previous || current.value === null || previous.value === null) {
    return { absoluteChange: null, relativeChange: null, pValue: null, test: null };
  }
  const change = current.value - previous.value;
  const absoluteChange = Number.isFinite(change) ? change : null;
  const relativeChange = relativeChangeOf(current.value, previous.value);
  const test = KIND_RULES[def.kind].test?.(current, previous, hours) ?? null;
  if (test) return { absoluteChange, relativeChange, pValue: test.pValue, test: test.test };
  return { absoluteChange, relativeChange, pValue: null, test: null };
}

export async function kpiOf(
  db: Database, def: MetricDef, filters: Map<Dimension, string[]>,
  q: { from: number; to: number; mode: ComparisonMode; custom: { from: number; to: number } | null; dataEnd: number | null },
): Promise<KpiResult> {
  const periods = comparisonRange(q.mode, { from: q.from, to: q.to }, q.dataEnd, q.custom);
  let currentRange = alignToRollup(def, periods.current.from, periods.current.to);
  let previousRange = periods.previous ? alignToRollup(def, periods.previous.from, periods.previous.to) : null;
  if (ROLLUPS[def.rollup].grain === 'DAY') {
    // whole days only, the same number in both periods: a day still running is left out of both
    const days = Math.max(1, Math.floor((periods.current.to - currentRange.from) / DAY_S));
    currentRange = { from: currentRange.from, to: currentRange.from + days * DAY_S };
    if (previousRange) previousRange = { from: previousRange.from, to: previousRange.from + days * DAY_S };
  }
  const [cur, prev] = await Promise.all([
    totalOf(db, def, currentRange.from, currentRange.to, filters),
    previousRange ? totalOf(db, def, previousRange.from, previousRange.to, filters) : null,
  ]);
  const hours = (r: { from: number; to: number } | null) => (r ? (r.to - r.from) / HOUR_S : 0);
  const change = compare(def, cur.point, prev?.point ?? null, { current: hours(currentRange), previous: hours(previousRange) });
  return {
    def, filters, current: cur.point, previous: prev?.point ?? null, currentRange, previousRange, ...change,
    significant: change.pValue !== null && change.pValue < SIGNIFICANCE_LEVEL,
    targetStatus: targetStatus(def.target, cur.point.value),
    statements: [...cur.statements, ...(prev?.statements ?? [])],
  };
}
