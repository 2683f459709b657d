/**
 * Collectors as GuardLink would have deployed them (its stack name and tags, its deployer role),
 * built directly in the world for a scenario: a working one registered with Alert Logic, or one
 * whose registration failed and rolled back.
 */
import { iamUniqueId, randomHex, uuid } from '../ids';
import { makeFinding } from '../findings';
import { type AwsWorld } from '../world';
import { type Finding, type LambdaFunction, type Stack } from '../world-types';
import { type AlContext, registerCollector } from '../collector/alertlogic';
import { collectorProperties } from '../collector/cells';
import { buildCompleteStack, buildRolledBackStack, type PrebuiltStackInput } from '../cloudformation/prebuilt';
import { physicalIdOf } from '../cloudformation/stacks';
import { type ScenarioKey } from './alertlogic-setup';
import { History, type ReplayCell } from './history';

/** What the console names and tags its stacks with (lib/collector/template.ts). */
const GUARDLINK_STACK_NAME = 'GuardLink-GuardDuty-Collector';
const DEPLOYER = 'GuardLinkDeployer';
const SESSION = 'guardlink-deploy';

export interface Cell {
  account: string;
  region: string;
}

export interface DeployedCollector extends ReplayCell {
  stack: Stack;
  fn: LambdaFunction;
  history: History;
  collectorId: string;
}

function stackInput(
  cell: Cell,
  created: number,
  aimsAccount: string,
  keyId: string,
  secret: string,
): PrebuiltStackInput {
  return {
    account: cell.account,
    region: cell.region,
    stackName: GUARDLINK_STACK_NAME,
    created: new Date(created),
    parameters: { AccessKeyId: keyId, SecretKey: secret },
    tags: [
      { Key: 'guardlink:managed', Value: 'true' },
      { Key: 'guardlink:deployment', Value: uuid() },
      { Key: 'guardlink:alert-logic-account', Value: aimsAccount },
    ],
    token: `guardlink-${randomHex(12)}`,
    deployer: {
      account: cell.account,
      arn: `arn:aws:sts::${cell.account}:assumed-role/${DEPLOYER}/${SESSION}`,
      userId: `${iamUniqueId('AROA', `${cell.account}/${DEPLOYER}`)}:${SESSION}`,
      principal: DEPLOYER,
      kind: 'assumed-role',
    },
  };
}

/**
 * A CREATE_COMPLETE collector made `created` ms since epoch, registered with azcollect for real (so
 * the id is Alert Logic's), its registration invocation logged when the stack ran it.
 */
export async function deployCollector(
  world: AwsWorld,
  ctx: AlContext,
  key: ScenarioKey,
  cell: Cell,
  created: number,
): Promise<DeployedCollector> {
  const { stack, fn } = buildCompleteStack(
    world,
    stackInput(cell, created, key.session.cid, key.accessKeyId, key.secretKey),
  );
  fn.environment.azcollect_api = key.hosts.azcollect;
  fn.environment.ingest_api = key.hosts.ingest;
  fn.environment.collector_status_api = key.hosts.collector_status;
  const replay = {
    ...cell,
    stackName: stack.stackName,
    kinesisStream: physicalIdOf(stack, 'KinesisStream'),
    eventsRule: physicalIdOf(stack, 'CloudWatchEventsRule'),
  };
  const target = { account: cell.account, region: cell.region, functionName: fn.name };
  const collectorId = await registerCollector(
    ctx,
    key.hosts.azcollect,
    key.session,
    target,
    collectorProperties({ ...cell, stack, fn }),
  );
  fn.environment.collector_id = collectorId;
  const history = new History(world, replay);
  const registration = stack.resources.get('RegistrationResource')!;
  // The custom resource ran between its "Initiated" event and its CREATE_COMPLETE.
  history.registration(registration.timestamp.getTime() - 2400, registration.physicalId, { collectorId });
  return { ...replay, stack, fn, history, collectorId };
}

/** A collector whose registration AIMS refused (a key it does not know): ROLLBACK_COMPLETE, no function left. */
export function deployRejected(world: AwsWorld, cell: Cell, created: number, aimsAccount: string): string {
  const input = stackInput(cell, created, aimsAccount, 'f00dfeedf00dfeed', randomHex(64));
  const stack = buildRolledBackStack(world, input, 'RegistrationResource', (stream, at) => {
    const history = new History(world, { ...cell, stackName: input.stackName, kinesisStream: '', eventsRule: '' });
    history.registration(at.getTime() + 600, stream, { error: 'AIMS authentication failed: 401 Unauthorized' });
    return (
      'Received response status [FAILED] from custom resource. Message returned: See the details in CloudWatch ' +
      `Log Stream: ${stream} (RequestId: ${uuid()})`
    );
  });
  return stack.stackName;
}

/** A finding GuardDuty made `at` ms since epoch in a cell with an enabled detector. */
export function pastFinding(world: AwsWorld, cell: Cell, type: string, at: number): Finding | undefined {
  const detector = world.detectorIn(cell.account, cell.region);
  if (detector?.status !== 'ENABLED') return undefined;
  const finding = makeFinding({ detector, type, at: new Date(at), firstSeen: new Date(at - 9 * 60_000) });
  world.findings.push(finding);
  return finding;
}
