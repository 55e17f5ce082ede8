import type { MetricFamily, ViewFieldsFragment, ViewPage } from './generated/graphql';
import { filterQuery, withFilterValues, type FilterState } from './state/filterState';

// Links from the views the API answers with (a page, a metric's panel, a range, a slice): the URL
// format is the client's own, so the server never writes the client's URLs.

export const PAGE_PATH: Record<ViewPage, string> = {
  OVERVIEW: '/',
  MODERATION: '/moderation',
  MODELS: '/models',
  ANNOTATION: '/annotation',
  EXPLORE: '/explore',
};

export const PAGE_TITLE: Record<ViewPage, string> = {
  OVERVIEW: 'Overview',
  MODERATION: 'Moderation',
  MODELS: 'Models',
  ANNOTATION: 'Annotation',
  EXPLORE: 'Explore',
};

/** Where a family's figures are explained: its page (the culprit's slice comes from the API's attention answer). */
export const FAMILY_PAGE: Record<MetricFamily, ViewPage> = {
  MODERATION: 'MODERATION',
  MODELS: 'MODELS',
  ANNOTATION_THROUGHPUT: 'ANNOTATION',
  ANNOTATION_QUALITY: 'ANNOTATION',
};

/** A metric's panel on its family's page, on the slice the reader is looking at. */
export const familyView = (metric: { id: string; family: MetricFamily }): ViewFieldsFragment => ({
  page: FAMILY_PAGE[metric.family], metric: metric.id, range: null, grain: null, filters: [],
});

/**
 * The link of a view. A view with its own range (the retrospective's) is complete: its range,
 * grain and slice. A view without one (the Overview's culprits) is a change to what the reader is
 * looking at: their range and filters, with the view's dimensions set.
 */
export function viewHref(view: ViewFieldsFragment, current: FilterState | null): string {
  const path = PAGE_PATH[view.page];
  const anchor = view.page !== 'EXPLORE' && view.page !== 'OVERVIEW' && view.metric ? `#${view.metric}` : '';
  if (!view.range && current) {
    const state = view.filters.reduce((s, f) => withFilterValues(s, f.dimension, [...f.values]), current);
    return `${path}${filterQuery(state)}${anchor}`;
  }
  const q = new URLSearchParams();
  if (view.page === 'EXPLORE' && view.metric) q.set('metric', view.metric);
  if (view.range) {
    q.set('from', view.range.from);
    q.set('to', view.range.to);
  }
  if (view.grain) q.set('grain', view.grain.toLowerCase());
  for (const f of view.filters) if (f.values.length) q.set(f.dimension.toLowerCase(), f.values.join(','));
  return `${path}?${q.toString()}${anchor}`;
}
