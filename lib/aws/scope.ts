import 'server-only';
/** Builds the AWS scope (who, where, as which console user) for a target or the hub. */
import type { ConsoleSession } from '../auth/session';
import { env } from '../env';
import type { Target } from '../store/targets';
import type { AwsScope } from './clients';
import { sessionNameFor } from './credentials';

export function targetScope(
  session: { email: string },
  target: Pick<Target, 'accountId' | 'roleArn' | 'externalId'>,
  region: string,
): AwsScope {
  return {
    target: { accountId: target.accountId, roleArn: target.roleArn, externalId: target.externalId },
    region,
    sessionName: sessionNameFor(session.email),
  };
}

export function hubScope(session: Pick<ConsoleSession, 'email'>, region = env().AWS_REGION): AwsScope {
  return {
    target: { accountId: 'hub', roleArn: null, externalId: null },
    region,
    sessionName: sessionNameFor(session.email),
  };
}
