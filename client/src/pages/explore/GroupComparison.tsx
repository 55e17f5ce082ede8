import type { CatalogueMetric } from '../../catalogue';
import { TableScroll } from '../../components/TableScroll';
import { formatMetricValue, formatPValue } from '../../format';
import type { KpiGroupsQuery } from '../../generated/graphql';
import { changeText } from '../../panels/KpiTile';

export type KpiGroup = NonNullable<KpiGroupsQuery['kpis'][number]['groups']>[number];

/**
 * Explore's comparison with a split: each value now and in the comparison period, the change,
 * and its significance by the headline's rules (the server's test per value, p-values adjusted
 * by Benjamini–Hochberg across the values: significant below a 5 % false discovery rate).
 */
export function GroupComparison({ groups, metric, splitLabel }: { groups: readonly KpiGroup[]; metric: Pick<CatalogueMetric, 'unit'>; splitLabel: string }) {
  const value = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatMetricValue(v, metric.unit));
  return (
    <TableScroll label="Comparison by value">
      <table className="data-table" data-testid="group-comparison">
        <thead>
          <tr>
            <th scope="col">{splitLabel}</th>
            <th scope="col">Now</th>
            <th scope="col">Compared with</th>
            <th scope="col">Change</th>
            <th scope="col">p</th>
            <th scope="col" title="p adjusted for testing every value at once (Benjamini–Hochberg)">
              q
            </th>
            <th scope="col">Significant</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <th scope="row">{g.label}</th>
              <td className="num">{value(g.current.value)}</td>
              <td className="num">{value(g.previous?.value)}</td>
              <td className="num">{changeText(g, metric.unit) ?? '–'}</td>
              <td className="num">{g.pValue === null ? '–' : formatPValue(g.pValue)}</td>
              <td className="num">{g.qValue === null ? '–' : formatPValue(g.qValue)}</td>
              <td>{g.pValue === null ? `no test${g.test ? '' : ' for this kind'}` : g.significant ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
