import { useMemo } from 'react';
import type { CatalogueMetric } from '../catalogue';
import { BreakdownDocument, SeriesDocument, type KpisQuery } from '../generated/graphql';
import { filterQuery, withFilterValues, type FilterState } from '../state/filterState';
import { useMetric } from '../panels/useMetric';
import { bucketIsBad, findCulprit, longestBadRun, type Culprit } from './culprit';
import { useDashboard } from './dashboard';
import { FAMILY_DRILL } from './drill';
import type { BadRun } from './eventWindow';
import { useApi } from './useApi';

export type Kpi = KpisQuery['kpis'][number];

export interface Drill {
  /** The page and slice that explain the figure; the family page alone until the culprit is known. */
  href: string;
  /** The page and the filters of href, for links to the same slice over another range. */
  page: string;
  slice: FilterState;
  pageTitle: string;
  culprit: Culprit | undefined;
  /** Still looking for the culprit. */
  pending: boolean;
  /** The stretch of time the culprit was bad, as bucket starts, and whether it reaches the end of the range. */
  badRun: BadRun | undefined;
}

/**
 * Finds the cell (e.g. region × policy) behind a headline figure, and optionally when it went
 * wrong. `enabled` defers the queries until someone asks (a tile click) so a page of tiles does
 * not fire dozens of breakdowns on load.
 */
export function useDrill(metric: CatalogueMetric, kpi: Kpi | undefined, enabled: boolean, withTimeline = false): Drill {
  const { filters, pollInterval } = useDashboard();
  const { filters: applied } = useMetric(metric.id);
  const drill = FAMILY_DRILL[metric.family];
  const ask = enabled && kpi !== undefined;

  // Ranges come from the answer, which carries __typename; inputs must not.
  const input = (range: { from: string; to: string }) => ({
    input: { metric: metric.id, range: { from: range.from, to: range.to }, dimensions: drill.dimensions, ...(applied.length ? { filters: applied } : {}) },
  });
  const current = useApi(BreakdownDocument, ask ? input(kpi.currentRange) : undefined, pollInterval);
  const previous = useApi(BreakdownDocument, ask && kpi.previousRange ? input(kpi.previousRange) : undefined, pollInterval);
  const previousDone = !kpi?.previousRange || previous.data !== undefined || previous.error !== undefined;

  const culprit = useMemo(() => {
    if (!kpi || !current.data || !previousDone) return undefined;
    return findCulprit(metric, kpi.targetStatus, current.data.breakdown.cells, previous.data?.breakdown.cells);
  }, [kpi, current.data, previous.data, previousDone, metric]);

  const sliceFilters = culprit
    ? [
        ...applied.filter((f) => !drill.dimensions.includes(f.dimension)),
        ...drill.dimensions.map((dimension, i) => ({ dimension, values: [culprit.keys[i]!] })),
      ]
    : [];
  const timeline = useApi(
    SeriesDocument,
    withTimeline && culprit && kpi
      ? { input: { metric: metric.id, range: { from: kpi.currentRange.from, to: kpi.currentRange.to }, grain: null, timeZone: filters.zone, filters: sliceFilters } }
      : undefined,
    pollInterval,
  );

  const badRun = useMemo(() => {
    const series = timeline.data?.series;
    const group = series?.groups[0];
    if (!series || !group || !culprit) return undefined;
    const baseline = culprit.previous?.value ?? null;
    const run = longestBadRun(group.points.map((p) => bucketIsBad(p, metric, baseline)));
    if (!run) return undefined;
    return {
      from: series.buckets[run.start]!,
      to: series.buckets[run.end]!,
      toRangeEnd: run.end === series.buckets.length - 1,
      grain: series.grain,
      zone: series.timeZone,
    };
  }, [timeline.data, culprit, metric]);

  const target = culprit
    ? drill.dimensions.reduce((s, d, i) => withFilterValues(s, d, [culprit.keys[i]!]), filters)
    : filters;
  return {
    href: `${drill.page}${filterQuery(target)}#${metric.id}`,
    page: drill.page,
    slice: target,
    pageTitle: drill.pageTitle,
    culprit,
    // Loading covers an answer kept from earlier variables, which must not pick the culprit.
    pending: ask && (current.loading || previous.loading || current.data === undefined || !previousDone) && !current.error,
    badRun,
  };
}
