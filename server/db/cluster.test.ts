// Cluster rendering of the migrations (VIGIL_CLUSTER). No ClickHouse cluster runs here, so every
// rendered statement is parsed by the embedded engine's own parser (formatQuerySingleLine), and
// the rules a cluster needs are checked on the engine's canonical text of each statement — not on
// the renderer's own output format. The rendered SQL is kept as file snapshots
// (__snapshots__/cluster/<migration>.sql) for review.
//
// After adding a migration that creates a table: add the table to CLUSTER_TABLES
// (server/db/clusterTables.ts), then update the snapshots:
//   npx vitest run --project server server/db/cluster.test.ts -u
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLUSTER_TABLES } from './clusterTables.js';
import { ClusterRenderError, EVERY_NODE_PATH, SHARD_PATH, renderForCluster, type ClusterTarget } from './clusterRender.js';
import { MIGRATIONS_DIR, MigrationError, loadMigrations, migrate, migrationStatements, splitStatements } from './migrate.js';
import { ROLLUP_TABLES } from '../definitions/rollups.js';
import { STREAMS } from '../ingest/streams.js';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';

const TARGET: ClusterTarget = { cluster: 'vigil', database: 'vigil' };

let t: TestDatabase;
/** Every SQL text the single-node migration run sent, in order. */
let sentOnOneNode: string[] = [];
beforeAll(async () => {
  t = await openTestDatabase({ migrate: false });
  const command = vi.spyOn(t.db, 'command');
  await migrate(t.db, t.log);
  sentOnOneNode = command.mock.calls.filter(([operation]) => operation === 'migrate.apply').map(([, sql]) => sql);
  command.mockRestore();
});
afterAll(async () => t.close());

/** The engine's canonical one-line text of a statement; throws what its parser says. */
async function canonical(sql: string): Promise<string> {
  const [row] = await t.db.select<{ f: string }>('test.format', 'SELECT formatQuerySingleLine({sql:String}) AS f', { sql });
  return row!.f;
}

interface Rendered {
  file: string;
  /** the engine's canonical one-line text */
  sql: string;
  /** for a materialized view: every table its query reads, from the engine's syntax tree */
  reads?: string[];
}

/** A statement as the engine reads it: canonical text, and for a view the tables in its syntax tree. */
async function analyse(file: string, sql: string): Promise<Rendered> {
  const out: Rendered = { file, sql: await canonical(sql) };
  if (out.sql.startsWith('CREATE MATERIALIZED VIEW')) {
    const tree = (await t.db.select<unknown>('test.explain', `EXPLAIN AST ${sql}`)).map(String);
    out.reads = tree.flatMap((line) => /^\s*TableIdentifier (\w+)/.exec(line)?.[1] ?? []);
  }
  return out;
}

async function renderedCanonical(target: ClusterTarget): Promise<Rendered[]> {
  const out: Rendered[] = [];
  for (const m of loadMigrations()) {
    for (const sql of migrationStatements(m, target)) {
      try {
        out.push(await analyse(m.file, sql));
      } catch (e) {
        throw new Error(`${m.file}: the engine's parser refuses the cluster rendering of\n${sql}\n${(e as Error).message.split('\n')[0]}`);
      }
    }
  }
  return out;
}

const baseName = (table: string) => table.replace(/_local$/, '');
const isShardedLocal = (table: string) => table.endsWith('_local') && CLUSTER_TABLES[baseName(table)]?.placement === 'sharded';

/**
 * What a cluster needs of every statement, checked on the engine's canonical text (and, for the
 * tables a view reads, on its syntax tree). Returns one line per violation, naming the file and the table.
 */
function ruleViolations(statements: Rendered[], cluster: string): string[] {
  const out: string[] = [];
  for (const { file, sql, reads } of statements) {
    const where = `${file}: ${sql.slice(0, 80)}`;
    if (/^(CREATE|ALTER|DROP|RENAME|TRUNCATE|OPTIMIZE)\b/.test(sql) && !new RegExp(`^[^(]*? ON CLUSTER ${cluster}\\b`).test(sql)) {
      out.push(`${where}: no ON CLUSTER ${cluster}`);
    }
    const created = /^CREATE TABLE (?:IF NOT EXISTS )?(\w+) /.exec(sql)?.[1];
    for (const engine of sql.matchAll(/ENGINE = (\w*MergeTree)(?:\('([^']*)', '([^']*)')?/g)) {
      const [, name, zooPath, replica] = engine;
      if (!name!.startsWith('Replicated')) {
        out.push(`${where}: ${name} is not replicated`);
        continue;
      }
      const placement = created ? CLUSTER_TABLES[baseName(created)]?.placement : undefined;
      const expected = placement === 'sharded' && created!.endsWith('_local') ? SHARD_PATH : placement === 'every-node' ? EVERY_NODE_PATH : null;
      if (!expected) out.push(`${where}: ${created} is neither a sharded table's _local nor an every-node table`);
      else if (zooPath !== expected || replica !== '{replica}') out.push(`${where}: ${created} is replicated at '${zooPath}', '${replica}' instead of '${expected}', '{replica}'`);
    }
    const view = /^CREATE MATERIALIZED VIEW (?:IF NOT EXISTS )?(\w+) ON CLUSTER \S+ TO (\w+) AS /.exec(sql);
    if (/^CREATE MATERIALIZED VIEW/.test(sql) && !view) out.push(`${where}: a materialized view without TO <table>`);
    if (view) {
      const [, name, to] = view;
      if (!isShardedLocal(to!)) out.push(`${where}: view ${name} writes ${to}, not a sharded table's _local`);
      // names given by WITH … AS (…) are the query's own, not tables
      const defined = new Set([...sql.matchAll(/\bWITH (\w+) AS \(|, (\w+) AS \(/g)].map((m) => m[1] ?? m[2]));
      for (const table of reads ?? []) {
        if (!defined.has(table) && !isShardedLocal(table)) out.push(`${where}: view ${name} reads ${table}, not a sharded table's _local`);
      }
    }
  }
  return out;
}

/**
 * A rendered statement mapped back to one node: local tables by their own names, no ON CLUSTER, no
 * replication arguments, the single-node deduplication setting, no SYNC.
 */
function toOneNode(sql: string): string {
  return sql
    .replaceAll(' ON CLUSTER vigil', '')
    .replace(/\b(\w+)_local\b/g, (name, base: string) => (CLUSTER_TABLES[base]?.placement === 'sharded' ? base : name))
    .replace(/Replicated(\w*MergeTree)\('\/clickhouse\/tables\/(?:\{shard\}|all)\/\{database\}\/\{table\}', '\{replica\}'(?:, )?/g, '$1(')
    .replace(/MergeTree\(\)/g, 'MergeTree')
    .replace(/\breplicated_deduplication_window\b/g, 'non_replicated_deduplication_window')
    .replace(/ SYNC$/, '');
}

/** Tables the dashboard and ingestion read and write by name (rollups, raw streams, the model outcomes and the
 *  annotator picker's rollup): on a cluster each must be a Distributed table over its shards. */
const READ_AND_WRITTEN_BY_NAME = [...ROLLUP_TABLES, ...STREAMS.map((s) => s.table), 'model_outcomes', 'annotator_labels_hourly'];

describe('cluster rendering of the migrations', () => {
  it('every table a migration creates has an entry in CLUSTER_TABLES, and every entry is a table a migration creates', async () => {
    const created = new Set(['schema_migrations']);
    for (const m of loadMigrations()) {
      for (const s of m.statements) {
        const name = /^CREATE TABLE (?:IF NOT EXISTS )?(\w+) /.exec(await canonical(s))?.[1];
        if (name) created.add(name);
      }
    }
    const missing = [...created].filter((table) => !CLUSTER_TABLES[table]);
    expect(missing, `tables without an entry in CLUSTER_TABLES (server/db/clusterTables.ts): ${missing.join(', ')}`).toEqual([]);
    const stale = Object.keys(CLUSTER_TABLES).filter((table) => !created.has(table));
    expect(stale, `CLUSTER_TABLES entries no migration creates: ${stale.join(', ')}`).toEqual([]);
  });

  it("parses every rendered statement of every migration with the engine's parser, for any valid cluster name", async () => {
    const statements = await renderedCanonical(TARGET);
    expect(statements.length).toBeGreaterThanOrEqual(loadMigrations().flatMap((m) => m.statements).length);
    const other = await renderedCanonical({ cluster: 'tns-prod-2', database: 'trust_safety' });
    expect(other.some((s) => s.sql.includes("Distributed('tns-prod-2', 'trust_safety', 'moderation_decisions_local', cityHash64(decision_id))"))).toBe(true);
  });

  it('has ON CLUSTER on every DDL, only replicated MergeTree engines, and views on local tables only', async () => {
    expect(ruleViolations(await renderedCanonical(TARGET), 'vigil')).toEqual([]);
  });

  it('gives every table read or written by name, and every sharded table, a Distributed table over its local one, with the registry key', async () => {
    for (const table of READ_AND_WRITTEN_BY_NAME) {
      expect(CLUSTER_TABLES[table]?.placement, `${table} is read or written by name, so it must be sharded in CLUSTER_TABLES`).toBe('sharded');
    }
    const statements = (await renderedCanonical(TARGET)).map((s) => s.sql);
    for (const [table, placement] of Object.entries(CLUSTER_TABLES)) {
      if (placement.placement !== 'sharded') continue;
      const distributed = await canonical(
        `CREATE TABLE IF NOT EXISTS ${table} ON CLUSTER vigil AS ${table}_local ENGINE = Distributed('vigil', 'vigil', '${table}_local', ${placement.key})`,
      );
      // A migration that drops and re-creates a table (0012) creates it without IF NOT EXISTS.
      const plain = distributed.replace('CREATE TABLE IF NOT EXISTS ', 'CREATE TABLE ');
      expect(statements.includes(distributed) || statements.includes(plain), `${table}: no Distributed table over ${table}_local`).toBe(true);
      expect(
        statements.some((s) => s.startsWith(`CREATE TABLE IF NOT EXISTS ${table}_local ON CLUSTER vigil (`) || s.startsWith(`CREATE TABLE ${table}_local ON CLUSTER vigil (`)),
        `${table}_local`,
      ).toBe(true);
    }
  });

  it("gives every sharded table a key that is an integer expression of the table's own columns", async () => {
    for (const [table, placement] of Object.entries(CLUSTER_TABLES)) {
      if (placement.placement !== 'sharded') continue;
      const [column] = await t.db.select<{ type: string }>('test.key_type', `DESCRIBE (SELECT ${placement.key} AS k FROM ${table})`);
      expect(column?.type, `${table}: ${placement.key}`).toMatch(/^U?Int(8|16|32|64)$/);
      expect(placement.why.length, `${table}: say why this key`).toBeGreaterThan(20);
    }
  });

  it("changes nothing but placement: every rendered statement maps back to the file's, as the engine reads them", async () => {
    for (const m of loadMigrations()) {
      for (const statement of m.statements) {
        const file = await canonical(statement);
        const expected = file.replace(/ SYNC$/, '');
        for (const rendered of migrationStatements({ file: m.file, statements: [statement] }, TARGET)) {
          const sql = await canonical(rendered);
          if (/^CREATE TABLE (?:IF NOT EXISTS )?(\w+) ON CLUSTER vigil AS \1_local ENGINE = Distributed\(/.test(sql)) continue;
          const back = toOneNode(sql);
          // the Distributed table's ALTER carries only the column commands of the file's
          if (back !== expected && back.startsWith('ALTER TABLE ') && file.startsWith('ALTER TABLE ')) {
            for (const command of back.slice(back.indexOf(' (')).split('), (')) expect(file, m.file).toContain(command.replace(/^ ?\(|\)$/g, ''));
          } else expect(back, `${m.file}: ${rendered.slice(0, 80)}`).toBe(expected);
        }
      }
    }
  });

  it('keeps the rendered SQL of each migration as a reviewed snapshot', async () => {
    for (const m of loadMigrations()) {
      const text = `-- ${m.file} rendered for VIGIL_CLUSTER=vigil, CLICKHOUSE_DATABASE=vigil (generated by server/db/cluster.test.ts)\n\n` +
        migrationStatements(m, TARGET).map((s) => `${s};\n`).join('\n').replace(/[ \t]+$/gm, ''); // (lines left by comments)
      await expect(text).toMatchFileSnapshot(`./__snapshots__/cluster/${m.file}`);
    }
  });

  it("lists every table of the registry in the README's sharding choices", () => {
    const readme = fs.readFileSync(path.join(MIGRATIONS_DIR, '../README.md'), 'utf8');
    const section = /\*\*Sharding choices\*\*[\s\S]*?\n\n([\s\S]*?)\n\n/.exec(readme)![1]!;
    const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| key'));
    const listed = new Map(rows.flatMap((row) => [...row.matchAll(/`(\w+)`/g)].map((m) => [m[1]!, row])));
    for (const [table, placement] of Object.entries(CLUSTER_TABLES)) {
      if (placement.placement === 'sharded' && placement.why.startsWith('rollup filled')) continue; // "the hourly/daily rollups" row
      expect(listed.get(table), `README, Running on a cluster: ${table} is missing from the sharding choices`).toBeDefined();
      expect(listed.get(table)!.startsWith('| every node') === (placement.placement === 'every-node'), `${table}: placement in the README`).toBe(true);
    }
  });

  it('runs the files themselves, byte for byte, on one node', () => {
    const files = loadMigrations().flatMap((m) => splitStatements(fs.readFileSync(path.join(MIGRATIONS_DIR, m.file), 'utf8')));
    expect(sentOnOneNode).toEqual(files);
    for (const m of loadMigrations()) expect(migrationStatements(m, null)).toEqual(m.statements);
  });
});

describe('npx tsx server/cli/clusterSql.ts', () => {
  const run = (...args: string[]) => spawnSync('npx', ['tsx', 'server/cli/clusterSql.ts', ...args], { cwd: path.join(MIGRATIONS_DIR, '..'), encoding: 'utf8' });

  it('prints what migrate runs on the named cluster and database, without a database', () => {
    const out = run('tns-prod', 'trust_safety');
    expect(out.status).toBe(0);
    for (const m of loadMigrations()) {
      expect(out.stdout).toContain(`-- ${m.file}\n\n${migrationStatements(m, { cluster: 'tns-prod', database: 'trust_safety' })[0]};\n`);
    }
    expect(out.stdout).toContain("ENGINE = Distributed('tns-prod', 'trust_safety', 'moderation_decisions_local', cityHash64(decision_id));");
  });

  it('refuses a cluster name outside the safe characters, like the server', () => {
    const out = run("vigil'; DROP");
    expect(out.status).toBe(1);
    expect(out.stderr).toBe("vigil cluster-sql: VIGIL_CLUSTER=vigil'; DROP is not a cluster name: a letter, then up to 63 letters, digits, _ or -.\n");
    expect(out.stdout).toBe('');
  });
});

describe('the cluster rules', () => {
  // each rule must be able to fail: statements a wrong renderer could produce
  it.each([
    ["CREATE TABLE IF NOT EXISTS moderation_decisions_local (x UInt8) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}') ORDER BY x", 'no ON CLUSTER vigil'],
    ['ALTER TABLE users MODIFY SETTING replicated_deduplication_window = 10', 'no ON CLUSTER vigil'],
    ['CREATE TABLE moderation_decisions_local ON CLUSTER vigil (x UInt8) ENGINE = MergeTree ORDER BY x', 'MergeTree is not replicated'],
    ["CREATE TABLE users ON CLUSTER vigil (x UInt8) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}') ORDER BY x", "users is replicated at '/clickhouse/tables/{shard}/{database}/{table}'"],
    ['CREATE MATERIALIZED VIEW m ON CLUSTER vigil TO moderation_hourly AS SELECT 1 FROM moderation_decisions_local', 'writes moderation_hourly, not a sharded'],
    ['CREATE MATERIALIZED VIEW m ON CLUSTER vigil TO moderation_hourly_local AS SELECT 1 FROM moderation_decisions', 'reads moderation_decisions, not a sharded'],
    ['CREATE MATERIALIZED VIEW m ON CLUSTER vigil TO model_outcomes_local AS SELECT 1 FROM ground_truth_labels_local AS g INNER JOIN predictions_by_content AS p ON 1', 'reads predictions_by_content, not a sharded'],
    ['CREATE MATERIALIZED VIEW m ON CLUSTER vigil TO model_outcomes_local AS SELECT 1 FROM ground_truth_labels_local WHERE content_id IN (SELECT content_id FROM model_predictions)', 'reads model_predictions, not a sharded'],
  ])('flags %s', async (sql, violation) => {
    const violations = ruleViolations([await analyse('test.sql', sql)], 'vigil');
    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain(violation);
  });
});

describe('the cluster renderer', () => {
  const render = (sql: string) => renderForCluster(sql, TARGET);

  it('keeps an engine parameter after the replication ones, and adds none to an empty list', () => {
    expect(render('CREATE TABLE IF NOT EXISTS sessions (r UInt8) ENGINE = ReplacingMergeTree(r) ORDER BY r')).toEqual([
      "CREATE TABLE IF NOT EXISTS sessions ON CLUSTER 'vigil' (r UInt8) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/{database}/{table}', '{replica}', r) ORDER BY r",
    ]);
    expect(render('CREATE TABLE users (u String) ENGINE = MergeTree() ORDER BY u')).toEqual([
      "CREATE TABLE users ON CLUSTER 'vigil' (u String) ENGINE = ReplicatedMergeTree('/clickhouse/tables/all/{database}/{table}', '{replica}') ORDER BY u",
    ]);
  });

  it('changes the columns of both tables of a sharded table, and its storage on the local one only', () => {
    expect(render('ALTER TABLE qa_audits ADD COLUMN IF NOT EXISTS note String, MODIFY SETTING non_replicated_deduplication_window = 5, DROP COLUMN IF EXISTS old')).toEqual([
      "ALTER TABLE qa_audits_local ON CLUSTER 'vigil' ADD COLUMN IF NOT EXISTS note String, MODIFY SETTING replicated_deduplication_window = 5, DROP COLUMN IF EXISTS old",
      "ALTER TABLE qa_audits ON CLUSTER 'vigil' ADD COLUMN IF NOT EXISTS note String, DROP COLUMN IF EXISTS old",
    ]);
    expect(render('ALTER TABLE qa_audits DELETE WHERE passed = 2')).toEqual(["ALTER TABLE qa_audits_local ON CLUSTER 'vigil' DELETE WHERE passed = 2"]);
  });

  it('drops the Distributed table before the local one, synchronously (a re-created table reuses the Keeper path), and truncates the local one', () => {
    expect(render('DROP TABLE IF EXISTS qa_audits')).toEqual(["DROP TABLE IF EXISTS qa_audits ON CLUSTER 'vigil' SYNC", "DROP TABLE IF EXISTS qa_audits_local ON CLUSTER 'vigil' SYNC"]);
    expect(render('DROP TABLE users SYNC')).toEqual(["DROP TABLE users ON CLUSTER 'vigil' SYNC"]);
    expect(render('DROP VIEW IF EXISTS qa_audits_hourly_mv')).toEqual(["DROP VIEW IF EXISTS qa_audits_hourly_mv ON CLUSTER 'vigil'"]);
    expect(render('TRUNCATE TABLE IF EXISTS qa_audits')).toEqual(["TRUNCATE TABLE IF EXISTS qa_audits_local ON CLUSTER 'vigil'"]);
  });

  it('leaves INSERT and SELECT alone: they go through the Distributed tables', () => {
    const sql = 'INSERT INTO moderation_hourly SELECT * FROM moderation_hourly WHERE 0';
    expect(render(sql)).toEqual([sql]);
  });

  it.each([
    ['CREATE TABLE IF NOT EXISTS spam_scores (x UInt8) ENGINE = MergeTree ORDER BY x', 'table spam_scores has no entry in CLUSTER_TABLES (server/db/clusterTables.ts): add its sharding key and why, or place it on every node'],
    ['ALTER TABLE spam_scores ADD COLUMN y UInt8', 'table spam_scores has no entry in CLUSTER_TABLES'],
    ['CREATE MATERIALIZED VIEW v TO moderation_hourly AS SELECT * FROM spam_scores', 'materialized view v reads spam_scores, but table spam_scores has no entry in CLUSTER_TABLES'],
    ['CREATE MATERIALIZED VIEW v ENGINE = MergeTree ORDER BY x AS SELECT x FROM qa_audits', 'materialized view v: cluster mode needs TO <table>'],
    ['CREATE MATERIALIZED VIEW v TO users AS SELECT * FROM qa_audits', 'mixes sharded and every-node tables'],
    ["CREATE TABLE users ON CLUSTER 'x' (u String) ENGINE = MergeTree ORDER BY u", 'users: migrations are written for one node'],
    ['CREATE TABLE vigil.users (u String) ENGINE = MergeTree ORDER BY u', 'vigil.users: write table names without a database'],
    ['CREATE TABLE users (u String) ENGINE = Memory', 'CREATE TABLE users: the cluster renderer needs an explicit MergeTree-family ENGINE'],
    ['RENAME TABLE qa_audits TO qa_audits_old', 'RENAME of qa_audits: a sharded table is two tables'],
    ['SYSTEM FLUSH LOGS', 'the cluster renderer does not know "SYSTEM FLUSH LOGS …" statements'],
  ])('refuses %s', (sql, message) => {
    expect(() => render(sql)).toThrow(ClusterRenderError);
    expect(() => render(sql)).toThrow(message);
  });

  it('names the migration file and statement of a table missing from the registry, before anything runs', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-cluster-'));
    fs.writeFileSync(path.join(dir, '0099_spam.sql'), 'CREATE TABLE IF NOT EXISTS ok_looking (x UInt8) ENGINE = MergeTree ORDER BY x;\n');
    const [m] = loadMigrations(dir);
    expect(() => migrationStatements(m!, TARGET)).toThrow(MigrationError);
    expect(() => migrationStatements(m!, TARGET)).toThrow(
      'migrations/0099_spam.sql statement 1 cannot be rendered for cluster vigil: table ok_looking has no entry in CLUSTER_TABLES (server/db/clusterTables.ts)',
    );
    expect(migrationStatements(m!, null)).toEqual(['CREATE TABLE IF NOT EXISTS ok_looking (x UInt8) ENGINE = MergeTree ORDER BY x']);
  });
});
