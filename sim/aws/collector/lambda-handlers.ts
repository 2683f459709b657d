/**
 * The collector Lambda's two recurring jobs (reference/collector-template.md "What runs once it is
 * up"; alertlogic-api.md §5.1, §6.1): forwarding a Kinesis batch of GuardDuty events to ingest, and
 * the scheduled check-in. Collector faults act here: `kms_denied` fails before any call, `timeout`
 * hits the 3-second limit, `bad_key` makes AIMS refuse the key for real.
 */
import { functionArn } from '../lambda-function';
import {
  type AlContext,
  type AlHosts,
  type AlSession,
  AlertLogicError,
  checkinCollector,
  ingest,
  putCollectorStatus,
} from './alertlogic';
import { type ActiveCollector, collectorIdOf, collectorProperties } from './cells';
import { type FinishOptions, LambdaInvocation, lambdaSum } from './invocation';
import {
  type LambdaDeps,
  ensureEndpoints,
  invocationContext,
  isTimeout,
  kmsDeniedMessage,
  openSession,
  registerFunction,
} from './lambda-session';

/** The `timeout` fault: the Lambda's logs say it ran out of time after 3 seconds. */
export const FAULT_TIMEOUT_S = 3;
const STREAM = 'guardduty';

export interface StreamRecord {
  /** The EventBridge event the rule put on the stream. */
  event: Record<string, unknown>;
  arrivedAt: number;
}

type Work = (ctx: AlContext, session: AlSession, hosts: AlHosts) => Promise<void>;

function statusBody(collectorId: string, status: 'ok' | 'error', error?: string): Record<string, unknown> {
  return {
    status,
    inst_type: 'collector',
    stream: STREAM,
    status_id: collectorId,
    timestamp: Date.now(),
    reported_by: 'cwe',
    collection_type: 'guardduty',
    ...(error ? { errorinfo: { details: [{ error }], description: error } } : {}),
  };
}

/**
 * Runs one invocation's work after the common start (decrypt, authenticate, endpoints). A failure
 * is reported to collectors_status when the Lambda still can (AAC `done`), then fails the run.
 */
async function run(deps: LambdaDeps, c: ActiveCollector, inv: LambdaInvocation, warnCode: string, work: Work) {
  const fault = deps.settings.collectorFault(c.account, c.region);
  if (fault === 'kms_denied') {
    inv.invokeError('AccessDeniedException', kmsDeniedMessage(c.fn));
    return {};
  }
  if (fault === 'timeout') return { timedOutAfterS: FAULT_TIMEOUT_S };
  const ctx = invocationContext(deps);
  let session: AlSession | undefined;
  let hosts: AlHosts | undefined;
  try {
    session = await openSession(deps, ctx, c.stack);
    hosts = await ensureEndpoints(deps, ctx, session, c.fn, inv, warnCode);
    await work(ctx, session, hosts);
    return {};
  } catch (err) {
    deps.check();
    if (isTimeout(err)) return { timedOutAfterS: deps.settings.registrationTimeoutMs / 1000 };
    if (!(err instanceof AlertLogicError)) throw err;
    const id = collectorIdOf(c.fn);
    if (session && hosts && id) {
      await putCollectorStatus(
        ctx,
        hosts.collector_status,
        session,
        id,
        STREAM,
        statusBody(id, 'error', err.message),
      ).catch(() => undefined);
      deps.check();
    }
    inv.invokeError('Error', err.message);
    return {};
  }
}

/** The `timeout` fault does not make anyone wait: the invocation is dated back so it ends now. */
const startOf = (deps: LambdaDeps, c: ActiveCollector): number =>
  Date.now() - (deps.settings.collectorFault(c.account, c.region) === 'timeout' ? FAULT_TIMEOUT_S * 1000 : 0);

/** A batch from the event source mapping: only GuardDuty findings are kept and sent as secmsgs. */
export async function processBatch(deps: LambdaDeps, c: ActiveCollector, records: StreamRecord[], stream: string) {
  const received = Date.now();
  const inv = new LambdaInvocation(startOf(deps, c));
  const oldest = Math.min(...records.map((r) => r.arrivedAt));
  inv.log('INFO', `Processing ${records.length} Kinesis record(s) from ${c.kinesisStream}`, inv.startedAt);
  const result: FinishOptions = await run(deps, c, inv, 'AWSC0015', async (ctx, session, hosts) => {
    const messages = records
      .map((r) => r.event)
      .filter((e) => e.source === 'aws.guardduty' && e['detail-type'] === 'GuardDuty Finding');
    if (messages.length === 0) return inv.log('INFO', 'No GuardDuty findings in the batch: nothing to send');
    const source = functionArn(c.region, c.account, c.fn.name);
    const batch = { collected_batch: { source_id: source, collected_messages: messages } };
    await ingest(ctx, hosts.ingest, session, 'secmsgs', batch);
    const stats = {
      inst_type: 'collector',
      source_type: 'cwe',
      source_id: collectorIdOf(c.fn) ?? source,
      event_count: messages.length,
      byte_count: Buffer.byteLength(JSON.stringify(batch)),
      application_id: 'guardduty',
      timestamp: Math.floor(Date.now() / 1000),
    };
    await ingest(ctx, hosts.ingest, session, 'lmcstats', [stats]);
    deps.check();
    inv.log('INFO', `Sent ${messages.length} GuardDuty finding(s) to Alert Logic (secmsgs, ${stats.byte_count} bytes)`);
  });
  deps.check();
  inv.finish(deps.world, c, stream, { ...result, iteratorAgeMs: received - oldest });
}

/**
 * The scheduled check-in (AAC `handleCheckin`): register first if needed, PUT `ok` to
 * collectors_status only when Invocations > 0 and Errors == 0 since `windowStartMs`, then check in.
 */
export async function checkin(deps: LambdaDeps, c: ActiveCollector, stream: string, windowStartMs: number) {
  const inv = new LambdaInvocation(startOf(deps, c));
  inv.log('INFO', 'Checkin: reporting collector health to Alert Logic', inv.startedAt);
  const result = await run(deps, c, inv, 'AWSC0014', async (ctx, session, hosts) => {
    const id = collectorIdOf(c.fn) ?? (await registerFunction(deps, ctx, session, hosts, c));
    const invocations = lambdaSum(deps.world, c.account, c.region, 'Invocations', windowStartMs);
    const errors = lambdaSum(deps.world, c.account, c.region, 'Errors', windowStartMs);
    const at = new Date(windowStartMs).toISOString();
    const statistics = [
      { Label: 'Invocations', Datapoints: [{ Timestamp: at, Sum: invocations, Unit: 'Count' }] },
      { Label: 'Errors', Datapoints: [{ Timestamp: at, Sum: errors, Unit: 'Count' }] },
    ];
    const healthy = invocations > 0 && errors === 0;
    if (healthy) await putCollectorStatus(ctx, hosts.collector_status, session, id, STREAM, statusBody(id, 'ok'));
    const target = { account: c.account, region: c.region, functionName: c.fn.name };
    await checkinCollector(ctx, hosts.azcollect, session, target, {
      ...collectorProperties(c),
      status: 'ok',
      details: [],
      statistics,
    });
    deps.check();
    inv.log('INFO', `Checkin done: ${invocations} invocation(s), ${errors} error(s) since the last checkin`);
  });
  deps.check();
  inv.finish(deps.world, c, stream, result);
}
