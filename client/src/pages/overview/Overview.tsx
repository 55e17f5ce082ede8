import { useEffect } from 'react';
import { findMetric, type CatalogueMetric } from '../../catalogue';
import { preloadChart } from '../../charts/LazyChart';
import { FirstRun } from '../../components/FirstRun';
import { useDashboard } from '../../dashboard/dashboard';
import { BreakdownPanel } from '../../panels/BreakdownPanel';
import { EventsPanel } from '../../panels/EventsPanel';
import { useAttention } from '../../dashboard/useAttention';
import { KpiGrid, useKpis, type TileGroup } from '../../panels/KpiGrid';
import { TimeChartPanel } from '../../panels/TimeChartPanel';
import { Attention, type ShownFlag } from './Attention';
import { AlertBell } from './AlertBell';
import { allClearText } from './attention';

/** The headline figures of the four families: what an ops lead reads first every morning. */
const HEADLINES: readonly TileGroup[] = [
  { title: 'Moderation', metrics: ['decisions', 'proactive_rate', 'time_to_action_p50', 'review_backlog', 'review_sla', 'overturn_rate'] },
  { title: 'Models', metrics: ['precision', 'recall'] },
  { title: 'Annotation throughput', metrics: ['labels', 'annotation_backlog', 'annotation_sla'] },
  { title: 'Annotation quality', metrics: ['golden_accuracy', 'qa_pass_rate', 'krippendorff_alpha'] },
];

const HEADLINE_IDS = HEADLINES.flatMap((g) => g.metrics);

/**
 * Overview: what needs attention (where and since when), the headline tiles, then the few charts
 * that explain them. A click on a tile or a chart opens the page and slice behind it.
 */
export function Overview() {
  const { catalogue, noData } = useDashboard();
  useEffect(preloadChart, []);
  // the same variables as the tiles' questions: one kpis and one attention request serve both
  const { kpis } = useKpis(HEADLINE_IDS);
  const { attention, loading, error, retry } = useAttention(HEADLINE_IDS);
  const metrics = HEADLINE_IDS.map((id) => findMetric(catalogue, id)).filter((m): m is CatalogueMetric => m !== undefined);
  const flags = (attention?.flags ?? []).flatMap((flag): ShownFlag[] => {
    const metric = findMetric(catalogue, flag.metric.id);
    return metric ? [{ metric, flag }] : [];
  });
  const tested = attention?.tested ?? 0;

  if (noData) return <FirstRun page="Overview" />;
  return (
    <>
      <AlertBell />
      <Attention flags={flags} loading={loading} error={error} retry={retry} tested={tested} allClear={allClearText(metrics, kpis, tested)} />
      <KpiGrid groups={HEADLINES} label="Headline figures" />
      <EventsPanel kinds={['INCIDENT', 'ROLLBACK']} page="/" />
      <h2 className="section-title">Moderation</h2>
      <div className="panel-grid">
        <TimeChartPanel metric="decisions" groupBy="POLICY" kind="stacked" drillPage="/moderation" anchor="overview-decisions" drillAnchor="decisions" />
        <TimeChartPanel metric="review_backlog" groupBy="REGION" drillPage="/moderation" anchor="overview-review_backlog" drillAnchor="review_backlog" />
        <TimeChartPanel metric="review_sla" groupBy="REGION" drillPage="/moderation" anchor="overview-review_sla" drillAnchor="review_sla" />
        <TimeChartPanel metric="proactive_rate" groupBy="REGION" drillPage="/moderation" anchor="overview-proactive_rate" drillAnchor="proactive_rate" />
        <TimeChartPanel metric="time_to_action_p50" groupBy="REGION" drillPage="/moderation" anchor="overview-time_to_action_p50" drillAnchor="time_to_action_p50" />
      </div>
      <h2 className="section-title">Models</h2>
      <div className="panel-grid">
        {/* Over a few weeks, per-policy model figures are too thin per day; bars over the range read better. */}
        <BreakdownPanel metric="precision" dimensions={['POLICY']} drillPage="/models" anchor="overview-precision" drillAnchor="precision" />
        <BreakdownPanel metric="recall" dimensions={['POLICY']} drillPage="/models" anchor="overview-recall" drillAnchor="recall" />
      </div>
      <h2 className="section-title">Annotation</h2>
      <div className="panel-grid">
        <TimeChartPanel metric="annotation_backlog" groupBy="VENDOR" drillPage="/annotation" anchor="overview-annotation_backlog" drillAnchor="annotation_backlog" />
        <TimeChartPanel metric="annotation_sla" groupBy="VENDOR" drillPage="/annotation" anchor="overview-annotation_sla" drillAnchor="annotation_sla" />
        <TimeChartPanel metric="golden_accuracy" groupBy="VENDOR" drillPage="/annotation" anchor="overview-golden_accuracy" drillAnchor="golden_accuracy" />
        <TimeChartPanel metric="qa_pass_rate" groupBy="VENDOR" drillPage="/annotation" anchor="overview-qa_pass_rate" drillAnchor="qa_pass_rate" />
      </div>
    </>
  );
}
