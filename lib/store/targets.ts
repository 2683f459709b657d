import 'server-only';
/** AWS accounts the user registered as deployment targets, per Alert Logic account. */
import { db } from './db';

export interface Target {
  accountId: string;
  label: string;
  /** Null when the target is the hub itself (GuardLink's own credentials). */
  roleArn: string | null;
  externalId: string | null;
  createdBy: string;
  createdAt: number;
  verifiedAt: number | null;
  verifiedArn: string | null;
}

interface Row {
  account_id: string;
  label: string;
  role_arn: string | null;
  external_id: string | null;
  created_by: string;
  created_at: number;
  verified_at: number | null;
  verified_arn: string | null;
}

const toTarget = (r: Row): Target => ({
  accountId: r.account_id,
  label: r.label,
  roleArn: r.role_arn,
  externalId: r.external_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  verifiedAt: r.verified_at,
  verifiedArn: r.verified_arn,
});

export function listTargets(alAccountId: string): Target[] {
  return (db().prepare('SELECT * FROM targets WHERE al_account_id = ? ORDER BY label').all(alAccountId) as Row[]).map(
    toTarget,
  );
}

export function getTarget(alAccountId: string, accountId: string): Target | undefined {
  const row = db()
    .prepare('SELECT * FROM targets WHERE al_account_id = ? AND account_id = ?')
    .get(alAccountId, accountId) as Row | undefined;
  return row ? toTarget(row) : undefined;
}

/** Insert or replace: registering an account again updates its role and verification. */
export function saveTarget(alAccountId: string, t: Target): void {
  db()
    .prepare(
      `INSERT INTO targets (al_account_id, account_id, label, role_arn, external_id, created_by, created_at, verified_at, verified_arn)
       VALUES (@al, @accountId, @label, @roleArn, @externalId, @createdBy, @createdAt, @verifiedAt, @verifiedArn)
       ON CONFLICT (al_account_id, account_id) DO UPDATE SET
         label = excluded.label, role_arn = excluded.role_arn, external_id = excluded.external_id,
         verified_at = excluded.verified_at, verified_arn = excluded.verified_arn`,
    )
    .run({ al: alAccountId, ...t });
}

export function deleteTarget(alAccountId: string, accountId: string): boolean {
  return (
    db().prepare('DELETE FROM targets WHERE al_account_id = ? AND account_id = ?').run(alAccountId, accountId).changes >
    0
  );
}
