import { useMemo, useState, useEffect, useId } from 'react';
import { dimensionLabel, valueLabel } from '../../catalogue';
import { curveChartOption, type ModelCurve, type ThresholdRow } from '../../charts/curveOption';
import { LazyChart } from '../../charts/LazyChart';
import { Panel } from '../../components/Panel';
import { useDashboard } from '../../dashboard/dashboard';
import { useApi } from '../../dashboard/useApi';
import { formatCount, formatPercent } from '../../format';
import { ModelCurveDocument } from '../../generated/graphql';
import { PanelStates } from '../../panels/PanelStates';
import { useMetric } from '../../panels/useMetric';
import { TableScroll } from '../../components/TableScroll';

/** The curve's own filters: region, policy and label source (model and version are arguments). */
const CURVE_DIMENSIONS = new Set(['REGION', 'POLICY', 'LABEL_SOURCE']);

/** Thresholds worth a row: every 0.05, plus the deployed and the best one. */
export function tableRows(curve: ModelCurve): ThresholdRow[] {
  const keep = (r: ThresholdRow) =>
    Math.round(r.threshold * 100) % 5 === 0 ||
    r.threshold === curve.deployedThreshold ||
    r.threshold === curve.bestThreshold?.threshold;
  return curve.thresholds.filter(keep);
}

const pct = (v: number | null) => (v === null ? '–' : formatPercent(v));

/**
 * One version's precision-recall curve, threshold table, "best threshold for precision ≥ X" and
 * confusion matrix at the deployed threshold, on the slice's region, policy and label source.
 */
export function CurvePanel({
  model,
  version,
  precisionTarget,
  onTarget,
}: {
  model: string;
  version: string;
  precisionTarget: number;
  onTarget: (target: number) => void;
}) {
  const { catalogue, resolved, pollInterval } = useDashboard();
  const { filters, setupError } = useMetric('recall');
  const own = filters.filter((f) => CURVE_DIMENSIONS.has(f.dimension));
  const query = useApi(
    ModelCurveDocument,
    resolved ? { input: { model, version, range: resolved.range, precisionTarget, ...(own.length ? { filters: own } : {}) } } : undefined,
    pollInterval,
  );
  const curve = query.data?.modelCurve;
  const option = useMemo(() => (curve ? curveChartOption(curve) : undefined), [curve]);
  const targetId = useId();
  // The input keeps what is typed; the URL (and the query) only take a valid target.
  const [typed, setTyped] = useState(String(Math.round(precisionTarget * 100)));
  useEffect(() => setTyped(String(Math.round(precisionTarget * 100))), [precisionTarget]);

  const sources = curve?.labelSources.map((s) => valueLabel(catalogue, 'LABEL_SOURCE', s)).join(', ');
  const slice = own
    .filter((f) => f.dimension !== 'LABEL_SOURCE')
    .map((f) => `${dimensionLabel(catalogue, f.dimension)}: ${f.values.map((v) => valueLabel(catalogue, f.dimension, v)).join(', ')}`)
    .join(' · ');
  const best = curve?.bestThreshold;
  const confusion = curve?.confusion;

  return (
    <Panel
      id="curve"
      className="panel-wide"
      title={`Precision–recall of ${model} ${version}`}
      subtitle={`${slice || 'All regions and policies'} · labels: ${sources ?? '…'}`}
      busy={query.loading}
      aside={
        <div className="field field-compact">
          <label className="field-label" htmlFor={targetId}>
            Precision at least (%)
          </label>
          <input
            id={targetId}
            className="number-input"
            type="number"
            min={50}
            max={99}
            step={1}
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 50 && n <= 99) onTarget(n / 100);
            }}
          />
        </div>
      }
      footer={
        curve ? (
          <>
            <p>
              {curve.unbiased
                ? 'Every label source here is an unbiased sample, so recall is honest.'
                : 'Some labels come from biased sources (e.g. human review of flagged items): recall and the false-positive rate are not representative.'}{' '}
              {formatCount(curve.positives)} violating and {formatCount(curve.negatives)} benign labelled items
              {curve.averagePrecision !== null ? `; average precision ${curve.averagePrecision.toFixed(3)}` : ''}.
            </p>
            <p data-testid="curve-label-sources">{curveSourcesNote(sources ?? '')}</p>
            {curve.positives + curve.negatives < 30 ? <p className="low-sample">Fewer than 30 labelled items: read the curve with care.</p> : null}
          </>
        ) : undefined
      }
    >
      <PanelStates
        what="precision–recall curve"
        setupError={setupError}
        error={query.error}
        onRetry={query.retry}
        loading={!curve || !option}
        empty={curve ? curve.positives + curve.negatives === 0 : false}
      >
        {() => (
          <div className="curve-layout">
            <div>
              <LazyChart option={option!} label={`Precision against recall for ${model} ${version}`} className={query.loading ? 'is-stale' : undefined} />
              <p className="best-threshold" data-testid="best-threshold">
                {best ? (
                  <>
                    Best threshold for precision ≥ {formatPercent(precisionTarget, 0)}: <strong>{best.threshold.toFixed(2)}</strong> — precision{' '}
                    {pct(best.precision)} (95 % interval {pct(curve!.bestThresholdPrecisionLow)}–{pct(curve!.bestThresholdPrecisionHigh)}, on{' '}
                    {formatCount(curve!.bestThresholdSupport ?? 0)} flagged labelled items), recall {pct(best.recall)}
                    {curve!.deployedThreshold !== null ? ` (deployed: ${curve!.deployedThreshold.toFixed(2)})` : ''}.
                  </>
                ) : (
                  <>{curve!.bestThresholdNote ?? `No threshold reaches precision ≥ ${formatPercent(precisionTarget, 0)} on these labels.`}</>
                )}
              </p>
            </div>
            <div>
              {confusion ? (
                <table className="data-table confusion" aria-label={`Confusion matrix at the deployed threshold ${confusion.threshold.toFixed(2)}`}>
                  <caption>At the deployed threshold {confusion.threshold.toFixed(2)}</caption>
                  <thead>
                    <tr>
                      <td />
                      <th scope="col">Flagged</th>
                      <th scope="col">Not flagged</th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <th scope="row">Violating</th>
                      <td className="cm-good">{formatCount(confusion.truePositives)} TP</td>
                      <td className="cm-bad">{formatCount(confusion.falseNegatives)} FN</td>
                    </tr>
                    <tr>
                      <th scope="row">Benign</th>
                      <td className="cm-bad">{formatCount(confusion.falsePositives)} FP</td>
                      <td className="cm-good">{formatCount(confusion.trueNegatives)} TN</td>
                    </tr>
                  </tbody>
                </table>
              ) : null}
              <TableScroll label="Thresholds" className="table-short">
                <table className="data-table" data-testid="threshold-table">
                  <caption>Thresholds</caption>
                  <thead>
                    <tr>
                      <th scope="col">Threshold</th>
                      <th scope="col">Precision</th>
                      <th scope="col">Recall</th>
                      <th scope="col">F1</th>
                      <th scope="col">FPR</th>
                      <th scope="col">Flagged</th>
                    </tr>
                  </thead>
                  <tbody>
                    {tableRows(curve!).map((r) => (
                      <tr
                        key={r.threshold}
                        className={r.threshold === best?.threshold ? 'is-best' : r.threshold === curve!.deployedThreshold ? 'is-picked' : undefined}
                      >
                        <th scope="row">
                          {r.threshold.toFixed(2)}
                          {r.threshold === curve!.deployedThreshold ? ' (deployed)' : r.threshold === best?.threshold ? ' (best)' : ''}
                        </th>
                        <td>{pct(r.precision)}</td>
                        <td>{pct(r.recall)}</td>
                        <td>{pct(r.f1)}</td>
                        <td>{pct(r.falsePositiveRate)}</td>
                        <td>{formatCount(r.truePositives + r.falsePositives)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </div>
          </div>
        )}
      </PanelStates>
    </Panel>
  );
}

/**
 * The curve and the version table answer precision from different labels unless a label source is
 * picked: the curve from the labels named here (unbiased by default, so that recall is honest),
 * the table's precision from every label source. Said on the page so the two never seem to disagree.
 */
export function curveSourcesNote(sources: string): string {
  return `Precision and recall here rest on ${sources || 'the label sources chosen'}; the version table's precision rests on every label source unless one is chosen, so the two can differ.`;
}
