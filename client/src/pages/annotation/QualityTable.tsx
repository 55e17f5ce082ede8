import { dimensionLabel, findMetric } from '../../catalogue';
import { MetricName } from '../../components/MetricName';
import { Panel } from '../../components/Panel';
import { useDashboard } from '../../dashboard/dashboard';
import { shortfall } from '../../metricKinds';
import { formatCount, formatInterval, formatMetricValue } from '../../format';
import type { Dimension } from '../../generated/graphql';
import { heatmapAxes, type BreakdownCell } from '../../charts/breakdownOption';
import { PanelStates } from '../../panels/PanelStates';
import { useBreakdown } from '../../panels/useBreakdown';
import { inSentence } from '../../panels/useMetric';
import { withFilterValues } from '../../state/filterState';
import { TableScroll } from '../../components/TableScroll';

type Point = BreakdownCell['point'];

/** A cell's standing against the target: the same three states as the tiles. */
export function cellStatus(point: Point, target: { value: number; direction: string; atRiskMargin: number } | null): string {
  if (point.value === null || !target) return '';
  if (shortfall(point.value, target) > 0) return 'cell-breached';
  const slack = target.direction === 'AT_MOST' ? target.value - point.value : point.value - target.value;
  return slack < target.atRiskMargin ? 'cell-at-risk' : 'cell-on-target';
}

/**
 * Vendor × policy as a table: every cell with its value, interval and the number of items behind
 * it, coloured against the target, with the vendor and policy totals at the margins. A click on a
 * cell narrows the whole page to that vendor and policy.
 */
export function QualityTable({ metricId, picker }: { metricId: string; picker: React.ReactNode }) {
  const { catalogue, setFilters } = useDashboard();
  const dims: [Dimension, Dimension] = ['VENDOR', 'POLICY'];
  const answer = useBreakdown(metricId, dims, [], 50);
  const { breakdown } = answer;
  const metric = findMetric(catalogue, metricId);
  const target = metric?.target ?? null;
  const unit = metric?.unit ?? 'RATIO';
  const axes = breakdown ? heatmapAxes(breakdown) : { rows: [], columns: [] };
  const cell = (row: string, column: string) => breakdown?.cells.find((c) => c.keys[0] === row && c.keys[1] === column);

  const figure = (point: Point | undefined, onClick?: () => void) => {
    if (!point || point.value === null) return <span className="tile-muted">–</span>;
    const interval = formatInterval(point.low, point.high, unit);
    const content = (
      <>
        <strong>{formatMetricValue(point.value, unit)}</strong>
        <span className="figure-sub">{point.denominator !== null ? `n = ${formatCount(point.denominator)}` : ''}</span>
        {point.lowSample ? <span className="low-sample">low sample</span> : null}
      </>
    );
    return onClick ? (
      <button type="button" className="cell-button figure" onClick={onClick} title={interval ? `95% interval ${interval}` : undefined}>
        {content}
      </button>
    ) : (
      <span className="figure" title={interval ? `95% interval ${interval}` : undefined}>
        {content}
      </span>
    );
  };

  return (
    <Panel
      id="quality-table"
      className="panel-wide"
      title={
        <>
          <MetricName metric={metric} /> by vendor × policy
        </>
      }
      name={`${metric?.label ?? metricId} by vendor × policy`}
      aside={picker}
      busy={answer.loading}
      footer={
        <p>
          {target
            ? `Cells are coloured against the target (${target.direction === 'AT_MOST' ? '≤' : '≥'} ${formatMetricValue(target.value, unit)}): green on target, amber at risk, red breached. `
            : ''}
          Hover a cell for its 95% interval; click it to narrow the page to that {dimensionLabel(catalogue, 'VENDOR').toLowerCase()} and policy.
        </p>
      }
    >
      <PanelStates
        what={inSentence(metric?.label ?? metricId)}
        setupError={answer.setupError}
        error={answer.error}
        onRetry={answer.retry}
        loading={!breakdown}
        empty={breakdown ? breakdown.cells.length === 0 : false}
      >
        {() => (
          <TableScroll label="Quality by vendor">
            <table className="data-table quality-table" data-testid="quality-table">
              <thead>
                <tr>
                  <th scope="col">{dimensionLabel(catalogue, 'VENDOR')}</th>
                  {axes.columns.map((c) => (
                    <th scope="col" key={c.key}>
                      {c.label}
                    </th>
                  ))}
                  <th scope="col">All policies</th>
                </tr>
              </thead>
              <tbody>
                {axes.rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    {axes.columns.map((column) => {
                      const c = cell(row.key, column.key);
                      return (
                        <td key={column.key} className={c ? cellStatus(c.point, target) : ''}>
                          {figure(c?.point, () =>
                            setFilters((s) => withFilterValues(withFilterValues(s, 'VENDOR', [row.key]), 'POLICY', [column.key])),
                          )}
                        </td>
                      );
                    })}
                    <td className={cellStatus(row.point, target)}>{figure(row.point)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">All vendors</th>
                  {axes.columns.map((column) => (
                    <td key={column.key} className={cellStatus(column.point, target)}>
                      {figure(column.point)}
                    </td>
                  ))}
                  <td>{breakdown ? figure(breakdown.total) : null}</td>
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        )}
      </PanelStates>
    </Panel>
  );
}
