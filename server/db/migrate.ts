// Applies migrations/NNNN_name.sql in order and records each in schema_migrations with its
// checksum. ClickHouse has no transactional DDL, so every statement is idempotent (IF NOT EXISTS)
// and a migration is recorded as 'started' before and 'applied' after: one interrupted half-way
// is reported and re-applied from its first statement on the next run.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';
import type { Logger } from '../log.js';
import { renderForCluster, type ClusterTarget } from './clusterRender.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export class MigrationError extends Error {}

export interface Migration {
  version: number;
  name: string;
  file: string;
  checksum: string;
  statements: string[];
}

/** Splits a SQL file into statements on `;` outside quotes and comments. */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (quote) {
      current += ch;
      if (ch === '\\') current += sql[++i] ?? '';
      else if (ch === quote) quote = null;
    } else if (ch === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      current += '\n';
    } else if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
      current += ch;
    } else if (ch === ';') {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const seen = new Set<number>();
  return files.map((file) => {
    const m = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new MigrationError(`migrations/${file}: name must look like 0001_what_it_does.sql`);
    const version = Number(m[1]);
    if (seen.has(version)) throw new MigrationError(`migrations/${file}: version ${m[1]} is used twice`);
    seen.add(version);
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    return {
      version,
      name: m[2]!,
      file,
      checksum: createHash('sha256').update(text).digest('hex'),
      statements: splitStatements(text),
    };
  });
}

/**
 * The statements a migration runs: the file's own on one node; on a cluster, each rendered with
 * ON CLUSTER, replicated engines and local + Distributed tables (clusterRender.ts).
 */
export function migrationStatements(m: Pick<Migration, 'file' | 'statements'>, cluster: ClusterTarget | null): string[] {
  if (!cluster) return m.statements;
  return m.statements.flatMap((statement, i) => {
    try {
      return renderForCluster(statement, cluster);
    } catch (e) {
      throw new MigrationError(`migrations/${m.file} statement ${i + 1} cannot be rendered for cluster ${cluster.cluster}: ${(e as Error).message}.`);
    }
  });
}

const LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations
(
    version    UInt32,
    name       String,
    checksum   String,
    status     LowCardinality(String),
    at         DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY (version, at)`;

interface LedgerRow {
  version: number;
  checksum: string;
  status: 'started' | 'applied';
}

export interface MigrateResult {
  applied: number[];
  alreadyApplied: number;
}

async function readLedger(db: Database): Promise<Map<number, LedgerRow>> {
  const rows = await db.select<LedgerRow>(
    'migrate.read_ledger',
    `SELECT version, argMax(checksum, at) AS checksum, argMax(status, at) AS status
     FROM schema_migrations GROUP BY version ORDER BY version`,
  );
  return new Map(rows.map((r) => [Number(r.version), r]));
}

/**
 * Migrations not applied yet, read without changing anything: for a server whose ClickHouse user
 * may not run DDL (VIGIL_MIGRATE=0; `npm run migrate` runs with an admin user instead).
 */
export async function pendingMigrations(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const ledger = await readLedger(db).catch(() => new Map<number, LedgerRow>());
  return loadMigrations(dir).filter((m) => ledger.get(m.version)?.status !== 'applied').map((m) => m.file);
}

export async function migrate(db: Database, log: Logger, dir = MIGRATIONS_DIR): Promise<MigrateResult> {
  const migrations = loadMigrations(dir);
  // rendered before anything changes: a table missing from the cluster registry stops here
  const statements = new Map(migrations.map((m) => [m.version, migrationStatements(m, db.cluster)]));
  for (const ledger of migrationStatements({ file: 'schema_migrations', statements: [LEDGER] }, db.cluster)) await db.command('migrate.ledger', ledger);
  const ledger = await readLedger(db);

  // Refuse before changing anything: an applied migration must never change.
  for (const m of migrations) {
    const done = ledger.get(m.version);
    if (done?.status === 'applied' && done.checksum !== m.checksum) {
      throw new MigrationError(
        `migrations/${m.file} was edited after it was applied (checksum ${done.checksum.slice(0, 12)}… recorded, ${m.checksum.slice(0, 12)}… on disk). ` +
          'Applied migrations are immutable: restore the file and put the change in a new migration.',
      );
    }
  }
  const known = new Set(migrations.map((m) => m.version));
  for (const v of ledger.keys()) {
    if (!known.has(v)) log.warn({ version: v }, 'the database has a migration that is not in migrations/ (a newer Vigil?)');
  }

  const applied: number[] = [];
  for (const m of migrations) {
    const done = ledger.get(m.version);
    if (done?.status === 'applied') continue;
    if (done?.status === 'started') {
      log.warn({ migration: m.file }, 'migration was interrupted on a previous run; re-applying it (its statements are idempotent)');
    }
    const record = (status: string) =>
      db.command('migrate.record', `INSERT INTO schema_migrations (version, name, checksum, status, at) SELECT {v:UInt32}, {n:String}, {c:String}, {s:String}, now64(3)`, {
        v: m.version,
        n: m.name,
        c: m.checksum,
        s: status,
      });
    await record('started');
    const run = statements.get(m.version)!;
    for (const [i, statement] of run.entries()) {
      try {
        await db.command(`migrate.apply`, statement);
      } catch (e) {
        throw new MigrationError(
          `migrations/${m.file} failed at statement ${i + 1} of ${run.length}${db.cluster ? ' (as rendered for the cluster)' : ''}: ${(e as Error).message.split('\n')[0]}. ` +
            'Fix the migration (it is not applied yet) and start again; the statements before it are idempotent.',
        );
      }
    }
    await record('applied');
    applied.push(m.version);
    log.info({ migration: m.file, statements: run.length }, 'migration applied');
  }
  return { applied, alreadyApplied: migrations.length - applied.length };
}
