import { dimensionValues, type Catalogue, type DimensionValue } from '../catalogue';
import type { Dimension } from '../generated/graphql';
import { filterValues, withFilterValues, type FilterState } from './filterState';

// Filter pickers offer only what can be chosen: the catalogue's values are already those inside
// the asker's access (the server reads them for that scope), and a dimension with a parent (a
// country's region) offers only the values inside the parent's chosen ones, like Grafana's chained
// variables. The server still checks every filter against the scope: this is convenience.

/** The values a picker offers, given the other filters. */
export function pickerChoices(catalogue: Catalogue | undefined, dimension: Dimension, state: FilterState): readonly DimensionValue[] {
  const values = dimensionValues(catalogue, dimension);
  const parent = catalogue?.dimensions.find((d) => d.id === dimension)?.parentDimension;
  const chosen = parent ? filterValues(state, parent) : [];
  if (!parent || chosen.length === 0) return values;
  return values.filter((v) => v.parent !== null && chosen.includes(v.parent));
}

/**
 * The state with a dimension's values changed, and each dimension chained to it keeping only the
 * values still inside (choosing Europe drops Brazil), so the bar never holds an empty slice.
 */
export function withChainedValues(catalogue: Catalogue | undefined, state: FilterState, dimension: Dimension, values: string[]): FilterState {
  let next = withFilterValues(state, dimension, values);
  for (const child of catalogue?.dimensions.filter((d) => d.parentDimension === dimension) ?? []) {
    const offered = new Set(pickerChoices(catalogue, child.id, next).map((v) => v.code));
    const kept = filterValues(next, child.id).filter((code) => offered.has(code));
    next = withChainedValues(catalogue, next, child.id, kept);
  }
  return next;
}

/**
 * What a picker with nothing chosen covers: "All regions", or, when the asker's access limits the
 * dimension, what that access is — "Europe (your access)" for one value, "All 4 countries in
 * your access" for several — never "All regions" to someone who sees one.
 */
export function allText(catalogue: Catalogue | undefined, dimension: Dimension, noun: string, choices: readonly DimensionValue[]): string {
  const limited = catalogue?.dimensions.find((d) => d.id === dimension)?.limitedByAccess ?? false;
  if (!limited) return `All ${noun}`;
  if (choices.length === 1) return `${choices[0]!.label} (your access)`;
  return `All ${choices.length} ${noun} in your access`;
}
