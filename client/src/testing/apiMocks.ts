// Apollo mocks for component tests: the catalogue and markers every page asks for, in the
// server's shape (with __typename, as Apollo's cache expects).
import type { MockLink } from '@apollo/client/testing';
import type { Catalogue } from '../catalogue';
import { CatalogueDocument, MarkersDocument } from '../generated/graphql';
import { CATALOGUE } from './catalogueFixture';

function catalogueResponse(catalogue: Catalogue = CATALOGUE) {
  return {
    __typename: 'Catalogue',
    ...catalogue,
    metrics: catalogue.metrics.map((m) => ({
      __typename: 'Metric',
      ...m,
      defaultFilters: m.defaultFilters.map((f) => ({ __typename: 'DimensionFilter', ...f })),
      target: m.target ? { __typename: 'Target', ...m.target } : null,
    })),
    dimensions: catalogue.dimensions.map((d) => ({
      __typename: 'DimensionInfo',
      ...d,
      values: d.values.map((v) => ({ __typename: 'DimensionValue', ...v })),
    })),
  };
}

/** The catalogue, answered as often as asked. */
export function catalogueMock(catalogue: Catalogue = CATALOGUE): MockLink.MockedResponse {
  return { request: { query: CatalogueDocument }, result: { data: { catalogue: catalogueResponse(catalogue) } }, maxUsageCount: Number.POSITIVE_INFINITY };
}

/** No markers, whatever the range. */
export const markersMock: MockLink.MockedResponse = {
  request: { query: MarkersDocument, variables: () => true },
  result: { data: { markers: [] } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};
