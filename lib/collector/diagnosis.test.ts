import { describe, expect, it } from 'vitest';
import { classifyAwsError } from '../aws/errors';
import { diagnoseAwsFailure, diagnoseStackFailure, firstFailure, type FailedEvent } from './diagnosis';

const stack = (status: string, reason: string | null = null): FailedEvent => ({
  logicalId: 'GuardLink',
  resourceType: 'AWS::CloudFormation::Stack',
  status,
  reason,
});
const res = (logicalId: string, status: string, reason: string | null = null): FailedEvent => ({
  logicalId,
  resourceType: 'AWS::X',
  status,
  reason,
});

describe('firstFailure', () => {
  it('finds the first failed resource of the latest operation, not the rollback noise', () => {
    const newestFirst = [
      stack('ROLLBACK_COMPLETE'),
      res('KinesisStream', 'DELETE_COMPLETE'),
      stack('ROLLBACK_IN_PROGRESS', 'The following resource(s) failed to create: [RegistrationResource].'),
      res('RegistrationResource', 'CREATE_FAILED', 'Received response status [FAILED] from custom resource.'),
      res('KinesisStream', 'CREATE_COMPLETE'),
      stack('CREATE_IN_PROGRESS', 'User Initiated'),
    ];
    expect(firstFailure(newestFirst)?.logicalId).toBe('RegistrationResource');
  });
});

describe('diagnoseStackFailure', () => {
  const region = 'us-east-2';
  const stackId = 'arn:aws:cloudformation:us-east-2:222222222222:stack/GuardLink-GuardDuty-Collector/1';
  it('explains a rejected Alert Logic key and links the log group', () => {
    const d = diagnoseStackFailure({
      region,
      stackId,
      stackReason: null,
      failed: res('RegistrationResource', 'CREATE_FAILED', 'See the details in CloudWatch Log Stream'),
    });
    expect(d.code).toBe('alert_logic_key_rejected');
    expect(d.link?.url).toContain('%252Faws%252Flambda%252Falertlogic-cwe-collector');
  });
  it('explains a second collector and names the other stack', () => {
    const d = diagnoseStackFailure({
      region,
      stackId,
      stackReason: null,
      failed: res(
        'CollectLambdaFunction',
        'CREATE_FAILED',
        'alertlogic-cwe-collector already exists in stack arn:aws:cloudformation:us-east-2:222222222222:stack/old-collector/abc',
      ),
    });
    expect(d.code).toBe('collector_exists');
    expect(d.cause).toContain('old-collector');
  });
  it('explains a region without the code bucket and a missing permission', () => {
    expect(
      diagnoseStackFailure({
        region: 'ap-northeast-3',
        stackId,
        stackReason: null,
        failed: res('CollectLambdaFunction', 'CREATE_FAILED', 'S3 Error Code: NoSuchBucket'),
      }).code,
    ).toBe('code_bucket_missing');
    const d = diagnoseStackFailure({
      region,
      stackId,
      stackReason: null,
      failed: res(
        'CollectLambdaRole',
        'CREATE_FAILED',
        'User: x is not authorized to perform: iam:CreateRole on resource: y',
      ),
    });
    expect(d).toMatchObject({ code: 'missing_permission' });
    expect(d.remedy).toContain('iam:CreateRole');
  });
});

describe('diagnoseAwsFailure', () => {
  const ctx = { region: 'eu-west-3', accountId: '444444444444', roleName: 'GuardLinkDeployer' };
  it('tells AssumeRole refusals, throttling, disabled regions, capability and missing credentials apart', () => {
    const denied = classifyAwsError({
      name: 'AccessDenied',
      message: 'User: a is not authorized to perform: sts:AssumeRole on resource: b',
      $metadata: { httpStatusCode: 403 },
    });
    expect(diagnoseAwsFailure(denied, { ...ctx, during: 'assume_role' }).code).toBe('assume_role_denied');
    expect(
      diagnoseAwsFailure(classifyAwsError({ name: 'Throttling', message: 'Rate exceeded' }), {
        ...ctx,
        during: 'deploy',
      }).code,
    ).toBe('throttled');
    expect(
      diagnoseAwsFailure(
        classifyAwsError({
          name: 'UnrecognizedClientException',
          message: 'The security token included in the request is invalid.',
        }),
        { ...ctx, during: 'check' },
      ).code,
    ).toBe('region_not_enabled');
    expect(
      diagnoseAwsFailure(
        classifyAwsError({
          name: 'InsufficientCapabilitiesException',
          message: 'Requires capabilities : [CAPABILITY_IAM]',
        }),
        { ...ctx, during: 'deploy' },
      ).code,
    ).toBe('missing_capability');
    expect(
      diagnoseAwsFailure(
        classifyAwsError({
          name: 'CredentialsProviderError',
          message: 'Could not load credentials from any providers',
        }),
        { ...ctx, during: 'check' },
      ).code,
    ).toBe('no_aws_credentials');
  });
});
