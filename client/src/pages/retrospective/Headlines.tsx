import { viewHref } from '../../views';
import { findMetric } from '../../catalogue';
import { MetricName } from '../../components/MetricName';
import { Panel } from '../../components/Panel';
import { useDashboard } from '../../dashboard/dashboard';
import { formatMetricValue, formatPValue } from '../../format';
import type { MetricFamily, RetrospectiveQuery } from '../../generated/graphql';
import { changeTone } from '../../panels/KpiTile';
import { followLink } from '../../state/location';
import { relativeChange, signedChange, STATUS_CLASS, STATUS_TEXT } from './format';
import { TableScroll } from '../../components/TableScroll';

type Headline = RetrospectiveQuery['retrospective']['headlines'][number];

const FAMILIES: readonly { family: MetricFamily; title: string }[] = [
  { family: 'MODERATION', title: 'Moderation' },
  { family: 'MODELS', title: 'Models' },
  { family: 'ANNOTATION_THROUGHPUT', title: 'Annotation throughput' },
  { family: 'ANNOTATION_QUALITY', title: 'Annotation quality' },
];

/**
 * The week's headline figures against the week before and the trailing four weeks, by family.
 * Each row opens the metric over those five weeks, in the retrospective's slice.
 */
export function Headlines({ headlines }: { headlines: readonly Headline[] }) {
  const { catalogue } = useDashboard();
  const familyOf = (h: Headline) => findMetric(catalogue, h.metric.id)?.family ?? 'MODERATION';
  return (
    <Panel id="headlines" title="Headlines" subtitle="Last week against the week before and the four weeks before it (counts per week; rates pooled)">
      <TableScroll label="Headlines">
        <table className="data-table retro-table" data-testid="retro-headlines">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Last week</th>
              <th scope="col">Week before</th>
              <th scope="col">Trailing 4 weeks</th>
              <th scope="col">Change</th>
              <th scope="col">Relative</th>
              <th scope="col">Significance</th>
              <th scope="col">Target</th>
            </tr>
          </thead>
          {FAMILIES.map(({ family, title }) => {
            const rows = headlines.filter((h) => familyOf(h) === family);
            if (rows.length === 0) return null;
            return (
              <tbody key={family}>
                <tr className="retro-group">
                  <th scope="colgroup" colSpan={8}>
                    {title}
                  </th>
                </tr>
                {rows.map((h) => (
                  <HeadlineRow key={h.metric.id} headline={h} />
                ))}
              </tbody>
            );
          })}
        </table>
      </TableScroll>
    </Panel>
  );
}

function HeadlineRow({ headline: h }: { headline: Headline }) {
  const { catalogue } = useDashboard();
  const metric = findMetric(catalogue, h.metric.id);
  const { unit } = h.metric;
  const tone = changeTone(h.absoluteChange, h.metric.goodDirection, unit);
  return (
    <tr data-testid={`retro-headline-${h.metric.id}`}>
      <th scope="row">
        <a className="retro-link" href={viewHref(h.view, null)} onClick={followLink}>
          {h.metric.label}
        </a>
        <MetricName metric={metric} label="" />
      </th>
      <td>
        <strong>{formatMetricValue(h.lastWeek.value, unit)}</strong>
      </td>
      <td>{formatMetricValue(h.weekBefore?.value ?? null, unit)}</td>
      <td>{formatMetricValue(h.trailing?.value ?? null, unit)}</td>
      <td className={`change change-${tone}`}>{signedChange(h.absoluteChange, unit)}</td>
      <td className={`change change-${tone}`}>{relativeChange(h.relativeChange)}</td>
      <td>
        {h.pValue === null ? (
          <span className="tile-muted">not tested</span>
        ) : (
          <span className={h.significant ? 'significance is-significant' : 'significance'} title={h.significant ? 'Significant at 5 %' : 'Not significant at 5 %'}>
            <span className="significance-dot" aria-hidden="true" />
            {h.significant ? 'significant' : 'n.s.'}, {formatPValue(h.pValue)}
          </span>
        )}
      </td>
      <td>
        {h.targetStatus === 'NO_TARGET' ? (
          <span className="tile-muted">no target</span>
        ) : (
          <span className={`badge ${STATUS_CLASS[h.targetStatus]}`}>{STATUS_TEXT[h.targetStatus]}</span>
        )}
      </td>
    </tr>
  );
}
