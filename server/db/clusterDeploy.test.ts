// The ClickHouse users of the cluster example (deploy/cluster/clickhouse/users.sql): parsed by the
// engine's own parser, every statement ON CLUSTER, and the grants matching the tables the
// cluster rendering creates (an insert through a Distributed table is forwarded to <table>_local
// as the same user, so both need the grant).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER_TABLES } from './clusterTables.js';
import { MIGRATIONS_DIR, splitStatements } from './migrate.js';
import { STREAMS } from '../ingest/streams.js';
import { openTestDatabase, type TestDatabase } from '../testing/testDatabase.js';

const ROOT = path.resolve(MIGRATIONS_DIR, '..');
const read = (file: string) => splitStatements(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const CLUSTER_USERS = read('deploy/cluster/clickhouse/users.sql');
const SERVER_USERS = read('docs/clickhouse-users.sql');

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase({ migrate: false });
});
afterAll(async () => t.close());

async function canonical(sql: string): Promise<string> {
  const [row] = await t.db.select<{ f: string }>('test.format', 'SELECT formatQuerySingleLine({sql:String}) AS f', { sql });
  return row!.f;
}

/** user → tables granted INSERT, from `GRANT [ON CLUSTER c] …INSERT… ON vigil.<table> TO <user>` lines. */
function insertGrants(statements: string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const s of statements) {
    const m = /^GRANT (?:ON CLUSTER '\w+' )?([A-Z, ]+) ON vigil\.(\w+) TO (\w+)$/.exec(s);
    if (!m || !m[1]!.split(', ').includes('INSERT')) continue;
    if (!out.has(m[3]!)) out.set(m[3]!, new Set());
    out.get(m[3]!)!.add(m[2]!);
  }
  return out;
}

describe('the cluster example users', () => {
  it("parses every statement with the engine's parser, each ON CLUSTER vigil", async () => {
    expect(CLUSTER_USERS.length).toBeGreaterThan(20);
    for (const s of CLUSTER_USERS) expect(await canonical(s), s).toMatch(/ ON CLUSTER vigil\b/);
  });

  it('gives every user foreground inserts into Distributed tables and global subqueries, in its profile', () => {
    const profiles = new Map(CLUSTER_USERS.flatMap((s) => {
      const m = /^CREATE SETTINGS PROFILE IF NOT EXISTS (\w+) .* SETTINGS (.*)$/.exec(s);
      return m ? [[m[1]!, m[2]!]] : [];
    }));
    for (const user of ['vigil_migrator', 'vigil_app', 'vigil_ingest', 'vigil_reader']) {
      const profile = new RegExp(`^CREATE USER IF NOT EXISTS ${user} .* SETTINGS PROFILE '(\\w+)'$`).exec(CLUSTER_USERS.find((s) => s.includes(`USER IF NOT EXISTS ${user} `))!)?.[1];
      const settings = profiles.get(profile!) ?? '';
      expect(settings, user).toContain("distributed_product_mode = 'global'");
      if (user !== 'vigil_reader') expect(settings, user).toContain('distributed_foreground_insert = 1');
    }
  });

  it('grants ingestion every stream table and the ledger, each with its _local table', () => {
    const ingest = insertGrants(CLUSTER_USERS).get('vigil_ingest')!;
    for (const table of [...STREAMS.map((s) => s.table), 'ingest_seen']) {
      expect(ingest, table).toContain(table);
      if (CLUSTER_TABLES[table]?.placement === 'sharded') expect(ingest, `${table}_local`).toContain(`${table}_local`);
    }
  });

  it('grants every insert into a sharded table on its _local table too, and names only known tables', () => {
    for (const [user, tables] of insertGrants(CLUSTER_USERS)) {
      for (const table of tables) {
        const base = table.replace(/_local$/, '');
        expect(CLUSTER_TABLES[base], `${user}: ${table}`).toBeDefined();
        if (CLUSTER_TABLES[base]!.placement === 'sharded') expect(tables, `${user}: ${base}_local`).toContain(`${base}_local`);
      }
    }
  });

  it('grants the same inserts as the single-server users (docs/clickhouse-users.sql)', () => {
    const tablesOnly = (grants: Map<string, Set<string>>) =>
      Object.fromEntries([...grants].map(([user, tables]) => [user, [...tables].filter((x) => !x.endsWith('_local')).sort()]));
    expect(tablesOnly(insertGrants(SERVER_USERS))).toEqual(tablesOnly(insertGrants(CLUSTER_USERS)));
  });
});
