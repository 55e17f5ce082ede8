import { findMetric, splitFilters, type CatalogueMetric } from '../catalogue';
import { useDashboard } from '../dashboard/dashboard';
import type { Dimension, DimensionFilterInput } from '../generated/graphql';
import { dimensionFilters } from '../state/filterState';

export interface MetricSetup {
  metric: CatalogueMetric | undefined;
  /** The catalogue failed, or does not know the metric: the panel cannot ask anything. */
  setupError: unknown;
  /** The slice's filters this metric can take (plus the panel's own), and the dimensions left out. */
  filters: DimensionFilterInput[];
  ignored: Dimension[];
}

/**
 * A panel's metric from the catalogue and the filters it can apply. `extra` filters (a panel's
 * own, e.g. one model version) take precedence over the slice's filter on the same dimension.
 */
export function useMetric(id: string, extra: readonly DimensionFilterInput[] = []): MetricSetup {
  const { catalogue, catalogueError, filters } = useDashboard();
  const metric = findMetric(catalogue, id);
  const setupError =
    catalogueError ?? (catalogue && !metric ? new Error(`The server's catalogue has no "${id}" metric.`) : undefined);
  const own = new Set(extra.map((f) => f.dimension));
  const all = [...dimensionFilters(filters).filter((f) => !own.has(f.dimension)), ...extra];
  const { applied, ignored } = metric ? splitFilters(metric, all) : { applied: all, ignored: [] };
  return { metric, setupError, filters: applied, ignored };
}

/** "review SLA attainment": a label inside a sentence, acronyms kept. */
export function inSentence(label: string): string {
  return /^[A-Z][A-Z]/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** "a region", "an action": for the "click a … to filter by it" hints. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
