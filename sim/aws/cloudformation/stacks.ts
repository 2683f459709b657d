/** Stack records: ARNs, physical names, lookups, and the events every status change leaves. */
import { lambdaLogStream, physicalSuffix, uuid } from '../ids';
import { type Stack, type StackResource } from '../world-types';
import { COLLECTOR_FUNCTION_NAME, TEMPLATE_RESOURCES, type TemplateResource } from './template';

export const STACK_RESOURCE_TYPE = 'AWS::CloudFormation::Stack';

export const stackArn = (region: string, account: string, name: string, id: string): string =>
  `arn:aws:cloudformation:${region}:${account}:stack/${name}/${id}`;

export const isStackArn = (value: string): boolean => value.startsWith('arn:aws:cloudformation:');

export const isLive = (stack: Stack): boolean => stack.status !== 'DELETE_COMPLETE';

/** Stack statuses no operation is running in. */
export const isSettled = (status: string): boolean => !status.endsWith('_IN_PROGRESS');

/** The stack a name or ARN designates for the caller: by name only live stacks, by ARN any. */
export function findStack(stacks: Stack[], account: string, region: string, nameOrArn: string): Stack | undefined {
  if (isStackArn(nameOrArn)) {
    return stacks.find((s) => s.stackId === nameOrArn && s.account === account && s.region === region);
  }
  return stacks.find((s) => s.stackName === nameOrArn && s.account === account && s.region === region && isLive(s));
}

function truncated(name: string): string {
  return name.length <= 64 ? name : name.slice(0, 64);
}

/** How CloudFormation names what it creates: `<stack>-<LogicalId>-<SUFFIX>` and friends. */
export function physicalIdFor(resource: TemplateResource, stackName: string, at: Date): string {
  switch (resource.naming) {
    case 'named': {
      const suffix = physicalSuffix();
      const room = 64 - suffix.length - 2;
      const base = `${stackName}-${resource.logicalId}`;
      return truncated(`${base.slice(0, room)}-${suffix}`);
    }
    case 'uuid':
      return uuid();
    case 'policy':
      return `${stackName.slice(0, 5)}-${resource.logicalId.slice(0, 4)}-${physicalSuffix()}`;
    case 'function':
      return COLLECTOR_FUNCTION_NAME;
    case 'logstream':
      return lambdaLogStream(at);
  }
}

export const templateResource = (logicalId: string): TemplateResource | undefined =>
  TEMPLATE_RESOURCES.find((r) => r.logicalId === logicalId);

/** A stack-level event; it also moves the stack to that status. */
export function recordStackStatus(
  stack: Stack,
  status: string,
  reason?: string,
  token?: string,
  at = new Date(),
): void {
  stack.status = status;
  stack.statusReason = reason;
  stack.events.push({
    eventId: uuid(),
    timestamp: at,
    logicalId: stack.stackName,
    physicalId: stack.stackId,
    resourceType: STACK_RESOURCE_TYPE,
    status,
    reason,
    token,
  });
}

export interface ResourceEventOptions {
  reason?: string;
  token?: string;
  physicalId?: string;
  at?: Date;
}

/** A resource event; it also records the resource's new status (and physical id, once known). */
export function recordResourceStatus(
  stack: Stack,
  resource: TemplateResource,
  status: string,
  opts: ResourceEventOptions = {},
): StackResource {
  const at = opts.at ?? new Date();
  const existing = stack.resources.get(resource.logicalId);
  const record: StackResource = existing ?? {
    logicalId: resource.logicalId,
    physicalId: '',
    type: resource.type,
    status,
    timestamp: at,
  };
  if (opts.physicalId !== undefined) record.physicalId = opts.physicalId;
  record.status = status;
  record.reason = opts.reason;
  record.timestamp = at;
  stack.resources.set(resource.logicalId, record);
  stack.events.push({
    eventId: `${resource.logicalId}-${status}-${at.toISOString()}`,
    timestamp: at,
    logicalId: resource.logicalId,
    physicalId: record.physicalId,
    resourceType: resource.type,
    status,
    reason: opts.reason,
    token: opts.token,
  });
  return record;
}

export const physicalIdOf = (stack: Stack, logicalId: string): string =>
  stack.resources.get(logicalId)?.physicalId ?? '';
