/** The services the simulator answers and the wire protocol each speaks (aws-semantics §1). */

export type ServiceName =
  'sts' | 'cloudformation' | 'iam' | 'ec2' | 'guardduty' | 'lambda' | 'logs' | 'cloudwatch' | 'json';

/**
 * `json` is awsJson1_1 (CloudWatch Logs; also any unknown X-Amz-Target, answered cleanly as
 * service `json`); `json10` is CloudWatch's awsJson1_0 with awsQueryCompatible errors (§1.1).
 */
export type Protocol = 'query' | 'ec2' | 'restJson' | 'json' | 'json10';

export const PROTOCOL: Record<ServiceName, Protocol> = {
  sts: 'query',
  cloudformation: 'query',
  iam: 'query',
  ec2: 'ec2',
  guardduty: 'restJson',
  lambda: 'restJson',
  logs: 'json',
  cloudwatch: 'json10',
  json: 'json',
};

/** X-Amz-Target prefix (before the dot) → JSON RPC service (aws-semantics §8.1). */
export const RPC_TARGETS: Record<string, ServiceName> = {
  Logs_20140328: 'logs',
  GraniteServiceVersion20100801: 'cloudwatch',
};

/** Form `Version` → service. */
export const QUERY_VERSIONS: Record<string, ServiceName> = {
  '2011-06-15': 'sts',
  '2010-05-15': 'cloudformation',
  '2010-05-08': 'iam',
  '2016-11-15': 'ec2',
};

export const XML_NAMESPACE: Record<string, string> = {
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  cloudformation: 'http://cloudformation.amazonaws.com/doc/2010-05-15/',
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  ec2: 'http://ec2.amazonaws.com/doc/2016-11-15/',
};

/** The services `POST /_sim/throttle` accepts. */
export const THROTTLED_SERVICES = [
  'cloudformation',
  'sts',
  'guardduty',
  'ec2',
  'iam',
  'lambda',
  'logs',
  'cloudwatch',
] as const;
export type ThrottledService = (typeof THROTTLED_SERVICES)[number];
