/** Contract tests of the simulator's GuardDuty and Lambda (restJson1) through the real SDK clients. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BadRequestException,
  CreateDetectorCommand,
  GetDetectorCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  UpdateDetectorCommand,
} from '@aws-sdk/client-guardduty';
import {
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { assumeDeployer, clientConfig, control, failure, startSims, type Sims } from './contract-support';

let sims: Sims;
beforeAll(async () => {
  sims = await startSims();
});
afterAll(() => sims.close());
beforeEach(async () => {
  await control(sims, 'reset');
});

const guardDuty = (region: string, creds?: Awaited<ReturnType<typeof assumeDeployer>>) =>
  new GuardDutyClient(clientConfig(sims, region, creds));

describe('GuardDuty detectors', () => {
  it('lists and reads the seeded detector of a region', async () => {
    const gd = guardDuty('us-west-2');
    const { DetectorIds } = await gd.send(new ListDetectorsCommand({}));
    expect(DetectorIds).toHaveLength(1);
    expect(DetectorIds![0]).toMatch(/^[0-9a-f]{32}$/);
    const detector = await gd.send(new GetDetectorCommand({ DetectorId: DetectorIds![0] }));
    expect(detector.Status).toBe('ENABLED');
    expect(detector.FindingPublishingFrequency).toBe('SIX_HOURS');
    expect(detector.ServiceRole).toContain('AWSServiceRoleForAmazonGuardDuty');
    expect(Date.parse(detector.CreatedAt!)).toBeLessThan(Date.now());
    expect(detector.Tags).toEqual({});
    expect((await guardDuty('eu-west-1').send(new ListDetectorsCommand({}))).DetectorIds).toEqual([]);
  });

  it('shows 333333333333’s disabled detector in us-west-2', async () => {
    const gd = guardDuty('us-west-2', await assumeDeployer(sims, '333333333333'));
    const [id] = (await gd.send(new ListDetectorsCommand({}))).DetectorIds ?? [];
    expect((await gd.send(new GetDetectorCommand({ DetectorId: id }))).Status).toBe('DISABLED');
  });

  it('creates one detector per region, refuses a second, and updates it', async () => {
    const gd = guardDuty('eu-west-1');
    const { DetectorId } = await gd.send(
      new CreateDetectorCommand({ Enable: true, FindingPublishingFrequency: 'FIFTEEN_MINUTES' }),
    );
    expect(DetectorId).toMatch(/^[0-9a-f]{32}$/);
    expect((await gd.send(new ListDetectorsCommand({}))).DetectorIds).toEqual([DetectorId]);

    const dup = await failure(gd.send(new CreateDetectorCommand({ Enable: true })));
    expect(dup).toBeInstanceOf(BadRequestException);
    expect(dup.message).toBe('The request is rejected because a detector already exists for the current account.');
    // The real body carries `__type`, which SDK 3.1178 does not map onto `Type` (its jsonName is `type`).
    expect((dup as BadRequestException).Type).toBeUndefined();
    expect(dup.$metadata.httpStatusCode).toBe(400);

    await gd.send(new UpdateDetectorCommand({ DetectorId, Enable: false }));
    const after = await gd.send(new GetDetectorCommand({ DetectorId }));
    expect(after.Status).toBe('DISABLED');
    expect(after.FindingPublishingFrequency).toBe('FIFTEEN_MINUTES');
  });

  it('rejects an unknown or foreign detector id', async () => {
    const [foreign] = (await guardDuty('us-east-1').send(new ListDetectorsCommand({}))).DetectorIds ?? [];
    const other = guardDuty('us-east-1', await assumeDeployer(sims, '222222222222'));
    for (const id of [foreign, 'f'.repeat(32)]) {
      const err = await failure(other.send(new GetDetectorCommand({ DetectorId: id })));
      expect(err).toBeInstanceOf(BadRequestException);
      expect(err.message).toBe(
        'The request is rejected because the input detectorId is not owned by the current account.',
      );
      const upd = await failure(other.send(new UpdateDetectorCommand({ DetectorId: id, Enable: true })));
      expect(upd.name).toBe('BadRequestException');
    }
  });
});

describe('Lambda collector function', () => {
  it('reads the seeded collector with its configuration, environment and tags', async () => {
    const lambda = new LambdaClient(clientConfig(sims, 'us-east-1', await assumeDeployer(sims, '333333333333')));
    const out = await lambda.send(new GetFunctionCommand({ FunctionName: 'alertlogic-cwe-collector' }));
    const c = out.Configuration!;
    expect(c).toMatchObject({
      FunctionName: 'alertlogic-cwe-collector',
      FunctionArn: 'arn:aws:lambda:us-east-1:333333333333:function:alertlogic-cwe-collector',
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      State: 'Active',
    });
    expect(c.Role).toMatch(/^arn:aws:iam::333333333333:role\/alertlogic-cwe-collector-CollectLambdaRole-/);
    expect(c.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    expect(c.Timeout).toBeGreaterThan(0);
    expect(c.MemorySize).toBeGreaterThan(0);
    const env = c.Environment!.Variables!;
    expect(env).toMatchObject({
      aims_access_key_id: '0a1b2c3d4e5f6a7b',
      al_api: 'api.global-services.global.alertlogic.com',
      al_data_residency: 'default',
      collector_id: 'none',
      stack_name: 'alertlogic-cwe-collector',
      al_application_id: 'guardduty',
    });
    expect(env.aims_secret_key).toMatch(/^[A-Za-z0-9+/=]{100,}$/);
    expect(out.Code?.RepositoryType).toBe('S3');
    expect(out.Code?.Location).toMatch(/^https:\/\//);
    expect(out.Tags?.['aws:cloudformation:stack-name']).toBe('alertlogic-cwe-collector');

    const byArn = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: c.FunctionArn }));
    expect(byArn.FunctionName).toBe('alertlogic-cwe-collector');
    expect(byArn.Environment?.Variables?.aims_access_key_id).toBe('0a1b2c3d4e5f6a7b');
  });

  it('answers ResourceNotFoundException for a function that is not there', async () => {
    const lambda = new LambdaClient(clientConfig(sims, 'eu-west-2'));
    const err = await failure(lambda.send(new GetFunctionCommand({ FunctionName: 'alertlogic-cwe-collector' })));
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect(err.message).toBe(
      'Function not found: arn:aws:lambda:eu-west-2:111111111111:function:alertlogic-cwe-collector',
    );
    expect((err as ResourceNotFoundException).Type).toBe('User');
    expect(err.$metadata.httpStatusCode).toBe(404);
    const cfg = await failure(lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'nope' })));
    expect(cfg.name).toBe('ResourceNotFoundException');
  });

  it('throttles Lambda with 429 TooManyRequestsException', async () => {
    await control(sims, 'throttle', { service: 'lambda', rate: 1 });
    const err = await failure(
      new LambdaClient(clientConfig(sims, 'us-east-1')).send(new GetFunctionCommand({ FunctionName: 'x' })),
    );
    expect([err.name, err.$metadata.httpStatusCode]).toEqual(['TooManyRequestsException', 429]);
  });
});
