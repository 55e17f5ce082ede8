import type { MetricBreakdown } from '../../charts/breakdownOption';
import { groupName, type MetricSeries } from '../../charts/seriesOption';
import type { PointFieldsFragment as Point } from '../../generated/graphql';

/**
 * The numbers behind an Explore chart as flat rows: one per bucket and group of a series, or one
 * per cell of a breakdown. The table, its sorting and the CSV export all read these rows, so the
 * export is exactly what the table shows.
 */
export interface ResultRow {
  /** Bucket start (ISO) for series; absent for breakdowns. */
  bucket?: string;
  /** Dimension keys and labels, one per split (none when ungrouped). */
  keys: string[];
  labels: string[];
  point: Point;
  /** The comparison period's value of the same bucket, when compared (ungrouped series). */
  previous?: number | null;
}

export function seriesRows(series: MetricSeries, previous?: readonly (number | null)[]): ResultRow[] {
  const grouped = !(series.groups.length === 1 && series.groups[0]?.key === 'all');
  const rows: ResultRow[] = [];
  series.buckets.forEach((bucket, i) => {
    for (const group of series.groups) {
      const point = group.points[i];
      if (!point) continue;
      rows.push({
        bucket,
        keys: grouped ? [group.key] : [],
        labels: grouped ? [groupName(series, group)] : [],
        point,
        ...(previous ? { previous: previous[i] ?? null } : {}),
      });
    }
  });
  return rows;
}

export function breakdownRows(breakdown: MetricBreakdown): ResultRow[] {
  return breakdown.cells.map((c) => ({ keys: [...c.keys], labels: [...c.labels], point: c.point }));
}

export type SortColumn = 'bucket' | 'group' | 'group2' | 'value' | 'numerator' | 'denominator' | 'low' | 'high' | 'previous';
export interface Sort {
  column: SortColumn;
  descending: boolean;
}

function sortKey(row: ResultRow, column: SortColumn): string | number | null {
  switch (column) {
    case 'bucket':
      return row.bucket ?? '';
    case 'group':
      return row.labels[0] ?? '';
    case 'group2':
      return row.labels[1] ?? '';
    case 'previous':
      return row.previous ?? null;
    default:
      return row.point[column];
  }
}

/** A stable sort; rows without a value go last whichever the direction, as spreadsheets do. */
export function sortRows(rows: readonly ResultRow[], sort: Sort): ResultRow[] {
  const dir = sort.descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = sortKey(a.row, sort.column);
      const y = sortKey(b.row, sort.column);
      if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return order === 0 ? a.index - b.index : order * dir;
    })
    .map((r) => r.row);
}
