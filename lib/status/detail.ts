import 'server-only';
/**
 * The evidence behind one cell: stack events with the diagnosis, the collector's errors of the last
 * 24 h grouped by message, GuardDuty's recent findings, the pipeline's counters and, where Alert
 * Logic shows them, the matching incidents and the last check-in.
 */
import { AppError } from '../api/errors';
import { aimsHealth } from '../aims/health-client';
import type { IncidentView } from '../aims/collector-health';
import type { ConsoleSession } from '../auth/session';
import { listStackEvents, stackResources, type StackEventInfo } from '../aws/cloudformation';
import { metricSeries } from '../aws/cloudwatch';
import { findingConsoleUrl, getFindings, listRecentFindingIds, type FindingView } from '../aws/findings';
import { filterLogLines, LAMBDA_ERROR_PATTERN } from '../aws/logs';
import { targetScope } from '../aws/scope';
import { diagnoseCollectorErrors, diagnoseStackFailure, firstFailure, type Diagnosis } from '../collector/diagnosis';
import { COLLECTOR_FUNCTION_NAME, COLLECTOR_LOG_GROUP } from '../collector/template';
import { getTarget } from '../store/targets';
import { DAY_MS, readCell, type CellView } from './cell';
import { groupErrors, type ErrorGroup } from './log-errors';

export interface RegionDetail {
  accountId: string;
  region: string;
  label: string;
  cell: CellView;
  events: StackEventInfo[];
  diagnosis: Diagnosis | null;
  errors: ErrorGroup[];
  findings: (FindingView & { consoleUrl: string })[];
  pipeline: {
    matched: number;
    delivered: number;
    invoked: number;
    errors: number;
    failedDeliveries: number;
    iteratorAgeMaxMs: number;
  } | null;
  incidents: IncidentView[];
  incidentsError: string | null;
}

const FAILED =
  /(ROLLBACK_COMPLETE|ROLLBACK_FAILED|CREATE_FAILED|DELETE_FAILED|UPDATE_ROLLBACK_COMPLETE|UPDATE_ROLLBACK_FAILED)$/;

export async function regionDetail(session: ConsoleSession, accountId: string, region: string): Promise<RegionDetail> {
  const target = getTarget(session.accountId, accountId);
  if (!target) throw new AppError('not_found', `Account ${accountId} is not registered.`, 404);
  const scope = targetScope(session, target, region);
  const now = Date.now();
  const cell = await readCell(session, target, region, now);
  const stack = cell.stack;
  const [events, errorLines, findings, pipeline, incidents] = await Promise.all([
    stack ? listStackEvents(scope, stack.id, 100).catch(() => []) : Promise.resolve([]),
    stack
      ? filterLogLines(scope, {
          group: COLLECTOR_LOG_GROUP,
          pattern: LAMBDA_ERROR_PATTERN,
          startMs: now - DAY_MS,
          endMs: now,
          max: 500,
        }).catch(() => [])
      : Promise.resolve([]),
    recentFindings(scope, cell.detectorId, region, now),
    stack ? pipelineCounters(scope, stack.name, now).catch(() => null) : Promise.resolve(null),
    aimsHealth()
      .guardDutyIncidents(session.aimsToken, session.accountId, (now - DAY_MS) / 1000, now / 1000)
      .then((list) => ({ list: list.filter((i) => !i.region || i.region === region), error: null }))
      .catch((err: unknown) => ({
        list: [] as IncidentView[],
        error: err instanceof Error ? err.message : 'Alert Logic incidents unavailable',
      })),
  ]);
  const errors = groupErrors(errorLines);
  const diagnosis =
    stack && FAILED.test(stack.status)
      ? diagnoseStackFailure({ region, stackId: stack.id, failed: firstFailure(events), stackReason: null })
      : ['failing', 'degraded'].includes(cell.state)
        ? diagnoseCollectorErrors(
            errors.map((g) => g.message),
            region,
          )
        : null;
  return {
    accountId,
    region,
    label: target.label,
    cell,
    events,
    diagnosis,
    errors,
    findings,
    pipeline,
    incidents: incidents.list,
    incidentsError: incidents.error,
  };
}

async function recentFindings(
  scope: ReturnType<typeof targetScope>,
  detectorId: string | null,
  region: string,
  now: number,
) {
  if (!detectorId) return [];
  const ids = await listRecentFindingIds(scope, detectorId, now - 7 * DAY_MS, 20);
  const list = await getFindings(scope, detectorId, ids);
  return list.map((f) => ({ ...f, consoleUrl: findingConsoleUrl(region, f.id) }));
}

async function pipelineCounters(scope: ReturnType<typeof targetScope>, stackName: string, now: number) {
  const resources = await stackResources(scope, stackName);
  const stream = resources.KinesisStream;
  const rule = resources.CloudWatchEventsRule;
  const fn = { name: 'FunctionName', value: COLLECTOR_FUNCTION_NAME };
  const m = await metricSeries(
    scope,
    [
      ...(rule
        ? [
            {
              id: 'matched',
              namespace: 'AWS/Events',
              name: 'MatchedEvents',
              dimension: { name: 'RuleName', value: rule },
            },
          ]
        : []),
      ...(rule
        ? [
            {
              id: 'failed',
              namespace: 'AWS/Events',
              name: 'FailedInvocations',
              dimension: { name: 'RuleName', value: rule },
            },
          ]
        : []),
      ...(stream
        ? [
            {
              id: 'records',
              namespace: 'AWS/Kinesis',
              name: 'IncomingRecords',
              dimension: { name: 'StreamName', value: stream },
            },
          ]
        : []),
      { id: 'inv', namespace: 'AWS/Lambda', name: 'Invocations', dimension: fn },
      { id: 'err', namespace: 'AWS/Lambda', name: 'Errors', dimension: fn },
      { id: 'age', namespace: 'AWS/Lambda', name: 'IteratorAge', dimension: fn, stat: 'Maximum' as const },
    ],
    now - DAY_MS,
    now,
    3600,
  );
  return {
    matched: m.matched?.total ?? 0,
    failedDeliveries: m.failed?.total ?? 0,
    delivered: m.records?.total ?? 0,
    invoked: m.inv?.total ?? 0,
    errors: m.err?.total ?? 0,
    iteratorAgeMaxMs: m.age?.total ?? 0,
  };
}
