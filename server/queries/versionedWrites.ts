// Writing versioned documents (notes, retrospective items, users, ingestion tokens): each change
// is a new version, written only if it is based on the current one; a stale or concurrent change
// is refused with CONFLICT instead of silently overwriting someone else's.
import { BadInput, Conflict, NotFound } from '../domain/errors.js';
import type { Database } from '../db/database.js';
import { run } from './statements.js';
import { latestVersionStatement, versionedInsertSql, type VersionedTable } from './versionedQueries.js';

type Row = Record<string, unknown>;

export const now64 = () => new Date().toISOString().replace('T', ' ').replace('Z', '');

/** Writes version `next` of a document; if someone else wrote that version first, CONFLICT. */
export async function writeVersion(db: Database, table: VersionedTable, id: string, next: number, row: Row): Promise<Row> {
  const columns = Object.keys(row);
  await db.insertJsonWith(`${table}.write`, versionedInsertSql(table, columns, id, next), [row]);
  const [stored] = await run<Row>(db, latestVersionStatement(table, id));
  const mine = stored && Number(stored.version) === next && stored.updated_at === row.updated_at;
  if (!mine) {
    throw new Conflict(`Someone else changed this at the same time (version ${next} is theirs). Reload it and apply your edit again.`, Number(stored?.version ?? next));
  }
  return stored!;
}

/** Versions are stored as UInt32 */
const MAX_VERSION = 2 ** 32 - 2;

/**
 * Refuses an expectedVersion no document can be at (a negative one would write version 0 or
 * less: a document no later change could match). `lowest` is 1, or 0 where 0 means "never set".
 */
export function checkExpectedVersion(expectedVersion: number, lowest: 0 | 1): void {
  if (!Number.isInteger(expectedVersion) || expectedVersion < lowest || expectedVersion > MAX_VERSION) {
    const meaning = lowest === 0 ? '0 for one never set, or the version you loaded' : 'the version you loaded';
    throw new BadInput(`expectedVersion must be a whole number of ${lowest} or more (${meaning}); got ${expectedVersion}.`, 'expectedVersion');
  }
}

export async function currentVersion(db: Database, table: VersionedTable, id: string, expectedVersion: number, what: string): Promise<Row> {
  checkExpectedVersion(expectedVersion, 1);
  const [latest] = await run<Row>(db, latestVersionStatement(table, id));
  if (!latest || Number(latest.is_deleted) === 1) {
    throw new NotFound(`No ${what} with id ${JSON.stringify(id.slice(0, 40))}${latest ? ' (it was deleted)' : ''}.`);
  }
  if (Number(latest.version) !== expectedVersion) {
    throw new Conflict(
      `This ${what} changed since you loaded it: it is at version ${latest.version}, your edit was based on version ${expectedVersion}. Reload it and apply your edit again.`,
      Number(latest.version),
    );
  }
  return latest;
}

