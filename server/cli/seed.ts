// `npm run seed -- [--days N] [--scale X] [--seed N] [--end YYYY-MM-DD] [--force]`
// Loads the demo into the configured database (migrating first). Refuses a database that already
// holds moderation decisions unless --force (rows would be added twice). A load that was
// interrupted is completed instead, with the options it was started with.
import { parseArgs } from 'node:util';
import { numberArg, runCli } from './run.js';
import { migrate } from '../db/migrate.js';
import { defaultDemoOptions, resumeDemoLoads, seedDemo } from '../demo/seed.js';
import { countModerationDecisions } from '../queries/dataStatus.js';

await runCli('seed', async ({ config, db, log }) => {
  const { values } = parseArgs({
    options: { days: { type: 'string' }, scale: { type: 'string' }, seed: { type: 'string' }, end: { type: 'string' }, force: { type: 'boolean' } },
  });
  const num = (name: string, raw: string | undefined, fallback: number, min: number, max: number) =>
    raw === undefined ? fallback : numberArg(name, raw, min, max);
  let end: number | undefined;
  if (values.end !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.end)) throw new Error(`--end ${values.end}: expected a date like 2026-11-16`);
    end = Date.parse(`${values.end}T00:00:00Z`) / 1000;
  }
  const options = defaultDemoOptions({
    days: Math.round(num('days', values.days, config.demo.days, 7, 730)),
    scale: num('scale', values.scale, config.demo.scale, 0.01, 50),
    seed: Math.round(num('seed', values.seed, config.demo.seed, 0, 2 ** 31 - 1)),
    end,
  });
  await migrate(db, log);
  // an interrupted load is completed first, with its own options; that is the whole job then
  if ((await resumeDemoLoads(db, log)) > 0) return;
  if (!values.force && (await countModerationDecisions(db)) > 0) {
    throw new Error('the database already holds data; use a new VIGIL_DATA_DIR, or --force to add the demo again');
  }
  await seedDemo(db, log, options);
});
