/**
 * RegistrationResource: the collector Lambda handles CloudFormation's Create/Update by
 * authenticating to AIMS with the stack's access key, resolving the Alert Logic hosts, and
 * registering with azcollect (real calls to the Alert Logic simulator; alertlogic-api.md §5.1). The
 * collector id lands in the function's environment (`collector_id`). A failure becomes the custom
 * resource's FAILED response, pointing at the log stream. Delete deregisters and always succeeds.
 */
import { lambdaLogStream, uuid } from '../ids';
import { type Stack } from '../world-types';
import { AlertLogicError, deregisterCollector } from '../collector/alertlogic';
import { collectorProperties } from '../collector/cells';
import { COLLECTOR_LOG_GROUP, LambdaInvocation } from '../collector/invocation';
import {
  ensureEndpoints,
  invocationContext,
  isTimeout,
  openSession,
  registerFunction,
} from '../collector/lambda-session';
import { type RunContext } from './engine';
import { COLLECTOR_FUNCTION_NAME } from './template';

export { COLLECTOR_LOG_GROUP };

const ownFunction = (op: RunContext, stack: Stack) => {
  const fn = op.world.functionIn(stack.account, stack.region, COLLECTOR_FUNCTION_NAME);
  return fn && fn.stackId === stack.stackId ? fn : undefined;
};

/**
 * Invokes the registration and writes the invocation's log lines to `stream`. Returns the
 * custom resource's failure reason, or undefined when registration succeeded.
 */
export async function register(
  op: RunContext,
  stack: Stack,
  stream: string,
  requestType: 'Create' | 'Update',
): Promise<string | undefined> {
  const inv = new LambdaInvocation();
  inv.log(
    'INFO',
    `Registering collector with Alert Logic (RequestType: ${requestType}, stack: ${stack.stackName})`,
    inv.startedAt,
  );
  // The whole registration runs within the function's time limit (registrationTimeoutMs).
  const ctx = invocationContext(op);
  let timedOutAfterS: number | undefined;
  try {
    const session = await openSession(op, ctx, stack);
    const fn = ownFunction(op, stack);
    if (!fn) throw new AlertLogicError(`Function not found: ${COLLECTOR_FUNCTION_NAME}`);
    const hosts = await ensureEndpoints(op, ctx, session, fn, inv, 'AWSC0002');
    const id = await registerFunction(op, ctx, session, hosts, {
      account: stack.account,
      region: stack.region,
      stack,
      fn,
    });
    inv.log('INFO', `Collector registered with Alert Logic: collector_id ${id}`);
  } catch (err) {
    op.check();
    if (isTimeout(err)) timedOutAfterS = op.settings.registrationTimeoutMs / 1000;
    else if (err instanceof AlertLogicError) inv.log('ERROR', `AWSC0003 registration error: Error: ${err.message}`);
    else throw err;
  }
  op.check();
  inv.finish(op.world, stack, stream, { timedOutAfterS });
  if (!inv.hasFailed) return undefined;
  return `Received response status [FAILED] from custom resource. Message returned: See the details in CloudWatch Log Stream: ${stream} (RequestId: ${uuid()})`;
}

/** The custom resource's Delete: deregister from azcollect; CloudFormation always hears SUCCESS (AAC `deregisterSync`). */
export async function deregister(op: RunContext, stack: Stack): Promise<void> {
  const inv = new LambdaInvocation();
  inv.log('INFO', `Deregistering collector from Alert Logic (RequestType: Delete, stack: ${stack.stackName})`);
  const fn = ownFunction(op, stack);
  const ctx = invocationContext(op);
  try {
    if (!fn) throw new AlertLogicError(`Function not found: ${COLLECTOR_FUNCTION_NAME}`);
    const session = await openSession(op, ctx, stack);
    const hosts = await ensureEndpoints(op, ctx, session, fn, inv, 'AWSC0016');
    const target = { account: stack.account, region: stack.region, functionName: fn.name };
    await deregisterCollector(
      ctx,
      hosts.azcollect,
      session,
      target,
      collectorProperties({ account: stack.account, region: stack.region, stack, fn }),
    );
    inv.log('INFO', 'Collector deregistered from Alert Logic');
  } catch (err) {
    op.check();
    if (!(err instanceof AlertLogicError) && !isTimeout(err)) throw err;
    inv.log(
      'WARN',
      `AWSC0011 Collector deregistration failed. Error: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  op.check();
  inv.finish(op.world, stack, invocationStream());
}

/** A new invocation's stream (updates run in a fresh one; the resource's physical id stays). */
export const invocationStream = (): string => lambdaLogStream(new Date());
