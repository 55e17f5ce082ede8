// Inter-annotator agreement on nominal labels: Krippendorff's alpha from sums over units,
// percent agreement, and Cohen's kappa for two annotators. Pure functions; the sums themselves are
// added up in SQL (see the krippendorff_alpha entry of definitions/metricCatalogue.ts).

/**
 * Krippendorff's alpha for nominal data, 1 − (n − 1)·Σ_{c≠k} o_ck ÷ Σ_{c≠k} n_c·n_k (Krippendorff
 * 2011), from sums that add up across units, so SQL computes them without pairing answers: n_c, the
 * values of category c in units with two or more values (the coincidence marginals), and the
 * observed disagreement Σ_{c≠k} o_ck, which for a unit of m values is (m² − Σ_c n_uc²) ÷ (m − 1).
 * The expected disagreement Σ_{c≠k} n_c·n_k is n² − Σ_c n_c². Null without disagreement to expect.
 */
export function krippendorffAlphaFromSums(valueCounts: ReadonlyMap<string, number>, observed: number): number | null {
  let n = 0;
  let squares = 0;
  for (const nc of valueCounts.values()) {
    n += nc;
    squares += nc * nc;
  }
  const expected = n * n - squares;
  if (n < 2 || expected <= 0) return null;
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
