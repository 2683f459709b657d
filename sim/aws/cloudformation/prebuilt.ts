/**
 * Stacks that already happened: built directly in the world with the same records, events and
 * physical names the engine would have left, without waiting for it. Used by the seed (the
 * hand-made collector) and the dashboard scenario. Events are 2.5 s apart from `created`.
 */
import { uuid } from '../ids';
import { collectorFunction } from '../lambda-function';
import { type AwsWorld } from '../world';
import { type Identity, type LambdaFunction, type Stack, type Tag } from '../world-types';
import { physicalIdFor, recordResourceStatus, recordStackStatus, stackArn } from './stacks';
import { TEMPLATE_DESCRIPTION, TEMPLATE_PARAMETERS, TEMPLATE_RESOURCES, type TemplateResource } from './template';

export interface PrebuiltStackInput {
  account: string;
  region: string;
  stackName: string;
  /** The stack id's trailing UUID (default random). */
  stackUuid?: string;
  created: Date;
  /** Values for some parameters; the rest take the template's defaults. */
  parameters: Record<string, string>;
  tags: Tag[];
  deployer: Identity;
  token?: string;
}

const EVENT_GAP_MS = 2500;

function newStack(input: PrebuiltStackInput): Stack {
  const defaults = Object.fromEntries(TEMPLATE_PARAMETERS.map((p) => [p.key, p.defaultValue ?? '']));
  return {
    stackId: stackArn(input.region, input.account, input.stackName, input.stackUuid ?? uuid()),
    stackName: input.stackName,
    account: input.account,
    region: input.region,
    status: 'CREATE_IN_PROGRESS',
    creationTime: input.created,
    description: TEMPLATE_DESCRIPTION,
    parameters: { ...defaults, ...input.parameters },
    tags: input.tags,
    capabilities: ['CAPABILITY_IAM'],
    onFailure: 'ROLLBACK',
    createToken: input.token,
    clientRequestTokens: input.token ? [input.token] : [],
    events: [],
    resources: new Map(),
    deployer: input.deployer,
  };
}

/** A clock for events: each call is one gap later. */
function eventClock(from: Date): () => Date {
  let t = from.getTime();
  return () => new Date((t += EVENT_GAP_MS));
}

/** IN_PROGRESS, IN_PROGRESS "Resource creation Initiated" (with its physical id), then COMPLETE. */
function createResource(stack: Stack, r: TemplateResource, at: () => Date): void {
  const token = stack.createToken;
  recordResourceStatus(stack, r, 'CREATE_IN_PROGRESS', { token, at: at() });
  const initiated = at();
  const physicalId = physicalIdFor(r, stack.stackName, initiated);
  recordResourceStatus(stack, r, 'CREATE_IN_PROGRESS', {
    token,
    physicalId,
    reason: 'Resource creation Initiated',
    at: initiated,
  });
}

/** A stack in CREATE_COMPLETE with every resource, and its collector function (environment from the parameters). */
export function buildCompleteStack(world: AwsWorld, input: PrebuiltStackInput): { stack: Stack; fn: LambdaFunction } {
  const stack = newStack(input);
  const at = eventClock(input.created);
  recordStackStatus(stack, 'CREATE_IN_PROGRESS', 'User Initiated', input.token, input.created);
  for (const resource of TEMPLATE_RESOURCES) {
    createResource(stack, resource, at);
    recordResourceStatus(stack, resource, 'CREATE_COMPLETE', { token: input.token, at: at() });
  }
  recordStackStatus(stack, 'CREATE_COMPLETE', undefined, input.token, at());
  world.stacks.push(stack);
  const fn = collectorFunction({
    account: stack.account,
    region: stack.region,
    stackId: stack.stackId,
    stackName: stack.stackName,
    stackTags: stack.tags,
    parameters: stack.parameters,
    roleName: stack.resources.get('CollectLambdaRole')!.physicalId,
    kmsKeyId: stack.resources.get('LambdaKmsKey')!.physicalId,
    at: stack.resources.get('CollectLambdaFunction')!.timestamp,
  });
  world.putFunction(fn);
  return { stack, fn };
}

/**
 * A create that failed at `failing` and rolled back to ROLLBACK_COMPLETE: the resources before it
 * are deleted again, in reverse. `reasonFor` gets the failing resource's physical id and time and
 * answers its CREATE_FAILED reason (the caller may write that invocation's log lines there).
 */
export function buildRolledBackStack(
  world: AwsWorld,
  input: PrebuiltStackInput,
  failing: string,
  reasonFor: (physicalId: string, at: Date) => string,
): Stack {
  const stack = newStack(input);
  const token = input.token;
  const at = eventClock(input.created);
  recordStackStatus(stack, 'CREATE_IN_PROGRESS', 'User Initiated', token, input.created);
  const created: TemplateResource[] = [];
  for (const resource of TEMPLATE_RESOURCES) {
    createResource(stack, resource, at);
    if (resource.logicalId === failing) {
      const record = stack.resources.get(resource.logicalId)!;
      const failedAt = at();
      const reason = reasonFor(record.physicalId, record.timestamp);
      recordResourceStatus(stack, resource, 'CREATE_FAILED', { token, reason, at: failedAt });
      break;
    }
    recordResourceStatus(stack, resource, 'CREATE_COMPLETE', { token, at: at() });
    created.push(resource);
  }
  const why = `The following resource(s) failed to create: [${failing}]. `;
  recordStackStatus(stack, 'ROLLBACK_IN_PROGRESS', `${why}Rollback requested by user.`, token, at());
  for (const resource of created.reverse()) {
    recordResourceStatus(stack, resource, 'DELETE_IN_PROGRESS', { token, at: at() });
    recordResourceStatus(stack, resource, 'DELETE_COMPLETE', { token, at: at() });
  }
  recordStackStatus(stack, 'ROLLBACK_COMPLETE', undefined, token, at());
  world.stacks.push(stack);
  return stack;
}
