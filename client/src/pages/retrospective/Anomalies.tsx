import { viewHref } from '../../views';
import { Panel } from '../../components/Panel';
import { formatMetricValue } from '../../format';
import type { RetrospectiveQuery } from '../../generated/graphql';
import { followLink } from '../../state/location';
import { formatMoment } from '../../time/labels';
import { TableScroll } from '../../components/TableScroll';

type Anomaly = RetrospectiveQuery['retrospective']['anomalies'][number];

/** Days outside the band of the same weekday in the six weeks before: weekend dips are not news. */
export function Anomalies({ anomalies }: { anomalies: readonly Anomaly[] }) {
  return (
    <Panel id="anomalies" title="Anomalies" subtitle="Days outside the band of the same weekday over the six weeks before (median ± 3.5 robust standard deviations)">
      {anomalies.length === 0 ? (
        <p className="state-detail">No day stood out.</p>
      ) : (
        <TableScroll label="Anomalies">
          <table className="data-table retro-table" data-testid="retro-anomalies">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col" className="retro-left">
                  Metric and slice
                </th>
                <th scope="col">Value</th>
                <th scope="col">Expected</th>
                <th scope="col">Band</th>
              </tr>
            </thead>
            <tbody>
              {anomalies.map((a) => {
                const unit = a.metric.unit;
                return (
                  <tr key={`${a.metric.id}|${a.day}|${a.sliceKey ?? ''}`} data-testid="retro-anomaly">
                    <td>{formatMoment(a.day)}</td>
                    <th scope="row" className="retro-wrap">
                      <a className="retro-link" href={viewHref(a.view, null)} onClick={followLink}>
                        {a.metric.label} · {a.sliceLabel ?? 'all'}
                      </a>
                    </th>
                    <td className={a.direction === 'ABOVE' ? 'retro-above' : 'retro-below'}>
                      <strong>{formatMetricValue(a.value, unit)}</strong> {a.direction === 'ABOVE' ? '▲ above' : '▼ below'}
                    </td>
                    <td>{formatMetricValue(a.expected, unit)}</td>
                    <td>
                      {formatMetricValue(a.low, unit)} – {formatMetricValue(a.high, unit)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Panel>
  );
}
