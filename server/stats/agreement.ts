// Inter-annotator agreement on nominal labels: Krippendorff's alpha from a coincidence matrix,
// percent agreement, and Cohen's kappa for two annotators. Pure functions; the coincidence
// matrix itself may be summed in SQL (see queries/annotation) or here from units.

/** Coincidences o[c][k] of values c and k within units, as Krippendorff (2011) defines them. */
export type Coincidences = Map<string, Map<string, number>>;

/** Adds one unit (all values given to one item) to a coincidence matrix; units with < 2 values are not pairable. */
export function addUnit(o: Coincidences, values: readonly string[]): void {
  const m = values.length;
  if (m < 2) return;
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  for (const [c, nc] of counts) {
    for (const [k, nk] of counts) {
      const pairs = c === k ? nc * (nc - 1) : nc * nk;
      if (pairs === 0) continue;
      const row = o.get(c) ?? new Map<string, number>();
      row.set(k, (row.get(k) ?? 0) + pairs / (m - 1));
      o.set(c, row);
    }
  }
}

/** Adds the coincidences of `from` into `into` (cells of the same matrix added up). */
export function addCoincidences(into: Coincidences, from: Coincidences): void {
  for (const [c, row] of from) {
    const target = into.get(c) ?? new Map<string, number>();
    for (const [k, v] of row) target.set(k, (target.get(k) ?? 0) + v);
    into.set(c, target);
  }
}

export function coincidencesOf(units: readonly (readonly string[])[]): Coincidences {
  const o: Coincidences = new Map();
  for (const u of units) addUnit(o, u);
  return o;
}

/** Krippendorff's alpha for nominal data: 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k; null without disagreement to expect. */
export function krippendorffAlphaNominal(o: Coincidences): number | null {
  const marginals = new Map<string, number>();
  let n = 0;
  let observed = 0;
  for (const [c, row] of o) {
    for (const [k, v] of row) {
      marginals.set(c, (marginals.get(c) ?? 0) + v);
      n += v;
      if (c !== k) observed += v;
    }
  }
  let expected = 0;
  for (const [c, nc] of marginals) for (const [k, nk] of marginals) if (c !== k) expected += nc * nk;
  if (n < 2 || expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/** Share of units with ≥ 2 values whose values are all the same, and the count of such units. */
export function unanimity(units: readonly (readonly string[])[]): { unanimous: number; units: number } {
  let unanimous = 0;
  let total = 0;
  for (const u of units) {
    if (u.length < 2) continue;
    total++;
    if (u.every((v) => v === u[0])) unanimous++;
  }
  return { unanimous, units: total };
}

/** Cohen's kappa from a square contingency table (rows: annotator A, columns: annotator B). */
export function cohensKappa(table: readonly (readonly number[])[]): number | null {
  const k = table.length;
  let n = 0;
  let agree = 0;
  const rows = Array(k).fill(0);
  const cols = Array(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = table[i]![j]!;
      n += v;
      rows[i] += v;
      cols[j] += v;
      if (i === j) agree += v;
    }
  }
  if (n === 0) return null;
  const po = agree / n;
  let pe = 0;
  for (let i = 0; i < k; i++) pe += (rows[i] * cols[i]) / (n * n);
  return pe === 1 ? null : (po - pe) / (1 - pe);
}

/** The contingency table of two annotators over the items both labelled, with categories in order. */
export function contingency(pairs: readonly (readonly [string, string])[]): { categories: string[]; table: number[][] } {
  const categories = [...new Set(pairs.flat())].sort();
  const index = new Map(categories.map((c, i) => [c, i]));
  const table = categories.map(() => categories.map(() => 0));
  for (const [a, b] of pairs) table[index.get(a)!]![index.get(b)!]!++;
  return { categories, table };
}
