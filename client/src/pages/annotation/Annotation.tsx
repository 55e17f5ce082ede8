import { useEffect } from 'react';
import { preloadChart } from '../../charts/LazyChart';
import { Select } from '../../components/Select';
import { useDashboard } from '../../dashboard/dashboard';
import type { Dimension } from '../../generated/graphql';
import { KpiGrid, type TileGroup } from '../../panels/KpiGrid';
import { TimeChartPanel } from '../../panels/TimeChartPanel';
import { createUrlCodec, oneOf, optional, textWhere } from '../../state/urlState';
import { useUrlState } from '../../state/useUrlState';
import { dimensionOptions, metricOptions } from '../dimensionOptions';
import { KappaPanel } from './KappaPanel';
import { QualityTable } from './QualityTable';

const SPLITS: readonly Dimension[] = ['VENDOR', 'QUEUE', 'LANGUAGE', 'SITE', 'REGION', 'POLICY'];
const TABLE_METRICS = ['golden_accuracy', 'qa_pass_rate', 'disagreement_rate', 'krippendorff_alpha', 'percent_agreement'] as const;
type TableMetric = (typeof TABLE_METRICS)[number];
const annotatorId = textWhere((v) => /^[A-Za-z0-9_.:-]{1,64}$/.test(v));

const annotationCodec = createUrlCodec({
  throughputBy: { param: 'throughput_by', codec: oneOf(SPLITS), default: 'VENDOR' as Dimension },
  qualityBy: { param: 'quality_by', codec: oneOf(SPLITS), default: 'VENDOR' as Dimension },
  table: { param: 'table', codec: oneOf(TABLE_METRICS), default: 'golden_accuracy' as TableMetric },
  annotatorA: { param: 'annotator_a', codec: optional(annotatorId), default: null as string | null },
  annotatorB: { param: 'annotator_b', codec: optional(annotatorId), default: null as string | null },
});

const TILES: readonly TileGroup[] = [
  { title: 'Throughput', metrics: ['labels', 'active_annotators', 'productivity', 'handle_time_p50', 'tasks_completed', 'turnaround_p50'] },
  { title: 'Backlog and SLA', metrics: ['annotation_backlog', 'annotation_sla'] },
  { title: 'Quality', metrics: ['golden_accuracy', 'qa_pass_rate', 'disagreement_rate', 'percent_agreement', 'krippendorff_alpha'] },
];

/**
 * Annotation: are the labelling teams keeping up (throughput, speed, backlog, SLA by vendor,
 * queue or language), and are their labels any good (golden sets, QA, agreement), with a
 * vendor × policy quality table.
 */
export function Annotation() {
  const { catalogue } = useDashboard();
  const [view, setView] = useUrlState(annotationCodec);
  useEffect(preloadChart, []);
  const splitPicker = (key: 'throughputBy' | 'qualityBy') => (
    <Select label="By" compact value={view[key]} options={dimensionOptions(catalogue, SPLITS)} onChange={(d) => setView((v) => ({ ...v, [key]: d }))} />
  );

  return (
    <>
      <KpiGrid groups={TILES} label="Annotation figures" />

      <div className="section-head">
        <h2 className="section-title">Throughput, backlog and SLA</h2>
        {splitPicker('throughputBy')}
      </div>
      <div className="panel-grid">
        <TimeChartPanel metric="labels" groupBy={view.throughputBy} kind="stacked" />
        <TimeChartPanel metric="annotation_backlog" groupBy={view.throughputBy} />
        <TimeChartPanel metric="annotation_sla" groupBy={view.throughputBy} />
        <TimeChartPanel metric="productivity" groupBy={view.throughputBy} />
        <TimeChartPanel metric="handle_time_p50" groupBy={view.throughputBy} />
        <TimeChartPanel metric="handle_time_p90" groupBy={view.throughputBy} />
        <TimeChartPanel metric="turnaround_p50" groupBy={view.throughputBy} />
        <TimeChartPanel metric="turnaround_p90" groupBy={view.throughputBy} />
      </div>

      <div className="section-head">
        <h2 className="section-title">Quality</h2>
        {splitPicker('qualityBy')}
      </div>
      <div className="panel-grid">
        <TimeChartPanel metric="golden_accuracy" groupBy={view.qualityBy} />
        <TimeChartPanel metric="qa_pass_rate" groupBy={view.qualityBy} />
        <TimeChartPanel metric="disagreement_rate" groupBy={view.qualityBy} />
        <TimeChartPanel metric="krippendorff_alpha" groupBy={view.qualityBy} />
        <QualityTable
          metricId={view.table}
          picker={
            <Select
              label="Metric"
              compact
              value={view.table}
              options={metricOptions(catalogue, TABLE_METRICS) as { value: TableMetric; label: string }[]}
              onChange={(table) => setView((v) => ({ ...v, table }))}
            />
          }
        />
        <TimeChartPanel metric="percent_agreement" groupBy={view.qualityBy} />
        <KappaPanel
          pair={{ a: view.annotatorA, b: view.annotatorB }}
          onPair={({ a, b }) => setView((v) => ({ ...v, annotatorA: a, annotatorB: b }))}
        />
      </div>
    </>
  );
}
