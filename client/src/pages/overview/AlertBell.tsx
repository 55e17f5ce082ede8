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
        <span aria-hidden="true">🔔</span> {firing.length === 0 ? 'No alert firing' : `${firing.length} alert${firing.length > 1 ? 's' : ''} firing`}
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
