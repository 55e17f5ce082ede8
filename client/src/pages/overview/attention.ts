import type { CatalogueMetric } from '../../catalogue';
import type { Kpi } from '../../dashboard/useDrill';
import { benjaminiHochberg } from '../../dashboard/multipleTesting';
import { changeTone, comparisonCovered } from '../../panels/KpiTile';

export interface Flag {
  metric: CatalogueMetric;
  kpi: Kpi;
  /** Why it is listed, most serious first: off target, a significant bad change, a large untested move. */
  reasons: ('breached' | 'at-risk' | 'significant' | 'large-move')[];
  score: number;
}

/** A move this large in the bad direction is worth a look even where no test applies (percentiles, backlogs). */
const LARGE_MOVE = 0.5;

/**
 * What needs attention among the headline figures: targets breached or at risk, and changes in
 * the bad direction that stay significant after Benjamini–Hochberg over all the tests shown
 * (many tiles means many chances of a fluke), plus large moves of figures that have no test.
 */
export function attentionFlags(
  metrics: readonly CatalogueMetric[],
  kpis: ReadonlyMap<string, Kpi>,
  dataFrom: string | null,
  fdr = 0.05,
): Flag[] {
  const tested = metrics.flatMap((m) => {
    const k = kpis.get(m.id);
    return k && k.pValue !== null && comparisonCovered(k, dataFrom) ? [{ id: m.id, p: k.pValue }] : [];
  });
  const passes = benjaminiHochberg(tested.map((t) => t.p), fdr);
  const significant = new Set(tested.filter((_, i) => passes[i]).map((t) => t.id));

  const flags: Flag[] = [];
  for (const metric of metrics) {
    const kpi = kpis.get(metric.id);
    if (!kpi) continue;
    const reasons: Flag['reasons'] = [];
    if (metric.target && kpi.targetStatus === 'BREACHED') reasons.push('breached');
    if (metric.target && kpi.targetStatus === 'AT_RISK') reasons.push('at-risk');
    const bad = comparisonCovered(kpi, dataFrom) && changeTone(kpi.absoluteChange, metric.goodDirection) === 'bad';
    if (bad && significant.has(metric.id)) reasons.push('significant');
    if (bad && kpi.pValue === null && kpi.relativeChange !== null && Math.abs(kpi.relativeChange) >= LARGE_MOVE) reasons.push('large-move');
    if (reasons.length === 0) continue;
    const score = reasons.reduce((s, r) => s + { breached: 3, 'at-risk': 1, significant: 2, 'large-move': 2 }[r], 0);
    flags.push({ metric, kpi, reasons, score });
  }
  return flags.sort((a, b) => b.score - a.score);
}
