import { Suspense, lazy, useId, useState, type ReactNode } from 'react';
import { LoadingState } from '../components/StateViews';
import { TableScroll } from '../components/TableScroll';
import type { ChartProps } from './Chart';
import type { ChartTable, ChartText } from './chartData';

// ECharts is over half of the JavaScript; loading it in its own chunk lets the shell, the
// filter bar and the skeletons paint first while the chart code downloads alongside the data.
const loadChart = () => import('./Chart');
const Chart = lazy(() => loadChart().then((module) => ({ default: module.Chart })));

/** Starts the download early, e.g. when a page with charts mounts, before any data arrives. */
export function preloadChart(): void {
  loadChart().catch(() => undefined);
}

function DataTable({ table, caption }: { table: ChartTable; caption: string }) {
  return (
    <TableScroll label={caption} className="table-short">
      <table className="data-table chart-table" data-testid="chart-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{table.rowHeader}</th>
            {table.columns.map((c, i) => (
              <th scope="col" key={`${i}-${c}`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.open ? (
                  <button type="button" className="link-button" onClick={row.open}>
                    {row.label}
                  </button>
                ) : (
                  row.label
                )}
              </th>
              {row.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * A chart, and its words: a summary sentence read after the chart's name, and a "Table view"
 * toggle that swaps the canvas for the figures behind it, each row's button doing what a click on
 * the chart does. The canvas (and legend paging) is for the mouse; the table is the keyboard's
 * and the screen reader's way to every value and every drill.
 */
export function LazyChart({ fallback, text, ...props }: ChartProps & { fallback?: ReactNode; text?: ChartText | undefined }) {
  const [asTable, setAsTable] = useState(false);
  const summaryId = useId();
  const chart = (
    <Suspense fallback={fallback ?? <LoadingState what="chart" />}>
      <Chart {...props} describedBy={text ? summaryId : undefined} />
    </Suspense>
  );
  if (!text) return chart;
  return (
    <div className="chart-frame">
      <div className="chart-tools">
        <button type="button" className="button button-quiet button-small" aria-pressed={asTable} onClick={() => setAsTable((t) => !t)}>
          Table view
        </button>
      </div>
      {asTable ? <DataTable table={text.table} caption={props.label} /> : chart}
      <p id={summaryId} className="visually-hidden" data-testid="chart-summary">
        {text.summary}
      </p>
    </div>
  );
}
