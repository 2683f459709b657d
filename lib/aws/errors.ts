/**
 * AWS failures sorted into the few kinds the console reacts to differently. The SDK names errors
 * after the service's code (AccessDenied, ValidationError, Throttling, ...).
 */
export type AwsFailureKind =
  | 'access_denied'
  | 'throttled'
  | 'not_found'
  | 'validation'
  | 'already_exists'
  | 'no_credentials'
  | 'region_disabled'
  | 'timeout'
  | 'network'
  | 'service';

export interface AwsFailure {
  kind: AwsFailureKind;
  code: string;
  message: string;
  status?: number;
}

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);

export function classifyAwsError(err: unknown): AwsFailure {
  const e = err as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const code = e?.name ?? 'Error';
  const message = e?.message ?? String(err);
  const status = e?.$metadata?.httpStatusCode;
  const base = { code, message, status };
  if (code === 'CredentialsProviderError' || /Could not load credentials/i.test(message))
    return { kind: 'no_credentials', ...base };
  if (code === 'UnrecognizedClientException' || code === 'InvalidClientTokenId')
    return { kind: 'region_disabled', ...base };
  if (THROTTLING.has(code)) return { kind: 'throttled', ...base };
  if (/AccessDenied|UnauthorizedOperation|not authorized/i.test(code) || /is not authorized to perform/.test(message)) {
    return { kind: 'access_denied', ...base };
  }
  if (code === 'AlreadyExistsException') return { kind: 'already_exists', ...base };
  if (code === 'ResourceNotFoundException' || code === 'NoSuchEntityException' || /does not exist/.test(message)) {
    return { kind: 'not_found', ...base };
  }
  if (code === 'ValidationError' || code === 'InsufficientCapabilitiesException' || code === 'BadRequestException') {
    return { kind: 'validation', ...base };
  }
  if (code === 'TimeoutError' || code === 'RequestTimeout' || /timed? ?out/i.test(message))
    return { kind: 'timeout', ...base };
  if (['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EPIPE'].some((c) => message.includes(c) || e?.code === c)) {
    return { kind: 'network', ...base };
  }
  return { kind: 'service', ...base };
}
