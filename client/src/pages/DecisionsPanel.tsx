import { useMemo } from 'react';
import type { ChartClick } from '../charts/Chart';
import { LazyChart } from '../charts/LazyChart';
import { OTHER_KEY, countSeriesOption, type CountSeries } from '../charts/options';
import { EmptyState, ErrorState, LoadingState } from '../components/StateViews';
import { Panel } from '../components/Panel';
import { formatCount } from '../format';
import type { Grain } from '../generated/graphql';
import { formatRange, formatUtcDate } from '../time/labels';
import type { ResolvedRange } from '../time/range';

const GRAIN_NOUN: Record<Grain, string> = { HOUR: 'hour', DAY: 'day', WEEK: 'week' };
const GRAIN_ADJECTIVE: Record<Grain, string> = { HOUR: 'Hourly', DAY: 'Daily', WEEK: 'Weekly' };

export interface DecisionsPanelProps {
  /** The latest result, or the previous one while new filters load. */
  series: CountSeries | undefined;
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
  resolved: ResolvedRange | undefined;
  /** e.g. "Policy" when grouped; undefined when not grouped. */
  groupLabel: string | undefined;
  /** Set when the groups can be drilled into; receives the group key. */
  onGroupClick: ((key: string) => void) | undefined;
}

export function DecisionsPanel(props: DecisionsPanelProps) {
  const { series, loading, error, resolved, groupLabel } = props;
  const stacked = groupLabel !== undefined;
  const option = useMemo(() => (series ? countSeriesOption(series, { stacked }) : undefined), [series, stacked]);
  const isEmpty = series !== undefined && (series.buckets.length === 0 || series.total === 0);
  const showFigure = !error && !props.noData && series !== undefined;

  const subtitle = resolved ? (
    <>
      {formatRange(resolved.range.from, resolved.range.to, resolved.grain)} · {GRAIN_ADJECTIVE[resolved.grain]} · UTC
      {groupLabel ? ` · by ${groupLabel}` : ''}
    </>
  ) : undefined;

  const aside = (
    <div className="kpi" aria-live="polite">
      <span className="kpi-value" data-testid="decisions-total">
        {showFigure ? formatCount(series.total) : '–'}
      </span>
      <span className="kpi-label">decisions</span>
    </div>
  );

  const notes: string[] = [];
  if (showFigure && !isEmpty && resolved?.lastBucketPartial) {
    notes.push(
      `The last ${GRAIN_NOUN[resolved.grain]} is incomplete: data runs until ${formatUtcDate(resolved.dataEnd, true)}.`,
    );
  }
  if (showFigure && !isEmpty && props.onGroupClick && groupLabel) {
    notes.push(`Click a ${groupLabel.toLowerCase()} in the chart to drill into it.`);
  }

  const onChartClick = (click: ChartClick) => {
    if (click.seriesId && click.seriesId !== OTHER_KEY) props.onGroupClick?.(click.seriesId);
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
        label={`Moderation decisions over time${groupLabel ? ` by ${groupLabel.toLowerCase()}` : ''}; total ${formatCount(series.total)}`}
        onClick={props.onGroupClick ? onChartClick : undefined}
      />
    );
  }

  return (
    <Panel
      title="Moderation decisions"
      subtitle={subtitle}
      aside={aside}
      busy={loading}
      footer={notes.length > 0 ? notes.map((n) => <p key={n}>{n}</p>) : undefined}
    >
      {body}
    </Panel>
  );
}
