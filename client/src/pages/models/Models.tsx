import { useEffect } from 'react';
import { dimensionValues, findMetric } from '../../catalogue';
import { preloadChart } from '../../charts/LazyChart';
import { ALL_MARKERS } from '../../charts/markers';
import { MetricName } from '../../components/MetricName';
import { Select } from '../../components/Select';
import { useDashboard } from '../../dashboard/dashboard';
import { BreakdownPanel } from '../../panels/BreakdownPanel';
import { EventsPanel } from '../../panels/EventsPanel';
import { KpiGrid, type TileGroup } from '../../panels/KpiGrid';
import { TimeChartPanel } from '../../panels/TimeChartPanel';
import { filterValues, withFilterValues } from '../../state/filterState';
import { useUrlState } from '../../state/useUrlState';
import { dimensionOptions } from '../dimensionOptions';
import { CurvePanel } from './CurvePanel';
import { DriftPanel } from './DriftPanel';
import { TREND_SPLITS, modelsCodec } from './modelsState';
import { VersionTable } from './VersionTable';

const TILES: readonly TileGroup[] = [
  { title: 'Quality at the deployed threshold', metrics: ['precision', 'recall', 'f1', 'false_positive_rate'] },
  { title: 'Volume and support', metrics: ['predictions', 'flag_rate', 'labelled_positives', 'labelled_negatives'] },
];

const ALL_SOURCES = '';

/**
 * Models: quality of each version over time by version, policy, region or label source, with
 * rollouts marked; versions compared; one version's curve, thresholds, confusion matrix and drift.
 */
export function Models() {
  const { catalogue, filters, setFilters } = useDashboard();
  const [view, setView] = useUrlState(modelsCodec);
  useEffect(preloadChart, []);

  const models = dimensionValues(catalogue, 'MODEL');
  const versions = dimensionValues(catalogue, 'MODEL_VERSION');
  const model = filterValues(filters, 'MODEL')[0] ?? models[0]?.code;
  // The newest version by default: the one people are asking about.
  const version = view.version ?? versions[versions.length - 1]?.code;
  const sources = dimensionValues(catalogue, 'LABEL_SOURCE');
  const source = filterValues(filters, 'LABEL_SOURCE');

  return (
    <>
      <div className="page-controls">
        <Select
          label="Label source"
          value={source.length === 1 ? source[0]! : ALL_SOURCES}
          options={[{ value: ALL_SOURCES, label: 'Default (recall, F1, FPR: unbiased only)' }, ...sources.map((s) => ({ value: s.code, label: s.label }))]}
          onChange={(code) => setFilters((s) => withFilterValues(s, 'LABEL_SOURCE', code === ALL_SOURCES ? [] : [code]))}
        />
        <Select
          label="Trends by"
          value={view.by}
          options={dimensionOptions(catalogue, TREND_SPLITS)}
          onChange={(by) => setView((v) => ({ ...v, by }))}
        />
        <Select
          label="Version for the curve"
          value={version ?? ''}
          options={versions.map((v) => ({ value: v.code, label: v.label }))}
          onChange={(picked) => setView((v) => ({ ...v, version: picked }))}
        />
      </div>
      <KpiGrid groups={TILES} label="Model figures" />
      <EventsPanel kinds={['ROLLOUT', 'ROLLBACK']} page="/models" anchor="versions" />
      <div className="panel-grid">
        {['precision', 'recall', 'f1', 'false_positive_rate'].map((metric) => (
          <TimeChartPanel key={metric} metric={metric} groupBy={view.by} markerKinds={ALL_MARKERS} />
        ))}
      </div>
      <VersionTable picked={version} onPick={(picked) => setView((v) => ({ ...v, version: picked }))} />
      {model && version ? (
        <>
          <h2 className="section-title">Version {version}</h2>
          <div className="panel-grid">
            <BreakdownPanel
              metric="precision"
              dimensions={['REGION', 'POLICY']}
              filters={[{ dimension: 'MODEL_VERSION', values: [version] }]}
              anchor="version-heatmap"
              className="panel-wide"
              title={
                <>
                  <MetricName metric={findMetric(catalogue, 'precision')} /> of {version} by region × policy
                </>
              }
              name={`Precision of ${version} by region × policy`}
            />
            <CurvePanel model={model} version={version} precisionTarget={view.precisionTarget} onTarget={(precisionTarget) => setView((v) => ({ ...v, precisionTarget }))} />
            <DriftPanel model={model} version={version} />
            <TimeChartPanel metric="predictions" groupBy="MODEL_VERSION" kind="stacked" markerKinds={ALL_MARKERS} />
          </div>
        </>
      ) : null}
    </>
  );
}
