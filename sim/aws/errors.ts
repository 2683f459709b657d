/**
 * Errors the handlers throw; respond.ts renders them in the protocol of the service that was
 * called. The common ones (throttling, internal failure, bad token, access denied) differ per
 * service in code, status and body, so they are built here from the service name.
 */
import { type ServiceName } from './services';
import { type Identity } from './world-types';

export interface AwsErrorOptions {
  /** awsQuery `<Type>`: Sender (the caller's fault) unless said otherwise. */
  fault?: 'Sender' | 'Receiver';
  /** restJson/JSON body; default `{"message": …}`. */
  body?: Record<string, unknown>;
  /** CloudWatch (awsQueryCompatible): the legacy query code sent in `x-amzn-query-error`; default `code`. */
  queryCode?: string;
}

export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly options: AwsErrorOptions = {},
  ) {
    super(message);
  }
}

export const validationError = (message: string): AwsError => new AwsError('ValidationError', message);

/** Services whose common errors are JSON-style (`UnrecognizedClientException`, …); CloudWatch keeps query codes. */
const jsonStyle = (service: ServiceName): boolean =>
  service === 'guardduty' || service === 'lambda' || service === 'logs' || service === 'json';

/** Lambda's modelled errors carry `Type` and `Message` (PascalCase); GuardDuty's `message` and `__type`. */
function jsonBody(service: ServiceName, code: string, message: string): Record<string, unknown> {
  if (service === 'lambda') return { Type: 'User', Message: message };
  if (service === 'guardduty') return { message, __type: code };
  return { message };
}

const byService = (service: ServiceName, code: string, message: string, status: number): AwsError =>
  new AwsError(code, message, status, { body: jsonBody(service, code, message) });

export function throttled(service: ServiceName): AwsError {
  switch (service) {
    case 'ec2':
      return new AwsError('RequestLimitExceeded', 'Request limit exceeded.', 503);
    case 'logs':
      return new AwsError('ThrottlingException', 'Rate exceeded', 400, { body: { message: 'Rate exceeded' } });
    case 'guardduty':
    case 'lambda':
    case 'json':
      return new AwsError('TooManyRequestsException', 'Rate exceeded', 429, {
        body:
          service === 'lambda'
            ? { Type: 'User', message: 'Rate exceeded', Reason: 'CallerRateLimitExceeded' }
            : { message: 'Rate exceeded', __type: 'TooManyRequestsException' },
      });
    default:
      return new AwsError('Throttling', 'Rate exceeded', 400);
  }
}

export const internalFailure = (service: ServiceName): AwsError =>
  new AwsError('InternalFailure', 'We encountered an internal error. Please try again.', 500, {
    fault: 'Receiver',
    body: jsonBody(service, 'InternalFailure', 'We encountered an internal error. Please try again.'),
  });

const TOKEN_INVALID = 'The security token included in the request is invalid.';

/** An opt-in region the account has not enabled does not know the caller's credentials. */
export function invalidToken(service: ServiceName): AwsError {
  return jsonStyle(service)
    ? new AwsError('UnrecognizedClientException', TOKEN_INVALID, 403, { body: { message: TOKEN_INVALID } })
    : new AwsError('InvalidClientTokenId', TOKEN_INVALID, 403);
}

const TOKEN_EXPIRED = 'The security token included in the request is expired';

export function expiredToken(service: ServiceName): AwsError {
  return jsonStyle(service)
    ? new AwsError('ExpiredTokenException', TOKEN_EXPIRED, 403, { body: { message: TOKEN_EXPIRED } })
    : new AwsError('ExpiredToken', TOKEN_EXPIRED, 400);
}

export function missingAuthentication(service: ServiceName): AwsError {
  return jsonStyle(service)
    ? new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403, {
        body: { message: 'Missing Authentication Token' },
      })
    : new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
}

/** The IAM deny message every service uses, in each service's error shape. */
export function accessDenied(service: ServiceName, who: Identity, action: string, resource: string): AwsError {
  const because = `because no identity-based policy allows the ${action} action`;
  if (service === 'ec2') {
    return new AwsError(
      'UnauthorizedOperation',
      `You are not authorized to perform this operation. User: ${who.arn} is not authorized to perform: ${action} ${because}`,
      403,
    );
  }
  const message = `User: ${who.arn} is not authorized to perform: ${action} on resource: ${resource} ${because}`;
  if (service === 'guardduty' || service === 'lambda') return byService(service, 'AccessDeniedException', message, 403);
  if (service === 'logs') return new AwsError('AccessDeniedException', message, 400, { body: { message } });
  return new AwsError('AccessDenied', message, 403);
}
