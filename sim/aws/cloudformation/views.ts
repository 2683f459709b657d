/** How stacks, events and resources look on the awsQuery wire, and newest-first paging. */
import { validationError } from '../errors';
import { type XmlFields } from '../wire-xml';
import { type Stack, type StackEvent, type StackResource } from '../world-types';
import { TEMPLATE_PARAMETERS } from './template';

/** NoEcho values are never shown: DescribeStacks prints them as `****`. */
export function maskedParameters(stack: Stack): Record<string, string> {
  return Object.fromEntries(
    TEMPLATE_PARAMETERS.map((p) => [p.key, p.noEcho ? '****' : (stack.parameters[p.key] ?? '')]),
  );
}

export function stackView(stack: Stack): XmlFields {
  return {
    StackId: stack.stackId,
    StackName: stack.stackName,
    Description: stack.description,
    Parameters: Object.entries(maskedParameters(stack)).map(([ParameterKey, ParameterValue]) => ({
      ParameterKey,
      ParameterValue,
    })),
    CreationTime: stack.creationTime,
    DeletionTime: stack.deletionTime,
    LastUpdatedTime: stack.lastUpdatedTime,
    RollbackConfiguration: {},
    StackStatus: stack.status,
    StackStatusReason: stack.statusReason,
    DisableRollback: stack.onFailure === 'DO_NOTHING',
    NotificationARNs: [],
    Capabilities: stack.capabilities,
    Outputs: [],
    Tags: stack.tags.map((t) => ({ Key: t.Key, Value: t.Value })),
    EnableTerminationProtection: false,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
}

export function stackSummaryView(stack: Stack): XmlFields {
  return {
    StackId: stack.stackId,
    StackName: stack.stackName,
    TemplateDescription: stack.description,
    CreationTime: stack.creationTime,
    LastUpdatedTime: stack.lastUpdatedTime,
    DeletionTime: stack.deletionTime,
    StackStatus: stack.status,
    StackStatusReason: stack.statusReason,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
}

export function eventView(stack: Stack, e: StackEvent): XmlFields {
  return {
    StackId: stack.stackId,
    EventId: e.eventId,
    StackName: stack.stackName,
    LogicalResourceId: e.logicalId,
    PhysicalResourceId: e.physicalId,
    ResourceType: e.resourceType,
    Timestamp: e.timestamp,
    ResourceStatus: e.status,
    ResourceStatusReason: e.reason,
    ClientRequestToken: e.token,
  };
}

export function resourceView(stack: Stack, r: StackResource): XmlFields {
  return {
    StackName: stack.stackName,
    StackId: stack.stackId,
    LogicalResourceId: r.logicalId,
    PhysicalResourceId: r.physicalId || undefined,
    ResourceType: r.type,
    Timestamp: r.timestamp,
    ResourceStatus: r.status,
    ResourceStatusReason: r.reason,
    DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
  };
}

const TOKEN_PREFIX = 'sim1:';

/**
 * Newest-first pages over an append-only list. The token is the position to continue below,
 * so items appended between pages (new events) never shift what the next page holds.
 */
export function pageNewestFirst<T>(
  items: T[],
  keep: (item: T) => boolean,
  size: number,
  token: string | null,
): { page: T[]; next?: string } {
  let start = items.length;
  if (token !== null) {
    const decoded = Buffer.from(token, 'base64url').toString('utf8');
    const position = Number(decoded.slice(TOKEN_PREFIX.length));
    if (!decoded.startsWith(TOKEN_PREFIX) || !Number.isInteger(position) || position < 0 || position > items.length) {
      throw validationError('Invalid NextToken');
    }
    start = position;
  }
  const page: T[] = [];
  let i = start - 1;
  for (; i >= 0 && page.length < size; i--) {
    const item = items[i];
    if (item !== undefined && keep(item)) page.push(item);
  }
  // Only hand out a token when something is really left: paginators loop while one is present.
  for (let j = i; j >= 0; j--) {
    const item = items[j];
    if (item !== undefined && keep(item))
      return { page, next: Buffer.from(`${TOKEN_PREFIX}${i + 1}`).toString('base64url') };
  }
  return { page };
}
