/** Contract tests of CloudFormation DeleteStack and UpdateStack through the real SDK client. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ListStacksCommand,
  UpdateStackCommand,
  type Parameter,
} from '@aws-sdk/client-cloudformation';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  assumeDeployer,
  clientConfig,
  control,
  createAimsKey,
  failure,
  simState,
  startSims,
  waitForStack,
  type Credentials,
  type Sims,
} from './contract-support';

const TEMPLATE_URL = 'https://s3.amazonaws.com/alertlogic-collectors-us-east-1/cfn/guardduty.template';
const NAME = 'guardlink-collector';

let sims: Sims;
let creds: Credentials;
let cfn: CloudFormationClient;
let lambda: LambdaClient;
beforeAll(async () => {
  sims = await startSims();
});
afterAll(() => sims.close());
beforeEach(async () => {
  await control(sims, 'reset');
  creds = await assumeDeployer(sims, '222222222222');
  cfn = new CloudFormationClient(clientConfig(sims, 'us-east-2', creds));
  lambda = new LambdaClient(clientConfig(sims, 'us-east-2', creds));
});

async function deployed(): Promise<{ stackId: string; key: { accessKeyId: string; secretKey: string } }> {
  const key = await createAimsKey(sims);
  const { StackId } = await cfn.send(
    new CreateStackCommand({
      StackName: NAME,
      TemplateURL: TEMPLATE_URL,
      Capabilities: ['CAPABILITY_IAM'],
      Parameters: [
        { ParameterKey: 'AccessKeyId', ParameterValue: key.accessKeyId },
        { ParameterKey: 'SecretKey', ParameterValue: key.secretKey },
      ],
    }),
  );
  expect((await waitForStack(cfn, NAME)).StackStatus).toBe('CREATE_COMPLETE');
  return { stackId: StackId!, key };
}

const keep = (...keys: string[]): Parameter[] => keys.map((ParameterKey) => ({ ParameterKey, UsePreviousValue: true }));
const ALL_BUT_KEYS = [
  'AlApiEndpoint',
  'AlDataResidency',
  'CollectorId',
  'AlApplicationId',
  'EnableKMSKeyRotation',
  'KinesisShardCount',
];

const envKey = async () =>
  (await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'alertlogic-cwe-collector' }))).Environment
    ?.Variables?.aims_access_key_id;

describe('DeleteStack', () => {
  it('deletes in reverse over time; the stack then answers only by ARN', async () => {
    const { stackId } = await deployed();
    const out = await cfn.send(new DeleteStackCommand({ StackName: NAME, ClientRequestToken: 'delete-1' }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect((await cfn.send(new DescribeStacksCommand({ StackName: NAME }))).Stacks?.[0]?.StackStatus).toBe(
      'DELETE_IN_PROGRESS',
    );
    const gone = await waitForStack(cfn, stackId);
    expect(gone.StackStatus).toBe('DELETE_COMPLETE');
    expect(gone.DeletionTime).toBeInstanceOf(Date);

    const byName = await failure(cfn.send(new DescribeStacksCommand({ StackName: NAME })));
    expect(byName.message).toBe(`Stack with id ${NAME} does not exist`);
    const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: stackId }))).StackEvents ?? [];
    expect(events[0]?.ResourceStatus).toBe('DELETE_COMPLETE');
    const deleting = events.filter((e) => e.ClientRequestToken === 'delete-1');
    expect(deleting.filter((e) => e.ResourceStatus === 'DELETE_COMPLETE')).toHaveLength(20);
    expect(deleting.at(-1)?.ResourceStatus).toBe('DELETE_IN_PROGRESS');

    const fn = await failure(
      lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'alertlogic-cwe-collector' })),
    );
    expect(fn.name).toBe('ResourceNotFoundException');
    const listed = await cfn.send(new ListStacksCommand({}));
    expect(listed.StackSummaries?.map((s) => s.StackStatus)).toEqual(['DELETE_COMPLETE']);
    expect((await cfn.send(new DescribeStacksCommand({}))).Stacks).toEqual([]);
    expect((await simState(sims)).stacks.find((s) => s.stackId === stackId)?.clientRequestTokens).toEqual(['delete-1']);
  });

  it('stops running operations on reset: nothing is written into the fresh world', async () => {
    await cfn.send(
      new CreateStackCommand({
        StackName: NAME,
        TemplateURL: TEMPLATE_URL,
        Capabilities: ['CAPABILITY_IAM'],
        Parameters: [
          { ParameterKey: 'AccessKeyId', ParameterValue: '0123456789abcdef' },
          { ParameterKey: 'SecretKey', ParameterValue: 's' },
        ],
      }),
    );
    await new Promise((r) => setTimeout(r, 60));
    await control(sims, 'reset');
    await new Promise((r) => setTimeout(r, 500));
    const state = await simState(sims);
    expect(state.stacks.map((s) => s.stackName)).toEqual(['alertlogic-cwe-collector']);
    expect(state.createStackCalls).toEqual([]);
    expect(state.logs).toEqual({});
    expect(state.functions.map((f) => f.account)).toEqual(['333333333333']);
  });

  it('answers 200 for a name that does not exist', async () => {
    const out = await cfn.send(new DeleteStackCommand({ StackName: 'never-was' }));
    expect(out.$metadata.httpStatusCode).toBe(200);
  });
});

describe('UpdateStack', () => {
  it('rotates the access key with UsePreviousTemplate/UsePreviousValue, then has nothing to do', async () => {
    const { key } = await deployed();
    const next = await createAimsKey(sims);
    const update = (Parameters: Parameter[], ClientRequestToken?: string) =>
      cfn.send(
        new UpdateStackCommand({
          StackName: NAME,
          UsePreviousTemplate: true,
          Capabilities: ['CAPABILITY_IAM'],
          Parameters,
          ClientRequestToken,
        }),
      );
    await update(
      [
        { ParameterKey: 'AccessKeyId', ParameterValue: next.accessKeyId },
        { ParameterKey: 'SecretKey', ParameterValue: next.secretKey },
        ...keep(...ALL_BUT_KEYS),
      ],
      'rotate-1',
    );
    expect((await cfn.send(new DescribeStacksCommand({ StackName: NAME }))).Stacks?.[0]?.StackStatus).toBe(
      'UPDATE_IN_PROGRESS',
    );
    const stack = await waitForStack(cfn, NAME);
    expect(stack.StackStatus).toBe('UPDATE_COMPLETE');
    expect(stack.LastUpdatedTime).toBeInstanceOf(Date);
    expect(stack.Parameters?.find((p) => p.ParameterKey === 'AccessKeyId')?.ParameterValue).toBe(next.accessKeyId);
    expect(await envKey()).toBe(next.accessKeyId);
    const statuses = ((await cfn.send(new DescribeStackEventsCommand({ StackName: NAME }))).StackEvents ?? [])
      .filter((e) => e.ClientRequestToken === 'rotate-1' && e.LogicalResourceId === NAME)
      .map((e) => e.ResourceStatus);
    expect(statuses).toEqual(['UPDATE_COMPLETE', 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'UPDATE_IN_PROGRESS']);

    const same = await failure(update(keep('AccessKeyId', 'SecretKey', ...ALL_BUT_KEYS)));
    expect([same.name, same.message]).toEqual(['ValidationError', 'No updates are to be performed.']);
    const blank = await failure(update(keep('AccessKeyId', ...ALL_BUT_KEYS)));
    expect(blank.message).toBe('Parameters: [SecretKey] must have values');
    const both = await failure(
      update([{ ParameterKey: 'AccessKeyId', ParameterValue: key.accessKeyId, UsePreviousValue: true }]),
    );
    expect(both.message).toBe(
      'Invalid input for parameter key AccessKeyId. Cannot specify usePreviousValue as true and non empty value for a parameter',
    );
  });

  it('rolls an update with a bad key back to the old parameters', async () => {
    const { key } = await deployed();
    await cfn.send(
      new UpdateStackCommand({
        StackName: NAME,
        UsePreviousTemplate: true,
        Capabilities: ['CAPABILITY_IAM'],
        Parameters: [
          { ParameterKey: 'AccessKeyId', ParameterValue: 'ffffffffffffffff' },
          { ParameterKey: 'SecretKey', ParameterValue: 'wrong' },
          ...keep(...ALL_BUT_KEYS),
        ],
      }),
    );
    const stack = await waitForStack(cfn, NAME);
    expect(stack.StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(stack.Parameters?.find((p) => p.ParameterKey === 'AccessKeyId')?.ParameterValue).toBe(key.accessKeyId);
    expect(await envKey()).toBe(key.accessKeyId);
    const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: NAME }))).StackEvents ?? [];
    const failed = events.find((e) => e.ResourceStatus === 'UPDATE_FAILED');
    expect(failed?.LogicalResourceId).toBe('RegistrationResource');
    expect(failed?.ResourceStatusReason).toMatch(/^Received response status \[FAILED\] from custom resource\./);
    const stackStatuses = events.filter((e) => e.LogicalResourceId === NAME).map((e) => e.ResourceStatus);
    expect(stackStatuses.slice(0, 4)).toEqual([
      'UPDATE_ROLLBACK_COMPLETE',
      'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
      'UPDATE_ROLLBACK_IN_PROGRESS',
      'UPDATE_IN_PROGRESS',
    ]);
    // UPDATE_ROLLBACK_COMPLETE can be updated again: this one only lacks the capability.
    const later = await failure(
      cfn.send(
        new UpdateStackCommand({
          StackName: NAME,
          UsePreviousTemplate: true,
          Parameters: keep('AccessKeyId', 'SecretKey', ...ALL_BUT_KEYS),
        }),
      ),
    );
    expect([later.name, later.message]).toEqual([
      'InsufficientCapabilitiesException',
      'Requires capabilities : [CAPABILITY_IAM]',
    ]);
  });
});
