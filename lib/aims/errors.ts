/** One error type for every documented AIMS failure (reference/alertlogic-api.md sections 3-4). */

export type AimsErrorCode =
  | 'invalid_credentials'
  | 'invalid_mfa_code'
  | 'invalid_session_token'
  | 'mfa_enrollment_required'
  | 'tos_required'
  | 'password_expired'
  | 'account_inactive'
  | 'account_locked'
  | 'account_unavailable'
  | 'token_invalid'
  | 'forbidden'
  | 'not_found'
  | 'gone'
  | 'limit_exceeded'
  | 'invalid_label'
  | 'invalid_request'
  | 'payload_too_large'
  | 'writes_disabled'
  | 'server_error'
  | 'timeout'
  | 'unreachable'
  | 'bad_response';

export class AimsError extends Error {
  override readonly name = 'AimsError';

  constructor(
    readonly code: AimsErrorCode,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isAimsError(err: unknown, code?: AimsErrorCode): err is AimsError {
  return err instanceof AimsError && (code === undefined || err.code === code);
}

/** The `error` field of a documented JSON error body, if there is one. */
export function errorField(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'error' in body) {
    const v = (body as { error: unknown }).error;
    return typeof v === 'string' ? v : undefined;
  }
  return undefined;
}

/** Maps a non-2xx answer of any AIMS call other than authenticate. */
export function errorForStatus(status: number, body: unknown): AimsError {
  const code = errorField(body);
  if (status === 400) {
    if (code === 'limit_exceeded')
      return new AimsError('limit_exceeded', 'This user already has 5 access keys', status);
    if (code === 'invalid_label') return new AimsError('invalid_label', 'Alert Logic rejected the key label', status);
    return new AimsError('invalid_request', `Alert Logic rejected the request (${code ?? 'bad request'})`, status);
  }
  if (status === 401) return new AimsError('token_invalid', 'The Alert Logic session has expired', status);
  if (status === 403) return new AimsError('forbidden', 'Alert Logic refused the request for this user', status);
  if (status === 404) return new AimsError('not_found', 'Alert Logic did not find it', status);
  if (status === 410) return new AimsError('gone', 'The Alert Logic user or account was deleted', status);
  if (status === 413) return new AimsError('payload_too_large', 'The request was too large for Alert Logic', status);
  if (status === 503 && code === 'writes_disabled') {
    return new AimsError('writes_disabled', 'Alert Logic is not accepting changes right now', status);
  }
  if (status >= 500) return new AimsError('server_error', `Alert Logic answered with an error (${status})`, status);
  return new AimsError('bad_response', `Unexpected answer from Alert Logic (${status})`, status);
}
