import 'server-only';
/** CloudFormation calls the console makes, returning GuardLink's own shapes. */
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  GetTemplateSummaryCommand,
  UpdateStackCommand,
  paginateDescribeStackEvents,
  type Capability,
} from '@aws-sdk/client-cloudformation';
import { awsClient, type AwsScope } from './clients';

export interface TemplateParameter {
  key: string;
  defaultValue: string | null;
  type: string;
  noEcho: boolean;
  description: string;
  allowedValues: string[];
}

export interface TemplateSummary {
  description: string;
  parameters: TemplateParameter[];
  capabilities: string[];
  capabilitiesReason: string;
}

export interface StackInfo {
  stackId: string;
  stackName: string;
  status: string;
  statusReason: string | null;
  parameters: Record<string, string>;
  tags: Record<string, string>;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface StackEventInfo {
  eventId: string;
  timestamp: string;
  logicalId: string;
  resourceType: string;
  status: string;
  reason: string | null;
  physicalId: string | null;
  clientRequestToken: string | null;
}

const cfn = (scope: AwsScope) => awsClient(CloudFormationClient, scope);

export async function getTemplateSummary(scope: AwsScope, templateUrl: string): Promise<TemplateSummary> {
  const out = await cfn(scope).send(new GetTemplateSummaryCommand({ TemplateURL: templateUrl }));
  return {
    description: out.Description ?? '',
    parameters: (out.Parameters ?? []).map((p) => ({
      key: p.ParameterKey ?? '',
      defaultValue: p.DefaultValue ?? null,
      type: p.ParameterType ?? 'String',
      noEcho: p.NoEcho ?? false,
      description: p.Description ?? '',
      allowedValues: p.ParameterConstraints?.AllowedValues ?? [],
    })),
    capabilities: out.Capabilities ?? [],
    capabilitiesReason: out.CapabilitiesReason ?? '',
  };
}

export async function createStack(
  scope: AwsScope,
  input: {
    stackName: string;
    templateUrl: string;
    parameters: Record<string, string>;
    tags: Record<string, string>;
    token: string;
    capabilities: string[];
  },
): Promise<string> {
  const out = await cfn(scope).send(
    new CreateStackCommand({
      StackName: input.stackName,
      TemplateURL: input.templateUrl,
      Parameters: Object.entries(input.parameters).map(([ParameterKey, ParameterValue]) => ({
        ParameterKey,
        ParameterValue,
      })),
      Capabilities: input.capabilities as Capability[],
      Tags: Object.entries(input.tags).map(([Key, Value]) => ({ Key, Value })),
      ClientRequestToken: input.token,
    }),
  );
  return out.StackId ?? '';
}

/** Null when no live stack has that name (CloudFormation answers ValidationError "does not exist"). */
export async function describeStack(scope: AwsScope, nameOrId: string): Promise<StackInfo | null> {
  try {
    const out = await cfn(scope).send(new DescribeStacksCommand({ StackName: nameOrId }));
    const s = out.Stacks?.[0];
    if (!s) return null;
    return {
      stackId: s.StackId ?? '',
      stackName: s.StackName ?? '',
      status: s.StackStatus ?? 'UNKNOWN',
      statusReason: s.StackStatusReason ?? null,
      parameters: Object.fromEntries((s.Parameters ?? []).map((p) => [p.ParameterKey ?? '', p.ParameterValue ?? ''])),
      tags: Object.fromEntries((s.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
      createdAt: s.CreationTime?.toISOString() ?? null,
      updatedAt: s.LastUpdatedTime?.toISOString() ?? null,
    };
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e.name === 'ValidationError' && /does not exist/.test(e.message ?? '')) return null;
    throw err;
  }
}

/** Newest first, at most `max` events (paged through DescribeStackEvents). */
export async function listStackEvents(scope: AwsScope, stackId: string, max = 200): Promise<StackEventInfo[]> {
  const events: StackEventInfo[] = [];
  for await (const page of paginateDescribeStackEvents({ client: cfn(scope) }, { StackName: stackId })) {
    for (const e of page.StackEvents ?? []) {
      events.push({
        eventId: e.EventId ?? '',
        timestamp: e.Timestamp?.toISOString() ?? '',
        logicalId: e.LogicalResourceId ?? '',
        resourceType: e.ResourceType ?? '',
        status: e.ResourceStatus ?? '',
        reason: e.ResourceStatusReason ?? null,
        physicalId: e.PhysicalResourceId ?? null,
        clientRequestToken: e.ClientRequestToken ?? null,
      });
      if (events.length >= max) return events;
    }
  }
  return events;
}

export async function deleteStack(scope: AwsScope, nameOrId: string, token: string): Promise<void> {
  await cfn(scope).send(new DeleteStackCommand({ StackName: nameOrId, ClientRequestToken: token }));
}

/**
 * Changes some parameters and keeps every other one with UsePreviousValue (an omitted parameter
 * would fall back to the template default, and `****` would overwrite a NoEcho secret).
 */
export async function updateStackParameters(
  scope: AwsScope,
  input: { stackName: string; change: Record<string, string>; keep: string[]; token: string; capabilities: string[] },
): Promise<'updating' | 'no_changes'> {
  try {
    await cfn(scope).send(
      new UpdateStackCommand({
        StackName: input.stackName,
        UsePreviousTemplate: true,
        Capabilities: input.capabilities as Capability[],
        ClientRequestToken: input.token,
        Parameters: [
          ...Object.entries(input.change).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
          ...input.keep
            .filter((k) => !(k in input.change))
            .map((ParameterKey) => ({ ParameterKey, UsePreviousValue: true })),
        ],
      }),
    );
    return 'updating';
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e.name === 'ValidationError' && e.message === 'No updates are to be performed.') return 'no_changes';
    throw err;
  }
}

/** Logical id → physical id of a stack's resources (e.g. the Kinesis stream's real name). */
export async function stackResources(scope: AwsScope, stackName: string): Promise<Record<string, string>> {
  const out = await cfn(scope).send(new DescribeStackResourcesCommand({ StackName: stackName }));
  return Object.fromEntries(
    (out.StackResources ?? []).map((r) => [r.LogicalResourceId ?? '', r.PhysicalResourceId ?? '']),
  );
}
