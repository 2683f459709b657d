import 'server-only';
/**
 * One SDK client per (service, target, region, user session), built on first use and reused.
 * Throttling is the SDK's job (adaptive retry mode); a silent region is cut off by a request
 * timeout so it cannot hold up the others.
 */
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { env } from '../env';
import { credentialsFor, type AwsTarget } from './credentials';
import { requestHandlerOptions } from './http-options';

export interface AwsScope {
  target: AwsTarget;
  region: string;
  sessionName: string;
}

interface ClientConfig {
  region: string;
  credentials: AwsCredentialIdentityProvider;
  retryMode: string;
  maxAttempts: number;
  requestHandler: { requestTimeout: number; connectionTimeout: number; throwOnRequestTimeout: boolean };
}

type ClientCtor<C> = new (config: ClientConfig) => C;

const cache = new Map<string, unknown>();

export function awsClient<C>(ctor: ClientCtor<C>, scope: AwsScope): C {
  const t = scope.target;
  const key = [ctor.name, t.accountId, t.roleArn ?? 'hub', t.externalId ?? '', scope.region, scope.sessionName].join(
    '|',
  );
  let client = cache.get(key) as C | undefined;
  if (!client) {
    client = new ctor({
      region: scope.region,
      credentials: credentialsFor(t, scope.sessionName),
      retryMode: 'adaptive',
      maxAttempts: env().AWS_MAX_ATTEMPTS,
      requestHandler: requestHandlerOptions(),
    });
    cache.set(key, client);
  }
  return client;
}

/** Drops the clients of a target whose role changed. */
export function forgetClients(accountId: string): void {
  for (const key of cache.keys()) if (key.split('|')[1] === accountId) cache.delete(key);
}
