// Ingestion tokens: separate credentials for producers, each for some streams or all, stored as
// SHA-256 digests (shown once at creation), revocable, with the time each was last used.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/database.js';
import { codes, text } from '../domain/fieldChecks.js';
import { STREAMS } from '../ingest/streams.js';
import { run } from '../queries/statements.js';
import { ingestTokensStatement } from '../queries/accessQueries.js';
import { currentVersion, now64, writeVersion } from '../queries/versionedWrites.js';
import { toClickHouseDateTime } from '../domain/time.js';

const PREFIX = 'vgi_';
const CACHE_MS = 10_000;
const TOUCH_EVERY_MS = 60_000;

export interface IngestToken {
  id: string;
  version: number;
  name: string;
  streams: string[];
  revoked: boolean;
  createdBy: string;
  updatedAt: string;
  lastUsed: number | null;
  hash: Buffer;
}

type Row = Record<string, unknown>;
const digest = (token: string) => createHash('sha256').update(token).digest();

function tokenOf(r: Row): IngestToken {
  return {
    id: String(r.token_id),
    version: Number(r.version),
    name: String(r.name),
    streams: r.streams as string[],
    revoked: Number(r.revoked) === 1,
    createdBy: String(r.created_by),
    updatedAt: String(r.updated_at),
    lastUsed: r.last_used ? Number(r.last_used) || null : null,
    hash: Buffer.from(String(r.token_hash), 'hex'),
  };
}

export type TokenCheck = { ok: true; token: IngestToken } | { ok: false; reason: 'invalid' | 'stream' };

export class IngestTokens {
  private cached: { tokens: IngestToken[]; at: number } | null = null;
  private touched = new Map<string, number>();

  constructor(private readonly db: Database) {}

  async list(): Promise<IngestToken[]> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.tokens;
    const tokens = (await run<Row>(this.db, ingestTokensStatement())).map(tokenOf);
    this.cached = { tokens, at: Date.now() };
    return tokens;
  }

  /** Creates a token; the secret is returned only here. */
  async create(name: string, streams: readonly string[] | null | undefined, by: string): Promise<{ secret: string; token: IngestToken }> {
    const row = {
      token_id: randomUUID(),
      version: 1,
      name: text(name, 'input.name', 100, true),
      streams: codes(streams, STREAMS.map((s) => s.name), 'input.streams'),
      revoked: 0,
      created_by: by,
      updated_at: now64(),
    };
    const secret = PREFIX + randomBytes(32).toString('base64url');
    this.cached = null;
    const stored = await writeVersion(this.db, 'ingest_tokens', row.token_id, 1, { ...row, token_hash: digest(secret).toString('hex') });
    return { secret, token: tokenOf(stored) };
  }

  async revoke(id: string, expectedVersion: number): Promise<IngestToken> {
    const latest = await currentVersion(this.db, 'ingest_tokens', id, expectedVersion, 'ingestion token');
    this.cached = null;
    const stored = await writeVersion(this.db, 'ingest_tokens', id, expectedVersion + 1, { ...latest, version: expectedVersion + 1, revoked: 1, updated_at: now64() });
    this.cached = null;
    return tokenOf(stored);
  }

  /** Whether a presented secret may push to a stream (constant-time comparison of digests). */
  async check(secret: string, stream: string): Promise<TokenCheck> {
    const d = digest(secret);
    const token = (await this.list()).find((t) => !t.revoked && t.hash.length === d.length && timingSafeEqual(t.hash, d));
    if (!token) return { ok: false, reason: 'invalid' };
    if (token.streams.length > 0 && !token.streams.includes(stream)) return { ok: false, reason: 'stream' };
    await this.touch(token.id);
    return { ok: true, token };
  }

  /** Records the use, at most once a minute per token. */
  private async touch(id: string): Promise<void> {
    const now = Date.now();
    if (now - (this.touched.get(id) ?? 0) < TOUCH_EVERY_MS) return;
    this.touched.set(id, now);
    await this.db.insertRows('ingest_tokens.touch', 'ingest_token_uses', [{ token_id: id, used_at: toClickHouseDateTime(Math.floor(now / 1000)) }]);
    this.cached = null; // the list shows when each token was last used
  }
}
