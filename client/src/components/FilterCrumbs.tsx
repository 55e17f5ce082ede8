import { dimensionLabel, valueLabel } from '../catalogue';
import { useDashboard } from '../dashboard/dashboard';
import { dimensionFilters, withFilterValues, withoutDimensionFilters } from '../state/filterState';

/**
 * The breadcrumb of applied filters, whether set in the bar or by clicking a chart: each one
 * reads "Region: Latin America" and can be removed on its own, or all at once.
 */
export function FilterCrumbs() {
  const { catalogue, filters, setFilters, resolved } = useDashboard();
  const applied = dimensionFilters(filters);
  if (applied.length === 0 && !resolved?.note) return null;
  return (
    <nav className="crumbs" aria-label="Applied filters">
      {applied.length > 0 ? <span className="crumbs-label">Showing</span> : null}
      <ul className="crumbs-list">
        {applied.map((f) => {
          const label = dimensionLabel(catalogue, f.dimension);
          const values = f.values.map((v) => valueLabel(catalogue, f.dimension, v)).join(', ');
          return (
            <li key={f.dimension} className="crumb">
              <span>
                {label}: <strong>{values}</strong>
              </span>
              <button
                type="button"
                className="crumb-remove"
                aria-label={`Remove filter ${label}: ${values}`}
                onClick={() => setFilters((s) => withFilterValues(s, f.dimension, []))}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {applied.length > 1 ? (
        <button type="button" className="link-button" onClick={() => setFilters((s) => withoutDimensionFilters(s))}>
          Clear all
        </button>
      ) : null}
      {resolved?.note ? <p className="crumbs-note">{resolved.note}</p> : null}
    </nav>
  );
}
