// Lookups in the API's catalogue: which metrics exist, what they can be sliced by, and what
// dimensions and their values are called. Labels are the catalogue's, never the client's.
import type { CatalogueQuery, Dimension } from './generated/graphql';
import { groupByDimension, groupByOf, type GroupBy } from './state/filterState';

export type Catalogue = CatalogueQuery['catalogue'];
export type CatalogueMetric = Catalogue['metrics'][number];
export type DimensionValue = Catalogue['dimensions'][number]['values'][number];

/** An entry of the group-by picker. */
export interface GroupChoice {
  id: GroupBy;
  label: string;
}

export function findMetric(catalogue: Catalogue, id: string): CatalogueMetric | undefined {
  return catalogue.metrics.find((m) => m.id === id);
}

/** The values of a dimension present in the data, in the catalogue's order; none when it is absent. */
export function dimensionValues(catalogue: Catalogue | undefined, id: Dimension): readonly DimensionValue[] {
  return catalogue?.dimensions.find((d) => d.id === id)?.values ?? [];
}

/** "Detection source": the catalogue's label, or the enum spelled out until the catalogue arrives. */
export function dimensionLabel(catalogue: Catalogue | undefined, id: Dimension): string {
  const label = catalogue?.dimensions.find((d) => d.id === id)?.label;
  if (label) return label;
  const words = id.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * What a metric can be grouped by: "None", then its dimensions. A group from the link that the
 * metric does not have (or before the catalogue arrives) is kept as a choice so the picker shows
 * the view as it is; the server then says why it cannot be drawn, and "Reset filters" is offered.
 */
export function groupChoices(
  catalogue: Catalogue | undefined,
  metric: CatalogueMetric | undefined,
  current: GroupBy,
): readonly GroupChoice[] {
  const choices: GroupChoice[] = [{ id: 'none', label: 'None' }];
  for (const d of metric?.dimensions ?? []) choices.push({ id: groupByOf(d), label: dimensionLabel(catalogue, d) });
  const dimension = groupByDimension(current);
  if (dimension && !choices.some((c) => c.id === current)) {
    choices.push({ id: current, label: dimensionLabel(catalogue, dimension) });
  }
  return choices;
}
