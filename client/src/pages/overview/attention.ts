import type { CatalogueMetric } from '../../catalogue';
import type { Kpi } from '../../dashboard/useDrill';
import { benjaminiHochberg } from '../../dashboard/multipleTesting';
import { changeTone, comparisonCovered } from '../../panels/KpiTile';
// the retrospective's rule for a change that matters in practice: one implementation for both
import { beyondCountNoise, mattersInPractice } from '../../../../server/stats/practical';

export interface Flag {
  metric: CatalogueMetric;
  kpi: Kpi;
  /** Why it is listed, most serious first: off target, a significant bad change, a large untested move. */
  reasons: ('breached' | 'at-risk' | 'significant' | 'large-move')[];
  score: number;
}

/** A move this large in the bad direction is worth a look even where no test applies (percentiles, backlogs). */
const LARGE_MOVE = 0.5;

/** Whether the change is large enough to matter (2 points of a proportion, 10 % of anything else). */
function matters(metric: CatalogueMetric, kpi: Kpi): boolean {
  const now = kpi.current.value;
  const before = kpi.previous?.value ?? null;
  return now !== null && before !== null && mattersInPractice(metric.unit, now, before);
}

/**
 * An untested move worth a look: at least half its base (or on a base too small for a
 * percentage), and for counts beyond their own Poisson noise — a backlog of 9 against 6 is not.
 */
function isLargeMove(metric: CatalogueMetric, kpi: Kpi): boolean {
  const now = kpi.current.value!;
  const before = kpi.previous!.value!;
  if (kpi.relativeChange !== null && Math.abs(kpi.relativeChange) < LARGE_MOVE) return false;
  return metric.unit !== 'COUNT' || beyondCountNoise(now, before);
}

/**
 * What needs attention among the headline figures: targets breached or at risk, and changes in
 * the bad direction that stay significant after Benjamini–Hochberg over all the tests shown
 * (many tiles means many chances of a fluke) and are large enough to matter, plus large moves of
 * figures that have no test.
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
    const bad = comparisonCovered(kpi, dataFrom) && changeTone(kpi.absoluteChange, metric.goodDirection, metric.unit) === 'bad' && matters(metric, kpi);
    if (bad && significant.has(metric.id)) reasons.push('significant');
    if (bad && kpi.pValue === null && isLargeMove(metric, kpi)) reasons.push('large-move');
    if (reasons.length === 0) continue;
    const score = reasons.reduce((s, r) => s + { breached: 3, 'at-risk': 1, significant: 2, 'large-move': 2 }[r], 0);
    flags.push({ metric, kpi, reasons, score });
  }
  return flags.sort((a, b) => b.score - a.score);
}

/**
 * What the list says when it is empty — only what the data supports: how many figures with a
 * target are on it (not those without data), how many changes could be tested, and which figures
 * rest on too few items to tell.
 */
export function allClearText(metrics: readonly CatalogueMetric[], kpis: ReadonlyMap<string, Kpi>, tested: number): string {
  const withTarget = metrics.filter((m) => m.target);
  const onTarget = withTarget.filter((m) => kpis.get(m.id)?.targetStatus === 'ON_TARGET').length;
  const noData = withTarget.filter((m) => kpis.get(m.id)?.targetStatus === 'NO_DATA').length;
  const thin = metrics.filter((m) => kpis.get(m.id)?.current.lowSample).length;
  const parts: string[] = [];
  if (withTarget.length) {
    parts.push(
      onTarget === withTarget.length
        ? `All ${onTarget} figures with a target are on target.`
        : `${onTarget} of the ${withTarget.length} figures with a target are on target${noData ? `; ${noData} ${noData === 1 ? 'has' : 'have'} no data` : ''}.`,
    );
  }
  parts.push(
    tested === 0
      ? 'No change could be tested: there is too little data in the comparison period, so nothing can be said about what moved.'
      : `None of the ${tested} tested changes moved the wrong way significantly by an amount that matters.`,
  );
  if (thin) parts.push(`${thin} figure${thin === 1 ? ' rests' : 's rest'} on fewer than 30 items: too few to tell.`);
  return parts.join(' ');
}
