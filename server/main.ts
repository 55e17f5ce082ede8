// `npm start`: configure, open the database, complete the ingestion batches and the demo load a
// crash left unfinished, migrate, load the demo into an empty database, build the SPA when it is
// missing, and serve everything on one port until SIGINT/SIGTERM.
import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { loadConfig, type Config } from './config.js';
import { createLogger } from './log.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate, pendingMigrations } from './db/migrate.js';
import { refreshAgreement } from './queries/agreementRefresh.js';
import { countModerationDecisions } from './queries/dataStatus.js';
import { defaultDemoOptions, resumeDemoLoads, seedDemo } from './demo/seed.js';
import { createApolloServer } from './graphql/server.js';
import { createApp, CLIENT_DIST } from './http/app.js';
import { buildClient } from './http/buildClient.js';
import { Ingestor } from './ingest/ingest.js';
import { createSecurity, ensureFirstAdmin, sharedLedgerFor, type Security } from './auth/security.js';
import { ProcessLanes, SharedLanes } from './ingest/lanes.js';
import { shareWatermark } from './db/sharedLedger.js';
import { DataCatalogueCache } from './metrics/dataInventory.js';
import { AlertEngine } from './alerts/engine.js';
import { installDefaultRules } from './alerts/defaults.js';
import { createChannel } from './alerts/channels.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    // a bad setting: the one line that names it, not a stack trace
    process.stderr.write(`vigil: ${(e as Error).message}\n`);
    process.exit(1);
  }
  const log = createLogger(config.logLevel);
  let db: Database | undefined;
  let ingestDb: Database | undefined;
  let security: Security;
  try {
    db = await openDatabase(config, log);
    // ingestion may write with its own, insert-only ClickHouse user
    ingestDb = config.clickhouseIngest ? await openDatabase({ ...config, clickhouse: config.clickhouseIngest }, log, db.answers) : db;
    if (!config.migrateOnStart) {
      const pending = await pendingMigrations(db);
      if (pending.length) throw new Error(`migrations not applied: ${pending.join(', ')}. Run \`npm run migrate\` with a ClickHouse user that may change the schema, or set VIGIL_MIGRATE=1.`);
    }
    // Several servers: answers are forgotten when any server writes (VIGIL_SHARED_STATE=clickhouse),
    // and batches a crash left half-written are completed in lanes shared with the others — once the
    // migrations were applied apart (VIGIL_MIGRATE=0, checked above). A server applying them itself
    // runs alone (README, Running on a cluster) and the shared tables may not exist before it has.
    if (!config.migrateOnStart) shareWatermark(db, config);
    // Batches a crash left half-written are completed before anything else: before migrations,
    // so that one rebuilding a rollup from the raw tables never counts them twice.
    const ledger = sharedLedgerFor(db, config.sharedState);
    const lanes = ledger.kind === 'clickhouse' && !config.migrateOnStart ? new SharedLanes(ledger) : new ProcessLanes();
    const finished = await new Ingestor(ingestDb, lanes).finishUnfinished();
    if (finished > 0) log.warn({ batches: finished }, 'completed ingestion batches left unfinished by the previous run');
    if (config.migrateOnStart) {
      await migrate(db, log);
      shareWatermark(db, config);
    }
    security = createSecurity(db, log, config.auth, ledger);
    const admin = await ensureFirstAdmin(security);
    if (admin?.generatedPassword) {
      // printed once, to the terminal only (not the log); it is stored only as a hash
      process.stdout.write(`\nFirst start: created the admin user "${admin.username}" with the password\n\n    ${admin.generatedPassword}\n\nSign in and change it (or set VIGIL_ADMIN_PASSWORD before the first start). It is not shown again.\n\n`);
    } else if (admin) log.info({ username: admin.username }, 'first admin created from VIGIL_ADMIN_PASSWORD');
    const needsBuild = config.buildClientIfMissing && !fs.existsSync(path.join(CLIENT_DIST, 'index.html'));
    const building = needsBuild ? buildClient().then(() => log.info('dashboard built')) : Promise.resolve();
    // a demo load that was interrupted is completed whatever VIGIL_DEMO says: half a demo misleads
    await resumeDemoLoads(db, log);
    if (config.demo.seedWhenEmpty && (await countModerationDecisions(db)) === 0) {
      await seedDemo(db, log, defaultDemoOptions(config.demo));
    }
    // agreement's per-day sums catch up with labels stored since the last run (all days after
    // migration 0022), so no dashboard request pays for it
    const started = performance.now();
    const refreshed = await refreshAgreement(db);
    if (refreshed.length) log.info({ days: refreshed.length, ms: Math.round(performance.now() - started) }, 'agreement sums brought up to date');
    await building;
  } catch (e) {
    process.stderr.write(`vigil: ${(e as Error).message}\n`);
    if (ingestDb && ingestDb !== db) await ingestDb.close().catch(() => undefined);
    if (db) await db.close().catch(() => undefined);
    process.exit(1);
  }

  const apollo = createApolloServer(config.auth);
  await apollo.start();
  const catalogue = new DataCatalogueCache(db);
  const channels = config.alerts.channels.map((c) => createChannel(c, config.alerts.smtp));
  const alerts = config.alerts.enabled
    ? new AlertEngine(db, log, {
      channels, publicUrl: config.publicUrl ?? '', digestChannels: config.alerts.digestChannels, digestHour: config.alerts.digestHour, catalogue: () => catalogue.get(),
    })
    : null;
  const app = createApp({
    db, ingestDb, log, apollo, security, ingest: config.ingest, publicUrl: config.publicUrl, catalogue,
    // the API names channels by id and kind only: addresses and secrets stay inside each channel's send
    alerts: { channels, kick: () => alerts?.kick() },
  });
  // evaluation and notifications run beside the server, never inside a request
  if (alerts) {
    void catalogue.get()
      .then((data) => installDefaultRules(db, data))
      .then((created) => created.length && log.info({ rules: created }, 'default alert rules created'))
      .catch((e) => log.error({ err: e }, 'could not create the default alert rules'))
      .then(() => alerts.start(config.alerts.intervalSeconds));
  }
  const server: Server = app.listen(config.port, config.host);
  server.on('error', (e) => {
    process.stderr.write(`vigil: cannot listen on ${config.host}:${config.port} (${e.message}). Set PORT to a free port.\n`);
    process.exit(1);
  });
  server.on('listening', () => {
    const port = (server.address() as { port: number }).port;
    log.info({ port, database: db.kind }, 'serving');
    process.stdout.write(`Vigil is running at http://localhost:${port}\n`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    server.close();
    server.closeIdleConnections();
    await apollo.stop();
    await alerts?.stop();
    if (ingestDb !== db) await ingestDb.close();
    await db.close(); // waits for queries in flight before closing the engine
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

await main();
