import { useId, useState } from 'react';
import { dimensionLabel, valueLabel, type CatalogueMetric } from '../catalogue';
import { useDashboard } from '../dashboard/dashboard';
import { formatMargin, formatMetricValue } from '../format';

const DIRECTION_TEXT = { UP: 'Higher is better.', DOWN: 'Lower is better.', NEUTRAL: 'Neither direction is better in itself.' };

/**
 * A metric's label with its definition one hover or focus away, on every screen: the definition,
 * what a rate divides by what, the target and the defaults (e.g. which label sources recall uses),
 * all from the catalogue.
 */
export function MetricName({ metric, label }: { metric: CatalogueMetric | undefined; label?: string }) {
  const { catalogue } = useDashboard();
  const id = useId();
  // Escape closes the definition but leaves focus on its button (WCAG 1.4.13): blurring would drop it to the page.
  const [dismissed, setDismissed] = useState(false);
  const text = label ?? metric?.label ?? '…';
  if (!metric) return <span className="metric-name">{text}</span>;
  const defaults = metric.defaultFilters.map(
    (f) =>
      `${dimensionLabel(catalogue, f.dimension)}: ${f.values.map((v) => valueLabel(catalogue, f.dimension, v)).join(', ')}`,
  );
  return (
    <span className="metric-name">
      {text}
      <button
        type="button"
        className="info-button"
        aria-label={`Definition of ${metric.label}`}
        aria-describedby={id}
        data-dismissed={dismissed || undefined}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setDismissed(true);
        }}
        onBlur={() => setDismissed(false)}
      >
        i
      </button>
      <span className="definition" role="tooltip" id={id}>
        <strong>{metric.label}.</strong> {metric.definition}
        {metric.numeratorLabel && metric.denominatorLabel ? (
          <span className="definition-line">
            = {metric.numeratorLabel} ÷ {metric.denominatorLabel}
          </span>
        ) : null}
        <span className="definition-line">
          {DIRECTION_TEXT[metric.goodDirection]}
          {metric.target
            ? ` Target: ${metric.target.direction === 'AT_MOST' ? '≤' : '≥'} ${formatMetricValue(metric.target.value, metric.unit)} (at risk within ${formatMargin(metric.target.atRiskMargin, metric.unit)}).`
            : ''}
        </span>
        {defaults.length > 0 ? <span className="definition-line">Unless you choose otherwise: {defaults.join('; ')}.</span> : null}
      </span>
    </span>
  );
}
