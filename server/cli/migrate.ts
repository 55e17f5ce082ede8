// `npm run migrate`: apply pending migrations to the configured database and exit. Ingestion
// batches a crash left half-written are completed first, as at the server's start, so that a
// migration rebuilding a rollup from the raw tables never counts them twice.
import { runCli } from './run.js';
import { migrate } from '../db/migrate.js';
import { Ingestor } from '../ingest/ingest.js';
import { shareWatermark } from '../db/sharedLedger.js';

await runCli('migrate', async ({ db, log, config }) => {
  const finished = await new Ingestor(db).finishUnfinished();
  if (finished > 0) log.warn({ batches: finished }, 'completed ingestion batches left unfinished by a previous run');
  const result = await migrate(db, log);
  log.info({ applied: result.applied, alreadyApplied: result.alreadyApplied }, 'migrations up to date');
  // running servers sharing state forget the answers computed before a migration rebuilt a rollup
  shareWatermark(db, config);
  await db.answers?.publish();
});
