/**
 * Benjamini–Hochberg: which of many tests stay significant when the false discovery rate is
 * held at `q`. Used wherever a screen picks "what moved" out of many figures at once, so a list
 * of a dozen tests does not flag one at random every time. Returns a flag per p-value, in order.
 */
export function benjaminiHochberg(pValues: readonly number[], q = 0.05): boolean[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  let cutoff = -1;
  order.forEach(({ p }, rank) => {
    if (p <= ((rank + 1) / m) * q) cutoff = rank;
  });
  const flags = new Array<boolean>(m).fill(false);
  for (let rank = 0; rank <= cutoff; rank++) flags[order[rank]!.i] = true;
  return flags;
}
