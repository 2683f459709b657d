/**
 * HTTP transport for Alert Logic APIs: a per-attempt timeout, and retries with exponential
 * back-off only for idempotent calls that hit a 5xx or a network error (as Alert Logic's own
 * clients do; a timed-out call is not retried, so a slow AIMS never multiplies the wait).
 */
import { AimsError } from './errors';

export interface TransportOptions {
  baseUrl: string;
  timeoutMs: number;
  /** Extra attempts for idempotent calls. */
  retries: number;
  retryBaseMs: number;
  fetchImpl?: typeof fetch;
}

export interface AimsRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  token?: string;
  headers?: Record<string, string>;
  json?: unknown;
  idempotent: boolean;
}

export interface AimsResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON body, undefined when the body was empty. */
  body: unknown;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
}

async function attempt(opts: TransportOptions, req: AimsRequest): Promise<AimsResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
  if (req.token) headers['x-aims-auth-token'] = req.token;
  let body: string | undefined;
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.json);
  }
  const doFetch = opts.fetchImpl ?? fetch;
  let res: Response;
  let text: string;
  try {
    res = await doFetch(new URL(req.path, opts.baseUrl), {
      method: req.method,
      headers,
      body,
      signal: AbortSignal.timeout(opts.timeoutMs),
      cache: 'no-store',
    });
    text = await res.text();
  } catch (err) {
    if (isTimeout(err)) {
      throw new AimsError(
        'timeout',
        `Alert Logic did not answer within ${Math.round(opts.timeoutMs / 1000)} s`,
        undefined,
        {
          cause: err,
        },
      );
    }
    throw new AimsError('unreachable', 'Alert Logic could not be reached', undefined, { cause: err });
  }
  if (text.trim() === '') return { status: res.status, headers: res.headers, body: undefined };
  try {
    return { status: res.status, headers: res.headers, body: JSON.parse(text) as unknown };
  } catch (err) {
    // HTML from a proxy, or a truncated body. A 5xx stays a server error (and may be retried).
    if (res.status >= 500) return { status: res.status, headers: res.headers, body: undefined };
    throw new AimsError('bad_response', `Alert Logic sent an unreadable answer (${res.status})`, res.status, {
      cause: err,
    });
  }
}

export async function aimsFetch(opts: TransportOptions, req: AimsRequest): Promise<AimsResponse> {
  const attempts = req.idempotent ? opts.retries + 1 : 1;
  for (let i = 1; ; i++) {
    try {
      const res = await attempt(opts, req);
      // writes_disabled is a deliberate 503 from AIMS: repeating the call would not help.
      if (res.status >= 500 && !isWritesDisabled(res.body) && i < attempts) {
        await sleep(opts.retryBaseMs * 2 ** (i - 1));
        continue;
      }
      return res;
    } catch (err) {
      if (err instanceof AimsError && err.code === 'unreachable' && i < attempts) {
        await sleep(opts.retryBaseMs * 2 ** (i - 1));
        continue;
      }
      throw err;
    }
  }
}

function isWritesDisabled(body: unknown): boolean {
  return !!body && typeof body === 'object' && (body as { error?: unknown }).error === 'writes_disabled';
}
