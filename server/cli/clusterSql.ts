// `npx tsx server/cli/clusterSql.ts <cluster> [database]`: prints every migration as
// `npm run migrate` runs it with VIGIL_CLUSTER=<cluster> (and CLICKHOUSE_DATABASE=<database>,
// default vigil), without connecting to anything — to review the SQL before applying it.
import { ConfigError, loadConfig } from '../config.js';
import { loadMigrations, migrationStatements } from '../db/migrate.js';

try {
  const [cluster, database] = process.argv.slice(2);
  if (!cluster) throw new ConfigError('usage: npx tsx server/cli/clusterSql.ts <cluster> [database]');
  // the same checks as the server's settings
  const config = loadConfig({ CLICKHOUSE_URL: 'http://localhost:8123', VIGIL_CLUSTER: cluster, CLICKHOUSE_DATABASE: database });
  const target = { cluster: config.cluster!, database: config.clickhouse!.database };
  const text = loadMigrations().map((m) => `-- ${m.file}\n\n${migrationStatements(m, target).map((s) => `${s};\n`).join('\n')}`);
  process.stdout.write(text.join('\n'));
} catch (e) {
  process.stderr.write(`vigil cluster-sql: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
