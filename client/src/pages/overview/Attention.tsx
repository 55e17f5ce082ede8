import { MetricName } from '../../components/MetricName';
import { Panel } from '../../components/Panel';
import { ErrorState, LoadingState } from '../../components/StateViews';
import { useDashboard } from '../../dashboard/dashboard';
import { useDrill } from '../../dashboard/useDrill';
import { formatCount, formatMetricValue, formatPValue } from '../../format';
import { followLink } from '../../state/location';
import { filterQuery, withRange } from '../../state/filterState';
import { runText, widenedRange } from '../../dashboard/eventWindow';
import { changeText } from '../../panels/KpiTile';
import type { Flag } from './attention';

const SHOWN = 5;

const REASON_TEXT: Record<Flag['reasons'][number], string> = {
  breached: 'target breached',
  'at-risk': 'at risk',
  significant: 'significant change',
  'large-move': 'large change (no test)',
};

function FlagItem({ flag }: { flag: Flag }) {
  const { metric, kpi } = flag;
  const { resolved, catalogue } = useDashboard();
  const drill = useDrill(metric, kpi, true, true);
  const { culprit, badRun } = drill;
  const change = changeText(kpi, metric.unit);
  const severity = flag.reasons.includes('breached') ? 'bad' : 'warn';
  let when: string | null = null;
  let around: string | null = null;
  if (badRun && resolved) {
    const side = metric.target ? (metric.target.direction === 'AT_MOST' ? 'above target' : 'below target') : 'worse than before';
    when = runText(side, badRun, resolved.dataEnd, kpi.currentRange.to);
    // the same slice over the days around the event (before it, and whether it recovered)
    const widened = withRange(drill.slice, widenedRange(badRun, resolved.dataEnd, catalogue?.dataFrom ?? null), catalogue);
    around = `${drill.page}${filterQuery({ ...widened, zone: badRun.zone })}#${metric.id}`;
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
        {drill.pending ? (
          <span className="tile-muted">Looking for the slice behind it…</span>
        ) : culprit ? (
          <>
            Worst: <strong data-testid={`flag-where-${metric.id}`}>{culprit.labels.join(' × ')}</strong>{' '}
            {formatMetricValue(culprit.point.value, metric.unit)}
            {culprit.point.denominator !== null ? <span className="tile-muted"> (n = {formatCount(culprit.point.denominator)})</span> : null}
            {when ? (
              <>
                , <span data-testid={`flag-when-${metric.id}`}>{when}</span>
              </>
            ) : null}
          </>
        ) : (
          <span className="tile-muted">No single slice stands out.</span>
        )}
        <a className="flag-link" href={drill.href} onClick={followLink}>
          Open in {drill.pageTitle} →
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
export function Attention({ flags, loading, error, retry, tested, allClear }: { flags: Flag[]; loading: boolean; error: unknown; retry: () => void; tested: number; allClear: string }) {
  let body;
  if (error) body = <ErrorState what="the headline figures" error={error} onRetry={retry} />;
  else if (loading) body = <LoadingState what="what needs attention" />;
  else if (flags.length === 0) body = <p className="state-detail" data-testid="attention-all-clear">{allClear}</p>;
  else {
    body = (
      <ul className="flags">
        {flags.slice(0, SHOWN).map((f) => (
          <FlagItem key={f.metric.id} flag={f} />
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
