/**
 * Where a collector is running: an account and region whose `alertlogic-cwe-collector` function
 * exists and belongs to a stack in a working state. Its Kinesis stream and EventBridge rule are
 * the stack's own resources, named as CloudFormation named them (the metrics' dimensions).
 */
import { type AwsWorld } from '../world';
import { type LambdaFunction, type Stack } from '../world-types';
import { physicalIdOf } from '../cloudformation/stacks';
import { COLLECTOR_FUNCTION_NAME } from '../cloudformation/template';

/** Statuses in which every resource is in place (an update keeps the function running). */
const RUNNING = new Set([
  'CREATE_COMPLETE',
  'UPDATE_IN_PROGRESS',
  'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_COMPLETE',
  'UPDATE_ROLLBACK_IN_PROGRESS',
  'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_ROLLBACK_COMPLETE',
]);

export interface ActiveCollector {
  account: string;
  region: string;
  stack: Stack;
  fn: LambdaFunction;
  kinesisStream: string;
  eventsRule: string;
}

export const cellKey = (account: string, region: string): string => `${account}/${region}`;

function collectorOf(world: AwsWorld, fn: LambdaFunction): ActiveCollector | undefined {
  const stack = fn.stackId ? world.stacks.find((s) => s.stackId === fn.stackId) : undefined;
  if (!stack || !RUNNING.has(stack.status)) return undefined;
  return {
    account: fn.account,
    region: fn.region,
    stack,
    fn,
    kinesisStream: physicalIdOf(stack, 'KinesisStream'),
    eventsRule: physicalIdOf(stack, 'CloudWatchEventsRule'),
  };
}

export function activeCollector(world: AwsWorld, account: string, region: string): ActiveCollector | undefined {
  const fn = world.functionIn(account, region, COLLECTOR_FUNCTION_NAME);
  return fn ? collectorOf(world, fn) : undefined;
}

export function activeCollectors(world: AwsWorld): ActiveCollector[] {
  return [...world.functions.values()]
    .filter((fn) => fn.name === COLLECTOR_FUNCTION_NAME)
    .flatMap((fn) => collectorOf(world, fn) ?? []);
}

/** The function's registration as the Lambda reads it from its environment (AAC `registered`). */
export function collectorIdOf(fn: LambdaFunction): string | undefined {
  const id = fn.environment.collector_id;
  return id && id !== 'none' && id !== 'NA' ? id : undefined;
}

/** What the Lambda sends azcollect with every register, check-in and deregister (§5.2). */
export function collectorProperties(c: { account: string; region: string; stack: Stack; fn: LambdaFunction }) {
  return {
    awsAccountId: c.account,
    region: c.region,
    functionName: c.fn.name,
    version: '1.3.28',
    dataType: 'secmsgs',
    collectorId: c.fn.environment.collector_id ?? 'none',
    stackName: c.stack.stackName,
    applicationId: c.fn.environment.al_application_id ?? 'guardduty',
    cf_stack_name: c.stack.stackName,
    collect_rule: 'aws.guardduty',
  };
}
