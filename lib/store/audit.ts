import 'server-only';
/** Append-only audit log: who (AIMS user) did what, where, with what outcome. */
import { db } from './db';

export type AuditAction =
  | 'key.create'
  | 'key.delete'
  | 'target.add'
  | 'target.verify'
  | 'target.remove'
  | 'guardduty.enable'
  | 'stack.create'
  | 'stack.delete'
  | 'stack.update'
  | 'stack.adopt'
  | 'deployment.start'
  | 'finding.sample'
  | 'key.rotate';

export interface AuditEvent {
  id: number;
  at: number;
  actor: string;
  action: AuditAction;
  subject: string;
  outcome: 'ok' | 'failed';
  detail: Record<string, unknown> | null;
}

export function recordAudit(input: {
  alAccountId: string;
  actor: string;
  action: AuditAction;
  subject: string;
  outcome: 'ok' | 'failed';
  detail?: Record<string, unknown>;
}): void {
  db()
    .prepare(
      'INSERT INTO audit_events (at, al_account_id, actor, action, subject, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      Date.now(),
      input.alAccountId,
      input.actor,
      input.action,
      input.subject,
      input.outcome,
      input.detail ? JSON.stringify(input.detail) : null,
    );
}

export function listAudit(alAccountId: string, limit = 100): AuditEvent[] {
  const rows = db()
    .prepare('SELECT * FROM audit_events WHERE al_account_id = ? ORDER BY id DESC LIMIT ?')
    .all(alAccountId, limit) as (Omit<AuditEvent, 'detail'> & { detail: string | null })[];
  return rows.map((r) => ({ ...r, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));
}
