import { filterReach, type CatalogueMetric } from '../catalogue';
import { MetricName } from '../components/MetricName';
import { Sparkline } from '../components/Sparkline';
import { useDashboard } from '../dashboard/dashboard';
import { formatCount, formatMetricValue, formatPoints, formatPValue, formatRelative } from '../format';
import { type KpisQuery, type TargetStatus, type Unit, type ViewFieldsFragment } from '../generated/graphql';
import { KIND_DRAWING, badSign } from '../metricKinds';
import { followLink } from '../state/location';
import { formatRange } from '../time/labels';
import { PAGE_TITLE, viewHref } from '../views';
import { useMetric } from './useMetric';

export type Kpi = KpisQuery['kpis'][number];

const STATUS_TEXT: Record<TargetStatus, string> = {
  ON_TARGET: 'On target',
  AT_RISK: 'At risk',
  BREACHED: 'Breached',
  NO_DATA: 'No data',
  NO_TARGET: 'No target',
};

/** The change as people compare it: points for proportions, hundredths for coefficients, percent otherwise. */
export function changeText(kpi: Pick<Kpi, 'absoluteChange' | 'relativeChange'>, unit: Unit): string | null {
  const change = kpi.absoluteChange;
  if (change === null) return null;
  if (unit === 'RATIO') return formatPoints(change);
  if (unit === 'COEFFICIENT') {
    const text = Math.abs(change).toFixed(3);
    return `${Number(text) === 0 ? '±' : change > 0 ? '+' : '−'}${text}`;
  }
  if (kpi.relativeChange !== null) return formatRelative(kpi.relativeChange);
  // no meaningful percentage (a zero or near-zero base): the change itself
  return `${change > 0 ? '+' : change < 0 ? '−' : '±'}${formatMetricValue(Math.abs(change), unit)}`;
}

/** Below this, a change of a proportion or coefficient is shown as ±0.0 pts / ±0.000: no colour either. */
const SHOWN_AS_ZERO: Partial<Record<Unit, number>> = { RATIO: 0.0005, COEFFICIENT: 0.0005 };

/** Whether the comparison period lies within the data; before it, "previous" is an artefact of the range. */
export function comparisonCovered(kpi: Pick<Kpi, 'previousRange'>, dataFrom: string | null): boolean {
  if (!kpi.previousRange) return false;
  return dataFrom === null || Date.parse(kpi.previousRange.from) >= Date.parse(dataFrom);
}

/** good, bad or neutral: how the change reads given the metric's good direction. */
export function changeTone(change: number | null, direction: CatalogueMetric['goodDirection'], unit?: Unit): 'good' | 'bad' | 'neutral' {
  const sign = badSign(direction);
  if (change === null || Math.abs(change) < (unit ? (SHOWN_AS_ZERO[unit] ?? 0) : 0) || change === 0 || sign === 0) return 'neutral';
  return change * sign > 0 ? 'bad' : 'good';
}

export function significanceText(kpi: Pick<Kpi, 'test' | 'pValue' | 'significant'>): string {
  if (kpi.test === null || kpi.pValue === null) return 'not tested';
  return `${kpi.significant ? 'significant' : 'not significant'}, ${formatPValue(kpi.pValue)}`;
}

/**
 * A headline figure: value, sparkline, change against the comparison period coloured by whether
 * it is good, whether the change is significant, and target status. Clicking it opens `view`: the
 * slice that explains it when the server's attention answer has one, else the metric's panel on
 * its family page. The link is whatever is known at the time: a click never waits.
 */
export function KpiTile({ metric, kpi, view, spark }: { metric: CatalogueMetric; kpi: Kpi | undefined; view: ViewFieldsFragment; spark: readonly (number | null)[] | undefined }) {
  const { resolved, catalogue, filters: state } = useDashboard();
  const href = viewHref(view, state);
  const values = spark ?? [];
  const { filters, ignored } = useMetric(metric.id);
  // which of the bar's filters this figure follows: a tile that ignores one must say so
  const reach = filterReach(catalogue, metric, [...filters, ...ignored.map((dimension) => ({ dimension }))], metric.label);

  const value = kpi ? formatMetricValue(kpi.current.value, metric.unit) : '…';
  // A comparison period that starts before the data compares with a part of nothing: no change to show.
  const comparable = kpi ? comparisonCovered(kpi, catalogue?.dataFrom ?? null) : false;
  const change = kpi && comparable ? changeText(kpi, metric.unit) : null;
  // a change shown as ±0 is no change, whatever the digits beyond those shown
  const tone = change?.startsWith('±') ? 'neutral' : changeTone(kpi?.absoluteChange ?? null, metric.goodDirection, metric.unit);
  const status = kpi?.targetStatus;
  const hasTarget = metric.target !== null;
  const parts =
    kpi && KIND_DRAWING[metric.kind].parts && kpi.current.numerator !== null && kpi.current.denominator !== null
      ? `${formatCount(kpi.current.numerator)} / ${formatCount(kpi.current.denominator)}`
      : null;

  return (
    <article
      className={`tile${status && hasTarget ? ` tile-${status.toLowerCase().replace('_', '-')}` : ''}`}
      data-testid={`tile-${metric.id}`}
    >
      <div className="tile-head">
        <span className="tile-label">
          <MetricName metric={metric} />
        </span>
        {status && hasTarget ? (
          <span className={`badge badge-${status.toLowerCase().replace('_', '-')}`}>{STATUS_TEXT[status]}</span>
        ) : null}
      </div>
      <a
        className="tile-link"
        href={href}
        onClick={followLink}
        aria-label={`${metric.label}: ${value}${status && hasTarget ? `, ${STATUS_TEXT[status].toLowerCase()}` : ''}. Open ${view.filters.length ? 'the slice that explains it' : 'it'} in ${PAGE_TITLE[view.page]}.`}
      >
        <span className="tile-value" data-testid={`tile-value-${metric.id}`}>
          {value}
        </span>
      </a>
      <div className="tile-change">
        {change ? (
          <span
            className={`change change-${tone}`}
            title={kpi?.previousRange ? `Compared with ${formatRange(kpi.previousRange.from, kpi.previousRange.to, null, resolved?.zone)}` : undefined}
          >
            {change}
          </span>
        ) : (
          <span className="change change-neutral">–</span>
        )}
        {kpi && kpi.previous && comparable ? (
          <span className="tile-muted"> vs {formatMetricValue(kpi.previous.value, metric.unit)}</span>
        ) : null}
        {kpi && kpi.previousRange && !comparable ? <span className="tile-muted"> no data to compare with</span> : null}
      </div>
      {kpi && kpi.previous && comparable ? (
        <div className={`significance${kpi.significant ? ' is-significant' : ''}`} title={kpi.test ?? 'No test for this kind of metric'}>
          <span className="significance-dot" aria-hidden="true" />
          {significanceText(kpi)}
        </div>
      ) : null}
      <Sparkline values={values} label={`${metric.label} over the range`} />
      {reach ? (
        <div className={`tile-filters${ignored.length ? ' is-partial' : ''}`} data-testid={`tile-filters-${metric.id}`}>
          {reach}
        </div>
      ) : null}
      <div className="tile-foot">
        {parts ? <span>{parts}</span> : null}
        {metric.target ? (
          <span>
            target {metric.target.direction === 'AT_MOST' ? '≤' : '≥'} {formatMetricValue(metric.target.value, metric.unit)}
          </span>
        ) : null}
        {kpi?.current.lowSample ? <span className="low-sample">low sample</span> : null}
      </div>
    </article>
  );
}
