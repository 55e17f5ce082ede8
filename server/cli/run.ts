// Shared frame for the command-line tools: read the configuration, open the database, run, and
// turn any failure into one clear line on stderr and a non-zero exit code.
import { loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../log.js';
import { openDatabase, type Database } from '../db/database.js';

export interface CliContext {
  config: Config;
  db: Database;
  log: Logger;
}

export async function runCli(name: string, body: (ctx: CliContext) => Promise<void>): Promise<void> {
  let db: Database | undefined;
  try {
    const config = loadConfig();
    const log = createLogger(config.logLevel);
    db = await openDatabase(config, log);
    await body({ config, db, log });
    await db.close();
  } catch (e) {
    process.stderr.write(`vigil ${name}: ${(e as Error).message}\n`);
    if (db) await db.close().catch(() => undefined);
    process.exitCode = 1;
  }
}

/** A numeric command-line option, refused with one line when it is not a number within [min, max]. */
export function numberArg(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} ${raw}: expected a number from ${min} to ${max}`);
  return n;
}
