import 'server-only';
/**
 * Reads one account × region with a fixed, small number of calls (at most 6 AWS calls and 1 Alert
 * Logic call; see README) and decides its health.
 */
import type { ConsoleSession } from '../auth/session';
import { aimsHealth } from '../aims/health-client';
import { describeStack } from '../aws/cloudformation';
import { metricSeries } from '../aws/cloudwatch';
import { classifyAwsError } from '../aws/errors';
import { listRecentFindingIds } from '../aws/findings';
import { getDetectorState } from '../aws/guardduty';
import { getCollectorFunction } from '../aws/lambda';
import { targetScope } from '../aws/scope';
import { diagnoseAwsFailure } from '../collector/diagnosis';
import { COLLECTOR_FUNCTION_NAME, GUARDLINK_STACK_NAME, isGuardLinkStack } from '../collector/template';
import type { Target } from '../store/targets';
import { decideHealth, type HealthState } from './health';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface CellView {
  accountId: string;
  region: string;
  state: HealthState;
  reason: string;
  guardDuty: 'enabled' | 'disabled' | 'none' | 'unknown';
  /** The enabled detector, so the detail page need not look it up again. */
  detectorId: string | null;
  stack: { name: string; id: string; status: string; managedByGuardLink: boolean; accessKeyId: string | null } | null;
  collectorId: string | null;
  invocations24h: number;
  errors24h: number;
  findings24h: number;
  lastCheckinMs: number | null;
  calls: { aws: number; alertLogic: number };
}

const RECENT_MS = 30 * 60 * 1000;

/** The stack the collector Lambda says it belongs to; without a Lambda, where GuardLink's would be. */
export function collectorStackName(fn: { stackName: string | null } | null): string {
  return fn?.stackName ?? GUARDLINK_STACK_NAME;
}

/**
 * The collector's latest runs: invocations and errors in the newest minute that had any run
 * (within the last 30 minutes). All of them failing means the collector is erroring now.
 */
export function latestRuns(inv: [number, number][], err: [number, number][], nowMs: number) {
  const active = inv.find(([t, v]) => v > 0 && nowMs - t <= RECENT_MS);
  if (!active) return { invocationsRecent: 0, errorsRecent: 0 };
  return { invocationsRecent: active[1], errorsRecent: err.find(([t]) => t === active[0])?.[1] ?? 0 };
}

export async function readCell(
  session: ConsoleSession,
  target: Target,
  region: string,
  nowMs: number,
): Promise<CellView> {
  const scope = targetScope(session, target, region);
  const calls = { aws: 0, alertLogic: 0 };
  const aws = <T>(p: Promise<T>) => {
    calls.aws++;
    return p;
  };
  const base = { accountId: target.accountId, region, calls };
  try {
    const [detector, fn] = await Promise.all([
      // ListDetectors + GetDetector when there is one.
      getDetectorState(scope).then((d) => {
        calls.aws += d.state === 'none' ? 1 : 2;
        return d;
      }),
      aws(getCollectorFunction(scope, COLLECTOR_FUNCTION_NAME)),
    ]);
    const stackName = collectorStackName(fn);
    const [stack, metrics, findingIds] = await Promise.all([
      aws(describeStack(scope, stackName)),
      fn
        ? aws(
            metricSeries(
              scope,
              [
                {
                  id: 'inv',
                  namespace: 'AWS/Lambda',
                  name: 'Invocations',
                  dimension: { name: 'FunctionName', value: COLLECTOR_FUNCTION_NAME },
                },
                {
                  id: 'err',
                  namespace: 'AWS/Lambda',
                  name: 'Errors',
                  dimension: { name: 'FunctionName', value: COLLECTOR_FUNCTION_NAME },
                },
              ],
              nowMs - DAY_MS,
              nowMs,
              60,
            ),
          )
        : Promise.resolve(null),
      detector.state === 'enabled'
        ? aws(listRecentFindingIds(scope, detector.detectorId, nowMs - DAY_MS))
        : Promise.resolve([]),
    ]);
    const collectorId = fn?.collectorId && !['none', 'NA', ''].includes(fn.collectorId) ? fn.collectorId : null;
    let report = null;
    if (collectorId) {
      calls.alertLogic++;
      report = await aimsHealth()
        .collectorReport(session.aimsToken, session.accountId, collectorId)
        .catch(() => null);
    }
    const hasCollector = !!fn || (!!stack && stack.status !== 'DELETE_COMPLETE');
    const facts = {
      guardDuty: detector.state,
      collector: hasCollector ? { stackStatus: stack?.status ?? null, collectorId } : null,
      invocations24h: metrics?.inv?.total ?? 0,
      errors24h: metrics?.err?.total ?? 0,
      ...latestRuns(metrics?.inv?.points ?? [], metrics?.err?.points ?? [], nowMs),
      findings24h: findingIds.length,
      alertLogic: report ? { status: report.status, timestampMs: report.timestamp } : null,
      nowMs,
    };
    const health = decideHealth(facts);
    return {
      ...base,
      state: health.state,
      reason: health.reason,
      guardDuty: detector.state,
      detectorId: detector.state === 'enabled' ? detector.detectorId : null,
      stack: stack
        ? {
            name: stack.stackName,
            id: stack.stackId,
            status: stack.status,
            managedByGuardLink: isGuardLinkStack(stack.tags),
            accessKeyId: stack.parameters.AccessKeyId ?? fn?.accessKeyId ?? null,
          }
        : null,
      collectorId,
      invocations24h: facts.invocations24h,
      errors24h: facts.errors24h,
      findings24h: facts.findings24h,
      lastCheckinMs: report?.timestamp ?? null,
    };
  } catch (err) {
    const d = diagnoseAwsFailure(classifyAwsError(err), {
      region,
      accountId: target.accountId,
      roleName: target.roleArn?.split('/').pop(),
      during: 'check',
    });
    return unreachable(target.accountId, region, d.cause, calls);
  }
}

export function unreachable(
  accountId: string,
  region: string,
  reason: string,
  calls = { aws: 0, alertLogic: 0 },
): CellView {
  return {
    accountId,
    region,
    state: 'unreachable',
    reason,
    guardDuty: 'unknown',
    detectorId: null,
    stack: null,
    collectorId: null,
    invocations24h: 0,
    errors24h: 0,
    findings24h: 0,
    lastCheckinMs: null,
    calls,
  };
}
