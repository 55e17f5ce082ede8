// Everything that decides who is asking, bundled for the HTTP layer and the resolvers.
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import type { AuthConfig } from '../config.js';
import { Accounts } from './accounts.js';
import { Sessions } from './sessions.js';
import { IngestTokens } from './ingestTokens.js';
import { AuditLog } from './audit.js';
import { LoginThrottle } from './throttle.js';
import { generatePassword } from './passwords.js';
import { RateLimiter } from './rateLimiter.js';
import { ClickHouseLedger, MemoryLedger, type SharedLedger } from '../db/sharedLedger.js';

export interface Security {
  config: AuthConfig;
  accounts: Accounts;
  sessions: Sessions;
  tokens: IngestTokens;
  audit: AuditLog;
  throttle: LoginThrottle;
  /** expensive GraphQL fields per user (VIGIL_USER_RATE, VIGIL_USER_BURST) */
  userLimiter: RateLimiter;
  /** where the sign-in throttle, the rate limits and the ingestion lanes keep their state */
  ledger: SharedLedger;
}

/** The ledger VIGIL_SHARED_STATE names: this process's memory, or ClickHouse (several servers). */
export function sharedLedgerFor(db: Database, kind: 'memory' | 'clickhouse'): SharedLedger {
  return kind === 'clickhouse' ? new ClickHouseLedger(db) : new MemoryLedger();
}

export function createSecurity(db: Database, log: Logger, config: AuthConfig, ledger: SharedLedger = new MemoryLedger()): Security {
  return {
    ledger,
    userLimiter: new RateLimiter(config.userRate, config.userBurst, ledger, 'user'),
    config,
    accounts: new Accounts(db),
    sessions: new Sessions(db, config.sessionSeconds),
    tokens: new IngestTokens(db),
    audit: new AuditLog(db, log),
    throttle: new LoginThrottle(ledger),
  };
}

/**
 * On an install without users, creates the first admin: with the configured password, or with a
 * generated one returned to be printed once (never a fixed default). Null when users exist.
 */
export async function ensureFirstAdmin(security: Security): Promise<{ username: string; generatedPassword: string | null } | null> {
  if ((await security.accounts.count()) > 0) return null;
  const { adminUser, adminPassword } = security.config;
  const password = adminPassword ?? generatePassword();
  await security.accounts.create(adminUser, password, { role: 'admin' }, 'first start', []);
  await security.audit.record({ actor: 'first start', action: 'user_created', target: adminUser, detail: JSON.stringify({ role: 'admin' }), ip: '' });
  return { username: adminUser, generatedPassword: adminPassword ? null : password };
}
