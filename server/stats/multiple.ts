// Many tests at once: Benjamini–Hochberg adjusted p-values (the false discovery rate), and a
// robust band for a value against its history (median and MAD). Pure functions.

/** BH q-values in the input order (R: p.adjust(p, method = "BH")). */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const q = Array<number>(m);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const [p, i] = order[k]!;
    running = Math.min(running, (p * m) / (k + 1));
    q[i] = running;
  }
  return q;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median absolute deviation scaled to the standard deviation of a normal distribution. */
export function scaledMad(values: readonly number[]): number {
  const m = median(values);
  return 1.4826 * median(values.map((v) => Math.abs(v - m)));
}

export interface Band {
  expected: number;
  low: number;
  high: number;
  /** robust z of the value */
  z: number;
}

/**
 * Where a value stands against its history (e.g. the same weekday of the previous weeks): the
 * median, and a band of ±threshold robust standard deviations. The spread is never taken below
 * `minScale` (the sampling noise of the value itself), so a flat history does not make every small
 * wobble an anomaly. Iglewicz & Hoaglin's cut-off for robust z is 3.5.
 */
export function robustBand(history: readonly number[], value: number, minScale: number, threshold = 3.5): Band {
  const expected = median(history);
  const scale = Math.max(scaledMad(history), minScale, Number.EPSILON);
  return { expected, low: expected - threshold * scale, high: expected + threshold * scale, z: (value - expected) / scale };
}
