// Test databases: a fresh embedded engine in a temporary data folder, migrated by the same runner
// as production. chDB allows one data folder per process, and Vitest runs each server test file
// in its own process, so each file opens one of these in beforeAll and closes it in afterAll.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createLogger, type Logger } from '../log.js';

export interface TestDatabase {
  db: Database;
  log: Logger;
  dataDir: string;
  close(): Promise<void>;
}

export async function openTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-test-'));
  const log = createLogger('silent');
  // a write expires the answers it changes at once (VIGIL_CACHE_STALE_MS=0): tests read what they
  // just stored; the coalescing window has its own tests (db/answerCache.test.ts)
  const db = await openDatabase({ dataDir, clickhouse: null, queryTimeoutSeconds: 60, maxResultRows: 1_000_000, cache: { maxMb: 64, staleMs: 0 } }, log);
  if (options.migrate !== false) await migrate(db, log);
  return {
    db,
    log,
    dataDir,
    async close() {
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Seconds since epoch of an ISO instant, for readable fixtures. */
export function at(iso: string): number {
  return Date.parse(iso) / 1000;
}
