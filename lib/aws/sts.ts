import 'server-only';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { env } from '../env';
import { awsClient, type AwsScope } from './clients';
import { requestHandlerOptions } from './http-options';
import { hubCredentials } from './credentials';

export interface CallerIdentity {
  account: string;
  arn: string;
}

export async function getCallerIdentity(scope: AwsScope): Promise<CallerIdentity> {
  const out = await awsClient(STSClient, scope).send(new GetCallerIdentityCommand({}));
  return { account: out.Account ?? '', arn: out.Arn ?? '' };
}

/**
 * Tries the role once with exactly the given ExternalId (or none), uncached: used to verify a
 * target and to prove its trust policy really requires the ExternalId.
 */
export async function tryAssumeRole(
  roleArn: string,
  externalId: string | undefined,
  sessionName: string,
): Promise<CallerIdentity> {
  const sts = new STSClient({
    region: env().AWS_REGION,
    credentials: hubCredentials(),
    maxAttempts: 2,
    requestHandler: requestHandlerOptions(),
  });
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: roleArn,
      RoleSessionName: sessionName,
      DurationSeconds: 900,
      ...(externalId ? { ExternalId: externalId } : {}),
    }),
  );
  const arn = out.AssumedRoleUser?.Arn ?? '';
  return { account: arn.split(':')[4] ?? '', arn };
}
