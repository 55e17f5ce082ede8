import { useSession } from '../auth/SessionGate';
import { atLeast } from '../auth/session';
import { FIRST_RUN_POLL_MS } from '../dashboard/DashboardProvider';
import { followLink } from '../state/location';

/**
 * An empty database: say what Vigil waits for and the two ways to fill it, instead of skeletons
 * that never resolve. The page looks again by itself and fills in when the first events land.
 */
export function FirstRun({ page }: { page: string }) {
  const { user } = useSession();
  return (
    <section className="panel first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h2 id="first-run-title" className="panel-title">
        No data yet
      </h2>
      <p>
        The database holds no moderation decisions, so the {page} has nothing to show. Vigil is waiting for its first events; this page
        looks again every {FIRST_RUN_POLL_MS / 1000} seconds and fills in by itself.
      </p>
      <h3 className="first-run-heading">Send your data</h3>
      <p>
        Producers push events over HTTP, one endpoint per stream: <code>POST /ingest/v1/moderation-decisions</code> (and the other streams),
        NDJSON or a JSON array, with an ingestion token as <code>Authorization: Bearer …</code>. The README&apos;s section{' '}
        <em>Ingestion: pushing events into Vigil</em> describes every stream and field.
      </p>
      {atLeast(user, 'admin') ? (
        <p>
          <a className="button" href="/admin?section=tokens" onClick={followLink}>
            Create an ingestion token
          </a>
        </p>
      ) : (
        <p>An admin creates ingestion tokens on the Admin page (Ingestion tokens).</p>
      )}
      <h3 className="first-run-heading">Or load the demo</h3>
      <p>
        Start the server with <code>VIGIL_DEMO=1</code> (the default; this one runs with it off): it loads 90 days of made-up data when the
        database is empty at start. Or run <code>npm run seed</code> to load the demo into the configured database.
      </p>
    </section>
  );
}
