import { useQuery } from '@apollo/client/react';
import { FiringAlertsDocument } from '../../generated/graphql';
import { followLink } from '../../state/location';

/**
 * The Overview's bell: how many alerts fire in the asker's scope (the server answers only rules
 * whose whole slice lies inside it), each with its reason, and the way to the Alerts page.
 * Self-contained so the Overview only places it.
 */
export function AlertBell() {
  const { data, error } = useQuery(FiringAlertsDocument, { fetchPolicy: 'cache-and-network', pollInterval: 60_000 });
  if (error || !data) return null;
  const firing = data.firingAlerts;
  return (
    <details className="alert-bell" aria-label="Firing alerts">
      <summary>
        <svg className="alert-bell-icon" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
          {/* drawn, not an emoji: machines without an emoji font showed a missing-glyph box */}
          <path d="M8 1.5a4.5 4.5 0 0 0-4.5 4.5v3L2 11.5h12L12.5 9V6A4.5 4.5 0 0 0 8 1.5ZM6.5 13a1.5 1.5 0 0 0 3 0" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
        </svg>{' '}{firing.length === 0 ? 'No alert firing' : `${firing.length} alert${firing.length > 1 ? 's' : ''} firing`}
      </summary>
      <ul>
        {firing.map((f) => (
          <li key={`${f.rule.id}|${f.evaluation.groupKey}`}>
            <strong>{f.rule.name}</strong>
            {f.evaluation.groupKey ? ` — ${f.evaluation.groupLabel}` : ''}: {f.evaluation.reason}
          </li>
        ))}
      </ul>
      <a href="/alerts" onClick={followLink}>Open the Alerts page</a>
    </details>
  );
}
