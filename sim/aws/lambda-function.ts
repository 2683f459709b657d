/** The collector Lambda function as its CloudFormation stack configures it. */
import { randomBytes } from 'node:crypto';
import { uuid } from './ids';
import { type LambdaFunction, type Tag } from './world-types';
import { COLLECTOR_FUNCTION_NAME } from './cloudformation/template';

export const functionArn = (region: string, account: string, name: string): string =>
  `arn:aws:lambda:${region}:${account}:function:${name}`;

/**
 * What the Encrypt custom resource leaves in the environment: a KMS ciphertext blob. It is
 * random on purpose, so nothing reading the function can ever recover the secret from it.
 */
export const encryptedSecretBlob = (): string => `AQICAHh${randomBytes(150).toString('base64')}`;

export function collectorEnvironment(parameters: Record<string, string>, stackName: string): Record<string, string> {
  return {
    aims_access_key_id: parameters.AccessKeyId ?? '',
    aims_secret_key: encryptedSecretBlob(),
    al_api: parameters.AlApiEndpoint ?? '',
    al_data_residency: parameters.AlDataResidency ?? '',
    collector_id: parameters.CollectorId ?? 'none',
    stack_name: stackName,
    al_application_id: parameters.AlApplicationId ?? 'guardduty',
  };
}

export interface CollectorFunctionInput {
  account: string;
  region: string;
  stackId: string;
  stackName: string;
  stackTags: Tag[];
  parameters: Record<string, string>;
  roleName: string;
  kmsKeyId: string;
  at: Date;
}

export function collectorFunction(input: CollectorFunctionInput): LambdaFunction {
  const { account, region } = input;
  return {
    name: COLLECTOR_FUNCTION_NAME,
    account,
    region,
    stackId: input.stackId,
    role: `arn:aws:iam::${account}:role/${input.roleName}`,
    kmsKeyArn: `arn:aws:kms:${region}:${account}:key/${input.kmsKeyId}`,
    lastModified: input.at,
    environment: collectorEnvironment(input.parameters, input.stackName),
    tags: {
      ...Object.fromEntries(input.stackTags.map((t) => [t.Key, t.Value])),
      'aws:cloudformation:stack-name': input.stackName,
      'aws:cloudformation:stack-id': input.stackId,
      'aws:cloudformation:logical-id': 'CollectLambdaFunction',
    },
    codeSha256: randomBytes(32).toString('base64'),
    revisionId: uuid(),
  };
}

/** An update rewrites the environment (new key, new ciphertext) and bumps the revision. */
export function reconfigure(fn: LambdaFunction, parameters: Record<string, string>, stackName: string): void {
  fn.environment = collectorEnvironment(parameters, stackName);
  fn.lastModified = new Date();
  fn.revisionId = uuid();
}
