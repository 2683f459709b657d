/**
 * What creating or deleting a template resource does to the rest of the world, and why a
 * creation can fail before it starts (name clash, missing code bucket, missing permission).
 */
import { uuid } from '../ids';
import { collectorFunction, functionArn } from '../lambda-function';
import { type AwsWorld } from '../world';
import { type Stack } from '../world-types';
import { physicalIdOf } from './stacks';
import { COLLECTOR_FUNCTION_NAME, type TemplateResource } from './template';

/** How each service reports a denied call inside a CloudFormation reason. */
const SERVICE_LABEL: Record<string, { label: string; status: number }> = {
  iam: { label: 'Iam', status: 403 },
  kms: { label: 'Kms', status: 400 },
  kinesis: { label: 'Kinesis', status: 400 },
  lambda: { label: 'Lambda', status: 403 },
  events: { label: 'EventBridge', status: 400 },
};

function deniedResourceArn(stack: Stack, resource: TemplateResource, physicalId: string): string {
  const { account, region } = stack;
  switch (resource.createAction) {
    case 'iam:CreateRole':
      return `arn:aws:iam::${account}:role/${physicalId}`;
    case 'iam:PutRolePolicy':
      return `arn:aws:iam::${account}:role/${physicalIdOf(stack, resource.roleOf ?? '')}`;
    case 'kinesis:CreateStream':
      return `arn:aws:kinesis:${region}:${account}:stream/${physicalId}`;
    case 'lambda:CreateFunction':
      return functionArn(region, account, physicalId);
    case 'lambda:AddPermission':
      return functionArn(region, account, COLLECTOR_FUNCTION_NAME);
    case 'lambda:CreateEventSourceMapping':
      return `arn:aws:lambda:${region}:${account}:event-source-mapping:*`;
    case 'events:PutRule':
      return `arn:aws:events:${region}:${account}:rule/${physicalId}`;
    default:
      return '*';
  }
}

function accessDeniedReason(stack: Stack, resource: TemplateResource, physicalId: string): string {
  const action = resource.createAction ?? '';
  const service = SERVICE_LABEL[action.split(':')[0] ?? ''] ?? { label: 'Unknown', status: 400 };
  return (
    `User: ${stack.deployer.arn} is not authorized to perform: ${action} on resource: ` +
    `${deniedResourceArn(stack, resource, physicalId)} because no identity-based policy allows the ${action} action ` +
    `(Service: ${service.label}, Status Code: ${service.status}, Request ID: ${uuid()})`
  );
}

/** The CREATE_FAILED reason when the resource cannot even start to be created, else undefined. */
export function creationFailure(
  world: AwsWorld,
  stack: Stack,
  resource: TemplateResource,
  physicalId: string,
): string | undefined {
  const isCollector = resource.logicalId === 'CollectLambdaFunction';
  if (isCollector) {
    // The function name is fixed, so a second collector in the same account and region clashes.
    const existing = world.functionIn(stack.account, stack.region, COLLECTOR_FUNCTION_NAME);
    if (existing && existing.stackId !== stack.stackId) {
      return existing.stackId
        ? `${COLLECTOR_FUNCTION_NAME} already exists in stack ${existing.stackId}`
        : `Function already exist: ${COLLECTOR_FUNCTION_NAME} (Service: Lambda, Status Code: 409, Request ID: ${uuid()})`;
    }
  }
  const { deployer } = stack;
  if (resource.createAction && world.isDenied(deployer.account, deployer.principal, resource.createAction)) {
    return accessDeniedReason(stack, resource, physicalId);
  }
  if (isCollector && world.regionsWithoutCodeBucket.has(stack.region)) {
    return (
      'Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The specified bucket does not exist ' +
      `(Service: Lambda, Status Code: 400, Request ID: ${uuid()})`
    );
  }
  return undefined;
}

/** Side effects of a completed creation: the collector function appears. */
export function afterCreate(world: AwsWorld, stack: Stack, resource: TemplateResource): void {
  if (resource.logicalId !== 'CollectLambdaFunction') return;
  world.putFunction(
    collectorFunction({
      account: stack.account,
      region: stack.region,
      stackId: stack.stackId,
      stackName: stack.stackName,
      stackTags: stack.tags,
      parameters: stack.parameters,
      roleName: physicalIdOf(stack, 'CollectLambdaRole'),
      kmsKeyId: physicalIdOf(stack, 'LambdaKmsKey'),
      at: new Date(),
    }),
  );
}

/** Side effects of a completed deletion: the collector function goes, if this stack owns it. */
export function afterDelete(world: AwsWorld, stack: Stack, resource: TemplateResource): void {
  if (resource.logicalId !== 'CollectLambdaFunction') return;
  const fn = world.functionIn(stack.account, stack.region, COLLECTOR_FUNCTION_NAME);
  if (fn && fn.stackId === stack.stackId) world.deleteFunction(fn);
}
