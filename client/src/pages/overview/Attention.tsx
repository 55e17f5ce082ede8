import type { CatalogueMetric } from '../../catalogue';
import { MetricName } from '../../components/MetricName';
import { Panel } from '../../components/Panel';
import { ErrorState, LoadingState } from '../../components/StateViews';
import { useDashboard } from '../../dashboard/dashboard';
import type { Flag } from '../../dashboard/useAttention';
import { formatCount, formatMetricValue, formatPValue } from '../../format';
import type { AttentionReason } from '../../generated/graphql';
import { followLink } from '../../state/location';
import { filterQuery, withFilterValues, withRange } from '../../state/filterState';
import { runText, widenedRange } from '../../dashboard/eventWindow';
import { changeText } from '../../panels/KpiTile';
import { PAGE_PATH, PAGE_TITLE, viewHref } from '../../views';

const SHOWN = 5;

const REASON_TEXT: Record<AttentionReason, string> = {
  BREACHED: 'target breached',
  AT_RISK: 'at risk',
  SIGNIFICANT: 'significant change',
  LARGE_MOVE: 'large change (no test)',
};

/** A flag as the API answers it, with the catalogue's entry of its metric. */
export interface ShownFlag {
  metric: CatalogueMetric;
  flag: Flag;
}

function FlagItem({ metric, flag }: ShownFlag) {
  const { kpi, culprit } = flag;
  const badRun = culprit?.badRun ?? null;
  const { resolved, filters, catalogue } = useDashboard();
  const change = changeText(kpi, metric.unit);
  const severity = flag.reasons.includes('BREACHED') ? 'bad' : 'warn';
  let when: string | null = null;
  let around: string | null = null;
  if (badRun && resolved && filters) {
    const side = metric.target ? (metric.target.direction === 'AT_MOST' ? 'above target' : 'below target') : 'worse than before';
    const run = { from: badRun.from, to: badRun.to, grain: badRun.grain, zone: badRun.timeZone, toRangeEnd: badRun.ongoing };
    when = runText(side, run, resolved.dataEnd, kpi.currentRange.to);
    // the same slice over the days around the event (before it, and whether it recovered)
    const slice = flag.view.filters.reduce((state, f) => withFilterValues(state, f.dimension, [...f.values]), filters);
    const widened = withRange(slice, widenedRange(run, resolved.dataEnd, catalogue?.dataFrom ?? null), catalogue);
    const anchor = flag.view.page !== 'EXPLORE' && flag.view.page !== 'OVERVIEW' ? `#${metric.id}` : '';
    around = `${PAGE_PATH[flag.view.page]}${filterQuery({ ...widened, zone: run.zone })}${anchor}`;
  }
  return (
    <li className={`flag flag-${severity}`} data-testid={`flag-${metric.id}`}>
      <div className="flag-what">
        <span className="flag-metric">
          <MetricName metric={metric} />
        </span>
        <strong className="flag-value">{formatMetricValue(kpi.current.value, metric.unit)}</strong>
        <span className="flag-reasons">{flag.reasons.map((r) => REASON_TEXT[r]).join(' · ')}</span>
        {change ? (
          <span className="tile-muted">
            {change} vs the comparison period{kpi.pValue !== null ? ` (${formatPValue(kpi.pValue)})` : ''}
          </span>
        ) : null}
      </div>
      <div className="flag-where">
        {culprit ? (
          <>
            Worst: <strong data-testid={`flag-where-${metric.id}`}>{culprit.labels.join(' × ')}</strong>{' '}
            {formatMetricValue(culprit.current.value, metric.unit)}
            {culprit.current.denominator !== null ? <span className="tile-muted"> (n = {formatCount(culprit.current.denominator)})</span> : null}
            {when ? (
              <>
                , <span data-testid={`flag-when-${metric.id}`}>{when}</span>
              </>
            ) : null}
          </>
        ) : (
          <span className="tile-muted">No single slice stands out.</span>
        )}
        <a className="flag-link" href={viewHref(flag.view, filters)} onClick={followLink}>
          Open in {PAGE_TITLE[flag.view.page]} →
        </a>
        {around ? (
          <a className="flag-link" href={around} onClick={followLink} data-testid={`flag-around-${metric.id}`}>
            The days around it →
          </a>
        ) : null}
      </div>
    </li>
  );
}

/** The morning question first: what is off target or moved the wrong way, where, and since when. */
export function Attention({ flags, loading, error, retry, tested, allClear }: { flags: ShownFlag[]; loading: boolean; error: unknown; retry: () => void; tested: number; allClear: string }) {
  let body;
  if (error) body = <ErrorState what="the headline figures" error={error} onRetry={retry} />;
  else if (loading) body = <LoadingState what="what needs attention" />;
  else if (flags.length === 0) body = <p className="state-detail" data-testid="attention-all-clear">{allClear}</p>;
  else {
    body = (
      <ul className="flags">
        {flags.slice(0, SHOWN).map((f) => (
          <FlagItem key={f.metric.id} {...f} />
        ))}
      </ul>
    );
  }
  return (
    <Panel
      id="attention"
      title="What needs attention"
      className="panel-attention"
      footer={
        <p>
          Significance is held at a 5% false discovery rate over the {tested} tested headline changes (Benjamini–Hochberg).
          {flags.length > SHOWN ? ` ${flags.length - SHOWN} more below in the tiles.` : ''}
        </p>
      }
    >
      {body}
    </Panel>
  );
}
