/** Contract tests of CloudFormation create and read operations (awsQuery) through the real SDK client. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AlreadyExistsException,
  CloudFormationClient,
  CreateStackCommand,
  type CreateStackCommandInput,
  DescribeStackEventsCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  GetTemplateSummaryCommand,
  InsufficientCapabilitiesException,
  ListStacksCommand,
  paginateDescribeStackEvents,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
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

let sims: Sims;
let creds: Credentials;
let cfn: CloudFormationClient;
beforeAll(async () => {
  sims = await startSims();
});
afterAll(() => sims.close());
beforeEach(async () => {
  await control(sims, 'reset');
  creds = await assumeDeployer(sims, '222222222222');
  cfn = new CloudFormationClient(clientConfig(sims, 'eu-west-2', creds));
});

const input = (key: { accessKeyId: string; secretKey: string }, extra: Partial<CreateStackCommandInput> = {}) => ({
  StackName: 'guardlink-collector',
  TemplateURL: TEMPLATE_URL,
  Capabilities: ['CAPABILITY_IAM' as const],
  Parameters: [
    { ParameterKey: 'AccessKeyId', ParameterValue: key.accessKeyId },
    { ParameterKey: 'SecretKey', ParameterValue: key.secretKey },
  ],
  Tags: [{ Key: 'guardlink:deployment', Value: 'dep-1' }],
  ClientRequestToken: 'guardlink-dep-1-eu-west-2',
  ...extra,
});

describe('GetTemplateSummary', () => {
  it('returns the collector template’s parameters and capability', async () => {
    const out = await cfn.send(new GetTemplateSummaryCommand({ TemplateURL: TEMPLATE_URL }));
    expect(out.Parameters?.map((p) => p.ParameterKey)).toEqual([
      'AccessKeyId',
      'SecretKey',
      'AlApiEndpoint',
      'AlDataResidency',
      'CollectorId',
      'AlApplicationId',
      'EnableKMSKeyRotation',
      'KinesisShardCount',
    ]);
    const byKey = Object.fromEntries(out.Parameters!.map((p) => [p.ParameterKey, p]));
    expect(byKey.SecretKey).toMatchObject({ NoEcho: true, ParameterType: 'String' });
    expect(byKey.SecretKey?.DefaultValue).toBeUndefined();
    expect(byKey.AlDataResidency?.ParameterConstraints?.AllowedValues).toEqual(['default']);
    expect(byKey.KinesisShardCount).toMatchObject({ ParameterType: 'Number', DefaultValue: '1' });
    expect(out.Capabilities).toEqual(['CAPABILITY_IAM']);
    expect(out.CapabilitiesReason).toContain('AWS::IAM::Role');
    expect(out.ResourceTypes).toContain('AWS::Lambda::Function');
    expect(out.Description).toBeTruthy();
  });

  it('rejects other and non-https URLs', async () => {
    const other = await failure(
      cfn.send(new GetTemplateSummaryCommand({ TemplateURL: 'https://s3.amazonaws.com/x/y' })),
    );
    expect([other.name, other.message, other.$metadata.httpStatusCode]).toEqual([
      'ValidationError',
      'TemplateURL must reference a valid S3 object to which you have access.',
      400,
    ]);
    const http = await failure(cfn.send(new GetTemplateSummaryCommand({ TemplateURL: 'http://example.com/t' })));
    expect(http.message).toBe('TemplateURL must be a supported URL.');
  });
});

describe('CreateStack', () => {
  it('walks the collector to CREATE_COMPLETE in real time, with paginated newest-first events', async () => {
    const key = await createAimsKey(sims);
    const { StackId } = await cfn.send(new CreateStackCommand(input(key)));
    expect(StackId).toMatch(
      /^arn:aws:cloudformation:eu-west-2:222222222222:stack\/guardlink-collector\/[0-9a-f-]{36}$/,
    );
    const early = await cfn.send(new DescribeStacksCommand({ StackName: 'guardlink-collector' }));
    expect(early.Stacks?.[0]?.StackStatus).toBe('CREATE_IN_PROGRESS');

    const stack = await waitForStack(cfn, 'guardlink-collector');
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    expect(stack.CreationTime).toBeInstanceOf(Date);
    expect(stack.Capabilities).toEqual(['CAPABILITY_IAM']);
    expect(stack.Tags).toEqual([{ Key: 'guardlink:deployment', Value: 'dep-1' }]);
    expect(stack.DisableRollback).toBe(false);
    const params = Object.fromEntries(stack.Parameters!.map((p) => [p.ParameterKey, p.ParameterValue]));
    expect(params).toMatchObject({ AccessKeyId: key.accessKeyId, SecretKey: '****', AlDataResidency: 'default' });

    const events: StackEvent[] = [];
    let pages = 0;
    for await (const page of paginateDescribeStackEvents({ client: cfn }, { StackName: StackId })) {
      pages += 1;
      events.push(...(page.StackEvents ?? []));
    }
    expect(pages).toBe(2);
    expect(events).toHaveLength(59);
    const times = events.map((e) => e.Timestamp!.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const [newest] = events;
    const oldest = events.at(-1)!;
    expect([oldest.LogicalResourceId, oldest.ResourceStatus, oldest.ResourceStatusReason]).toEqual([
      'guardlink-collector',
      'CREATE_IN_PROGRESS',
      'User Initiated',
    ]);
    expect(oldest.ResourceType).toBe('AWS::CloudFormation::Stack');
    expect(oldest.PhysicalResourceId).toBe(StackId);
    expect([newest?.ResourceStatus, newest?.LogicalResourceId]).toEqual(['CREATE_COMPLETE', 'guardlink-collector']);
    expect(events.every((e) => e.ClientRequestToken === 'guardlink-dep-1-eu-west-2')).toBe(true);
    const registration = events.find(
      (e) => e.LogicalResourceId === 'RegistrationResource' && e.ResourceStatus === 'CREATE_COMPLETE',
    );
    expect(registration?.EventId).toMatch(/^RegistrationResource-CREATE_COMPLETE-\d{4}-/);
    expect(registration?.ResourceType).toBe('Custom::RegistrationResource');

    const resources = await cfn.send(new DescribeStackResourcesCommand({ StackName: 'guardlink-collector' }));
    expect(resources.StackResources).toHaveLength(19);
    expect(resources.StackResources?.every((r) => r.ResourceStatus === 'CREATE_COMPLETE')).toBe(true);
    expect(
      resources.StackResources?.find((r) => r.LogicalResourceId === 'CollectLambdaFunction')?.PhysicalResourceId,
    ).toBe('alertlogic-cwe-collector');

    const fn = await new LambdaClient(clientConfig(sims, 'eu-west-2', creds)).send(
      new GetFunctionCommand({ FunctionName: 'alertlogic-cwe-collector' }),
    );
    expect(fn.Configuration?.Environment?.Variables?.aims_access_key_id).toBe(key.accessKeyId);
    expect(fn.Configuration?.Environment?.Variables?.aims_secret_key).not.toContain(key.secretKey);
    expect(fn.Tags?.['aws:cloudformation:stack-id']).toBe(StackId);

    const listed = await cfn.send(new ListStacksCommand({ StackStatusFilter: ['CREATE_COMPLETE'] }));
    expect(listed.StackSummaries?.map((s) => s.StackId)).toEqual([StackId]);
    expect(listed.NextToken).toBeUndefined();
  });

  it('is idempotent for a retry with the same token, and refuses the name otherwise', async () => {
    const key = { accessKeyId: '0123456789abcdef', secretKey: 'x'.repeat(64) };
    const first = await cfn.send(new CreateStackCommand(input(key)));
    const retry = await cfn.send(new CreateStackCommand(input(key)));
    expect(retry.StackId).toBe(first.StackId);
    for (const token of ['another-token', undefined]) {
      const err = await failure(cfn.send(new CreateStackCommand(input(key, { ClientRequestToken: token }))));
      expect(err).toBeInstanceOf(AlreadyExistsException);
      expect(err.message).toBe('Stack [guardlink-collector] already exists');
      expect(err.$metadata.httpStatusCode).toBe(400);
    }
    const state = await simState(sims);
    expect(state.stacks.filter((s) => s.region === 'eu-west-2')).toHaveLength(1);
    expect(state.createStackCalls.map((c) => c.outcome)).toEqual([
      'created',
      'idempotent-retry',
      'AlreadyExistsException',
      'AlreadyExistsException',
    ]);
    expect(state.stacks.find((s) => s.region === 'eu-west-2')?.parameters.SecretKey).toBe('****');
  });

  it('requires CAPABILITY_IAM and valid parameters', async () => {
    const key = { accessKeyId: '0123456789abcdef', secretKey: 's' };
    const cap = await failure(cfn.send(new CreateStackCommand(input(key, { Capabilities: [] }))));
    expect(cap).toBeInstanceOf(InsufficientCapabilitiesException);
    expect(cap.message).toBe('Requires capabilities : [CAPABILITY_IAM]');

    const cases: [CreateStackCommandInput['Parameters'], string][] = [
      [[{ ParameterKey: 'Bogus', ParameterValue: 'x' }], 'Parameters: [Bogus] do not exist in the template'],
      [[], 'Parameters: [AccessKeyId, SecretKey] must have values'],
      [
        [
          { ParameterKey: 'AccessKeyId', ParameterValue: 'a' },
          { ParameterKey: 'SecretKey', ParameterValue: 'b' },
          { ParameterKey: 'AlDataResidency', ParameterValue: 'emea' },
        ],
        "Parameter 'AlDataResidency' must be one of AllowedValues",
      ],
    ];
    for (const [Parameters, message] of cases) {
      const err = await failure(cfn.send(new CreateStackCommand(input(key, { Parameters }))));
      expect([err.name, err.message]).toEqual(['ValidationError', message]);
    }
    const name = await failure(cfn.send(new CreateStackCommand(input(key, { StackName: '1-bad_name' }))));
    expect(name.name).toBe('ValidationError');
    expect((await simState(sims)).stacks.filter((s) => s.account === '222222222222')).toEqual([]);
  });

  it('words unknown stacks as each operation does', async () => {
    const describe = await failure(cfn.send(new DescribeStacksCommand({ StackName: 'nope' })));
    expect([describe.name, describe.message]).toEqual(['ValidationError', 'Stack with id nope does not exist']);
    const events = await failure(cfn.send(new DescribeStackEventsCommand({ StackName: 'nope' })));
    expect(events.message).toBe('Stack [nope] does not exist');
    const all = await cfn.send(new DescribeStacksCommand({}));
    expect(all.Stacks).toEqual([]);
    expect(all.NextToken).toBeUndefined();
  });
});
