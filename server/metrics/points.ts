// From the sums a statement returns to the figure people read, per metric kind. Pure functions.
import type { MetricDef } from '../definitions/metricCatalogue.js';
import { KIND_RULES } from '../definitions/kinds.js';
import { LOW_SAMPLE, wilsonInterval } from '../stats/proportions.js';
import { histogramQuantile } from '../stats/distributions.js';
import { krippendorffAlphaFromSums } from '../stats/agreement.js';

/** The parts of one cell (bucket × group), added up across rows and rollups. */
export interface Components {
  value?: number;
  numerator?: number;
  denominator?: number;
  /** QUANTILE: histogram bucket -> count */
  histogram?: Map<number, number>;
  /** AGREEMENT: pairable answers per value, and the observed disagreement Σ_{c≠k} o_ck */
  answerCounts?: Map<string, number>;
  observedDisagreement?: number;
}

export interface Point {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  low: number | null;
  high: number | null;
  lowSample: boolean;
  /** why value is null (no items, not a proportion, not a finite number); null when it is not */
  nullReason: string | null;
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/** Reads one result row's measure columns into components (sumMap results are [keys, values]). */
export function componentsOf(def: MetricDef, row: Record<string, unknown>): Components {
  const c: Components = {};
  const read = KIND_RULES[def.kind].columns;
  if (read === 'histogram') {
    const [keys, counts] = (row.value as [number[], (number | string)[]]) ?? [[], []];
    c.histogram = new Map(keys.map((k, i) => [Number(k), num(counts[i])]));
  } else if (read === 'answers') {
    const [[answers, counts], observed] = (row.value as [[string[], (number | string)[]], number | string]) ?? [[[], []], 0];
    c.answerCounts = new Map(answers.map((a, i) => [a, num(counts[i])]));
    c.observedDisagreement = num(observed);
  } else if ('value' in row) c.value = num(row.value);
  if ('numerator' in row) c.numerator = num(row.numerator);
  if ('denominator' in row) c.denominator = num(row.denominator);
  return c;
}

/** Adds b into a (cells of different rollups, or groups folded together). */
export function addComponents(a: Components, b: Components): Components {
  const out: Components = { ...a };
  for (const k of ['value', 'numerator', 'denominator', 'observedDisagreement'] as const) if (b[k] !== undefined) out[k] = (a[k] ?? 0) + b[k]!;
  for (const k of ['histogram', 'answerCounts'] as const) {
    const src = b[k] as Map<string | number, number> | undefined;
    if (!src) continue;
    const merged = new Map<string | number, number>((a[k] as Map<string | number, number> | undefined) ?? []);
    for (const [key, v] of src) merged.set(key, (merged.get(key) ?? 0) + v);
    (out as Record<string, unknown>)[k] = merged;
  }
  return out;
}

const EMPTY: Point = { value: null, numerator: null, denominator: null, low: null, high: null, lowSample: false, nullReason: null };

export const NO_ITEMS = 'no items in the slice';

/**
 * The one door every figure leaves by: a field that is not a finite number becomes null, and a
 * null value says why. NaN and Infinity therefore never reach an answer, whatever the inputs.
 */
export function finitePoint(p: Point): Point {
  const out: Point = { ...p };
  let broken = false;
  for (const k of ['value', 'numerator', 'denominator', 'low', 'high'] as const) {
    const v = out[k];
    if (v !== null && !Number.isFinite(v)) {
      out[k] = null;
      broken = true;
    }
  }
  if (out.value !== null) out.nullReason = null;
  else if (broken && p.nullReason === null) out.nullReason = 'not a finite number (the inputs were out of range)';
  else if (out.nullReason === null) out.nullReason = NO_ITEMS;
  return out;
}

/** A proportion numerator ÷ denominator with its Wilson interval, or null with the reason it has none. */
function proportionPoint(n: number, d: number): Point {
  const base = { ...EMPTY, numerator: n, denominator: d, lowSample: d < LOW_SAMPLE };
  if (!(d > 0)) return { ...base, nullReason: NO_ITEMS };
  if (!(n >= 0 && n <= d)) {
    return { ...base, nullReason: `not a proportion: the numerator (${n}) is outside 0 … the denominator (${d})` };
  }
  const interval = wilsonInterval(n, d);
  return { ...base, value: n / d, low: interval?.[0] ?? null, high: interval?.[1] ?? null };
}

export function pointOf(def: MetricDef, c: Components | undefined): Point {
  return finitePoint(rawPointOf(def, c));
}

function rawPointOf(def: MetricDef, c: Components | undefined): Point {
  switch (def.kind) {
    case 'COUNT':
    case 'DISTINCT':
      return { ...EMPTY, value: c?.value ?? 0 };
    case 'RATE':
      return proportionPoint(c?.numerator ?? 0, c?.denominator ?? 0);
    case 'RATIO': {
      const n = c?.numerator ?? 0;
      const d = c?.denominator ?? 0;
      return { ...EMPTY, value: d > 0 ? (n / d) * (def.scale ?? 1) : null, numerator: n, denominator: d };
    }
    case 'QUANTILE': {
      const h = c?.histogram ?? new Map<number, number>();
      const count = [...h.values()].reduce((a, b) => a + b, 0);
      return { ...EMPTY, value: histogramQuantile([...h.keys()], [...h.values()], def.quantile!), denominator: count, lowSample: count < LOW_SAMPLE };
    }
    case 'AGREEMENT': {
      const counts = c?.answerCounts ?? new Map<string, number>();
      const pairable = [...counts.values()].reduce((a, b) => a + b, 0);
      return { ...EMPTY, value: krippendorffAlphaFromSums(counts, c?.observedDisagreement ?? 0), denominator: pairable, lowSample: pairable < LOW_SAMPLE };
    }
    case 'OLDEST_WAIT':
      // the age is computed by the caller from the oldest waiting hour (service.ts)
      return { ...EMPTY, value: c?.value ?? null };
    case 'BACKLOG':
      // the running value is computed by the caller; here the flows of one bucket
      return { ...EMPTY, value: c?.value ?? null, numerator: c?.numerator ?? 0, denominator: c?.denominator ?? 0 };
  }
}
