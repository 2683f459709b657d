/**
 * The collector part of the AWS simulator's control interface (all JSON, under `/_sim/`):
 *
 * - `POST /_sim/collector-fault` `{account, region, fault: bad_key|kms_denied|rule_disabled|timeout|off}`
 *   → `{collectorFaults: {"<account>/<region>": fault}}`. `bad_key`: the Lambda authenticates with a
 *   secret AIMS does not know (real 401; ERROR `Invoke Error` line, Errors +1). `kms_denied`: KMS
 *   Decrypt AccessDeniedException before any call (ERROR line, Errors +1). `rule_disabled`: the
 *   EventBridge rules are off: no MatchedEvents, no invocation, no check-in (a silent collector).
 *   `timeout`: invocations end with `<ISO> <requestId> Task timed out after 3.00 seconds` (Errors +1).
 *   `off` clears. A key deleted in the AIMS simulator fails like `bad_key` with no switch.
 * - `POST /_sim/findings` `{account, region, count?: 1..50 (1), severity?: 1..10 | "Low"|"Medium"|
 *   "High"|"Critical", type?, title?, description?}` → `{detectorId, findingIds}`: new findings, as
 *   GuardDuty makes them, which then flow through the pipeline. 400 `{error}` when the region has no
 *   ENABLED detector.
 * - `POST /_sim/scenario` `{"name":"dashboard"}` → `{scenario, accessKeyId, cells: [{account, region,
 *   state, stackName?, collectorId?, note}]}` (scenario-dashboard.ts); 409 when applied already (reset
 *   first), 502 when the Alert Logic simulator cannot be used.
 * - Added to `GET /_sim/state`: `findings` (`"<account>/<region>"` → count), `invocations`
 *   (`"<account>/<region>"` → `{total, errors, last}`, from AWS/Lambda metrics), `metrics`
 *   (`"<account>/<region>"` → all-time totals of Invocations, Errors, IncomingRecords, IncomingBytes,
 *   MatchedEvents, RuleInvocations) and `collectorFaults`.
 */
import { addExtraAccounts, extraAccountsSchema } from './scenario/extra-accounts';
import { type ServerResponse } from 'node:http';
import { z } from 'zod';
import { sendJson } from '../shared/http';
import { BAND_SEVERITY, FINDING_TYPES } from './finding-catalog';
import { makeFinding } from './findings';
import { LAMBDA } from './metrics';
import { COLLECTOR_FAULTS } from './settings';
import { type ControlTarget } from './control';
import { COLLECTOR_FUNCTION_NAME } from './cloudformation/template';
import { AlertLogicError } from './collector/alertlogic';
import { ScenarioError, buildDashboardScenario } from './scenario/dashboard';

const account = z.string().regex(/^\d{12}$/);
const region = z.string().min(1).max(50);

const faultSchema = z.object({ account, region, fault: z.enum([...COLLECTOR_FAULTS, 'off']) }).strict();

const findingsSchema = z
  .object({
    account,
    region,
    count: z.number().int().min(1).max(50).optional(),
    severity: z.union([z.number().min(1).max(10), z.enum(['Low', 'Medium', 'High', 'Critical'])]).optional(),
    type: z
      .string()
      .regex(/^[A-Za-z]+:[A-Za-z0-9]+\/[A-Za-z0-9.!&_-]+$/)
      .optional(),
    title: z.string().min(1).max(2000).optional(),
    description: z.string().min(1).max(10_000).optional(),
  })
  .strict();

const scenarioSchema = z.object({ name: z.enum(['dashboard']) }).strict();

function createFindings(target: ControlTarget, json: unknown, res: ServerResponse): void {
  const input = findingsSchema.parse(json);
  const detector = target.world.detectorIn(input.account, input.region);
  if (detector?.status !== 'ENABLED') {
    return sendJson(res, 400, { error: `no ENABLED GuardDuty detector in ${input.account}/${input.region}` });
  }
  const severity = typeof input.severity === 'string' ? BAND_SEVERITY[input.severity] : input.severity;
  const ids: string[] = [];
  for (let i = 0; i < (input.count ?? 1); i++) {
    // Without a type, a spread of the catalog so a batch shows several kinds of finding.
    const type = input.type ?? FINDING_TYPES[(target.world.findings.length + i) % FINDING_TYPES.length]!.type;
    const finding = makeFinding({ detector, type, severity, title: input.title, description: input.description });
    target.world.findings.push(finding);
    target.pipeline.publish(finding);
    ids.push(finding.id);
  }
  sendJson(res, 200, { detectorId: detector.id, findingIds: ids });
}

async function scenario(target: ControlTarget, json: unknown, res: ServerResponse): Promise<void> {
  scenarioSchema.parse(json);
  try {
    sendJson(res, 200, await buildDashboardScenario(target));
  } catch (err) {
    if (err instanceof AlertLogicError) return sendJson(res, 502, { error: `Alert Logic simulator: ${err.message}` });
    if (!(err instanceof ScenarioError)) throw err;
    sendJson(res, err.status, { error: err.message });
  }
}

/** Handles the collector's control requests; false when the path is not one of them. */
export async function collectorControl(
  target: ControlTarget,
  method: string,
  path: string,
  json: unknown,
  res: ServerResponse,
): Promise<boolean> {
  switch (`${method} ${path}`) {
    case 'POST collector-fault': {
      const f = faultSchema.parse(json);
      target.settings.setCollectorFault(f.account, f.region, f.fault);
      sendJson(res, 200, { collectorFaults: Object.fromEntries(target.settings.collectorFaults) });
      return true;
    }
    case 'POST findings':
      createFindings(target, json, res);
      return true;
    case 'POST scenario':
      await scenario(target, json, res);
      return true;
    case 'POST accounts':
      sendJson(res, 200, addExtraAccounts(target.world, extraAccountsSchema.parse(json)));
      return true;
    default:
      return false;
  }
}

export function collectorState({ world, settings }: ControlTarget) {
  const findings: Record<string, number> = {};
  for (const f of world.findings)
    findings[`${f.account}/${f.region}`] = (findings[`${f.account}/${f.region}`] ?? 0) + 1;
  const metrics = world.metrics.summary();
  const fn = { Name: 'FunctionName', Value: COLLECTOR_FUNCTION_NAME };
  const invocations: Record<string, { total: number; errors: number; last: string | null }> = {};
  for (const [cell, totals] of Object.entries(metrics)) {
    if (totals.Invocations === undefined) continue;
    const [acct = '', reg = ''] = cell.split('/');
    const last = world.metrics.latest(acct, reg, LAMBDA, 'Invocations', fn);
    invocations[cell] = {
      total: totals.Invocations,
      errors: totals.Errors ?? 0,
      last: last === undefined ? null : new Date(last).toISOString(),
    };
  }
  return { findings, invocations, metrics, collectorFaults: Object.fromEntries(settings.collectorFaults) };
}
