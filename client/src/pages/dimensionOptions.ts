import { dimensionLabel, findMetric, type Catalogue } from '../catalogue';
import type { Dimension } from '../generated/graphql';

/** Picker options for splitting by one of `dimensions`, labelled by the catalogue. */
export function dimensionOptions(catalogue: Catalogue | undefined, dimensions: readonly Dimension[]) {
  return dimensions.map((d) => ({ value: d, label: dimensionLabel(catalogue, d) }));
}

/** Picker options for a list of metric ids, labelled by the catalogue (unknown ids left out once it has loaded). */
export function metricOptions(catalogue: Catalogue | undefined, ids: readonly string[]) {
  return ids
    .filter((id) => !catalogue || findMetric(catalogue, id))
    .map((id) => ({ value: id, label: findMetric(catalogue, id)?.label ?? id }));
}
