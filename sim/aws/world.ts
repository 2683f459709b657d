/**
 * The AWS simulator's state. `seed()` (and so `POST /_sim/reset`) restores exactly this world:
 *
 * - Regions: the 17 default and 17 opt-in regions of aws-semantics §6.1 (see regions.ts).
 * - Accounts: 111111111111 (the hub; its IAM user `guardlink-console` is who every access key
 *   the simulator's STS did not issue acts as), 222222222222 and 333333333333. Each of the three
 *   has role `GuardLinkDeployer` trusting account 111111111111 with required ExternalId
 *   `guardlink-demo`. 444444444444 has `GuardLinkDeployer` trusting only 999999999999, so the
 *   hub is refused.
 * - Opt-in: every opt-in region is `not-opted-in` in every account, except 222222222222 has
 *   `af-south-1` `opted-in`.
 * - GuardDuty: 111111111111 has enabled detectors in us-east-1 and us-west-2 only.
 *   222222222222 has an enabled detector in every default region except eu-west-1 (none there).
 *   333333333333 has an enabled detector in every default region except us-west-2, where its
 *   detector is DISABLED. 444444444444 has none. Ids are 32 lowercase hex, stable across resets.
 * - A collector made outside GuardLink: account 333333333333, us-east-1, stack
 *   `alertlogic-cwe-collector` (no GuardLink tags), CREATE_COMPLETE, created 30 days ago, with its
 *   full resource list and event history, AccessKeyId `0a1b2c3d4e5f6a7b`, and its Lambda function
 *   `alertlogic-cwe-collector` (`collector_id` `none`). It has no logs or metrics yet. The Alert
 *   Logic simulator does not know its key, so once it runs (its first check-in, after
 *   `checkinIntervalMs`, or a finding there) AIMS answers 401 and it logs errors: a failing collector.
 * - GuardDuty findings (seed-findings.ts; history, they never flow through the pipeline):
 *   111111111111/us-east-1: 4 (one 3 days old, one with `<script>` in its title and `<img onerror>`
 *   in its description, one with count 14); 111111111111/us-west-2: 3 (a Critical attack sequence,
 *   one with a ~12,000-character description, one archived); 222222222222/ap-southeast-2: 2 (one with
 *   `"><svg onload=…>` in its title); 333333333333/us-east-1: 2. All others updated within the last
 *   24 h. No logs or metrics anywhere else; `POST /_sim/scenario` adds a dashboard's worth
 *   (scenario/dashboard.ts).
 * - ap-northeast-3 has no Alert Logic code bucket (CollectLambdaFunction fails there).
 * - IAM: every identity may do everything; `POST /_sim/deny` takes actions away.
 */
import { LogStore } from './logs';
import { MetricStore } from './metrics';
import { isOptInRegion } from './regions';
import { HUB_ACCOUNT, HUB_USER, seedWorld } from './seed';
import {
  type AccountRecord,
  type CreateStackCall,
  type Detector,
  type Finding,
  type Identity,
  type LambdaFunction,
  type Stack,
  type StsSession,
} from './world-types';

export { DEMO_EXTERNAL_ID, DEPLOYER_ROLE, HUB_ACCOUNT, HUB_USER } from './seed';

export type RegionOptInStatus = 'opt-in-not-required' | 'opted-in' | 'not-opted-in';

const denyKey = (account: string, principal: string): string => `${account}/${principal}`;

export class AwsWorld {
  accounts = new Map<string, AccountRecord>();
  /** STS-issued access key id → session. */
  sessions = new Map<string, StsSession>();
  /** `account/region` → the (single) detector there. */
  detectors = new Map<string, Detector>();
  /** `account/region/name` → function. */
  functions = new Map<string, LambdaFunction>();
  /** Every stack ever made, deleted ones included (they stay readable by ARN). */
  stacks: Stack[] = [];
  logs = new LogStore();
  metrics = new MetricStore();
  /** Every GuardDuty finding of every detector. */
  findings: Finding[] = [];
  /** `account/principal` → lower-cased actions that principal is refused. */
  denies = new Map<string, Set<string>>();
  regionsWithoutCodeBucket = new Set<string>();
  createStackCalls: CreateStackCall[] = [];
  assumeRoleCalls = 0;

  constructor() {
    this.seed();
  }

  seed(): void {
    this.accounts.clear();
    this.sessions.clear();
    this.detectors.clear();
    this.functions.clear();
    this.stacks = [];
    this.logs.clear();
    this.metrics.clear();
    this.findings = [];
    this.denies.clear();
    this.regionsWithoutCodeBucket.clear();
    this.createStackCalls = [];
    this.assumeRoleCalls = 0;
    seedWorld(this);
  }

  hubIdentity(): Identity {
    const user = this.accounts.get(HUB_ACCOUNT)!.users.get(HUB_USER)!;
    return { account: HUB_ACCOUNT, arn: user.arn, userId: user.userId, principal: HUB_USER, kind: 'user' };
  }

  optInStatus(account: string, region: string): RegionOptInStatus {
    if (!isOptInRegion(region)) return 'opt-in-not-required';
    return this.accounts.get(account)?.optIn.get(region) ?? 'not-opted-in';
  }

  regionEnabled(account: string, region: string): boolean {
    return this.optInStatus(account, region) !== 'not-opted-in';
  }

  setDenied(account: string, principal: string, actions: string[]): void {
    if (actions.length === 0) this.denies.delete(denyKey(account, principal));
    else this.denies.set(denyKey(account, principal), new Set(actions.map((a) => a.toLowerCase())));
  }

  /** IAM action names are case-insensitive; `service:*` and `*` deny a whole service or everything. */
  isDenied(account: string, principal: string, action: string): boolean {
    const denied = this.denies.get(denyKey(account, principal));
    if (!denied) return false;
    const wanted = action.toLowerCase();
    const service = wanted.split(':')[0] ?? '';
    return denied.has(wanted) || denied.has(`${service}:*`) || denied.has('*');
  }

  detectorIn(account: string, region: string): Detector | undefined {
    return this.detectors.get(`${account}/${region}`);
  }

  putDetector(detector: Detector): void {
    this.detectors.set(`${detector.account}/${detector.region}`, detector);
  }

  functionIn(account: string, region: string, name: string): LambdaFunction | undefined {
    return this.functions.get(`${account}/${region}/${name}`);
  }

  putFunction(fn: LambdaFunction): void {
    this.functions.set(`${fn.account}/${fn.region}/${fn.name}`, fn);
  }

  deleteFunction(fn: LambdaFunction): void {
    this.functions.delete(`${fn.account}/${fn.region}/${fn.name}`);
  }
}
