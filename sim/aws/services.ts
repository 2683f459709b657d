/** The services the simulator answers and the wire protocol each speaks (aws-semantics §1). */

export type ServiceName = 'sts' | 'cloudformation' | 'iam' | 'ec2' | 'guardduty' | 'lambda' | 'json';

/** `json` is any X-Amz-Target (JSON RPC) service: none is implemented yet, they are answered cleanly. */
export type Protocol = 'query' | 'ec2' | 'restJson' | 'json';

export const PROTOCOL: Record<ServiceName, Protocol> = {
  sts: 'query',
  cloudformation: 'query',
  iam: 'query',
  ec2: 'ec2',
  guardduty: 'restJson',
  lambda: 'restJson',
  json: 'json',
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
export const THROTTLED_SERVICES = ['cloudformation', 'sts', 'guardduty', 'ec2', 'iam', 'lambda'] as const;
export type ThrottledService = (typeof THROTTLED_SERVICES)[number];
