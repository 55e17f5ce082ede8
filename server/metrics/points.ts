// From the sums a statement returns to the figure people read, per metric kind. Pure functions.
import type { MetricDef } from './catalogue.js';
import { LOW_SAMPLE, wilsonInterval } from '../stats/proportions.js';
import { histogramQuantile } from '../stats/distributions.js';
import { addCoincidences, krippendorffAlphaNominal, type Coincidences } from '../stats/agreement.js';

/** The parts of one cell (bucket × group), added up across rows and rollups. */
export interface Components {
  value?: number;
  numerator?: number;
  denominator?: number;
  /** QUANTILE: histogram bucket -> count */
  histogram?: Map<number, number>;
  /** AGREEMENT: o[a][b], the weight of answer pairs (a, b) within items */
  coincidences?: Coincidences;
}

export interface Point {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  low: number | null;
  high: number | null;
  lowSample: boolean;
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/** Reads one result row's measure columns into components (sumMap results are [keys, values]). */
export function componentsOf(def: MetricDef, row: Record<string, unknown>): Components {
  const c: Components = {};
  if (def.kind === 'QUANTILE') {
    const [keys, counts] = (row.value as [number[], (number | string)[]]) ?? [[], []];
    c.histogram = new Map(keys.map((k, i) => [Number(k), num(counts[i])]));
  } else if (def.kind === 'AGREEMENT') {
    // sumMap over (answer, answer) tuples: the keys arrive as [a, b] pairs
    const [pairs, weights] = (row.value as [[string, string][], (number | string)[]]) ?? [[], []];
    const o: Coincidences = new Map();
    pairs.forEach(([a, b], i) => {
      const row = o.get(a) ?? new Map<string, number>();
      row.set(b, (row.get(b) ?? 0) + num(weights[i]));
      o.set(a, row);
    });
    c.coincidences = o;
  } else if ('value' in row) c.value = num(row.value);
  if ('numerator' in row) c.numerator = num(row.numerator);
  if ('denominator' in row) c.denominator = num(row.denominator);
  return c;
}

/** Adds b into a (cells of different rollups, or groups folded together). */
export function addComponents(a: Components, b: Components): Components {
  const out: Components = { ...a };
  for (const k of ['value', 'numerator', 'denominator'] as const) if (b[k] !== undefined) out[k] = (a[k] ?? 0) + b[k]!;
  if (b.histogram) {
    const merged = new Map(a.histogram ?? []);
    for (const [key, v] of b.histogram) merged.set(key, (merged.get(key) ?? 0) + v);
    out.histogram = merged;
  }
  if (b.coincidences) {
    const merged: Coincidences = new Map();
    if (a.coincidences) addCoincidences(merged, a.coincidences);
    addCoincidences(merged, b.coincidences);
    out.coincidences = merged;
  }
  return out;
}

const EMPTY: Point = { value: null, numerator: null, denominator: null, low: null, high: null, lowSample: false };

export function pointOf(def: MetricDef, c: Components | undefined): Point {
  switch (def.kind) {
    case 'COUNT':
    case 'DISTINCT':
      return { ...EMPTY, value: c?.value ?? 0 };
    case 'RATE': {
      const n = c?.numerator ?? 0;
      const d = c?.denominator ?? 0;
      const interval = wilsonInterval(n, d);
      return { value: d > 0 ? n / d : null, numerator: n, denominator: d, low: interval?.[0] ?? null, high: interval?.[1] ?? null, lowSample: d < LOW_SAMPLE };
    }
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
      const o = c?.coincidences ?? new Map();
      const pairable = [...o.values()].reduce((a, row) => a + [...row.values()].reduce((x, y) => x + y, 0), 0);
      return { ...EMPTY, value: krippendorffAlphaNominal(o), denominator: pairable, lowSample: pairable < LOW_SAMPLE };
    }
    case 'BACKLOG':
      // the running value is computed by the caller; here the flows of one bucket
      return { ...EMPTY, value: c?.value ?? null, numerator: c?.numerator ?? 0, denominator: c?.denominator ?? 0 };
  }
}
