/** CloudFormation writes: CreateStack, UpdateStack, DeleteStack (validation, idempotency, then a timed run). */
import { AwsError, validationError } from '../errors';
import { uuid } from '../ids';
import { type CallContext } from '../operation';
import { isTrue } from '../query-params';
import { xmlFields } from '../wire-xml';
import { type OnFailure, type Stack } from '../world-types';
import {
  checkStackName,
  checkTemplateSource,
  readTags,
  readToken,
  requireCapabilities,
  resolveParameters,
} from './inputs';
import { runCreate, runDelete, runUpdate } from './runs';
import { findStack, isLive, recordStackStatus, stackArn } from './stacks';
import { COLLECTOR_PARAMETERS, TEMPLATE_DESCRIPTION, TEMPLATE_RESOURCES, type TemplateResource } from './template';

const stackIdXml = (stack: Stack): string => xmlFields({ StackId: stack.stackId });

function readOnFailure(form: URLSearchParams): OnFailure {
  const onFailure = form.get('OnFailure');
  const disableRollback = form.get('DisableRollback');
  if (onFailure !== null && disableRollback !== null) {
    throw validationError('You can specify either DisableRollback or OnFailure, but not both.');
  }
  if (isTrue(disableRollback)) return 'DO_NOTHING';
  if (onFailure === null) return 'ROLLBACK';
  if (onFailure === 'ROLLBACK' || onFailure === 'DO_NOTHING' || onFailure === 'DELETE') return onFailure;
  throw validationError(
    `1 validation error detected: Value '${onFailure}' at 'onFailure' failed to satisfy constraint: ` +
      'Member must satisfy enum value set: [DO_NOTHING, ROLLBACK, DELETE]',
  );
}

export function createStack(ctx: CallContext): string {
  const { world, identity, region, form } = ctx;
  const name = checkStackName(form.get('StackName'));
  const token = readToken(form);
  const existing = findStack(world.stacks, identity.account, region, name);
  if (existing) {
    // A retry of the very same create (same token) gets the same stack; anything else clashes.
    if (token && existing.createToken === token) {
      ctx.outcome = 'idempotent-retry';
      return stackIdXml(existing);
    }
    throw new AwsError('AlreadyExistsException', `Stack [${name}] already exists`);
  }
  const sameName = world.stacks.filter(
    (s) => s.account === identity.account && s.region === region && s.stackName === name,
  );
  if (token && sameName.some((s) => s.clientRequestTokens.includes(token))) {
    throw new AwsError(
      'TokenAlreadyExistsException',
      `The client request token ${token} has already been used for this stack. Retry the request with a different client request token`,
    );
  }
  checkTemplateSource(form, false);
  const parameters = resolveParameters(form);
  const capabilities = requireCapabilities(form);
  const onFailure = readOnFailure(form);
  const stack: Stack = {
    stackId: stackArn(region, identity.account, name, uuid()),
    stackName: name,
    account: identity.account,
    region,
    status: 'CREATE_IN_PROGRESS',
    creationTime: new Date(),
    description: TEMPLATE_DESCRIPTION,
    parameters,
    tags: readTags(form) ?? [],
    capabilities,
    onFailure,
    createToken: token,
    clientRequestTokens: token ? [token] : [],
    events: [],
    resources: new Map(),
    deployer: identity,
  };
  recordStackStatus(stack, 'CREATE_IN_PROGRESS', 'User Initiated', token, stack.creationTime);
  world.stacks.push(stack);
  ctx.engine.enqueue(stack, runCreate(stack));
  ctx.outcome = 'created';
  return stackIdXml(stack);
}

/** Deleting a name that does not exist is a silent success, as in AWS. */
export function deleteStack(ctx: CallContext): null {
  const name = ctx.form.get('StackName') ?? '';
  const token = readToken(ctx.form);
  const stack = findStack(ctx.world.stacks, ctx.identity.account, ctx.region, name);
  if (!stack || !isLive(stack) || stack.status === 'DELETE_IN_PROGRESS') return null;
  if (token && !stack.clientRequestTokens.includes(token)) stack.clientRequestTokens.push(token);
  // A delete during another operation waits for it to finish, then runs.
  ctx.engine.enqueue(stack, runDelete(stack, token));
  return null;
}

const UPDATABLE = new Set([
  'CREATE_COMPLETE',
  'UPDATE_COMPLETE',
  'UPDATE_ROLLBACK_COMPLETE',
  'IMPORT_COMPLETE',
  'IMPORT_ROLLBACK_COMPLETE',
]);

/** The resources whose properties follow the changed parameters, in template order. */
function updateTargets(changed: Set<string>): TemplateResource[] {
  const touched = new Set<string>();
  if (changed.has('KinesisShardCount')) touched.add('KinesisStream');
  if (changed.has('EnableKMSKeyRotation')) touched.add('LambdaKmsKey');
  if (changed.has('SecretKey')) touched.add('EncryptSecretKeyCustomResource');
  if (COLLECTOR_PARAMETERS.some((p) => changed.has(p))) {
    touched.add('CollectLambdaFunction');
    touched.add('RegistrationResource');
  }
  return TEMPLATE_RESOURCES.filter((r) => touched.has(r.logicalId));
}

const sameTags = (a: Stack['tags'], b: Stack['tags']): boolean =>
  a.length === b.length && a.every((t, i) => t.Key === b[i]?.Key && t.Value === b[i]?.Value);

export function updateStack(ctx: CallContext): string {
  const { world, identity, region, form } = ctx;
  const name = form.get('StackName') ?? '';
  const stack = findStack(world.stacks, identity.account, region, name);
  if (!stack) throw validationError(`Stack [${name}] does not exist`);
  if (!UPDATABLE.has(stack.status)) {
    throw validationError(`Stack:${stack.stackId} is in ${stack.status} state and can not be updated.`);
  }
  const token = readToken(form);
  checkTemplateSource(form, true);
  const parameters = resolveParameters(form, stack.parameters);
  const capabilities = requireCapabilities(form);
  const tags = readTags(form) ?? stack.tags;
  const changed = new Set(Object.keys(parameters).filter((k) => parameters[k] !== stack.parameters[k]));
  if (changed.size === 0 && sameTags(tags, stack.tags)) throw validationError('No updates are to be performed.');

  const previous = { parameters: stack.parameters, tags: stack.tags };
  stack.parameters = parameters;
  stack.tags = tags;
  stack.capabilities = capabilities;
  stack.deployer = identity;
  stack.lastUpdatedTime = new Date();
  if (token && !stack.clientRequestTokens.includes(token)) stack.clientRequestTokens.push(token);
  recordStackStatus(stack, 'UPDATE_IN_PROGRESS', 'User Initiated', token, stack.lastUpdatedTime);
  ctx.engine.enqueue(stack, runUpdate(stack, previous, updateTargets(changed), token));
  return stackIdXml(stack);
}
