/**
 * `POST /_sim/scenario {"name":"dashboard"}`: on top of the seeded world, one account × region in
 * every health state a status dashboard shows, with a day of consistent history (stack events,
 * log lines, Lambda/Kinesis/EventBridge metrics, findings, Alert Logic registrations, statuses and
 * incidents). Collectors hold a real access key made for admin@example.com (AIMS account 10000001)
 * and are registered with azcollect under it. After this, the live pipeline carries on.
 *
 * | account / region            | state          | what is there                                                    |
 * |-----------------------------|----------------|------------------------------------------------------------------|
 * | 222222222222 / us-east-1    | healthy        | check-ins every 15 min, 4 findings delivered → 4 incidents, ok   |
 * | 222222222222 / us-west-2    | degraded       | errors 13–10 h ago (checkin 503s, 2 findings lost), ok since     |
 * | 222222222222 / eu-central-1 | failing        | ROLLBACK_COMPLETE: registration refused (unknown key, 401)       |
 * | 333333333333 / us-east-2    | failing        | fault bad_key: every run fails with AIMS 401 for the last 6 h    |
 * | 333333333333 / eu-west-1    | silent         | fault rule_disabled: 3 findings, no invocation since deploy      |
 * | 333333333333 / ap-southeast-2 | not_installed | GuardDuty on, 3 findings, no collector                          |
 * | 333333333333 / us-west-2    | guardduty_off  | detector DISABLED (seeded)                                       |
 * | 222222222222 / eu-west-1    | guardduty_off  | no detector (seeded)                                             |
 */
import { isLive } from '../cloudformation/stacks';
import { COLLECTOR_FUNCTION_NAME } from '../cloudformation/template';
import { checkinCollector, ingest, putCollectorStatus } from '../collector/alertlogic';
import { collectorProperties } from '../collector/cells';
import { type ControlTarget } from '../control';
import { functionArn } from '../lambda-function';
import { ScenarioError, createScenarioKey } from './alertlogic-setup';
import { type Cell, type DeployedCollector, deployCollector, deployRejected, pastFinding } from './collectors';

export { ScenarioError };

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export const DASHBOARD_CELLS = {
  healthy: { account: '222222222222', region: 'us-east-1' },
  degraded: { account: '222222222222', region: 'us-west-2' },
  rejected: { account: '222222222222', region: 'eu-central-1' },
  badKey: { account: '333333333333', region: 'us-east-2' },
  silent: { account: '333333333333', region: 'eu-west-1' },
  notInstalled: { account: '333333333333', region: 'ap-southeast-2' },
  detectorDisabled: { account: '333333333333', region: 'us-west-2' },
  noDetector: { account: '222222222222', region: 'eu-west-1' },
} satisfies Record<string, Cell>;

const AUTH_401 = 'AIMS authentication failed: 401 Unauthorized';

/** Something that happened at `at`; history is replayed in time order. */
interface Step {
  at: number;
  run: () => void;
}

export async function buildDashboardScenario(target: ControlTarget) {
  const { world, settings, pipeline } = target;
  const now = Date.now();
  const C = DASHBOARD_CELLS;
  for (const cell of [C.healthy, C.degraded, C.rejected, C.badKey, C.silent]) {
    const taken =
      world.functionIn(cell.account, cell.region, COLLECTOR_FUNCTION_NAME) ||
      world.stacks.some((s) => s.account === cell.account && s.region === cell.region && isLive(s));
    if (taken)
      throw new ScenarioError(`${cell.account}/${cell.region} already has a collector: POST /_sim/reset first`, 409);
  }
  const ctx = { aimsUrl: target.aimsUrl, signal: AbortSignal.timeout(15_000) };
  const key = await createScenarioKey(ctx, 'GuardLink dashboard scenario');
  const { session, hosts } = key;

  const healthy = await deployCollector(world, ctx, key, C.healthy, now - 3 * DAY);
  const degraded = await deployCollector(world, ctx, key, C.degraded, now - 10 * DAY);
  const badKey = await deployCollector(world, ctx, key, C.badKey, now - 5 * DAY);
  const silent = await deployCollector(world, ctx, key, C.silent, now - 6 * DAY);
  const rejectedStack = deployRejected(world, C.rejected, now - 2 * HOUR, session.cid);

  const steps: Step[] = [];
  const delivered = new Map<DeployedCollector, Record<string, unknown>[]>();
  const checkins = (c: DeployedCollector, failure: (at: number) => string | undefined) => {
    for (let at = now - DAY + 7 * MIN; at < now - 2 * MIN; at += 15 * MIN) {
      steps.push({ at, run: () => c.history.checkin(at, failure(at)) });
    }
  };
  const findings = (c: DeployedCollector, list: [string, number, string?][]) => {
    for (const [type, ago, failure] of list) {
      const f = pastFinding(world, c, type, now - ago);
      if (!f) continue;
      steps.push({
        at: now - ago,
        run: () => {
          const event = c.history.finding(f, failure);
          if (!failure) delivered.set(c, [...(delivered.get(c) ?? []), event]);
        },
      });
    }
  };

  checkins(healthy, () => undefined);
  findings(healthy, [
    ['Recon:EC2/PortProbeUnprotectedPort', 20 * HOUR],
    ['UnauthorizedAccess:EC2/SSHBruteForce', 9 * HOUR],
    ['CryptoCurrency:EC2/BitcoinTool.B!DNS', 3 * HOUR],
    ['Trojan:EC2/DNSDataExfiltration', 40 * MIN],
  ]);
  const outage = (at: number) => at > now - 13 * HOUR && at <= now - 10 * HOUR;
  checkins(degraded, (at) => (outage(at) ? 'azcollect checkin failed: 503 Service Unavailable' : undefined));
  findings(degraded, [
    ['Discovery:S3/MaliciousIPCaller', 22 * HOUR],
    ['PenTest:IAMUser/KaliLinux', 16 * HOUR],
    ['Backdoor:EC2/C&CActivity.B!DNS', 12 * HOUR, 'ingest secmsgs failed: 503 Service Unavailable'],
    ['UnauthorizedAccess:EC2/SSHBruteForce', 11 * HOUR, 'ingest secmsgs failed: 503 Service Unavailable'],
    ['Recon:EC2/PortProbeUnprotectedPort', 6 * HOUR],
    ['Policy:S3/BucketBlockPublicAccessDisabled', 1 * HOUR],
  ]);
  checkins(badKey, (at) => (at > now - 6 * HOUR ? AUTH_401 : undefined));
  findings(badKey, [
    ['Stealth:IAMUser/CloudTrailLoggingDisabled', 20 * HOUR],
    ['CryptoCurrency:EC2/BitcoinTool.B!DNS', 4 * HOUR, AUTH_401],
    ['AttackSequence:IAM/CompromisedCredentials', 2 * HOUR, AUTH_401],
  ]);
  // GuardDuty keeps finding things where nothing forwards them.
  for (const [type, ago] of [
    ['UnauthorizedAccess:EC2/SSHBruteForce', 18 * HOUR],
    ['Trojan:EC2/DNSDataExfiltration', 7 * HOUR],
    ['Recon:EC2/PortProbeUnprotectedPort', 2 * HOUR],
  ] as const) {
    pastFinding(world, C.silent, type, now - ago);
    pastFinding(world, C.notInstalled, type, now - ago - 3 * HOUR);
  }
  for (const step of steps.sort((a, b) => a.at - b.at)) step.run();

  // What reached Alert Logic: the delivered findings (incidents stamped when GuardDuty published them) and statuses.
  for (const [c, events] of delivered) {
    const batch = {
      collected_batch: { source_id: functionArn(c.region, c.account, c.fn.name), collected_messages: events },
    };
    await ingest(ctx, hosts.ingest, session, 'secmsgs', batch);
  }
  const status = (c: DeployedCollector, at: number, error?: string) =>
    putCollectorStatus(ctx, hosts.collector_status, session, c.collectorId, 'guardduty', {
      status: error ? 'error' : 'ok',
      inst_type: 'collector',
      stream: 'guardduty',
      status_id: c.collectorId,
      timestamp: at,
      reported_by: 'cwe',
      collection_type: 'guardduty',
      ...(error ? { errorinfo: { details: [{ error }], description: error } } : {}),
    });
  await status(healthy, healthy.history.lastCheckinAt ?? now);
  await status(degraded, now - 12 * HOUR, 'ingest secmsgs failed: 503 Service Unavailable');
  await status(degraded, degraded.history.lastCheckinAt ?? now);
  await status(badKey, now - 6 * HOUR - 8 * MIN);
  for (const c of [healthy, degraded]) {
    const t = { account: c.account, region: c.region, functionName: c.fn.name };
    await checkinCollector(ctx, hosts.azcollect, session, t, {
      ...collectorProperties(c),
      status: 'ok',
      details: [],
      statistics: [],
    });
  }

  settings.setCollectorFault(badKey.account, badKey.region, 'bad_key');
  settings.setCollectorFault(silent.account, silent.region, 'rule_disabled');
  for (const c of [healthy, degraded, badKey]) {
    if (c.history.lastCheckinAt) pipeline.noteCheckin(c.account, c.region, c.history.lastCheckinAt);
  }

  const collector = (c: DeployedCollector) => ({ stackName: c.stackName, collectorId: c.collectorId });
  return {
    scenario: 'dashboard',
    aimsAccountId: session.cid,
    accessKeyId: key.accessKeyId,
    cells: [
      {
        ...C.healthy,
        state: 'healthy',
        ...collector(healthy),
        note: 'check-ins every 15 min, 4 findings delivered, no errors',
      },
      {
        ...C.degraded,
        state: 'degraded',
        ...collector(degraded),
        note: 'errors 13-10 h ago (2 findings lost), ok since',
      },
      {
        ...C.rejected,
        state: 'failing',
        stackName: rejectedStack,
        note: 'ROLLBACK_COMPLETE: AWSC0003 registration error (401)',
      },
      {
        ...C.badKey,
        state: 'failing',
        ...collector(badKey),
        note: 'collector fault bad_key: AIMS 401 for the last 6 h',
      },
      {
        ...C.silent,
        state: 'silent',
        ...collector(silent),
        note: 'collector fault rule_disabled: findings, no invocations',
      },
      { ...C.notInstalled, state: 'not_installed', note: 'GuardDuty enabled with findings, no collector' },
      { ...C.detectorDisabled, state: 'guardduty_off', note: 'GuardDuty detector DISABLED' },
      { ...C.noDetector, state: 'guardduty_off', note: 'no GuardDuty detector' },
    ],
  };
}
