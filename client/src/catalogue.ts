// Lookups in the API's catalogue: which metrics exist, what they can be sliced by, and what
// dimensions and their values are called. Labels are the catalogue's, never the client's.
import type { CatalogueQuery, Dimension, DimensionFilterInput, MetricFamily } from './generated/graphql';

export type Catalogue = CatalogueQuery['catalogue'];
export type CatalogueMetric = Catalogue['metrics'][number];
export type DimensionValue = Catalogue['dimensions'][number]['values'][number];

/** The four families in the catalogue's order, as pages and pickers title them. */
export const FAMILY_LABELS: Record<MetricFamily, string> = {
  MODERATION: 'Moderation',
  MODELS: 'Models',
  ANNOTATION_THROUGHPUT: 'Annotation throughput',
  ANNOTATION_QUALITY: 'Annotation quality',
};

export function findMetric(catalogue: Catalogue | undefined, id: string): CatalogueMetric | undefined {
  return catalogue?.metrics.find((m) => m.id === id);
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

/** "Latin America" for LATAM; the code itself when the catalogue does not know it (a stale link). */
export function valueLabel(catalogue: Catalogue | undefined, id: Dimension, code: string): string {
  return dimensionValues(catalogue, id).find((v) => v.code === code)?.label ?? code;
}

/**
 * The filters a metric can take, and those it cannot: the API refuses a filter on a dimension
 * the metric does not have (e.g. vendor on moderation decisions), so those are left out and the
 * panel says so rather than failing or silently showing something else.
 */
export function splitFilters(
  metric: Pick<CatalogueMetric, 'dimensions'>,
  filters: readonly DimensionFilterInput[],
): { applied: DimensionFilterInput[]; ignored: Dimension[] } {
  const applied: DimensionFilterInput[] = [];
  const ignored: Dimension[] = [];
  for (const f of filters) {
    if (metric.dimensions.includes(f.dimension)) applied.push(f);
    else ignored.push(f.dimension);
  }
  return { applied, ignored };
}

/** "region, policy and vendor": dimension names inside a sentence. */
function dimensionList(catalogue: Catalogue | undefined, dims: readonly Dimension[]): string {
  const names = dims.map((d) => dimensionLabel(catalogue, d).toLowerCase());
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? '');
}

/**
 * Which of the filters in force a figure follows and which it ignores, by the metric's dimensions
 * (Metric.dimensions, served by the catalogue): "Follows the region filter; ignores vendor
 * (Decisions is not kept by vendor)." Null without filters: the figure covers all the asker may see.
 */
export function filterReach(
  catalogue: Catalogue | undefined,
  metric: Pick<CatalogueMetric, 'dimensions'>,
  filters: readonly Pick<DimensionFilterInput, 'dimension'>[],
  metricLabel = 'it',
): string | null {
  const { applied, ignored } = splitFilters(metric, filters.map((f) => ({ dimension: f.dimension, values: [] })));
  if (applied.length + ignored.length === 0) return null;
  const follows = applied.length ? `Follows the ${dimensionList(catalogue, applied.map((f) => f.dimension))} filter${applied.length > 1 ? 's' : ''}` : 'Follows no filter';
  if (ignored.length === 0) return `${follows}.`;
  const names = dimensionList(catalogue, ignored);
  return `${follows}; ignores ${names} (${metricLabel} is not kept by ${names}).`;
}
