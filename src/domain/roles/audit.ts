// The audit log: who did what, when, on what. Written in the same transaction as the act.
import { jsonForDb } from '../text.ts';
import type { Queryable } from '../../db/sql.ts';

export interface AuditInput {
  /** "telegram:<id>", "cli:<os user>" or "api". */
  actor: string;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
}

export async function audit(db: Queryable, entry: AuditInput): Promise<void> {
  await db.query('INSERT INTO "AuditEntry" (actor, action, target, details) VALUES ($1, $2, $3, $4)', [
    entry.actor,
    entry.action,
    entry.target ?? null,
    entry.details === undefined ? null : jsonForDb(entry.details),
  ]);
}

export interface AuditRecord {
  id: number;
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown> | null;
}

export async function recentAudit(db: Queryable, limit = 100): Promise<AuditRecord[]> {
  const { rows } = await db.query<AuditRecord>(
    'SELECT id, at, actor, action, target, details FROM "AuditEntry" ORDER BY id DESC LIMIT $1',
    [limit],
  );
  return rows;
}
