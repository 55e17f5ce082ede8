import { benjaminiHochberg as qValues } from '../../../server/stats/multiple';

/**
 * Benjamini–Hochberg: which of many tests stay significant when the false discovery rate is
 * held at `q`. Used wherever a screen picks "what moved" out of many figures at once, so a list
 * of a dozen tests does not flag one at random every time. Returns a flag per p-value, in order.
 * The procedure itself is the server's (one implementation, tested against R's p.adjust).
 */
export function benjaminiHochberg(pValues: readonly number[], q = 0.05): boolean[] {
  return qValues(pValues).map((adjusted) => adjusted <= q);
}
