import { findMetric, type CatalogueMetric } from '../../catalogue';
import { MetricName } from '../../components/MetricName';
import { Panel } from '../../components/Panel';
import { ErrorState, LoadingState } from '../../components/StateViews';
import { useDashboard } from '../../dashboard/dashboard';
import { formatCount, formatInterval, formatMetricValue } from '../../format';
import type { BreakdownQuery } from '../../generated/graphql';
import { useBreakdown } from '../../panels/useBreakdown';
import { TableScroll } from '../../components/TableScroll';

const COLUMNS = ['precision', 'recall', 'f1', 'false_positive_rate', 'flag_rate', 'predictions'] as const;

type Cell = BreakdownQuery['breakdown']['cells'][number];

/**
 * Versions side by side over the range, for the slice: each figure with its interval and the
 * number of labelled items it rests on, so a version with little data is not over-read.
 */
export function VersionTable({ onPick, picked }: { onPick: (version: string) => void; picked: string | undefined }) {
  const { catalogue } = useDashboard();
  // COLUMNS is a constant, so the hooks run in the same order on every render.
  const answers = COLUMNS.map((id) => ({ id, answer: useBreakdown(id, ['MODEL_VERSION']) }));
  const failed = answers.find((a) => a.answer.error || a.answer.setupError);
  const metrics = COLUMNS.map((id) => findMetric(catalogue, id));
  const versions = [...new Set(answers.flatMap((a) => a.answer.breakdown?.cells.map((c) => c.keys[0]!) ?? []))].sort();
  const cellOf = (i: number, version: string): Cell | undefined => answers[i]?.answer.breakdown?.cells.find((c) => c.keys[0] === version);
  const labelSources = answers.find((a) => a.id === 'recall')?.answer.breakdown?.filters.find((f) => f.dimension === 'LABEL_SOURCE');

  let body;
  if (failed) {
    body = <ErrorState what="the version comparison" error={failed.answer.setupError ?? failed.answer.error} onRetry={failed.answer.retry} />;
  } else if (answers.some((a) => !a.answer.breakdown)) {
    body = <LoadingState what="the version comparison" />;
  } else if (versions.length === 0) {
    body = <p className="state-detail">No model version scored anything in this slice and range.</p>;
  } else {
    body = (
      <TableScroll label="Versions">
        <table className="data-table" data-testid="version-table">
          <thead>
            <tr>
              <th scope="col">Version</th>
              {metrics.map((m, i) => (
                <th scope="col" key={COLUMNS[i]}>
                  <MetricName metric={m} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version} className={version === picked ? 'is-picked' : undefined}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onPick(version)} aria-pressed={version === picked}>
                    {version}
                  </button>
                </th>
                {metrics.map((m, i) => (
                  <td key={COLUMNS[i]}>
                    <Figure metric={m} cell={cellOf(i, version)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    );
  }
  return (
    <Panel
      id="versions"
      title="Version comparison"
      footer={
        <p>
          Recall, F1 and false-positive rate rest on{' '}
          {labelSources ? labelSources.values.join(', ').replaceAll('_', ' ') : 'unbiased label sources'}; precision on every
          label source unless one is chosen — the curve below uses the same labels as recall for both, so its precision can differ from this table's. Pick a version for its curve and threshold table.
        </p>
      }
    >
      {body}
    </Panel>
  );
}

function Figure({ metric, cell }: { metric: CatalogueMetric | undefined; cell: Cell | undefined }) {
  if (!metric || !cell || cell.point.value === null) return <span className="tile-muted">–</span>;
  const { point } = cell;
  const interval = formatInterval(point.low, point.high, metric.unit);
  return (
    <span className={point.lowSample ? 'figure is-low' : 'figure'}>
      <strong>{formatMetricValue(point.value, metric.unit)}</strong>
      {interval ? <span className="figure-sub">{interval}</span> : null}
      {point.denominator !== null && metric.kind !== 'COUNT' ? <span className="figure-sub">n = {formatCount(point.denominator)}</span> : null}
      {point.lowSample ? <span className="low-sample">low sample</span> : null}
    </span>
  );
}
