// A headline comparison split by one dimension (Explore's comparison with a split): each value's
// figure in both periods, compared with the same tests as the headline (kpis.ts: two-proportion
// z-test for rates, exact Poisson for counts), and — many values being tested at once — their
// p-values adjusted by Benjamini–Hochberg across the values, significant at the same 5 % level
// as a false discovery rate (as the Overview's attention list holds its headline changes).
import type { Database } from '../db/database.js';
import type { Dimension } from '../domain/vocabulary.generated.js';
import { HOUR_S } from '../domain/time.js';
import type { MetricDef } from '../definitions/metricCatalogue.js';
import { benjaminiHochberg } from '../stats/multiple.js';
import { OTHER_KEY } from '../queries/metricQuery.js';
import type { Statement } from '../queries/statements.js';
import { breakdownOf } from './service.js';
import { compare, SIGNIFICANCE_LEVEL } from './kpis.js';
import { pointOf, type Point } from './points.js';

/** The most values compared: Explore's table holds at most 50 breakdown values. */
export const MAX_COMPARED_GROUPS = 50;

export interface GroupComparison {
  key: string;
  label: string;
  current: Point;
  previous: Point | null;
  absoluteChange: number | null;
  relativeChange: number | null;
  pValue: number | null;
  /** Benjamini–Hochberg adjusted across the groups tested */
  qValue: number | null;
  test: string | null;
  significant: boolean;
}

/**
 * Each value of `groupBy` in the current period (largest first, values beyond the first 50 left
 * out: an "Other" of different values in each period compares nothing), against the same value
 * in the comparison period. `currentRange` and `previousRange` are the headline's (kpiOf), so a
 * group's periods are its headline's.
 */
export async function groupComparisonsOf(
  db: Database, def: MetricDef, filters: Map<Dimension, string[]>, groupBy: Dimension,
  currentRange: { from: number; to: number }, previousRange: { from: number; to: number } | null,
): Promise<{ groups: GroupComparison[]; statements: Statement[] }> {
  const ask = (r: { from: number; to: number }) => breakdownOf(db, def, { from: r.from, to: r.to, dims: [groupBy], filters, topN: MAX_COMPARED_GROUPS });
  const now = await ask(currentRange);
  const before = previousRange ? await ask(previousRange) : null;
  const hours = { current: (currentRange.to - currentRange.from) / HOUR_S, previous: previousRange ? (previousRange.to - previousRange.from) / HOUR_S : 0 };
  const cells = now.cells.filter((c) => c.keys[0] !== OTHER_KEY);
  const compared = cells.map((c) => {
    // a value absent from the comparison period had nothing there: 0 items, not an unknown figure
    const previous = before ? (before.cells.find((p) => p.keys[0] === c.keys[0])?.point ?? pointOf(def, undefined)) : null;
    return { key: c.keys[0]!, label: c.labels[0]!, current: c.point, previous, ...compare(def, c.point, previous, hours) };
  });
  const tested = compared.filter((g) => g.pValue !== null);
  const q = benjaminiHochberg(tested.map((g) => g.pValue!));
  const qOf = new Map(tested.map((g, i) => [g, q[i]!]));
  const groups = compared.map((g) => {
    const qValue = qOf.get(g) ?? null;
    return { ...g, qValue, significant: qValue !== null && qValue < SIGNIFICANCE_LEVEL };
  });
  return { groups, statements: [...now.statements, ...(before?.statements ?? [])] };
}
