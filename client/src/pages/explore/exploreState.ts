import type { Dimension } from '../../generated/graphql';
import { DIMENSION_IDS } from '../../state/filterState';
import { createUrlCodec, integerIn, oneOf, textWhere } from '../../state/urlState';
import type { Sort, SortColumn } from './rows';

export type ExploreChart = 'line' | 'stacked' | 'bar' | 'heatmap';
export const CHART_KINDS: readonly ExploreChart[] = ['line', 'stacked', 'bar', 'heatmap'];
const SPLITS: readonly (Dimension | 'NONE')[] = ['NONE', ...DIMENSION_IDS];
const SORT_COLUMNS: readonly SortColumn[] = ['bucket', 'group', 'group2', 'value', 'numerator', 'denominator', 'low', 'high', 'previous'];

/** "value:desc": the column and direction the table is sorted by. */
const sortCodec = {
  parse(raw: readonly string[]): Sort | undefined {
    const [column, direction] = (raw[raw.length - 1] ?? '').split(':');
    if (!SORT_COLUMNS.includes(column as SortColumn)) return undefined;
    return { column: column as SortColumn, descending: direction === 'desc' };
  },
  serialize: (s: Sort) => `${s.column}:${s.descending ? 'desc' : 'asc'}`,
};

/** A switch written as sql=1 when on, absent when off. */
const flag = {
  parse: (raw: readonly string[]) => (raw.includes('1') ? true : raw.includes('0') ? false : undefined),
  serialize: (on: boolean) => (on ? '1' : '0'),
};

/** Explore's choices, in the URL beside the filters: a copied link reopens the same analysis. */
export const exploreCodec = createUrlCodec({
  metric: { param: 'metric', codec: textWhere((v) => /^[a-z0-9_]{1,64}$/.test(v)), default: 'decisions' },
  by: { param: 'by', codec: oneOf(SPLITS), default: 'NONE' as Dimension | 'NONE' },
  by2: { param: 'by2', codec: oneOf(SPLITS), default: 'NONE' as Dimension | 'NONE' },
  chart: { param: 'chart', codec: oneOf(CHART_KINDS), default: 'line' as ExploreChart },
  top: { param: 'top', codec: integerIn(1, 25), default: 8 },
  sort: { param: 'sort', codec: sortCodec, default: { column: 'bucket', descending: false } as Sort },
  sql: { param: 'sql', codec: flag, default: false },
});
