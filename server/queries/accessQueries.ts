// The SQL of identity and audit: users, sessions, ingestion tokens, the audit log (migration 0008).
import type { Statement } from './statements.js';

/** Current version of every user (or one), disabled ones included. */
export function usersStatement(username?: string): Statement {
  return {
    operation: 'users.list',
    sql: `SELECT * FROM users ${username === undefined ? '' : 'WHERE username = {username:String}'}
ORDER BY username, version DESC LIMIT 1 BY username`,
    params: username === undefined ? {} : { username },
  };
}

export function userCountStatement(): Statement {
  return { operation: 'users.count', sql: 'SELECT uniqExact(username) AS n FROM users', params: {} };
}

/** The session behind a cookie: its user, unless signed out or expired. */
export function sessionStatement(sessionHash: string): Statement {
  return {
    operation: 'sessions.find',
    sql: `SELECT any(username) AS username, toUnixTimestamp(min(expires_at)) AS expires
FROM sessions WHERE session_hash = {hash:String}
GROUP BY session_hash HAVING max(revoked) = 0 AND min(expires_at) > now()`,
    params: { hash: sessionHash },
  };
}

/** Signs out one session: a second row with revoked = 1 (reads take the maximum). */
export function revokeSessionStatement(sessionHash: string): Statement {
  return {
    operation: 'sessions.revoke',
    sql: `INSERT INTO sessions (session_hash, username, created_at, expires_at, revoked, ip)
SELECT session_hash, username, created_at, expires_at, 1, ip FROM sessions WHERE session_hash = {hash:String} LIMIT 1`,
    params: { hash: sessionHash },
  };
}

/** Signs out every live session of a user (password changed, user disabled), but `except`. */
export function revokeUserSessionsStatement(username: string, except = ''): Statement {
  return {
    operation: 'sessions.revoke_user',
    sql: `INSERT INTO sessions (session_hash, username, created_at, expires_at, revoked, ip)
SELECT session_hash, username, created_at, expires_at, 1, ip FROM sessions
WHERE username = {username:String} AND expires_at > now() AND session_hash != {except:String}
GROUP BY session_hash, username, created_at, expires_at, ip HAVING max(revoked) = 0`,
    params: { username, except },
  };
}

/** Current version of every ingestion token, with when it was last used. */
export function ingestTokensStatement(): Statement {
  return {
    operation: 'ingest_tokens.list',
    sql: `SELECT t.*, u.last_used AS last_used
FROM (SELECT * FROM ingest_tokens ORDER BY token_id, version DESC LIMIT 1 BY token_id) AS t
LEFT JOIN (SELECT token_id, toUnixTimestamp(max(used_at)) AS last_used FROM ingest_token_uses GROUP BY token_id) AS u USING (token_id)
ORDER BY t.updated_at`,
    params: {},
  };
}

export interface AuditQuery {
  limit: number;
  before?: string;
  /** the cursor of the last entry seen (its time and key): the entries after it, newest first */
  after?: { at: string; key: string };
  actor?: string;
  action?: string;
}

/** The audit log, newest first, optionally one actor's or one action's entries. */
export function auditStatement(q: AuditQuery): Statement {
  return {
    operation: 'audit_log.list',
    // entries of the same millisecond are told apart (and paged in a stable order) by a hash key
    sql: `SELECT at, actor, action, target, detail, ip, ok, toString(cityHash64(actor, action, target, detail, ip, ok)) AS key FROM audit_log
WHERE ({before:Nullable(DateTime64(3, 'UTC'))} IS NULL OR at < {before:Nullable(DateTime64(3, 'UTC'))})
  AND ({after_at:Nullable(DateTime64(3, 'UTC'))} IS NULL OR (at, cityHash64(actor, action, target, detail, ip, ok)) < ({after_at:Nullable(DateTime64(3, 'UTC'))}, {after_key:UInt64}))
  AND ({actor:String} = '' OR actor = {actor:String})
  AND ({action:String} = '' OR action = {action:String})
ORDER BY at DESC, cityHash64(actor, action, target, detail, ip, ok) DESC LIMIT {limit:UInt32}`,
    params: {
      limit: q.limit, before: q.before ?? null, after_at: q.after?.at ?? null, after_key: q.after?.key ?? '0', actor: q.actor ?? '', action: q.action ?? '',
    },
  };
}
