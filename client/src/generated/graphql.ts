/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Everything a metric can be sliced or filtered by. */
export type Dimension =
  | 'ACTION'
  | 'CONTENT_TYPE'
  | 'COUNTRY'
  | 'DETECTION_SOURCE'
  | 'ENFORCEMENT_PATH'
  | 'LABEL_SOURCE'
  | 'LANGUAGE'
  | 'MODEL'
  | 'MODEL_VERSION'
  | 'POLICY'
  /** Human review queue (moderation) or labelling queue (annotation) */
  | 'QUEUE'
  | 'REGION'
  | 'SITE'
  | 'VENDOR';

/** Keep only rows whose dimension has one of these values. */
export type DimensionFilterInput = {
  dimension: Dimension;
  values: Array<string>;
};

export type Direction =
  | 'DOWN'
  | 'NEUTRAL'
  | 'UP';

/** Time bucket of a series. Weeks are ISO weeks (start on Monday). */
export type Grain =
  | 'DAY'
  | 'HOUR'
  | 'WEEK';

/** How a metric is computed from its rollup. */
export type MetricKind =
  /** inter-annotator agreement on multi-labelled tasks */
  | 'AGREEMENT'
  /** items waiting at the end of each bucket: everything in minus everything out since the data began */
  | 'BACKLOG'
  /** a sum of events */
  | 'COUNT'
  /** a count of distinct things (e.g. annotators) */
  | 'DISTINCT'
  /** a percentile of durations, from mergeable histograms */
  | 'QUANTILE'
  /** sum(numerator) / sum(denominator), with a 95 % Wilson interval */
  | 'RATE'
  /** sum(numerator) / sum(denominator) that is not a proportion (no interval), e.g. labels per hour */
  | 'RATIO';

export type SeriesInput = {
  filters?: Array<DimensionFilterInput> | null | undefined;
  /** null: automatic (about 50 to 200 points, never finer than the metric's rollup) */
  grain?: Grain | null | undefined;
  groupBy?: Dimension | null | undefined;
  metric: string | number;
  range: TimeRangeInput;
  /** IANA time zone from the allowed list (catalogue.timeZones); days and weeks start at local midnight */
  timeZone?: string | null | undefined;
  /** Groups beyond the largest topN are added up in one 'Other' group (default 8, at most 25). */
  topN?: number | null | undefined;
};

/** A half-open time range [from, to). */
export type TimeRangeInput = {
  from: string;
  to: string;
};

export type Unit =
  /** a coefficient such as Krippendorff's alpha (at most 1) */
  | 'COEFFICIENT'
  | 'COUNT'
  | 'PER_HOUR'
  /** a proportion between 0 and 1 */
  | 'RATIO'
  | 'SECONDS';

export type CatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogueQuery = { catalogue: { dataFrom: string | null, dataTo: string | null, timeZones: Array<string>, metrics: Array<{ id: string, label: string, definition: string, unit: Unit, kind: MetricKind, goodDirection: Direction, numeratorLabel: string | null, denominatorLabel: string | null, dimensions: Array<Dimension>, minGrain: Grain, target: { value: number, direction: string, atRiskMargin: number } | null }>, dimensions: Array<{ id: Dimension, label: string, values: Array<{ code: string, label: string }> }> } };

export type SeriesQueryVariables = Exact<{
  input: SeriesInput;
}>;


export type SeriesQuery = { series: { grain: Grain, timeZone: string, buckets: Array<string>, metric: { id: string, label: string, unit: Unit }, range: { from: string, to: string }, groups: Array<{ key: string, label: string, isOther: boolean, points: Array<{ value: number | null, numerator: number | null, denominator: number | null, low: number | null, high: number | null, lowSample: boolean }>, total: { value: number | null, numerator: number | null, denominator: number | null, low: number | null, high: number | null, lowSample: boolean } }>, total: { value: number | null, numerator: number | null, denominator: number | null, low: number | null, high: number | null, lowSample: boolean }, bucketTotals: Array<{ value: number | null }> } };

export type PointFieldsFragment = { value: number | null, numerator: number | null, denominator: number | null, low: number | null, high: number | null, lowSample: boolean };

export const PointFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PointFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Point"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"lowSample"}}]}}]} as unknown as DocumentNode<PointFieldsFragment, unknown>;
export const CatalogueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Catalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"definition"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"goodDirection"}},{"kind":"Field","name":{"kind":"Name","value":"numeratorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"denominatorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"dimensions"}},{"kind":"Field","name":{"kind":"Name","value":"minGrain"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"atRiskMargin"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"dimensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"dataFrom"}},{"kind":"Field","name":{"kind":"Name","value":"dataTo"}},{"kind":"Field","name":{"kind":"Name","value":"timeZones"}}]}}]}}]} as unknown as DocumentNode<CatalogueQuery, CatalogueQueryVariables>;
export const SeriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Series"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SeriesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"series"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grain"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"range"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}},{"kind":"Field","name":{"kind":"Name","value":"buckets"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"isOther"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PointFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PointFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PointFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bucketTotals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PointFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Point"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"lowSample"}}]}}]} as unknown as DocumentNode<SeriesQuery, SeriesQueryVariables>;