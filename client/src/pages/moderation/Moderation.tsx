import { useEffect } from 'react';
import { preloadChart } from '../../charts/LazyChart';
import { Select } from '../../components/Select';
import { useDashboard } from '../../dashboard/dashboard';
import type { Dimension } from '../../generated/graphql';
import { BreakdownPanel } from '../../panels/BreakdownPanel';
import { KpiGrid, type TileGroup } from '../../panels/KpiGrid';
import { TimeChartPanel } from '../../panels/TimeChartPanel';
import { createUrlCodec, oneOf } from '../../state/urlState';
import { useUrlState } from '../../state/useUrlState';
import { dimensionOptions, metricOptions } from '../dimensionOptions';

const VOLUME_SPLITS: readonly Dimension[] = ['ACTION', 'POLICY', 'REGION', 'DETECTION_SOURCE', 'CONTENT_TYPE'];
const RATE_SPLITS: readonly Dimension[] = ['REGION', 'POLICY', 'DETECTION_SOURCE', 'CONTENT_TYPE', 'COUNTRY'];
const REVIEW_SPLITS: readonly Dimension[] = ['REGION', 'QUEUE', 'POLICY'];
const HEATMAP_METRICS = ['review_sla', 'action_rate', 'proactive_rate', 'automated_share', 'removal_within_24h', 'removal_before_views', 'time_to_action_p50', 'appeal_rate', 'overturn_rate', 'decisions', 'review_backlog'] as const;

const TILES: readonly TileGroup[] = [
  { title: 'Volumes', metrics: ['decisions', 'actioned', 'appeals'] },
  { title: 'Enforcement', metrics: ['action_rate', 'proactive_rate', 'automated_share', 'removal_within_24h', 'removal_before_views'] },
  { title: 'Speed and review', metrics: ['time_to_action_p50', 'time_to_action_p90', 'review_backlog', 'review_oldest_wait', 'review_sla'] },
  { title: 'Appeals', metrics: ['appeal_rate', 'overturn_rate'] },
];

/** The page's own choices, in the URL next to the filters. */
const moderationCodec = createUrlCodec({
  volumeBy: { param: 'volume_by', codec: oneOf(VOLUME_SPLITS), default: 'ACTION' as Dimension },
  split: { param: 'split', codec: oneOf(RATE_SPLITS), default: 'REGION' as Dimension },
  reviewBy: { param: 'review_by', codec: oneOf(REVIEW_SPLITS), default: 'REGION' as Dimension },
  heat: { param: 'heat', codec: oneOf(HEATMAP_METRICS), default: 'review_sla' as (typeof HEATMAP_METRICS)[number] },
});

/**
 * Moderation: volumes by action, policy, region, detection source and content type; the
 * enforcement rates, speed, appeals and review queues; and a region × policy heatmap.
 */
export function Moderation() {
  const { catalogue } = useDashboard();
  const [view, setView] = useUrlState(moderationCodec);
  useEffect(preloadChart, []);
  const splitPicker = (
    <Select label="Split by" compact value={view.split} options={dimensionOptions(catalogue, RATE_SPLITS)} onChange={(split) => setView((v) => ({ ...v, split }))} />
  );

  return (
    <>
      <KpiGrid groups={TILES} label="Moderation figures" />

      <h2 className="section-title">Volumes</h2>
      <div className="panel-grid">
        {(['decisions', 'actioned'] as const).map((metric) => (
          <TimeChartPanel
            key={metric}
            metric={metric}
            groupBy={view.volumeBy}
            kind="stacked"
            controls={
              <Select
                label="By"
                compact
                value={view.volumeBy}
                options={dimensionOptions(catalogue, VOLUME_SPLITS)}
                onChange={(volumeBy) => setView((v) => ({ ...v, volumeBy }))}
              />
            }
          />
        ))}
      </div>

      <div className="section-head">
        <h2 className="section-title">Enforcement and speed</h2>
        {splitPicker}
      </div>
      <div className="panel-grid">
        {['proactive_rate', 'action_rate', 'automated_share', 'removal_within_24h', 'removal_before_views', 'time_to_action_p50', 'time_to_action_p90'].map((metric) => (
          <TimeChartPanel key={metric} metric={metric} groupBy={view.split} />
        ))}
      </div>

      <h2 className="section-title">Appeals</h2>
      <div className="panel-grid">
        <TimeChartPanel metric="appeals" groupBy={view.split} kind="stacked" />
        <TimeChartPanel metric="appeal_rate" groupBy={view.split} />
        <TimeChartPanel metric="overturn_rate" groupBy={view.split} />
      </div>

      <div className="section-head">
        <h2 className="section-title">Review queues</h2>
        <Select label="By" compact value={view.reviewBy} options={dimensionOptions(catalogue, REVIEW_SPLITS)} onChange={(reviewBy) => setView((v) => ({ ...v, reviewBy }))} />
      </div>
      <div className="panel-grid">
        <TimeChartPanel metric="review_backlog" groupBy={view.reviewBy} />
        <TimeChartPanel metric="review_oldest_wait" groupBy={view.reviewBy} />
        <TimeChartPanel metric="review_sla" groupBy={view.reviewBy} />
      </div>

      <h2 className="section-title">Where: region × policy</h2>
      <BreakdownPanel
        metric={view.heat}
        dimensions={['REGION', 'POLICY']}
        className="panel-wide"
        anchor="heatmap"
        controls={
          <Select
            label="Metric"
            compact
            value={view.heat}
            options={metricOptions(catalogue, HEATMAP_METRICS) as { value: (typeof HEATMAP_METRICS)[number]; label: string }[]}
            onChange={(heat) => setView((v) => ({ ...v, heat }))}
          />
        }
      />
    </>
  );
}
