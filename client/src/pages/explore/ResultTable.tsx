import { KIND_DRAWING } from '../../metricKinds';
import type { CatalogueMetric } from '../../catalogue';
import { formatCount, formatInterval, formatMetricValue } from '../../format';
import type { Grain } from '../../generated/graphql';
import { bucketTitle } from '../../time/labels';
import type { ResultRow, Sort, SortColumn } from './rows';
import { TableScroll } from '../../components/TableScroll';

interface ResultTableProps {
  rows: readonly ResultRow[];
  metric: CatalogueMetric;
  /** Set for series (a bucket column); absent for breakdowns. */
  time?: { grain: Grain; zone: string };
  splits: readonly string[];
  previous: boolean;
  sort: Sort;
  onSort: (sort: Sort) => void;
}

/** The numbers of the chart, sortable by any column; what the CSV export writes. */
export function ResultTable({ rows, metric, time, splits, previous, sort, onSort }: ResultTableProps) {
  const { unit } = metric;
  const header = (column: SortColumn, label: string) => {
    const active = sort.column === column;
    return (
      <th scope="col" key={column} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
        <button
          type="button"
          className="sort-button"
          onClick={() => onSort({ column, descending: active ? !sort.descending : column !== 'bucket' && column !== 'group' && column !== 'group2' })}
        >
          {label}
          {active ? (sort.descending ? ' ▾' : ' ▴') : ''}
        </button>
      </th>
    );
  };
  const count = (v: number | null) => (v === null ? '–' : formatCount(v));
  return (
    <TableScroll label="Result table" className="table-tall">
      <table className="data-table" data-testid="result-table">
        <thead>
          <tr>
            {time ? header('bucket', 'Bucket') : null}
            {splits.map((s, i) => header(i === 0 ? 'group' : 'group2', s))}
            {header('value', metric.label)}
            {header('numerator', metric.numeratorLabel ?? 'Numerator')}
            {header('denominator', metric.denominatorLabel ?? KIND_DRAWING[metric.kind].denominatorNoun)}
            {header('low', '95% interval')}
            {previous ? header('previous', 'Comparison period') : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.bucket ?? ''}|${r.keys.join('|')}`} className={r.point.lowSample ? 'is-low' : undefined}>
              {time ? <th scope="row">{bucketTitle(r.bucket!, time.grain, time.zone)}</th> : null}
              {splits.map((_, i) =>
                i === 0 && !time ? (
                  <th scope="row" key={i}>
                    {r.labels[i]}
                  </th>
                ) : (
                  <td key={i}>{r.labels[i]}</td>
                ),
              )}
              <td data-col="value">
                {formatMetricValue(r.point.value, unit)}
                {r.point.lowSample ? <span className="low-sample"> low sample</span> : null}
              </td>
              <td data-col="numerator">{count(r.point.numerator)}</td>
              <td data-col="denominator">{count(r.point.denominator)}</td>
              <td>{formatInterval(r.point.low, r.point.high, unit) ?? '–'}</td>
              {previous ? <td>{formatMetricValue(r.previous ?? null, unit)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
