// Metric answers: series, breakdowns and period comparisons, assembled from the statements of
// queries/metricQuery.ts. Arguments arrive already checked (graphql/argumentChecks.ts, metrics/sliceInput.ts).
import type { Database } from '../db/database.js';
import type { Dimension, Grain } from '../domain/vocabulary.generated.js';
import { DAY_S } from '../domain/time.js';
import { zonedBucketStarts } from '../domain/zones.js';
import { ROLLUPS, type RollupDef } from '../definitions/rollups.js';
import { dimensionValueLabel } from '../definitions/dimensions.js';
import { measuresOf, type MetricDef } from '../definitions/metricCatalogue.js';
import { KIND_RULES } from '../definitions/kinds.js';
import { addComponents, componentsOf, finitePoint, pointOf, type Components, type Point } from './points.js';
import { OTHER_KEY, breakdownStatements, oldestWaitStatement, seriesStatements, topKeysStatement, totalStatements, type Slice, type WaitKey } from '../queries/metricQuery.js';
import { run, type Statement } from '../queries/statements.js';

export interface Group {
  key: string;
  label: string;
  isOther: boolean;
  points: Point[];
  total: Point;
}

export interface SeriesResult {
  grain: Grain;
  zone: string;
  from: number;
  to: number;
  buckets: number[];
  groups: Group[];
  bucketTotals: Point[];
  total: Point;
  statements: Statement[];
}

/** Daily rollups answer whole UTC days: the range is widened to them. */
export function alignToRollup(def: MetricDef, from: number, to: number): { from: number; to: number } {
  if (ROLLUPS[def.rollup].grain !== 'DAY') return { from, to };
  return { from: Math.floor(from / DAY_S) * DAY_S, to: Math.ceil(to / DAY_S) * DAY_S };
}

const flag = (v: unknown) => Number(v) === 1;

/** A figure over a whole range: a level is everything in minus everything out up to its end. */
function rangePoint(def: MetricDef, c: Components | undefined): Point {
  const p = pointOf(def, c);
  return KIND_RULES[def.kind].fill === 'level' ? finitePoint({ ...p, value: (p.numerator ?? 0) - (p.denominator ?? 0) }) : p;
}

/** Rows of statements over different rollups added up per cell. */
function collect(def: MetricDef, rows: Record<string, unknown>[], cellKey: (r: Record<string, unknown>) => string, into = new Map<string, Components>()) {
  for (const r of rows) {
    const key = cellKey(r);
    const c = componentsOf(def, r);
    const prev = into.get(key);
    into.set(key, prev ? addComponents(prev, c) : c);
  }
  return into;
}

const groupLabel = (d: Dimension | null, key: string) =>
  key === OTHER_KEY ? 'Other' : d ? dimensionValueLabel(d, key) : 'All';

/** The top N keys and whether the rest fold into Other (more than N keys). */
interface Top {
  order: string[];
  folded: string[] | null;
}

/** A group's rank weight from its components, as weightSql (queries/metricQuery.ts) computes it in the engine. */
function weightOf(def: MetricDef, c: Components | undefined): number {
  if (!c) return 0;
  switch (KIND_RULES[def.kind].rankBy) {
    case 'histogram':
      return [...(c.histogram?.values() ?? [])].reduce((a, b) => a + b, 0);
    case 'value':
      return c.value ?? 0;
    case 'denominator':
      return c.denominator ?? 0;
    case 'pairable':
      throw new Error(`${def.id}: pairable items are not among the components`);
  }
}

/** Byte order, as the engine sorts strings (ORDER BY weight DESC, key). */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The top N of the keys by weight, as topKeysStatement ranks them. */
function topOf(def: MetricDef, totals: ReadonlyMap<string, Components>, n: number): Top {
  const keys = [...totals.keys()].sort((a, b) => weightOf(def, totals.get(b)) - weightOf(def, totals.get(a)) || byBytes(a, b));
  return { order: keys.slice(0, n), folded: keys.length > n ? keys.slice(0, n) : null };
}

/** Cells keyed by `parts` ('*' = all), with keys beyond a top folded into Other and added up. */
function foldCells(cells: ReadonlyMap<string, Components>, fold: readonly ((key: string) => string)[]): Map<string, Components> {
  const out = new Map<string, Components>();
  for (const [cell, c] of cells) {
    const key = cell.split('|').map((k, i) => (k === '*' || !fold[i] ? k : fold[i]!(k))).join('|');
    const prev = out.get(key);
    out.set(key, prev ? addComponents(prev, c) : c);
  }
  return out;
}

/**
 * Whether a grouping's top N comes from the grouped answer itself (KindRule.ranksFromGroups), for
 * metrics read from one rollup: one with measures on two (the appeal rate) is ranked on one of
 * them only, whose keys the other's rows would not show. Not agreement rates: their unit is a task,
 * and a task answered in two groups folded into Other is one unit there, not two.
 */
function ranksInMemory(def: MetricDef): boolean {
  return KIND_RULES[def.kind].ranksFromGroups && !(ROLLUPS[def.rollup] as RollupDef).perTask && measuresOf(def).every((m) => m.rollup === def.rollup);
}

const folder = (top: Top) => (key: string) => (!top.folded || top.folded.includes(key) ? key : OTHER_KEY);

async function topKeys(db: Database, def: MetricDef, slice: Slice, d: Dimension, n: number, statements: Statement[]): Promise<Top> {
  const s = topKeysStatement(def, slice, d, n + 1, KIND_RULES[def.kind].window === 'to_end' ? 'before_to' : 'range');
  statements.push(s);
  const keys = (await run<{ key: string }>(db, s)).map((r) => String(r.key));
  return { order: keys.slice(0, n), folded: keys.length > n ? keys.slice(0, n) : null };
}

// ---- Oldest waiting item ----------------------------------------------------------------------

interface WaitRow {
  keys: string[];
  /** per end: the hour the oldest waiting item entered its queue (Unix seconds), 0 when none */
  oldest: number[];
}

async function oldestWaits(db: Database, def: MetricDef, slice: Slice, keys: WaitKey[], ends: number[], statements: Statement[]): Promise<WaitRow[]> {
  const s = oldestWaitStatement(def, slice, keys, ends);
  statements.push(s);
  const rows = await run<Record<string, unknown>>(db, s);
  return rows.map((r) => ({ keys: keys.map((_, i) => String(r[`k${i + 1}`])), oldest: (r.oldest as unknown[]).map(Number) }));
}

/** The oldest wait over the rows that match (every queue of the slice), as the age at `end`. */
function waitPoint(rows: readonly WaitRow[], match: (keys: string[]) => boolean, index: number, end: number): Point {
  let oldest = Infinity;
  for (const r of rows) {
    const hour = r.oldest[index]!;
    if (hour > 0 && match(r.keys)) oldest = Math.min(oldest, hour);
  }
  return finitePoint({ value: oldest === Infinity ? 0 : end - oldest, numerator: null, denominator: null, low: null, high: null, lowSample: false, nullReason: null });
}

export async function seriesOf(
  db: Database,
  def: MetricDef,
  q: { from: number; to: number; grain: Grain; zone: string; filters: Map<Dimension, string[]>; groupBy: Dimension | null; topN: number },
): Promise<SeriesResult> {
  const zone = ROLLUPS[def.rollup].grain === 'DAY' ? 'UTC' : q.zone;
  const { from, to } = alignToRollup(def, q.from, q.to);
  const slice: Slice = { from, to, filters: q.filters };
  const statements: Statement[] = [];
  let order: string[] = [];
  let folded: string[] | null = null;
  // the top N from the grouped answer itself where groups add up; else a ranking statement first
  const inMemory = q.groupBy !== null && ranksInMemory(def);
  if (q.groupBy && !inMemory) ({ order, folded } = await topKeys(db, def, slice, q.groupBy, q.topN, statements));

  if (KIND_RULES[def.kind].fill === 'oldest') {
    const buckets = zonedBucketStarts(from, to, q.grain, zone);
    const ends = buckets.map((_, i) => buckets[i + 1] ?? to);
    const rows = await oldestWaits(db, def, slice, q.groupBy ? [{ dimension: q.groupBy, topKeys: folded }] : [], ends, statements);
    const line = (match: (keys: string[]) => boolean) => {
      const points = ends.map((end, i) => waitPoint(rows, match, i, end));
      return { points, total: points[points.length - 1] ?? waitPoint([], () => true, 0, to) };
    };
    const all = line(() => true);
    const keys = folded ? [...order, OTHER_KEY] : order;
    const groups = q.groupBy
      ? keys.map((key) => ({ key, label: groupLabel(q.groupBy, key), isOther: key === OTHER_KEY, ...line((k) => k[0] === key) }))
      : [{ key: 'all', label: 'All', isOther: false, ...all }];
    return { grain: q.grain, zone, from, to, buckets, groups, bucketTotals: all.points, total: all.total, statements };
  }

  const main = seriesStatements(def, slice, { grain: q.grain, zone, groupBy: q.groupBy, topKeys: folded });
  statements.push(...main);
  const grouped = new Map<string, Components>();
  const before = new Map<string, Components>();
  // asked at once: the runner may send statements of one shape together (statementMerger.ts)
  const answers = await Promise.all(main.map((s) => run(db, s)));
  main.forEach((s, i) => {
    const rows = answers[i]!;
    if (s.operation === 'metrics.backlog_before') collect(def, rows, (r) => (flag(r.all_keys) ? '*' : String(r.key)), before);
    else collect(def, rows, (r) => `${flag(r.all_buckets) ? '*' : Number(r.bucket)}|${flag(r.all_keys) ? '*' : String(r.key)}`, grouped);
  });

  let cells = grouped;
  if (inMemory) {
    const totals = new Map([...grouped].filter(([cell]) => cell.startsWith('*|') && cell !== '*|*').map(([cell, c]) => [cell.slice(2), c]));
    const top = topOf(def, totals, q.topN);
    ({ order, folded } = top);
    cells = foldCells(grouped, [(b) => b, folder(top)]);
  }
  const buckets = zonedBucketStarts(from, to, q.grain, zone);
  const keys = folded ? [...order, OTHER_KEY] : order;
  const line = (key: string): { points: Point[]; total: Point } => {
    if (KIND_RULES[def.kind].fill === 'level') {
      const carried = before.get(key);
      let level = (carried?.numerator ?? 0) - (carried?.denominator ?? 0);
      const points = buckets.map((b) => {
        const flow = pointOf(def, cells.get(`${b}|${key}`));
        level += (flow.numerator ?? 0) - (flow.denominator ?? 0);
        return finitePoint({ ...flow, value: level });
      });
      return { points, total: points[points.length - 1] ?? pointOf(def, undefined) };
    }
    return { points: buckets.map((b) => pointOf(def, cells.get(`${b}|${key}`))), total: pointOf(def, cells.get(`*|${key}`)) };
  };
  const all = line('*');
  const groups = q.groupBy
    ? keys.map((key) => ({ key, label: groupLabel(q.groupBy, key), isOther: key === OTHER_KEY, ...line(key) }))
    : [{ key: 'all', label: 'All', isOther: false, ...all }];
  return { grain: q.grain, zone, from, to, buckets, groups, bucketTotals: all.points, total: all.total, statements };
}

export interface BreakdownCellResult {
  keys: string[];
  labels: string[];
  /** a key is Other (everything beyond the top N) */
  isOther: boolean;
  point: Point;
}

export interface BreakdownResult {
  from: number;
  to: number;
  cells: BreakdownCellResult[];
  marginals: BreakdownCellResult[];
  total: Point;
  statements: Statement[];
}

export async function breakdownOf(
  db: Database,
  def: MetricDef,
  q: { from: number; to: number; dims: Dimension[]; filters: Map<Dimension, string[]>; topN: number },
): Promise<BreakdownResult> {
  const { from, to } = alignToRollup(def, q.from, q.to);
  const slice: Slice = { from, to, filters: q.filters };
  const statements: Statement[] = [];
  const inMemory = ranksInMemory(def);
  const tops: Top[] = inMemory ? [] : await Promise.all(q.dims.map((d) => topKeys(db, def, slice, d, q.topN, statements)));
  if (KIND_RULES[def.kind].fill === 'oldest') {
    const rows = await oldestWaits(db, def, slice, q.dims.map((dimension, i) => ({ dimension, topKeys: tops[i]!.folded })), [to], statements);
    const at = (match: (keys: string[]) => boolean) => waitPoint(rows, match, 0, to);
    const keysOf = (i: number) => (tops[i]!.folded ? [...tops[i]!.order, OTHER_KEY] : tops[i]!.order);
    const marginals: BreakdownCellResult[] = [];
    const cells: BreakdownCellResult[] = [];
    for (const k1 of keysOf(0)) {
      marginals.push({ keys: [k1], labels: [groupLabel(q.dims[0]!, k1)], isOther: k1 === OTHER_KEY, point: at((k) => k[0] === k1) });
      if (q.dims.length === 1) cells.push(marginals[marginals.length - 1]!);
      else for (const k2 of keysOf(1)) {
        if (rows.some((r) => r.keys[0] === k1 && r.keys[1] === k2)) {
          cells.push({ keys: [k1, k2], labels: [groupLabel(q.dims[0]!, k1), groupLabel(q.dims[1]!, k2)], isOther: k1 === OTHER_KEY || k2 === OTHER_KEY, point: at((k) => k[0] === k1 && k[1] === k2) });
        }
      }
    }
    if (q.dims.length > 1) for (const k2 of keysOf(1)) marginals.push({ keys: [k2], labels: [groupLabel(q.dims[1]!, k2)], isOther: k2 === OTHER_KEY, point: at((k) => k[1] === k2) });
    return { from, to, cells, marginals, total: at(() => true), statements };
  }
  const main = breakdownStatements(def, slice, q.dims, inMemory ? [] : tops.map((t) => t.folded));
  statements.push(...main);
  const grouped = new Map<string, Components>();
  for (const rows of await Promise.all(main.map((s) => run(db, s)))) {
    collect(def, rows, (r) => `${flag(r.all_1) ? '*' : String(r.k1)}|${q.dims.length > 1 ? (flag(r.all_2) ? '*' : String(r.k2)) : '*'}`, grouped);
  }
  let cells = grouped;
  if (inMemory) {
    // each dimension's top N from its marginals, then every cell folded into Other beyond them
    const marginalsOf = (i: number) => new Map([...grouped].flatMap(([cell, c]) => {
      const parts = cell.split('|');
      return parts[i] !== '*' && parts[1 - i] === '*' ? [[parts[i]!, c] as const] : [];
    }));
    tops.push(...q.dims.map((_, i) => topOf(def, marginalsOf(i), q.topN)));
    cells = foldCells(grouped, tops.map(folder));
  }
  const point = (c: Components | undefined) => rangePoint(def, c);
  const keysOf = (i: number) => (tops[i]!.folded ? [...tops[i]!.order, OTHER_KEY] : tops[i]!.order);
  const result: BreakdownCellResult[] = [];
  const marginals: BreakdownCellResult[] = [];
  for (const k1 of keysOf(0)) {
    marginals.push({ keys: [k1], labels: [groupLabel(q.dims[0]!, k1)], isOther: k1 === OTHER_KEY, point: point(cells.get(`${k1}|*`)) });
    if (q.dims.length === 1) result.push(marginals[marginals.length - 1]!);
    else for (const k2 of keysOf(1)) {
      const c = cells.get(`${k1}|${k2}`);
      if (c) result.push({ keys: [k1, k2], labels: [groupLabel(q.dims[0]!, k1), groupLabel(q.dims[1]!, k2)], isOther: k1 === OTHER_KEY || k2 === OTHER_KEY, point: point(c) });
    }
  }
  if (q.dims.length > 1) {
    for (const k2 of keysOf(1)) marginals.push({ keys: [k2], labels: [groupLabel(q.dims[1]!, k2)], isOther: k2 === OTHER_KEY, point: point(cells.get(`*|${k2}`)) });
  }
  return { from, to, cells: result, marginals, total: point(cells.get('*|*')), statements };
}

/** A metric over a whole range (one figure). */
export async function totalOf(db: Database, def: MetricDef, from: number, to: number, filters: Map<Dimension, string[]>): Promise<{ point: Point; statements: Statement[] }> {
  if (KIND_RULES[def.kind].fill === 'oldest') {
    const statements: Statement[] = [];
    const rows = await oldestWaits(db, def, { from, to, filters }, [], [to], statements);
    return { point: waitPoint(rows, () => true, 0, to), statements };
  }
  const statements = totalStatements(def, { from, to, filters });
  let c: Components = {};
  for (const rows of await Promise.all(statements.map((s) => run(db, s)))) for (const row of rows) c = addComponents(c, componentsOf(def, row));
  return { point: rangePoint(def, c), statements };
}
