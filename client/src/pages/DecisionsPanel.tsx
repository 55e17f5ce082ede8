import { useMemo } from 'react';
import type { ChartClick } from '../charts/Chart';
import { LazyChart } from '../charts/LazyChart';
import { seriesChartOption, type MetricSeries } from '../charts/options';
import { EmptyState, ErrorState, LoadingState } from '../components/StateViews';
import { Panel } from '../components/Panel';
import { formatCount } from '../format';
import type { Grain } from '../generated/graphql';
import { bucketCoverage } from '../time/coverage';
import { formatRange, formatUtcDate } from '../time/labels';
import type { ResolvedRange } from '../time/range';

const GRAIN_NOUN: Record<Grain, string> = { HOUR: 'hour', DAY: 'day', WEEK: 'week' };
const GRAIN_ADJECTIVE: Record<Grain, string> = { HOUR: 'Hourly', DAY: 'Daily', WEEK: 'Weekly' };

export interface DecisionsPanelProps {
  /** The latest answer, or the previous one while new filters load. */
  series: MetricSeries | undefined;
  loading: boolean;
  error: unknown;
  /** What failed, for the error message: the filter options or the decisions themselves. */
  errorWhat: string;
  onRetry: () => void;
  onReset: () => void;
  /** Offer the reset next to Retry: the failure may come from the filters (e.g. a stale link). */
  resetOnError: boolean;
  /** The database holds no decisions at all, so no filter can help. */
  noData: boolean;
  /** What was asked for; undefined until the end of the data is known. */
  requested: ResolvedRange | undefined;
  /** e.g. "Policy" when grouped; undefined when not grouped. */
  groupLabel: string | undefined;
  /** Set when the groups can be drilled into; receives the group key. */
  onGroupClick: ((key: string) => void) | undefined;
}

/** The value of a count, or "–" when there is none to show. */
const countText = (value: number | null | undefined) => (value === null || value === undefined ? '–' : formatCount(value));

/**
 * "10 Nov – 16 Nov 2026 · Daily · UTC · by Policy". It describes the answer once it is in, since
 * only the answer knows an automatic grain (and a range the server widened); until then, the request.
 */
function subtitleText(
  answer: MetricSeries | undefined,
  requested: ResolvedRange | undefined,
  groupLabel: string | undefined,
): string | undefined {
  const shown = answer
    ? { range: answer.range, grain: answer.grain, zone: answer.timeZone }
    : requested && { range: requested.range, grain: requested.grain, zone: 'UTC' };
  if (!shown) return undefined;
  const grain = shown.grain ? GRAIN_ADJECTIVE[shown.grain] : 'Automatic grain';
  const by = groupLabel ? ` · by ${groupLabel}` : '';
  return `${formatRange(shown.range.from, shown.range.to, shown.grain)} · ${grain} · ${shown.zone}${by}`;
}

export function DecisionsPanel(props: DecisionsPanelProps) {
  const { series, loading, error, requested, groupLabel } = props;
  const stacked = groupLabel !== undefined;
  const option = useMemo(() => (series ? seriesChartOption(series, { stacked }) : undefined), [series, stacked]);
  // Nothing to draw: no bucket, or not one decision in the whole range.
  const isEmpty = series !== undefined && (series.buckets.length === 0 || !series.total.value);
  const showFigure = !error && !props.noData && series !== undefined;

  const aside = (
    <div className="kpi" aria-live="polite">
      <span className="kpi-value" data-testid="decisions-total">
        {showFigure ? countText(series.total.value) : '–'}
      </span>
      <span className="kpi-label">decisions</span>
    </div>
  );

  const notes: string[] = [];
  if (showFigure && !isEmpty && requested) {
    const coverage = bucketCoverage(series.buckets, series.grain, series.range, requested.dataEnd);
    const noun = GRAIN_NOUN[series.grain];
    if (coverage.firstPartial) {
      notes.push(`The first ${noun} is incomplete: the range starts at ${formatUtcDate(series.range.from, true)}.`);
    }
    if (coverage.lastPartial) {
      notes.push(`The last ${noun} is incomplete: data runs until ${formatUtcDate(requested.dataEnd, true)}.`);
    }
  }
  if (showFigure && !isEmpty && props.onGroupClick && groupLabel) {
    notes.push(`Click a ${groupLabel.toLowerCase()} in the chart to drill into it.`);
  }

  const onChartClick = (click: ChartClick) => {
    // "Other" adds up many values, so there is no single one to drill into.
    const group = series?.groups.find((g) => g.key === click.seriesId);
    if (group && !group.isOther) props.onGroupClick?.(group.key);
  };

  let body;
  if (error) {
    body = (
      <ErrorState
        what={props.errorWhat}
        error={error}
        onRetry={props.onRetry}
        action={
          props.resetOnError ? (
            <button type="button" className="button button-quiet" onClick={props.onReset}>
              Reset filters
            </button>
          ) : undefined
        }
      />
    );
  } else if (props.noData) {
    body = (
      <EmptyState
        title="No moderation decisions yet"
        detail="The database holds no decisions at all. Load the demo data or check the ingestion pipeline."
      />
    );
  } else if (!series || !option) {
    body = <LoadingState what="moderation decisions" />;
  } else if (isEmpty) {
    body = (
      <EmptyState
        title="No decisions for these filters"
        detail="Try a longer time range or fewer region and policy filters."
        action={
          <button type="button" className="button" onClick={props.onReset}>
            Reset filters
          </button>
        }
      />
    );
  } else {
    body = (
      <LazyChart
        className={loading ? 'is-stale' : undefined}
        option={option}
        label={`Moderation decisions over time${groupLabel ? ` by ${groupLabel.toLowerCase()}` : ''}; total ${countText(series.total.value)}`}
        onClick={props.onGroupClick ? onChartClick : undefined}
      />
    );
  }

  return (
    <Panel
      title="Moderation decisions"
      subtitle={subtitleText(loading || error ? undefined : series, requested, groupLabel)}
      aside={aside}
      busy={loading}
      footer={notes.length > 0 ? notes.map((n) => <p key={n}>{n}</p>) : undefined}
    >
      {body}
    </Panel>
  );
}
