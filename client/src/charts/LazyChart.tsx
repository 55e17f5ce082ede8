import { Suspense, lazy, type ReactNode } from 'react';
import { LoadingState } from '../components/StateViews';
import type { ChartProps } from './Chart';

// ECharts is over half of the JavaScript; loading it in its own chunk lets the shell, the
// filter bar and the skeletons paint first while the chart code downloads alongside the data.
const loadChart = () => import('./Chart');
const Chart = lazy(() => loadChart().then((module) => ({ default: module.Chart })));

/** Starts the download early, e.g. when a page with charts mounts, before any data arrives. */
export function preloadChart(): void {
  loadChart().catch(() => undefined);
}

export function LazyChart({ fallback, ...props }: ChartProps & { fallback?: ReactNode }) {
  return (
    <Suspense fallback={fallback ?? <LoadingState what="chart" />}>
      <Chart {...props} />
    </Suspense>
  );
}
