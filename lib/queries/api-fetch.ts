/** The one way client components talk to GuardLink's route handlers. */

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function readError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'message' in body && 'error' in body) {
    const { error, message } = body as { error: unknown; message: unknown };
    if (typeof error === 'string' && typeof message === 'string') return new ApiError(status, error, message);
  }
  return new ApiError(status, 'unknown', `GuardLink answered with an unexpected error (${status}). Try again.`);
}

export async function apiFetch<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      headers: init.json === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network', 'Your browser could not reach GuardLink. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = readError(res.status, body);
    if (res.status === 401) {
      // The session is over (token expired, or signed out elsewhere): back to sign-in.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load drops the ended session's client state
      window.location.assign('/sign-in?reason=expired');
    }
    throw err;
  }
  return body as T;
}
