import 'server-only';
/** What an administrator can do from a region's detail page. Every action is audited. */
import { randomUUID } from 'node:crypto';
import { AppError } from '../api/errors';
import type { ConsoleSession } from '../auth/session';
import { deleteStack, describeStack, updateStackParameters, type StackInfo } from '../aws/cloudformation';
import { getCollectorFunction } from '../aws/lambda';
import { classifyAwsError } from '../aws/errors';
import { createSampleFinding } from '../aws/findings';
import { getDetectorState } from '../aws/guardduty';
import { targetScope } from '../aws/scope';
import { diagnoseAwsFailure } from '../collector/diagnosis';
import { COLLECTOR_CAPABILITIES, COLLECTOR_FUNCTION_NAME } from '../collector/template';
import { recordAudit } from '../store/audit';
import { getTarget } from '../store/targets';
import { collectorStackName } from './cell';
import { invalidateMatrix } from './matrix';

export const TEST_FINDING_TYPE = 'Recon:EC2/PortProbeUnprotectedPort';

function context(session: ConsoleSession, accountId: string, region: string) {
  const target = getTarget(session.accountId, accountId);
  if (!target) throw new AppError('not_found', `Account ${accountId} is not registered.`, 404);
  return { target, scope: targetScope(session, target, region), subject: `aws:${accountId}/${region}` };
}

/**
 * The collector stack of a region, whatever its name (GuardLink's, or one made by hand): the
 * collector Lambda's environment names it. Two calls, not a whole cell's reading.
 */
async function collectorStack(ctx: ReturnType<typeof context>, accountId: string, region: string): Promise<StackInfo> {
  let stack: StackInfo | null;
  try {
    const fn = await getCollectorFunction(ctx.scope, COLLECTOR_FUNCTION_NAME);
    stack = await describeStack(ctx.scope, collectorStackName(fn));
  } catch (err) {
    throw awsProblem(err, region, accountId, 'The collector stack could not be read');
  }
  if (!stack || stack.status === 'DELETE_COMPLETE') {
    throw new AppError('not_found', 'There is no collector stack in this account and region.', 404);
  }
  return stack;
}

function awsProblem(err: unknown, region: string, accountId: string, what: string): AppError {
  const d = diagnoseAwsFailure(classifyAwsError(err), { region, accountId, during: 'deploy' });
  return new AppError('upstream_unavailable', `${what}: ${d.cause} ${d.remedy}`, 502);
}

async function audited<T>(
  session: ConsoleSession,
  action: Parameters<typeof recordAudit>[0]['action'],
  subject: string,
  run: () => Promise<T>,
  detail?: Record<string, unknown>,
): Promise<T> {
  try {
    const result = await run();
    recordAudit({ alAccountId: session.accountId, actor: session.email, action, subject, outcome: 'ok', detail });
    return result;
  } catch (err) {
    recordAudit({
      alAccountId: session.accountId,
      actor: session.email,
      action,
      subject,
      outcome: 'failed',
      detail: { ...detail, error: err instanceof Error ? err.message : String(err) },
    });
    throw err;
  } finally {
    invalidateMatrix(session.accountId);
  }
}

export async function sendTestFinding(
  session: ConsoleSession,
  accountId: string,
  region: string,
): Promise<{ sentAt: number; type: string }> {
  const { scope, subject } = context(session, accountId, region);
  return audited(session, 'finding.sample', subject, async () => {
    const detector = await getDetectorState(scope).catch((err: unknown) =>
      Promise.reject(awsProblem(err, region, accountId, 'GuardDuty could not be read')),
    );
    if (detector.state !== 'enabled')
      throw new AppError('conflict', 'GuardDuty is not enabled in this region, so it cannot generate a finding.', 409);
    const sentAt = Date.now();
    await createSampleFinding(scope, detector.detectorId, TEST_FINDING_TYPE).catch((err: unknown) =>
      Promise.reject(awsProblem(err, region, accountId, 'The sample finding was not created')),
    );
    return { sentAt, type: TEST_FINDING_TYPE };
  });
}

export async function removeCollector(session: ConsoleSession, accountId: string, region: string): Promise<void> {
  const ctx = context(session, accountId, region);
  const { scope, subject } = ctx;
  const stackId = (await collectorStack(ctx, accountId, region)).stackId;
  await audited(
    session,
    'stack.delete',
    subject,
    () =>
      deleteStack(scope, stackId, `guardlink-remove-${randomUUID()}`).catch((err: unknown) =>
        Promise.reject(awsProblem(err, region, accountId, 'The stack was not deleted')),
      ),
    { stackId },
  );
}

/** UpdateStack with UsePreviousTemplate; only the key changes, every other parameter keeps its value. */
export async function switchStackKey(
  session: ConsoleSession,
  accountId: string,
  region: string,
  key: { keyId: string; secretKey: string },
): Promise<'updating' | 'no_changes'> {
  const ctx = context(session, accountId, region);
  const { scope, subject } = ctx;
  const stack = await collectorStack(ctx, accountId, region);
  return audited(
    session,
    'stack.update',
    subject,
    () =>
      updateStackParameters(scope, {
        stackName: stack.stackId,
        change: { AccessKeyId: key.keyId, SecretKey: key.secretKey },
        keep: Object.keys(stack.parameters),
        token: `guardlink-key-${randomUUID()}`,
        capabilities: COLLECTOR_CAPABILITIES,
      }).catch((err: unknown) => Promise.reject(awsProblem(err, region, accountId, 'The stack was not updated'))),
    { stackId: stack.stackId, keyId: key.keyId },
  );
}
