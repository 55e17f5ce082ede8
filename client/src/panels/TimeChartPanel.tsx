import { useMemo, type ReactNode } from 'react';
import { dimensionLabel } from '../catalogue';
import type { ChartClick } from '../charts/Chart';
import { colorOfDimension } from '../charts/colors';
import { useColorScheme } from '../charts/colorScheme';
import { seriesSummary, seriesTable } from '../charts/chartData';
import { LazyChart } from '../charts/LazyChart';
import { INCIDENTS_ONLY } from '../charts/markers';
import { seriesChartOption, type MetricSeries, type TimeChartKind } from '../charts/seriesOption';
import { MetricName } from '../components/MetricName';
import { Panel } from '../components/Panel';
import { useDashboard } from '../dashboard/dashboard';
import { useApi } from '../dashboard/useApi';
import { formatCount, formatMetricValue } from '../format';
import { SeriesDocument, type Dimension, type DimensionFilterInput, type MarkerKind, type MetricKind, type SeriesQueryVariables, type Unit } from '../generated/graphql';
import { KIND_DRAWING } from '../metricKinds';
import type { PointFieldsFragment as Point } from '../generated/graphql';
import { filterQuery, withFilterValues } from '../state/filterState';
import { navigate } from '../state/location';
import { answerNotes, answerSubtitle } from './answerNotes';
import { PanelStates } from './PanelStates';
import { inSentence, useMetric, withArticle } from './useMetric';

export interface TimeChartPanelProps {
  metric: string;
  /** Defaults to the metric's label (with its definition); `name` is then the plain-text title. */
  title?: ReactNode;
  name?: string;
  groupBy?: Dimension | null;
  kind?: TimeChartKind;
  /** The panel's own filters, on top of the slice (e.g. one model version). */
  filters?: readonly DimensionFilterInput[];
  topN?: number;
  markerKinds?: readonly MarkerKind[];
  /** Controls in the header, e.g. a "by" picker. */
  controls?: ReactNode;
  /** Anchor for drill-down links (#review_sla); defaults to the metric id. */
  anchor?: string;
  className?: string;
  /** On the Overview, a click opens this page on the clicked slice instead of filtering in place. */
  drillPage?: string;
  /** The panel to scroll to on that page (its anchor); defaults to the metric id. */
  drillAnchor?: string;
}

function countLowSample(series: MetricSeries): number {
  return series.groups.reduce((n, g) => n + g.points.filter((p) => p.lowSample).length, 0);
}

/** A series is empty when nothing was counted: no buckets, or no value anywhere. */
export function isEmptySeries(series: MetricSeries): boolean {
  if (series.buckets.length === 0) return true;
  const empty = KIND_DRAWING[series.metric.kind].emptyWhenZero;
  if (empty === 'every-point') return series.groups.every((g) => g.points.every((p) => !p.value));
  return series.groups.every((g) => g.points.every((p) => p.value === null)) || series.total.value === null || (empty === 'total' && series.total.value === 0);
}

/** The headline figure of a panel: the value with what it is made of, or a caption saying what it is. */
export function HeadlineFigure({ metric, point, caption }: { metric: { id: string; unit: Unit; kind: MetricKind }; point: Point; caption: string }) {
  return (
    <div className="kpi" aria-live="polite">
      <span className="kpi-value" data-testid={`total-${metric.id}`}>
        {formatMetricValue(point.value, metric.unit)}
      </span>
      <span className="kpi-label">
        {KIND_DRAWING[metric.kind].parts && point.numerator !== null && point.denominator !== null
          ? `${formatCount(point.numerator)} / ${formatCount(point.denominator)}`
          : caption}
      </span>
    </div>
  );
}

/**
 * A metric over time, optionally split by a dimension: the one chart panel of the dashboard.
 * Clicking a group narrows the whole slice to it (cross-filtering).
 */
export function TimeChartPanel(props: TimeChartPanelProps) {
  const { catalogue, resolved, markers, pollInterval, filters: slice, setFilters } = useDashboard();
  const { metric, setupError, filters, ignored } = useMetric(props.metric, props.filters);
  const scheme = useColorScheme();
  // A split the metric does not have (e.g. appeals by detection source) falls back to none, said below.
  const wanted = props.groupBy ?? null;
  const groupBy = wanted && metric && !metric.dimensions.includes(wanted) ? null : wanted;

  const variables = useMemo<SeriesQueryVariables | undefined>(() => {
    if (!resolved || !metric) return undefined;
    return {
      input: {
        metric: metric.id,
        range: resolved.range,
        grain: resolved.grain,
        timeZone: resolved.zone,
        ...(filters.length ? { filters } : {}),
        ...(groupBy ? { groupBy } : {}),
        ...(props.topN ? { topN: props.topN } : {}),
      },
    };
  }, [resolved, metric, filters, groupBy, props.topN]);
  const query = useApi(SeriesDocument, variables, pollInterval);
  const series = query.data?.series;
  const kind = props.kind ?? 'line';
  const markerKinds = props.markerKinds ?? INCIDENTS_ONLY;

  const option = useMemo(() => {
    if (!series) return undefined;
    return seriesChartOption(series, {
      kind,
      colorOf: colorOfDimension(catalogue, groupBy, scheme),
      markers,
      markerKinds,
      target: metric?.target ?? null,
      scheme,
    });
  }, [series, kind, catalogue, groupBy, scheme, markers, markerKinds, metric]);

  const label = metric?.label ?? props.metric;
  const what = inSentence(label);
  const byLabel = groupBy ? dimensionLabel(catalogue, groupBy) : undefined;
  const notes =
    series && resolved
      ? answerNotes(catalogue, { ...series, lowSamplePoints: countLowSample(series) }, { resolved, filters, ignored }, label)
      : [];
  if (wanted && !groupBy) notes.unshift(`${label} cannot be split by ${dimensionLabel(catalogue, wanted).toLowerCase()}.`);
  if (series && groupBy && series.groups.length > 1) {
    notes.push(`Click ${withArticle(byLabel?.toLowerCase() ?? 'group')} to ${props.drillPage ? 'open it' : 'filter by it'}.`);
  }

  const openGroup = (key: string) => {
    const group = series?.groups.find((g) => g.key === key);
    // "Other" adds up many values, so there is no single one to filter by.
    if (!groupBy || !group || group.isOther) return;
    if (props.drillPage) navigate(`${props.drillPage}${filterQuery(withFilterValues(slice, groupBy, [group.key]))}#${props.drillAnchor ?? props.metric}`);
    else setFilters((s) => withFilterValues(s, groupBy, [group.key]));
  };
  const onClick = (click: ChartClick) => {
    if (click.seriesId !== undefined) openGroup(click.seriesId);
  };
  const text = series ? { summary: seriesSummary(series), table: seriesTable(series, byLabel ?? 'Series', groupBy ? openGroup : undefined) } : undefined;

  return (
    <Panel
      id={props.anchor ?? props.metric}
      className={props.className}
      title={props.title ?? <MetricName metric={metric} />}
      name={props.name ?? label}
      subtitle={series && !query.error ? answerSubtitle(series, byLabel) : undefined}
      aside={
        <>
          {props.controls}
          {series && !query.error ? (
            <HeadlineFigure
              metric={series.metric}
              point={series.total}
              caption={KIND_DRAWING[series.metric.kind].seriesCaption}
            />
          ) : null}
        </>
      }
      busy={query.loading}
      footer={notes.length ? notes.map((n) => <p key={n}>{n}</p>) : undefined}
    >
      <PanelStates
        what={what}
        setupError={setupError}
        error={query.error}
        onRetry={query.retry}
        loading={!series || !option}
        empty={series ? isEmptySeries(series) : false}
      >
        {() => (
          <LazyChart
            className={query.loading ? 'is-stale' : undefined}
            option={option!}
            label={`${label} over time${byLabel ? ` by ${byLabel.toLowerCase()}` : ''}`}
            onClick={groupBy ? onClick : undefined}
            text={text}
          />
        )}
      </PanelStates>
    </Panel>
  );
}
