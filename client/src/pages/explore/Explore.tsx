import { useEffect, useId, useMemo } from 'react';
import { dimensionLabel, dimensionValues, FAMILY_LABELS, type CatalogueMetric } from '../../catalogue';
import { heatmapOption } from '../../charts/breakdownOption';
import type { ChartClick } from '../../charts/Chart';
import { colorOfDimension } from '../../charts/colors';
import { useColorScheme } from '../../charts/colorScheme';
import { breakdownSummary, breakdownTable, seriesSummary, seriesTable } from '../../charts/chartData';
import { LazyChart, preloadChart } from '../../charts/LazyChart';
import { ALL_MARKERS } from '../../charts/markers';
import { seriesChartOption, isAdditive } from '../../charts/seriesOption';
import { MetricName } from '../../components/MetricName';
import { MultiSelect } from '../../components/MultiSelect';
import { Panel } from '../../components/Panel';
import { Select } from '../../components/Select';
import { useDashboard } from '../../dashboard/dashboard';
import { useApi } from '../../dashboard/useApi';
import { ExploreBreakdownDocument, ExploreSeriesDocument, KpiGroupsDocument, SeriesDocument, type Dimension } from '../../generated/graphql';
import { answerNotes, answerSubtitle } from '../../panels/answerNotes';
import { KpiTile } from '../../panels/KpiTile';
import { familyView } from '../../views';
import { useKpis, useSparklines } from '../../panels/KpiGrid';
import { PanelStates } from '../../panels/PanelStates';
import { isEmptyBreakdown } from '../../panels/BreakdownPanel';
import { isEmptySeries } from '../../panels/TimeChartPanel';
import { inSentence, useMetric } from '../../panels/useMetric';
import { BAR_DIMENSIONS, filterValues, withFilterValues } from '../../state/filterState';
import { useUrlState } from '../../state/useUrlState';
import { localDate } from '../../time/range';
import { baselineRange, comparisonInput } from '../../time/comparison';
import { formatRange } from '../../time/labels';
import { useRecordExport } from '../../exports';
import { downloadCsv, toCsv } from './csv';
import { CHART_KINDS, exploreCodec, type ExploreChart } from './exploreState';
import { ResultTable } from './ResultTable';
import { breakdownRows, seriesRows, sortRows } from './rows';
import { SqlPanel } from './SqlPanel';
import { GroupComparison } from './GroupComparison';
import { foldNote, MAX_BREAKDOWN_TOP, MAX_SERIES_TOP } from './folding';

const CHART_LABELS: Record<ExploreChart, string> = { line: 'Lines', stacked: 'Stacked', bar: 'Bars', heatmap: 'Heatmap' };

function MetricSelect({ metrics, value, onChange }: { metrics: readonly CatalogueMetric[]; value: string; onChange: (id: string) => void }) {
  const id = useId();
  const families = [...new Set(metrics.map((m) => m.family))];
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Metric
      </label>
      <select id={id} className="select-button select-wide" value={value} onChange={(e) => onChange(e.target.value)}>
        {metrics.length === 0 ? <option value={value}>{value}</option> : null}
        {families.map((f) => (
          <optgroup key={f} label={FAMILY_LABELS[f]}>
            {metrics
              .filter((m) => m.family === f)
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/**
 * Explore: any metric by up to two dimensions, with any filters and comparison; the chart that
 * fits, the table of the same numbers (sortable, with numerators, denominators and intervals),
 * its CSV, and the SQL that computed it.
 */
export function Explore() {
  const { catalogue, resolved, filters: slice, setFilters, pollInterval, markers } = useDashboard();
  const [view, setView] = useUrlState(exploreCodec);
  const scheme = useColorScheme();
  useEffect(preloadChart, []);

  const { metric, setupError, filters, ignored } = useMetric(view.metric);
  const has = (d: Dimension | 'NONE'): d is Dimension => d !== 'NONE' && (metric?.dimensions.includes(d) ?? false);
  const by = has(view.by) ? view.by : null;
  const by2 = by && has(view.by2) && view.by2 !== by ? view.by2 : null;
  const twoDims = by2 !== null;
  // Two dimensions have no time axis: a heatmap of the range. One or none: a chart over time.
  const chart: ExploreChart = twoDims ? 'heatmap' : view.chart === 'heatmap' ? 'line' : view.chart;
  const comparing = slice.compare !== 'NONE';

  const seriesInput = (topN: number) =>
    resolved && metric && !twoDims
      ? {
          input: {
            metric: metric.id,
            range: resolved.range,
            grain: resolved.grain,
            timeZone: resolved.zone,
            topN,
            ...(filters.length ? { filters } : {}),
            ...(by ? { groupBy: by } : {}),
          },
        }
      : undefined;
  const breakdownInput = (topN: number) =>
    resolved && metric && by && by2
      ? { input: { metric: metric.id, range: resolved.range, dimensions: [by, by2], topN, ...(filters.length ? { filters } : {}) } }
      : undefined;
  // The chart folds the groups beyond the top N into "Other" (the server adds them up, rates as
  // sum/sum); the table and the CSV hold every group, so they ask again with the largest topN.
  const tableFolds = by !== null && view.top < (twoDims ? MAX_BREAKDOWN_TOP : MAX_SERIES_TOP);
  const seriesQuery = useApi(ExploreSeriesDocument, seriesInput(view.top), pollInterval);
  const allSeriesQuery = useApi(ExploreSeriesDocument, tableFolds ? seriesInput(MAX_SERIES_TOP) : undefined, pollInterval);
  const breakdownQuery = useApi(ExploreBreakdownDocument, breakdownInput(view.top), pollInterval);
  const allBreakdownQuery = useApi(ExploreBreakdownDocument, tableFolds ? breakdownInput(MAX_BREAKDOWN_TOP) : undefined, pollInterval);
  const series = twoDims ? undefined : seriesQuery.data?.series;
  const breakdown = twoDims ? breakdownQuery.data?.breakdown : undefined;
  const query = twoDims ? breakdownQuery : seriesQuery;
  const tableSeries = twoDims ? undefined : tableFolds ? allSeriesQuery.data?.series : series;
  const tableBreakdown = twoDims ? (tableFolds ? allBreakdownQuery.data?.breakdown : breakdown) : undefined;
  const tableQuery = !tableFolds ? query : twoDims ? allBreakdownQuery : allSeriesQuery;

  // The comparison period on the same grain as the answer, so buckets line up one to one.
  const baseline = resolved && comparing && series && !by ? baselineRange(series.range, slice) : null;
  const previousQuery = useApi(
    SeriesDocument,
    baseline && metric && series
      ? { input: { metric: metric.id, range: baseline, grain: series.grain, timeZone: series.timeZone, ...(filters.length ? { filters } : {}) } }
      : undefined,
    pollInterval,
  );
  const previousValues = useMemo(
    () => (baseline ? previousQuery.data?.series.groups[0]?.points.map((p) => p.value) : undefined),
    [baseline, previousQuery.data],
  );
  const { kpis } = useKpis(metric ? [metric.id] : []);
  const sparks = useSparklines(metric ? [metric.id] : []);
  // With a split, each value compared between the periods (one dimension: a heatmap has no periods)
  const groupComparison = useApi(
    KpiGroupsDocument,
    resolved && metric && comparing && by && !twoDims
      ? { input: { metrics: [metric.id], range: resolved.range, ...comparisonInput(slice), timeZone: resolved.zone, groupBy: by, ...(filters.length ? { filters } : {}) } }
      : undefined,
    pollInterval,
  );
  const compared = groupComparison.data?.kpis[0];
  const recordExport = useRecordExport();

  const option = useMemo(() => {
    if (series) {
      return seriesChartOption(series, {
        kind: chart === 'heatmap' ? 'line' : chart,
        colorOf: colorOfDimension(catalogue, by, scheme),
        markers,
        markerKinds: ALL_MARKERS,
        target: metric?.target ?? null,
        scheme,
        ...(previousValues ? { comparison: { label: 'Comparison period', values: previousValues } } : {}),
      });
    }
    return breakdown ? heatmapOption(breakdown, scheme, metric?.goodDirection ?? 'NEUTRAL') : undefined;
  }, [series, breakdown, chart, catalogue, by, scheme, markers, metric, previousValues]);

  const rows = useMemo(
    () => sortRows(tableSeries ? seriesRows(tableSeries, previousValues) : tableBreakdown ? breakdownRows(tableBreakdown) : [], view.sort),
    [tableSeries, tableBreakdown, previousValues, view.sort],
  );
  const splits = [by, by2].filter((d): d is Dimension => d !== null).map((d) => dimensionLabel(catalogue, d));
  const answer = series ?? breakdown;
  // what the table, the CSV and the SQL shown are: the unfolded answer
  const tableAnswer = tableSeries ?? tableBreakdown;
  const notes = answer && resolved ? answerNotes(catalogue, answer, { resolved, filters, ignored }, metric?.label ?? view.metric) : [];
  if (view.by !== 'NONE' && !by) notes.unshift(`${metric?.label ?? view.metric} cannot be split by ${dimensionLabel(catalogue, view.by).toLowerCase()}.`);
  if (chart !== view.chart && !twoDims) notes.push('A heatmap needs two dimensions; showing lines.');
  const folded = series && by && tableSeries ? foldNote(series, tableSeries, dimensionLabel(catalogue, by), view.top) : null;
  if (folded) notes.push(folded);
  if (twoDims && breakdown && tableFolds) notes.push(`The heatmap shows the top ${view.top} values of each dimension, the rest as Other; the table and the CSV hold them all.`);
  if (view.chart === 'stacked' && series && !isAdditive(series) && by) notes.push('Stacking only adds up counts; this metric is drawn as lines.');

  const onChartClick = (click: ChartClick) => openKeys(twoDims ? (click.name?.split('|') ?? []) : [click.seriesId ?? '']);
  const openKeys = (keys: readonly string[]) => {
    const dims = [by, by2].filter((d): d is Dimension => d !== null);
    if (keys.length !== dims.length || keys.some((k) => !k || k.startsWith('__') || k === 'all')) return;
    setFilters((s) => dims.reduce((state, d, i) => withFilterValues(state, d, [keys[i]!]), s));
  };
  // The chart's own words and table view (drill by Enter); the full result table is further down.
  const chartText = series
    ? { summary: seriesSummary(series), table: seriesTable(series, splits[0] ?? 'Series', splits.length ? (key: string) => openKeys([key]) : undefined) }
    : breakdown
      ? { summary: breakdownSummary(breakdown), table: breakdownTable(breakdown, splits.join(' × '), openKeys) }
      : undefined;

  const exportCsv = () => {
    if (!metric || !resolved) return;
    const csv = toCsv(rows, { bucket: series !== undefined, splits, previous: previousValues !== undefined });
    const range = `${localDate(new Date(resolved.range.from), resolved.zone)}_${localDate(new Date(Date.parse(resolved.range.to) - 1), resolved.zone)}`;
    downloadCsv(csv, `vigil_${metric.id}${splits.length ? `_by_${splits.join('_').toLowerCase().replaceAll(' ', '_')}` : ''}_${range}.csv`);
    recordExport('CSV', rows.length);
  };

  const splitOptions = [{ value: 'NONE' as const, label: 'None' }, ...(metric?.dimensions ?? []).map((d) => ({ value: d, label: dimensionLabel(catalogue, d) }))];
  const kpi = metric ? kpis.get(metric.id) : undefined;
  const moreDimensions = (metric?.dimensions ?? []).filter((d) => !BAR_DIMENSIONS.includes(d));

  return (
    <>
      <div className="page-controls explore-controls">
        <MetricSelect metrics={catalogue?.metrics ?? []} value={view.metric} onChange={(id) => setView((v) => ({ ...v, metric: id }))} />
        <Select label="Split by" value={by ?? 'NONE'} options={splitOptions} onChange={(d) => setView((v) => ({ ...v, by: d, ...(d === 'NONE' ? { by2: 'NONE' } : {}) }))} />
        <Select
          label="And by"
          value={by2 ?? 'NONE'}
          options={splitOptions.filter((o) => o.value !== by)}
          onChange={(d) => setView((v) => ({ ...v, by2: d, ...(d !== 'NONE' ? { chart: 'heatmap' } : {}) }))}
        />
        <Select
          label="Chart"
          value={chart}
          options={CHART_KINDS.filter((k) => (twoDims ? k === 'heatmap' : k !== 'heatmap')).map((k) => ({ value: k, label: CHART_LABELS[k] }))}
          onChange={(c) => setView((v) => ({ ...v, chart: c }))}
        />
        <Select
          label="Top"
          value={String(view.top)}
          options={[...new Set([5, 8, 12, 25, view.top])].sort((a, b) => a - b).map((n) => ({ value: String(n), label: `${n} groups` }))}
          onChange={(n) => setView((v) => ({ ...v, top: Number(n) }))}
        />
      </div>
      {moreDimensions.length > 0 ? (
        <div className="page-controls" role="group" aria-label="More filters">
          {moreDimensions.map((d) => (
            <MultiSelect
              key={d}
              label={dimensionLabel(catalogue, d)}
              noun="values"
              choices={dimensionValues(catalogue, d)}
              selected={filterValues(slice, d)}
              onChange={(next) => setFilters((s) => withFilterValues(s, d, next))}
            />
          ))}
        </div>
      ) : null}

      <div className="explore-top">
        {metric && comparing ? (
          <div className="explore-kpi">
            <KpiTile metric={metric} kpi={kpi} view={familyView(metric)} spark={sparks.get(metric.id)} />
          </div>
        ) : null}
        <Panel
          id="explore-chart"
          className="explore-chart"
          title={
            <>
              <MetricName metric={metric} />
              {splits.length ? ` by ${splits.join(' × ').toLowerCase()}` : ''}
            </>
          }
          name={`${metric?.label ?? view.metric}${splits.length ? ` by ${splits.join(' × ').toLowerCase()}` : ''}`}
          subtitle={answer && !query.error ? answerSubtitle(answer) : undefined}
          busy={query.loading}
          footer={notes.length ? notes.map((n) => <p key={n}>{n}</p>) : undefined}
        >
          <PanelStates
            what={inSentence(metric?.label ?? view.metric)}
            setupError={setupError}
            error={query.error}
            onRetry={query.retry}
            loading={!option}
            empty={series ? isEmptySeries(series) : breakdown ? isEmptyBreakdown(breakdown) : false}
          >
            {() => (
              <LazyChart
                key={twoDims ? 'heatmap' : 'time'}
                className={`${twoDims ? 'chart-heatmap' : ''}${query.loading ? ' is-stale' : ''}`}
                option={option!}
                label={`${metric?.label ?? view.metric}${splits.length ? ` by ${splits.join(' and ')}` : ''}`}
                onClick={splits.length ? onChartClick : undefined}
                text={chartText}
              />
            )}
          </PanelStates>
        </Panel>
      </div>

      {metric && by && compared?.groups && compared.previousRange ? (
        <Panel
          id="explore-comparison"
          className="panel-wide"
          title={`Each ${dimensionLabel(catalogue, by).toLowerCase()} against ${formatRange(compared.previousRange.from, compared.previousRange.to, null, resolved?.zone)}`}
          busy={groupComparison.loading}
          footer={<p>Each value is tested like the headline figure; q adjusts p for testing every value at once (Benjamini–Hochberg), significant below 5%.</p>}
        >
          <GroupComparison groups={compared.groups} metric={metric} splitLabel={dimensionLabel(catalogue, by)} />
        </Panel>
      ) : null}
      {metric && tableAnswer && !tableQuery.error ? (
        <Panel
          id="explore-table"
          className="panel-wide"
          title="The numbers"
          subtitle={`${rows.length} row${rows.length === 1 ? '' : 's'} · click a column to sort`}
          aside={
            <div className="sql-actions">
              <button type="button" className="button" onClick={exportCsv}>
                Export CSV
              </button>
              <button type="button" className="button button-quiet" aria-expanded={view.sql} onClick={() => setView((v) => ({ ...v, sql: !v.sql }))}>
                {view.sql ? 'Hide SQL' : 'Show SQL'}
              </button>
            </div>
          }
        >
          <ResultTable
            rows={rows}
            metric={metric}
            {...(tableSeries ? { time: { grain: tableSeries.grain, zone: tableSeries.timeZone } } : {})}
            splits={splits}
            previous={previousValues !== undefined}
            sort={view.sort}
            onSort={(sort) => setView((v) => ({ ...v, sort }))}
          />
        </Panel>
      ) : null}
      {view.sql && tableAnswer ? <SqlPanel statements={tableAnswer.sql} /> : null}
    </>
  );
}
