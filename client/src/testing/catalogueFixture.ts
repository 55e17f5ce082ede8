// A small catalogue in the API's shape, for tests: a few metrics of each kind and the
// dimensions they use, with the demo's labels.
import type { Catalogue, CatalogueMetric } from '../catalogue';

const metric = (m: Partial<CatalogueMetric> & Pick<CatalogueMetric, 'id' | 'label' | 'family' | 'kind' | 'unit'>): CatalogueMetric => ({
  definition: `${m.label}, as defined in the catalogue.`,
  goodDirection: 'NEUTRAL',
  numeratorLabel: null,
  denominatorLabel: null,
  dimensions: ['REGION', 'COUNTRY', 'POLICY', 'DETECTION_SOURCE'],
  minGrain: 'HOUR',
  defaultFilters: [],
  target: null,
  ...m,
});

export const CATALOGUE: Catalogue = {
  metrics: [
    metric({ id: 'decisions', label: 'Decisions', family: 'MODERATION', kind: 'COUNT', unit: 'COUNT' }),
    metric({
      id: 'review_sla',
      label: 'Review SLA attainment',
      family: 'MODERATION',
      kind: 'RATE',
      unit: 'RATIO',
      goodDirection: 'UP',
      numeratorLabel: 'reviewed within SLA',
      denominatorLabel: 'reviewed',
      dimensions: ['REGION', 'COUNTRY', 'POLICY', 'QUEUE'],
      target: { value: 0.95, direction: 'AT_LEAST', atRiskMargin: 0.02 },
    }),
    metric({ id: 'review_backlog', label: 'Review backlog', family: 'MODERATION', kind: 'BACKLOG', unit: 'COUNT', goodDirection: 'DOWN' }),
    metric({
      id: 'precision',
      label: 'Precision',
      family: 'MODELS',
      kind: 'RATE',
      unit: 'RATIO',
      goodDirection: 'UP',
      minGrain: 'DAY',
      numeratorLabel: 'true positives',
      denominatorLabel: 'flagged and labelled',
      dimensions: ['MODEL', 'MODEL_VERSION', 'REGION', 'POLICY', 'LABEL_SOURCE'],
      target: { value: 0.8, direction: 'AT_LEAST', atRiskMargin: 0.03 },
    }),
    metric({
      id: 'recall',
      label: 'Recall',
      family: 'MODELS',
      kind: 'RATE',
      unit: 'RATIO',
      goodDirection: 'UP',
      minGrain: 'DAY',
      dimensions: ['MODEL', 'MODEL_VERSION', 'REGION', 'POLICY', 'LABEL_SOURCE'],
      defaultFilters: [{ dimension: 'LABEL_SOURCE', values: ['golden_set', 'random_audit'] }],
    }),
    metric({
      id: 'golden_accuracy',
      label: 'Golden-set accuracy',
      family: 'ANNOTATION_QUALITY',
      kind: 'RATE',
      unit: 'RATIO',
      goodDirection: 'UP',
      dimensions: ['VENDOR', 'SITE', 'QUEUE', 'LANGUAGE', 'REGION', 'POLICY'],
      target: { value: 0.9, direction: 'AT_LEAST', atRiskMargin: 0.02 },
    }),
  ],
  dimensions: [
    { id: 'REGION', label: 'Region', limitedByAccess: false, parentDimension: null, values: [
      { code: 'EU', label: 'Europe', parent: null },
      { code: 'LATAM', label: 'Latin America', parent: null },
      { code: 'NA', label: 'North America', parent: null },
      { code: 'SEA', label: 'Southeast Asia', parent: null },
    ] },
    { id: 'COUNTRY', label: 'Country', limitedByAccess: false, parentDimension: 'REGION', values: [{ code: 'BR', label: 'Brazil', parent: 'LATAM' }, { code: 'DE', label: 'Germany', parent: 'EU' }, { code: 'FR', label: 'France', parent: 'EU' }] },
    { id: 'POLICY', label: 'Policy', limitedByAccess: false, parentDimension: null, values: [
      { code: 'harassment_bullying', label: 'Harassment & bullying', parent: null },
      { code: 'hate_speech', label: 'Hate speech', parent: null },
    ] },
    { id: 'DETECTION_SOURCE', label: 'Detection source', limitedByAccess: false, parentDimension: null, values: [{ code: 'automated', label: 'Automated detection', parent: null }] },
    { id: 'MODEL', label: 'Model', limitedByAccess: false, parentDimension: null, values: [{ code: 'safety-mm', label: 'safety-mm', parent: null }] },
    { id: 'MODEL_VERSION', label: 'Model version', limitedByAccess: false, parentDimension: null, values: [{ code: '3.2', label: '3.2', parent: null }, { code: '3.3', label: '3.3', parent: null }] },
    { id: 'LABEL_SOURCE', label: 'Label source', limitedByAccess: false, parentDimension: null, values: [{ code: 'golden_set', label: 'Golden set', parent: null }, { code: 'random_audit', label: 'Random audit', parent: null }] },
    { id: 'VENDOR', label: 'Vendor', limitedByAccess: false, parentDimension: null, values: [{ code: 'tessera', label: 'Tessera BPO', parent: null }] },
  ],
  dataFrom: '2026-08-24T00:00:00Z',
  // Sunday 22 Nov 2026, 00:00 UTC: the exclusive end of the data.
  dataTo: '2026-11-22T00:00:00Z',
  timeZones: ['UTC', 'Europe/Paris', 'Asia/Tokyo'],
  // the API's grain rules (server/domain/time.ts), as the catalogue serves them
  grains: [
    { grain: 'HOUR', maxRangeDays: 42 },
    { grain: 'DAY', maxRangeDays: 1100 },
    { grain: 'WEEK', maxRangeDays: 1830 },
    { grain: 'MONTH', maxRangeDays: 29280 },
  ],
  autoGrainMaxBuckets: 100,
};
