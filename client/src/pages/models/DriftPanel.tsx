import { useMemo } from 'react';
import { driftChartOption, psiReading } from '../../charts/driftOption';
import { driftText } from '../../charts/chartData';
import { LazyChart } from '../../charts/LazyChart';
import { Panel } from '../../components/Panel';
import { useDashboard } from '../../dashboard/dashboard';
import { useApi } from '../../dashboard/useApi';
import { formatCount } from '../../format';
import { ScoreDriftDocument } from '../../generated/graphql';
import { PanelStates } from '../../panels/PanelStates';
import { useMetric } from '../../panels/useMetric';
import { baselineRange } from '../../time/comparison';
import { formatRange } from '../../time/labels';

const DRIFT_DIMENSIONS = new Set(['REGION', 'POLICY']);

/** Has the score distribution of a version moved since the comparison period? (PSI) */
export function DriftPanel({ model, version }: { model: string; version: string }) {
  const { resolved, filters: slice, pollInterval } = useDashboard();
  const { filters, setupError } = useMetric('predictions');
  const own = [...filters.filter((f) => DRIFT_DIMENSIONS.has(f.dimension)), { dimension: 'MODEL_VERSION' as const, values: [version] }];
  const baseline = resolved ? baselineRange(resolved.range, slice) : null;
  const query = useApi(
    ScoreDriftDocument,
    resolved && baseline ? { input: { model, baseline, current: resolved.range, filters: own } } : undefined,
    pollInterval,
  );
  const drift = query.data?.scoreDrift;
  const labels = useMemo(
    () =>
      resolved && baseline
        ? { baseline: formatRange(baseline.from, baseline.to, null, resolved.zone), current: formatRange(resolved.range.from, resolved.range.to, null, resolved.zone) }
        : { baseline: 'Before', current: 'Now' },
    [resolved, baseline?.from, baseline?.to],
  );
  const option = useMemo(() => (drift ? driftChartOption(drift, labels) : undefined), [drift, labels]);

  return (
    <Panel
      id="drift"
      title={`Score drift of ${model} ${version}`}
      subtitle="Population stability index between the comparison period and now"
      busy={query.loading}
      aside={
        drift ? (
          <div className="kpi">
            <span className="kpi-value" data-testid="psi">
              {drift.psi === null ? '–' : drift.psi.toFixed(3)}
            </span>
            <span className="kpi-label">PSI · {psiReading(drift.psi)}</span>
          </div>
        ) : undefined
      }
      footer={
        drift ? (
          <p>
            {formatCount(drift.currentCount)} scores now against {formatCount(drift.baselineCount)} before. Under 0.1 is read as stable, above 0.25 as a
            large shift.
          </p>
        ) : undefined
      }
    >
      {baseline ? (
        <PanelStates
          what="score drift"
          setupError={setupError}
          error={query.error}
          onRetry={query.retry}
          loading={!drift || !option}
          empty={drift ? drift.currentCount === 0 && drift.baselineCount === 0 : false}
        >
          {() => <LazyChart option={option!} label={`Score distributions of ${model} ${version}, before and now`} text={drift ? driftText(drift, labels) : undefined} />}
        </PanelStates>
      ) : (
        <p className="state-detail">Choose a comparison period in the filter bar to compare score distributions.</p>
      )}
    </Panel>
  );
}
