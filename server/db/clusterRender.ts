// Renders a migration statement written for one node into the statements for a ClickHouse cluster
// (VIGIL_CLUSTER). Migrations stay single-node SQL — what every test runs on the embedded engine —
// and the cluster form is derived from them with the placement registry (clusterTables.ts):
//   CREATE TABLE t … ENGINE = XMergeTree(args)   sharded:    t_local ON CLUSTER, ReplicatedXMergeTree(
//                                                            '/clickhouse/tables/{shard}/{database}/{table}', '{replica}', args)
//                                                            + t ON CLUSTER AS t_local ENGINE = Distributed(cluster, db, 't_local', key)
//                                                every-node: t ON CLUSTER, ReplicatedXMergeTree('/clickhouse/tables/all/…', '{replica}', args)
//   CREATE MATERIALIZED VIEW v TO t AS SELECT …  ON CLUSTER; TO and every FROM/JOIN table the _local one
//   ALTER / DROP / TRUNCATE / OPTIMIZE t          ON CLUSTER, on t_local (and on t too when columns change or t is dropped);
//                                                DROP TABLE … SYNC, so a re-created table finds its Keeper path free
//   non_replicated_deduplication_window           replicated_deduplication_window (the same guarantee on a replicated table)
//   INSERT / SELECT                               unchanged: they go through the Distributed tables
// The statement is read as tokens (quotes, backticks, parentheses) and edited at token positions,
// so everything else stays as written; the tests parse every result with the engine's own parser.
import { CLUSTER_TABLES, type ClusterPlacement } from './clusterTables.js';

export interface ClusterTarget {
  /** cluster name in the servers' remote_servers (already checked: letters, digits, _ and -) */
  cluster: string;
  /** database the tables live in (a plain identifier) */
  database: string;
}

export class ClusterRenderError extends Error {}

export const SHARD_PATH = '/clickhouse/tables/{shard}/{database}/{table}';
export const EVERY_NODE_PATH = '/clickhouse/tables/all/{database}/{table}';
export const LOCAL_SUFFIX = '_local';

const MERGE_TREE = /^(|Replacing|Summing|Aggregating|Collapsing|VersionedCollapsing|Graphite)MergeTree$/;

interface Token {
  kind: 'word' | 'backtick' | 'string' | 'punct' | 'space';
  text: string;
  start: number;
  end: number;
  /** parenthesis depth outside this token */
  depth: number;
}

function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let i = 0;
  while (i < sql.length) {
    const start = i;
    const ch = sql[i]!;
    let kind: Token['kind'];
    if (/\s/.test(ch)) {
      while (i < sql.length && /\s/.test(sql[i]!)) i++;
      kind = 'space';
    } else if (ch === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      kind = 'space';
    } else if (ch === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? sql.length : close + 2;
      kind = 'space';
    } else if (ch === "'" || ch === '"' || ch === '`') {
      i++;
      while (i < sql.length && sql[i] !== ch) i += sql[i] === '\\' ? 2 : 1;
      i++;
      kind = ch === "'" ? 'string' : 'backtick';
    } else if (/[A-Za-z0-9_]/.test(ch)) {
      while (i < sql.length && /[A-Za-z0-9_]/.test(sql[i]!)) i++;
      kind = 'word';
    } else {
      i++;
      kind = 'punct';
    }
    if (ch === ')') depth--;
    out.push({ kind, text: sql.slice(start, i), start, end: i, depth });
    if (ch === '(') depth++;
  }
  return out;
}

const isWord = (t: Token | undefined, ...words: string[]) => t?.kind === 'word' && words.includes(t.text.toUpperCase());
const identifier = (t: Token | undefined): string | null =>
  t?.kind === 'word' ? t.text : t?.kind === 'backtick' ? t.text.slice(1, -1) : null;

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(sql: string, edits: Edit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += sql.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + sql.slice(at);
}

/** One statement being rendered: its tokens without spaces, and the edits made so far. */
class Statement {
  readonly tokens: Token[];
  readonly edits: Edit[] = [];

  constructor(readonly sql: string) {
    this.tokens = tokenize(sql).filter((t) => t.kind !== 'space');
  }

  /** Index of the token after an optional IF [NOT] EXISTS starting at i. */
  skipIfExists(i: number): number {
    if (isWord(this.tokens[i], 'IF') && isWord(this.tokens[i + 1], 'NOT') && isWord(this.tokens[i + 2], 'EXISTS')) return i + 3;
    if (isWord(this.tokens[i], 'IF') && isWord(this.tokens[i + 1], 'EXISTS')) return i + 2;
    return i;
  }

  /** The table name at token i (unqualified: migrations run in the configured database). */
  nameAt(i: number): string {
    const name = identifier(this.tokens[i]);
    if (!name) throw new ClusterRenderError(`expected a table name at "${this.sql.slice(this.tokens[i]?.start ?? 0).slice(0, 40)}"`);
    if (this.tokens[i + 1]?.text === '.') throw new ClusterRenderError(`${name}.${this.tokens[i + 2]?.text}: write table names without a database (migrations run in the configured one)`);
    if (isWord(this.tokens[i + 1], 'ON') && isWord(this.tokens[i + 2], 'CLUSTER')) {
      throw new ClusterRenderError(`${name}: migrations are written for one node; the cluster renderer adds ON CLUSTER itself`);
    }
    return name;
  }

  replace(t: Token, text: string): void {
    this.edits.push({ start: t.start, end: t.end, text });
  }

  insertAfter(t: Token, text: string): void {
    this.edits.push({ start: t.end, end: t.end, text });
  }

  render(): string {
    return applyEdits(this.sql, this.edits);
  }
}

/** The registry entry of a table, or an error that names the table and what to do. */
export function placementOf(table: string): ClusterPlacement {
  const entry = CLUSTER_TABLES[table];
  if (!entry) throw new ClusterRenderError(missingEntry(table));
  return entry;
}

export const missingEntry = (table: string) =>
  `table ${table} has no entry in CLUSTER_TABLES (server/db/clusterTables.ts): add its sharding key and why, or place it on every node`;

const localName = (table: string) => table + LOCAL_SUFFIX;
/** The table that holds the rows on a node: <name>_local when sharded, the table itself otherwise. */
const storageName = (table: string) => (placementOf(table).placement === 'sharded' ? localName(table) : table);

export function renderForCluster(sql: string, target: ClusterTarget): string[] {
  const s = new Statement(sql);
  const [first, second, third] = s.tokens;
  const onCluster = ` ON CLUSTER '${target.cluster}'`;
  if (isWord(first, 'INSERT', 'SELECT', 'WITH')) return [sql];
  if (isWord(first, 'CREATE') && isWord(second, 'TABLE')) return createTable(s, onCluster, target);
  if (isWord(first, 'CREATE') && isWord(second, 'MATERIALIZED') && isWord(third, 'VIEW')) return [materializedView(s, onCluster)];
  if (isWord(first, 'CREATE') && isWord(second, 'VIEW')) {
    const nameIndex = s.skipIfExists(2);
    s.nameAt(nameIndex);
    s.insertAfter(s.tokens[nameIndex]!, onCluster);
    return [s.render()];
  }
  if (isWord(first, 'ALTER') && isWord(second, 'TABLE')) return alterTable(s, onCluster);
  if (isWord(first, 'DROP') && isWord(second, 'TABLE', 'VIEW')) return drop(s, onCluster);
  if (isWord(first, 'TRUNCATE', 'OPTIMIZE')) {
    const i = s.skipIfExists(isWord(second, 'TABLE') ? 2 : 1);
    const name = s.nameAt(i);
    s.replace(s.tokens[i]!, storageName(name));
    s.insertAfter(s.tokens[i]!, onCluster);
    return [s.render()];
  }
  if (isWord(first, 'RENAME') && isWord(second, 'TABLE')) {
    for (let i = 2; i < s.tokens.length; i++) {
      const name = identifier(s.tokens[i]);
      if (name && CLUSTER_TABLES[name]?.placement === 'sharded') {
        throw new ClusterRenderError(`RENAME of ${name}: a sharded table is two tables (${localName(name)} and its Distributed ${name}); create the new table and copy instead`);
      }
    }
    s.insertAfter(s.tokens[s.tokens.length - 1]!, onCluster);
    return [s.render()];
  }
  const words = s.tokens.slice(0, 3).map((t) => t.text).join(' ');
  throw new ClusterRenderError(`the cluster renderer does not know "${words} …" statements; extend server/db/clusterRender.ts`);
}

function createTable(s: Statement, onCluster: string, target: ClusterTarget): string[] {
  const nameIndex = s.skipIfExists(2);
  const ifNotExists = nameIndex > 2 ? 'IF NOT EXISTS ' : '';
  const name = s.nameAt(nameIndex);
  const placement = placementOf(name);
  const nameToken = s.tokens[nameIndex]!;
  const engineAt = s.tokens.findIndex((t) => t.depth === 0 && isWord(t, 'ENGINE'));
  const engine = s.tokens[engineAt + 2];
  if (engineAt < 0 || s.tokens[engineAt + 1]?.text !== '=' || !engine || !MERGE_TREE.test(engine.text)) {
    throw new ClusterRenderError(`CREATE TABLE ${name}: the cluster renderer needs an explicit MergeTree-family ENGINE to replicate`);
  }
  const path = placement.placement === 'sharded' ? SHARD_PATH : EVERY_NODE_PATH;
  const replication = `'${path}', '{replica}'`;
  const open = s.tokens[engineAt + 3];
  if (open?.text === '(') {
    const close = s.tokens[engineAt + 4]!;
    // ReplacingMergeTree(version) → ReplicatedReplacingMergeTree(path, replica, version)
    s.insertAfter(open, close.text === ')' ? replication : `${replication}, `);
  } else {
    s.insertAfter(engine, `(${replication})`);
  }
  s.replace(engine, `Replicated${engine.text}`);
  renameDeduplicationWindow(s);
  if (placement.placement === 'every-node') {
    s.insertAfter(nameToken, onCluster);
    return [s.render()];
  }
  const local = localName(name);
  s.replace(nameToken, local);
  s.insertAfter(nameToken, onCluster);
  const distributed =
    `CREATE TABLE ${ifNotExists}${name}${onCluster} AS ${local}\n` +
    `ENGINE = Distributed('${target.cluster}', '${target.database}', '${local}', ${placement.key})`;
  return [s.render(), distributed];
}

/** Replicated tables keep their insert-deduplication log in Keeper, sized by another setting. */
function renameDeduplicationWindow(s: Statement): void {
  for (const t of s.tokens) if (t.kind === 'word' && t.text === 'non_replicated_deduplication_window') s.replace(t, 'replicated_deduplication_window');
}

function materializedView(s: Statement, onCluster: string): string {
  const nameIndex = s.skipIfExists(3);
  const name = s.nameAt(nameIndex);
  const to = s.tokens.findIndex((t, i) => i > nameIndex && t.depth === 0 && isWord(t, 'TO'));
  if (to !== nameIndex + 1) throw new ClusterRenderError(`materialized view ${name}: cluster mode needs TO <table> (a view's own inner table cannot be placed)`);
  const targetToken = s.tokens[to + 1]!;
  const target = s.nameAt(to + 1);
  s.insertAfter(s.tokens[nameIndex]!, onCluster);
  s.replace(targetToken, storageName(target));
  const as = s.tokens.findIndex((t, i) => i > to && t.depth === 0 && isWord(t, 'AS'));
  // names defined inside the query (WITH x AS (…), subquery aliases) are not tables
  const defined = new Set(s.tokens.flatMap((t, i) => (i > as && isWord(s.tokens[i + 1], 'AS') && s.tokens[i + 2]?.text === '(' ? [identifier(t)] : [])));
  const sources: string[] = [];
  for (let i = as + 1; i < s.tokens.length; i++) {
    const t = s.tokens[i]!;
    if (!isWord(t, 'FROM', 'JOIN') || (isWord(t, 'JOIN') && isWord(s.tokens[i - 1], 'ARRAY'))) continue;
    const ref = s.tokens[i + 1];
    const table = identifier(ref);
    if (!table || s.tokens[i + 2]?.text === '(' || defined.has(table)) continue; // subquery, table function, CTE
    if (!CLUSTER_TABLES[table]) throw new ClusterRenderError(`materialized view ${name} reads ${table}, but ${missingEntry(table)}`);
    sources.push(table);
    s.replace(ref!, storageName(table));
  }
  const sharded = (t: string) => CLUSTER_TABLES[t]!.placement === 'sharded';
  if (sources.length === 0) throw new ClusterRenderError(`materialized view ${name}: no source table found after FROM`);
  if (sharded(target) !== sharded(sources[0]!) || sources.some((t) => sharded(t) !== sharded(target))) {
    throw new ClusterRenderError(`materialized view ${name}: ${sources.join(', ')} → ${target} mixes sharded and every-node tables; a view must stay on one shard's data`);
  }
  return s.render();
}

// ALTER commands that change the columns change the Distributed table too (its structure must
// match the local one); the others (settings, mutations, TTL, indexes) concern storage only.
const COLUMN_COMMANDS = /^(ADD|DROP|MODIFY|RENAME|COMMENT) COLUMN$/;

function alterTable(s: Statement, onCluster: string): string[] {
  const name = s.nameAt(2);
  const placement = placementOf(name);
  const nameToken = s.tokens[2]!;
  renameDeduplicationWindow(s);
  if (placement.placement === 'every-node') {
    s.insertAfter(nameToken, onCluster);
    return [s.render()];
  }
  // split the commands on top-level commas
  const commands: Token[][] = [[]];
  for (const t of s.tokens.slice(3)) {
    if (t.depth === 0 && t.text === ',') commands.push([]);
    else commands.at(-1)!.push(t);
  }
  const columnCommands = commands.filter((c) => COLUMN_COMMANDS.test(c.slice(0, 2).map((t) => t.text.toUpperCase()).join(' ')));
  s.replace(nameToken, localName(name));
  s.insertAfter(nameToken, onCluster);
  const out = [s.render()];
  if (columnCommands.length > 0) {
    const text = columnCommands.map((c) => s.sql.slice(c[0]!.start, c.at(-1)!.end)).join(', ');
    out.push(`ALTER TABLE ${name}${onCluster} ${text}`);
  }
  return out;
}

function drop(s: Statement, onCluster: string): string[] {
  const nameIndex = s.skipIfExists(2);
  const name = s.nameAt(nameIndex);
  const nameToken = s.tokens[nameIndex]!;
  s.insertAfter(nameToken, onCluster);
  if (isWord(s.tokens[1], 'VIEW')) return [s.render()];
  // A dropped table is removed later (Atomic databases), and with it its Keeper path: a migration
  // re-creating the table under the same path right away must wait for the drop to finish.
  if (!isWord(s.tokens.at(-1), 'SYNC')) s.insertAfter(s.tokens.at(-1)!, ' SYNC');
  if (placementOf(name).placement === 'every-node') return [s.render()];
  // the Distributed table first: nothing may write through it into a dropped local table
  const distributed = s.render();
  s.replace(nameToken, localName(name));
  return [distributed, s.render()];
}

/** A migration's statements as they run: unchanged on one node, rendered on a cluster. */
export function renderStatements(statements: readonly string[], target: ClusterTarget | null): string[] {
  if (!target) return [...statements];
  return statements.flatMap((sql) => renderForCluster(sql, target));
}
