/** Identifier and timestamp formats of the simulated services. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export const uuid = (): string => randomUUID();

export const randomHex = (length: number): string =>
  randomBytes(Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);

function alnumFrom(bytes: Buffer, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += UPPER_ALNUM[(bytes[i % bytes.length] ?? 0) % UPPER_ALNUM.length];
  return out;
}

export const randomUpperAlnum = (length: number): string => alnumFrom(randomBytes(length), length);

/** Deterministic so a reset world has the same ids. */
export const stableHex = (seed: string, length: number): string =>
  createHash('sha256').update(seed).digest('hex').slice(0, length);

/** IAM unique ids: a 4-letter prefix (`AROA` role, `AIDA` user) and 17 characters, stable per seed. */
export const iamUniqueId = (prefix: string, seed: string): string =>
  prefix + alnumFrom(createHash('sha256').update(seed).digest(), 17);

export const sessionAccessKeyId = (): string => `ASIA${randomUpperAlnum(16)}`;
export const secretAccessKey = (): string => randomBytes(30).toString('base64');
export const sessionToken = (): string => `IQoJb3JpZ2luX2Vj${randomBytes(180).toString('base64')}`;

/** CloudFormation's physical-name suffix, e.g. `guardlink-CollectLambdaRole-1A2B3C4D5E6F`. */
export const physicalSuffix = (): string => randomUpperAlnum(12);

/** Lambda's LastModified, e.g. `2026-12-04T10:00:00.000+0000`. */
export const lambdaTimestamp = (d: Date): string => d.toISOString().replace('Z', '+0000');

/** A Lambda log stream, `YYYY/MM/DD/[$LATEST]<32 hex>`. */
export function lambdaLogStream(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/[$LATEST]${randomHex(32)}`;
}
