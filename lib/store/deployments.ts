import 'server-only';
/**
 * Deployments (one wizard run) and their items (one per account × region). The wizard's state
 * lives here, so a reload, a second tab or a restart shows the same thing.
 */
import { randomUUID } from 'node:crypto';
import { db } from './db';

export const WIZARD_STEPS = ['targets', 'regions', 'preflight', 'key', 'review', 'deploy'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
export type DeploymentStatus = 'draft' | 'deploying' | 'finished' | 'discarded';

export type ItemState = 'planned' | 'skipped' | 'adopted' | 'queued' | 'deleting' | 'deploying' | 'complete' | 'failed';

export const ACTIVE_ITEM_STATES: ItemState[] = ['queued', 'deleting', 'deploying'];

export interface Deployment {
  id: string;
  alAccountId: string;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  status: DeploymentStatus;
  step: WizardStep;
  accountIds: string[];
  regions: string[];
  keyId: string | null;
  keyLabel: string | null;
  secretSealed: string | null;
  secretExpiresAt: number | null;
}

export interface DeploymentItem {
  deploymentId: string;
  accountId: string;
  region: string;
  state: ItemState;
  preflight: unknown;
  stackName: string | null;
  stackId: string | null;
  clientRequestToken: string | null;
  attempt: number;
  stackStatus: string | null;
  diagnosis: unknown;
  progress: unknown;
  updatedAt: number;
}

interface DeploymentRow {
  id: string;
  al_account_id: string;
  created_by: string;
  created_at: number;
  updated_at: number;
  status: DeploymentStatus;
  step: WizardStep;
  account_ids: string;
  regions: string;
  key_id: string | null;
  key_label: string | null;
  secret_sealed: string | null;
  secret_expires_at: number | null;
}

interface ItemRow {
  deployment_id: string;
  account_id: string;
  region: string;
  state: ItemState;
  preflight: string | null;
  stack_name: string | null;
  stack_id: string | null;
  client_request_token: string | null;
  attempt: number;
  stack_status: string | null;
  diagnosis: string | null;
  progress: string | null;
  updated_at: number;
}

const parse = (s: string | null): unknown => (s === null ? null : (JSON.parse(s) as unknown));

const toDeployment = (r: DeploymentRow): Deployment => ({
  id: r.id,
  alAccountId: r.al_account_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  status: r.status,
  step: r.step,
  accountIds: JSON.parse(r.account_ids) as string[],
  regions: JSON.parse(r.regions) as string[],
  keyId: r.key_id,
  keyLabel: r.key_label,
  secretSealed: r.secret_sealed,
  secretExpiresAt: r.secret_expires_at,
});

const toItem = (r: ItemRow): DeploymentItem => ({
  deploymentId: r.deployment_id,
  accountId: r.account_id,
  region: r.region,
  state: r.state,
  preflight: parse(r.preflight),
  stackName: r.stack_name,
  stackId: r.stack_id,
  clientRequestToken: r.client_request_token,
  attempt: r.attempt,
  stackStatus: r.stack_status,
  diagnosis: parse(r.diagnosis),
  progress: parse(r.progress),
  updatedAt: r.updated_at,
});

export function createDeployment(alAccountId: string, createdBy: string): Deployment {
  const now = Date.now();
  const id = randomUUID();
  db()
    .prepare(
      `INSERT INTO deployments (id, al_account_id, created_by, created_at, updated_at, status, step)
       VALUES (?, ?, ?, ?, ?, 'draft', 'targets')`,
    )
    .run(id, alAccountId, createdBy, now, now);
  return getDeployment(alAccountId, id)!;
}

export function getDeployment(alAccountId: string, id: string): Deployment | undefined {
  const row = db().prepare('SELECT * FROM deployments WHERE id = ? AND al_account_id = ?').get(id, alAccountId) as
    DeploymentRow | undefined;
  return row ? toDeployment(row) : undefined;
}

/** The wizard run to resume: the newest one not finished. */
export function openDeployment(alAccountId: string): Deployment | undefined {
  const row = db()
    .prepare(
      `SELECT * FROM deployments WHERE al_account_id = ? AND status IN ('draft', 'deploying') ORDER BY created_at DESC LIMIT 1`,
    )
    .get(alAccountId) as DeploymentRow | undefined;
  return row ? toDeployment(row) : undefined;
}

/** What the onboarding page shows: the newest deployment that was not discarded. */
export function latestDeployment(alAccountId: string): Deployment | undefined {
  const row = db()
    .prepare(
      `SELECT * FROM deployments WHERE al_account_id = ? AND status != 'discarded' ORDER BY created_at DESC LIMIT 1`,
    )
    .get(alAccountId) as DeploymentRow | undefined;
  return row ? toDeployment(row) : undefined;
}

export function listDeployments(alAccountId: string, limit = 20): Deployment[] {
  return (
    db()
      .prepare('SELECT * FROM deployments WHERE al_account_id = ? ORDER BY created_at DESC LIMIT ?')
      .all(alAccountId, limit) as DeploymentRow[]
  ).map(toDeployment);
}

export function updateDeployment(
  id: string,
  patch: Partial<
    Pick<
      Deployment,
      'status' | 'step' | 'accountIds' | 'regions' | 'keyId' | 'keyLabel' | 'secretSealed' | 'secretExpiresAt'
    >
  >,
): void {
  const columns: Record<string, unknown> = {};
  if (patch.status !== undefined) columns.status = patch.status;
  if (patch.step !== undefined) columns.step = patch.step;
  if (patch.accountIds !== undefined) columns.account_ids = JSON.stringify(patch.accountIds);
  if (patch.regions !== undefined) columns.regions = JSON.stringify(patch.regions);
  if (patch.keyId !== undefined) columns.key_id = patch.keyId;
  if (patch.keyLabel !== undefined) columns.key_label = patch.keyLabel;
  if (patch.secretSealed !== undefined) columns.secret_sealed = patch.secretSealed;
  if (patch.secretExpiresAt !== undefined) columns.secret_expires_at = patch.secretExpiresAt;
  const names = Object.keys(columns);
  if (names.length === 0) return;
  db()
    .prepare(`UPDATE deployments SET ${names.map((n) => `${n} = @${n}`).join(', ')}, updated_at = @now WHERE id = @id`)
    .run({ ...columns, now: Date.now(), id });
}

/** Drops kept secrets whose time is up (24 h), whatever their deployment's state. */
export function purgeExpiredSecrets(now = Date.now()): number {
  return db()
    .prepare(
      'UPDATE deployments SET secret_sealed = NULL, secret_expires_at = NULL WHERE secret_expires_at IS NOT NULL AND secret_expires_at <= ?',
    )
    .run(now).changes;
}

export function listItems(deploymentId: string): DeploymentItem[] {
  return (
    db()
      .prepare('SELECT * FROM deployment_items WHERE deployment_id = ? ORDER BY account_id, region')
      .all(deploymentId) as ItemRow[]
  ).map(toItem);
}

export function getItem(deploymentId: string, accountId: string, region: string): DeploymentItem | undefined {
  const row = db()
    .prepare('SELECT * FROM deployment_items WHERE deployment_id = ? AND account_id = ? AND region = ?')
    .get(deploymentId, accountId, region) as ItemRow | undefined;
  return row ? toItem(row) : undefined;
}

/** Replaces the plan: items for pairs no longer chosen go, new ones arrive as `planned`. */
export function replacePlannedItems(
  deploymentId: string,
  items: { accountId: string; region: string; state: ItemState; preflight: unknown; diagnosis?: unknown }[],
): void {
  const database = db();
  database.transaction(() => {
    database.prepare('DELETE FROM deployment_items WHERE deployment_id = ?').run(deploymentId);
    const insert = database.prepare(
      `INSERT INTO deployment_items (deployment_id, account_id, region, state, preflight, diagnosis, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const i of items) {
      insert.run(
        deploymentId,
        i.accountId,
        i.region,
        i.state,
        JSON.stringify(i.preflight),
        i.diagnosis === undefined ? null : JSON.stringify(i.diagnosis),
        Date.now(),
      );
    }
  })();
}

export type ItemPatch = Partial<
  Pick<
    DeploymentItem,
    'stackName' | 'stackId' | 'clientRequestToken' | 'attempt' | 'stackStatus' | 'diagnosis' | 'progress'
  >
>;

/** Updates an item's recorded stack progress without changing its state. */
export function patchItem(
  key: { deploymentId: string; accountId: string; region: string },
  state: ItemState,
  patch: ItemPatch,
): boolean {
  return transitionItem(key, [state], state, patch);
}

/**
 * Moves an item from one of `from` to `to` only if it is still in one of them: the compare-and-set
 * that makes a double click, a second tab or a retry start one operation, not two.
 */
export function transitionItem(
  key: { deploymentId: string; accountId: string; region: string },
  from: ItemState[],
  to: ItemState,
  patch: ItemPatch = {},
): boolean {
  const sets = ['state = @to', 'updated_at = @now'];
  const values: Record<string, unknown> = { to, now: Date.now(), ...key };
  const map: Record<string, string> = {
    stackName: 'stack_name',
    stackId: 'stack_id',
    clientRequestToken: 'client_request_token',
    attempt: 'attempt',
    stackStatus: 'stack_status',
    diagnosis: 'diagnosis',
    progress: 'progress',
  };
  for (const [k, v] of Object.entries(patch)) {
    const col = map[k]!;
    sets.push(`${col} = @${col}`);
    values[col] = k === 'diagnosis' || k === 'progress' ? (v === null ? null : JSON.stringify(v)) : v;
  }
  const placeholders = from.map((_, i) => `@from${i}`);
  from.forEach((s, i) => (values[`from${i}`] = s));
  return (
    db()
      .prepare(
        `UPDATE deployment_items SET ${sets.join(', ')}
         WHERE deployment_id = @deploymentId AND account_id = @accountId AND region = @region AND state IN (${placeholders.join(', ')})`,
      )
      .run(values).changes === 1
  );
}

/** Another deployment already working on this account and region (one at a time per target/region). */
export function activeItemElsewhere(
  alAccountId: string,
  deploymentId: string,
  accountId: string,
  region: string,
): DeploymentItem | undefined {
  const row = db()
    .prepare(
      `SELECT i.* FROM deployment_items i JOIN deployments d ON d.id = i.deployment_id
       WHERE d.al_account_id = ? AND i.deployment_id != ? AND i.account_id = ? AND i.region = ?
         AND i.state IN ('queued', 'deleting', 'deploying') LIMIT 1`,
    )
    .get(alAccountId, deploymentId, accountId, region) as ItemRow | undefined;
  return row ? toItem(row) : undefined;
}
