import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AimsError } from '../aims/errors';
import { AppError, toAppError } from './errors';

describe('toAppError', () => {
  it('maps AIMS failures to statuses and user messages', () => {
    expect(toAppError(new AimsError('limit_exceeded', 'x', 400))).toMatchObject({
      status: 409,
      code: 'limit_exceeded',
    });
    expect(toAppError(new AimsError('token_invalid', 'x', 401))).toMatchObject({
      status: 401,
      code: 'session_expired',
    });
    expect(toAppError(new AimsError('timeout', 'x'))).toMatchObject({ status: 504 });
    expect(toAppError(new AimsError('bad_response', 'x', 200))).toMatchObject({ status: 502 });
    expect(toAppError(new AimsError('writes_disabled', 'x', 503))).toMatchObject({ status: 503 });
  });

  it('turns a zod error into a 400 naming the field', () => {
    const err = z.object({ label: z.string().min(1, 'Needs a label') }).safeParse({ label: '' }).error;
    expect(toAppError(err)).toMatchObject({ status: 400, message: 'label: Needs a label' });
  });

  it('hides unknown errors behind a generic 500', () => {
    const app = toAppError(new TypeError('cannot read x of undefined'));
    expect(app.status).toBe(500);
    expect(app.message).not.toContain('undefined');
    expect(toAppError(new AppError('forbidden', 'no', 403)).status).toBe(403);
  });
});
