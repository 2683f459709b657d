/**
 * The timed scripts of stack operations (aws-semantics §2.1): create (with rollback), delete and
 * update (with update rollback). Each resource gets an even share of the stack duration.
 */
import { reconfigure } from '../lambda-function';
import { type Stack } from '../world-types';
import { type RunContext, type StackRun } from './engine';
import { deregister, invocationStream, register } from './registration';
import { afterCreate, afterDelete, creationFailure } from './resource-effects';
import { isLive, physicalIdFor, recordResourceStatus, recordStackStatus } from './stacks';
import { COLLECTOR_FUNCTION_NAME, TEMPLATE_RESOURCES, type TemplateResource } from './template';

async function deleteResources(
  op: RunContext,
  stack: Stack,
  resources: TemplateResource[],
  token: string | undefined,
  step: number,
): Promise<void> {
  for (const resource of resources) {
    await op.wait(step / 2);
    recordResourceStatus(stack, resource, 'DELETE_IN_PROGRESS', { token });
    // The custom resource's Delete event: the collector deregisters itself from azcollect.
    if (resource.logicalId === 'RegistrationResource') await deregister(op, stack);
    await op.wait(step / 2);
    afterDelete(op.world, stack, resource);
    recordResourceStatus(stack, resource, 'DELETE_COMPLETE', { token });
  }
}

async function deleteStackNow(op: RunContext, stack: Stack, token: string | undefined): Promise<void> {
  recordStackStatus(stack, 'DELETE_IN_PROGRESS', 'User Initiated', token);
  const targets = TEMPLATE_RESOURCES.filter((r) => {
    const status = stack.resources.get(r.logicalId)?.status;
    return status !== undefined && status !== 'DELETE_COMPLETE';
  }).reverse();
  if (targets.length === 0) await op.wait(op.stepMs(TEMPLATE_RESOURCES.length));
  await deleteResources(op, stack, targets, token, op.stepMs(targets.length));
  stack.deletionTime = new Date();
  recordStackStatus(stack, 'DELETE_COMPLETE', undefined, token);
}

async function failCreate(op: RunContext, stack: Stack, failed: TemplateResource, created: TemplateResource[]) {
  const token = stack.createToken;
  const reason = `The following resource(s) failed to create: [${failed.logicalId}]. `;
  if (stack.onFailure === 'DO_NOTHING') return recordStackStatus(stack, 'CREATE_FAILED', reason, token);
  recordStackStatus(stack, 'ROLLBACK_IN_PROGRESS', `${reason}Rollback requested by user.`, token);
  await deleteResources(op, stack, [...created].reverse(), token, op.stepMs(TEMPLATE_RESOURCES.length));
  recordStackStatus(stack, 'ROLLBACK_COMPLETE', undefined, token);
  if (stack.onFailure === 'DELETE') await deleteStackNow(op, stack, token);
}

/** CREATE_IN_PROGRESS (recorded by CreateStack itself) → each resource → CREATE_COMPLETE or rollback. */
export const runCreate =
  (stack: Stack): StackRun =>
  async (op) => {
    const token = stack.createToken;
    const step = op.stepMs(TEMPLATE_RESOURCES.length);
    const created: TemplateResource[] = [];
    for (const resource of TEMPLATE_RESOURCES) {
      await op.wait(step * 0.25);
      recordResourceStatus(stack, resource, 'CREATE_IN_PROGRESS', { token });
      const physicalId = physicalIdFor(resource, stack.stackName, new Date());
      let failure = creationFailure(op.world, stack, resource, physicalId);
      if (!failure) {
        await op.wait(step * 0.25);
        const initiated = { token, physicalId, reason: 'Resource creation Initiated' };
        recordResourceStatus(stack, resource, 'CREATE_IN_PROGRESS', initiated);
        if (resource.logicalId === 'RegistrationResource') failure = await register(op, stack, physicalId, 'Create');
      }
      await op.wait(step * 0.5);
      if (failure) {
        recordResourceStatus(stack, resource, 'CREATE_FAILED', { token, reason: failure });
        return failCreate(op, stack, resource, created);
      }
      afterCreate(op.world, stack, resource);
      recordResourceStatus(stack, resource, 'CREATE_COMPLETE', { token });
      created.push(resource);
    }
    recordStackStatus(stack, 'CREATE_COMPLETE', undefined, token);
  };

/** DELETE_IN_PROGRESS → resources in reverse → DELETE_COMPLETE (the stack then only answers by ARN). */
export const runDelete =
  (stack: Stack, token: string | undefined): StackRun =>
  async (op) => {
    if (!isLive(stack) || stack.status === 'DELETE_IN_PROGRESS') return;
    await deleteStackNow(op, stack, token);
  };

/** The collector function follows the stack's parameters when its resource is updated. */
function applyUpdate(op: RunContext, stack: Stack, resource: TemplateResource): void {
  if (resource.logicalId !== 'CollectLambdaFunction') return;
  const fn = op.world.functionIn(stack.account, stack.region, COLLECTOR_FUNCTION_NAME);
  if (fn && fn.stackId === stack.stackId) reconfigure(fn, stack.parameters, stack.stackName);
}

export interface PreviousConfiguration {
  parameters: Record<string, string>;
  tags: Stack['tags'];
}

async function rollbackUpdate(
  op: RunContext,
  stack: Stack,
  previous: PreviousConfiguration,
  failed: TemplateResource,
  touched: TemplateResource[],
  token: string | undefined,
  step: number,
): Promise<void> {
  stack.parameters = previous.parameters;
  stack.tags = previous.tags;
  const reason = `The following resource(s) failed to update: [${failed.logicalId}]. `;
  recordStackStatus(stack, 'UPDATE_ROLLBACK_IN_PROGRESS', reason, token);
  // Rolling back re-applies the old properties; the old registration is not re-checked here.
  for (const resource of [...touched].reverse()) {
    await op.wait(step / 2);
    recordResourceStatus(stack, resource, 'UPDATE_IN_PROGRESS', { token });
    await op.wait(step / 2);
    applyUpdate(op, stack, resource);
    recordResourceStatus(stack, resource, 'UPDATE_COMPLETE', { token });
  }
  recordStackStatus(stack, 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', undefined, token);
  await op.wait(step / 2);
  recordStackStatus(stack, 'UPDATE_ROLLBACK_COMPLETE', undefined, token);
}

/** UPDATE_IN_PROGRESS (recorded by UpdateStack) → changed resources → UPDATE_COMPLETE, or update rollback. */
export const runUpdate =
  (stack: Stack, previous: PreviousConfiguration, targets: TemplateResource[], token: string | undefined): StackRun =>
  async (op) => {
    const step = op.stepMs(targets.length + 1);
    const done: TemplateResource[] = [];
    for (const resource of targets) {
      await op.wait(step / 2);
      recordResourceStatus(stack, resource, 'UPDATE_IN_PROGRESS', { token });
      const failure =
        resource.logicalId === 'RegistrationResource'
          ? await register(op, stack, invocationStream(), 'Update')
          : undefined;
      await op.wait(step / 2);
      if (failure) {
        recordResourceStatus(stack, resource, 'UPDATE_FAILED', { token, reason: failure });
        return rollbackUpdate(op, stack, previous, resource, [...done, resource], token, step);
      }
      applyUpdate(op, stack, resource);
      recordResourceStatus(stack, resource, 'UPDATE_COMPLETE', { token });
      done.push(resource);
    }
    await op.wait(step / 2);
    recordStackStatus(stack, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', undefined, token);
    await op.wait(step / 2);
    recordStackStatus(stack, 'UPDATE_COMPLETE', undefined, token);
  };
