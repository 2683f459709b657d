/**
 * What every invocation of the collector Lambda does first (AAC `load`, `updateEndpoints`,
 * `register`): decrypt the secret (KMS), authenticate to AIMS with the stack's key, resolve the
 * Alert Logic hosts it has not cached in its environment yet, and register when it has no
 * collector id. The secret never leaves the simulator: it is read from the stack's parameters.
 */
import { type SimSettings } from '../settings';
import { type AwsWorld } from '../world';
import { type LambdaFunction, type Stack } from '../world-types';
import {
  AL_SERVICES,
  type AlContext,
  type AlHosts,
  type AlSession,
  AlertLogicError,
  authenticate,
  registerCollector,
  resolveEndpoint,
} from './alertlogic';
import { collectorProperties } from './cells';
import { type LambdaInvocation } from './invocation';

/** What a Lambda run needs from the simulator; the stack engine's RunContext is one. */
export interface LambdaDeps {
  world: AwsWorld;
  settings: SimSettings;
  aimsUrl: string;
  signal: AbortSignal;
  /** Throws if the simulator was reset or closed; call before touching the world after an await. */
  check(): void;
}

const ENV_HOST: Record<(typeof AL_SERVICES)[number], string> = {
  azcollect: 'azcollect_api',
  ingest: 'ingest_api',
  collector_status: 'collector_status_api',
};

/** The function's time limit, for every invocation (a hanging Alert Logic makes it time out). */
export function invocationContext(deps: LambdaDeps): AlContext {
  return {
    aimsUrl: deps.aimsUrl,
    signal: AbortSignal.any([deps.signal, AbortSignal.timeout(deps.settings.registrationTimeoutMs)]),
  };
}

export const isTimeout = (err: unknown): boolean => err instanceof Error && err.name === 'TimeoutError';

/** The KMS error the Lambda gets when its role may no longer decrypt the secret. */
export function kmsDeniedMessage(fn: LambdaFunction): string {
  const role = fn.role.split('/').pop() ?? fn.role;
  return (
    `User: arn:aws:sts::${fn.account}:assumed-role/${role}/${fn.name} is not authorized to perform: kms:Decrypt ` +
    `on resource: ${fn.kmsKeyArn ?? '*'} because no identity-based policy allows the kms:Decrypt action`
  );
}

/**
 * Authenticates with the stack's access key. The `bad_key` fault sends a secret AIMS does not know,
 * so AIMS answers 401 for real, exactly as it does for a deleted key.
 */
export async function openSession(deps: LambdaDeps, ctx: AlContext, stack: Stack): Promise<AlSession> {
  const fault = deps.settings.collectorFault(stack.account, stack.region);
  const secret = stack.parameters.SecretKey ?? '';
  return authenticate(ctx, stack.parameters.AccessKeyId ?? '', fault === 'bad_key' ? `${secret}-revoked` : secret);
}

/**
 * The hosts cached in the environment, looked up (and cached, as `lambda:UpdateFunctionConfiguration`
 * would) when missing. A failed lookup is logged as a warning under `warnCode`, then fails the call.
 */
export async function ensureEndpoints(
  deps: LambdaDeps,
  ctx: AlContext,
  session: AlSession,
  fn: LambdaFunction,
  inv: LambdaInvocation,
  warnCode: string,
): Promise<AlHosts> {
  const hosts: Partial<AlHosts> = {};
  for (const service of AL_SERVICES) {
    const cached = fn.environment[ENV_HOST[service]];
    if (cached) {
      hosts[service] = cached;
      continue;
    }
    try {
      hosts[service] = await resolveEndpoint(ctx, session, service);
    } catch (err) {
      if (!(err instanceof AlertLogicError)) throw err;
      deps.check();
      inv.log(
        'WARN',
        `${warnCode} Error updating endpoints AWSC0001 Endpoints ${service} update failure ${err.message}`,
      );
      throw new AlertLogicError(`${service} endpoint unknown: ${err.message}`);
    }
  }
  deps.check();
  for (const service of AL_SERVICES) fn.environment[ENV_HOST[service]] = hosts[service] ?? '';
  return hosts as AlHosts;
}

/** Registers with azcollect and stores the collector id in the function's environment. */
export async function registerFunction(
  deps: LambdaDeps,
  ctx: AlContext,
  session: AlSession,
  hosts: AlHosts,
  c: { account: string; region: string; stack: Stack; fn: LambdaFunction },
): Promise<string> {
  const target = { account: c.account, region: c.region, functionName: c.fn.name };
  const id = await registerCollector(ctx, hosts.azcollect, session, target, collectorProperties(c));
  deps.check();
  c.fn.environment.collector_id = id;
  return id;
}
