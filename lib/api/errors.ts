/**
 * One error vocabulary for route handlers: every failure becomes `{ error, message }` with a real
 * HTTP status. Users see the short message; the cause is logged on the server, secrets redacted.
 */
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { AimsError, type AimsErrorCode } from '../aims/errors';
import { logger } from '../log';

export type AppErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'session_expired'
  | 'forbidden'
  | 'cross_site'
  | 'not_found'
  | 'conflict'
  | 'limit_exceeded'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'upstream_unavailable'
  | 'upstream_timeout'
  | 'writes_disabled'
  | 'internal';

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface ApiErrorBody {
  error: AppErrorCode;
  message: string;
}

const AIMS_TO_APP: Partial<Record<AimsErrorCode, [AppErrorCode, number, string]>> = {
  token_invalid: ['session_expired', 401, 'Your Alert Logic session has expired. Sign in again.'],
  forbidden: ['forbidden', 403, 'Alert Logic refused this for your user.'],
  not_found: ['not_found', 404, 'Alert Logic has no such item. It may have been deleted already.'],
  gone: ['not_found', 404, 'The Alert Logic user or account was deleted.'],
  limit_exceeded: [
    'limit_exceeded',
    409,
    'You already have 5 access keys, the most Alert Logic allows. Delete a key you no longer use, then create the new one.',
  ],
  invalid_label: ['bad_request', 400, 'Alert Logic rejected that label. Use up to 256 printable characters.'],
  invalid_request: ['bad_request', 400, 'Alert Logic rejected the request as invalid.'],
  payload_too_large: ['payload_too_large', 413, 'The request is too large.'],
  writes_disabled: [
    'writes_disabled',
    503,
    'Alert Logic is not accepting changes right now (writes disabled). Try again later.',
  ],
  timeout: ['upstream_timeout', 504, 'Alert Logic did not answer in time. Nothing was changed on our side; try again.'],
  unreachable: ['upstream_unavailable', 502, 'GuardLink could not reach Alert Logic. Try again in a minute.'],
  server_error: ['upstream_unavailable', 502, 'Alert Logic answered with a server error. Try again in a minute.'],
  bad_response: ['upstream_unavailable', 502, 'Alert Logic sent an answer GuardLink could not read. Try again later.'],
};

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof z.ZodError) {
    const issue = err.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return new AppError('bad_request', `${where}${issue?.message ?? 'Invalid input'}`, 400);
  }
  if (err instanceof AimsError) {
    const mapped = AIMS_TO_APP[err.code];
    if (mapped) return new AppError(mapped[0], mapped[2], mapped[1]);
  }
  return new AppError('internal', 'Something went wrong on the GuardLink server. The error was logged.', 500);
}

export function errorResponse(err: unknown, context: string): NextResponse<ApiErrorBody> {
  const app = toAppError(err);
  const fields = {
    code: app.code,
    // A ZodError's message is its whole issue list; the mapped message says the same in one line.
    cause:
      err instanceof z.ZodError
        ? `ZodError: ${app.message}`
        : err instanceof Error
          ? `${err.name}: ${err.message}`
          : String(err),
    ...(err instanceof AimsError ? { aimsCode: err.code, aimsStatus: err.status } : {}),
  };
  if (app.status >= 500) logger.error(context, fields);
  else logger.warn(context, fields);
  return NextResponse.json({ error: app.code, message: app.message }, { status: app.status });
}
