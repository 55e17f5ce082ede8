// A view of the dashboard: which page, which metric's panel, which range and grain, which slice.
// Answers that point somewhere (the retrospective's items, the Overview's culprits) carry a view,
// not a URL: the client turns it into its own link, so the URL format lives with the client. The
// one server-side rendering is the Markdown export, which needs text links (viewPath).
import type { Dimension, Grain, ViewPage } from './vocabulary.generated.js';

export interface View {
  page: ViewPage;
  /** the metric whose panel the view opens at (and Explore's metric) */
  metric: string | null;
  /** half-open, Unix seconds; null: the page's own default range */
  range: { from: number; to: number } | null;
  grain: Grain | null;
  filters: { dimension: Dimension; values: string[] }[];
}

const PATH: Record<ViewPage, string> = {
  OVERVIEW: '/', MODERATION: '/moderation', MODELS: '/models', ANNOTATION: '/annotation', EXPLORE: '/explore',
};

import { toIso as iso } from './time.js';

/**
 * A view as the SPA's path and query (the Markdown export's links): Explore names its metric in
 * the query, the family pages open at the metric's panel (#metric).
 */
export function viewPath(v: View): string {
  const q = new URLSearchParams();
  if (v.page === 'EXPLORE' && v.metric) q.set('metric', v.metric);
  if (v.range) {
    q.set('from', iso(v.range.from));
    q.set('to', iso(v.range.to));
  }
  if (v.grain) q.set('grain', v.grain.toLowerCase());
  for (const f of v.filters) if (f.values.length) q.set(f.dimension.toLowerCase(), f.values.join(','));
  const anchor = v.page !== 'EXPLORE' && v.page !== 'OVERVIEW' && v.metric ? `#${v.metric}` : '';
  return `${PATH[v.page]}?${q.toString()}${anchor}`;
}
