import { viewHref } from '../../views';
import { Panel } from '../../components/Panel';
import { formatMetricValue, formatRelative } from '../../format';
import type { RetrospectiveQuery } from '../../generated/graphql';
import { changeTone } from '../../panels/KpiTile';
import { followLink } from '../../state/location';
import { formatQ, signedChange } from './format';
import { TableScroll } from '../../components/TableScroll';

type Answer = RetrospectiveQuery['retrospective'];
type Mover = Answer['movers'][number];

/** The sentence that keeps movers honest: how many cells were tested, and at which error rate. */
export function moversSentence(tested: number, falseDiscoveryRate: number): string {
  const cells = `${tested.toLocaleString('en-US')} ${tested === 1 ? 'cell' : 'cells'} tested`;
  return `${cells}; changes shown are significant at a ${Number((falseDiscoveryRate * 100).toFixed(1))} % false discovery rate (Benjamini–Hochberg).`;
}

/**
 * What the Contribution column means, beside its header (see the server's movers: a count's cell
 * change over the total change; a rate's shift-share, cell volume share × cell rate change).
 */
export const CONTRIBUTION_DEFINITION =
  "how much of the metric's overall change this cell accounts for: for counts, its change as a share of the total change; for rates, its share of the week's volume × its rate change";

/**
 * The region × policy and vendor × queue cells that changed beyond noise, by metric, largest
 * contribution to the metric's total change first. Each opens the metric on that cell.
 */
export function Movers({ retro }: { retro: Answer }) {
  const metrics = [...new Set(retro.movers.map((m) => m.metric.id))];
  return (
    <Panel id="movers" title="Top movers" subtitle="Cells that changed against the week before (model precision: the four weeks before)"
      footer={<p data-testid="retro-movers-tested">{moversSentence(retro.moversTested, retro.falseDiscoveryRate)}</p>}
    >
      {retro.movers.length === 0 ? (
        <p className="state-detail">No cell changed significantly.</p>
      ) : (
        <TableScroll label="Movers">
          <table className="data-table retro-table" data-testid="retro-movers">
            <thead>
              <tr>
                <th scope="col">Slice</th>
                <th scope="col">Before</th>
                <th scope="col">Last week</th>
                <th scope="col">Change</th>
                <th scope="col">
                  Contribution <span className="th-definition" data-testid="contribution-definition">{CONTRIBUTION_DEFINITION}</span>
                </th>
                <th scope="col">q-value</th>
              </tr>
            </thead>
            {metrics.map((id) => {
              const rows = retro.movers.filter((m) => m.metric.id === id).sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
              return (
                <tbody key={id}>
                  <tr className="retro-group">
                    <th scope="colgroup" colSpan={6}>
                      {rows[0]!.metric.label}
                    </th>
                  </tr>
                  {rows.map((m) => (
                    <MoverRow key={m.keys.join('|')} mover={m} />
                  ))}
                </tbody>
              );
            })}
          </table>
        </TableScroll>
      )}
    </Panel>
  );
}

function MoverRow({ mover: m }: { mover: Mover }) {
  const { unit } = m.metric;
  const tone = changeTone(m.change, m.metric.goodDirection, m.metric.unit);
  return (
    <tr data-testid="retro-mover" data-metric={m.metric.id} data-keys={m.keys.join('|')}>
      <th scope="row">
        <a className="retro-link" href={viewHref(m.view, null)} onClick={followLink}>
          {m.labels.join(' × ')}
        </a>
      </th>
      <td>
        {formatMetricValue(m.previous.value, unit)}
        {m.baseline === 'TRAILING_4_WEEKS' ? <span className="figure-sub"> (4 weeks)</span> : null}
      </td>
      <td>
        <strong>{formatMetricValue(m.current.value, unit)}</strong>
      </td>
      <td className={`change change-${tone}`}>{signedChange(m.change, unit)}</td>
      <td title="Share of the metric's total change due to this cell">{formatRelative(m.contribution)}</td>
      <td>{formatQ(m.qValue)}</td>
    </tr>
  );
}
