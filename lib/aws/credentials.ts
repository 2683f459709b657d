import 'server-only';
/**
 * AWS credentials: the SDK's default chain for the hub (GuardLink's own identity: env keys,
 * profile, SSO, instance or task role), and cross-account role credentials assumed from it with
 * an ExternalId, cached until shortly before they expire and shared by every client of a target.
 */
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { env } from '../env';
import { requestHandlerOptions } from './http-options';

export interface AwsTarget {
  accountId: string;
  /** Null: the hub itself. */
  roleArn: string | null;
  externalId: string | null;
}

const REFRESH_BEFORE_MS = 5 * 60 * 1000;

/** One in-flight fetch at a time; fresh credentials are reused until 5 minutes before expiry. */
export function memoizeCredentials(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let current: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    const fresh = current && (!current.expiration || current.expiration.getTime() - Date.now() > REFRESH_BEFORE_MS);
    if (fresh && current) return current;
    pending ??= provider()
      .then((c) => {
        current = c;
        return c;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}

let hub: AwsCredentialIdentityProvider | undefined;

export function hubCredentials(): AwsCredentialIdentityProvider {
  hub ??= memoizeCredentials(fromNodeProviderChain());
  return hub;
}

/** RoleSessionName names the console user, so CloudTrail in the target account shows who acted. */
export function sessionNameFor(email: string): string {
  const safe = email.replace(/[^\w+=,.@-]/g, '-');
  return `guardlink-${safe}`.slice(0, 64);
}

const roleCache = new Map<string, AwsCredentialIdentityProvider>();

export function credentialsFor(target: AwsTarget, sessionName: string): AwsCredentialIdentityProvider {
  if (!target.roleArn) return hubCredentials();
  const key = `${target.roleArn}|${target.externalId ?? ''}|${sessionName}`;
  let provider = roleCache.get(key);
  if (!provider) {
    provider = memoizeCredentials(
      fromTemporaryCredentials({
        params: {
          RoleArn: target.roleArn,
          RoleSessionName: sessionName,
          ...(target.externalId ? { ExternalId: target.externalId } : {}),
          DurationSeconds: 3600,
        },
        masterCredentials: hubCredentials(),
        clientConfig: { region: env().AWS_REGION, maxAttempts: 3, requestHandler: requestHandlerOptions() },
      }),
    );
    roleCache.set(key, provider);
  }
  return provider;
}

/** After a target's role or ExternalId changes, its cached credentials must not be reused. */
export function forgetCredentials(roleArn: string): void {
  for (const key of roleCache.keys()) if (key.startsWith(`${roleArn}|`)) roleCache.delete(key);
}
