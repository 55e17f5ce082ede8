// Every dimension a metric can be sliced or filtered by: its GraphQL name, the rollup column
// that holds it, and where its values and labels come from. Columns reach SQL only from here.
import { REGIONS, POLICIES, CONTENT_TYPES, DETECTION_SOURCES, ENFORCEMENT_PATHS, ACTIONS, LABEL_SOURCES, COUNTRY_NAMES, VENDOR_LABELS, regionOfCountry, type Coded } from '../domain/taxonomy.js';
import type { Dimension } from '../domain/vocabulary.generated.js';

export interface DimensionDef {
  id: Dimension;
  label: string;
  column: string;
  /** Fixed values from the taxonomy; dimensions without them take their values from the data. */
  values?: readonly Coded[];
  /** Label for a value found in the data. */
  labelOf?: (code: string) => string;
  /**
   * A dimension whose values contain this one's (a country lies in one region), and the value
   * holding a code: filter pickers chain on it (choosing a region narrows the countries offered).
   */
  parent?: Dimension;
  parentOf?: (code: string) => string | null;
}

const countries: Coded[] = REGIONS.flatMap((r) => r.countries.map((c) => ({ code: c, label: COUNTRY_NAMES[c] ?? c })));

export const DIMENSIONS: Record<Dimension, DimensionDef> = {
  REGION: { id: 'REGION', label: 'Region', column: 'region', values: REGIONS },
  COUNTRY: { id: 'COUNTRY', label: 'Country', column: 'country', values: countries, parent: 'REGION', parentOf: (c) => regionOfCountry[c] ?? null },
  POLICY: { id: 'POLICY', label: 'Policy', column: 'policy', values: POLICIES },
  CONTENT_TYPE: { id: 'CONTENT_TYPE', label: 'Content type', column: 'content_type', values: CONTENT_TYPES },
  DETECTION_SOURCE: { id: 'DETECTION_SOURCE', label: 'Detection source', column: 'detection_source', values: DETECTION_SOURCES },
  ENFORCEMENT_PATH: { id: 'ENFORCEMENT_PATH', label: 'Enforcement path', column: 'enforcement_path', values: ENFORCEMENT_PATHS },
  ACTION: { id: 'ACTION', label: 'Action', column: 'action', values: ACTIONS },
  QUEUE: { id: 'QUEUE', label: 'Queue', column: 'queue' },
  MODEL: { id: 'MODEL', label: 'Model', column: 'model_id' },
  MODEL_VERSION: { id: 'MODEL_VERSION', label: 'Model version', column: 'model_version' },
  LABEL_SOURCE: { id: 'LABEL_SOURCE', label: 'Label source', column: 'label_source', values: LABEL_SOURCES },
  VENDOR: { id: 'VENDOR', label: 'Vendor', column: 'vendor', labelOf: (c) => VENDOR_LABELS[c] ?? c },
  SITE: { id: 'SITE', label: 'Site', column: 'site' },
  LANGUAGE: { id: 'LANGUAGE', label: 'Language', column: 'language' },
};

export function dimensionValueLabel(id: Dimension, code: string): string {
  const d = DIMENSIONS[id];
  return d.values?.find((v) => v.code === code)?.label ?? d.labelOf?.(code) ?? code;
}

/** Label sources whose figures are unbiased samples of all scored items. */
export const UNBIASED_LABEL_SOURCES = LABEL_SOURCES.filter((s) => s.unbiased).map((s) => s.code);
