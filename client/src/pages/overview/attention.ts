import type { CatalogueMetric } from '../../catalogue';
import type { Kpi } from '../../panels/KpiTile';

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
