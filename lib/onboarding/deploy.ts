import 'server-only';
/**
 * The deploy engine: every account × region in parallel under one bound, each item driven to a
 * terminal state by polling CloudFormation. Idempotent by construction: an item is claimed with a
 * compare-and-set in the store, the ClientRequestToken is derived from (deployment, attempt), and
 * one watcher per item runs in this process; a restart resumes from the store.
 */
import { createStack, deleteStack, describeStack, listStackEvents } from '../aws/cloudformation';
import { classifyAwsError } from '../aws/errors';
import { targetScope } from '../aws/scope';
import { seal, unseal } from '../crypto/seal';
import { diagnoseAwsFailure, diagnoseStackFailure, firstFailure, type Diagnosis } from '../collector/diagnosis';
import {
  COLLECTOR_CAPABILITIES,
  COLLECTOR_TEMPLATE_URL,
  GUARDLINK_STACK_NAME,
  TAG_DEPLOYMENT,
  collectorParameters,
  guardLinkTags,
} from '../collector/template';
import { env } from '../env';
import { logger } from '../log';
import { recordAudit } from '../store/audit';
import {
  getDeployment,
  getItem,
  listItems,
  patchItem,
  transitionItem,
  updateDeployment,
  type DeploymentItem,
  type ItemState,
} from '../store/deployments';
import { getTarget } from '../store/targets';
import { createLimiter } from './limit';

export const SECRET_PURPOSE = 'deployment-key-secret';
export const COLLECTOR_RESOURCE_COUNT = 19;

export interface Actor {
  alAccountId: string;
  email: string;
}

const FAILED_TERMINAL = new Set([
  'ROLLBACK_COMPLETE',
  'ROLLBACK_FAILED',
  'CREATE_FAILED',
  'DELETE_COMPLETE',
  'DELETE_FAILED',
]);
const SUCCESS_STATES: ItemState[] = ['complete', 'adopted', 'skipped'];

const watchers = new Map<string, Promise<void>>();
let limiter: ReturnType<typeof createLimiter> | undefined;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The key step seals the secret with this; only the engine unseals it, server-side. */
export const sealSecret = (secret: string) => seal(secret, env().AUTH_SECRET, SECRET_PURPOSE);

export function tokenFor(deploymentId: string, attempt: number, suffix = ''): string {
  return `guardlink-${deploymentId}-${attempt}${suffix}`;
}

type Key = { deploymentId: string; accountId: string; region: string };

function fail(key: Key, from: ItemState[], diagnosis: Diagnosis, stackStatus?: string): void {
  transitionItem(key, from, 'failed', { diagnosis, ...(stackStatus ? { stackStatus } : {}) });
}

async function waitForStack(
  key: Key,
  state: ItemState,
  scope: ReturnType<typeof targetScope>,
  stackId: string,
  until: (status: string) => boolean,
): Promise<string> {
  for (;;) {
    const stack = await describeStack(scope, stackId);
    const status = stack?.status ?? 'DELETE_COMPLETE';
    let progress: unknown = undefined;
    if (state === 'deploying') {
      const events = await listStackEvents(scope, stackId, 100);
      const done = new Set(
        events
          .filter((e) => e.status === 'CREATE_COMPLETE' && e.resourceType !== 'AWS::CloudFormation::Stack')
          .map((e) => e.logicalId),
      );
      const last = events[0];
      progress = {
        done: done.size,
        total: COLLECTOR_RESOURCE_COUNT,
        last: last ? { logicalId: last.logicalId, status: last.status } : null,
      };
    }
    patchItem(key, state, { stackStatus: status, ...(progress ? { progress } : {}) });
    if (until(status)) return status;
    await sleep(env().DEPLOY_POLL_MS);
  }
}

async function driveItem(actor: Actor, key: Key): Promise<void> {
  const item = getItem(key.deploymentId, key.accountId, key.region);
  const deployment = getDeployment(actor.alAccountId, key.deploymentId);
  const target = getTarget(actor.alAccountId, key.accountId);
  if (!item || !deployment || !target) return;
  const scope = targetScope(actor, target, key.region);
  const active: ItemState[] = ['queued', 'deleting', 'deploying'];
  try {
    const secret = deployment.secretSealed ? unseal(deployment.secretSealed, env().AUTH_SECRET, SECRET_PURPOSE) : null;
    const token = tokenFor(key.deploymentId, item.attempt);
    const existing = await describeStack(scope, GUARDLINK_STACK_NAME);
    const ours =
      !!existing && (existing.stackId === item.stackId || existing.tags[TAG_DEPLOYMENT] === key.deploymentId);
    let stackId: string | null = null;
    if (existing && FAILED_TERMINAL.has(existing.status) && item.state === 'queued') {
      // A failed stack (ROLLBACK_COMPLETE, ...) can only be deleted, then created anew.
      transitionItem(key, ['queued'], 'deleting', { stackStatus: existing.status });
      await deleteStack(scope, existing.stackId, tokenFor(key.deploymentId, item.attempt, '-cleanup'));
      const end = await waitForStack(
        key,
        'deleting',
        scope,
        existing.stackId,
        (s) => s === 'DELETE_COMPLETE' || s === 'DELETE_FAILED',
      );
      if (end === 'DELETE_FAILED') {
        const diagnosis = {
          code: 'stack_failed' as const,
          cause: 'The failed stack from an earlier attempt could not be deleted.',
          remedy: 'Delete it in the CloudFormation console, then retry this region.',
        };
        fail(key, active, diagnosis, end);
        return;
      }
    } else if (existing && !ours) {
      fail(key, active, {
        code: 'collector_exists',
        cause: `GuardLink's collector stack already exists here (${existing.status}), made by another deployment.`,
        remedy: 'Leave it in place, or remove it before deploying again.',
      });
      return;
    } else if (existing) {
      stackId = existing.stackId;
    }
    if (!stackId) {
      if (!secret) {
        fail(key, active, {
          code: 'alert_logic_key_rejected',
          cause: 'GuardLink no longer holds the Alert Logic secret for this deployment (it is kept 24 hours at most).',
          remedy: 'Start a new deployment for this region and choose the key again.',
        });
        return;
      }
      transitionItem(key, ['queued', 'deleting'], 'deploying', {
        clientRequestToken: token,
        stackName: GUARDLINK_STACK_NAME,
      });
      stackId = await createStack(scope, {
        stackName: GUARDLINK_STACK_NAME,
        templateUrl: COLLECTOR_TEMPLATE_URL,
        parameters: collectorParameters({ accessKeyId: deployment.keyId ?? '', secretKey: secret }),
        tags: guardLinkTags(key.deploymentId, actor.alAccountId),
        token,
        capabilities: COLLECTOR_CAPABILITIES,
      });
      patchItem(key, 'deploying', { stackId });
    } else {
      transitionItem(key, ['queued', 'deleting', 'deploying'], 'deploying', { stackId });
    }
    const status = await waitForStack(
      key,
      'deploying',
      scope,
      stackId,
      (s) => s === 'CREATE_COMPLETE' || FAILED_TERMINAL.has(s),
    );
    if (status === 'CREATE_COMPLETE') {
      transitionItem(key, ['deploying'], 'complete', { stackStatus: status, diagnosis: null });
      recordAudit({
        alAccountId: actor.alAccountId,
        actor: actor.email,
        action: 'stack.create',
        subject: `aws:${key.accountId}/${key.region}`,
        outcome: 'ok',
        detail: { stackId },
      });
    } else {
      const stack = await describeStack(scope, stackId);
      const events = await listStackEvents(scope, stackId, 200);
      const diagnosis = diagnoseStackFailure({
        region: key.region,
        stackId,
        failed: firstFailure(events),
        stackReason: stack?.statusReason ?? null,
      });
      fail(key, ['deploying'], diagnosis, status);
      recordAudit({
        alAccountId: actor.alAccountId,
        actor: actor.email,
        action: 'stack.create',
        subject: `aws:${key.accountId}/${key.region}`,
        outcome: 'failed',
        detail: { stackId, status, diagnosis: diagnosis.code },
      });
    }
  } catch (err) {
    const failure = classifyAwsError(err);
    logger.warn('deploy item failed', { ...key, code: failure.code, kind: failure.kind });
    fail(
      key,
      active,
      diagnoseAwsFailure(failure, {
        region: key.region,
        accountId: key.accountId,
        roleName: target.roleArn?.split('/').pop(),
        during: 'deploy',
      }),
    );
    recordAudit({
      alAccountId: actor.alAccountId,
      actor: actor.email,
      action: 'stack.create',
      subject: `aws:${key.accountId}/${key.region}`,
      outcome: 'failed',
      detail: { code: failure.code },
    });
  } finally {
    finishIfDone(actor.alAccountId, key.deploymentId);
  }
}

/** When every item has succeeded (or was skipped), the deployment is done and its secret is dropped. */
export function finishIfDone(alAccountId: string, deploymentId: string): void {
  const items = listItems(deploymentId);
  if (items.length > 0 && items.every((i) => SUCCESS_STATES.includes(i.state))) {
    const d = getDeployment(alAccountId, deploymentId);
    if (d && d.status !== 'finished')
      updateDeployment(deploymentId, { status: 'finished', secretSealed: null, secretExpiresAt: null });
  }
}

function launch(actor: Actor, key: Key): void {
  const id = `${key.deploymentId}|${key.accountId}|${key.region}`;
  if (watchers.has(id)) return;
  limiter ??= createLimiter(env().DEPLOY_CONCURRENCY);
  const run = limiter(() => driveItem(actor, key))
    .catch((err: unknown) => logger.error('deploy watcher crashed', { ...key, error: String(err) }))
    .finally(() => watchers.delete(id));
  watchers.set(id, run);
}

/** Starts every ready item; adopts existing collectors; skips what preflight blocked. */
export function startDeployment(actor: Actor, deploymentId: string): void {
  for (const item of listItems(deploymentId)) {
    const key = { deploymentId, accountId: item.accountId, region: item.region };
    const verdict = (item.preflight as { verdict?: string } | null)?.verdict;
    if (item.state !== 'planned') continue;
    if (verdict === 'adopt') {
      if (transitionItem(key, ['planned'], 'adopted')) {
        recordAudit({
          alAccountId: actor.alAccountId,
          actor: actor.email,
          action: 'stack.adopt',
          subject: `aws:${item.accountId}/${item.region}`,
          outcome: 'ok',
        });
      }
    } else if (verdict === 'ready') {
      if (transitionItem(key, ['planned'], 'queued')) launch(actor, key);
    } else {
      transitionItem(key, ['planned'], 'skipped');
    }
  }
  finishIfDone(actor.alAccountId, deploymentId);
}

/** Retries one failed item with a new attempt number (hence a new ClientRequestToken). */
export function retryItem(actor: Actor, item: DeploymentItem): boolean {
  const key = { deploymentId: item.deploymentId, accountId: item.accountId, region: item.region };
  const claimed = transitionItem(key, ['failed'], 'queued', {
    attempt: item.attempt + 1,
    stackId: null,
    diagnosis: null,
    progress: null,
  });
  if (claimed) launch(actor, key);
  return claimed;
}

/** After a restart, items still marked active have no watcher: pick them up again. */
export function resumeDeployment(actor: Actor, deploymentId: string): void {
  for (const item of listItems(deploymentId)) {
    if (['queued', 'deleting', 'deploying'].includes(item.state))
      launch(actor, { deploymentId, accountId: item.accountId, region: item.region });
  }
}
