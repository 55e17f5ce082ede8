// The audit log: who signed in (or failed to), exported, or changed notes, findings, users and
// tokens and targets, and from which address. Written after the fact; a failed write is logged, never hidden.
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import { run } from '../queries/statements.js';
import { auditStatement, type AuditQuery } from '../queries/accessQueries.js';
import { now64 } from '../queries/versionedWrites.js';
import { wellFormed } from '../domain/text.js';

export type AuditAction =
  | 'login' | 'login_failed' | 'logout' | 'password_changed'
  | 'export'
  | 'note_created' | 'note_updated' | 'note_deleted'
  | 'item_created' | 'item_updated' | 'item_deleted'
  | 'user_created' | 'user_updated' | 'user_password_set'
  | 'token_created' | 'token_revoked'
  | 'target_changed'
  | 'alert_rule_created' | 'alert_rule_updated' | 'alert_rule_deleted' | 'alert_silenced' | 'alert_silence_ended'
  | 'alert_channel_tested';

export interface AuditEntry {
  at: string;
  actor: string;
  action: AuditAction;
  target: string;
  detail: string;
  ip: string;
  ok: boolean;
  /** where this entry stands in the log (time and key), to ask for the entries after it */
  cursor: string;
}

const CURSOR = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})\|(\d{1,20})$/;

/** A cursor from `AuditEntry.cursor`, or null when it is not one. */
export function parseAuditCursor(cursor: string): { at: string; key: string } | null {
  const m = CURSOR.exec(cursor);
  return m && BigInt(m[2]!) < 2n ** 64n ? { at: m[1]!, key: m[2]! } : null;
}

export class AuditLog {
  constructor(private readonly db: Database, private readonly log: Logger) {}

  async record(entry: Omit<AuditEntry, 'at' | 'ok' | 'cursor'> & { ok?: boolean }): Promise<void> {
    // lone surrogates replaced, so that no text can make the entry unwritable
    const { actor, action, target, detail, ip } = entry;
    const row = { at: now64(), actor: wellFormed(actor), action, target: wellFormed(target), detail: wellFormed(detail), ip: wellFormed(ip), ok: entry.ok === false ? 0 : 1 };
    try {
      await this.db.insertRows('audit_log.write', 'audit_log', [row]);
    } catch (err) {
      this.log.error({ err, audit: row }, 'audit entry not written');
    }
  }

  async list(q: AuditQuery): Promise<AuditEntry[]> {
    const rows = await run<Record<string, unknown>>(this.db, auditStatement(q));
    return rows.map((r) => ({
      at: String(r.at), actor: String(r.actor), action: r.action as AuditAction, target: String(r.target),
      detail: String(r.detail), ip: String(r.ip), ok: Number(r.ok) === 1, cursor: `${String(r.at)}|${String(r.key)}`,
    }));
  }
}
