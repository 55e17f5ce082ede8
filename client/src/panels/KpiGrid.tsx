import { useMemo, type CSSProperties } from 'react';
import { findMetric, type CatalogueMetric } from '../catalogue';
import { ErrorState, LoadingState } from '../components/StateViews';
import { useDashboard } from '../dashboard/dashboard';
import { useApi } from '../dashboard/useApi';
import { useAttention } from '../dashboard/useAttention';
import { useHeadlineInput } from '../dashboard/headlineInput';
import { KpisDocument, SparklinesDocument, type KpisQueryVariables, type SparklinesQueryVariables } from '../generated/graphql';
import { dimensionFilters } from '../state/filterState';
import { formatRange } from '../time/labels';
import { familyView } from '../views';
import { KpiTile, type Kpi } from './KpiTile';

const COMPARE_NOUN = { PREVIOUS_PERIOD: 'the previous period', PREVIOUS_WEEK: 'a week earlier', CUSTOM: 'the chosen period', NONE: 'none' } as const;

export interface TileGroup {
  title: string;
  metrics: readonly string[];
}

/** The headline figures of the current range against the comparison period, from one kpis query. */
export function useKpis(metricIds: readonly string[]): { kpis: Map<string, Kpi>; loading: boolean; error: unknown; retry: () => void } {
  const { pollInterval } = useDashboard();
  const input = useHeadlineInput(metricIds);
  const variables = useMemo<KpisQueryVariables | undefined>(() => (input ? { input } : undefined), [input]);
  const query = useApi(KpisDocument, variables, pollInterval);
  const kpis = useMemo(() => new Map((query.data?.kpis ?? []).map((k) => [k.metric.id, k])), [query.data]);
  return { kpis, loading: query.loading || (!query.data && !query.error), error: query.error, retry: query.retry };
}

/**
 * The tiles' sparklines, one request for all: each metric's values over the range at the automatic
 * grain, with the slice's filters (the API leaves out, per metric, those on dimensions it lacks).
 */
export function useSparklines(metricIds: readonly string[]): Map<string, (number | null)[]> {
  const { resolved, filters, pollInterval, catalogue } = useDashboard();
  const key = metricIds.filter((id) => findMetric(catalogue, id)).join(',');
  const variables = useMemo<SparklinesQueryVariables | undefined>(() => {
    if (!resolved || key === '') return undefined;
    const narrowing = dimensionFilters(filters);
    return { input: { metrics: key.split(','), range: resolved.range, timeZone: resolved.zone, ...(narrowing.length ? { filters: narrowing } : {}) } };
  }, [resolved, key, filters]);
  const query = useApi(SparklinesDocument, variables, pollInterval);
  return useMemo(() => new Map((query.data?.sparklines ?? []).map((s) => [s.metric.id, s.values])), [query.data]);
}

/** Tiles in labelled groups (the four metric families on the Overview). */
export function KpiGrid({ groups, label }: { groups: readonly TileGroup[]; label: string }) {
  const { catalogue, catalogueError, retryCatalogue } = useDashboard();
  const ids = groups.flatMap((g) => g.metrics);
  const { kpis, loading, error, retry } = useKpis(ids);
  // the slices behind flagged figures, for the tiles' links (the figures themselves do not wait for them)
  const { byMetric } = useAttention(ids);
  const sparks = useSparklines(ids);
  const { filters, resolved } = useDashboard();
  const anyKpi = kpis.values().next().value;
  if (catalogueError) return <ErrorState what="the metric catalogue" error={catalogueError} onRetry={retryCatalogue} />;
  if (error) return <ErrorState what="the headline figures" error={error} onRetry={retry} />;
  if (!catalogue || (loading && kpis.size === 0)) return <LoadingState what="the headline figures" />;
  return (
    // While a new range or slice loads, the figures shown are the old ones: dimmed, and busy.
    <section className="tile-groups" aria-label={label} aria-busy={loading}>
      {groups.map((group) => {
        const metrics = group.metrics.map((id) => findMetric(catalogue, id)).filter((m): m is CatalogueMetric => m !== undefined);
        if (metrics.length === 0) return null;
        return (
          <div className="tile-group" key={group.title} style={{ '--tiles': metrics.length } as CSSProperties}>
            <h2 className="tile-group-title">{group.title}</h2>
            <div className="tiles">
              {metrics.map((m) => (
                <KpiTile key={m.id} metric={m} kpi={kpis.get(m.id)} view={byMetric.get(m.id)?.view ?? familyView(m)} spark={sparks.get(m.id)} />
              ))}
            </div>
          </div>
        );
      })}
      <p className="tile-groups-note">
        {anyKpi?.previousRange
          ? `Changes compare with ${formatRange(anyKpi.previousRange.from, anyKpi.previousRange.to, null, resolved?.zone)} (${COMPARE_NOUN[filters.compare]}), cut to the same elapsed time when the range is still running; model and agreement figures use whole UTC days.`
          : 'No comparison period.'}{' '}
        Click a tile for the slice that explains it.
      </p>
    </section>
  );
}
