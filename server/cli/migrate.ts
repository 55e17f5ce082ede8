// `npm run migrate`: apply pending migrations to the configured database and exit.
import { runCli } from './run.js';
import { migrate } from '../db/migrate.js';

await runCli('migrate', async ({ db, log }) => {
  const result = await migrate(db, log);
  log.info({ applied: result.applied, alreadyApplied: result.alreadyApplied }, 'migrations up to date');
});
