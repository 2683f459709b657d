import 'server-only';
/**
 * Preflight per account × region, before anything is created: role assumable, region enabled,
 * GuardDuty on, collector already there (adopt it), deploying permissions. Every pair is checked
 * independently: one unreachable region or account never blocks the others.
 */
import type { ConsoleSession } from '../auth/session';
import { describeStack } from '../aws/cloudformation';
import { listAccountRegions } from '../aws/ec2';
import { classifyAwsError } from '../aws/errors';
import { getDetectorState } from '../aws/guardduty';
import { deniedActions, principalArnFor } from '../aws/iam';
import { getCollectorFunction } from '../aws/lambda';
import { targetScope } from '../aws/scope';
import { getCallerIdentity } from '../aws/sts';
import { diagnoseAwsFailure, type Diagnosis } from '../collector/diagnosis';
import { COLLECTOR_FUNCTION_NAME, DEPLOY_ACTIONS, GUARDLINK_STACK_NAME, isGuardLinkStack } from '../collector/template';
import { env } from '../env';
import type { Target } from '../store/targets';
import { settleAll } from './limit';

export type Verdict = 'ready' | 'adopt' | 'enable_guardduty' | 'blocked';

export interface ExistingCollector {
  stackName: string | null;
  stackStatus: string | null;
  managedByGuardLink: boolean;
  accessKeyId: string | null;
}

export interface PreflightResult {
  accountId: string;
  region: string;
  verdict: Verdict;
  guardDuty: 'enabled' | 'disabled' | 'none' | 'unknown';
  existing: ExistingCollector | null;
  /** A GuardLink stack left failed by an earlier attempt: deploy deletes it first. */
  leftover: { stackId: string; status: string } | null;
  missingActions: string[];
  diagnosis: Diagnosis | null;
}

interface AccountFacts {
  ok: boolean;
  enabledRegions: Set<string>;
  missingActions: string[];
  diagnosis: Diagnosis | null;
}

const FAILED_LEFTOVER = new Set(['ROLLBACK_COMPLETE', 'ROLLBACK_FAILED', 'CREATE_FAILED', 'DELETE_FAILED']);

async function accountFacts(session: ConsoleSession, target: Target): Promise<AccountFacts> {
  const scope = targetScope(session, target, env().AWS_REGION);
  try {
    const me = await getCallerIdentity(scope);
    const [regions, missing] = await Promise.all([
      listAccountRegions(scope),
      deniedActions(scope, principalArnFor(me.arn), DEPLOY_ACTIONS).catch(() => [] as string[]),
    ]);
    return {
      ok: true,
      enabledRegions: new Set(regions.filter((r) => r.enabled).map((r) => r.name)),
      missingActions: missing,
      diagnosis: null,
    };
  } catch (err) {
    const diagnosis = diagnoseAwsFailure(classifyAwsError(err), {
      region: env().AWS_REGION,
      accountId: target.accountId,
      roleName: target.roleArn?.split('/').pop(),
      during: 'assume_role',
    });
    return { ok: false, enabledRegions: new Set(), missingActions: [], diagnosis };
  }
}

async function regionCheck(
  session: ConsoleSession,
  target: Target,
  region: string,
  facts: AccountFacts,
): Promise<PreflightResult> {
  const base = {
    accountId: target.accountId,
    region,
    existing: null,
    leftover: null,
    missingActions: facts.missingActions,
  };
  if (!facts.ok) return { ...base, verdict: 'blocked', guardDuty: 'unknown', diagnosis: facts.diagnosis };
  if (!facts.enabledRegions.has(region)) {
    const diagnosis = diagnoseAwsFailure(
      { kind: 'region_disabled', code: 'OptInRequired', message: `${region} is not enabled` },
      { region, accountId: target.accountId, during: 'check' },
    );
    return { ...base, verdict: 'blocked', guardDuty: 'unknown', diagnosis };
  }
  const scope = targetScope(session, target, region);
  try {
    const [detector, fn, ours] = await Promise.all([
      getDetectorState(scope),
      getCollectorFunction(scope, COLLECTOR_FUNCTION_NAME),
      describeStack(scope, GUARDLINK_STACK_NAME),
    ]);
    const guardDuty = detector.state;
    const leftover = ours && FAILED_LEFTOVER.has(ours.status) ? { stackId: ours.stackId, status: ours.status } : null;
    let existing: ExistingCollector | null = null;
    if (fn) {
      const stack = fn.stackName ? await describeStack(scope, fn.stackName) : null;
      existing = {
        stackName: fn.stackName,
        stackStatus: stack?.status ?? null,
        managedByGuardLink: stack ? isGuardLinkStack(stack.tags) : false,
        accessKeyId: fn.accessKeyId,
      };
    }
    if (existing) return { ...base, existing, leftover, guardDuty, verdict: 'adopt', diagnosis: null };
    if (facts.missingActions.length > 0) {
      const diagnosis: Diagnosis = {
        code: 'missing_permission',
        cause: `The deploying identity lacks ${facts.missingActions.length} permission(s): ${facts.missingActions.join(', ')}.`,
        remedy:
          "Add them to the role's permission policy (the Targets page shows the whole policy), then run preflight again.",
      };
      return { ...base, leftover, guardDuty, verdict: 'blocked', diagnosis };
    }
    if (guardDuty !== 'enabled') return { ...base, leftover, guardDuty, verdict: 'enable_guardduty', diagnosis: null };
    return { ...base, leftover, guardDuty, verdict: 'ready', diagnosis: null };
  } catch (err) {
    const diagnosis = diagnoseAwsFailure(classifyAwsError(err), {
      region,
      accountId: target.accountId,
      during: 'check',
    });
    return { ...base, verdict: 'blocked', guardDuty: 'unknown', diagnosis };
  }
}

export async function runPreflight(
  session: ConsoleSession,
  targets: Target[],
  regions: string[],
): Promise<PreflightResult[]> {
  const facts = await settleAll(
    env().DEPLOY_CONCURRENCY,
    targets.map((t) => () => accountFacts(session, t)),
  );
  const tasks = targets.flatMap((t, i) => {
    const f = facts[i]!;
    const accountFactsOrFailure: AccountFacts =
      f.status === 'fulfilled'
        ? f.value
        : { ok: false, enabledRegions: new Set(), missingActions: [], diagnosis: null };
    return regions.map((r) => () => regionCheck(session, t, r, accountFactsOrFailure));
  });
  const settled = await settleAll(env().DEPLOY_CONCURRENCY, tasks);
  return settled.map((s, i) => {
    if (s.status === 'fulfilled') return s.value;
    const t = targets[Math.floor(i / regions.length)]!;
    const region = regions[i % regions.length]!;
    return {
      accountId: t.accountId,
      region,
      verdict: 'blocked',
      guardDuty: 'unknown',
      existing: null,
      leftover: null,
      missingActions: [],
      diagnosis: diagnoseAwsFailure(classifyAwsError(s.reason), { region, accountId: t.accountId, during: 'check' }),
    };
  });
}

export async function preflightOne(session: ConsoleSession, target: Target, region: string): Promise<PreflightResult> {
  const [result] = await runPreflight(session, [target], [region]);
  return result!;
}
