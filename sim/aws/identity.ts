/**
 * Who is calling, and where: the region and signing service come from the SigV4 credential
 * scope; the identity from the access key id (signatures are not checked).
 */
import { type AwsWorld } from './world';
import { type Identity } from './world-types';

export interface SigV4Scope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/;

/** `AWS4-HMAC-SHA256 Credential=AKID/20261204/eu-west-1/cloudformation/aws4_request, …`. */
export function parseScope(authorization: string | undefined): SigV4Scope | undefined {
  const m = authorization ? CREDENTIAL.exec(authorization) : null;
  if (!m) return undefined;
  const [, accessKeyId, date, region, service] = m as unknown as [string, string, string, string, string];
  return { accessKeyId, date, region, service };
}

/** STS-issued keys act as their assumed role; any other key is the hub's console user. */
export function resolveIdentity(world: AwsWorld, accessKeyId: string): Identity {
  return world.sessions.get(accessKeyId)?.identity ?? world.hubIdentity();
}

/** Session credentials stop working at their Expiration. */
export function sessionExpired(world: AwsWorld, accessKeyId: string): boolean {
  const session = world.sessions.get(accessKeyId);
  return session !== undefined && session.expiration.getTime() <= Date.now();
}
