/**
 * RegistrationResource: the collector Lambda authenticates to AIMS with the stack's access key
 * (a real call to the Alert Logic simulator) and logs like a Node.js Lambda (§7.3). A failure
 * becomes the custom resource's FAILED response, pointing at the log stream.
 */
import { lambdaLogStream, uuid } from '../ids';
import { type Stack } from '../world-types';
import { type RunContext } from './engine';
import { COLLECTOR_FUNCTION_NAME } from './template';

export const COLLECTOR_LOG_GROUP = `/aws/lambda/${COLLECTOR_FUNCTION_NAME}`;

type Outcome = { ok: true } | { ok: false; line: (iso: string, requestId: string) => string };

async function authenticate(op: RunContext, accessKeyId: string, secretKey: string): Promise<Outcome> {
  const timeoutMs = op.settings.registrationTimeoutMs;
  const basic = Buffer.from(`${accessKeyId}:${secretKey}`).toString('base64');
  try {
    const res = await fetch(`${op.aimsUrl.replace(/\/$/, '')}/aims/v1/authenticate`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}` },
      signal: AbortSignal.any([op.signal, AbortSignal.timeout(timeoutMs)]),
    });
    await res.arrayBuffer();
    if (res.status === 200) return { ok: true };
    const text = `Error: AIMS authentication failed: ${res.status} ${res.statusText}`;
    return { ok: false, line: (iso, id) => `${iso}\t${id}\tERROR\tAWSC0003 registration error: ${text}` };
  } catch (err) {
    op.check();
    if (err instanceof Error && err.name === 'TimeoutError') {
      // The function's own timeout: Lambda logs it space-separated, with no level token.
      const seconds = (timeoutMs / 1000).toFixed(2);
      return { ok: false, line: (iso, id) => `${iso} ${id} Task timed out after ${seconds} seconds` };
    }
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
    return {
      ok: false,
      line: (iso, id) => `${iso}\t${id}\tERROR\tAWSC0003 registration error: Error: AIMS request failed: ${cause}`,
    };
  }
}

/**
 * Invokes the registration and writes the invocation's log lines to `stream`. Returns the
 * custom resource's failure reason, or undefined when registration succeeded.
 */
export async function register(
  op: RunContext,
  stack: Stack,
  stream: string,
  requestType: 'Create' | 'Update',
): Promise<string | undefined> {
  const requestId = uuid();
  const started = Date.now();
  const outcome = await authenticate(op, stack.parameters.AccessKeyId ?? '', stack.parameters.SecretKey ?? '');
  op.check();
  const ended = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const duration = Math.max(1, ended - started) + 0.37;
  const lines = [
    { timestamp: started, message: `START RequestId: ${requestId} Version: $LATEST` },
    {
      timestamp: started,
      message: `${iso(started)}\t${requestId}\tINFO\tRegistering collector with Alert Logic (RequestType: ${requestType}, stack: ${stack.stackName})`,
    },
  ];
  if (!outcome.ok) lines.push({ timestamp: ended, message: outcome.line(iso(ended), requestId) });
  lines.push(
    { timestamp: ended, message: `END RequestId: ${requestId}` },
    {
      timestamp: ended,
      message:
        `REPORT RequestId: ${requestId}\tDuration: ${duration.toFixed(2)} ms\tBilled Duration: ${Math.ceil(duration)} ms\t` +
        `Memory Size: 256 MB\tMax Memory Used: 87 MB\t`,
    },
  );
  op.world.logs.append(stack.account, stack.region, COLLECTOR_LOG_GROUP, stream, lines);
  if (outcome.ok) return undefined;
  return `Received response status [FAILED] from custom resource. Message returned: See the details in CloudWatch Log Stream: ${stream} (RequestId: ${uuid()})`;
}

/** A new invocation's stream (updates run in a fresh one; the resource's physical id stays). */
export const invocationStream = (): string => lambdaLogStream(new Date());
