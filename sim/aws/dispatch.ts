/**
 * Works out which service and operation a request is for (aws-semantics §8.1): X-Amz-Target
 * first (JSON RPC), then the REST JSON paths, then the form's Action and Version.
 */
import { type IncomingMessage } from 'node:http';
import { CLOUDWATCH_OPERATIONS } from './cloudwatch';
import { AwsError } from './errors';
import { EC2_OPERATIONS } from './ec2';
import { GUARDDUTY_ROUTES } from './guardduty';
import { FINDING_ROUTES } from './guardduty-findings';
import { IAM_OPERATIONS } from './iam';
import { LAMBDA_ROUTES } from './lambda';
import { LOGS_OPERATIONS } from './logs-api';
import { type Operation, type RestRoute } from './operation';
import { PROTOCOL, QUERY_VERSIONS, RPC_TARGETS, type Protocol, type ServiceName } from './services';
import { STS_OPERATIONS } from './sts';
import { CLOUDFORMATION_OPERATIONS } from './cloudformation/routes';

const QUERY_OPERATIONS: Partial<Record<ServiceName, Operation[]>> = {
  sts: STS_OPERATIONS,
  cloudformation: CLOUDFORMATION_OPERATIONS,
  iam: IAM_OPERATIONS,
  ec2: EC2_OPERATIONS,
};

const REST_SERVICES: { prefix: RegExp; service: ServiceName; routes: RestRoute[] }[] = [
  { prefix: /^\/detector(\/|$)/, service: 'guardduty', routes: [...GUARDDUTY_ROUTES, ...FINDING_ROUTES] },
  { prefix: /^\/2015-03-31\/functions(\/|$)/, service: 'lambda', routes: LAMBDA_ROUTES },
];

export interface Classified {
  service: ServiceName;
  protocol: Protocol;
  /** Absent when the request names no operation the simulator knows; `error` then says why. */
  op?: Operation;
  error?: AwsError;
  /** `Action=<Op>` for form and JSON RPC calls, also matched by fault patterns. */
  actionLabel?: string;
  form: URLSearchParams;
  json: Record<string, unknown>;
  pathParams: string[];
}

const RPC_OPERATIONS: Partial<Record<ServiceName, Operation[]>> = {
  logs: LOGS_OPERATIONS,
  cloudwatch: CLOUDWATCH_OPERATIONS,
};

const unknownOperation = (message: string, status = 400): AwsError =>
  new AwsError('UnknownOperationException', message, status, { body: { message }, queryCode: 'InvalidAction' });

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function parseJsonBody(body: Buffer): Record<string, unknown> | undefined {
  if (body.length === 0) return {};
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** JSON RPC (`X-Amz-Target: <Prefix>.<Op>`): CloudWatch Logs and CloudWatch; any other target is answered cleanly. */
function classifyRpc(target: string, body: Buffer): Classified {
  const dot = target.lastIndexOf('.');
  const opName = target.slice(dot + 1);
  const service = RPC_TARGETS[target.slice(0, Math.max(0, dot))] ?? 'json';
  const base = { service, protocol: PROTOCOL[service], actionLabel: `Action=${opName}`, form: new URLSearchParams() };
  const op = RPC_OPERATIONS[service]?.find((o) => o.name === opName);
  if (!op) {
    return {
      ...base,
      json: {},
      pathParams: [],
      error: unknownOperation(`Operation ${target} is not supported by this simulator`),
    };
  }
  const json = parseJsonBody(body);
  if (!json) {
    return {
      ...base,
      json: {},
      pathParams: [],
      error: new AwsError('SerializationException', 'Invalid JSON body', 400),
    };
  }
  return { ...base, op, json, pathParams: [] };
}

export function classify(req: IncomingMessage, path: string, body: Buffer, signingService?: string): Classified {
  const empty = { form: new URLSearchParams(), json: {}, pathParams: [] };
  const target = header(req, 'x-amz-target');
  if (target) return classifyRpc(target, body);
  const method = req.method ?? 'GET';
  for (const rest of REST_SERVICES) {
    if (!rest.prefix.test(path)) continue;
    const base = { service: rest.service, protocol: PROTOCOL[rest.service], ...empty };
    for (const route of rest.routes) {
      const m = route.pattern.exec(path);
      if (!m || route.method !== method) continue;
      const json = parseJsonBody(body);
      if (!json) return { ...base, error: new AwsError('SerializationException', 'Invalid JSON body', 400) };
      return { ...base, op: route, json, pathParams: m.slice(1).map(decodeURIComponent) };
    }
    return { ...base, error: unknownOperation(`No operation matches ${method} ${path}`, 404) };
  }

  const form = new URLSearchParams(body.toString('utf8'));
  const action = form.get('Action');
  const version = form.get('Version') ?? '';
  const fromScope = signingService && signingService in QUERY_OPERATIONS ? (signingService as ServiceName) : undefined;
  const service = QUERY_VERSIONS[version] ?? fromScope ?? 'cloudformation';
  const base = { service, protocol: PROTOCOL[service], form, json: {}, pathParams: [] };
  if (!action) return { ...base, error: new AwsError('MissingAction', 'Missing Action') };
  const op = QUERY_OPERATIONS[service]?.find((o) => o.name === action);
  if (!op || !QUERY_VERSIONS[version]) {
    const message =
      service === 'ec2'
        ? `The action ${action} is not valid for this web service.`
        : `Could not find operation ${action} for version ${version || 'NO_VERSION_SPECIFIED'}`;
    return { ...base, actionLabel: `Action=${action}`, error: new AwsError('InvalidAction', message) };
  }
  return { ...base, op, actionLabel: `Action=${action}` };
}
