import { KIND_DRAWING } from '../metricKinds';
import { useMemo, type ReactNode } from 'react';
import { dimensionLabel } from '../catalogue';
import { breakdownBarOption, heatmapOption, type MetricBreakdown } from '../charts/breakdownOption';
import type { ChartClick } from '../charts/Chart';
import { colorOfDimension } from '../charts/colors';
import { useColorScheme } from '../charts/colorScheme';
import { breakdownSummary, breakdownTable } from '../charts/chartData';
import { LazyChart } from '../charts/LazyChart';
import { MetricName } from '../components/MetricName';
import { Panel } from '../components/Panel';
import { useDashboard } from '../dashboard/dashboard';
import type { Dimension, DimensionFilterInput } from '../generated/graphql';
import { filterQuery, withFilterValues, type FilterState } from '../state/filterState';
import { navigate } from '../state/location';
import { answerNotes, answerSubtitle } from './answerNotes';
import { PanelStates } from './PanelStates';
import { HeadlineFigure } from './TimeChartPanel';
import { useBreakdown } from './useBreakdown';
import { inSentence } from './useMetric';

export interface BreakdownPanelProps {
  metric: string;
  /** One dimension draws bars, two a heatmap (rows × columns). */
  dimensions: readonly [Dimension] | readonly [Dimension, Dimension];
  title?: ReactNode;
  name?: string;
  filters?: readonly DimensionFilterInput[];
  topN?: number;
  controls?: ReactNode;
  anchor?: string;
  className?: string;
  /** On the Overview, a click opens this page on the clicked slice instead of filtering in place. */
  drillPage?: string;
  /** The panel to scroll to on that page (its anchor); defaults to the metric id. */
  drillAnchor?: string;
}

export function isEmptyBreakdown(breakdown: MetricBreakdown): boolean {
  return breakdown.cells.length === 0 || breakdown.cells.every((c) => c.point.value === null);
}

/** A metric over the whole range by one or two dimensions; clicking a bar or cell filters by it. */
export function BreakdownPanel(props: BreakdownPanelProps) {
  const { catalogue, resolved, filters: slice, setFilters } = useDashboard();
  const dims = props.dimensions;
  const query = useBreakdown(props.metric, dims, props.filters, props.topN);
  const { metric, setupError, filters, ignored, breakdown } = query;
  const scheme = useColorScheme();
  const heatmap = dims.length === 2;

  const option = useMemo(() => {
    if (!breakdown) return undefined;
    return heatmap
      ? heatmapOption(breakdown, scheme, metric?.goodDirection ?? 'NEUTRAL')
      : breakdownBarOption(breakdown, colorOfDimension(catalogue, dims[0], scheme));
  }, [breakdown, heatmap, scheme, metric, catalogue, dims]);

  const label = metric?.label ?? props.metric;
  const byLabel = dims.map((d) => dimensionLabel(catalogue, d)).join(' × ');
  const notes = breakdown && resolved ? answerNotes(catalogue, breakdown, { resolved, filters, ignored }, label) : [];
  const lowSample = breakdown?.cells.filter((c) => c.point.lowSample).length ?? 0;
  if (lowSample) notes.push(`${lowSample} ${heatmap ? 'cell' : 'bar'}${lowSample === 1 ? ' rests' : 's rest'} on fewer than 30 items (low sample).`);
  if (breakdown && breakdown.cells.length > 1) notes.push(`Click a ${heatmap ? 'cell' : 'bar'} to ${props.drillPage ? 'open it' : 'filter by it'}.`);

  const openCell = (keys: readonly string[]) => {
    // Other is not a slice one can open
    const other = breakdown?.cells.some((c) => c.isOther && c.keys.join('|') === keys.join('|'));
    if (keys.length !== dims.length || keys.some((k) => k === '') || other) return;
    const narrow = (s: FilterState) => dims.reduce((state, d, i) => withFilterValues(state, d, [keys[i]!]), s);
    if (props.drillPage) navigate(`${props.drillPage}${filterQuery(narrow(slice))}#${props.drillAnchor ?? props.metric}`);
    else setFilters(narrow);
  };
  const onClick = (click: ChartClick) => openCell(click.name?.split('|') ?? []);
  const text = breakdown ? { summary: breakdownSummary(breakdown), table: breakdownTable(breakdown, byLabel, openCell) } : undefined;

  return (
    <Panel
      id={props.anchor ?? `${props.metric}-by-${dims.join('-').toLowerCase()}`}
      className={props.className}
      title={props.title ?? (
        <>
          <MetricName metric={metric} /> by {byLabel.toLowerCase()}
        </>
      )}
      name={props.name ?? `${label} by ${byLabel.toLowerCase()}`}
      subtitle={breakdown && !query.error ? answerSubtitle(breakdown) : undefined}
      aside={
        <>
          {props.controls}
          {breakdown && !query.error ? (
            <HeadlineFigure
              metric={breakdown.metric}
              point={breakdown.total}
              caption={KIND_DRAWING[breakdown.metric.kind].breakdownCaption}
            />
          ) : null}
        </>
      }
      busy={query.loading}
      footer={notes.length ? notes.map((n) => <p key={n}>{n}</p>) : undefined}
    >
      <PanelStates
        what={inSentence(label)}
        setupError={setupError}
        error={query.error}
        onRetry={query.retry}
        loading={!breakdown || !option}
        empty={breakdown ? isEmptyBreakdown(breakdown) : false}
      >
        {() => (
          <LazyChart
            key={heatmap ? 'heatmap' : 'bars'}
            className={`${heatmap ? 'chart-heatmap' : 'chart-bars'}${query.loading ? ' is-stale' : ''}`}
            option={option!}
            label={`${label} by ${byLabel.toLowerCase()}`}
            onClick={onClick}
            text={text}
          />
        )}
      </PanelStates>
    </Panel>
  );
}
