// The slice a question asks for, checked: which dimensions apply to the metric, which values
// exist, and which the asker's scope allows. Shared by the API (graphql/argumentChecks.ts) and the
// analyses that take filters (retro/, metrics/modelAndAnnotatorFigures.ts).
import { badInput, forbidden } from '../domain/errors.js';
import { quote } from '../domain/fieldChecks.js';
import type { Dimension } from '../domain/vocabulary.generated.js';
import { DIMENSIONS } from '../definitions/dimensions.js';
import { METRICS, metricDimensions, type MetricDef } from '../definitions/metricCatalogue.js';
import { describeScope, filterableCountries, filterableRegions, scopeFilters, scopeKey, type Access } from '../access/access.js';
import type { DataCatalogue } from './dataInventory.js';

/** A filter as asked: a dimension and the values to keep (the API's DimensionFilterInput has this shape). */
export interface DimensionFilter {
  dimension: Dimension;
  values: readonly string[];
}

/**
 * A filter on a dimension the metric does not have. Every metric question (series, breakdown,
 * kpis, attention, the retrospective) leaves it out for that metric, and its answer's `filters`
 * lists the filters in force: a slice belongs to the page, and applies to each of its figures
 * where it can (a vendor filter narrows the annotation figures and leaves moderation whole). A
 * dimension no metric has is refused (checkFilterDimensions). The analyses of one subject (a
 * model's curve, an annotator pair) refuse it: there the filter is about that subject.
 */
export type OtherDimensions = 'leave out' | 'refuse';

/** Refuses a filter on a dimension no metric has: that is a mistake, not a slice. */
export function checkFilterDimensions(filters: readonly DimensionFilter[] | null | undefined, argument: string): void {
  for (const [i, f] of (filters ?? []).entries()) {
    if (!METRICS.some((m) => metricDimensions(m).includes(f.dimension))) {
      throw badInput(`${argument}[${i}].dimension: no metric has dimension ${f.dimension}.`, `${argument}[${i}].dimension`);
    }
  }
}

/** Values of data-driven dimensions (queues, vendors, model versions…) look like this. */
const VALUE_FORMAT = /^[A-Za-z0-9_.:-]{1,64}$/;

export function checkDimension(def: MetricDef, d: Dimension, argument: string): void {
  const allowed = metricDimensions(def);
  if (!allowed.includes(d)) {
    throw badInput(`${argument}: metric ${def.id} cannot be sliced by ${d}. It can be by: ${allowed.join(', ')}.`, argument);
  }
}

/**
 * Values of a dimension the asker may filter by: places that hold some of their scope's (taxonomy),
 * other taxonomy values (not scoped), and data values found inside the scope.
 */
function valuesInScope(d: Dimension, known: Pick<DataCatalogue, 'visible'>, access: Access): readonly string[] {
  if (d === 'REGION') return filterableRegions(access);
  if (d === 'COUNTRY') return filterableCountries(access);
  return DIMENSIONS[d].values?.map((v) => v.code) ?? known.visible.get(d) ?? [];
}

/**
 * Filters for a metric: each dimension must apply to it, each value must be known (taxonomy
 * values, or values present in the data; an error lists only those inside the asker's scope) and
 * inside the scope — on every dimension, e.g. a country of another region (FORBIDDEN); the
 * metric's default filters fill the dimensions left open, and the asker's scope narrows them (or
 * refuses the question). Returns the filters in force. `known` must be the catalogue read for
 * this asker (DataCatalogueCache.get(access)).
 */
export function parseFilters(
  def: MetricDef,
  filters: readonly DimensionFilter[] | null | undefined,
  known: Pick<DataCatalogue, 'values' | 'visible' | 'scopeKey'>,
  access: Access,
  argument = 'filters',
  others: OtherDimensions = 'refuse',
): Map<Dimension, string[]> {
  if (known.scopeKey !== scopeKey(access)) throw new Error('parseFilters needs the catalogue read for the asker’s scope');
  const out = new Map<Dimension, string[]>();
  for (const [i, f] of (filters ?? []).entries()) {
    const where = `${argument}[${i}]`;
    if (others === 'leave out' && !metricDimensions(def).includes(f.dimension)) continue;
    checkDimension(def, f.dimension, `${where}.dimension`);
    if (out.has(f.dimension)) throw badInput(`${where}: ${f.dimension} is filtered twice; give all its values in one filter.`, where);
    if (f.values.length === 0) throw badInput(`${where}.values: give at least one value (or leave ${f.dimension} out).`, `${where}.values`);
    if (f.values.length > 200) throw badInput(`${where}.values: at most 200 values.`, `${where}.values`);
    const taxonomy = DIMENSIONS[f.dimension].values?.map((v) => v.code);
    const allowed = taxonomy ?? known.values.get(f.dimension) ?? [];
    const mine = valuesInScope(f.dimension, known, access);
    for (const v of f.values) {
      if (!VALUE_FORMAT.test(v) || !allowed.includes(v)) {
        const list = mine.length > 30 ? `${mine.slice(0, 30).join(', ')}, …` : mine.join(', ') || 'none in the data yet';
        throw badInput(`${where}.values: unknown ${DIMENSIONS[f.dimension].label.toLowerCase()} ${quote(v)}. Known: ${list}.`, `${where}.values`);
      }
    }
    // the scope's own dimension is refused by scopeFilters below; here, values outside it on the others
    const outside = access.scope[f.dimension as keyof Access['scope']]?.length ? [] : f.values.filter((v) => !mine.includes(v));
    if (outside.length) {
      throw forbidden(`${where}.values: ${outside.join(', ')} ${outside.length > 1 ? 'are' : 'is'} outside your access (${describeScope(access)}).`);
    }
    out.set(f.dimension, [...new Set(f.values)]);
  }
  for (const [d, values] of Object.entries(def.defaultFilters ?? {}) as [Dimension, string[]][]) {
    if (!out.has(d)) out.set(d, values);
  }
  return scopeFilters(access, out, metricDimensions(def), `metric ${def.id}`, argument);
}
