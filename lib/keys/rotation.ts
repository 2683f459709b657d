import 'server-only';
/**
 * Key rotation across every stack that uses a key: create a new key, update each stack to it
 * (UpdateStack, previous values kept), and delete the old key only once every update succeeded.
 * Jobs live in server memory while they run; a restart loses the progress view, never a key.
 */
import { randomUUID } from 'node:crypto';
import { aims } from '../aims';
import { AppError } from '../api/errors';
import type { ConsoleSession } from '../auth/session';
import { describeStack } from '../aws/cloudformation';
import { targetScope } from '../aws/scope';
import { env } from '../env';
import { logger } from '../log';
import { settleAll } from '../onboarding/limit';
import { recordAudit } from '../store/audit';
import { getTarget } from '../store/targets';
import { switchStackKey } from '../status/actions';
import { createKey, deleteKey } from './service';
import { cachedMatrix, invalidateMatrix } from '../status/matrix';

export interface RotationStack {
  accountId: string;
  region: string;
  stackName: string;
  state: 'pending' | 'updating' | 'updated' | 'failed';
  message: string | null;
}

export interface RotationJob {
  id: string;
  alAccountId: string;
  oldKeyId: string;
  newKeyId: string | null;
  newLabel: string;
  status: 'running' | 'done' | 'failed';
  stacks: RotationStack[];
  oldKeyDeleted: boolean;
  message: string | null;
  startedAt: number;
}

const jobs = new Map<string, RotationJob>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A failed or deleted stack runs no collector, so it does not "use" its key. */
function runsCollector(status: string): boolean {
  return !/^(ROLLBACK_COMPLETE|ROLLBACK_FAILED|ROLLBACK_IN_PROGRESS|CREATE_FAILED|DELETE_)/.test(status);
}

/** Which GuardLink-visible stacks use each key (their AccessKeyId parameter). */
export async function keyUsage(session: ConsoleSession, fresh = false) {
  const matrix = await cachedMatrix(session, fresh);
  const usage: Record<string, { accountId: string; region: string; stackName: string; managedByGuardLink: boolean }[]> =
    {};
  for (const c of matrix.cells) {
    const key = c.stack?.accessKeyId?.toLowerCase();
    if (!key || !c.stack || !runsCollector(c.stack.status)) continue;
    (usage[key] ??= []).push({
      accountId: c.accountId,
      region: c.region,
      stackName: c.stack.name,
      managedByGuardLink: c.stack.managedByGuardLink,
    });
  }
  return { usage, generatedAt: matrix.generatedAt };
}

async function waitForUpdate(session: ConsoleSession, s: RotationStack): Promise<string> {
  const target = getTarget(session.accountId, s.accountId);
  if (!target) return 'TARGET_REMOVED';
  const scope = targetScope(session, target, s.region);
  for (;;) {
    const stack = await describeStack(scope, s.stackName);
    const status = stack?.status ?? 'DELETE_COMPLETE';
    if (!status.endsWith('_IN_PROGRESS')) return status;
    await sleep(env().DEPLOY_POLL_MS);
  }
}

async function run(session: ConsoleSession, job: RotationJob): Promise<void> {
  try {
    const created = await createKey(session, job.newLabel);
    job.newKeyId = created.key.id;
    await settleAll(
      env().DEPLOY_CONCURRENCY,
      job.stacks.map((s) => async () => {
        s.state = 'updating';
        try {
          const started = await switchStackKey(session, s.accountId, s.region, {
            keyId: created.key.id,
            secretKey: created.secretKey,
          });
          const status = started === 'no_changes' ? 'UPDATE_COMPLETE' : await waitForUpdate(session, s);
          s.state = status === 'UPDATE_COMPLETE' ? 'updated' : 'failed';
          s.message = s.state === 'failed' ? `Stack ended ${status}; it still uses the old key.` : null;
        } catch (err) {
          s.state = 'failed';
          s.message = err instanceof Error ? err.message : String(err);
        }
      }),
    );
    const failed = job.stacks.filter((s) => s.state === 'failed').length;
    if (failed > 0) {
      job.status = 'failed';
      job.message = `${failed} stack(s) could not move to the new key, so the old key was kept. Fix them and rotate again.`;
    } else {
      await deleteKey(session, job.oldKeyId);
      job.oldKeyDeleted = true;
      job.status = 'done';
      job.message = `All ${job.stacks.length} stack(s) use the new key; the old key was deleted.`;
    }
  } catch (err) {
    job.status = 'failed';
    job.message = err instanceof Error ? err.message : 'The rotation stopped.';
    logger.warn('key rotation failed', { job: job.id, error: job.message });
  } finally {
    recordAudit({
      alAccountId: session.accountId,
      actor: session.email,
      action: 'key.rotate',
      subject: `key:${job.oldKeyId}`,
      outcome: job.status === 'done' ? 'ok' : 'failed',
      detail: { newKeyId: job.newKeyId, stacks: job.stacks.length },
    });
    invalidateMatrix(session.accountId);
  }
}

export async function startRotation(session: ConsoleSession, oldKeyId: string, newLabel: string): Promise<RotationJob> {
  const running = [...jobs.values()].find(
    (j) => j.alAccountId === session.accountId && j.oldKeyId === oldKeyId && j.status === 'running',
  );
  if (running) return running;
  const keys = await aims().listAccessKeys({
    token: session.aimsToken,
    accountId: session.accountId,
    userId: session.userId,
  });
  if (!keys.some((k) => k.id === oldKeyId)) throw new AppError('not_found', 'That key no longer exists.', 404);
  if (keys.length >= 5) {
    throw new AppError(
      'limit_exceeded',
      'Rotation needs a free key slot for the new key, and all 5 are used. Delete an unused key first.',
      409,
    );
  }
  const { usage } = await keyUsage(session, true);
  const stacks = (usage[oldKeyId] ?? []).map((u) => ({ ...u, state: 'pending' as const, message: null }));
  const job: RotationJob = {
    id: randomUUID(),
    alAccountId: session.accountId,
    oldKeyId,
    newKeyId: null,
    newLabel,
    status: 'running',
    stacks,
    oldKeyDeleted: false,
    message: null,
    startedAt: Date.now(),
  };
  jobs.set(job.id, job);
  void run(session, job);
  return job;
}

export function getRotation(alAccountId: string, id: string): RotationJob {
  const job = jobs.get(id);
  if (!job || job.alAccountId !== alAccountId)
    throw new AppError('not_found', 'No such rotation (it may predate a server restart).', 404);
  return job;
}
