// Sessions: a random token in the cookie, its SHA-256 in ClickHouse (a stolen table does not give
// working cookies). A new token at every sign-in, so a token planted before sign-in is worthless.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';
import { toClickHouseDateTime } from '../domain/time.js';
import { run } from '../queries/statements.js';
import { revokeSessionStatement, revokeUserSessionsStatement, sessionStatement } from '../queries/accessQueries.js';
import { now64 } from '../queries/versionedWrites.js';

const CACHE_MS = 30_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class Sessions {
  /** Valid sessions seen recently; sign-out through this process removes them at once. */
  private cache = new Map<string, { username: string; expires: number; at: number }>();

  constructor(private readonly db: Database, readonly lifetimeSeconds: number) {}

  async create(username: string, ip: string): Promise<{ token: string; expires: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expires = new Date(Math.floor(Date.now() / 1000 + this.lifetimeSeconds) * 1000);
    await this.db.insertRows('sessions.create', 'sessions', [
      { session_hash: hashToken(token), username, created_at: now64(), expires_at: toClickHouseDateTime(expires.getTime() / 1000), revoked: 0, ip },
    ]);
    return { token, expires };
  }

  /** The user of a live session, or null (unknown, expired or signed out). */
  async resolve(token: string): Promise<{ username: string; hash: string } | null> {
    if (!TOKEN.test(token)) return null;
    const hash = hashToken(token);
    const now = Date.now();
    const hit = this.cache.get(hash);
    if (hit && now - hit.at < CACHE_MS && hit.expires * 1000 > now) return { username: hit.username, hash };
    this.cache.delete(hash);
    const [row] = await run<{ username: string; expires: number }>(this.db, sessionStatement(hash));
    if (!row) return null;
    this.cache.set(hash, { username: row.username, expires: Number(row.expires), at: now });
    return { username: row.username, hash };
  }

  async revoke(hash: string): Promise<void> {
    this.cache.delete(hash);
    // a second row with revoked = 1; reads take the maximum, so the session is over
    const s = revokeSessionStatement(hash);
    await this.db.command(s.operation, s.sql, s.params);
  }

  /** Every session of a user ends (password changed, user disabled), but `except` (the one changing it). */
  async revokeAllOf(username: string, except = ''): Promise<void> {
    for (const [hash, s] of this.cache) if (s.username === username && hash !== except) this.cache.delete(hash);
    const s = revokeUserSessionsStatement(username, except);
    await this.db.command(s.operation, s.sql, s.params);
  }
}
